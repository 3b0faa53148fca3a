//! The review's **Systems map**: the factors at each level of the system, how they link, and
//! the evidence for each, on a canvas that works with a mouse, a keyboard alone and a screen
//! reader.
//!
//! The page is a toolbar, the canvas (`canvas.rs`) and a side panel holding the selected
//! node's details or its form (`node_editor.rs`), then the **Outline** (`outline.rs`), which
//! lists the whole map as ordinary HTML. All of them change the map the same way: a
//! [`MapEdit`] from the core, applied through [`MapState::apply`], which records it in the
//! undo history and hands the changed records to the review's autosave.

mod canvas;
mod connect;
mod files;
mod gesture;
mod node_editor;
mod node_view;
mod outline;
mod viewport;

mod state;

use leptos::prelude::*;
use sightline_core::map::edit::MapEdit;
use sightline_core::map::{CategoryScheme, Level};
use sightline_core::RecordId;

use crate::components::use_page_title;
use crate::platform::dom::focus_element;
use crate::services::session::use_review_session;
pub use state::{
    focus_node, free_place, node_element_id, use_map_state, Editor, MapState, NodeCell,
};
pub use viewport::{Viewport, LINK_LABEL_MIN_SCALE, MAX_SCALE, MIN_SCALE};

/// The Systems map page.
#[component]
pub fn SystemsMapPage() -> impl IntoView {
    use_page_title(|| "Systems map".to_owned());
    let session = use_review_session();
    let state = MapState::new(session);
    provide_context(state);
    let review = session.review();
    let content = session.content();
    let counts = Memo::new(move |_| content.with(|c| (c.map_nodes.len(), c.map_links.len())));

    // Undo and redo from anywhere on the page, except inside a text field, which has its own.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let in_field = crate::platform::dom::from_text_field(&ev);
        if in_field || !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match ev.key().as_str() {
            "z" | "Z" if ev.shift_key() => {
                ev.prevent_default();
                state.redo();
            }
            "z" | "Z" => {
                ev.prevent_default();
                state.undo();
            }
            "y" | "Y" => {
                ev.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    // An address naming a node (`…/map#map-node-<id>`, from search) shows that node.
    let navigator = crate::routes::use_navigator();
    if let Some(id) = navigator
        .fragment()
        .and_then(|f| f.strip_prefix("map-node-").and_then(RecordId::parse))
    {
        request_animation_frame(move || state.select_and_show(id));
    }

    let scheme = Memo::new(move |_| review.read().map_scheme);
    let set_scheme = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        if let Some(scheme) = CategoryScheme::from_key(&key) {
            session.edit(|r| r.map_scheme = scheme);
            state
                .announcement
                .set(format!("Categories: {}", scheme.label()));
        }
    };

    view! {
        <div class="app-map-page">
            <div class="app-page-heading">
                <h1 class="app-heading-l">"Systems map"</h1>
                <p class="app-secondary-text" data-testid="map-counts">
                    {move || {
                        let (nodes, links) = counts.get();
                        format!(
                            "{nodes} node{}, {links} link{}",
                            if nodes == 1 { "" } else { "s" },
                            if links == 1 { "" } else { "s" }
                        )
                    }}
                </p>
            </div>
            <p class="app-body app-map-intro">
                "Lay out what shaped what happened, level by level, and how it links. Everything can be done with the keyboard: Tab moves between nodes in reading order, arrow keys move between neighbours, Alt with an arrow key moves the chosen node, Enter changes it, Delete deletes it. The Outline below lists the whole map."
            </p>
            <div class="app-form-group app-map-scheme">
                <label class="app-label" for="map-scheme">"Categories"</label>
                <select class="app-select" id="map-scheme" on:change=set_scheme>
                    {CategoryScheme::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.key() selected=move || scheme.get() == s>
                                    {s.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <Toolbar />
            <div class="app-map-workspace">
                <canvas::MapCanvas />
                <aside class="app-map-side" aria-label="Selected node">
                    <node_editor::SidePanel />
                </aside>
            </div>
            <p class="app-visually-hidden" role="status" aria-live="polite" data-testid="map-announcement">
                {move || state.announcement.get()}
            </p>
            <connect::ConnectDialog />
            <outline::Outline />
            <files::MapFiles />
        </div>
    }
}

/// The buttons over the canvas.
#[component]
fn Toolbar() -> impl IntoView {
    let state = use_map_state();
    let levels_open = RwSignal::new(false);
    let add = move |_| {
        let level = state
            .focused
            .get_untracked()
            .and_then(|id| state.node(id))
            .map(|n| n.level)
            .unwrap_or(Level::Frontline);
        state.editor.set(Editor::Add(level));
        request_animation_frame(|| focus_element("node-label"));
    };
    let connect = move |_| {
        if state.targets().len() != 1 {
            state.announcement.set(
                "Choose one node to connect from: select it on the map or in the outline.".into(),
            );
            crate::platform::dom::focus_element("map-needs-one");
            return;
        }
        state.connect_open.set(true);
    };
    let move_to = move |level: Level| {
        levels_open.set(false);
        let targets = state.targets();
        if targets.is_empty() {
            state
                .announcement
                .set("Choose a node first: select it on the map or in the outline.".into());
            return;
        }
        let edit = state
            .session
            .content()
            .with_untracked(|c| MapEdit::move_to_level(c, &targets, level));
        let description = format!(
            "Move {} to {}",
            if targets.len() == 1 {
                "a node".to_owned()
            } else {
                format!("{} nodes", targets.len())
            },
            level.short_label()
        );
        if !state.apply(&edit, &description) {
            state
                .announcement
                .set(format!("Already at {}", level.short_label()));
        } else if let Some(first) = targets.iter().next() {
            state.bring_into_view(*first);
        }
    };
    let tidy = move |_| {
        let edit = state
            .session
            .content()
            .with_untracked(sightline_core::map::layout::tidy_up);
        if state.apply(&edit, "Tidy up") {
            state.fit();
            state.announcement.set(
                "Tidied up: each level is one row, ordered so links cross less. Press Undo to put it back."
                    .into(),
            );
        } else {
            state.announcement.set("Already tidy".into());
        }
    };
    view! {
        <div class="app-map-toolbar" role="toolbar" aria-label="Map tools">
            <button type="button" class="app-button app-button--secondary" on:click=add>"Add node"</button>
            <button type="button" class="app-button app-button--secondary" on:click=connect>"Connect to\u{2026}"</button>
            <div class="app-map-menu">
                <button
                    type="button"
                    class="app-button app-button--secondary"
                    id="map-move-to-level"
                    aria-expanded=move || levels_open.get().to_string()
                    aria-controls="map-levels"
                    on:click=move |_| levels_open.update(|o| *o = !*o)
                >
                    "Move to level"
                </button>
                <Show when=move || levels_open.get()>
                    <ul class="app-map-menu__list" id="map-levels" on:keydown=move |ev| {
                        // Escape closes the menu and gives focus back to its button.
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            levels_open.set(false);
                            focus_element("map-move-to-level");
                        }
                    }>
                        {Level::ALL
                            .into_iter()
                            .map(|level| {
                                view! {
                                    <li>
                                        <button type="button" class="app-link-button" on:click=move |_| move_to(level)>
                                            {level.short_label()}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </Show>
            </div>
            <button type="button" class="app-button app-button--secondary" on:click=move |_| state.delete_targets()>"Delete"</button>
            <span class="app-map-toolbar__gap"></span>
            <button
                type="button"
                class="app-button app-button--secondary"
                aria-label=move || state.undo_label.get().map(|d| format!("Undo: {d}")).unwrap_or_else(|| "Undo".into())
                disabled=move || state.undo_label.get().is_none()
                on:click=move |_| state.undo()
            >
                "Undo"
            </button>
            <button
                type="button"
                class="app-button app-button--secondary"
                aria-label=move || state.redo_label.get().map(|d| format!("Redo: {d}")).unwrap_or_else(|| "Redo".into())
                disabled=move || state.redo_label.get().is_none()
                on:click=move |_| state.redo()
            >
                "Redo"
            </button>
            <span class="app-map-toolbar__gap"></span>
            <button type="button" class="app-button app-button--secondary" on:click=move |_| state.zoom(1.25)>"Zoom in"</button>
            <button type="button" class="app-button app-button--secondary" on:click=move |_| state.zoom(0.8)>"Zoom out"</button>
            <button type="button" class="app-button app-button--secondary" on:click=move |_| state.fit()>"Fit"</button>
            <button type="button" class="app-button app-button--secondary" on:click=tidy>"Tidy up"</button>
        </div>
        <p class="app-hint" id="map-needs-one" tabindex="-1">
            {move || {
                let count = state.selected.get().len();
                match count {
                    0 => "No node selected. Select one with a click, or with Tab and Space.".to_owned(),
                    1 => "1 node selected.".to_owned(),
                    n => format!("{n} nodes selected."),
                }
            }}
        </p>
    }
}
