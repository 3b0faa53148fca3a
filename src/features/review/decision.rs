//! The Decision page: the notification (who, criteria, outline), the agency returns asked for
//! before the decision, the sub-group's recommendation, the committee's decision with its
//! reasons, and the notices to the Care Inspectorate. Details save as they are typed; the
//! decision and each return are checked by the core before they are recorded.

use leptos::prelude::*;
use sightline_core::anonymise::{Checker, TextPart};
use sightline_core::dates::format_uk_date;
use sightline_core::form::FieldError;
use sightline_core::review::decision::{
    returns_in_order, validate_return_request, Criterion, DecisionForm, Notices, Outcome,
    ReturnState,
};
use sightline_core::{DateParts, Milestone, RecordId, ReviewType};

use super::detail_inputs::{DetailDate, DetailText, TypedDates};
use crate::components::error_summary::error_for;
use crate::components::{described_by, use_page_title, DateInput, ErrorSummary, Field};
use crate::platform::{clock, dom};
use crate::services::session::{new_id, use_review_session};

/// The Decision page of a review.
#[component]
pub fn DecisionPage() -> impl IntoView {
    let review = use_review_session().review();
    use_page_title(move || format!("Notification and decision: {}", review.read().title));
    view! {
        <h1 class="app-heading-xl">"Notification and decision"</h1>
        <p class="app-body">
            "From the notification to the committee\u{2019}s decision and the notices to the Care Inspectorate. Everything here is saved as you type and travels in the review\u{2019}s files."
        </p>
        <NotificationSection />
        <ReturnsSection />
        <RecommendationSection />
        <DecisionSection />
        <NoticesSection />
    }
}

