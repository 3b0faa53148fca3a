//! Every change to a map, as data, and the undo history built from them.
//!
//! A [`MapEdit`] says which nodes and links to put (add, or replace the one with the same id)
//! and which to remove. Applying one returns its *inverse*, the edit that puts everything back,
//! and the records it changed, for storage to follow. [`History`] keeps the inverses: undo
//! applies the newest and keeps the inverse of that for redo. Nothing here knows about the
//! screen, so the same history serves the mouse, the keyboard and the outline.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use super::geometry;
use super::{Level, MapLink, MapNode};
use crate::content::{Change, Record, RecordKind, ReviewContent};
use crate::ids::RecordId;

/// A change to a map: records to put and records to remove.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapEdit {
    pub put_nodes: Vec<MapNode>,
    pub put_links: Vec<MapLink>,
    pub remove_nodes: Vec<RecordId>,
    pub remove_links: Vec<RecordId>,
}

impl MapEdit {
    pub fn is_empty(&self) -> bool {
        self.put_nodes.is_empty()
            && self.put_links.is_empty()
            && self.remove_nodes.is_empty()
            && self.remove_links.is_empty()
    }

    /// Adds a node.
    pub fn add_node(node: MapNode) -> Self {
        Self {
            put_nodes: vec![node],
            ..Self::default()
        }
    }

    /// Adds a link.
    pub fn add_link(link: MapLink) -> Self {
        Self {
            put_links: vec![link],
            ..Self::default()
        }
    }

    /// Removes nodes (their links go with them when the edit is applied).
    pub fn remove_nodes(ids: impl IntoIterator<Item = RecordId>) -> Self {
        Self {
            remove_nodes: ids.into_iter().collect(),
            ..Self::default()
        }
    }

    /// Moves nodes to new positions, each given as (id, level, x, y) and placed in its band.
    pub fn move_nodes(
        content: &ReviewContent,
        moves: impl IntoIterator<Item = (RecordId, Level, i32, i32)>,
    ) -> Self {
        let index = super::node_index(content);
        let put_nodes = moves
            .into_iter()
            .filter_map(|(id, level, x, y)| {
                let mut node = content.map_nodes.get(*index.get(&id)?)?.clone();
                let (x, y) = geometry::place(level, x, y);
                if (node.level, node.x, node.y) == (level, x, y) {
                    return None;
                }
                node.level = level;
                node.x = x;
                node.y = y;
                Some(node)
            })
            .collect();
        Self {
            put_nodes,
            ..Self::default()
        }
    }

    /// Moves nodes by a distance, keeping each in its own level (keyboard nudges).
    pub fn nudge_nodes(
        content: &ReviewContent,
        ids: &BTreeSet<RecordId>,
        dx: i32,
        dy: i32,
    ) -> Self {
        let moves: Vec<_> = content
            .map_nodes
            .iter()
            .filter(|n| ids.contains(&n.id))
            .map(|n| (n.id, n.level, n.x + dx, n.y + dy))
            .collect();
        Self::move_nodes(content, moves)
    }

    /// Moves nodes to another level, keeping their place across the map.
    pub fn move_to_level(content: &ReviewContent, ids: &BTreeSet<RecordId>, level: Level) -> Self {
        let moves: Vec<_> = content
            .map_nodes
            .iter()
            .filter(|n| ids.contains(&n.id))
            .map(|n| {
                // Keep the node's height within its band.
                let offset = n.y - geometry::band_top(n.level);
                (n.id, level, n.x, geometry::band_top(level) + offset)
            })
            .collect();
        Self::move_nodes(content, moves)
    }

