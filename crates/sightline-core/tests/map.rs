//! The systems-factor map: property tests of its promises (undo restores any earlier map, the
//! layout keeps every node in its band, a `.canvas` file follows the JSON Canvas rules and
//! reads back), and the map's place in a review (removing evidence, files, merging).

use std::collections::BTreeSet;

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use sightline_core::content::{RecordKind, ReviewContent};
use sightline_core::format::json_canvas::{check_canvas, read_canvas, to_canvas, write_canvas};
use sightline_core::format::merge::with_new_ids;
use sightline_core::format::{read_review_file, write_review_file, ReviewFile};
use sightline_core::ids::{IdSource, SeededIds};
use sightline_core::map::edit::{History, MapEdit};
use sightline_core::map::geometry::{self, level_at};
use sightline_core::map::layout::tidy_up;
use sightline_core::map::{
    CategoryScheme, EvidenceKind, EvidenceRef, Level, LinkKind, MapLink, MapNode, NodeKind,
    Polarity,
};
use sightline_core::testing::{generate_review, ReviewSize};

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, minute % 60, 0)
        .unwrap()
}

/// The map part of `content`, in id order and with change times cleared, to compare maps.
fn map_of(content: &ReviewContent) -> (Vec<MapNode>, Vec<MapLink>) {
    let mut nodes = content.map_nodes.clone();
    let mut links = content.map_links.clone();
    nodes.iter_mut().for_each(|n| n.updated_at = at(0));
    links.iter_mut().for_each(|l| l.updated_at = at(0));
    nodes.sort_by_key(|n| n.id);
    links.sort_by_key(|l| l.id);
    (nodes, links)
}

/// One command a person might give, with numbers that pick its targets from the map as it is.
#[derive(Clone, Debug)]
enum Op {
    Add {
        level: usize,
        x: i32,
        y: i32,
    },
    Remove(usize),
    Connect(usize, usize, usize),
    Unlink(usize),
    Move {
        node: usize,
        level: usize,
        x: i32,
        y: i32,
    },
    Rename(usize, String),
    Tidy,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0usize..6, -500i32..3_000, -500i32..1_500).prop_map(|(level, x, y)| Op::Add { level, x, y }),
        1 => any::<usize>().prop_map(Op::Remove),
        3 => (any::<usize>(), any::<usize>(), 0usize..5).prop_map(|(a, b, k)| Op::Connect(a, b, k)),
        1 => any::<usize>().prop_map(Op::Unlink),
        2 => (any::<usize>(), 0usize..6, -500i32..3_000, -500i32..1_500)
            .prop_map(|(node, level, x, y)| Op::Move { node, level, x, y }),
        1 => (any::<usize>(), "[a-z ]{1,20}").prop_map(|(n, s)| Op::Rename(n, s)),
        1 => Just(Op::Tidy),
    ]
}

/// The edit for `op` on the map as it is now.
fn edit_for(op: &Op, content: &ReviewContent, ids: &mut SeededIds, step: u32) -> MapEdit {
    let nodes = &content.map_nodes;
    let pick = |n: usize| nodes.get(n % nodes.len().max(1)).map(|n| n.id);
    match op {
        Op::Add { level, x, y } => {
            let level = Level::ALL[*level];
            let (x, y) = geometry::place(level, *x, *y);
            MapEdit::add_node(MapNode {
                id: ids.record_id(),
                kind: NodeKind::ContributoryFactor,
                label: format!("Factor {step}"),
                level,
                category: None,
                polarity: Polarity::Hindered,
                note: String::new(),
                evidence: Vec::new(),
                x,
                y,
                updated_at: at(step),
            })
        }
        Op::Remove(n) => MapEdit::remove_nodes(pick(*n)),
        Op::Connect(a, b, k) => match (pick(*a), pick(*b)) {
            (Some(from), Some(to)) => MapEdit::add_link(MapLink {
                id: ids.record_id(),
                from,
                to,
                kind: LinkKind::ALL[*k],
                strength: None,
                note: String::new(),
                updated_at: at(step),
            }),
            _ => MapEdit::default(),
        },
        Op::Unlink(n) => MapEdit {
            remove_links: content
                .map_links
                .get(n % content.map_links.len().max(1))
                .map(|l| vec![l.id])
                .unwrap_or_default(),
            ..MapEdit::default()
        },
        Op::Move { node, level, x, y } => match pick(*node) {
            Some(id) => MapEdit::move_nodes(content, [(id, Level::ALL[*level], *x, *y)]),
            None => MapEdit::default(),
        },
        Op::Rename(n, label) => match nodes.get(n % nodes.len().max(1)) {
            Some(node) => {
                let mut node = node.clone();
                node.label = label.clone();
                MapEdit {
                    put_nodes: vec![node],
                    ..MapEdit::default()
                }
            }
            None => MapEdit::default(),
        },
        Op::Tidy => tidy_up(content),
    }
}

