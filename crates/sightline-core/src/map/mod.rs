//! The systems-factor map (DOMAIN.md section 4): the factors at each level of the system that
//! shaped what happened, how they link, and the evidence for each.
//!
//! A map is two kinds of record in a review's content: [`MapNode`]s, each placed in one of the
//! horizontal bands of [`Level`], and typed, directed [`MapLink`]s between them. Positions are
//! whole map units; the bands, node sizes and snapping are in [`geometry`]. Every change goes
//! through a [`edit::MapEdit`], so it can be undone ([`edit::History`]).

pub mod edit;
pub mod geometry;
pub mod layout;
pub mod svg;

pub use crate::content::systems_map::*;
pub use crate::factors::{category_label, find_category, Category, CategoryScheme};

use std::collections::HashMap;

use crate::content::{tidy, ReviewContent};
use crate::form::FieldError;
use crate::ids::RecordId;

/// The label of the node with `id` in `content`, or "a removed node".
pub fn node_label(content: &ReviewContent, id: RecordId) -> &str {
    content
        .get::<MapNode>(id)
        .map(|n| n.label.as_str())
        .unwrap_or("a removed node")
}

/// A link in words, from the point of view of `node`: "contributes to Workload" or
/// "Workload contributes to this".
pub fn describe_link(content: &ReviewContent, link: &MapLink, node: RecordId) -> String {
    if link.from == node {
        format!("{} {}", link.caption(), node_label(content, link.to))
    } else {
        format!("{} {} this", node_label(content, link.from), link.caption())
    }
}

/// The nodes in reading order: band by band from the top, then left to right, then top to
/// bottom within a band. Tab and the outline follow it.
pub fn reading_order(content: &ReviewContent) -> Vec<&MapNode> {
    let mut nodes: Vec<&MapNode> = content.map_nodes.iter().collect();
    nodes.sort_by_key(|n| (n.level.index(), n.x, n.y, n.id));
    nodes
}

/// The links that start or end at `node`.
pub fn links_of(content: &ReviewContent, node: RecordId) -> Vec<&MapLink> {
    content
        .map_links
        .iter()
        .filter(|l| l.from == node || l.to == node)
        .collect()
}

/// The nodes that cite a piece of evidence (from an episode's page: "cited on the map by").
pub fn nodes_citing(content: &ReviewContent, evidence: EvidenceRef) -> Vec<&MapNode> {
    content
        .map_nodes
        .iter()
        .filter(|n| n.evidence.contains(&evidence))
        .collect()
}

/// Every node's index in `content.map_nodes`, for lookups on big maps.
pub fn node_index(content: &ReviewContent) -> HashMap<RecordId, usize> {
    content
        .map_nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id, i))
        .collect()
}

/// The node form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeForm {
    pub kind: NodeKind,
    pub label: String,
    pub level: Level,
    pub category: Option<String>,
    pub polarity: Polarity,
    pub note: String,
}

/// The longest node label: it has to fit on the node.
pub const MAX_LABEL_CHARS: usize = 120;

impl NodeForm {
    pub fn from_node(node: &MapNode) -> Self {
        Self {
            kind: node.kind,
            label: node.label.clone(),
            level: node.level,
            category: node.category.clone(),
            polarity: node.polarity,
            note: node.note.clone(),
        }
    }

    /// Checks the form and writes it into `node` (moving it into its level's band if the level
    /// changed).
    pub fn apply(&self, node: &mut MapNode) -> Result<(), Vec<FieldError>> {
        let label = tidy(&self.label);
        if label.is_empty() {
            return Err(vec![FieldError::new(
                "node-label",
                "Enter what the node stands for, such as \u{201c}High caseloads in the team\u{201d}",
            )]);
        }
        if label.chars().count() > MAX_LABEL_CHARS {
            return Err(vec![FieldError::new(
                "node-label",
                format!(
                    "The label must be {MAX_LABEL_CHARS} characters or fewer; put the detail in the note"
                ),
            )]);
        }
        node.kind = self.kind;
        node.label = label;
        node.category = self.category.clone().filter(|c| !c.trim().is_empty());
        node.polarity = self.polarity;
        node.note = self.note.trim().to_owned();
        if node.level != self.level {
            let (x, y) = geometry::place(self.level, node.x, geometry::band_top(self.level));
            node.level = self.level;
            node.x = x;
            node.y = y;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_key_is_unique_and_found_with_its_scheme() {
        let mut seen = std::collections::HashSet::new();
        for scheme in CategoryScheme::ALL {
            for c in scheme.categories() {
                assert!(seen.insert(c.key), "{} twice", c.key);
                assert!(c.key.starts_with(scheme.key()));
                assert_eq!(find_category(c.key), Some((scheme, *c)));
            }
        }
        assert_eq!(
            category_label("seips.tasks", CategoryScheme::Scie),
            "Tasks (SEIPS)"
        );
        assert_eq!(category_label("scie.team", CategoryScheme::Scie), "Team");
    }

    #[test]
    fn link_kinds_are_found_by_their_words() {
        for kind in LinkKind::ALL {
            assert_eq!(LinkKind::from_label(kind.label()), Some(kind));
            assert_eq!(
                LinkKind::from_label(&format!("{} (strong)", kind.label().to_uppercase())),
                Some(kind)
            );
        }
        assert_eq!(LinkKind::from_label("causes"), None);
    }
}
