//! Changing a review's status: pause, complete, archive, and delete after confirmation.

use leptos::prelude::*;
use sightline_core::ReviewStatus;

use crate::components::{use_notice, ConfirmDialog};
use crate::platform::storage;
use crate::routes::{use_navigator, Route};
use crate::services::save_status::{use_save_status, SaveState};
use crate::services::session::use_review_session;

/// The "Manage review" section of the Overview.
#[component]
pub fn ManageReview() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let status = Memo::new(move |_| review.read().status);
    let archived = Memo::new(move |_| review.read().archived);
    let confirming_delete = RwSignal::new(false);
    let delete_error = RwSignal::new(None::<String>);
    let save_status = use_save_status();
    let notice = use_notice();
    let navigator = use_navigator();

    let set_status = move |new: ReviewStatus| session.edit(|r| r.status = new);
    let delete = move || {
        let (id, title) = {
            let review = review.read_untracked();
            (review.id, review.title.clone())
        };
        session.stop_saving();
        leptos::task::spawn_local(async move {
            let result = match storage::shared().await {
                Ok(store) => store.delete(id).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(()) => {
                    save_status.set(SaveState::Saved);
                    notice.set(format!("Review \u{201c}{title}\u{201d} deleted"));
                    navigator.go(Route::Reviews);
                }
                Err(error) => {
                    delete_error.try_set(Some(format!("The review was not deleted. {error}")));
                }
            }
        });
    };

    view! {
        <h2 class="app-heading-m">"Manage review"</h2>
        {move || {
            delete_error
                .get()
                .map(|message| {
                    view! {
                        <div class="app-error-summary" role="alert" tabindex="-1">
                            <h2 class="app-error-summary__title">"There is a problem"</h2>
                            <p>{message}</p>
                        </div>
                    }
                })
        }}
        <div class="app-button-group">
            {move || match status.get() {
                ReviewStatus::Paused => view! {
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| set_status(ReviewStatus::Open)>
                        "Resume review"
                    </button>
                }.into_any(),
                ReviewStatus::Open => view! {
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| set_status(ReviewStatus::Paused)>
                        "Pause review"
                    </button>
                }.into_any(),
                // Closed by the decision: the Decision page changes it.
                ReviewStatus::Complete | ReviewStatus::Closed => ().into_any(),
            }}
            {move || if status.get() == ReviewStatus::Complete {
                view! {
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| set_status(ReviewStatus::Open)>
                        "Reopen review"
                    </button>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| set_status(ReviewStatus::Complete)>
                        "Mark as complete"
                    </button>
                }.into_any()
            }}
            <button
                type="button"
                class="app-button app-button--secondary"
                on:click=move |_| session.edit(|r| r.archived = !r.archived)
            >
                {move || if archived.get() { "Unarchive review" } else { "Archive review" }}
            </button>
            <button
                type="button"
                class="app-button app-button--warning"
                on:click=move |_| confirming_delete.set(true)
            >
                "Delete review"
            </button>
        </div>
        <p class="app-hint">
            "Archived reviews are kept but hidden from the list unless you choose to show them."
        </p>
        <ConfirmDialog
            open=confirming_delete
            heading=Signal::derive(move || format!("Delete \u{201c}{}\u{201d}?", sightline_core::markup::quoted(&review.read().title)))
            confirm_label="Delete review"
            on_confirm=delete
        >
            <p class="app-body">
                "This removes the review and everything in it from this browser. It cannot be undone. If you might need it again, archive it instead."
            </p>
        </ConfirmDialog>
    }
}
