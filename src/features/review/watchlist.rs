//! The identifier watchlist on the People page: the real names, places, dates and other words
//! that must never appear in anything shared. What is typed is hashed at once and the box
//! cleared: the words are never stored or shown again, and never leave in any file.

use leptos::prelude::*;
use sightline_core::anonymise::Watchlist;
use sightline_core::content::RecordKind;
use sightline_core::dates::format_uk_date;
use sightline_core::uk_civil_date;

use crate::components::Field;
use crate::platform::{clock, ids};
use crate::services::session::{new_id, use_review_session};

/// The watchlist's section of the People page.
#[component]
pub fn WatchlistSection() -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let entries = Memo::new(move |_| {
        content
            .read()
            .watchlists
            .first()
            .map(|w| {
                w.entries
                    .iter()
                    .map(|e| (e.id, e.words, e.added_at))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked();
        let now = clock::now();
        let mut list = content
            .with_untracked(|c| c.watchlists.first().cloned())
            .unwrap_or_else(|| Watchlist::new(new_id(), ids::random_bytes(), now));
        match list.add(&typed, new_id(), now) {
            Ok(()) => {
                session.put_record(list);
                // The words go as soon as they are hashed.
                text.set(String::new());
                error.set(None);
                added.set(Some(
                    "Added to the watchlist. Sightline keeps only a fingerprint of it, so it is not shown again."
                        .into(),
                ));
            }
            Err(problem) => {
                added.set(None);
                error.set(Some(problem.to_string()));
            }
        }
    };
    let remove = move |entry: sightline_core::RecordId| {
        let Some(mut list) = content.with_untracked(|c| c.watchlists.first().cloned()) else {
            return;
        };
        list.entries.retain(|e| e.id != entry);
        if list.entries.is_empty() {
            session.remove_record(RecordKind::Watchlist, list.id);
        } else {
            session.put_record(list);
        }
        added.set(None);
    };
    view! {
        <section aria-labelledby="watchlist-heading" data-testid="watchlist">
            <h2 class="app-heading-m" id="watchlist-heading">"Identifier watchlist"</h2>
            <p class="app-body">
                "Enter the real names, places, dates, school names and anything else that must never appear in what is shared, one at a time (up to four words each). Before a briefing is exported, Sightline checks it for every entry."
            </p>
            <p class="app-body">
                "Sightline keeps only a fingerprint of each entry (a salted hash), never the words, so they cannot be read back from this browser. The watchlist is never put in any file, so a colleague who opens a review file needs their own."
            </p>
            <form class="app-inline-form" on:submit=add novalidate>
                <Field id="watchlist-entry" label="Add to the watchlist" error=error>
                    <input class="app-input" id="watchlist-entry" type="text" autocomplete="off" spellcheck="false"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </Field>
                <button type="submit" class="app-button app-button--secondary">"Add to watchlist"</button>
            </form>
            {move || added.get().map(|message| view! { <p class="app-body" role="status">{message}</p> })}
            <Show when=move || !entries.read().is_empty()
                fallback=|| view! { <p class="app-body" data-testid="watchlist-empty">"The watchlist is empty."</p> }>
                <ul class="app-list app-list--rows" aria-labelledby="watchlist-heading" data-testid="watchlist-entries">
                    {move || entries.get().into_iter().enumerate().map(|(n, (id, words, at))| {
                        let describe = format!(
                            "Entry {}: {} word{}, added {}",
                            n + 1,
                            words,
                            if words == 1 { "" } else { "s" },
                            format_uk_date(uk_civil_date(at))
                        );
                        view! {
                            <li>
                                <span class="app-list__main">{describe.clone()}</span>
                                <span class="app-list__actions">
                                    <button type="button" class="app-link-button" on:click=move |_| remove(id)>
                                        "Remove"<span class="app-visually-hidden">{format!(" {describe}")}</span>
                                    </button>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
