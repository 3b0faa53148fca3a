//! The **Outline**: the whole map as ordinary HTML, level by level, each node with its kind,
//! polarity, category, links and evidence, and buttons to show, change or delete it. It is
//! kept in step with the canvas, so a screen-reader user can read and edit the whole map here.

use leptos::prelude::*;
use sightline_core::map::{category_label, describe_link, reading_order, EvidenceRef, Level};
use sightline_core::RecordId;

use super::{use_map_state, Editor};

/// Levels with this many nodes or fewer start open.
const OPEN_LEVEL_UP_TO: usize = 40;

/// One node as the outline shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct OutlineItem {
    id: RecordId,
    label: String,
    kind: &'static str,
    polarity: String,
    category: Option<String>,
    note: String,
    links: Vec<String>,
    evidence: Vec<(EvidenceRef, String)>,
}

/// The outline's items for one level, in reading order. Each link is found once, through a
/// map from node to links, so a big map costs a pass over its links, not one per node.
fn level_items(
    content: &sightline_core::ReviewContent,
    level: Level,
    scheme: sightline_core::map::CategoryScheme,
) -> Vec<OutlineItem> {
    let nodes: Vec<&sightline_core::map::MapNode> = reading_order(content)
        .into_iter()
        .filter(|n| n.level == level)
        .collect();
    let here: std::collections::HashSet<RecordId> = nodes.iter().map(|n| n.id).collect();
    let mut links: std::collections::HashMap<RecordId, Vec<String>> = Default::default();
    for link in &content.map_links {
        for end in [link.from, link.to] {
            if here.contains(&end) {
                links
                    .entry(end)
                    .or_default()
                    .push(describe_link(content, link, end));
            }
        }
    }
    nodes
        .into_iter()
        .map(|n| OutlineItem {
            id: n.id,
            label: n.label.clone(),
            kind: n.kind.label(),
            polarity: format!("{} ({})", n.polarity.label(), n.polarity.sign()),
            category: n.category.as_deref().map(|k| category_label(k, scheme)),
            note: n.note.clone(),
            links: links.remove(&n.id).unwrap_or_default(),
            evidence: n
                .evidence
                .iter()
                .filter_map(|e| e.describe(content).map(|text| (*e, text)))
                .collect(),
        })
        .collect()
}

/// The Outline region.
#[component]
pub fn Outline() -> impl IntoView {
    let state = use_map_state();
    let content = state.session.content();
    let review = state.session.review();
    let review_id = review.read_untracked().id;
    view! {
        <section class="app-map-outline" aria-labelledby="outline-heading" data-testid="outline">
            <h2 class="app-heading-m" id="outline-heading">"Outline"</h2>
            <p class="app-body">"Every node on the map, level by level from the top, with its links and evidence."</p>
            {Level::ALL.into_iter().map(|level| {
                // How many nodes the level has (cheap), and, only while the level is open, its
                // items: a closed level costs nothing when the map changes.
                let count = Memo::new(move |_| content.with(|c| c.map_nodes.iter().filter(|n| n.level == level).count()));
                let open = RwSignal::new(count.get_untracked() <= OPEN_LEVEL_UP_TO);
                let items = Memo::new(move |_| {
                    if !open.get() {
                        return Vec::new();
                    }
                    let scheme = review.read().map_scheme;
                    content.with(|c| level_items(c, level, scheme))
                });
                let heading_id = format!("outline-{}", level.key());
                let labelled_by = heading_id.clone();
                // A level with many nodes starts closed, and its list is only made when opened:
                // a map of a thousand nodes would otherwise put a hundred thousand elements on
                // the page, and every frame of the canvas would pay for them.
                view! {
                    <section class="app-map-outline__level" aria-labelledby=labelled_by data-testid="outline-level" data-level=level.key()>
                        <details class="app-details" prop:open=move || open.get() on:toggle=move |ev| {
                            if let Some(now_open) = crate::platform::dom::details_open(&ev) {
                                open.set(now_open);
                            }
                        }>
                            <summary class="app-details__summary">
                                <h3 class="app-heading-s app-map-outline__heading" id=heading_id>
                                    {level.label()}
                                    <span class="app-secondary-text">{move || format!(" ({})", count.get())}</span>
                                </h3>
                            </summary>
                            <Show when=move || open.get()>
                                <Show when=move || count.get() != 0 fallback=|| view! { <p class="app-secondary-text">"Nothing at this level yet."</p> }>
                                    <ul class="app-list app-map-outline__list">
                                        <For each=move || items.get() key=|item| item.clone() let(item)>
                                            <OutlineNode item review_id />
                                        </For>
                                    </ul>
                                </Show>
                            </Show>
                        </details>
                    </section>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
fn OutlineNode(item: OutlineItem, review_id: sightline_core::ReviewId) -> impl IntoView {
    let state = use_map_state();
    let id = item.id;
    let selected = state.selected_cell(id);
    let label = item.label.clone();
    view! {
        <li class="app-map-outline__node" class:app-map-outline__node--selected=move || selected.get() data-testid="outline-node">
            <p class="app-map-outline__title">
                <strong>{item.label.clone()}</strong>
                " "
                <span class="app-secondary-text">{format!("{}, {}", item.kind, item.polarity.to_lowercase())}</span>
                {item.category.clone().map(|c| view! { <span class="app-secondary-text">{format!(", {c}")}</span> })}
            </p>
            {(!item.note.is_empty()).then(|| view! { <p class="app-body app-preserve-lines">{item.note.clone()}</p> })}
            {(!item.links.is_empty()).then(|| view! {
                <p class="app-visually-hidden">"Links:"</p>
                <ul class="app-list app-map-outline__links">
                    {item.links.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                </ul>
            })}
            {(!item.evidence.is_empty()).then(|| view! {
                <p class="app-map-outline__evidence-title">"Evidence:"</p>
                <ul class="app-list app-map-outline__links">
                    {item.evidence.iter().map(|(e, text)| view! {
                        <li><a href=super::node_editor::evidence_href(review_id, *e)>{text.clone()}</a></li>
                    }).collect_view()}
                </ul>
            })}
            <div class="app-map-outline__actions">
                <button type="button" class="app-link-button" on:click=move |_| {
                    state.editor.set(Editor::Closed);
                    state.select_and_show(id);
                }>
                    "Show on map" <span class="app-visually-hidden">{format!(" {label}")}</span>
                </button>
                <button type="button" class="app-link-button" on:click=move |_| {
                    state.selected.set([id].into());
                    state.focused.set(Some(id));
                    state.editor.set(Editor::Edit(id));
                    request_animation_frame(|| crate::platform::dom::focus_element("node-label"));
                }>
                    "Change" <span class="app-visually-hidden">{format!(" {}", item.label)}</span>
                </button>
                <button type="button" class="app-link-button" on:click=move |_| {
                    state.selected.set([id].into());
                    state.focused.set(Some(id));
                    state.delete_targets();
                }>
                    "Delete" <span class="app-visually-hidden">{format!(" {}", item.label)}</span>
                </button>
            </div>
        </li>
    }
}
