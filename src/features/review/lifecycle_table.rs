//! The review's lifecycle as a table: every stage's milestones with their date, due date and
//! state, and a way to add, change or remove each date in place.

use leptos::prelude::*;
use sightline_core::dates::format_uk_date;
use sightline_core::review::new_review::{milestone_field_prefix, validate_milestone_date};
use sightline_core::{lifecycle, DateParts, DueDate, LifecycleRow, Milestone, MilestoneState};

use crate::components::DateInput;
use crate::platform::clock;
use crate::platform::dom::focus_element;
use crate::services::session::use_review_session;

/// The tag style for a milestone's state, so that overdue stands out in red.
fn state_class(state: &MilestoneState) -> &'static str {
    match state {
        MilestoneState::Done(_) => "app-tag app-tag--green",
        MilestoneState::Overdue { .. } => "app-tag app-tag--red",
        MilestoneState::DueSoon { .. } => "app-tag app-tag--yellow",
        MilestoneState::Due { .. } => "app-tag app-tag--blue",
        _ => "app-tag app-tag--grey",
    }
}

fn change_button_id(milestone: Milestone) -> String {
    format!("change-{}", milestone.key())
}

/// The lifecycle table of the Overview.
#[component]
pub fn LifecycleTable() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let today = clock::today();
    // Recomputed on every change to the review, but the table only redraws when a row changes,
    // not while someone types in another section.
    let rows = Memo::new(move |_| lifecycle(&review.read(), today));
    let editing = RwSignal::new(None::<Milestone>);
    let draft = RwSignal::new(DateParts::default());
    let error = RwSignal::new(None::<String>);

    let start = move |row: &LifecycleRow| {
        let milestone = row.milestone;
        draft.set(row.recorded.map(DateParts::from_date).unwrap_or_default());
        error.set(None);
        editing.set(Some(milestone));
        let day = format!("{}-day", milestone_field_prefix(milestone));
        request_animation_frame(move || focus_element(&day));
    };
    let close = move |milestone: Milestone| {
        editing.set(None);
        error.set(None);
        let button = change_button_id(milestone);
        request_animation_frame(move || focus_element(&button));
    };
    let save = move |milestone: Milestone| {
        let checked = validate_milestone_date(
            &review.read_untracked(),
            milestone,
            &draft.get_untracked(),
            clock::today(),
        );
        match checked {
            Ok(date) => {
                session.edit(|r| {
                    let _ = r.record_date(milestone, Some(date));
                });
                close(milestone);
            }
            Err(problem) => {
                error.set(Some(problem.message));
                let field = problem.field;
                request_animation_frame(move || focus_element(&field));
            }
        }
    };
    let remove = move |milestone: Milestone| {
        session.edit(|r| {
            let _ = r.record_date(milestone, None);
        });
        close(milestone);
    };

    let editor_row = move |milestone: Milestone, recorded: bool| {
        let prefix = milestone_field_prefix(milestone);
        view! {
            <tr class="app-table__row app-table__row--editor">
                <td class="app-table__cell" colspan="5">
                    <form
                        class="app-inline-form"
                        novalidate
                        on:submit=move |ev| {
                            ev.prevent_default();
                            save(milestone);
                        }
                    >
                        <DateInput
                            id=prefix
                            legend=format!("Date of \u{201c}{}\u{201d}", milestone.label())
                            hint="The day it happened, for example 27 3 2026"
                            parts=draft
                            error=error
                        />
                        <div class="app-button-group">
                            <button type="submit" class="app-button">
                                "Save date"
                            </button>
                            {(recorded && milestone != Milestone::NotificationReceived)
                                .then(|| {
                                    view! {
                                        <button
                                            type="button"
                                            class="app-button app-button--secondary"
                                            on:click=move |_| remove(milestone)
                                        >
                                            "Remove date"
                                        </button>
                                    }
                                })}
                            <button
                                type="button"
                                class="app-link-button"
                                on:click=move |_| close(milestone)
                            >
                                "Cancel"
                            </button>
                        </div>
                    </form>
                </td>
            </tr>
        }
    };

    let table_rows = move || {
        let editing_now = editing.get();
        rows.get()
            .into_iter()
            .map(|row| {
                let milestone = row.milestone;
                let stage = milestone.stage();
                let recorded = row.recorded.map(format_uk_date);
                let due = match row.due {
                    DueDate::On(date) => format_uk_date(date),
                    _ => "\u{2014}".to_owned(),
                };
                let detail = row.state.detail();
                let is_editing = editing_now == Some(milestone);
                let row_for_start = row.clone();
                view! {
                    <tr class="app-table__row" data-milestone=milestone.key()>
                        <th class="app-table__header" scope="row">
                            <span class="app-stage-number">{format!("{}. ", stage.number)}</span>
                            {milestone.label()}
                            {(stage.name != milestone.label())
                                .then(|| {
                                    view! {
                                        <span class="app-secondary-text app-block">
                                            {format!("Stage: {}", stage.name)}
                                        </span>
                                    }
                                })}
                        </th>
                        <td class="app-table__cell" data-label="Date" data-testid="recorded">
                            {recorded
                                .unwrap_or_else(|| "Not recorded".to_owned())}
                        </td>
                        <td class="app-table__cell" data-label="Due" data-testid="due">
                            {due}
                            {row
                                .note
                                .clone()
                                .map(|note| {
                                    view! {
                                        <span class="app-secondary-text app-block">{note}</span>
                                    }
                                })}
                        </td>
                        <td class="app-table__cell" data-label="State" data-testid="state">
                            <strong class=state_class(&row.state)>{row.state.label()}</strong>
                            {(!detail.is_empty())
                                .then(|| {
                                    view! {
                                        <span class="app-secondary-text app-block">{detail}</span>
                                    }
                                })}
                        </td>
                        <td class="app-table__cell app-table__cell--actions">
                            {(!is_editing)
                                .then(|| {
                                    view! {
                                        <button
                                            type="button"
                                            class="app-link-button"
                                            id=change_button_id(milestone)
                                            on:click=move |_| start(&row_for_start)
                                        >
                                            {if row.recorded.is_some() { "Change" } else { "Add date" }}
                                            <span class="app-visually-hidden">
                                                {format!(" for \u{201c}{}\u{201d}", milestone.label())}
                                            </span>
                                        </button>
                                    }
                                })}
                        </td>
                    </tr>
                    {is_editing.then(|| editor_row(milestone, row.recorded.is_some()))}
                }
            })
            .collect_view()
    };

    view! {
        <h2 class="app-heading-m" id="lifecycle-heading">
            "Lifecycle"
        </h2>
        <p class="app-body">
            "Record the date each step happened. Due dates follow the national guidance: a decision within 6 weeks of the notification, agency returns within 2 weeks of the request, sign-off within 9 months of the decision (aiming for 6), and for adult reviews the Care Inspectorate told of the outcome within 7 days of sign-off."
        </p>
        <div class="app-table-wrapper">
            <table
                class="app-table app-table--stack"
                aria-labelledby="lifecycle-heading"
                data-testid="lifecycle"
            >
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Step"</th>
                        <th scope="col" class="app-table__header">"Date"</th>
                        <th scope="col" class="app-table__header">"Due"</th>
                        <th scope="col" class="app-table__header">"State"</th>
                        <th scope="col" class="app-table__header">
                            <span class="app-visually-hidden">"Actions"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </div>
    }
}
