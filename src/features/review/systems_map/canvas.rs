//! The map's canvas: an SVG of the bands, links and nodes, with the mouse, touch and keyboard
//! handling.
//!
//! Mouse and touch: press a node and drag to move it (and every selected node with it);
//! Shift-click or Ctrl-click adds to or takes from the selection; drag the background to pan,
//! Shift-drag it to select with a rubber band; the wheel or a pinch zooms. Keyboard: every
//! node is a button in reading order (Tab); arrow keys go to neighbours, Alt with an arrow key
//! moves, Alt with Page Up or Page Down changes level, Space selects, Enter changes, Delete
//! deletes, Escape clears the selection. The canvas itself pans with the arrow keys and zooms
//! with + and −.
//!
//! Dragging lifts the dragged nodes and their links onto a small layer over the canvas (a
//! faint copy stays in place) and changes only their offset signals, so one frame of a drag
//! redraws that layer and nothing else: the big canvas is not repainted while the pointer
//! moves. The move is stored, snapped to the grid and the bands, when the pointer is let go.

use std::collections::{BTreeSet, HashMap};

use crate::platform::dom;
use leptos::prelude::*;
use sightline_core::map::edit::MapEdit;
use sightline_core::map::geometry::{
    self, link_ends, link_label_point, Point, Rect, BAND_HEIGHT, NODE_HEIGHT, NODE_WIDTH,
};
use sightline_core::map::Level;
use sightline_core::RecordId;

use super::gesture::{self, Gesture, Moved, Press, Released};
use super::node_view::{NodeBody, NodeView};
use super::{focus_node, use_map_state, LINK_LABEL_MIN_SCALE};

/// The node a pointer event happened on, from the `data-node` attribute of its element or an
/// ancestor.
fn node_under(ev: &leptos::ev::PointerEvent) -> Option<RecordId> {
    RecordId::parse(&dom::attribute_under(ev, "data-node")?)
}

