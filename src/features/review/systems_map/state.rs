//! The map page's shared state: the selection, focus, viewport and side panel, the undo
//! history, and one signal per node, link and flag so that a change wakes only what shows it.
//! Every change to the map goes through [`MapState::apply`].

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;
use sightline_core::map::edit::{History, MapEdit};
use sightline_core::map::geometry::{self, Point, Rect};
use sightline_core::map::{reading_order, Level, MapNode};
use sightline_core::RecordId;

use super::Viewport;
use crate::platform::clock;
use crate::services::session::ReviewSession;

/// What the side panel's form is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editor {
    Closed,
    /// Adding a node, to this level.
    Add(Level),
    Edit(RecordId),
}

/// The map page's shared state. Provided to every part of the page.
#[derive(Clone, Copy)]
pub struct MapState {
    pub session: ReviewSession,
    pub selected: RwSignal<BTreeSet<RecordId>>,
    /// The node that has, or last had, keyboard focus: what the keyboard acts on.
    pub focused: RwSignal<Option<RecordId>>,
    pub viewport: RwSignal<Viewport>,
    /// The canvas's size on screen, for Fit and for placing new nodes in view.
    pub canvas_size: RwSignal<(f64, f64)>,
    pub editor: RwSignal<Editor>,
    pub connect_open: RwSignal<bool>,
    /// What the last change was, read out by screen readers (a polite live region).
    pub announcement: RwSignal<String>,
    /// What Undo and Redo would do, for their buttons.
    pub undo_label: RwSignal<Option<String>>,
    pub redo_label: RwSignal<Option<String>>,
    history: StoredValue<History>,
    /// Each node's distance from its stored place while it is dragged. One signal per node,
    /// so moving one node wakes only that node and its links.
    offsets: StoredValue<HashMap<RecordId, RwSignal<(f64, f64)>>>,
    /// The nodes being dragged. They are drawn on a separate layer over the canvas while they
    /// move (with a faint copy left in place), so each frame of a drag repaints that small
    /// layer and not the whole map.
    pub lifted: RwSignal<BTreeSet<RecordId>>,
    owner: StoredValue<Owner, LocalStorage>,
    /// Each node's index in the content's list, for lookups by id.
    pub index: Memo<HashMap<RecordId, usize>>,
    /// Node ids in reading order: the canvas draws and tabs through them in this order.
    pub order: Memo<Vec<RecordId>>,
    /// Each link's index in the content's list.
    pub link_index: Memo<HashMap<RecordId, usize>>,
    /// One signal per node, link and flag, kept in step with the content and the selection by
    /// one effect each (see [`Cells`]).
    cells: StoredValue<Cells>,
}

/// A node as the canvas draws it: the node and how many links it has.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeCell {
    pub node: MapNode,
    pub links: usize,
}

/// Signals for each node and link, so that a change to one wakes only what shows that one.
///
/// Why not a memo per node over the whole content: every memo that reads a signal is one of
/// its subscribers, and a memo that re-runs leaves and rejoins its sources' subscriber lists.
/// A thousand node memos on the content signal made each change to the map cost a quarter of
/// a second of that bookkeeping alone. Here the content has one subscriber, the effect that
/// updates these cells, and it only sets the cells that changed.
#[derive(Default)]
struct Cells {
    nodes: HashMap<RecordId, RwSignal<Option<NodeCell>>>,
    links: HashMap<RecordId, RwSignal<Option<sightline_core::map::MapLink>>>,
    selected: HashMap<RecordId, RwSignal<bool>>,
    lifted: HashMap<RecordId, RwSignal<bool>>,
}

