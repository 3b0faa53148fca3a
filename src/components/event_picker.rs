//! Finding chronology events by their words, to add to something (an episode, an answer, a map
//! node's evidence). One search for all of them: the chronology's own filter, so a date such as
//! "March 2025", an agency, a person or words from what happened all find an event.

use leptos::prelude::*;
use sightline_core::content::chronology::ChronologyFilter;
use sightline_core::RecordId;

use crate::services::session::use_review_session;

/// A search box and the events it finds, each with a button that picks it.
#[component]
pub fn EventPicker(
    /// The search box's id.
    #[prop(into)]
    id: String,
    /// The search box's label.
    label: &'static str,
    /// A hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Events not to offer (already picked).
    #[prop(into)]
    exclude: Signal<Vec<RecordId>>,
    /// The most events shown at once.
    #[prop(default = 10)]
    limit: usize,
    /// The pick button's words: "Add to episode", "Link".
    action: &'static str,
    /// The list's test id.
    #[prop(optional)]
    testid: &'static str,
    /// Called with the event picked.
    on_pick: impl Fn(RecordId) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let content = use_review_session().content();
    let query = RwSignal::new(String::new());
    let found = Memo::new(move |_| {
        let words = query.get();
        if words.trim().is_empty() {
            return Vec::new();
        }
        let excluded = exclude.get();
        let content = content.read();
        ChronologyFilter {
            text: words,
            ..Default::default()
        }
        .apply(&content)
        .into_iter()
        .map(|i| &content.events[i])
        .filter(|e| !excluded.contains(&e.id))
        .take(limit)
        .map(|e| (e.id, format!("{}: {}", e.when(), e.what_happened)))
        .collect::<Vec<_>>()
    });
    let hint_id = format!("{id}-hint");
    view! {
        <div class="app-form-group">
            <label class="app-label" for=id.clone()>{label}</label>
            {hint.map(|text| view! { <div class="app-hint" id=hint_id.clone()>{text}</div> })}
            <input class="app-input app-input--width-20" id=id type="search" autocomplete="off"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
        <ul class="app-list app-list--rows" data-testid=testid>
            {move || found.get().into_iter().map(|(id, label)| view! {
                <li>
                    <span class="app-list__main">{label.clone()}</span>
                    <span class="app-list__actions">
                        <button type="button" class="app-link-button" on:click=move |_| on_pick(id)>
                            {action}<span class="app-visually-hidden">{format!(": {label}")}</span>
                        </button>
                    </span>
                </li>
            }).collect_view()}
        </ul>
        {move || (!query.read().trim().is_empty() && found.read().is_empty())
            .then(|| view! { <p class="app-body">"No events match."</p> })}
    }
}