/// The SVG canvas.
#[component]
pub fn MapCanvas() -> impl IntoView {
    let state = use_map_state();
    let content = state.session.content();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let gesture = StoredValue::new(Gesture::Idle);
    // The canvas's top-left corner on screen, read when a press starts: reading it on every
    // move would make the browser lay out the whole page each time.
    let origin = StoredValue::new(Point::new(0.0, 0.0));
    let pointers: StoredValue<HashMap<i32, Point>> = StoredValue::new(HashMap::new());
    let band = RwSignal::new(None::<Rect>);
    let width = Memo::new(move |_| content.with(|c| geometry::map_width(&c.map_nodes)));
    let link_ids =
        Memo::new(move |_| content.with(|c| c.map_links.iter().map(|l| l.id).collect::<Vec<_>>()));
    let show_link_labels = Memo::new(move |_| state.viewport.read().scale >= LINK_LABEL_MIN_SCALE);

    // Keep the canvas's size known, for Fit and for placing things in view.
    let measure = move || {
        if let Some(svg) = svg_ref.get_untracked() {
            let (width, height) = dom::size_of(&svg);
            if width > 0.0 {
                state.canvas_size.set((width, height));
            }
        }
    };
    Effect::new(move |_| {
        if svg_ref.get().is_some() {
            measure();
            state.fit();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let element = move || svg_ref.get_untracked();

    let pointer_down = move |ev: leptos::ev::PointerEvent| {
        let Some(svg) = element() else { return };
        if pointers.with_value(|p| p.is_empty()) {
            origin.set_value({
                let (x, y) = dom::top_left(&svg);
                Point::new(x, y)
            });
        }
        let corner = origin.get_value();
        let at = Point::new(
            ev.client_x() as f64 - corner.x,
            ev.client_y() as f64 - corner.y,
        );
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), at);
        });
        let _ = svg.set_pointer_capture(ev.pointer_id());
        // Two fingers: pinch to zoom, whatever the first one was doing.
        if pointers.with_value(|p| p.len()) == 2 {
            if let Gesture::Drag { ids, .. } = gesture.get_value() {
                state.clear_offsets(&ids);
            }
            let points: Vec<Point> = pointers.with_value(|p| p.values().copied().collect());
            gesture.set_value(gesture::pinch(
                points[0],
                points[1],
                state.viewport.get_untracked(),
            ));
            band.set(None);
            return;
        }
        let held = Press {
            additive: ev.shift_key() || ev.ctrl_key() || ev.meta_key(),
            alt_mouse: ev.button() == 0 && ev.pointer_type() == "mouse" && ev.alt_key(),
        };
        let on = node_under(&ev);
        let pressed = gesture::press(
            at,
            on,
            held,
            &state.selected.get_untracked(),
            state.viewport.get_untracked(),
        );
        if let (Some(id), Some(selected)) = (on, pressed.selected) {
            ev.prevent_default();
            state.selected.set(selected);
            state.focused.set(Some(id));
            focus_node(id);
        }
        gesture.set_value(pressed.gesture);
    };

    let pointer_move = move |ev: leptos::ev::PointerEvent| {
        if !pointers.with_value(|p| p.contains_key(&ev.pointer_id())) {
            return;
        }
        let corner = origin.get_value();
        let at = Point::new(
            ev.client_x() as f64 - corner.x,
            ev.client_y() as f64 - corner.y,
        );
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), at);
        });
        let mut current = gesture.get_value();
        let fingers = pointers.with_value(|p| {
            let points: Vec<Point> = p.values().copied().collect();
            (points.len() == 2).then(|| (points[0], points[1]))
        });
        match current.move_to(at, fingers, state.viewport.get_untracked()) {
            Moved::Nothing => {}
            Moved::View(view) => state.viewport.set(view),
            Moved::Drag { ids, dx, dy } => {
                if state.lifted.with_untracked(BTreeSet::is_empty) {
                    state.lifted.set(ids.iter().copied().collect());
                }
                for id in ids {
                    state.offset(id).set((dx, dy));
                }
            }
            Moved::Band(area) => band.set(Some(area)),
        }
        gesture.set_value(current);
    };

    let pointer_up = move |ev: leptos::ev::PointerEvent, cancelled: bool| {
        pointers.update_value(|p| {
            p.remove(&ev.pointer_id());
        });
        let finished = gesture.get_value();
        gesture.set_value(Gesture::Idle);
        match finished.release(cancelled) {
            Released::Nothing => {}
            Released::ClearSelection => state.selected.set(BTreeSet::new()),
            Released::PutBack(ids) => state.clear_offsets(&ids),
            Released::Drop(ids) => {
                let moves: Vec<(RecordId, Level, i32, i32)> = ids
                    .iter()
                    .filter_map(|id| {
                        let node = state.node(*id)?;
                        let (dx, dy) = state.offset(*id).get_untracked();
                        let (level, x, y) =
                            geometry::drop_at(Point::new(node.x as f64 + dx, node.y as f64 + dy));
                        Some((*id, level, x, y))
                    })
                    .collect();
                let edit = content.with_untracked(|c| MapEdit::move_nodes(c, moves));
                let description = if ids.len() == 1 {
                    "Move a node".to_owned()
                } else {
                    format!("Move {} nodes", ids.len())
                };
                // The stored move and the end of the offsets land in the same frame.
                state.apply(&edit, &description);
                state.clear_offsets(&ids);
            }
            Released::SelectBand { additive } => {
                if let Some(area) = band.get_untracked() {
                    let inside: Vec<RecordId> =
                        content.with_untracked(|c| geometry::nodes_in_rect(&c.map_nodes, area));
                    state.selected.update(|selected| {
                        if !additive {
                            selected.clear();
                        }
                        selected.extend(inside.iter().copied());
                    });
                    let count = state.selected.get_untracked().len();
                    state.announcement.set(format!(
                        "{count} node{} selected",
                        if count == 1 { "" } else { "s" }
                    ));
                }
                band.set(None);
            }
        }
    };

    let wheel = move |ev: leptos::ev::WheelEvent| {
        let Some(svg) = element() else { return };
        ev.prevent_default();
        let corner = {
            let (x, y) = dom::top_left(&svg);
            Point::new(x, y)
        };
        let at = Point::new(
            ev.client_x() as f64 - corner.x,
            ev.client_y() as f64 - corner.y,
        );
        // Lines or pages of scrolling count as about 40 pixels each.
        let delta = match ev.delta_mode() {
            0 => ev.delta_y(),
            1 => ev.delta_y() * 40.0,
            _ => ev.delta_y() * 400.0,
        };
        let factor = (-delta * 0.0015).exp();
        state.viewport.update(|v| *v = v.zoom_at(factor, at));
    };

    // The canvas itself: arrow keys pan, + and − zoom, 0 fits.
    let canvas_keys = move |ev: leptos::ev::KeyboardEvent| {
        let on_canvas = dom::target_tag(&ev).as_deref() == Some("svg");
        if !on_canvas {
            return;
        }
        let step = 60.0;
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (step, 0.0),
            "ArrowRight" => (-step, 0.0),
            "ArrowUp" => (0.0, step),
            "ArrowDown" => (0.0, -step),
            "+" | "=" => {
                ev.prevent_default();
                state.zoom(1.25);
                return;
            }
            "-" | "_" => {
                ev.prevent_default();
                state.zoom(0.8);
                return;
            }
            "0" => {
                ev.prevent_default();
                state.fit();
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        state.viewport.update(|v| {
            v.x += dx;
            v.y += dy;
        });
    };

    let transform = move || {
        let v = state.viewport.get();
        format!("translate({:.2} {:.2}) scale({:.4})", v.x, v.y, v.scale)
    };
    let transform_for_layer = transform;

    view! {
        <div class="app-map-canvas">
            <svg
                node_ref=svg_ref
                class="app-map-svg"
                tabindex="0"
                role="group"
                aria-label="Systems map canvas"
                aria-describedby="map-canvas-help"
                data-testid="map-canvas"
                on:pointerdown=pointer_down
                on:pointermove=pointer_move
                on:pointerup=move |ev| pointer_up(ev, false)
                on:pointercancel=move |ev| pointer_up(ev, true)
                on:wheel=wheel
                on:keydown=canvas_keys
            >
                <defs>
                    <marker id="map-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                        <path d="M0 0L10 5L0 10Z" fill="#505a5f"></path>
                    </marker>
                </defs>
                <g transform=transform data-testid="map-world">
                    <Bands width />
                    <g class="app-map-links">
                        <For each=move || link_ids.get() key=|id| *id let(id)>
                            <LinkView id show_label=show_link_labels />
                        </For>
                    </g>
                    <g class="app-map-nodes">
                        <For each=move || state.order.get() key=|id| *id let(id)>
                            <NodeView id />
                        </For>
                    </g>
                    {move || band.get().map(|r| view! {
                        <rect class="app-map-band-select" x=r.x y=r.y width=r.width height=r.height></rect>
                    })}
                </g>
            </svg>
            <DragLayer transform=Signal::derive(transform_for_layer) show_labels=show_link_labels />
            <p class="app-hint" id="map-canvas-help">
                "Drag a node to move it; drag the background to move around; Shift and drag to select several; scroll or pinch to zoom. With the keyboard: Tab to a node, arrow keys to its neighbours, Alt and an arrow key to move it, Alt and Page Up or Page Down to change its level, Space to select, Enter to change it, Delete to delete it."
            </p>
        </div>
    }
}

