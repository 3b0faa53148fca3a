//! The report's sections, each edited in a text box, with the Review Team's comments on it.

use leptos::html;
use leptos::prelude::*;
use sightline_core::dates::format_uk_date_time;
use sightline_core::report::SectionKey;
use sightline_core::RecordId;

use super::ReportPageState;
use crate::components::synced_text::sync_textarea;
use crate::components::ErrorMessage;
use crate::platform::clock;
use crate::services::session::{new_id, use_review_session};

/// Every section of the report, in order.
#[component]
pub(super) fn SectionsEditor() -> impl IntoView {
    view! {
        <h2 class="app-heading-l" id="report-sections">"The sections"</h2>
        <p class="app-hint" id="report-section-hint">
            "A blank line starts a new paragraph. A line starting \u{201c}- \u{201d} is an item in a list; one starting \u{201c}### \u{201d} is a subheading."
        </p>
        {SectionKey::ALL.into_iter().map(|key| view! { <SectionEditor key /> }).collect_view()}
    }
}

/// One section: its heading (which follows the review model), its text, whether it has been
/// edited since it was drafted, and its comments.
#[component]
fn SectionEditor(key: SectionKey) -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let state = expect_context::<ReportPageState>();
    let heading = Memo::new(move |_| {
        format!(
            "{}. {}",
            key.number(),
            key.heading(review.read().setup.model)
        )
    });
    let body = Memo::new(move |_| review.read().report.body(key).to_owned());
    let edited = Memo::new(move |_| {
        review
            .read()
            .report
            .sections
            .get(&key)
            .is_some_and(|s| s.edited() && !s.drafted.is_empty())
    });
    let node = NodeRef::<html::Textarea>::new();
    sync_textarea(node, body.into());
    let rows = move || (body.read().lines().count() as u32 + 2).clamp(6, 30);
    let box_id = format!("report-section-{}", key.key());
    let save = move |text: String| session.edit_report_section(key, text);
    view! {
        <section class="app-report-section" data-testid="report-section" data-section=key.key()
            aria-labelledby=format!("report-heading-{}", key.key())>
            <h3 class="app-heading-m" id=format!("report-heading-{}", key.key())>
                {move || heading.get()}
                {move || edited.get().then(|| view! { <strong class="app-tag app-tag--blue" data-testid="section-edited">" Edited"</strong> })}
            </h3>
            <label class="app-label app-visually-hidden" for=box_id.clone()>{move || format!("Text of section {}", heading.get())}</label>
            <textarea class="app-textarea app-textarea--report" id=box_id node_ref=node
                aria-describedby="report-section-hint"
                rows=rows
                readonly=move || state.is_final.get()
                on:input=move |ev| save(event_target_value(&ev))></textarea>
            <SectionComments key />
        </section>
    }
}

/// The comments on a section, open or resolved, and a way to add one.
#[component]
fn SectionComments(key: SectionKey) -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let state = expect_context::<ReportPageState>();
    let comments = Memo::new(move |_| {
        review
            .read()
            .report
            .comments_on(key)
            .into_iter()
            .map(|(id, c)| (id, c.clone()))
            .collect::<Vec<_>>()
    });
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let prefix = format!("comment-{}", key.key());
    let add = move |_| {
        let role = state.role.get_untracked();
        let said = text.get_untracked();
        match session.try_edit(|r| {
            r.report
                .add_comment(new_id(), key, &role, &said, clock::now())
        }) {
            Ok(()) => {
                error.set(None);
                text.set(String::new());
            }
            Err(problem) => error.set(Some(problem.message)),
        }
    };
    let set_resolved = move |id: RecordId, on: bool| {
        session.edit(|r| {
            if let Some(c) = r.report.comments.get_mut(&id) {
                c.resolved = on;
            }
        });
    };
    let count = move || {
        let list = comments.read();
        let open = list.iter().filter(|(_, c)| !c.resolved).count();
        match (list.len(), open) {
            (0, _) => "Comments".to_owned(),
            (n, 0) => format!("Comments ({n}, all resolved)"),
            (n, o) => format!("Comments ({n}, {o} open)"),
        }
    };
    view! {
        <details class="app-details app-comments" data-testid="section-comments">
            <summary class="app-details__summary">{count}</summary>
            <ul class="app-list app-list--rows">
                <For each=move || comments.get() key=|(id, c)| (*id, c.resolved)
                    children=move |(id, comment)| {
                        let resolved = comment.resolved;
                        view! {
                            <li class="app-comment" data-testid="comment" data-resolved=resolved.to_string()>
                                <p class="app-body">
                                    <strong>{comment.by_role.clone()}</strong>
                                    {format!(", {}", format_uk_date_time(comment.at))}
                                    " "
                                    <strong class="app-tag" class:app-tag--grey=resolved class:app-tag--yellow=!resolved>
                                        {if resolved { "Resolved" } else { "Open" }}
                                    </strong>
                                </p>
                                <p class="app-body app-pre-wrap">{comment.text.clone()}</p>
                                <button type="button" class="app-link-button" on:click=move |_| set_resolved(id, !resolved)>
                                    {if resolved { "Reopen" } else { "Mark as resolved" }}
                                </button>
                            </li>
                        }
                    } />
            </ul>
            <div class="app-form-group">
                <label class="app-label" for=format!("{prefix}-by")>"Your role in the Review Team"</label>
                <input class="app-input app-input--width-20" id=format!("{prefix}-by") type="text" autocomplete="off"
                    prop:value=move || state.role.get()
                    on:input=move |ev| state.role.set(event_target_value(&ev)) />
            </div>
            <div class="app-form-group">
                <label class="app-label" for=format!("{prefix}-text")>"Comment"</label>
                <ErrorMessage id=format!("{prefix}-error") message=error />
                <textarea class="app-textarea" id=format!("{prefix}-text") rows=3
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <button type="button" class="app-button app-button--secondary" on:click=add>
                {format!("Add comment on section {}", key.number())}
            </button>
        </details>
    }
}
