//! The **Outline**: the whole map as ordinary HTML, level by level, each node with its kind,
//! polarity, category, links and evidence, and buttons to show, change or delete it. It is
//! kept in step with the canvas, so a screen-reader user can read and edit the whole map here.

use leptos::prelude::*;
use sightline_core::map::{
    category_label, describe_link, links_of, reading_order, EvidenceRef, Level,
};
use sightline_core::RecordId;

use super::{use_map_state, Editor};

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

/// The Outline region.
#[component]
pub fn Outline() -> impl IntoView {
    let state = use_map_state();
    let content = state.session.content();
    let review = state.session.review();
    let review_id = review.read_untracked().id;
    let levels = Memo::new(move |_| {
        let scheme = review.read().map_scheme;
        content.with(|c| {
            let order = reading_order(c);
            Level::ALL
                .into_iter()
                .map(|level| {
                    let items: Vec<OutlineItem> = order
                        .iter()
                        .filter(|n| n.level == level)
                        .map(|n| OutlineItem {
                            id: n.id,
                            label: n.label.clone(),
                            kind: n.kind.label(),
                            polarity: format!("{} ({})", n.polarity.label(), n.polarity.sign()),
                            category: n.category.as_deref().map(|k| category_label(k, scheme)),
                            note: n.note.clone(),
                            links: links_of(c, n.id)
                                .into_iter()
                                .map(|l| describe_link(c, l, n.id))
                                .collect(),
                            evidence: n
                                .evidence
                                .iter()
                                .filter_map(|e| e.describe(c).map(|text| (*e, text)))
                                .collect(),
                        })
                        .collect();
                    (level, items)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="app-map-outline" aria-labelledby="outline-heading" data-testid="outline">
            <h2 class="app-heading-m" id="outline-heading">"Outline"</h2>
            <p class="app-body">"Every node on the map, level by level from the top, with its links and evidence."</p>
            {Level::ALL.into_iter().map(|level| {
                let items = Memo::new(move |_| {
                    levels.with(|all| {
                        all.iter()
                            .find(|(l, _)| *l == level)
                            .map(|(_, items)| items.clone())
                            .unwrap_or_default()
                    })
                });
                let heading_id = format!("outline-{}", level.key());
                let labelled_by = heading_id.clone();
                view! {
                    <section class="app-map-outline__level" aria-labelledby=labelled_by data-testid="outline-level" data-level=level.key()>
                        <h3 class="app-heading-s" id=heading_id>
                            {level.label()}
                            <span class="app-secondary-text">{move || format!(" ({})", items.read().len())}</span>
                        </h3>
                        <Show when=move || !items.read().is_empty() fallback=|| view! { <p class="app-secondary-text">"Nothing at this level yet."</p> }>
                            <ul class="app-list app-map-outline__list">
                                <For each=move || items.get() key=|item| item.clone() let(item)>
                                    <OutlineNode item review_id />
                                </For>
                            </ul>
                        </Show>
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
    let selected = Memo::new(move |_| state.selected.with(|s| s.contains(&id)));
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
                    request_animation_frame(|| crate::components::page_title::focus_element("node-label"));
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