/// Every node is inside its own level's band, and every link joins two nodes on the map.
fn assert_sound(content: &ReviewContent) {
    let ids: BTreeSet<_> = content.map_nodes.iter().map(|n| n.id).collect();
    for node in &content.map_nodes {
        let (low, high) = geometry::node_y_range(node.level);
        assert!(node.y >= low && node.y <= high, "{node:?} outside its band");
        assert!(node.x >= 0);
        assert_eq!(level_at(node.y as f64), node.level);
    }
    for link in &content.map_links {
        assert!(ids.contains(&link.from) && ids.contains(&link.to));
        assert_ne!(link.from, link.to);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// After any sequence of commands, undo takes the map back one step at a time to each
    /// earlier map, and redo forward again to the last.
    #[test]
    fn undo_after_any_sequence_of_commands_restores_each_earlier_map(ops in proptest::collection::vec(op(), 1..25)) {
        let mut content = ReviewContent::default();
        let mut history = History::default();
        let mut ids = SeededIds::new(7);
        let mut maps = vec![map_of(&content)];
        for (step, op) in ops.iter().enumerate() {
            let edit = edit_for(op, &content, &mut ids, step as u32);
            let changes = history.apply(&mut content, &edit, "step", at(step as u32));
            assert_sound(&content);
            if !changes.is_empty() {
                maps.push(map_of(&content));
            }
        }
        let last = maps.pop().unwrap();
        let mut expected = maps.clone();
        while let Some(previous) = expected.pop() {
            prop_assert!(history.undo(&mut content, at(59)).is_some());
            prop_assert_eq!(&map_of(&content), &previous);
            assert_sound(&content);
        }
        prop_assert!(history.undo(&mut content, at(59)).is_none());
        for _ in 0..maps.len() {
            prop_assert!(history.redo(&mut content, at(59)).is_some());
        }
        prop_assert_eq!(map_of(&content), last);
    }

    /// Tidy up never puts a node outside its band, and never moves one to another level.
    #[test]
    fn layout_never_puts_a_node_outside_its_band(
        placements in proptest::collection::vec((0usize..6, -2_000i32..5_000, -2_000i32..3_000), 1..60),
        links in proptest::collection::vec((any::<usize>(), any::<usize>()), 0..120),
    ) {
        let mut content = ReviewContent::default();
        let mut ids = SeededIds::new(11);
        for (level, x, y) in placements {
            let level = Level::ALL[level];
            // Deliberately not placed: tidy up must cope with nodes anywhere.
            content.map_nodes.push(MapNode {
                id: ids.record_id(),
                kind: NodeKind::ContributoryFactor,
                label: "A factor".into(),
                level,
                category: None,
                polarity: Polarity::Both,
                note: String::new(),
                evidence: Vec::new(),
                x,
                y,
                updated_at: at(0),
            });
        }
        let count = content.map_nodes.len();
        for (a, b) in links {
            let (from, to) = (content.map_nodes[a % count].id, content.map_nodes[b % count].id);
            if from != to {
                content.map_links.push(MapLink {
                    id: ids.record_id(),
                    from,
                    to,
                    kind: LinkKind::ContributesTo,
                    strength: None,
                    note: String::new(),
                    updated_at: at(0),
                });
            }
        }
        let levels: Vec<(_, _)> = content.map_nodes.iter().map(|n| (n.id, n.level)).collect();
        tidy_up(&content).apply(&mut content, at(1));
        assert_sound(&content);
        for (id, level) in levels {
            let node = content.map_nodes.iter().find(|n| n.id == id).unwrap();
            prop_assert_eq!(node.level, level);
        }
        // No two nodes overlap after tidying.
        for (i, a) in content.map_nodes.iter().enumerate() {
            for b in &content.map_nodes[i + 1..] {
                prop_assert!(!geometry::node_rect(a).intersects(&geometry::node_rect(b)) || a.level != b.level,
                    "{:?} and {:?} overlap", a.label, b.label);
            }
        }
    }

    /// Any map written as a `.canvas` follows the JSON Canvas rules and reads back as the same
    /// map: same nodes in the same places with the same kinds, levels and polarities, and the
    /// same links.
    #[test]
    fn any_map_round_trips_through_json_canvas(seed in any::<u64>()) {
        let (_, content) = generate_review(seed, ReviewSize::SMALL, at(0));
        let canvas = to_canvas(&content, CategoryScheme::Scie);
        prop_assert_eq!(check_canvas(&canvas), Vec::<String>::new());
        let text = write_canvas(&canvas);
        let read = read_canvas(text.as_bytes(), &content, &mut SeededIds::new(seed), at(1)).unwrap();
        prop_assert!(read.repairs.is_empty(), "{:?}", read.repairs);
        let mut original: Vec<_> = content.map_nodes.iter()
            .map(|n| (n.label.clone(), n.kind, n.level, n.polarity, n.x, n.y, n.category.clone(), n.evidence.len())).collect();
        let mut back: Vec<_> = read.nodes.iter()
            .map(|n| (n.label.clone(), n.kind, n.level, n.polarity, n.x, n.y, n.category.clone(), n.evidence.len())).collect();
        original.sort();
        back.sort();
        prop_assert_eq!(original, back);
        prop_assert_eq!(read.links.len(), content.map_links.len());
    }
}

#[test]
fn removing_an_episode_removes_it_from_the_map_nodes_that_cite_it() {
    let (_, mut content) = generate_review(4, ReviewSize::SMALL, at(0));
    let episode = content.episodes[0].id;
    let evidence = EvidenceRef {
        kind: EvidenceKind::Episode,
        id: episode,
    };
    content.map_nodes[0].evidence.push(evidence);
    let node = content.map_nodes[0].id;
    assert_eq!(
        sightline_core::map::nodes_citing(&content, evidence)
            .iter()
            .filter(|n| n.id == node)
            .count(),
        1
    );
    let changes = content.remove_with_references(RecordKind::Episode, episode, at(5));
    assert!(changes.contains(&sightline_core::content::Change::Put(
        RecordKind::MapNode,
        node
    )));
    assert!(sightline_core::map::nodes_citing(&content, evidence).is_empty());
}

#[test]
fn the_map_travels_in_review_files_and_keep_both_relinks_it() {
    let (review, content) = generate_review(8, ReviewSize::SMALL, at(0));
    let text = write_review_file(&review, &content, at(1), "0.1.0");
    let read = read_review_file(text.as_bytes(), &mut SeededIds::new(1)).unwrap();
    assert_eq!(map_of(&read.value.content), map_of(&content));
    let copy = with_new_ids(
        ReviewFile {
            review,
            content: content.clone(),
            based_on: None,
        },
        &mut SeededIds::new(2),
    );
    let ids: BTreeSet<_> = copy.content.map_nodes.iter().map(|n| n.id).collect();
    assert!(content.map_nodes.iter().all(|n| !ids.contains(&n.id)));
    for link in &copy.content.map_links {
        assert!(ids.contains(&link.from) && ids.contains(&link.to));
    }
    for node in &copy.content.map_nodes {
        for evidence in &node.evidence {
            assert!(evidence.exists(&copy.content));
        }
    }
}

#[test]
fn a_file_with_a_broken_map_is_repaired_and_says_so() {
    let (review, mut content) = generate_review(12, ReviewSize::SMALL, at(0));
    content.map_nodes[0].y = 5_000;
    let first = content.map_nodes[0].id;
    content.map_links[0].to = sightline_core::RecordId::fixed(42);
    content.map_nodes[1].evidence.push(EvidenceRef {
        kind: EvidenceKind::Reflection,
        id: sightline_core::RecordId::fixed(43),
    });
    let text = write_review_file(&review, &content, at(1), "0.1.0");
    let read = read_review_file(text.as_bytes(), &mut SeededIds::new(1)).unwrap();
    assert_eq!(read.repairs.len(), 3, "{:?}", read.repairs);
    let node = read
        .value
        .content
        .map_nodes
        .iter()
        .find(|n| n.id == first)
        .unwrap();
    assert_eq!(level_at(node.y as f64), node.level);
    assert_eq!(
        read.value.content.map_links.len(),
        content.map_links.len() - 1
    );
}
