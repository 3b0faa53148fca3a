//! The app's addresses and the page each one shows.
//!
//! | Address                 | Page                      |
//! |-------------------------|---------------------------|
//! | `/`                     | Reviews                   |
//! | `/reviews/new`          | New review                |
//! | `/reviews/<id>`         | a review's Overview       |
//! | `/reviews/<id>/<part>`  | a review's other sections (later issues) |
//! | `/storage`              | Storage                   |

use leptos::prelude::*;
use sightline_core::ReviewId;

use crate::platform::history;

/// A section of a review, each with its own address under the review's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewSection {
    Overview,
}

impl ReviewSection {
    /// The last part of the section's address; empty for the Overview.
    pub fn slug(self) -> &'static str {
        match self {
            ReviewSection::Overview => "",
        }
    }

    fn from_slug(slug: &str) -> Option<Self> {
        match slug {
            "" => Some(ReviewSection::Overview),
            _ => None,
        }
    }
}

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Reviews,
    NewReview,
    Review(ReviewId, ReviewSection),
    Storage,
    NotFound,
}

impl Route {
    /// The page at `path` (the part of the address after the host).
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            [""] => Route::Reviews,
            ["storage"] => Route::Storage,
            ["reviews", "new"] => Route::NewReview,
            ["reviews", id] => ReviewId::parse(id)
                .map(|id| Route::Review(id, ReviewSection::Overview))
                .unwrap_or(Route::NotFound),
            ["reviews", id, slug] => match (ReviewId::parse(id), ReviewSection::from_slug(slug)) {
                (Some(id), Some(section)) => Route::Review(id, section),
                _ => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The address of the page.
    pub fn href(self) -> String {
        match self {
            Route::Reviews | Route::NotFound => "/".to_owned(),
            Route::NewReview => "/reviews/new".to_owned(),
            Route::Storage => "/storage".to_owned(),
            Route::Review(id, section) => match section.slug() {
                "" => format!("/reviews/{id}"),
                slug => format!("/reviews/{id}/{slug}"),
            },
        }
    }
}

/// The page being shown, kept in step with the address bar. Provided once by the app.
#[derive(Clone, Copy)]
pub struct Navigator(RwSignal<Route>);

impl Navigator {
    /// Reads the current address, follows the back and forward buttons and the app's links,
    /// and makes the navigator available to the app.
    pub fn provide() -> Self {
        let route = RwSignal::new(Route::parse(&history::current_path()));
        let follow = move |path: String| route.set(Route::parse(&path));
        history::on_back_or_forward(follow);
        history::intercept_link_clicks(follow);
        let navigator = Self(route);
        provide_context(navigator);
        navigator
    }

    /// The page being shown, tracked.
    pub fn route(&self) -> Route {
        self.0.get()
    }

    /// Goes to `route`, adding it to the history as a link would.
    pub fn go(&self, route: Route) {
        history::push(&route.href());
        self.0.set(route);
    }
}

/// The app's navigator.
pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}
