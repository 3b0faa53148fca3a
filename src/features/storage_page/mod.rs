//! The Storage page: whether the browser will keep Sightline's data, how much space it uses,
//! whether the app works offline, and the advice to export regularly.

use leptos::prelude::*;

use crate::components::update_banner::use_app_updates;
use crate::components::{load_once, use_page_title};
use crate::platform::persistence::{self, Persistence, StorageEstimate};
use crate::platform::storage;
use sightline_core::text::human_bytes;

fn persistence_text(answer: Persistence) -> &'static str {
    match answer {
        Persistence::Granted => "Yes. The browser has agreed not to clear Sightline's data to free up space.",
        Persistence::NotGranted => "Not yet. The browser may clear Sightline's data if the computer runs short of space. Browsers usually agree once Sightline is installed as an app or used often.",
        Persistence::Unsupported => "This browser cannot be asked. It may clear Sightline's data if the computer runs short of space.",
    }
}

/// The Storage page.
#[component]
pub fn StoragePage() -> impl IntoView {
    use_page_title(|| "Storage".to_owned());
    let updates = use_app_updates();
    let persisted = RwSignal::new(None::<Persistence>);
    leptos::task::spawn_local(async move {
        persisted.try_set(Some(persistence::persistence().await));
    });
    // Asking again is how a person retries after installing the app or using it more.
    let ask_again = move || {
        persisted.set(None);
        leptos::task::spawn_local(async move {
            persisted.try_set(Some(persistence::request_persistence().await));
        });
    };
    let estimate = load_once(persistence::estimate());
    let review_count = load_once(async {
        let store = storage::shared().await.ok()?;
        store.list_summaries().await.ok().map(|(all, _)| all.len())
    });

    view! {
        <h1 class="app-heading-xl">"Storage"</h1>
        <div class="app-inset-text">
            <p>
                "Sightline keeps reviews in this browser on this computer, and nowhere else. Browser storage is not a backup: clearing browsing data, a new laptop or a reset profile removes it."
            </p>
            <p>
                <strong>"Export your reviews to files regularly"</strong>
                " and keep the files where your organisation keeps case records."
            </p>
        </div>
        <dl class="app-summary-list">
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Kept when space runs low"</dt>
                <dd class="app-summary-list__value" data-testid="persistence">
                    {move || persisted.get().map(persistence_text).unwrap_or("Checking\u{2026}")}
                </dd>
                <dd class="app-summary-list__actions">
                    <Show when=move || persisted.get() == Some(Persistence::NotGranted)>
                        <button type="button" class="app-link-button" on:click=move |_| ask_again()>
                            "Ask the browser again"
                        </button>
                    </Show>
                </dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Space used"</dt>
                <dd class="app-summary-list__value" data-testid="estimate">
                    {move || match estimate.get() {
                        None => "Checking\u{2026}".to_owned(),
                        Some(None) => "This browser does not say.".to_owned(),
                        Some(Some(StorageEstimate { usage, quota })) => format!(
                            "{} used of about {} available to Sightline",
                            human_bytes(usage),
                            human_bytes(quota)
                        ),
                    }}
                </dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Reviews kept here"</dt>
                <dd class="app-summary-list__value" data-testid="review-total">
                    {move || match review_count.get() {
                        None => "Checking\u{2026}".to_owned(),
                        Some(None) => "Cannot be read".to_owned(),
                        Some(Some(count)) => count.to_string(),
                    }}
                </dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Works offline"</dt>
                <dd class="app-summary-list__value" data-testid="offline-ready">
                    {move || if updates.offline_ready.get() {
                        "Yes. Every part of the app is stored in this browser, so it opens without a network."
                    } else {
                        "Not yet. Keep this page open while the app finishes storing its files."
                    }}
                </dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
        </dl>
    }
}
