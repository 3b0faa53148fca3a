//! The review's Overview: its title, details, lifecycle, parallel proceedings, and the actions
//! that change its status.

use leptos::prelude::*;
use sightline_core::form::FieldError;
use sightline_core::review::new_review::validate_committee;
use sightline_core::review::EditError;
use sightline_core::{Review, ReviewStatus};

use super::lifecycle_table::LifecycleTable;
use super::manage::ManageReview;
use super::parallel_proceedings::ParallelProceedingsSection;
use crate::components::error_summary::error_for;
use crate::components::{use_page_title, ErrorSummary, TextField};
use crate::platform::dom::focus_element;
use crate::services::session::use_review_session;

/// The Overview page of a review.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    use_page_title(move || format!("Overview: {}", review.read().title));
    let status_tags = move || {
        let review = review.read();
        let mut tags = Vec::new();
        match review.status {
            ReviewStatus::Open => {}
            ReviewStatus::Paused => tags.push(("Paused", "app-tag app-tag--grey")),
            ReviewStatus::Complete => tags.push(("Complete", "app-tag app-tag--green")),
            ReviewStatus::Closed => tags.push(("Closed: no review", "app-tag app-tag--grey")),
        }
        if review.archived {
            tags.push(("Archived", "app-tag app-tag--grey"));
        }
        tags.into_iter()
            .map(|(text, class)| view! { <strong class=class>{text}</strong> " " })
            .collect_view()
    };
    view! {
        <span class="app-caption-l">
            {move || review.read().review_type.label()}
            " review"
        </span>
        <h1 class="app-heading-xl" id="review-title">
            {move || sightline_core::text::shown_title(&review.read().title)}
        </h1>
        <p class="app-status-tags">{status_tags}</p>
        <ReviewDetails />
        <super::progress::ProgressSection />
        <LifecycleTable />
        <super::progress::TimescalesSection />
        <ParallelProceedingsSection />
        <super::export::ExportReview />
        <super::restore_points::RestorePoints />
        <ManageReview />
    }
}

/// A detail of the review that can be changed in place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    Title,
    Committee,
}

impl Detail {
    /// The text box's id, which is also the field name in the core's errors.
    fn field(self) -> &'static str {
        match self {
            Detail::Title => "title",
            Detail::Committee => "committee",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Detail::Title => "Title",
            Detail::Committee => "Committee",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Detail::Title => "Use a reference that does not identify anyone, such as \u{201c}Review 2026-03 (Child A)\u{201d}.",
            Detail::Committee => "The committee running the review, as it names itself.",
        }
    }

    fn current(self, review: &Review) -> String {
        match self {
            Detail::Title => review.title.clone(),
            Detail::Committee => review.committee.clone(),
        }
    }

    /// The id of the "Change" button, where focus returns after editing.
    fn change_button_id(self) -> String {
        format!("change-{}", self.field())
    }
}

/// The review's details as a GOV.UK summary list, each with a "Change" link that edits in place.
#[component]
fn ReviewDetails() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let editing = RwSignal::new(None::<Detail>);
    let draft = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let start = move |detail: Detail| {
        draft.set(detail.current(&review.read_untracked()));
        errors.set(Vec::new());
        editing.set(Some(detail));
        request_animation_frame(move || focus_element(detail.field()));
    };
    let finish = move |detail: Detail| {
        editing.set(None);
        errors.set(Vec::new());
        request_animation_frame(move || focus_element(&detail.change_button_id()));
    };
    let save = move |detail: Detail| {
        let text = draft.get_untracked();
        let result = match detail {
            Detail::Title => session.try_edit(|r| {
                r.rename(&text).map_err(|e| match e {
                    EditError::Invalid(error) => error,
                    other => FieldError::new(detail.field(), other.to_string()),
                })
            }),
            Detail::Committee => {
                validate_committee(&text).map(|name| session.edit(|r| r.committee = name))
            }
        };
        match result {
            Ok(()) => finish(detail),
            Err(error) => errors.set(vec![error]),
        }
    };

    let editor = move |detail: Detail| {
        let field = detail.field();
        view! {
            <form
                class="app-inline-form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    save(detail);
                }
            >
                <ErrorSummary errors=errors />
                <TextField
                    id=field
                    label=detail.label()
                    hint=detail.hint()
                    value=draft
                    error=Signal::derive(move || error_for(&errors.read(), field))
                />
                <div class="app-button-group">
                    <button type="submit" class="app-button">
                        {format!("Save {}", detail.label().to_lowercase())}
                    </button>
                    <button
                        type="button"
                        class="app-button app-button--secondary"
                        on:click=move |_| finish(detail)
                    >
                        "Cancel"
                    </button>
                </div>
            </form>
        }
    };

    let editable_row = move |detail: Detail| {
        let is_editing = move || editing.get() == Some(detail);
        view! {
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">{detail.label()}</dt>
                <dd class="app-summary-list__value" data-testid=format!("detail-{}", detail.field())>
                    {move || {
                        if is_editing() {
                            editor(detail).into_any()
                        } else {
                            let value = detail.current(&review.read());
                            if value.is_empty() {
                                view! { <span class="app-secondary-text">"Not given"</span> }
                                    .into_any()
                            } else {
                                view! { <span>{value}</span> }.into_any()
                            }
                        }
                    }}
                </dd>
                <dd class="app-summary-list__actions">
                    <Show when=move || !is_editing()>
                        <button
                            type="button"
                            class="app-link-button"
                            id=detail.change_button_id()
                            on:click=move |_| start(detail)
                        >
                            "Change"
                            <span class="app-visually-hidden">
                                {format!(" {}", detail.label().to_lowercase())}
                            </span>
                        </button>
                    </Show>
                </dd>
            </div>
        }
    };

    view! {
        <h2 class="app-heading-m">"Review details"</h2>
        <dl class="app-summary-list">
            {editable_row(Detail::Title)}
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Review type"</dt>
                <dd class="app-summary-list__value">{move || review.read().review_type.label()}</dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
            {editable_row(Detail::Committee)}
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Status"</dt>
                <dd class="app-summary-list__value" data-testid="review-status">
                    {move || {
                        let review = review.read();
                        let mut text = review.status.label().to_owned();
                        if review.archived {
                            text.push_str(" (archived)");
                        }
                        text
                    }}
                </dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
        </dl>
    }
}
