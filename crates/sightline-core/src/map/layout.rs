//! **Tidy up**: an automatic layout that keeps every node in its own level's band, puts them in
//! one row per band, and orders each row so that links cross less.
//!
//! The order comes from the barycentre method of layered graph drawing (Sugiyama and others):
//! each node is placed at the average position of the nodes it links to, sweeping down the
//! bands and back up several times, and the order with the fewest crossings seen is kept. The
//! result is a [`MapEdit`] of moves, so the person can look at it and undo it.

use std::collections::{BTreeMap, HashMap};

use super::edit::MapEdit;
use super::geometry::{self, Point, NODE_GAP, NODE_HEIGHT, NODE_WIDTH};
use super::{Level, MapNode};
use crate::content::ReviewContent;
use crate::ids::RecordId;

/// How many down-and-up sweeps the ordering makes.
const SWEEPS: usize = 6;
/// Above this many links, crossings are not counted (it grows with the square of the links);
/// the sweeps alone still order the rows.
const MAX_LINKS_TO_COUNT: usize = 1_500;

/// Rows of node ids, one per level, left to right.
type Rows = BTreeMap<Level, Vec<RecordId>>;

fn rows_by_position(nodes: &[MapNode]) -> Rows {
    let mut rows: Rows = Level::ALL.into_iter().map(|l| (l, Vec::new())).collect();
    let mut sorted: Vec<&MapNode> = nodes.iter().collect();
    sorted.sort_by_key(|n| (n.x, n.y, n.id));
    for node in sorted {
        rows.entry(node.level).or_default().push(node.id);
    }
    rows
}

/// Where each node would be with the rows as given: (x, y) of its top-left corner.
fn positions(rows: &Rows) -> HashMap<RecordId, (i32, i32)> {
    let mut out = HashMap::new();
    for (level, row) in rows {
        let (low, high) = geometry::node_y_range(*level);
        // Mid-band, on the grid.
        let (_, y) = geometry::place(*level, 0, (low + high) / 2);
        for (i, id) in row.iter().enumerate() {
            let x = NODE_GAP + i as i32 * (NODE_WIDTH + NODE_GAP);
            out.insert(*id, geometry::place(*level, x, y));
        }
    }
    out
}

/// How many pairs of links cross with the nodes at `at`.
pub fn crossings(links: &[(RecordId, RecordId)], at: &HashMap<RecordId, (i32, i32)>) -> usize {
    let centre = |id: &RecordId| {
        at.get(id)
            .map(|(x, y)| Point::new((*x + NODE_WIDTH / 2) as f64, (*y + NODE_HEIGHT / 2) as f64))
    };
    let segments: Vec<(RecordId, RecordId, Point, Point)> = links
        .iter()
        .filter_map(|(a, b)| Some((*a, *b, centre(a)?, centre(b)?)))
        .collect();
    let mut count = 0;
    for i in 0..segments.len() {
        for j in i + 1..segments.len() {
            let (a1, a2, p1, p2) = segments[i];
            let (b1, b2, q1, q2) = segments[j];
            // Links sharing a node meet there; that is not a crossing.
            if a1 == b1 || a1 == b2 || a2 == b1 || a2 == b2 {
                continue;
            }
            if geometry::segments_cross((p1, p2), (q1, q2)) {
                count += 1;
            }
        }
    }
    count
}

/// One sweep step: orders `row` by the average place of each node's neighbours in `rows`.
fn order_by_neighbours(
    row: &mut [RecordId],
    rows: &Rows,
    neighbours: &HashMap<RecordId, Vec<RecordId>>,
) {
    let place: HashMap<RecordId, f64> = rows
        .values()
        .flat_map(|r| r.iter().enumerate().map(|(i, id)| (*id, i as f64)))
        .collect();
    let current: HashMap<RecordId, f64> = row
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, i as f64))
        .collect();
    let barycentre = |id: &RecordId| -> f64 {
        let linked: Vec<f64> = neighbours
            .get(id)
            .map(|ns| ns.iter().filter_map(|n| place.get(n)).copied().collect())
            .unwrap_or_default();
        if linked.is_empty() {
            // A node with no links keeps its place.
            current[id]
        } else {
            linked.iter().sum::<f64>() / linked.len() as f64
        }
    };
    let mut keyed: Vec<(f64, f64, RecordId)> = row
        .iter()
        .map(|id| (barycentre(id), current[id], *id))
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    for (slot, (_, _, id)) in row.iter_mut().zip(keyed) {
        *slot = id;
    }
}