#[component]
fn NotificationSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let content = session.content();
    let review_type = Memo::new(move |_| review.read().review_type);
    let criteria = move || {
        Criterion::for_type(review_type.get())
            .iter()
            .enumerate()
            .map(|(n, criterion)| {
                let criterion = *criterion;
                let box_id = format!("criterion-{n}");
                view! {
                    <div class="app-checkboxes__item">
                        <input class="app-checkboxes__input" type="checkbox" id=box_id.clone()
                            prop:checked=move || review.read().notification.criteria.contains(&criterion)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                session.edit(|r| {
                                    if on {
                                        r.notification.criteria.insert(criterion);
                                    } else {
                                        r.notification.criteria.remove(&criterion);
                                    }
                                });
                            } />
                        <label class="app-label app-checkboxes__label" for=box_id>{criterion.wording()}</label>
                    </div>
                }
            })
            .collect_view()
    };
    // The outline is checked as the briefing is: names, places, exact dates.
    let flags = Memo::new(move |_| {
        let review = review.read();
        let content = content.read();
        let part = TextPart {
            anchor: "case-outline".into(),
            place: "Case outline".into(),
            text: review.notification.case_outline.clone(),
        };
        Checker::new(&content)
            .with_committee(&review.committee)
            .check(&[part])
            .into_iter()
            .map(|f| {
                format!(
                    "\u{201c}{}\u{201d} looks like a {}: write {} instead.",
                    f.matched,
                    f.kind.label().to_lowercase(),
                    f.suggestion
                )
            })
            .collect::<Vec<String>>()
    });
    view! {
        <h2 class="app-heading-l" id="notification">"Notification"</h2>
        <p class="app-body">
            {move || format!("Received on {}.", format_uk_date(review.read().notification_date()))}
            " The date is on the Overview."
        </p>
        <DetailText id="notified-by-role" label="Role of the person who notified"
            hint="Their role, never their name: for example \u{201c}Team manager\u{201d}."
            get=|r| &r.notification.notified_by_role set=|r, t| r.notification.notified_by_role = t />
        <DetailText id="notified-by-agency" label="Their agency"
            get=|r| &r.notification.notified_by_agency set=|r, t| r.notification.notified_by_agency = t />
        <div class="app-form-group">
            <fieldset class="app-fieldset" aria-describedby="criteria-hint">
                <legend class="app-fieldset__legend app-label--bold">"Criteria the notification says are met"</legend>
                <div class="app-hint" id="criteria-hint">
                    {move || format!("The national guidance\u{2019}s criteria for {} reviews. Select all that apply.", review_type.get().label().to_lowercase())}
                </div>
                <Show when=move || review.read().notification.criteria.is_empty()>
                    <p class="app-body app-secondary-text" data-testid="no-criteria">"No criteria selected yet."</p>
                </Show>
                <div class="app-checkboxes">{criteria}</div>
            </fieldset>
        </div>
        <DetailText id="case-outline" label="Brief case outline" rows=5
            hint="A few sentences, using the register\u{2019}s pseudonyms (\u{201c}Child A\u{201d}) and never a real name, address or exact date of birth."
            get=|r| &r.notification.case_outline set=|r, t| r.notification.case_outline = t />
        <Show when=move || !flags.read().is_empty()>
            <div class="app-warning-text" data-testid="outline-flags">
                <p class="app-body"><strong>"Check the outline before it is shared:"</strong></p>
                <ul class="app-list app-list--bullet">
                    {move || flags.get().into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn ReturnsSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let content = session.content();
    let today = clock::today();
    let agency = RwSignal::new(String::new());
    let asked = RwSignal::new(DateParts::from_date(today));
    let due = RwSignal::new(DateParts::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let shown_request = RwSignal::new(None::<RecordId>);
    // The return whose date received is being typed, that date, and its problem.
    let receiving = RwSignal::new(None::<RecordId>);
    let received_on = RwSignal::new(DateParts::default());
    let received_error = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<(RecordId, bool)>);
    let error = move |field: &'static str| Signal::derive(move || error_for(&errors.read(), field));

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut dates = TypedDates::default();
        let asked_on = dates.read(&asked.get_untracked(), "return-asked", "The date asked");
        let due_on = dates.read(&due.get_untracked(), "return-due", "The date due");
        let timescales = review.read_untracked().timescales.clone();
        match validate_return_request(&agency.get_untracked(), asked_on, due_on, &timescales) {
            Ok(request) if dates.all_read() => {
                errors.set(Vec::new());
                session.edit(|r| r.add_return(new_id(), request));
                agency.set(String::new());
                due.set(DateParts::default());
                request_animation_frame(|| dom::focus_element("return-agency"));
            }
            result => errors.set(dates.merge(
                result.err().unwrap_or_default(),
                &["return-agency", "return-asked", "return-due"],
            )),
        }
    };

    let rows = move || {
        let review = review.read();
        let committee = if review.committee.trim().is_empty() {
            "The committee".to_owned()
        } else {
            review.committee.clone()
        };
        let decided = review.dates.get(Milestone::DecisionMade).is_some();
        returns_in_order(&review.agency_returns)
            .into_iter()
            .map(|(id, r)| {
                let state = r.state(today);
                let late = matches!(state, ReturnState::Overdue { .. }) && !decided;
                let (tag, class) = match state {
                    ReturnState::Received => ("Received".to_owned(), "app-tag app-tag--green"),
                    // Once the decision is made, a return still out is no longer waited for.
                    ReturnState::Overdue { .. } | ReturnState::Awaited { .. } if decided => ("Not received before the decision".to_owned(), "app-tag app-tag--grey"),
                    ReturnState::Awaited { days_left: 0 } => ("Due today".to_owned(), "app-tag app-tag--yellow"),
                    ReturnState::Awaited { days_left } => (format!("{} left", sightline_core::dates::plural_days(days_left)), "app-tag app-tag--grey"),
                    ReturnState::Overdue { days } => (format!("Overdue by {}", sightline_core::dates::plural_days(days)), "app-tag app-tag--red"),
                };
                let request = r.request_text(&committee);
                let text_id = format!("request-{id}");
                let received_id = format!("received-{id}");
                let agency = r.agency.clone();
                let received = r.received_on;
                let copy_text = request.clone();
                let select_id = text_id.clone();
                view! {
                    <tr class="app-table__row" data-testid="agency-return" data-state=match state { ReturnState::Received => "received", _ if late => "overdue", _ if decided => "not-received", _ => "awaited" }>
                        <td class="app-table__cell">{agency.clone()}</td>
                        <td class="app-table__cell">{format_uk_date(r.asked_on)}</td>
                        <td class="app-table__cell">{format_uk_date(r.due_on)}</td>
                        <td class="app-table__cell">
                            <strong class=class>{tag}</strong>
                            {received.map(|d| view! { <span class="app-block">{format!("on {}", format_uk_date(d))}</span> })}
                        </td>
                        <td class="app-table__cell">
                            <div class="app-button-group">
                                {if received.is_none() {
                                    let other_label = format!("Received on another date from {agency}");
                                    view! {
                                        <button type="button" class="app-button app-button--secondary" id=received_id
                                            aria-label=format!("Received today from {agency}")
                                            on:click=move |_| session.edit(|r| r.receive_return(id, Some(today)))>
                                            "Received today"
                                        </button>
                                        <button type="button" class="app-button app-button--secondary"
                                            aria-label=other_label
                                            on:click=move |_| {
                                                received_on.set(DateParts::default());
                                                received_error.set(None);
                                                receiving.set(Some(id));
                                                request_animation_frame(move || dom::focus_element(&format!("received-on-{id}-day")));
                                            }>
                                            "Another date"
                                        </button>
                                    }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="app-button app-button--secondary"
                                            aria-label=format!("Not received yet from {agency}")
                                            on:click=move |_| session.edit(|r| r.receive_return(id, None))>
                                            "Not received yet"
                                        </button>
                                    }.into_any()
                                }}
                                <button type="button" class="app-button app-button--secondary"
                                    aria-label=format!("Copy the request to {}", r.agency)
                                    on:click=move |_| {
                                        shown_request.set(Some(id));
                                        let text = copy_text.clone();
                                        let select_id = select_id.clone();
                                        leptos::task::spawn_local(async move {
                                            let ok = dom::copy_text(&text).await;
                                            copied.try_set(Some((id, ok)));
                                            if !ok {
                                                dom::select_text(&select_id, 0, text.encode_utf16().count() as u32);
                                            }
                                        });
                                    }>
                                    "Copy request"
                                </button>
                                <button type="button" class="app-button app-button--warning"
                                    aria-label=format!("Remove the return from {}", r.agency)
                                    on:click=move |_| session.edit(|r| r.remove_return(id))>
                                    "Remove"
                                </button>
                            </div>
                            <Show when=move || receiving.get() == Some(id)>
                                <form novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    let parts = received_on.get_untracked();
                                    let date = match parts.parse() {
                                        Ok(date) => date,
                                        Err(e) => {
                                            received_error.set(Some(e.message(sightline_core::DateLabel { name: "The date received", what: "the date the return was received" })));
                                            return;
                                        }
                                    };
                                    let check = session.review().read_untracked().agency_returns.get(&id).map(|r| r.check_received(date, today));
                                    match check {
                                        Some(Err(problem)) => received_error.set(Some(problem.message)),
                                        _ => {
                                            session.edit(|r| r.receive_return(id, Some(date)));
                                            receiving.set(None);
                                        }
                                    }
                                }>
                                    <DateInput id=format!("received-on-{id}") legend=format!("Date received from {}", agency.clone()) parts=received_on error=received_error />
                                    <button type="submit" class="app-button app-button--secondary">"Save date received"</button>
                                </form>
                            </Show>
                            <Show when=move || shown_request.get() == Some(id)>
                                <label class="app-label" for=text_id.clone()>"Request to copy into an email (no case details)"</label>
                                <textarea class="app-textarea" id=text_id.clone() rows="4" readonly prop:value=request.clone()></textarea>
                                <p class="app-body" role="status">
                                    {move || match copied.get() {
                                        Some((c, true)) if c == id => "Copied. Paste it into your email.",
                                        Some((c, false)) if c == id => "The browser did not allow copying: the text is selected, so press Ctrl+C to copy it.",
                                        _ => "",
                                    }}
                                </p>
                            </Show>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let overdue = Memo::new(move |_| review.read().overdue_returns(today));
    let agencies = move || {
        content
            .read()
            .agencies
            .iter()
            .map(|a| view! { <option value=a.name.clone()></option> })
            .collect_view()
    };
    view! {
        <h2 class="app-heading-l" id="agency-returns">"Agency returns for the decision"</h2>
        <p class="app-body">
            {move || format!("Each agency is asked for a brief account, due {} after the request unless you set another date.", sightline_core::dates::plural_days(i64::from(review.read().timescales.agency_returns_days)))}
        </p>
        <p class="app-body" data-testid="returns-summary">
            {move || {
                let review = review.read();
                let total = review.agency_returns.len();
                let received = review.agency_returns.values().filter(|r| r.received_on.is_some()).count();
                match total {
                    0 => "No agencies asked yet.".to_owned(),
                    _ => format!("{received} of {total} received.{}", match overdue.get() {
                        0 => String::new(),
                        1 => " 1 is overdue.".to_owned(),
                        n => format!(" {n} are overdue."),
                    }),
                }
            }}
        </p>
        <Show when=move || !review.read().agency_returns.is_empty()>
            <table class="app-table" data-testid="returns-table">
                <caption class="app-visually-hidden">"Agency returns"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Agency"</th>
                        <th scope="col" class="app-table__header">"Asked"</th>
                        <th scope="col" class="app-table__header">"Due"</th>
                        <th scope="col" class="app-table__header">"Where it stands"</th>
                        <th scope="col" class="app-table__header">"Actions"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </Show>
        <form class="app-panel" novalidate on:submit=add data-testid="add-return">
            <h3 class="app-heading-m">"Ask an agency for a return"</h3>
            <ErrorSummary errors=errors />
            <Field id="return-agency" label="Agency" hint="Type a name, or choose one from the register." error=error("return-agency")>
                <input class="app-input" id="return-agency" name="return-agency" type="text" list="register-agencies" autocomplete="off"
                    class:app-input--error=move || error("return-agency").read().is_some()
                    aria-describedby=described_by("return-agency", true, error("return-agency"))
                    prop:value=move || agency.get()
                    on:input=move |ev| agency.set(event_target_value(&ev)) />
                <datalist id="register-agencies">{agencies}</datalist>
            </Field>
            <DateInput id="return-asked" legend="Date asked" parts=asked error=error("return-asked") />
            <DateInput id="return-due" legend="Date due (optional)" hint="Leave empty for the committee\u{2019}s timescale." parts=due error=error("return-due") />
            <button type="submit" class="app-button">"Add the request"</button>
        </form>
    }
}

#[component]
fn RecommendationSection() -> impl IntoView {
    view! {
        <h2 class="app-heading-l" id="recommendation">"Recommendation"</h2>
        <DetailText id="recommendation-text" label="What the sub-group recommends, and why" rows=4
            get=|r| &r.recommendation.text set=|r, t| r.recommendation.text = t />
        <DetailText id="recommendation-by" label="Who recommended it"
            hint="The group or role, for example \u{201c}Case review sub-group\u{201d}."
            get=|r| &r.recommendation.by set=|r, t| r.recommendation.by = t />
        <DetailDate id="recommendation-on" legend="Date of the recommendation" name="The date of the recommendation"
            get=|r| r.recommendation.on set=|r, d| r.recommendation.on = d />
    }
}

/// Which outcome the form's radios have chosen, before an approach is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OutcomeChoice {
    LearningReview,
    OtherApproach,
    NoReview,
}

#[component]
fn DecisionSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let editing = RwSignal::new(review.read_untracked().decision.is_none());
    let choice = RwSignal::new(None::<OutcomeChoice>);
    let approach = RwSignal::new(String::new());
    let reasons = RwSignal::new(String::new());
    let decided_by = RwSignal::new(String::new());
    let decided_on = RwSignal::new(DateParts::default());
    let ratified_on = RwSignal::new(DateParts::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = move |field: &'static str| Signal::derive(move || error_for(&errors.read(), field));

    let fill = move || {
        let form = DecisionForm::from_review(&review.read_untracked());
        choice.set(form.outcome.as_ref().map(|o| match o {
            Outcome::LearningReview => OutcomeChoice::LearningReview,
            Outcome::OtherApproach { .. } => OutcomeChoice::OtherApproach,
            Outcome::NoReview => OutcomeChoice::NoReview,
        }));
        approach.set(match &form.outcome {
            Some(Outcome::OtherApproach { approach }) => approach.clone(),
            _ => String::new(),
        });
        reasons.set(form.reasons);
        decided_by.set(form.decided_by);
        decided_on.set(
            form.decided_on
                .map(DateParts::from_date)
                .unwrap_or_default(),
        );
        ratified_on.set(
            form.ratified_on
                .map(DateParts::from_date)
                .unwrap_or_default(),
        );
    };
    fill();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut dates = TypedDates::default();
        let on = dates.read(
            &decided_on.get_untracked(),
            "decision-date",
            "The date of the decision",
        );
        let ratified = dates.read(
            &ratified_on.get_untracked(),
            "decision-ratified",
            "The date of ratification",
        );
        let form = DecisionForm {
            outcome: choice.get_untracked().map(|c| match c {
                OutcomeChoice::LearningReview => Outcome::LearningReview,
                OutcomeChoice::OtherApproach => Outcome::OtherApproach {
                    approach: approach.get_untracked(),
                },
                OutcomeChoice::NoReview => Outcome::NoReview,
            }),
            reasons: reasons.get_untracked(),
            decided_by: decided_by.get_untracked(),
            decided_on: on,
            ratified_on: ratified,
        };
        let current = review.read_untracked();
        let result = form.validate(current.review_type, Some(current.notification_date()));
        drop(current);
        let order = [
            "decision-outcome",
            "decision-approach",
            "decision-reasons",
            "decision-by",
            "decision-date",
            "decision-ratified",
        ];
        match result {
            Ok((decision, on)) if dates.all_read() => {
                errors.set(Vec::new());
                session.edit(|r| r.record_decision(decision, on));
                editing.set(false);
                request_animation_frame(|| dom::focus_element("decision-recorded"));
            }
            Ok(_) => errors.set(dates.merge(Vec::new(), &order)),
            Err(problems) => errors.set(dates.merge(problems, &order)),
        }
    };

    let radio = move |value: OutcomeChoice, id: &'static str, label: &'static str| {
        view! {
            <div class="app-radios__item">
                <input class="app-radios__input" type="radio" name="decision-outcome" id=id
                    prop:checked=move || choice.get() == Some(value)
                    on:change=move |_| choice.set(Some(value)) />
                <label class="app-label app-radios__label" for=id>{label}</label>
            </div>
        }
    };
    let adult = move || review.read().review_type == ReviewType::AdultSupportAndProtection;
    let chief_officers = crate::components::load_once(crate::services::committee::load());

    let recorded = move || {
        let review = review.read();
        review.decision.clone().map(|d| {
            let on = review.dates.get(Milestone::DecisionMade);
            let effect = match d.outcome {
                Outcome::NoReview => "The review is closed. The decision notice to the Care Inspectorate is still due.",
                Outcome::OtherApproach { .. } => "The practitioners\u{2019} and managers\u{2019} events and the outcome notice are marked \u{201c}not needed\u{201d}.",
                Outcome::LearningReview => "Every stage of the Learning Review follows.",
            };
            view! {
                <div class="app-panel" id="decision-recorded" tabindex="-1" data-testid="decision-recorded">
                    <dl class="app-summary-list">
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">"Decision"</dt>
                            <dd class="app-summary-list__value" data-testid="decision-outcome">{d.outcome.label()}</dd>
                        </div>
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">"Reasons"</dt>
                            <dd class="app-summary-list__value app-pre-wrap">{d.reasons.clone()}</dd>
                        </div>
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">"Decided by"</dt>
                            <dd class="app-summary-list__value">{d.decided_by.clone()}</dd>
                        </div>
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">"Date"</dt>
                            <dd class="app-summary-list__value">{on.map(format_uk_date).unwrap_or_else(|| "Not recorded".into())}</dd>
                        </div>
                        {d.ratified_on.map(|r| view! {
                            <div class="app-summary-list__row">
                                <dt class="app-summary-list__key">"Ratified by the chief officers"</dt>
                                <dd class="app-summary-list__value">{format_uk_date(r)}</dd>
                            </div>
                        })}
                    </dl>
                    <p class="app-body">{effect}</p>
                    <div class="app-button-group">
                        <button type="button" class="app-button app-button--secondary" id="change-decision"
                            on:click=move |_| { fill(); editing.set(true); request_animation_frame(|| dom::focus_element("decision-learning-review")); }>
                            "Change the decision"
                        </button>
                        <button type="button" class="app-button app-button--warning"
                            on:click=move |_| { session.edit(|r| r.clear_decision()); fill(); editing.set(true); }>
                            "Remove the decision"
                        </button>
                    </div>
                </div>
            }
        })
    };

    view! {
        <h2 class="app-heading-l" id="decision">"Decision"</h2>
        {recorded}
        <Show when=move || editing.get()>
            <form class="app-panel" novalidate on:submit=submit data-testid="decision-form">
                <ErrorSummary errors=errors />
                <div class="app-form-group" class:app-form-group--error=move || error("decision-outcome").read().is_some()>
                    <fieldset class="app-fieldset" id="decision-outcome">
                        <legend class="app-fieldset__legend app-label--bold">"What did the committee decide?"</legend>
                        <crate::components::ErrorMessage id="decision-outcome-error" message=error("decision-outcome") />
                        <div class="app-radios">
                            {radio(OutcomeChoice::LearningReview, "decision-learning-review", "Hold a Learning Review")}
                            {radio(OutcomeChoice::OtherApproach, "decision-other", "Use another review or learning approach")}
                            {radio(OutcomeChoice::NoReview, "decision-no-review", "No review")}
                        </div>
                    </fieldset>
                </div>
                <Show when=move || choice.get() == Some(OutcomeChoice::OtherApproach)>
                    <Field id="decision-approach" label="Which approach?" error=error("decision-approach")>
                        <input class="app-input" id="decision-approach" name="decision-approach" type="text"
                            class:app-input--error=move || error("decision-approach").read().is_some()
                            aria-describedby=described_by("decision-approach", false, error("decision-approach"))
                            prop:value=move || approach.get() on:input=move |ev| approach.set(event_target_value(&ev)) />
                    </Field>
                </Show>
                <Field id="decision-reasons" label="Reasons for the decision" error=error("decision-reasons")>
                    <textarea class="app-textarea" id="decision-reasons" name="decision-reasons" rows="5"
                        class:app-textarea--error=move || error("decision-reasons").read().is_some()
                        aria-describedby=described_by("decision-reasons", false, error("decision-reasons"))
                        prop:value=move || reasons.get() on:input=move |ev| reasons.set(event_target_value(&ev))></textarea>
                </Field>
                <Field id="decision-by" label="Who decided" hint="The body and the role of who recorded it, for example \u{201c}Child Protection Committee (chair)\u{201d}." error=error("decision-by")>
                    <input class="app-input" id="decision-by" name="decision-by" type="text"
                        class:app-input--error=move || error("decision-by").read().is_some()
                        aria-describedby=described_by("decision-by", true, error("decision-by"))
                        prop:value=move || decided_by.get() on:input=move |ev| decided_by.set(event_target_value(&ev)) />
                </Field>
                <DateInput id="decision-date" legend="Date of the decision" parts=decided_on error=error("decision-date") />
                <Show when=adult>
                    <DateInput id="decision-ratified" legend="Date the chief officers ratified it (optional)" parts=ratified_on error=error("decision-ratified") />
                    {move || chief_officers.get().and_then(Result::ok).map(|s| s.chief_officers_group).filter(|name| !name.trim().is_empty()).map(|name| view! {
                        <p class="app-hint" data-testid="chief-officers">{format!("Ratified by {name} (as named in Settings).")}</p>
                    })}
                </Show>
                <button type="submit" class="app-button">"Record the decision"</button>
            </form>
        </Show>
    }
}

