//! The action plan: every action with its owner, due date and status; overdue ones stand out
//! here, on every page of the review and on the Reviews page. Exported as CSV.

use leptos::prelude::*;
use sightline_core::content::actions::{action_plan_csv, plan_order};
use sightline_core::content::RecordKind;
use sightline_core::content::{Action, ActionForm, ActionStatus, Finding};
use sightline_core::dates::format_uk_date;
use sightline_core::format::file_name;
use sightline_core::{FieldError, RecordId};

use crate::components::error_summary::error_for;
use crate::components::Field;
use crate::components::{use_page_title, ConfirmDialog, DateInput, ErrorMessage, ErrorSummary};
use crate::platform::{clock, files};
use crate::routes::{review_section_href, use_navigator, ReviewSection};
use crate::services::session::{new_id, use_review_session};

fn status_class(action: &Action, today: chrono::NaiveDate) -> &'static str {
    if action.is_overdue(today) {
        return "app-tag app-tag--red";
    }
    match action.status {
        ActionStatus::NotStarted => "app-tag app-tag--grey",
        ActionStatus::InProgress => "app-tag app-tag--blue",
        ActionStatus::Done => "app-tag app-tag--green",
        ActionStatus::Dropped => "app-tag app-tag--yellow",
    }
}

/// How many of the review's actions are overdue today.
pub fn overdue_count(content: &sightline_core::ReviewContent, today: chrono::NaiveDate) -> usize {
    content
        .actions
        .iter()
        .filter(|a| a.is_overdue(today))
        .count()
}

/// The Action plan page.
#[component]
pub fn ActionPlanPage() -> impl IntoView {
    use_page_title(|| "Action plan".to_owned());
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let today = clock::today();
    let rows = Memo::new(move |_| {
        let content = content.read();
        plan_order(&content)
            .into_iter()
            .map(|a| {
                let finding = a
                    .finding
                    .and_then(|f| content.get::<Finding>(f))
                    .map(|f| f.statement.clone())
                    .unwrap_or_default();
                (a.clone(), a.owner(&content), finding)
            })
            .collect::<Vec<_>>()
    });
    let overdue = Memo::new(move |_| overdue_count(&content.read(), today));
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let csv = content.with_untracked(action_plan_csv);
        let title = session.review().read_untracked().title.clone();
        let name = file_name(&format!("{title} action plan"), today, ".csv", false);
        match files::download(&name, "text/csv;charset=utf-8", csv.as_bytes()) {
            Ok(()) => export_error.set(None),
            Err(error) => export_error.set(Some(error.to_string())),
        }
    };
    view! {
        <h1 class="app-heading-l">"Action plan"</h1>
        <p class="app-body">
            "The recommendations as actions: what will be done, who owns it, by when, and how the committee will know it made a difference."
        </p>
        <Show when=move || { overdue.get() > 0 }>
            <div class="app-warning-text" role="status" data-testid="overdue-actions">
                <strong>{move || match overdue.get() {
                    1 => "1 action is overdue.".to_owned(),
                    n => format!("{n} actions are overdue."),
                }}</strong>
                " They are marked \u{201c}Overdue\u{201d} below."
            </div>
        </Show>
        <Show
            when=move || !rows.read().is_empty()
            fallback=|| view! { <p class="app-body" data-testid="no-actions">"No actions yet."</p> }
        >
            <table class="app-table app-table--stack" data-testid="actions">
                <caption class="app-visually-hidden">"Actions"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Action"</th>
                        <th scope="col" class="app-table__header">"Owner"</th>
                        <th scope="col" class="app-table__header">"Due"</th>
                        <th scope="col" class="app-table__header">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(action, owner, finding)| {
                        let overdue = action.is_overdue(today);
                        view! {
                            <tr class="app-table__row" data-testid="action-row" data-overdue=overdue.to_string()>
                                <th scope="row" class="app-table__header">
                                    <a href=review_section_href(review_id, ReviewSection::Action(action.id))>{action.text.clone()}</a>
                                    {(!finding.is_empty()).then(|| view! { <span class="app-hint">"Answers: " {finding}</span> })}
                                </th>
                                <td class="app-table__cell" data-label="Owner">{owner}</td>
                                <td class="app-table__cell" data-label="Due">{action.due.map(format_uk_date).unwrap_or_default()}</td>
                                <td class="app-table__cell" data-label="Status">
                                    <strong class=status_class(&action, today)>
                                        {if overdue { format!("Overdue ({})", action.status.label().to_lowercase()) } else { action.status.label().to_owned() }}
                                    </strong>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" class="app-button app-button--secondary" on:click=export>"Export action plan (CSV)"</button>
            <ErrorMessage id="export-actions-error" message=export_error />
        </Show>
        <h2 class="app-heading-m" id="add-action-heading">"Add an action"</h2>
        <ActionEditor action=None />
    }
}

/// One action's page.
#[component]
pub fn ActionPage(action: RecordId) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let exists = Memo::new(move |_| content.read().get::<Action>(action).is_some());
    use_page_title(move || {
        if exists.get() {
            "Action".to_owned()
        } else {
            "Action not found".to_owned()
        }
    });
    let navigator = use_navigator();
    let confirm_delete = RwSignal::new(false);
    let delete = move || {
        session.remove_record(RecordKind::Action, action);
        navigator.go_to(&review_section_href(review_id, ReviewSection::ActionPlan));
    };
    view! {
        <a href=review_section_href(review_id, ReviewSection::ActionPlan) class="app-back-link">"Action plan"</a>
        <Show when=move || exists.get()
            fallback=move || view! {
                <crate::components::RecordNotFound what="Action" />
            }>
            <h1 class="app-heading-l">"Change the action"</h1>
            <ActionEditor action=Some(action) />
            <h2 class="app-heading-m">"Delete this action"</h2>
            <button type="button" class="app-button app-button--warning" on:click=move |_| confirm_delete.set(true)>"Delete action"</button>
            <ConfirmDialog open=confirm_delete
                heading=Signal::derive(|| "Delete this action?".to_owned())
                confirm_label="Delete action".to_owned()
                on_confirm=delete>
                <p class="app-body">"If it will not be done, you can mark it \u{201c}Dropped\u{201d} with a reason instead, which keeps the record."</p>
            </ConfirmDialog>
        </Show>
    }
}

