//! The app shell: shared state, the header with the save status, and the route table.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::components::page_title::focus_element;
use crate::components::update_banner::AppUpdates;
use crate::components::{Notice, SaveStatus, SaveStatusIndicator, UpdateBanner};
use crate::features::new_review::NewReviewPage;
use crate::features::not_found::NotFoundPage;
use crate::features::review::overview::OverviewPage;
use crate::features::review::session::install_page_exit_guards;
use crate::features::review::ReviewLayout;
use crate::features::reviews_list::ReviewsPage;
use crate::features::storage_page::StoragePage;
use crate::platform::persistence;

/// Sightline.
#[component]
pub fn App() -> impl IntoView {
    SaveStatus::provide();
    Notice::provide();
    AppUpdates::provide();
    install_page_exit_guards();
    // Ask once per visit for storage the browser will not clear; the Storage page shows the
    // answer. Browsers that grant it silently do so for installed or often-used sites.
    leptos::task::spawn_local(async {
        let _ = persistence::request_persistence().await;
    });

    view! {
        <Router>
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
                        </ul>
                    </nav>
                    <SaveStatusIndicator />
                </div>
            </header>
            <UpdateBanner />
            <main id="main-content" class="app-width app-main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=ReviewsPage />
                    <Route path=path!("/reviews/new") view=NewReviewPage />
                    <ParentRoute path=path!("/reviews/:id") view=ReviewLayout>
                        <Route path=path!("") view=OverviewPage />
                    </ParentRoute>
                    <Route path=path!("/storage") view=StoragePage />
                </Routes>
            </main>
            <footer class="app-footer">
                <div class="app-width">
                    <p>
                        "Sightline keeps reviews in this browser only. No case data is sent anywhere."
                    </p>
                </div>
            </footer>
        </Router>
    }
}
