//! The app shell: shared state, the header with the save status, and the route table.

use leptos::prelude::*;

use crate::components::update_banner::AppUpdates;
use crate::components::{Notice, SaveStatusIndicator, UpdateBanner};
use crate::features::new_review::NewReviewPage;
use crate::features::not_found::NotFoundPage;
use crate::features::packs::PackPage;
use crate::features::review::ReviewLayout;
use crate::features::reviews_list::ReviewsPage;
use crate::features::settings_page::SettingsPage;
use crate::features::storage_page::StoragePage;
use crate::platform::dom::focus_element;
use crate::platform::{persistence, storage};
use crate::routes::{Navigator, ReviewSection, Route};
use crate::services::save_status::{SaveState, SaveStatus};
use crate::services::session::install_page_exit_guards;

/// Which page component is on screen. Moving between a review's sections keeps the same
/// page (and the review's open session), so only the review's id counts here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Page {
    Reviews,
    NewReview,
    Review(sightline_core::ReviewId),
    Pack(sightline_core::RecordId),
    Storage,
    Settings,
    NotFound,
}

/// Sightline.
#[component]
pub fn App() -> impl IntoView {
    let save_status = SaveStatus::provide();
    Notice::provide();
    AppUpdates::provide();
    install_page_exit_guards();
    let navigator = Navigator::provide();
    let page = Memo::new(move |_| match navigator.route() {
        Route::Reviews => Page::Reviews,
        Route::NewReview => Page::NewReview,
        Route::Review(id, _) => Page::Review(id),
        Route::Pack(id) => Page::Pack(id),
        Route::Storage => Page::Storage,
        Route::Settings => Page::Settings,
        Route::NotFound => Page::NotFound,
    });
    // Each new page starts at its top; keyboard focus goes to the main content so that the
    // next Tab starts there, as it would after a page load.
    Effect::new(move |previous: Option<Page>| {
        let current = page.get();
        if previous.is_some_and(|previous| previous != current) {
            focus_element("main-content");
        }
        current
    });
    // Ask once per visit for storage the browser will not clear; the Storage page shows the
    // answer. Browsers that grant it silently do so for installed or often-used sites.
    leptos::task::spawn_local(async {
        let _ = persistence::request_persistence().await;
    });
    // Open storage now, so that a browser that cannot keep data says so before anyone types.
    leptos::task::spawn_local(async move {
        if let Err(error) = storage::shared().await {
            save_status.set(SaveState::NotSaved(error.to_string()));
        }
    });

    view! {
        <a
                href="#main-content"
                class="app-skip-link"
                on:click=|ev| {
                    ev.prevent_default();
                    focus_element("main-content");
                }
            >
                "Skip to main content"
            </a>
            <header class="app-header">
                <div class="app-width app-header__inner">
                    <a href="/" class="app-header__name">
                        "Sightline"
                    </a>
                    <nav class="app-header__nav" aria-label="Main">
                        <ul>
                            <li>
                                <a href="/">"Reviews"</a>
                            </li>
                            <li>
                                <a href="/storage">"Storage"</a>
                            </li>
                            <li>
                                <a href="/settings">"Settings"</a>
                            </li>
                        </ul>
                    </nav>
                    <SaveStatusIndicator />
                </div>
            </header>
            <UpdateBanner />
            <main
                id="main-content"
                class="app-width app-main"
                // The systems map uses the whole width of the window.
                class:app-main--wide=move || matches!(navigator.route(), Route::Review(_, ReviewSection::SystemsMap))
                tabindex="-1"
            >
                {move || match page.get() {
                    Page::Reviews => view! { <ReviewsPage /> }.into_any(),
                    Page::NewReview => view! { <NewReviewPage /> }.into_any(),
                    Page::Review(id) => view! { <ReviewLayout id /> }.into_any(),
                    Page::Pack(reflection) => view! { <PackPage reflection /> }.into_any(),
                    Page::Storage => view! { <StoragePage /> }.into_any(),
                    Page::Settings => view! { <SettingsPage /> }.into_any(),
                    Page::NotFound => view! { <NotFoundPage /> }.into_any(),
                }}
            </main>
            <footer class="app-footer">
                <div class="app-width">
                    <p>
                        "Sightline keeps reviews in this browser only. No case data is sent anywhere."
                    </p>
                </div>
            </footer>
    }
}
