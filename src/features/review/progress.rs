//! Drift and delay on the Overview: the time taken so far against the 6–9 months, the delay log,
//! and the review's own timescales (taken from the committee's when it was created), which a
//! person can change for this review alone.

use leptos::prelude::*;
use sightline_core::dates::format_uk_date;
use sightline_core::form::FieldError;
use sightline_core::review::progress::Pace;
use sightline_core::review::settings::{parse_timescales, TIMESCALE_FIELDS};
use sightline_core::{DateParts, Timescales};

use super::detail_inputs::TypedDates;
use crate::components::error_summary::error_for;
use crate::components::{described_by, load_once, DateInput, ErrorSummary, Field};
use crate::platform::clock;
use crate::services::committee;
use crate::services::session::{new_id, use_review_session};

/// Time taken and the delay log.
#[component]
pub fn ProgressSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let today = clock::today();
    let on = RwSignal::new(DateParts::from_date(today));
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = move |field: &'static str| Signal::derive(move || error_for(&errors.read(), field));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parts = on.get_untracked();
        let mut dates = TypedDates::default();
        let date = dates.read(&parts, "delay-date", "The date of the delay");
        let typed = reason.get_untracked();
        match session.try_edit(|r| r.log_delay(new_id(), date, &typed)) {
            Ok(()) => {
                errors.set(Vec::new());
                reason.set(String::new());
            }
            Err(problems) => errors.set(dates.merge(problems, &["delay-date", "delay-reason"])),
        }
    };
    let time_taken = move || {
        let review = review.read();
        match review.time_taken(today) {
            None => view! {
                <p class="app-body" data-testid="time-taken">
                    {if review.decision.as_ref().is_some_and(|d| d.outcome == sightline_core::review::decision::Outcome::NoReview) {
                        "The committee decided not to hold a review, so no time is counted."
                    } else {
                        "The time taken is counted from the decision, once it has a date."
                    }}
                </p>
            }.into_any(),
            Some(taken) => {
                let class = match taken.pace {
                    Pace::OnTrack => "app-tag app-tag--green",
                    Pace::PastTarget => "app-tag app-tag--yellow",
                    Pace::PastLimit => "app-tag app-tag--red",
                };
                let tag = match taken.pace {
                    Pace::OnTrack => "On track",
                    Pace::PastTarget => "Past the aim",
                    Pace::PastLimit => "Past the limit",
                };
                let sentence = taken.sentence(review.timescales.completion_target_months, review.timescales.completion_months);
                view! {
                    <p class="app-body" data-testid="time-taken">
                        <strong class=class>{tag}</strong>" "{sentence}
                    </p>
                }.into_any()
            }
        }
    };
    let delays = move || {
        review
            .read()
            .delays_in_order()
            .into_iter()
            .map(|(id, d)| {
                let when = format_uk_date(d.on);
                view! {
                    <tr class="app-table__row" data-testid="delay">
                        <td class="app-table__cell">{when.clone()}</td>
                        <td class="app-table__cell app-pre-wrap">{d.reason.clone()}</td>
                        <td class="app-table__cell">
                            <button type="button" class="app-button app-button--warning"
                                aria-label=format!("Remove the delay of {when}")
                                on:click=move |_| session.edit(|r| { r.delays.remove(&id); })>
                                "Remove"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h2 class="app-heading-m" id="time-taken">"Time taken"</h2>
        {time_taken}
        <details class="app-details" data-testid="delay-log">
            <summary class="app-details__summary">
                {move || match review.read().delays.len() {
                    0 => "Delay log (none recorded)".to_owned(),
                    1 => "Delay log (1 reason recorded)".to_owned(),
                    n => format!("Delay log ({n} reasons recorded)"),
                }}
            </summary>
            <div class="app-details__text">
                <p class="app-body">"Record each reason the review was held up, with the date. The report\u{2019}s introduction says what delayed the review."</p>
                <Show when=move || !review.read().delays.is_empty()>
                    <table class="app-table">
                        <caption class="app-visually-hidden">"Delay log"</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="app-table__header">"Date"</th>
                                <th scope="col" class="app-table__header">"Reason"</th>
                                <th scope="col" class="app-table__header">"Actions"</th>
                            </tr>
                        </thead>
                        <tbody>{delays}</tbody>
                    </table>
                </Show>
                <form novalidate on:submit=add data-testid="add-delay">
                    <ErrorSummary errors=errors />
                    <DateInput id="delay-date" legend="Date" parts=on error=error("delay-date") />
                    <Field id="delay-reason" label="Reason for the delay" error=error("delay-reason")>
                        <textarea class="app-textarea" id="delay-reason" name="delay-reason" rows="2"
                            class:app-textarea--error=move || error("delay-reason").read().is_some()
                            aria-describedby=described_by("delay-reason", false, error("delay-reason"))
                            prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    </Field>
                    <button type="submit" class="app-button app-button--secondary">"Log the delay"</button>
                </form>
            </div>
        </details>
    }
}

/// The review's own timescales, which every due date follows.
#[component]
pub fn TimescalesSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let committee_defaults = load_once(committee::load());
    let texts: Vec<RwSignal<String>> = TIMESCALE_FIELDS
        .iter()
        .map(|f| RwSignal::new((f.get)(&review.read_untracked().timescales).to_string()))
        .collect();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saved = RwSignal::new(false);
    let refill = {
        let texts = texts.clone();
        move |t: &Timescales| {
            for (field, text) in TIMESCALE_FIELDS.iter().zip(&texts) {
                text.set((field.get)(t).to_string());
            }
        }
    };
    let submit = {
        let texts = texts.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let values: Vec<String> = texts.iter().map(|t| t.get_untracked()).collect();
            match parse_timescales(&values) {
                Ok(t) => {
                    errors.set(Vec::new());
                    session.edit(|r| r.timescales = t);
                    saved.set(true);
                }
                Err(problems) => {
                    saved.set(false);
                    errors.set(problems);
                }
            }
        }
    };
    let use_defaults = {
        let refill = refill.clone();
        move |_| {
            if let Some(Ok(settings)) = committee_defaults.get_untracked() {
                let t = settings.timescales.clone();
                refill(&t);
                errors.set(Vec::new());
                session.edit(|r| r.timescales = t);
                saved.set(true);
            }
        }
    };
    let follows = move || match committee_defaults.get() {
        Some(Ok(settings)) => {
            if review.read().timescales == settings.timescales {
                "This review uses the committee\u{2019}s default timescales."
            } else {
                "This review has its own timescales, different from the committee\u{2019}s defaults in Settings."
            }
        }
        _ => "",
    };
    let inputs = TIMESCALE_FIELDS
        .iter()
        .zip(texts)
        .map(|(field, text)| {
            let id = format!("review-timescale-{}", field.key.replace('_', "-"));
            let error_id = format!("timescale-{}", field.key.replace('_', "-"));
            let error = Signal::derive(move || error_for(&errors.read(), &error_id));
            view! {
                <Field id=id.clone() label=format!("{} ({})", field.label, field.unit) error>
                    <input class="app-input app-input--width-4" id=id.clone() name=id.clone() type="text" inputmode="numeric"
                        class:app-input--error=move || error.read().is_some()
                        aria-describedby=described_by(&id, false, error)
                        prop:value=move || text.get()
                        on:input=move |ev| { saved.set(false); text.set(event_target_value(&ev)) } />
                </Field>
            }
        })
        .collect_view();
    view! {
        <details class="app-details" data-testid="review-timescales">
            <summary class="app-details__summary">"This review\u{2019}s timescales"</summary>
            <div class="app-details__text">
                <p class="app-body" data-testid="timescales-follow">{follows}</p>
                <form novalidate on:submit=submit>
                    <ErrorSummary errors=errors />
                    {inputs}
                    <div class="app-button-group">
                        <button type="submit" class="app-button app-button--secondary">"Save this review\u{2019}s timescales"</button>
                        <button type="button" class="app-button app-button--secondary" on:click=use_defaults>"Use the committee\u{2019}s defaults"</button>
                    </div>
                    <Show when=move || saved.get()>
                        <p class="app-body" role="status">"Saved. Every due date of this review follows."</p>
                    </Show>
                </form>
            </div>
        </details>
    }
}
