//! The Sharing page (issue 15, item 1): the log of each time the learning was shared, with when,
//! how, to whom, how many and who delivered it; which of the register's agencies have not been
//! reached yet; the "Sharing the learning" stage date follows the log.

use leptos::prelude::*;
use sightline_core::dates::format_uk_date;
use sightline_core::form::FieldError;
use sightline_core::review::dissemination::{
    people_reached, sharing_in_order, target_agencies, unreached, Channel, SharingForm,
};
use sightline_core::DateParts;

use super::detail_inputs::TypedDates;
use crate::components::error_summary::error_for;
use crate::components::{described_by, use_page_title, DateInput, ErrorSummary, Field};
use crate::platform::clock;
use crate::services::session::{new_id, use_review_session};

/// The Sharing page of a review.
#[component]
pub fn SharingPage() -> impl IntoView {
    use_page_title(|| "Sharing the learning".to_owned());
    let session = use_review_session();
    let review = session.review();
    let content = session.content();
    let targets = Memo::new(move |_| {
        content.with(|c| target_agencies(c.agencies.iter().map(|a| a.name.as_str())))
    });
    let on = RwSignal::new(DateParts::from_date(clock::today()));
    let channel = RwSignal::new(None::<Channel>);
    let audience = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let others = RwSignal::new(String::new());
    let people = RwSignal::new(String::new());
    let delivered_by = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = move |field: &'static str| Signal::derive(move || error_for(&errors.read(), field));
    let logged = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut dates = TypedDates::default();
        let date = dates.read(&on.get_untracked(), "sharing-on", "The date it was shared");
        let mut agencies = chosen.get_untracked();
        agencies.extend(others.get_untracked().split(['\n', ',']).map(str::to_owned));
        let form = SharingForm {
            on: date,
            channel: channel.get_untracked(),
            audience: audience.get_untracked(),
            agencies,
            people: people.get_untracked(),
            delivered_by: delivered_by.get_untracked(),
        };
        match form.validate(clock::today()) {
            Ok(sharing) if dates.all_read() => {
                let label = format!(
                    "{} on {}",
                    sharing.channel.label(),
                    format_uk_date(sharing.on)
                );
                session.edit(|r| r.log_sharing(new_id(), sharing));
                errors.set(Vec::new());
                audience.set(String::new());
                chosen.set(Vec::new());
                others.set(String::new());
                people.set(String::new());
                logged.set(Some(format!("Logged: {label}.")));
            }
            Ok(_) => errors.set(dates.merge(Vec::new(), &["sharing-on"])),
            Err(problems) => {
                logged.set(None);
                errors.set(dates.merge(
                    problems,
                    &[
                        "sharing-on",
                        "sharing-channel",
                        "sharing-audience",
                        "sharing-people",
                        "sharing-by",
                    ],
                ))
            }
        }
    };
    let log = move || {
        review.with(|r| {
            sharing_in_order(&r.dissemination)
                .into_iter()
                .map(|(id, s)| {
                    let when = format_uk_date(s.on);
                    let to_whom = s
                        .audience
                        .iter()
                        .chain(s.agencies.iter())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ");
                    let label = format!("Remove the sharing of {when}");
                    view! {
                        <tr class="app-table__row" data-testid="sharing">
                            <td class="app-table__cell">{when}</td>
                            <td class="app-table__cell">{s.channel.label()}</td>
                            <td class="app-table__cell">{to_whom}</td>
                            <td class="app-table__cell">{s.people.map_or_else(|| "Not recorded".to_owned(), |n| n.to_string())}</td>
                            <td class="app-table__cell">{s.delivered_by.clone()}</td>
                            <td class="app-table__cell">
                                <button type="button" class="app-button app-button--warning" aria-label=label
                                    on:click=move |_| session.edit(|r| r.remove_sharing(id))>"Remove"</button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let not_reached =
        Memo::new(move |_| review.with(|r| unreached(&targets.get(), &r.dissemination)));
    let totals = move || {
        review.with(|r| {
            let (counted, unknown) = people_reached(&r.dissemination);
            match (r.dissemination.len(), unknown) {
                (0, _) => "Nothing logged yet.".to_owned(),
                (n, 0) => format!(
                    "Shared {n} {} with {counted} people.",
                    if n == 1 { "time" } else { "times" }
                ),
                (n, u) => format!(
                    "Shared {n} {} with at least {counted} people ({u} without a count).",
                    if n == 1 { "time" } else { "times" }
                ),
            }
        })
    };
    view! {
        <h1 class="app-heading-xl">"Sharing the learning"</h1>
        <p class="app-body">
            "Log each time the learning is shared: a 7-minute briefing at a team meeting, an online briefing, a training course, a newsletter, a national submission. The \u{201c}Sharing the learning\u{201d} stage date is the first time logged."
        </p>
        <p class="app-body" data-testid="sharing-totals">{totals}</p>
        <h2 class="app-heading-m">"Agencies not reached yet"</h2>
        {move || {
            let list = not_reached.get();
            if targets.read().is_empty() {
                view! { <p class="app-body" data-testid="not-reached">"The register has no agencies yet: add them on the People page to see who the learning has reached."</p> }.into_any()
            } else if list.is_empty() {
                view! { <p class="app-body" data-testid="not-reached">"Every agency in the register has been reached."</p> }.into_any()
            } else {
                view! {
                    <ul class="app-list app-list--bullet" data-testid="not-reached">
                        {list.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        <Show when=move || !review.read().dissemination.is_empty()>
            <table class="app-table" data-testid="sharing-log">
                <caption class="app-table__caption">"The learning shared"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Date"</th>
                        <th scope="col" class="app-table__header">"How"</th>
                        <th scope="col" class="app-table__header">"Who for"</th>
                        <th scope="col" class="app-table__header">"People"</th>
                        <th scope="col" class="app-table__header">"Delivered by"</th>
                        <th scope="col" class="app-table__header">"Actions"</th>
                    </tr>
                </thead>
                <tbody>{log}</tbody>
            </table>
        </Show>
        <h2 class="app-heading-m">"Log a sharing"</h2>
        <p class="app-body" role="status" data-testid="sharing-logged">{move || logged.get()}</p>
        <form novalidate on:submit=add data-testid="add-sharing">
            <ErrorSummary errors=errors />
            <DateInput id="sharing-on" legend="When was it shared?" parts=on error=error("sharing-on") />
            <div class="app-form-group" id="sharing-channel">
                <fieldset class="app-fieldset" aria-describedby=described_by("sharing-channel", false, error("sharing-channel"))>
                    <legend class="app-fieldset__legend app-fieldset__legend--s">"How was it shared?"</legend>
                    <crate::components::ErrorMessage id="sharing-channel-error" message=error("sharing-channel") />
                    <div class="app-radios">
                        {Channel::ALL.into_iter().enumerate().map(|(n, c)| {
                            let id = format!("sharing-channel-{n}");
                            view! {
                                <div class="app-radios__item">
                                    <input class="app-radios__input" type="radio" name="sharing-channel" id=id.clone()
                                        prop:checked=move || channel.get() == Some(c)
                                        on:change=move |_| channel.set(Some(c)) />
                                    <label class="app-label app-radios__label" for=id>{c.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <Field id="sharing-audience" label="Who was it for? (role groups)" hint="One per line or separated by commas, for example \u{201c}Health visitors, team managers\u{201d}.".to_owned() error=error("sharing-audience")>
                <textarea class="app-textarea" id="sharing-audience" rows="2"
                    aria-describedby=described_by("sharing-audience", true, error("sharing-audience"))
                    prop:value=move || audience.get() on:input=move |ev| audience.set(event_target_value(&ev))></textarea>
            </Field>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend app-fieldset__legend--s">"Which agencies did it reach?"</legend>
                <div class="app-checkboxes">
                    {move || targets.get().into_iter().enumerate().map(|(n, name)| {
                        let id = format!("sharing-agency-{n}");
                        let value = name.clone();
                        let checked = {
                            let name = name.clone();
                            move || chosen.read().contains(&name)
                        };
                        view! {
                            <div class="app-checkboxes__item">
                                <input class="app-checkboxes__input" type="checkbox" id=id.clone()
                                    prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|list| {
                                            list.retain(|a| *a != value);
                                            if on { list.push(value.clone()); }
                                        });
                                    } />
                                <label class="app-label app-checkboxes__label" for=id>{name}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <Field id="sharing-other-agencies" label="Other agencies" hint="Any not in the register, one per line.".to_owned()>
                    <textarea class="app-textarea" id="sharing-other-agencies" rows="2"
                        aria-describedby=described_by("sharing-other-agencies", true, Signal::derive(|| None))
                        prop:value=move || others.get() on:input=move |ev| others.set(event_target_value(&ev))></textarea>
                </Field>
            </fieldset>
            <Field id="sharing-people" label="How many people took part? (optional)" error=error("sharing-people")>
                <input class="app-input app-input--width-5" id="sharing-people" type="text" inputmode="numeric" autocomplete="off"
                    aria-describedby=described_by("sharing-people", false, error("sharing-people"))
                    prop:value=move || people.get() on:input=move |ev| people.set(event_target_value(&ev)) />
            </Field>
            <Field id="sharing-by" label="Who delivered it? (their role)" error=error("sharing-by")>
                <input class="app-input app-input--width-20" id="sharing-by" type="text" autocomplete="off"
                    aria-describedby=described_by("sharing-by", false, error("sharing-by"))
                    prop:value=move || delivered_by.get() on:input=move |ev| delivered_by.set(event_target_value(&ev)) />
            </Field>
            <button type="submit" class="app-button">"Log the sharing"</button>
        </form>
    }
}
