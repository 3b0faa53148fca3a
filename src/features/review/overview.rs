//! The review's Overview: its title, details, lifecycle, parallel proceedings, and the actions
//! that change its status.

use leptos::prelude::*;
use sightline_core::validation::{validate_committee, FieldError};
use sightline_core::ReviewStatus;

use super::lifecycle_table::LifecycleTable;
use super::manage::ManageReview;
use super::parallel_proceedings::ParallelProceedingsSection;
use super::session::use_review_session;
use crate::components::error_summary::error_for;
use crate::components::page_title::focus_element;
use crate::components::{use_page_title, ErrorSummary, TextField};

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
            {move || review.read().title.clone()}
        </h1>
        <p class="app-status-tags">{status_tags}</p>
        <ReviewDetails />
        <LifecycleTable />
        <ParallelProceedingsSection />
        <ManageReview />
    }
}

/// Which detail is being changed in place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Editing {
    Nothing,
    Title,
    Committee,
}

/// The review's details as a GOV.UK summary list, each with a "Change" link that edits in place.
#[component]
fn ReviewDetails() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let editing = RwSignal::new(Editing::Nothing);
    let draft = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let start = move |what: Editing| {
        let current = {
            let review = review.read();
            match what {
                Editing::Title => review.title.clone(),
                Editing::Committee => review.committee.clone(),
                Editing::Nothing => String::new(),
            }
        };
        draft.set(current);
        errors.set(Vec::new());
        editing.set(what);
        let field = match what {
            Editing::Title => "title",
            _ => "committee",
        };
        request_animation_frame(move || focus_element(field));
    };
    let finish = move |what: Editing| {
        editing.set(Editing::Nothing);
        errors.set(Vec::new());
        let link = match what {
            Editing::Title => "change-title",
            _ => "change-committee",
        };
        request_animation_frame(move || focus_element(link));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let what = editing.get_untracked();
        let text = draft.get_untracked();
        let result = match what {
            Editing::Title => session.try_edit(|r| {
                r.rename(&text).map_err(|e| match e {
                    sightline_core::review::EditError::Invalid(error) => error,
                    other => FieldError::new("title", other.to_string()),
                })
            }),
            Editing::Committee => {
                validate_committee(&text).map(|name| session.edit(|r| r.committee = name))
            }
            Editing::Nothing => Ok(()),
        };
        match result {
            Ok(()) => finish(what),
            Err(error) => errors.set(vec![error]),
        }
    };

    let editor =
        move |what: Editing, field: &'static str, label: &'static str, hint: &'static str| {
            view! {
                <form class="app-inline-form" on:submit=save novalidate>
                    <ErrorSummary errors=errors />
                    <TextField
                        id=field
                        label=label
                        hint=hint
                        value=draft
                        error=Signal::derive(move || error_for(&errors.read(), field))
                    />
                    <div class="app-button-group">
                        <button type="submit" class="app-button">
                            {format!("Save {}", label.to_lowercase())}
                        </button>
                        <button
                            type="button"
                            class="app-button app-button--secondary"
                            on:click=move |_| finish(what)
                        >
                            "Cancel"
                        </button>
                    </div>
                </form>
            }
        };

    view! {
        <h2 class="app-heading-m">"Review details"</h2>
        <dl class="app-summary-list">
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Title"</dt>
                <dd class="app-summary-list__value">
                    {move || {
                        if editing.get() == Editing::Title {
                            editor(
                                    Editing::Title,
                                    "title",
                                    "Title",
                                    "Use a reference that does not identify anyone, such as \u{201c}Review 2026-03 (Child A)\u{201d}.",
                                )
                                .into_any()
                        } else {
                            view! { <span>{review.read().title.clone()}</span> }.into_any()
                        }
                    }}
                </dd>
                <dd class="app-summary-list__actions">
                    <Show when=move || editing.get() != Editing::Title>
                        <button
                            type="button"
                            class="app-link-button"
                            id="change-title"
                            on:click=move |_| start(Editing::Title)
                        >
                            "Change"
                            <span class="app-visually-hidden">" title"</span>
                        </button>
                    </Show>
                </dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Review type"</dt>
                <dd class="app-summary-list__value">{move || review.read().review_type.label()}</dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Committee"</dt>
                <dd class="app-summary-list__value">
                    {move || {
                        if editing.get() == Editing::Committee {
                            editor(
                                    Editing::Committee,
                                    "committee",
                                    "Committee",
                                    "The committee running the review, as it names itself.",
                                )
                                .into_any()
                        } else {
                            let name = review.read().committee.clone();
                            if name.is_empty() {
                                view! { <span class="app-secondary-text">"Not given"</span> }
                                    .into_any()
                            } else {
                                view! { <span>{name}</span> }.into_any()
                            }
                        }
                    }}
                </dd>
                <dd class="app-summary-list__actions">
                    <Show when=move || editing.get() != Editing::Committee>
                        <button
                            type="button"
                            class="app-link-button"
                            id="change-committee"
                            on:click=move |_| start(Editing::Committee)
                        >
                            "Change"
                            <span class="app-visually-hidden">" committee"</span>
                        </button>
                    </Show>
                </dd>
            </div>
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
