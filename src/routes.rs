//! The app's addresses and the page each one shows.
//!
//! | Address                                | Page                          |
//! |----------------------------------------|-------------------------------|
//! | `/`                                    | Reviews                       |
//! | `/reviews/new`                         | New review                    |
//! | `/reviews/<id>`                        | a review's Overview           |
//! | `/reviews/<id>/people`                 | People and agencies           |
//! | `/reviews/<id>/chronology`             | Chronology                    |
//! | `/reviews/<id>/episodes[/<episode>]`   | Episodes, or one episode      |
//! | `/reviews/<id>/reflections[/<id>]`     | Reflections, or one           |
//! | `/reviews/<id>/templates/<template>`   | Editing a reflection template |
//! | `/reviews/<id>/map`                    | Systems map                   |
//! | `/reviews/<id>/findings[/<finding>]`   | Findings, or one finding      |
//! | `/reviews/<id>/actions[/<action>]`     | Action plan, or one action    |
//! | `/reviews/<id>/briefing`               | 7-minute briefing             |
//! | `/reviews/<id>/search?q=…`             | Search results                |
//! | `/packs/<reflection>`                  | Answering a reflection pack   |
//! | `/storage`                             | Storage                       |

use leptos::prelude::*;
use sightline_core::{RecordId, ReviewId};

use crate::platform::history;

/// A section of a review, each with its own address under the review's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewSection {
    Overview,
    People,
    Chronology,
    Episodes,
    Episode(RecordId),
    Reflections,
    Reflection(RecordId),
    Template(RecordId),
    SystemsMap,
    Findings,
    Finding(RecordId),
    ActionPlan,
    Action(RecordId),
    Briefing,
    Search,
    /// Notification, agency returns, recommendation, decision and Care Inspectorate notices.
    Decision,
    /// The Review Team, model, scope, questions, family liaison and staff support.
    SetUp,
    /// The Reviewer's report.
    Report,
    /// The log of sharing the learning.
    Sharing,
}

impl ReviewSection {
    /// The part of the section's address after the review's; empty for the Overview.
    pub fn path(self) -> String {
        match self {
            ReviewSection::Overview => String::new(),
            ReviewSection::People => "people".into(),
            ReviewSection::Chronology => "chronology".into(),
            ReviewSection::Episodes => "episodes".into(),
            ReviewSection::Episode(id) => format!("episodes/{id}"),
            ReviewSection::Reflections => "reflections".into(),
            ReviewSection::Reflection(id) => format!("reflections/{id}"),
            ReviewSection::Template(id) => format!("templates/{id}"),
            ReviewSection::SystemsMap => "map".into(),
            ReviewSection::Findings => "findings".into(),
            ReviewSection::Finding(id) => format!("findings/{id}"),
            ReviewSection::ActionPlan => "actions".into(),
            ReviewSection::Action(id) => format!("actions/{id}"),
            ReviewSection::Briefing => "briefing".into(),
            ReviewSection::Search => "search".into(),
            ReviewSection::Decision => "decision".into(),
            ReviewSection::SetUp => "setup".into(),
            ReviewSection::Report => "report".into(),
            ReviewSection::Sharing => "sharing".into(),
        }
    }

    fn parse(parts: &[&str]) -> Option<Self> {
        let record = |id: &str| RecordId::parse(id);
        Some(match parts {
            [] => ReviewSection::Overview,
            ["people"] => ReviewSection::People,
            ["chronology"] => ReviewSection::Chronology,
            ["episodes"] => ReviewSection::Episodes,
            ["episodes", id] => ReviewSection::Episode(record(id)?),
            ["reflections"] => ReviewSection::Reflections,
            ["reflections", id] => ReviewSection::Reflection(record(id)?),
            ["templates", id] => ReviewSection::Template(record(id)?),
            ["map"] => ReviewSection::SystemsMap,
            ["findings"] => ReviewSection::Findings,
            ["findings", id] => ReviewSection::Finding(record(id)?),
            ["actions"] => ReviewSection::ActionPlan,
            ["actions", id] => ReviewSection::Action(record(id)?),
            ["briefing"] => ReviewSection::Briefing,
            ["search"] => ReviewSection::Search,
            ["decision"] => ReviewSection::Decision,
            ["setup"] => ReviewSection::SetUp,
            ["report"] => ReviewSection::Report,
            ["sharing"] => ReviewSection::Sharing,
            _ => return None,
        })
    }

