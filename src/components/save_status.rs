//! Whether the person's changes are safely stored, shown at all times in the page header.

use leptos::prelude::*;

use crate::services::save_status::{use_save_status, SaveState};

/// "Saved", "Saving…" or "Not saved" with the reason, announced politely to screen readers.
#[component]
pub fn SaveStatusIndicator() -> impl IntoView {
    let status = use_save_status();
    view! {
        <div
            class="app-save-status"
            class:app-save-status--error=move || matches!(status.get(), SaveState::NotSaved(_))
            role="status"
            data-testid="save-status"
        >
            {move || match status.get() {
                SaveState::Saved => view! { <span>"Saved"</span> }.into_any(),
                SaveState::Saving => view! { <span>"Saving\u{2026}"</span> }.into_any(),
                SaveState::NotSaved(reason) => {
                    view! {
                        <span>
                            <strong>"Not saved"</strong>
                            <span class="app-save-status__reason">{reason}</span>
                        </span>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
