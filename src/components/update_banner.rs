//! Tells the person when a new version of Sightline is ready, and when the app works offline.

use leptos::prelude::*;

use crate::platform::service_worker::{self, WorkerEvents};

/// What the service worker has told this page.
#[derive(Clone, Copy)]
pub struct AppUpdates {
    /// A new build is downloaded and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// Every file is cached; the app works without a network.
    pub offline_ready: RwSignal<bool>,
}

impl WorkerEvents for AppUpdates {
    fn offline_ready(&self) {
        self.offline_ready.try_set(true);
    }
    fn update_ready(&self) {
        self.update_ready.try_set(true);
    }
}

impl AppUpdates {
    /// Registers the service worker and makes its news available to the app.
    pub fn provide() -> Self {
        let updates = Self {
            update_ready: RwSignal::new(false),
            offline_ready: RwSignal::new(false),
        };
        provide_context(updates);
        service_worker::register(updates);
        updates
    }
}

/// The app's service worker news.
pub fn use_app_updates() -> AppUpdates {
    expect_context::<AppUpdates>()
}

/// A banner under the header while a new version waits, with a button to switch to it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let updates = use_app_updates();
    view! {
        <Show when=move || updates.update_ready.get()>
            <div class="app-update-banner" role="region" aria-label="New version">
                <div class="app-width app-update-banner__inner">
                    <p>
                        "A new version of Sightline is ready. Your saved work is kept when you reload."
                    </p>
                    <button
                        type="button"
                        class="app-button app-button--inverse"
                        on:click=move |_| service_worker::apply_update()
                    >
                        "Reload to update"
                    </button>
                </div>
            </div>
        </Show>
    }
}