/// The level bands behind the nodes.
#[component]
fn Bands(width: Memo<i32>) -> impl IntoView {
    Level::ALL
        .into_iter()
        .map(|level| {
            let top = geometry::band_top(level);
            let class = if level.index() % 2 == 0 {
                "app-map-band app-map-band--shaded"
            } else {
                "app-map-band"
            };
            view! {
                <g aria-hidden="true">
                    <rect class=class x="0" y=top width=move || width.get() height=BAND_HEIGHT></rect>
                    <line class="app-map-band__rule" x1="0" y1=top x2=move || width.get() y2=top></line>
                    <text class="app-map-band__label" x="12" y=top + 26>{level.label()}</text>
                </g>
            }
        })
        .collect_view()
}

/// The layer over the canvas that draws the nodes being dragged, and their links, as they move.
#[component]
fn DragLayer(transform: Signal<String>, show_labels: Memo<bool>) -> impl IntoView {
    let state = use_map_state();
    let content = state.session.content();
    let lifted = Memo::new(move |_| state.lifted.get().into_iter().collect::<Vec<_>>());
    // The links that move with them: worked out once when a drag starts.
    let moving_links = Memo::new(move |_| {
        let ids = state.lifted.get();
        if ids.is_empty() {
            return Vec::new();
        }
        content.with_untracked(|c| {
            c.map_links
                .iter()
                .filter(|l| ids.contains(&l.from) || ids.contains(&l.to))
                .map(|l| l.id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <svg class="app-map-overlay" aria-hidden="true">
            <g transform=move || transform.get()>
                <For each=move || moving_links.get() key=|id| *id let(id)>
                    <LinkView id show_label=show_labels moving=true />
                </For>
                <For each=move || lifted.get() key=|id| *id let(id)>
                    <LiftedNode id />
                </For>
            </g>
        </svg>
    }
}

/// A node being dragged, on the drag layer.
#[component]
fn LiftedNode(id: RecordId) -> impl IntoView {
    let state = use_map_state();
    let node = state.node(id);
    let offset = state.offset(id);
    node.map(|n| {
        let (x, y) = (n.x as f64, n.y as f64);
        view! {
            <g class="app-map-node app-map-node--moving" transform=move || {
                let (dx, dy) = offset.get();
                format!("translate({} {})", x + dx, y + dy)
            }>
                <NodeBody node=n />
            </g>
        }
    })
}

/// One link on the canvas: a line with an arrow, and its words when zoomed in enough.
#[component]
fn LinkView(
    id: RecordId,
    show_label: Memo<bool>,
    /// On the drag layer: follows the dragged nodes. On the canvas, a link whose node is being
    /// dragged stays where it was, faint, until the drop.
    #[prop(optional)]
    moving: bool,
) -> impl IntoView {
    let state = use_map_state();
    let link = state.link_cell(id);
    let ends = Memo::new(move |_| link.with(|l| l.as_ref().map(|l| (l.from, l.to))));
    let at = move |node: RecordId| {
        state
            .node_cell(node)
            .with(|c| c.as_ref().map(|c| (c.node.x, c.node.y)))
    };
    let from_node = Memo::new(move |_| ends.get().and_then(|(from, _)| at(from)));
    let to_node = Memo::new(move |_| ends.get().and_then(|(_, to)| at(to)));
    let geometry = Memo::new(move |_| {
        let ((from, to), (fx, fy), (tx, ty)) = (ends.get()?, from_node.get()?, to_node.get()?);
        let ((fdx, fdy), (tdx, tdy)) = if moving {
            (state.offset(from).get(), state.offset(to).get())
        } else {
            ((0.0, 0.0), (0.0, 0.0))
        };
        let a = Rect::new(
            fx as f64 + fdx,
            fy as f64 + fdy,
            NODE_WIDTH as f64,
            NODE_HEIGHT as f64,
        );
        let b = Rect::new(
            tx as f64 + tdx,
            ty as f64 + tdy,
            NODE_WIDTH as f64,
            NODE_HEIGHT as f64,
        );
        let (start, end) = link_ends(a, b);
        Some((start, end, link_label_point(start, end)))
    });
    let caption =
        Memo::new(move |_| link.with(|l| l.as_ref().map(|l| l.caption()).unwrap_or_default()));
    let lifted = Memo::new(move |_| {
        !moving
            && ends.get().is_some_and(|(from, to)| {
                state.lifted_cell(from).get() || state.lifted_cell(to).get()
            })
    });
    move || {
        geometry.get().map(|(start, end, middle)| {
            let width = caption.with(|c| c.chars().count() as f64 * 6.2 + 10.0);
            view! {
                <g class="app-map-link" class:app-map-link--lifted=move || lifted.get() data-testid=(!moving).then_some("map-link") aria-hidden="true">
                    <line x1=start.x y1=start.y x2=end.x y2=end.y marker-end="url(#map-arrow)"></line>
                    {move || show_label.get().then(|| view! {
                        <rect class="app-map-link__back" x=middle.x - width / 2.0 y=middle.y - 11.0 width=width height="16" rx="3"></rect>
                        <text class="app-map-link__label" x=middle.x y=middle.y + 1.0 text-anchor="middle">{caption.get()}</text>
                    })}
                </g>
            }
        })
    }
}