impl MapState {
    /// The state of the map page for the review in `session`.
    pub fn new(session: ReviewSession) -> Self {
        let content = session.content();
        let index = Memo::new(move |_| sightline_core::map::node_index(&content.read()));
        let order = Memo::new(move |_| {
            reading_order(&content.read())
                .into_iter()
                .map(|n| n.id)
                .collect::<Vec<_>>()
        });
        let link_index = Memo::new(move |_| {
            content.with(|c| {
                c.map_links
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (l.id, i))
                    .collect::<HashMap<_, _>>()
            })
        });
        let state = Self {
            session,
            selected: RwSignal::new(BTreeSet::new()),
            focused: RwSignal::new(None),
            viewport: RwSignal::new(Viewport::default()),
            canvas_size: RwSignal::new((960.0, 600.0)),
            editor: RwSignal::new(Editor::Closed),
            connect_open: RwSignal::new(false),
            announcement: RwSignal::new(String::new()),
            undo_label: RwSignal::new(None),
            redo_label: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            offsets: StoredValue::new(HashMap::new()),
            lifted: RwSignal::new(BTreeSet::new()),
            owner: StoredValue::new_local(Owner::current().expect("an owner")),
            index,
            order,
            link_index,
            cells: StoredValue::new(Cells::default()),
        };
        state.keep_cells_in_step();
        state
    }

    fn owned<T: Send + Sync + 'static>(&self, value: T) -> RwSignal<T> {
        // Owned by the page, not by whichever view asked first, so it outlives them.
        self.owner
            .with_value(|owner| owner.with(|| RwSignal::new(value)))
    }

    /// Node `id` as the canvas draws it, made on first use.
    pub fn node_cell(&self, id: RecordId) -> RwSignal<Option<NodeCell>> {
        if let Some(cell) = self.cells.with_value(|c| c.nodes.get(&id).copied()) {
            return cell;
        }
        let content = self.session.content();
        let value = content.with_untracked(|c| {
            c.map_nodes.iter().find(|n| n.id == id).map(|n| NodeCell {
                node: n.clone(),
                links: c
                    .map_links
                    .iter()
                    .filter(|l| l.from == id || l.to == id)
                    .count(),
            })
        });
        let cell = self.owned(value);
        self.cells.update_value(|c| {
            c.nodes.insert(id, cell);
        });
        cell
    }

    /// Link `id`, made on first use.
    pub fn link_cell(&self, id: RecordId) -> RwSignal<Option<sightline_core::map::MapLink>> {
        if let Some(cell) = self.cells.with_value(|c| c.links.get(&id).copied()) {
            return cell;
        }
        let value = self
            .session
            .content()
            .with_untracked(|c| c.map_links.iter().find(|l| l.id == id).cloned());
        let cell = self.owned(value);
        self.cells.update_value(|c| {
            c.links.insert(id, cell);
        });
        cell
    }

    /// Whether node `id` is selected.
    pub fn selected_cell(&self, id: RecordId) -> RwSignal<bool> {
        if let Some(cell) = self.cells.with_value(|c| c.selected.get(&id).copied()) {
            return cell;
        }
        let cell = self.owned(self.selected.with_untracked(|s| s.contains(&id)));
        self.cells.update_value(|c| {
            c.selected.insert(id, cell);
        });
        cell
    }

    /// Whether node `id` is being dragged.
    pub fn lifted_cell(&self, id: RecordId) -> RwSignal<bool> {
        if let Some(cell) = self.cells.with_value(|c| c.lifted.get(&id).copied()) {
            return cell;
        }
        let cell = self.owned(self.lifted.with_untracked(|s| s.contains(&id)));
        self.cells.update_value(|c| {
            c.lifted.insert(id, cell);
        });
        cell
    }

    /// The effects that copy the content, the selection and the dragged set into the cells,
    /// setting only those that changed.
    fn keep_cells_in_step(&self) {
        let state = *self;
        let content = self.session.content();
        Effect::new(move |_| {
            content.with(|c| {
                let mut counts: HashMap<RecordId, usize> = HashMap::new();
                for link in &c.map_links {
                    *counts.entry(link.from).or_default() += 1;
                    *counts.entry(link.to).or_default() += 1;
                }
                let (nodes, links) = state
                    .cells
                    .with_value(|cells| (cells.nodes.clone(), cells.links.clone()));
                let mut seen = std::collections::HashSet::new();
                for node in &c.map_nodes {
                    seen.insert(node.id);
                    if let Some(cell) = nodes.get(&node.id) {
                        let links = counts.get(&node.id).copied().unwrap_or(0);
                        let same = cell.with_untracked(|current| {
                            current
                                .as_ref()
                                .is_some_and(|v| v.links == links && v.node == *node)
                        });
                        if !same {
                            cell.set(Some(NodeCell {
                                node: node.clone(),
                                links,
                            }));
                        }
                    }
                }
                for (id, cell) in &nodes {
                    if !seen.contains(id) && cell.with_untracked(Option::is_some) {
                        cell.set(None);
                    }
                }
                seen.clear();
                for link in &c.map_links {
                    seen.insert(link.id);
                    if let Some(cell) = links.get(&link.id) {
                        if cell.with_untracked(|current| current.as_ref() != Some(link)) {
                            cell.set(Some(link.clone()));
                        }
                    }
                }
                for (id, cell) in &links {
                    if !seen.contains(id) && cell.with_untracked(Option::is_some) {
                        cell.set(None);
                    }
                }
            })
        });
        // Flags: flip only the ids that joined or left the set.
        let flags =
            move |set: RwSignal<BTreeSet<RecordId>>,
                  pick: fn(&Cells) -> &HashMap<RecordId, RwSignal<bool>>| {
                Effect::new(move |previous: Option<BTreeSet<RecordId>>| {
                    let now = set.get();
                    let previous = previous.unwrap_or_default();
                    state.cells.with_value(|cells| {
                        let cells = pick(cells);
                        for id in now.symmetric_difference(&previous) {
                            if let Some(cell) = cells.get(id) {
                                cell.set(now.contains(id));
                            }
                        }
                    });
                    now
                });
            };
        flags(self.selected, |c| &c.selected);
        flags(self.lifted, |c| &c.lifted);
    }

    /// The link with `id`, if it is on the map (tracked).
    pub fn link(&self, id: RecordId) -> Option<sightline_core::map::MapLink> {
        let at = self.link_index.with(|index| index.get(&id).copied())?;
        self.session
            .content()
            .with(|c| c.map_links.get(at).filter(|l| l.id == id).cloned())
    }

    /// The node with `id`, if it is on the map (tracked).
    pub fn node(&self, id: RecordId) -> Option<MapNode> {
        let at = self.index.with(|index| index.get(&id).copied())?;
        self.session
            .content()
            .with(|c| c.map_nodes.get(at).filter(|n| n.id == id).cloned())
    }

    /// The dragging offset of node `id`, made on first use.
    pub fn offset(&self, id: RecordId) -> RwSignal<(f64, f64)> {
        if let Some(signal) = self.offsets.with_value(|o| o.get(&id).copied()) {
            return signal;
        }
        // Owned by the page, not by whichever node or link asked first, so it outlives them.
        let signal = self
            .owner
            .with_value(|owner| owner.with(|| RwSignal::new((0.0, 0.0))));
        self.offsets.update_value(|o| {
            o.insert(id, signal);
        });
        signal
    }

    /// Puts every dragged node back at its stored place, and back on the canvas.
    pub fn clear_offsets(&self, ids: &[RecordId]) {
        for id in ids {
            self.offset(*id).set((0.0, 0.0));
        }
        if !self.lifted.with_untracked(BTreeSet::is_empty) {
            self.lifted.set(BTreeSet::new());
        }
    }

    /// The nodes a command acts on: the selection, or else the focused node.
    pub fn targets(&self) -> BTreeSet<RecordId> {
        let selected = self.selected.get_untracked();
        if !selected.is_empty() {
            return selected;
        }
        self.focused.get_untracked().into_iter().collect()
    }

    /// Applies `edit` to the map as one undoable step, saves it, and says what happened.
    /// Returns whether anything changed.
    pub fn apply(&self, edit: &MapEdit, description: &str) -> bool {
        if edit.is_empty() {
            return false;
        }
        let mut changed = false;
        let history = self.history;
        self.session.change_content(|content| {
            let changes = history
                .try_update_value(|h| h.apply(content, edit, description, clock::now()))
                .unwrap_or_default();
            changed = !changes.is_empty();
            changes
        });
        if changed {
            self.after_change(description.to_owned());
        }
        changed
    }

    /// Takes back the last change.
    pub fn undo(&self) {
        let mut done = None;
        let history = self.history;
        self.session.change_content(|content| {
            let step = history
                .try_update_value(|h| h.undo(content, clock::now()))
                .flatten();
            match step {
                Some((description, changes)) => {
                    done = Some(description);
                    changes
                }
                None => Vec::new(),
            }
        });
        match done {
            Some(description) => self.after_change(format!("Undone: {description}")),
            None => self.announcement.set("Nothing to undo".into()),
        }
    }

    /// Does again the last change undone.
    pub fn redo(&self) {
        let mut done = None;
        let history = self.history;
        self.session.change_content(|content| {
            let step = history
                .try_update_value(|h| h.redo(content, clock::now()))
                .flatten();
            match step {
                Some((description, changes)) => {
                    done = Some(description);
                    changes
                }
                None => Vec::new(),
            }
        });
        match done {
            Some(description) => self.after_change(format!("Redone: {description}")),
            None => self.announcement.set("Nothing to redo".into()),
        }
    }

    fn after_change(&self, announcement: String) {
        self.history.with_value(|h| {
            self.undo_label.set(h.next_undo().map(str::to_owned));
            self.redo_label.set(h.next_redo().map(str::to_owned));
        });
        // Forget selected nodes that are gone.
        let content = self.session.content();
        self.selected.update(|selected| {
            content.with_untracked(|c| {
                selected.retain(|id| c.map_nodes.iter().any(|n| n.id == *id));
            })
        });
        if let Some(focused) = self.focused.get_untracked() {
            if content.with_untracked(|c| !c.map_nodes.iter().any(|n| n.id == focused)) {
                self.focused.set(None);
            }
        }
        self.announcement.set(announcement);
        self.refocus();
    }

    /// Gives keyboard focus back to the focused node after the canvas redrew (moving a node
    /// in the page's order can take focus from it).
    pub fn refocus(&self) {
        let Some(id) = self.focused.get_untracked() else {
            return;
        };
        request_animation_frame(move || {
            let element_id = node_element_id(id);
            let focused = crate::platform::dom::focused();
            let has_focus = focused.as_ref().is_some_and(|(id, _)| *id == element_id);
            let in_form = focused.is_some_and(|(_, control)| control);
            if !has_focus && !in_form {
                focus_node(id);
            }
        });
    }

    /// Selects just `id`, gives it focus and brings it into view.
    pub fn select_and_show(&self, id: RecordId) {
        self.selected.set([id].into());
        self.focused.set(Some(id));
        self.bring_into_view(id);
        request_animation_frame(move || focus_node(id));
    }

    /// Scrolls the canvas so that node `id` is in view, if it is not.
    pub fn bring_into_view(&self, id: RecordId) {
        let Some(node) = self
            .session
            .content()
            .with_untracked(|c| c.map_nodes.iter().find(|n| n.id == id).cloned())
        else {
            return;
        };
        let view = self.viewport.get_untracked();
        let (width, height) = self.canvas_size.get_untracked();
        let rect = geometry::node_rect(&node);
        let left = rect.x * view.scale + view.x;
        let top = rect.y * view.scale + view.y;
        let right = rect.right() * view.scale + view.x;
        let bottom = rect.bottom() * view.scale + view.y;
        if left >= 0.0 && top >= 0.0 && right <= width && bottom <= height {
            return;
        }
        let centre = rect.centre();
        self.viewport.set(Viewport {
            x: width / 2.0 - centre.x * view.scale,
            y: height / 2.0 - centre.y * view.scale,
            scale: view.scale,
        });
    }

    /// Shows the whole map.
    pub fn fit(&self) {
        let (width, height) = self.canvas_size.get_untracked();
        // The nodes, with the whole of each band they are in (so its label shows) and the
        // left edge where the labels are; an empty map shows all its bands.
        let area = self.session.content().with_untracked(|c| {
            let levels = || c.map_nodes.iter().map(|n| n.level);
            match (
                geometry::bounds(&c.map_nodes),
                levels().min(),
                levels().max(),
            ) {
                (Some(nodes), Some(top), Some(bottom)) => {
                    let y = geometry::band_top(top) as f64;
                    let bottom = (geometry::band_top(bottom) + geometry::BAND_HEIGHT) as f64;
                    nodes.union(&Rect::new(0.0, y, 1.0, bottom - y))
                }
                _ => Rect::new(
                    0.0,
                    0.0,
                    geometry::map_width(&c.map_nodes) as f64,
                    geometry::map_height() as f64,
                ),
            }
        });
        self.viewport.set(Viewport::fit(area, width, height));
    }

    /// Zooms by `factor` around the middle of the canvas.
    pub fn zoom(&self, factor: f64) {
        let (width, height) = self.canvas_size.get_untracked();
        self.viewport
            .update(|v| *v = v.zoom_at(factor, Point::new(width / 2.0, height / 2.0)));
        self.announcement.set(format!(
            "Zoom {}%",
            (self.viewport.get_untracked().scale * 100.0).round()
        ));
    }

    /// Deletes the nodes a command acts on, as one step.
    pub fn delete_targets(&self) {
        let targets = self.targets();
        if targets.is_empty() {
            self.announcement
                .set("Choose a node first: select it on the map or in the outline.".into());
            return;
        }
        let count = targets.len();
        let description = if count == 1 {
            let label = self
                .node(*targets.iter().next().expect("one"))
                .map(|n| n.label)
                .unwrap_or_default();
            format!("Delete \u{201c}{label}\u{201d}")
        } else {
            format!("Delete {count} nodes")
        };
        // Focus moves to the next node in reading order, so the keyboard is not lost.
        let order = self.order.get_untracked();
        let next = order
            .iter()
            .skip_while(|id| !targets.contains(id))
            .find(|id| !targets.contains(id))
            .or_else(|| order.iter().rev().find(|id| !targets.contains(id)))
            .copied();
        if self.apply(&MapEdit::remove_nodes(targets), &description) {
            self.selected.set(BTreeSet::new());
            self.focused.set(next);
            self.editor.set(Editor::Closed);
            self.announcement.set(format!(
                "{description}. Press Undo or Control+Z to bring it back."
            ));
            if let Some(next) = next {
                request_animation_frame(move || focus_node(next));
            }
        }
    }
}

/// The id of a node's element on the canvas.
pub fn node_element_id(id: RecordId) -> String {
    format!("map-node-{id}")
}

/// Moves keyboard focus to a node on the canvas, without scrolling the page: the canvas
/// brings nodes into view itself, by panning.
pub fn focus_node(id: RecordId) {
    crate::platform::dom::focus_without_scrolling(&node_element_id(id));
}

/// The map page's state. Panics outside the map page.
pub fn use_map_state() -> MapState {
    expect_context::<MapState>()
}

/// Where a new node goes in `level`: to the right of the nodes already in that band.
pub fn free_place(nodes: &[MapNode], level: Level) -> (i32, i32) {
    let right = nodes
        .iter()
        .filter(|n| n.level == level)
        .map(|n| n.x + geometry::NODE_WIDTH)
        .max();
    let x = right
        .map(|r| r + geometry::NODE_GAP)
        .unwrap_or(geometry::NODE_GAP);
    let (low, high) = geometry::node_y_range(level);
    geometry::place(level, x, (low + high) / 2)
}