#[component]
fn NoticesSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let outcome_needed = move || {
        !review
            .read()
            .not_needed()
            .contains(&Milestone::CareInspectorateToldOfOutcome)
    };
    let suggest = move |outcome: bool| {
        let review_type = review.read_untracked().review_type;
        let text = Notices::suggested(review_type, outcome).to_owned();
        session.edit(move |r| {
            let notice = if outcome {
                &mut r.notices.outcome
            } else {
                &mut r.notices.decision
            };
            notice.what_was_sent = text;
        });
    };
    view! {
        <h2 class="app-heading-l" id="notices">"Care Inspectorate notices"</h2>
        <h3 class="app-heading-m">"Decision notice"</h3>
        <DetailDate id="notice-decision-sent" legend="Date sent" name="The date the decision notice was sent"
            get=|r| r.dates.get(Milestone::CareInspectorateToldOfDecision)
            set=|r, d| { let _ = r.record_date(Milestone::CareInspectorateToldOfDecision, d); } />
        <DetailText id="notice-decision-reference" label="Reference"
            get=|r| &r.notices.decision.reference set=|r, t| r.notices.decision.reference = t />
        <DetailText id="notice-decision-sent-what" label="What was sent" rows=3
            get=|r| &r.notices.decision.what_was_sent set=|r, t| r.notices.decision.what_was_sent = t />
        <p><button type="button" class="app-button app-button--secondary" on:click=move |_| suggest(false)>"Use the guidance\u{2019}s wording"</button></p>
        <Show when=outcome_needed fallback=|| view! { <p class="app-body">"The outcome notice is not needed after this decision."</p> }>
            <h3 class="app-heading-m">"Outcome notice"</h3>
            <p class="app-hint">
                {move || match review.read().review_type {
                    ReviewType::AdultSupportAndProtection => format!("For adult reviews the anonymised report goes to the Care Inspectorate within {} of ratification.", sightline_core::dates::plural_days(i64::from(review.read().timescales.outcome_notice_days))),
                    ReviewType::ChildProtection => "Tell the Care Inspectorate of the outcome once the review is signed off.".to_owned(),
                }}
            </p>
            <DetailDate id="notice-outcome-sent" legend="Date sent" name="The date the outcome notice was sent"
                get=|r| r.dates.get(Milestone::CareInspectorateToldOfOutcome)
                set=|r, d| { let _ = r.record_date(Milestone::CareInspectorateToldOfOutcome, d); } />
            <DetailText id="notice-outcome-reference" label="Reference"
                get=|r| &r.notices.outcome.reference set=|r, t| r.notices.outcome.reference = t />
            <DetailText id="notice-outcome-sent-what" label="What was sent" rows=3
                get=|r| &r.notices.outcome.what_was_sent set=|r, t| r.notices.outcome.what_was_sent = t />
            <p><button type="button" class="app-button app-button--secondary" on:click=move |_| suggest(true)>"Use the guidance\u{2019}s wording"</button></p>
        </Show>
    }
}