    /// Applies the edit to `content`, stamping every record it puts with `at`. Removing a node
    /// removes its links too, and every node and link removed is kept in the inverse. Returns
    /// the inverse and the records changed.
    pub fn apply(&self, content: &mut ReviewContent, at: DateTime<Utc>) -> (MapEdit, Vec<Change>) {
        let mut inverse = MapEdit::default();
        let mut changes = Vec::new();

        // Links first, so a link put in the same edit as its node's removal is judged after.
        let removed_nodes: BTreeSet<RecordId> = self.remove_nodes.iter().copied().collect();
        let mut links_to_remove: Vec<RecordId> = self.remove_links.clone();
        links_to_remove.extend(
            content
                .map_links
                .iter()
                .filter(|l| removed_nodes.contains(&l.from) || removed_nodes.contains(&l.to))
                .map(|l| l.id),
        );
        let mut seen = BTreeSet::new();
        links_to_remove.retain(|id| seen.insert(*id));
        for id in links_to_remove {
            if let Some(old) = content.remove::<MapLink>(id) {
                inverse.put_links.push(old);
                changes.push(Change::Removed(RecordKind::MapLink, id));
            }
        }
        for id in &self.remove_nodes {
            if let Some(old) = content.remove::<MapNode>(*id) {
                inverse.put_nodes.push(old);
                changes.push(Change::Removed(RecordKind::MapNode, *id));
            }
        }
        let index: HashMap<RecordId, usize> = super::node_index(content);
        let mut appended: HashMap<RecordId, usize> = HashMap::new();
        for node in &self.put_nodes {
            let mut node = node.clone();
            node.touch(at);
            let id = node.id;
            let existing = index
                .get(&node.id)
                .or_else(|| appended.get(&node.id))
                .copied();
            match existing {
                Some(i) => {
                    let old = std::mem::replace(&mut content.map_nodes[i], node);
                    inverse.put_nodes.push(old);
                }
                None => {
                    inverse.remove_nodes.push(id);
                    appended.insert(id, content.map_nodes.len());
                    content.map_nodes.push(node);
                }
            }
            changes.push(Change::Put(RecordKind::MapNode, id));
        }
        let node_ids: BTreeSet<RecordId> = content.map_nodes.iter().map(|n| n.id).collect();
        for link in &self.put_links {
            // A link must join two different nodes that are on the map.
            if link.from == link.to
                || !node_ids.contains(&link.from)
                || !node_ids.contains(&link.to)
            {
                continue;
            }
            let mut link = link.clone();
            link.touch(at);
            match content.map_links.iter().position(|l| l.id == link.id) {
                Some(i) => {
                    let old = std::mem::replace(&mut content.map_links[i], link.clone());
                    inverse.put_links.push(old);
                }
                None => {
                    inverse.remove_links.push(link.id);
                    content.map_links.push(link.clone());
                }
            }
            changes.push(Change::Put(RecordKind::MapLink, link.id));
        }
        // The inverse puts nodes back before the links that need them; removing is done first
        // in apply, so its order does not matter.
        (inverse, changes)
    }
}

/// One undoable step: the edit that takes it back, and what it was, for the Undo button.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Step {
    inverse: MapEdit,
    description: String,
}

/// Undo and redo for one map, newest last. Kept for the session, not stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// How many steps back undo goes.
pub const HISTORY_LIMIT: usize = 200;

impl History {
    /// Applies `edit`, described in a few words ("Add node"), and remembers how to undo it.
    /// Returns the records changed; an edit that changes nothing is not remembered.
    pub fn apply(
        &mut self,
        content: &mut ReviewContent,
        edit: &MapEdit,
        description: impl Into<String>,
        at: DateTime<Utc>,
    ) -> Vec<Change> {
        let (inverse, changes) = edit.apply(content, at);
        if !changes.is_empty() {
            self.undo.push(Step {
                inverse,
                description: description.into(),
            });
            if self.undo.len() > HISTORY_LIMIT {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
        changes
    }

    /// Takes back the newest step. Returns what it was and the records changed.
    pub fn undo(
        &mut self,
        content: &mut ReviewContent,
        at: DateTime<Utc>,
    ) -> Option<(String, Vec<Change>)> {
        let step = self.undo.pop()?;
        let (inverse, changes) = step.inverse.apply(content, at);
        self.redo.push(Step {
            inverse,
            description: step.description.clone(),
        });
        Some((step.description, changes))
    }

    /// Does again the newest step undone.
    pub fn redo(
        &mut self,
        content: &mut ReviewContent,
        at: DateTime<Utc>,
    ) -> Option<(String, Vec<Change>)> {
        let step = self.redo.pop()?;
        let (inverse, changes) = step.inverse.apply(content, at);
        self.undo.push(Step {
            inverse,
            description: step.description.clone(),
        });
        Some((step.description, changes))
    }

    /// What Undo would take back ("Move 3 nodes").
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|s| s.description.as_str())
    }

    /// What Redo would do again.
    pub fn next_redo(&self) -> Option<&str> {
        self.redo.last().map(|s| s.description.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::{LinkKind, NodeKind};
    use chrono::TimeZone;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 12, minute, 0).unwrap()
    }