/// The form that adds an action (`action` is `None`) or changes one.
#[component]
fn ActionEditor(action: Option<RecordId>) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let navigator = use_navigator();
    let start = action
        .and_then(|id| content.with_untracked(|c| c.get::<Action>(id).map(ActionForm::from_action)))
        .unwrap_or_default();
    let text = RwSignal::new(start.text.clone());
    let finding = RwSignal::new(start.finding);
    let owner_role = RwSignal::new(start.owner_role.clone());
    let owner_agency = RwSignal::new(start.owner_agency);
    let due = RwSignal::new(start.due.clone());
    let status = RwSignal::new(start.status);
    let dropped_reason = RwSignal::new(start.dropped_reason.clone());
    let completion_evidence = RwSignal::new(start.completion_evidence.clone());
    let impact_measure = RwSignal::new(start.impact_measure.clone());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saved = RwSignal::new(false);
    let findings = Memo::new(move |_| {
        content
            .read()
            .findings
            .iter()
            .map(|f| (f.id, f.statement.clone()))
            .collect::<Vec<_>>()
    });
    let agencies = Memo::new(move |_| {
        content
            .read()
            .agencies
            .iter()
            .map(|a| (a.id, a.name.clone()))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ActionForm {
            text: text.get_untracked(),
            finding: finding.get_untracked(),
            owner_role: owner_role.get_untracked(),
            owner_agency: owner_agency.get_untracked(),
            due: due.get_untracked(),
            status: status.get_untracked(),
            dropped_reason: dropped_reason.get_untracked(),
            completion_evidence: completion_evidence.get_untracked(),
            impact_measure: impact_measure.get_untracked(),
        };
        let mut record = action
            .and_then(|id| content.with_untracked(|c| c.get::<Action>(id).cloned()))
            .unwrap_or_else(|| Action::new(new_id(), clock::now()));
        match form.apply(&mut record) {
            Ok(()) => {
                errors.set(Vec::new());
                session.put_record(record);
                if action.is_none() {
                    navigator.go_to(&review_section_href(review_id, ReviewSection::ActionPlan));
                    text.set(String::new());
                    finding.set(None);
                    owner_role.set(String::new());
                    owner_agency.set(None);
                    due.set(Default::default());
                    status.set(ActionStatus::NotStarted);
                    dropped_reason.set(String::new());
                    completion_evidence.set(String::new());
                    impact_measure.set(String::new());
                } else {
                    saved.set(true);
                }
            }
            Err(found) => {
                saved.set(false);
                errors.set(found)
            }
        }
    };
    let err = move |field: &'static str| Signal::derive(move || error_for(&errors.read(), field));
    let text_field = move |id: &'static str,
                           label: &'static str,
                           hint: Option<&'static str>,
                           value: RwSignal<String>,
                           rows: u32| {
        let error = err(id);
        view! {
            <div class="app-form-group" class:app-form-group--error=move || error.read().is_some()>
                <label class="app-label" for=id>{label}</label>
                {hint.map(|h| view! { <div class="app-hint">{h}</div> })}
                <ErrorMessage id=format!("{id}-error") message=error />
                <textarea class="app-textarea" id=id rows=rows
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            </div>
        }
    };
    let dropped_error = err("action-dropped-reason");
    view! {
        <form class="app-form" on:submit=submit novalidate data-testid="action-form">
            <ErrorSummary errors=errors />
            {text_field("action-text", "What will be done", Some("A specific change to the system, not to one person\u{2019}s practice."), text, 2)}
            <Field id="action-finding" label="The finding it answers (optional)">
                <select class="app-select" id="action-finding" on:change=move |ev| finding.set(RecordId::parse(&event_target_value(&ev)))>
                    <option value="" selected=move || finding.read().is_none()>"None"</option>
                    {move || findings.get().into_iter().map(|(id, statement)| view! {
                        <option value=id.to_string() selected=move || finding.get() == Some(id)>{statement}</option>
                    }).collect_view()}
                </select>
            </Field>
            {text_field("action-owner-role", "Owner\u{2019}s role", Some("A role, never a name: \u{201c}Lead Officer, Child Protection\u{201d}."), owner_role, 1)}
            <Field id="action-owner-agency" label="Owner\u{2019}s agency (optional)">
                <select class="app-select" id="action-owner-agency" on:change=move |ev| owner_agency.set(RecordId::parse(&event_target_value(&ev)))>
                    <option value="" selected=move || owner_agency.read().is_none()>"Not chosen"</option>
                    {move || agencies.get().into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=move || owner_agency.get() == Some(id)>{name}</option>
                    }).collect_view()}
                </select>
            </Field>
            <DateInput id="action-due" legend="Due date" hint="For example, 31 3 2027" parts=due error=err("action-due-day") />
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"Status"</legend>
                <div class="app-radios app-radios--inline">
                    {ActionStatus::ALL.into_iter().map(|s| {
                        let id = format!("action-status-{}", s.key());
                        view! {
                            <div class="app-radios__item">
                                <input class="app-radios__input" type="radio" name="action-status" id=id.clone()
                                    prop:checked=move || status.get() == s
                                    on:change=move |_| status.set(s) />
                                <label class="app-label app-radios__label" for=id>{s.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <Show when=move || status.get() == ActionStatus::Dropped>
                <Field id="action-dropped-reason" label="Why it was dropped" error=dropped_error>
                    <textarea class="app-textarea" id="action-dropped-reason" rows="2"
                        prop:value=move || dropped_reason.get()
                        on:input=move |ev| dropped_reason.set(event_target_value(&ev))></textarea>
                </Field>
            </Show>
            {text_field("action-completion-evidence", "Evidence of completion (optional)", None, completion_evidence, 2)}
            {text_field("action-impact", "How impact will be measured (optional)", Some("What will show the change made a difference, and when."), impact_measure, 2)}
            <button type="submit" class="app-button">{if action.is_some() { "Save changes" } else { "Add action" }}</button>
            <Show when=move || saved.get()>
                <p class="app-body" role="status" data-testid="action-saved">"Changes saved."</p>
            </Show>
        </form>
    }
}
