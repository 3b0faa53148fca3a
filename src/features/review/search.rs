//! Searching a review: the box on every page of a review, and the results page, grouped by
//! section.

use leptos::prelude::*;
use sightline_core::content::RecordKind;
use sightline_core::search::search;
use sightline_core::ReviewId;

use crate::components::use_page_title;
use crate::routes::{review_section_href, use_navigator, ReviewSection};
use crate::services::session::use_review_session;

/// The search box shown on every page of a review.
#[component]
pub fn ReviewSearchBox(review: ReviewId) -> impl IntoView {
    let navigator = use_navigator();
    let text = RwSignal::new(navigator.query("q").unwrap_or_default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = text.get_untracked();
        navigator.go_to(&format!(
            "{}?q={}",
            review_section_href(review, ReviewSection::Search),
            crate::routes::percent_encode(query.trim())
        ));
    };
    view! {
        <form class="app-review-search" role="search" on:submit=submit>
            <label class="app-label" for="review-search-box">
                "Search this review"
            </label>
            <div class="app-review-search__row">
                <input
                    class="app-input"
                    id="review-search-box"
                    type="search"
                    autocomplete="off"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <button type="submit" class="app-button app-button--secondary">
                    "Search"
                </button>
            </div>
        </form>
    }
}

/// Where a hit's link goes.
fn hit_href(
    review: ReviewId,
    kind: RecordKind,
    id: sightline_core::RecordId,
    parent: Option<sightline_core::RecordId>,
) -> String {
    match kind {
        RecordKind::Agency => format!(
            "{}#agency-{id}",
            review_section_href(review, ReviewSection::People)
        ),
        RecordKind::Person => format!(
            "{}#person-{id}",
            review_section_href(review, ReviewSection::People)
        ),
        RecordKind::Event => format!(
            "{}#event-{id}",
            review_section_href(review, ReviewSection::Chronology)
        ),
        RecordKind::Episode => review_section_href(review, ReviewSection::Episode(id)),
        RecordKind::Reflection => review_section_href(review, ReviewSection::Reflection(id)),
        RecordKind::Response => match parent {
            Some(reflection) => format!(
                "{}#response-{id}",
                review_section_href(review, ReviewSection::Reflection(reflection))
            ),
            None => review_section_href(review, ReviewSection::Reflections),
        },
        RecordKind::Template => review_section_href(review, ReviewSection::Template(id)),
        RecordKind::MapNode => format!(
            "{}#map-node-{id}",
            review_section_href(review, ReviewSection::SystemsMap)
        ),
        RecordKind::MapLink => review_section_href(review, ReviewSection::SystemsMap),
        RecordKind::Finding => review_section_href(review, ReviewSection::Finding(id)),
        RecordKind::Action => review_section_href(review, ReviewSection::Action(id)),
        RecordKind::Briefing => review_section_href(review, ReviewSection::Briefing),
        // Never a search hit: the watchlist holds no text.
        RecordKind::Watchlist => review_section_href(review, ReviewSection::People),
    }
}

/// The search results page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let session = use_review_session();
    let navigator = use_navigator();
    let review_id = session.review().read_untracked().id;
    let query = Memo::new(move |_| navigator.query("q").unwrap_or_default());
    let content = session.content();
    let results = Memo::new(move |_| search(&content.read(), &query.get()));
    use_page_title(move || format!("Search: {}", query.get()));
    view! {
        <h1 class="app-heading-l">
            {move || {
                if query.get().trim().is_empty() {
                    "Search this review".to_owned()
                } else {
                    format!("Search results for \u{201c}{}\u{201d}", query.get().trim())
                }
            }}
        </h1>
        {move || {
            let results = results.get();
            if query.get().trim().is_empty() {
                return view! {
                    <p class="app-body">"Type words to look for in the box above: in the register, the chronology, episodes and reflections."</p>
                }
                    .into_any();
            }
            if results.is_empty() {
                return view! {
                    <p class="app-body" data-testid="no-results">
                        "Nothing in this review matches. Check the spelling, or use fewer words."
                    </p>
                }
                    .into_any();
            }
            results
                .into_iter()
                .map(|section| {
                    let shown = section.hits.len();
                    view! {
                        <section class="app-search-section" data-testid="search-section">
                            <h2 class="app-heading-m">
                                {format!("{} ({})", section.section.label(), section.total)}
                            </h2>
                            {(section.total > shown)
                                .then(|| {
                                    view! {
                                        <p class="app-hint">
                                            {format!("Showing the first {shown}. Add words to narrow the search.")}
                                        </p>
                                    }
                                })}
                            <ul class="app-search-hits">
                                {section
                                    .hits
                                    .into_iter()
                                    .map(|hit| {
                                        view! {
                                            <li>
                                                <a href=hit_href(review_id, hit.kind, hit.id, hit.parent)>{hit.title}</a>
                                                {(!hit.snippet.is_empty())
                                                    .then(|| view! { <p class="app-secondary-text">{hit.snippet}</p> })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        }}
    }
}
