//! One node on the canvas: its element, made once and moved by its `transform`; its keyboard
//! (arrow keys to neighbours, Alt to move, Space to select, Enter to change, Delete); and what
//! is drawn inside it.

use leptos::prelude::*;
use sightline_core::map::edit::MapEdit;
use std::collections::BTreeSet;

use sightline_core::map::geometry::{self, node_shape, wrap_label, NODE_HEIGHT, NODE_WIDTH};
use sightline_core::map::svg::{polarity_style, LABEL_CHARS, LABEL_LINES};
use sightline_core::map::{category_label, Level, MapNode};
use sightline_core::RecordId;

use super::{focus_node, node_element_id, use_map_state, Editor, MapState};

/// What a node shows, apart from where it is: when this changes, the node is redrawn.
#[derive(Clone, Debug, PartialEq)]
struct NodeLook {
    node: MapNode,
    links: usize,
    scheme: sightline_core::map::CategoryScheme,
}

impl NodeLook {
    /// What a screen reader hears for the node.
    fn description(&self) -> String {
        let node = &self.node;
        let category = node
            .category
            .as_deref()
            .map(|c| format!(" Category: {}.", category_label(c, self.scheme)))
            .unwrap_or_default();
        format!(
            "{}: {}. {}. Level: {}.{category} {} link{}, {} piece{} of evidence.",
            node.kind.label(),
            node.label,
            node.polarity.label(),
            node.level.short_label(),
            self.links,
            if self.links == 1 { "" } else { "s" },
            node.evidence.len(),
            if node.evidence.len() == 1 { "" } else { "s" }
        )
    }
}

/// The node nearest to `from` in the closest level above (`up`) or below that has nodes.
fn neighbour_across(state: &MapState, from: &MapNode, up: bool) -> Option<RecordId> {
    state.session.content().with_untracked(|c| {
        let mut levels: Vec<Level> = Level::ALL.to_vec();
        if up {
            levels.reverse();
        }
        let start = levels.iter().position(|l| *l == from.level)?;
        levels[start + 1..].iter().find_map(|level| {
            c.map_nodes
                .iter()
                .filter(|n| n.level == *level)
                .min_by_key(|n| (n.x - from.x).abs())
                .map(|n| n.id)
        })
    })
}