    /// The navigation tab the section belongs to.
    pub fn tab(self) -> ReviewSection {
        match self {
            ReviewSection::Episode(_) => ReviewSection::Episodes,
            ReviewSection::Finding(_) => ReviewSection::Findings,
            ReviewSection::Action(_) => ReviewSection::ActionPlan,
            ReviewSection::Reflection(_) | ReviewSection::Template(_) => ReviewSection::Reflections,
            other => other,
        }
    }
}

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Reviews,
    NewReview,
    Review(ReviewId, ReviewSection),
    /// Answering the reflection pack of a reflection (by its id).
    Pack(RecordId),
    Storage,
    /// The committee's own settings.
    Settings,
    NotFound,
}

impl Route {
    /// The page at `path` (the part of the address after the host).
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Reviews,
            ["storage"] => Route::Storage,
            ["settings"] => Route::Settings,
            ["packs", id] => RecordId::parse(id)
                .map(Route::Pack)
                .unwrap_or(Route::NotFound),
            ["reviews", "new"] => Route::NewReview,
            ["reviews", id, rest @ ..] => match (ReviewId::parse(id), ReviewSection::parse(rest)) {
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
            Route::Settings => "/settings".to_owned(),
            Route::Pack(id) => format!("/packs/{id}"),
            Route::Review(id, section) => match section.path().as_str() {
                "" => format!("/reviews/{id}"),
                path => format!("/reviews/{id}/{path}"),
            },
        }
    }
}

/// The address of a review's Overview.
pub fn review_href(id: ReviewId) -> String {
    Route::Review(id, ReviewSection::Overview).href()
}

/// The address of a section of review `id`.
pub fn review_section_href(id: ReviewId, section: ReviewSection) -> String {
    Route::Review(id, section).href()
}

/// The value of `name` in an address's query (`?q=…`), decoded.
pub fn query_param(address: &str, name: &str) -> Option<String> {
    let query = address.split_once('?')?.1.split('#').next().unwrap_or("");
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| {
            let value = value.replace('+', " ");
            percent_decode(&value).unwrap_or(value)
        })
    })
}

/// `text` for a query value, as `encodeURIComponent` writes it: every byte of its UTF-8 but
/// letters, digits and `-_.!~*'()` as `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A query value's `%XX` escapes decoded, as `decodeURIComponent` does; `None` when an escape
/// is broken or the bytes are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The page being shown, kept in step with the address bar. Provided once by the app.
#[derive(Clone, Copy)]
pub struct Navigator {
    /// The address's path and query.
    address: RwSignal<String>,
}

impl Navigator {
    /// Reads the current address, follows the back and forward buttons and the app's links,
    /// and makes the navigator available to the app.
    pub fn provide() -> Self {
        let address = RwSignal::new(history::current_address());
        let follow = move |path: String| {
            address.set(path);
            focus_fragment(&address.get_untracked());
        };
        history::on_back_or_forward(follow);
        history::intercept_link_clicks(follow);
        let navigator = Self { address };
        provide_context(navigator);
        navigator
    }

    /// The page being shown, tracked.
    pub fn route(&self) -> Route {
        Route::parse(&self.address.read())
    }

    /// A value from the address's query, tracked.
    pub fn query(&self, name: &str) -> Option<String> {
        query_param(&self.address.read(), name)
    }

    /// The address's fragment without the `#` (the id of the item to show), tracked.
    pub fn fragment(&self) -> Option<String> {
        self.address
            .read()
            .split_once('#')
            .map(|(_, fragment)| fragment.to_owned())
            .filter(|fragment| !fragment.is_empty())
    }

    /// Goes to `href`, adding it to the history as a link would.
    pub fn go_to(&self, href: &str) {
        history::push(href);
        self.address.set(href.to_owned());
        focus_fragment(href);
    }

    /// Goes to `route`.
    pub fn go(&self, route: Route) {
        self.go_to(&route.href());
    }
}

/// After the new page has been drawn, moves focus to the item an address's fragment names
/// (`…/chronology#event-…`), as a browser does for a page it loads.
fn focus_fragment(address: &str) {
    if let Some((_, fragment)) = address.split_once('#') {
        let id = fragment.to_owned();
        request_animation_frame(move || crate::platform::dom::focus_element(&id));
    }
}

