//! The line under an export button saying how saving went.

use leptos::prelude::*;

use crate::services::files::SaveProgress;

/// The line under an export button saying how saving went.
#[component]
pub fn SaveProgressNote(progress: RwSignal<SaveProgress>) -> impl IntoView {
    move || {
        match progress.get() {
        SaveProgress::Idle => ().into_any(),
        SaveProgress::Protecting => view! {
            <p class="app-body" role="status">"Protecting the file with the passphrase\u{2026} this takes a few seconds."</p>
        }
        .into_any(),
        SaveProgress::Saved(name) => view! {
            <p class="app-body" role="status" data-testid="saved-file">
                {format!("Saved \u{201c}{name}\u{201d} to your downloads.")}
            </p>
        }
        .into_any(),
        SaveProgress::Failed(message) => view! {
            <p class="app-error-message" role="alert">{message}</p>
        }
        .into_any(),
    }
    }
}