    fn node(n: u128, level: Level) -> MapNode {
        let (x, y) = geometry::place(level, n as i32 * 240, 0);
        MapNode {
            id: RecordId::fixed(n),
            kind: NodeKind::ContributoryFactor,
            label: format!("Node {n}"),
            level,
            category: None,
            polarity: Default::default(),
            note: String::new(),
            evidence: Vec::new(),
            x,
            y,
            updated_at: at(0),
        }
    }

    fn link(n: u128, from: u128, to: u128) -> MapLink {
        MapLink {
            id: RecordId::fixed(1000 + n),
            from: RecordId::fixed(from),
            to: RecordId::fixed(to),
            kind: LinkKind::ContributesTo,
            strength: None,
            note: String::new(),
            updated_at: at(0),
        }
    }

    #[test]
    fn removing_a_node_takes_its_links_and_undo_brings_both_back() {
        let mut content = ReviewContent::default();
        let mut history = History::default();
        for n in 1..=3 {
            history.apply(
                &mut content,
                &MapEdit::add_node(node(n, Level::Frontline)),
                "Add node",
                at(1),
            );
        }
        history.apply(
            &mut content,
            &MapEdit::add_link(link(1, 1, 2)),
            "Connect",
            at(2),
        );
        history.apply(
            &mut content,
            &MapEdit::add_link(link(2, 3, 1)),
            "Connect",
            at(2),
        );
        let before = content.clone();
        let changes = history.apply(
            &mut content,
            &MapEdit::remove_nodes([RecordId::fixed(1)]),
            "Delete node",
            at(3),
        );
        assert_eq!(content.map_nodes.len(), 2);
        assert!(content.map_links.is_empty());
        assert_eq!(changes.len(), 3);
        assert_eq!(history.next_undo(), Some("Delete node"));
        history.undo(&mut content, at(4)).unwrap();
        assert_eq!(content.map_nodes.len(), 3);
        assert_eq!(content.map_links.len(), 2);
        assert_eq!(history.next_redo(), Some("Delete node"));
        history.redo(&mut content, at(5)).unwrap();
        assert_eq!(content.map_links.len(), 0);
        history.undo(&mut content, at(6)).unwrap();
        let stamp = |c: &ReviewContent| {
            let mut c = c.clone();
            c.map_nodes.iter_mut().for_each(|n| n.updated_at = at(0));
            c.map_links.iter_mut().for_each(|l| l.updated_at = at(0));
            c.map_nodes.sort_by_key(|n| n.id);
            c.map_links.sort_by_key(|l| l.id);
            c
        };
        assert_eq!(stamp(&content), stamp(&before));
    }

    #[test]
    fn a_link_needs_two_different_nodes_on_the_map() {
        let mut content = ReviewContent::default();
        MapEdit::add_node(node(1, Level::Frontline)).apply(&mut content, at(1));
        let (_, changes) = MapEdit::add_link(link(1, 1, 1)).apply(&mut content, at(1));
        assert!(changes.is_empty());
        let (_, changes) = MapEdit::add_link(link(2, 1, 99)).apply(&mut content, at(1));
        assert!(changes.is_empty());
        assert!(content.map_links.is_empty());
    }

    #[test]
    fn moves_snap_into_the_band_and_a_move_to_nowhere_new_is_no_step() {
        let mut content = ReviewContent::default();
        let mut history = History::default();
        history.apply(
            &mut content,
            &MapEdit::add_node(node(1, Level::Frontline)),
            "Add",
            at(1),
        );
        let ids: BTreeSet<RecordId> = [RecordId::fixed(1)].into();
        let edit = MapEdit::move_to_level(&content, &ids, Level::National);
        history.apply(&mut content, &edit, "Move to level", at(2));
        let moved = &content.map_nodes[0];
        assert_eq!(moved.level, Level::National);
        assert_eq!(geometry::level_at(moved.y as f64), Level::National);
        let nothing = MapEdit::nudge_nodes(&content, &ids, 0, -1_000);
        // Already at the top of its band: nothing to do.
        assert!(nothing.is_empty());
        assert!(history
            .apply(&mut content, &nothing, "Nudge", at(3))
            .is_empty());
        assert_eq!(history.next_undo(), Some("Move to level"));
    }
}
