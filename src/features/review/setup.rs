//! The Set-up page: the Review Team by role and agency, the review model, scope and period,
//! the review questions, the Family Liaison Strategy with its contact log, and staff support.

use leptos::prelude::*;
use sightline_core::dates::format_uk_date;
use sightline_core::form::FieldError;
use sightline_core::review::setup::{ReviewModel, TeamMember, TeamPart};
use sightline_core::DateParts;

use super::detail_inputs::{DetailDate, DetailText, TypedDates};
use crate::components::error_summary::error_for;
use crate::components::{described_by, use_page_title, DateInput, ErrorSummary, Field};
use crate::platform::dom;
use crate::services::session::{new_id, use_review_session};

/// The Set-up page of a review.
#[component]
pub fn SetUpPage() -> impl IntoView {
    let review = use_review_session().review();
    use_page_title(move || format!("Set-up: {}", review.read().title));
    let missing = Memo::new(move |_| review.read().setup.missing());
    view! {
        <h1 class="app-heading-xl">"Set-up"</h1>
        <div class="app-inset-text" data-testid="setup-missing">
            {move || {
                let missing = missing.get();
                if missing.is_empty() {
                    view! { <p class="app-body">"The set-up has everything the guidance asks for."</p> }.into_any()
                } else {
                    view! {
                        <p class="app-body">"Still to record:"</p>
                        <ul class="app-list app-list--bullet">
                            {missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </div>
        <TeamSection />
        <ModelSection />
        <QuestionsSection />
        <FamilySection />
        <h2 class="app-heading-l" id="staff-support">"Staff support"</h2>
        <DetailText id="staff-support-text" label="How staff involved are supported through the review" rows=4
            get=|r| &r.setup.staff_support set=|r, t| r.setup.staff_support = t />
    }
}

#[component]
fn TeamSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let role = RwSignal::new(String::new());
    let agency = RwSignal::new(String::new());
    let part = RwSignal::new(TeamPart::Member);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = move |field: &'static str| Signal::derive(move || error_for(&errors.read(), field));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let member = TeamMember {
            role: role.get_untracked(),
            agency: agency.get_untracked(),
            part: part.get_untracked(),
        };
        match session.try_edit(|r| r.setup.add_member(new_id(), member)) {
            Ok(()) => {
                errors.set(Vec::new());
                role.set(String::new());
                part.set(TeamPart::Member);
                request_animation_frame(|| dom::focus_element("member-role"));
            }
            Err(problems) => errors.set(problems),
        }
    };
    let rows = move || {
        review
            .read()
            .setup
            .team_in_order()
            .into_iter()
            .map(|(id, m)| {
                let label = format!("{}, {}", m.role, m.agency);
                view! {
                    <tr class="app-table__row" data-testid="team-member">
                        <td class="app-table__cell">{m.part.label()}</td>
                        <td class="app-table__cell">{m.role.clone()}</td>
                        <td class="app-table__cell">{m.agency.clone()}</td>
                        <td class="app-table__cell">
                            <button type="button" class="app-button app-button--warning"
                                aria-label=format!("Remove {label} from the team")
                                on:click=move |_| session.edit(|r| { r.setup.team.remove(&id); })>
                                "Remove"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h2 class="app-heading-l" id="review-team">"Review Team"</h2>
        <p class="app-body">"Members are recorded by role and agency, never by name, so the team can appear in the report."</p>
        <Show when=move || !review.read().setup.team.is_empty()>
            <table class="app-table" data-testid="team-table">
                <caption class="app-visually-hidden">"Review Team"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Part"</th>
                        <th scope="col" class="app-table__header">"Role"</th>
                        <th scope="col" class="app-table__header">"Agency"</th>
                        <th scope="col" class="app-table__header">"Actions"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </Show>
        <form class="app-panel" novalidate on:submit=add data-testid="add-member">
            <h3 class="app-heading-m">"Add a member"</h3>
            <ErrorSummary errors=errors />
            <Field id="member-role" label="Role" hint="For example \u{201c}Named nurse for child protection\u{201d}." error=error("member-role")>
                <input class="app-input" id="member-role" name="member-role" type="text"
                    class:app-input--error=move || error("member-role").read().is_some()
                    aria-describedby=described_by("member-role", true, error("member-role"))
                    prop:value=move || role.get() on:input=move |ev| role.set(event_target_value(&ev)) />
            </Field>
            <Field id="member-agency" label="Agency" error=error("member-agency")>
                <input class="app-input" id="member-agency" name="member-agency" type="text"
                    class:app-input--error=move || error("member-agency").read().is_some()
                    aria-describedby=described_by("member-agency", false, error("member-agency"))
                    prop:value=move || agency.get() on:input=move |ev| agency.set(event_target_value(&ev)) />
            </Field>
            <Field id="member-part" label="Part in the team">
                <select class="app-select" id="member-part" name="member-part"
                    on:change=move |ev| part.set(TeamPart::from_key(&event_target_value(&ev)).unwrap_or_default())
                    prop:value=move || part.get().key()>
                    {TeamPart::ALL.into_iter().map(|p| view! { <option value=p.key()>{p.label()}</option> }).collect_view()}
                </select>
            </Field>
            <button type="submit" class="app-button">"Add to the team"</button>
        </form>
    }
}

#[component]
fn ModelSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let period_problem =
        Memo::new(move |_| review.read().setup.check_period().err().map(|e| e.message));
    view! {
        <h2 class="app-heading-l" id="model-scope">"Model, scope and period"</h2>
        <div class="app-form-group">
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend app-label--bold">"Review model"</legend>
                <div class="app-radios">
                    {ReviewModel::ALL.into_iter().map(|model| {
                        let id = format!("model-{}", model.key().replace('_', "-"));
                        view! {
                            <div class="app-radios__item">
                                <input class="app-radios__input" type="radio" name="review-model" id=id.clone()
                                    prop:checked=move || review.read().setup.model == model
                                    on:change=move |_| session.edit(|r| r.setup.model = model) />
                                <label class="app-label app-radios__label" for=id>{model.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
        <Show when=move || review.read().setup.model == ReviewModel::Other>
            <DetailText id="model-other-name" label="Which model?"
                get=|r| &r.setup.model_other set=|r, t| r.setup.model_other = t />
        </Show>
        <DetailText id="scope" label="Scope" rows=4
            hint="What the review will look at, and what it will not."
            get=|r| &r.setup.scope set=|r, t| r.setup.scope = t />
        <DetailDate id="period-from" legend="Period under review: from" name="The start of the period"
            get=|r| r.setup.period_from set=|r, d| r.setup.period_from = d />
        <DetailDate id="period-to" legend="Period under review: to" name="The end of the period"
            get=|r| r.setup.period_to set=|r, d| r.setup.period_to = d />
        {move || period_problem.get().map(|p| view! { <p class="app-error-message" role="alert">{p}</p> })}
    }
}

#[component]
fn QuestionsSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = Signal::derive(move || error_for(&errors.read(), "question-text"));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked();
        match session.try_edit(|r| r.setup.add_question(new_id(), &typed)) {
            Ok(()) => {
                errors.set(Vec::new());
                text.set(String::new());
                request_animation_frame(|| dom::focus_element("question-text"));
            }
            Err(problem) => errors.set(vec![problem]),
        }
    };
    let list = move || {
        let review = review.read();
        let questions = review.setup.questions_in_order();
        let last = questions.len();
        questions
            .into_iter()
            .enumerate()
            .map(|(n, (id, q))| {
                let number = q.number;
                view! {
                    <li class="app-question" data-testid="review-question">
                        <p class="app-body">{q.text.clone()}</p>
                        <div class="app-button-group">
                            <button type="button" class="app-button app-button--secondary" disabled=n == 0
                                aria-label=format!("Move question {number} up")
                                on:click=move |_| session.edit(|r| r.setup.move_question(id, -1))>"Move up"</button>
                            <button type="button" class="app-button app-button--secondary" disabled=n + 1 == last
                                aria-label=format!("Move question {number} down")
                                on:click=move |_| session.edit(|r| r.setup.move_question(id, 1))>"Move down"</button>
                            <button type="button" class="app-button app-button--warning"
                                aria-label=format!("Remove question {number}")
                                on:click=move |_| session.edit(|r| r.setup.remove_question(id))>"Remove"</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h2 class="app-heading-l" id="review-questions">"Review questions"</h2>
        <p class="app-body">"What the review sets out to answer. The findings answer them later."</p>
        <ol class="app-list app-list--number" data-testid="questions-list">{list}</ol>
        <form class="app-panel" novalidate on:submit=add data-testid="add-question">
            <ErrorSummary errors=errors />
            <Field id="question-text" label="Add a review question" error=error>
                <textarea class="app-textarea" id="question-text" name="question-text" rows="2"
                    class:app-textarea--error=move || error.read().is_some()
                    aria-describedby=described_by("question-text", false, error)
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </Field>
            <button type="submit" class="app-button">"Add the question"</button>
        </form>
    }
}

#[component]
fn FamilySection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let on = RwSignal::new(DateParts::default());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = move |field: &'static str| Signal::derive(move || error_for(&errors.read(), field));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parts = on.get_untracked();
        let mut dates = TypedDates::default();
        let date = dates.read(&parts, "contact-date", "The date of the contact");
        let typed = note.get_untracked();
        match session.try_edit(|r| r.setup.log_contact(new_id(), date, &typed)) {
            Ok(()) => {
                errors.set(Vec::new());
                on.set(DateParts::default());
                note.set(String::new());
            }
            Err(problems) => errors.set(dates.merge(problems, &["contact-date", "contact-note"])),
        }
    };
    let contacts = move || {
        review
            .read()
            .setup
            .contacts_in_order()
            .into_iter()
            .map(|(id, c)| {
                let when = format_uk_date(c.on);
                view! {
                    <tr class="app-table__row" data-testid="family-contact">
                        <td class="app-table__cell">{when.clone()}</td>
                        <td class="app-table__cell app-pre-wrap">{c.note.clone()}</td>
                        <td class="app-table__cell">
                            <button type="button" class="app-button app-button--warning"
                                aria-label=format!("Remove the contact of {when}")
                                on:click=move |_| session.edit(|r| { r.setup.family_liaison.contacts.remove(&id); })>
                                "Remove"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h2 class="app-heading-l" id="family-liaison">"Family Liaison Strategy"</h2>
        <DetailText id="liaison-by" label="Who liaises with the family"
            hint="By role and agency, for example \u{201c}Independent reviewer\u{201d}."
            get=|r| &r.setup.family_liaison.liaison_by set=|r, t| r.setup.family_liaison.liaison_by = t />
        <DetailText id="liaison-agreed" label="What was agreed with the family" rows=4
            get=|r| &r.setup.family_liaison.agreed set=|r, t| r.setup.family_liaison.agreed = t />
        <h3 class="app-heading-m">"Contacts with the family"</h3>
        <Show when=move || !review.read().setup.family_liaison.contacts.is_empty()
            fallback=|| view! { <p class="app-body">"No contacts logged yet."</p> }>
            <table class="app-table" data-testid="contacts-table">
                <caption class="app-visually-hidden">"Contacts with the family"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Date"</th>
                        <th scope="col" class="app-table__header">"What was discussed or agreed"</th>
                        <th scope="col" class="app-table__header">"Actions"</th>
                    </tr>
                </thead>
                <tbody>{contacts}</tbody>
            </table>
        </Show>
        <form class="app-panel" novalidate on:submit=add data-testid="add-contact">
            <ErrorSummary errors=errors />
            <DateInput id="contact-date" legend="Date of the contact" parts=on error=error("contact-date") />
            <Field id="contact-note" label="What was discussed or agreed" hint="Without identifying anyone." error=error("contact-note")>
                <textarea class="app-textarea" id="contact-note" name="contact-note" rows="3"
                    class:app-textarea--error=move || error("contact-note").read().is_some()
                    aria-describedby=described_by("contact-note", true, error("contact-note"))
                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </Field>
            <button type="submit" class="app-button">"Log the contact"</button>
        </form>
    }
}