/// The tidy-up layout of the map in `content`, as moves. Every node stays in its level.
pub fn tidy_up(content: &ReviewContent) -> MapEdit {
    let nodes = &content.map_nodes;
    let links: Vec<(RecordId, RecordId)> =
        content.map_links.iter().map(|l| (l.from, l.to)).collect();
    let mut neighbours: HashMap<RecordId, Vec<RecordId>> = HashMap::new();
    for (a, b) in &links {
        neighbours.entry(*a).or_default().push(*b);
        neighbours.entry(*b).or_default().push(*a);
    }
    let count = links.len() <= MAX_LINKS_TO_COUNT;
    let mut rows = rows_by_position(nodes);
    let mut best = rows.clone();
    let mut best_crossings = if count {
        crossings(&links, &positions(&rows))
    } else {
        usize::MAX
    };
    for _ in 0..SWEEPS {
        for pass in [
            Level::ALL.to_vec(),
            Level::ALL.iter().rev().copied().collect(),
        ] {
            for level in pass {
                let mut row = rows[&level].clone();
                order_by_neighbours(&mut row, &rows, &neighbours);
                rows.insert(level, row);
            }
            if count {
                let now = crossings(&links, &positions(&rows));
                if now < best_crossings {
                    best_crossings = now;
                    best = rows.clone();
                }
            }
        }
        if best_crossings == 0 {
            break;
        }
    }
    if !count {
        best = rows;
    }
    let placed = positions(&best);
    let moves: Vec<(RecordId, Level, i32, i32)> = nodes
        .iter()
        .filter_map(|n| placed.get(&n.id).map(|(x, y)| (n.id, n.level, *x, *y)))
        .collect();
    MapEdit::move_nodes(content, moves)
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
    use super::*;
    use crate::map::{LinkKind, MapLink, NodeKind};
    use chrono::{DateTime, Utc};

    fn stamp() -> DateTime<Utc> {
        DateTime::from_timestamp(0, 0).unwrap()
    }

    fn node(n: u128, level: Level, x: i32) -> MapNode {
        let (x, y) = geometry::place(level, x, 0);
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
            updated_at: stamp(),
        }
    }

    fn link(from: u128, to: u128) -> MapLink {
        MapLink {
            id: RecordId::fixed(from * 1000 + to),
            from: RecordId::fixed(from),
            to: RecordId::fixed(to),
            kind: LinkKind::ContributesTo,
            strength: None,
            note: String::new(),
            updated_at: stamp(),
        }
    }

    #[test]
    fn tidy_up_untangles_two_crossed_links() {
        let mut content = ReviewContent::default();
        // Top row A B, bottom row C D, linked A–D and B–C: the links cross.
        content.map_nodes = vec![
            node(1, Level::TeamSupervision, 0),
            node(2, Level::TeamSupervision, 300),
            node(3, Level::Frontline, 0),
            node(4, Level::Frontline, 300),
        ];
        content.map_links = vec![link(1, 4), link(2, 3)];
        let links: Vec<_> = content.map_links.iter().map(|l| (l.from, l.to)).collect();
        let before: HashMap<_, _> = content
            .map_nodes
            .iter()
            .map(|n| (n.id, (n.x, n.y)))
            .collect();
        assert_eq!(crossings(&links, &before), 1);
        let edit = tidy_up(&content);
        edit.apply(&mut content, stamp());
        let after: HashMap<_, _> = content
            .map_nodes
            .iter()
            .map(|n| (n.id, (n.x, n.y)))
            .collect();
        assert_eq!(crossings(&links, &after), 0);
        for n in &content.map_nodes {
            assert_eq!(geometry::level_at(n.y as f64), n.level);
        }
    }

    #[test]
    fn tidy_up_puts_each_row_in_order_without_overlaps() {
        let mut content = ReviewContent::default();
        content.map_nodes = (0..7)
            .map(|n| node(n, Level::Frontline, (7 - n as i32) * 37))
            .collect();
        tidy_up(&content).apply(&mut content, stamp());
        let mut xs: Vec<i32> = content.map_nodes.iter().map(|n| n.x).collect();
        xs.sort();
        for pair in xs.windows(2) {
            assert!(pair[1] - pair[0] >= NODE_WIDTH);
        }
    }
}