/// The app's navigator.
pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review() -> ReviewId {
        ReviewId::parse("0b9d2c8e-6a8f-4e0e-9a53-7c0d6f1f2a11").unwrap()
    }

    fn record() -> RecordId {
        RecordId::parse("5f0c7a1e-2b3d-4c5e-8f90-a1b2c3d4e5f6").unwrap()
    }

    fn every_route() -> Vec<Route> {
        let id = record();
        let sections = [
            ReviewSection::Overview,
            ReviewSection::People,
            ReviewSection::Chronology,
            ReviewSection::Episodes,
            ReviewSection::Episode(id),
            ReviewSection::Reflections,
            ReviewSection::Reflection(id),
            ReviewSection::Template(id),
            ReviewSection::SystemsMap,
            ReviewSection::Findings,
            ReviewSection::Finding(id),
            ReviewSection::ActionPlan,
            ReviewSection::Action(id),
            ReviewSection::Briefing,
            ReviewSection::Search,
            ReviewSection::Decision,
            ReviewSection::SetUp,
            ReviewSection::Report,
            ReviewSection::Sharing,
        ];
        let mut routes = vec![
            Route::Reviews,
            Route::NewReview,
            Route::Storage,
            Route::Settings,
            Route::Pack(id),
        ];
        routes.extend(sections.map(|s| Route::Review(review(), s)));
        routes
    }

    #[test]
    fn every_page_is_found_again_at_its_own_address() {
        for route in every_route() {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
            // With a query, a fragment or a trailing slash, it is the same page.
            assert_eq!(Route::parse(&format!("{}?q=x#item", route.href())), route);
            assert_eq!(Route::parse(&format!("{}/", route.href())), route);
        }
    }

    #[test]
    fn an_address_that_names_no_page_or_a_malformed_id_is_not_found() {
        for address in [
            "/nothing",
            "/reviews",
            "/reviews/not-an-id",
            "/reviews/0b9d2c8e-6a8f-4e0e-9a53-7c0d6f1f2a11/unknown",
            "/reviews/0b9d2c8e-6a8f-4e0e-9a53-7c0d6f1f2a11/episodes/nope",
            "/reviews/0b9d2c8e-6a8f-4e0e-9a53-7c0d6f1f2a11/people/extra",
            "/packs/",
            "/packs/123",
        ] {
            assert_eq!(Route::parse(address), Route::NotFound, "{address}");
        }
        assert_eq!(Route::NotFound.href(), "/");
    }

    #[test]
    fn a_section_belongs_to_the_tab_of_its_list() {
        let id = record();
        assert_eq!(ReviewSection::Episode(id).tab(), ReviewSection::Episodes);
        assert_eq!(
            ReviewSection::Template(id).tab(),
            ReviewSection::Reflections
        );
        assert_eq!(ReviewSection::Action(id).tab(), ReviewSection::ActionPlan);
        assert_eq!(ReviewSection::People.tab(), ReviewSection::People);
    }

    #[test]
    fn query_values_are_encoded_as_encode_uri_component_does_and_read_back_exactly() {
        assert_eq!(percent_encode("O'Brien & co"), "O'Brien%20%26%20co");
        assert_eq!(percent_encode("50%+ = yes?#"), "50%25%2B%20%3D%20yes%3F%23");
        assert_eq!(percent_encode("Zoë 😀"), "Zo%C3%AB%20%F0%9F%98%80");
        for text in [
            "",
            "plain",
            "a b+c&d=e?f#g/h",
            "Ōtautahi – Māori",
            "\u{202e}reversed\u{202c}",
            "100% sure",
            "line\r\nbreak\ttab",
            "emoji 👩‍👩‍👧",
        ] {
            let address = format!("/reviews/x/search?q={}&other=1", percent_encode(text));
            assert_eq!(
                query_param(&address, "q").as_deref(),
                Some(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_broken_escape_in_an_address_is_kept_as_typed() {
        assert_eq!(percent_decode("%"), None);
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%C3"), None, "half a character is not UTF-8");
        assert_eq!(query_param("/s?q=100%", "q").as_deref(), Some("100%"));
        assert_eq!(query_param("/s?q=a+b", "q").as_deref(), Some("a b"));
        assert_eq!(query_param("/s?x=1", "q"), None);
        assert_eq!(query_param("/s?q", "q").as_deref(), Some(""));
        assert_eq!(query_param("/s?q=one#q=two", "q").as_deref(), Some("one"));
    }
}