/// One node on the canvas. Its element is made once; moving it changes only its
/// `transform`, and its insides are redrawn only when what it shows changes.
#[component]
pub(super) fn NodeView(id: RecordId) -> impl IntoView {
    let state = use_map_state();
    let cell = state.node_cell(id);
    let position = Memo::new(move |_| cell.with(|c| c.as_ref().map(|c| (c.node.x, c.node.y))));
    let look = Memo::new(move |_| {
        let scheme = state.session.review().with(|r| r.map_scheme);
        cell.with(|c| {
            c.as_ref().map(|c| {
                let mut node = c.node.clone();
                // Where it is does not change how it looks.
                node.x = 0;
                node.y = 0;
                node.updated_at = Default::default();
                NodeLook {
                    node,
                    links: c.links,
                    scheme,
                }
            })
        })
    });
    let node = move || cell.get_untracked().map(|c| c.node);
    let selected = state.selected_cell(id);
    let transform = move || position.get().map(|(x, y)| format!("translate({x} {y})"));
    let lifted = state.lifted_cell(id);

    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(current) = node() else {
            return;
        };
        let key = ev.key();
        let go = |target: Option<RecordId>, extend: bool| {
            if let Some(target) = target {
                if extend {
                    state.selected.update(|s| {
                        s.insert(target);
                    });
                }
                state.focused.set(Some(target));
                state.bring_into_view(target);
                focus_node(target);
            }
        };
        if ev.alt_key() {
            let step = if ev.shift_key() {
                geometry::GRID * 5
            } else {
                geometry::GRID
            };
            let targets = {
                let mut t = state.targets();
                t.insert(id);
                t
            };
            let edit = match key.as_str() {
                "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" => {
                    let (dx, dy) = match key.as_str() {
                        "ArrowLeft" => (-step, 0),
                        "ArrowRight" => (step, 0),
                        "ArrowUp" => (0, -step),
                        _ => (0, step),
                    };
                    Some((
                        state
                            .session
                            .content()
                            .with_untracked(|c| MapEdit::nudge_nodes(c, &targets, dx, dy)),
                        "Move",
                    ))
                }
                "PageUp" | "PageDown" => {
                    let index =
                        current.level.index() as isize + if key == "PageUp" { -1 } else { 1 };
                    match Level::from_index(index.max(0) as usize).filter(|_| index >= 0) {
                        Some(level) => Some((
                            state
                                .session
                                .content()
                                .with_untracked(|c| MapEdit::move_to_level(c, &targets, level)),
                            "Move to level",
                        )),
                        None => {
                            state
                                .announcement
                                .set(format!("Already at {}", current.level.short_label()));
                            None
                        }
                    }
                }
                _ => None,
            };
            if let Some((edit, description)) = edit {
                ev.prevent_default();
                if edit.is_empty() {
                    state.announcement.set(
                        "It cannot go further that way: it is at the edge of its level. Use Move to level to change level.".into(),
                    );
                } else if state.apply(&edit, description) {
                    if let Some(moved) = state.node(id) {
                        state.announcement.set(format!(
                            "Moved. {} is in {}, {} across.",
                            moved.label,
                            moved.level.short_label(),
                            moved.x / geometry::GRID
                        ));
                    }
                    state.bring_into_view(id);
                }
            }
            return;
        }
        match key.as_str() {
            "ArrowRight" | "ArrowLeft" => {
                ev.prevent_default();
                let order = state.order.get_untracked();
                let at = order.iter().position(|n| *n == id);
                let target = at.and_then(|at| {
                    if key == "ArrowRight" {
                        order.get(at + 1).copied()
                    } else {
                        at.checked_sub(1).and_then(|i| order.get(i).copied())
                    }
                });
                go(target, ev.shift_key());
            }
            "ArrowUp" | "ArrowDown" => {
                ev.prevent_default();
                go(
                    neighbour_across(&state, &current, key == "ArrowUp"),
                    ev.shift_key(),
                );
            }
            " " | "Spacebar" => {
                ev.prevent_default();
                state.selected.update(|s| {
                    if !s.remove(&id) {
                        s.insert(id);
                    }
                });
                let count = state.selected.get_untracked().len();
                state.announcement.set(format!(
                    "{} {}. {count} selected.",
                    current.label,
                    if state.selected.get_untracked().contains(&id) {
                        "selected"
                    } else {
                        "not selected"
                    }
                ));
            }
            "Enter" => {
                ev.prevent_default();
                state.selected.set([id].into());
                state.editor.set(Editor::Edit(id));
                request_animation_frame(|| crate::platform::dom::focus_element("node-label"));
            }
            "Delete" | "Backspace" => {
                ev.prevent_default();
                state.delete_targets();
            }
            "Escape" => {
                state.selected.set(BTreeSet::new());
                state.announcement.set("Nothing selected".into());
            }
            _ => {}
        }
    };
    let focus = move |_| {
        state.focused.set(Some(id));
        // Arriving by keyboard on a node outside the selection makes it the selection, as a
        // click would; Shift+arrow and clicks manage the selection themselves.
        if !state.selected.with_untracked(|s| s.contains(&id))
            && state.selected.with_untracked(|s| s.len() <= 1)
        {
            state.selected.set([id].into());
        }
    };

    view! {
        <g
            class="app-map-node"
            class:app-map-node--selected=move || selected.get()
            class:app-map-node--lifted=move || lifted.get()
            id=node_element_id(id)
            data-node=id.to_string()
            data-testid="map-node"
            data-level=move || look.with(|l| l.as_ref().map(|l| l.node.level.key()))
            transform=transform
            tabindex="0"
            role="button"
            aria-pressed=move || selected.get().to_string()
            aria-label=move || look.with(|l| l.as_ref().map(NodeLook::description))
            on:keydown=keydown
            on:focus=focus
            on:dblclick=move |_| {
                state.editor.set(Editor::Edit(id));
            }
        >
            {move || look.get().map(|look| view! { <NodeBody node=look.node /> })}
        </g>
    }
}

/// What is drawn inside a node's group: its shape, kind, polarity sign, label and evidence
/// count, relative to its top-left corner.
#[component]
pub(super) fn NodeBody(node: MapNode) -> impl IntoView {
    let n = node;
    let (fill, stroke, dash) = polarity_style(n.polarity);
    let label_lines = wrap_label(&n.label, LABEL_CHARS, LABEL_LINES);
    view! {
        <path class="app-map-node__shape" d=node_shape(n.kind) fill=fill stroke=stroke stroke-width="2" stroke-dasharray=(!dash.is_empty()).then_some(dash)></path>
        <text class="app-map-node__kind" x="22" y="17">{n.kind.caption()}</text>
        <circle class="app-map-node__sign-back" cx=NODE_WIDTH - 24 cy="16" r="9" stroke=stroke></circle>
        <text class="app-map-node__sign" x=NODE_WIDTH - 24 y="20.5" text-anchor="middle">{n.polarity.sign()}</text>
        {label_lines.into_iter().enumerate().map(|(i, line)| view! {
            <text class="app-map-node__label" x=NODE_WIDTH / 2 y=38 + i as i32 * 15 text-anchor="middle">{line}</text>
        }).collect_view()}
        {(!n.evidence.is_empty()).then(|| view! {
            <text class="app-map-node__evidence" x=NODE_WIDTH - 10 y=NODE_HEIGHT - 8 text-anchor="end">
                {format!("{} evidence", n.evidence.len())}
            </text>
        })}
    }
}
