//! The systems-factor map (DOMAIN.md section 4): the factors at each level of the system that
//! shaped what happened, how they link, and the evidence for each.
//!
//! A map is two kinds of record in a review's content: [`MapNode`]s, each placed in one of the
//! horizontal bands of [`Level`], and typed, directed [`MapLink`]s between them. Positions are
//! whole map units; the bands, node sizes and snapping are in [`geometry`]. Every change goes
//! through a [`edit::MapEdit`], so it can be undone ([`edit::History`]).

pub mod canvas;
pub mod edit;
pub mod geometry;
pub mod layout;
pub mod svg;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::content::{record, tidy, RecordKind, ReviewContent};
use crate::ids::RecordId;
use crate::validation::FieldError;

/// The levels of the system, the map's bands from top to bottom (AcciMap style).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Government, regulators, inspectorates.
    National,
    /// The protection committee and chief officers.
    Committee,
    AgencyManagement,
    TeamSupervision,
    #[default]
    Frontline,
    /// The child or adult, their family and community.
    FamilyCommunity,
}

impl Level {
    /// Every level, top band first.
    pub const ALL: [Level; 6] = [
        Level::National,
        Level::Committee,
        Level::AgencyManagement,
        Level::TeamSupervision,
        Level::Frontline,
        Level::FamilyCommunity,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Level::National => "National: government, regulators and inspectorates",
            Level::Committee => "Committee and chief officers",
            Level::AgencyManagement => "Agency management",
            Level::TeamSupervision => "Team and supervision",
            Level::Frontline => "Frontline practice",
            Level::FamilyCommunity => "Child or adult, family and community",
        }
    }

    /// A short name, for menus and the canvas's band labels.
    pub fn short_label(self) -> &'static str {
        match self {
            Level::National => "National",
            Level::Committee => "Committee and chief officers",
            Level::AgencyManagement => "Agency management",
            Level::TeamSupervision => "Team and supervision",
            Level::Frontline => "Frontline practice",
            Level::FamilyCommunity => "Child or adult, family and community",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Committee => "committee",
            Level::AgencyManagement => "agency_management",
            Level::TeamSupervision => "team_supervision",
            Level::Frontline => "frontline",
            Level::FamilyCommunity => "family_community",
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    /// Its position from the top, 0 to 5.
    pub fn index(self) -> usize {
        Level::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    pub fn from_index(index: usize) -> Option<Level> {
        Level::ALL.get(index).copied()
    }
}

/// What a node on the map stands for.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// An outcome or event: what happened.
    Outcome,
    /// A key practice episode.
    Episode,
    #[default]
    ContributoryFactor,
    UnderlyingPattern,
    /// A protective factor or effective practice.
    Protective,
    Action,
}

impl NodeKind {
    pub const ALL: [NodeKind; 6] = [
        NodeKind::Outcome,
        NodeKind::Episode,
        NodeKind::ContributoryFactor,
        NodeKind::UnderlyingPattern,
        NodeKind::Protective,
        NodeKind::Action,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Outcome => "Outcome or event",
            NodeKind::Episode => "Key practice episode",
            NodeKind::ContributoryFactor => "Contributory factor",
            NodeKind::UnderlyingPattern => "Underlying pattern",
            NodeKind::Protective => "Protective factor or effective practice",
            NodeKind::Action => "Action",
        }
    }

    /// The word shown on the node itself, so its kind is never told by shape or colour alone.
    pub fn caption(self) -> &'static str {
        match self {
            NodeKind::Outcome => "OUTCOME",
            NodeKind::Episode => "EPISODE",
            NodeKind::ContributoryFactor => "FACTOR",
            NodeKind::UnderlyingPattern => "PATTERN",
            NodeKind::Protective => "PROTECTIVE",
            NodeKind::Action => "ACTION",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            NodeKind::Outcome => "outcome",
            NodeKind::Episode => "episode",
            NodeKind::ContributoryFactor => "contributory_factor",
            NodeKind::UnderlyingPattern => "underlying_pattern",
            NodeKind::Protective => "protective",
            NodeKind::Action => "action",
        }
    }

    pub fn from_key(key: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The polarity a new node of this kind starts with.
    pub fn usual_polarity(self) -> Polarity {
        match self {
            NodeKind::Protective | NodeKind::Action => Polarity::Helped,
            _ => Polarity::Hindered,
        }
    }
}

/// Whether a factor helped, hindered, or both.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Helped,
    #[default]
    Hindered,
    Both,
}

impl Polarity {
    pub const ALL: [Polarity; 3] = [Polarity::Helped, Polarity::Hindered, Polarity::Both];

    pub fn label(self) -> &'static str {
        match self {
            Polarity::Helped => "Helped",
            Polarity::Hindered => "Hindered",
            Polarity::Both => "Both",
        }
    }

    /// The sign drawn on the node: +, − or ±.
    pub fn sign(self) -> &'static str {
        match self {
            Polarity::Helped => "+",
            Polarity::Hindered => "\u{2212}",
            Polarity::Both => "\u{b1}",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Polarity::Helped => "helped",
            Polarity::Hindered => "hindered",
            Polarity::Both => "both",
        }
    }

    pub fn from_key(key: &str) -> Option<Polarity> {
        Polarity::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The set of categories a review sorts its factors into. One per review, switchable: a node
/// keeps its category when the scheme changes, shown with the scheme it came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryScheme {
    /// SCIE Learning Together: factor types and underlying patterns.
    #[default]
    Scie,
    /// SEIPS: the work system.
    Seips,
    Fishbone,
}

/// A category of factor within a scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    /// Stored on the node: "scie.conditions_of_work".
    pub key: &'static str,
    pub label: &'static str,
    /// The group it is listed under: "Factor types", "Underlying patterns".
    pub group: &'static str,
}

const fn category(key: &'static str, label: &'static str, group: &'static str) -> Category {
    Category { key, label, group }
}

const SCIE: [Category; 15] = [
    category("scie.family", "Family", "Factor types"),
    category("scie.staff", "Staff", "Factor types"),
    category("scie.role", "Role", "Factor types"),
    category(
        "scie.conditions_of_work",
        "Conditions of work",
        "Factor types",
    ),
    category("scie.team", "Team", "Factor types"),
    category("scie.inter_agency", "Inter-agency", "Factor types"),
    category("scie.management", "Management", "Factor types"),
    category("scie.tools", "Tools", "Factor types"),
    category("scie.policy", "Policy", "Factor types"),
    category(
        "scie.pattern.human_tool",
        "Human\u{2013}tool operation",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.human_management",
        "Human\u{2013}management system",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.multi_agency_crisis",
        "Multi-agency working in response to incidents and crises",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.multi_agency_longer_term",
        "Multi-agency working in longer-term work",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.human_reasoning",
        "Human reasoning: cognitive and emotional biases",
        "Underlying patterns",
    ),
    category(
        "scie.pattern.family_professional",
        "Family\u{2013}professional interaction",
        "Underlying patterns",
    ),
];

const SEIPS: [Category; 6] = [
    category("seips.person", "Person", "Work system"),
    category("seips.tasks", "Tasks", "Work system"),
    category(
        "seips.tools_technology",
        "Tools and technology",
        "Work system",
    ),
    category("seips.organisation", "Organisation", "Work system"),
    category(
        "seips.internal_environment",
        "Internal environment",
        "Work system",
    ),
    category(
        "seips.external_environment",
        "External environment",
        "Work system",
    ),
];

const FISHBONE: [Category; 6] = [
    category("fishbone.people", "People", "Causes"),
    category("fishbone.methods", "Methods", "Causes"),
    category("fishbone.tools", "Tools", "Causes"),
    category("fishbone.information", "Information", "Causes"),
    category("fishbone.measurement", "Measurement", "Causes"),
    category("fishbone.environment", "Environment", "Causes"),
];

impl CategoryScheme {
    pub const ALL: [CategoryScheme; 3] = [
        CategoryScheme::Scie,
        CategoryScheme::Seips,
        CategoryScheme::Fishbone,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CategoryScheme::Scie => "SCIE Learning Together: factor types and underlying patterns",
            CategoryScheme::Seips => "SEIPS work system",
            CategoryScheme::Fishbone => "Fishbone (cause and effect)",
        }
    }

    pub fn short_label(self) -> &'static str {
        match self {
            CategoryScheme::Scie => "SCIE",
            CategoryScheme::Seips => "SEIPS",
            CategoryScheme::Fishbone => "Fishbone",
        }
    }

    pub fn categories(self) -> &'static [Category] {
        match self {
            CategoryScheme::Scie => &SCIE,
            CategoryScheme::Seips => &SEIPS,
            CategoryScheme::Fishbone => &FISHBONE,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CategoryScheme::Scie => "scie",
            CategoryScheme::Seips => "seips",
            CategoryScheme::Fishbone => "fishbone",
        }
    }

    pub fn from_key(key: &str) -> Option<CategoryScheme> {
        CategoryScheme::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A category by its key, in whichever scheme it belongs to, with that scheme.
pub fn find_category(key: &str) -> Option<(CategoryScheme, Category)> {
    CategoryScheme::ALL.into_iter().find_map(|scheme| {
        scheme
            .categories()
            .iter()
            .find(|c| c.key == key)
            .map(|c| (scheme, *c))
    })
}

/// How a node's category reads under the review's current scheme: its label, with the other
/// scheme's name when it came from one.
pub fn category_label(key: &str, current: CategoryScheme) -> String {
    match find_category(key) {
        Some((scheme, category)) if scheme == current => category.label.to_owned(),
        Some((scheme, category)) => format!("{} ({})", category.label, scheme.short_label()),
        None => key.to_owned(),
    }
}

/// What kind of evidence a node cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Episode,
    Event,
    Reflection,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 3] = [
        EvidenceKind::Episode,
        EvidenceKind::Event,
        EvidenceKind::Reflection,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::Episode => "Key practice episode",
            EvidenceKind::Event => "Chronology event",
            EvidenceKind::Reflection => "Reflection",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            EvidenceKind::Episode => "episode",
            EvidenceKind::Event => "event",
            EvidenceKind::Reflection => "reflection",
        }
    }

    pub fn from_key(key: &str) -> Option<EvidenceKind> {
        EvidenceKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The kind of record it points at.
    pub fn record_kind(self) -> RecordKind {
        match self {
            EvidenceKind::Episode => RecordKind::Episode,
            EvidenceKind::Event => RecordKind::Event,
            EvidenceKind::Reflection => RecordKind::Reflection,
        }
    }
}

/// A piece of evidence a node cites: an episode, a chronology event or a reflection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EvidenceRef {
    pub kind: EvidenceKind,
    pub id: RecordId,
}

impl EvidenceRef {
    /// What the evidence is, in words ("Key practice episode: Missed visits"), or `None` when
    /// the record is gone.
    pub fn describe(&self, content: &ReviewContent) -> Option<String> {
        use crate::content::{ChronologyEvent, Episode, Reflection};
        let what = match self.kind {
            EvidenceKind::Episode => content.get::<Episode>(self.id)?.title.clone(),
            EvidenceKind::Event => {
                let event = content.get::<ChronologyEvent>(self.id)?;
                let date = event.date.display();
                let what: String = event.what_happened.chars().take(80).collect();
                if date.is_empty() {
                    what
                } else {
                    format!("{date}: {what}")
                }
            }
            EvidenceKind::Reflection => content.get::<Reflection>(self.id)?.title.clone(),
        };
        Some(format!("{}: {what}", self.kind.label()))
    }

    /// Whether the record it points at is in `content`.
    pub fn exists(&self, content: &ReviewContent) -> bool {
        use crate::content::{ChronologyEvent, Episode, Reflection};
        match self.kind {
            EvidenceKind::Episode => content.get::<Episode>(self.id).is_some(),
            EvidenceKind::Event => content.get::<ChronologyEvent>(self.id).is_some(),
            EvidenceKind::Reflection => content.get::<Reflection>(self.id).is_some(),
        }
    }
}

/// A node on the map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapNode {
    pub id: RecordId,
    #[serde(default)]
    pub kind: NodeKind,
    pub label: String,
    #[serde(default)]
    pub level: Level,
    /// A category key from one of the schemes ("scie.team"), if chosen.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub polarity: Polarity,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub evidence: Vec<EvidenceRef>,
    /// The top-left corner, in map units; always inside its level's band.
    #[serde(default)]
    pub x: i32,
    #[serde(default)]
    pub y: i32,
    pub updated_at: DateTime<Utc>,
}
record!(MapNode, RecordKind::MapNode, map_nodes);

/// What a link between two nodes says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    #[default]
    ContributesTo,
    /// Mitigates or protects against.
    Mitigates,
    /// Made sense because: local rationality.
    MadeSenseBecause,
    EvidencedBy,
    /// Addressed by an action.
    AddressedBy,
}

impl LinkKind {
    pub const ALL: [LinkKind; 5] = [
        LinkKind::ContributesTo,
        LinkKind::Mitigates,
        LinkKind::MadeSenseBecause,
        LinkKind::EvidencedBy,
        LinkKind::AddressedBy,
    ];

    /// The words on the link, read from its start to its end: "A contributes to B".
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::ContributesTo => "contributes to",
            LinkKind::Mitigates => "mitigates",
            LinkKind::MadeSenseBecause => "made sense because",
            LinkKind::EvidencedBy => "evidenced by",
            LinkKind::AddressedBy => "addressed by",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            LinkKind::ContributesTo => "contributes_to",
            LinkKind::Mitigates => "mitigates",
            LinkKind::MadeSenseBecause => "made_sense_because",
            LinkKind::EvidencedBy => "evidenced_by",
            LinkKind::AddressedBy => "addressed_by",
        }
    }

    pub fn from_key(key: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Finds a kind by its words on a link ("contributes to"), ignoring case.
    pub fn from_label(text: &str) -> Option<LinkKind> {
        let text = text.trim().to_lowercase();
        LinkKind::ALL
            .into_iter()
            .find(|k| text == k.label() || text.starts_with(&format!("{} (", k.label())))
    }
}

/// How strong a link is, when the review says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Weak,
    Moderate,
    Strong,
}

impl Strength {
    pub const ALL: [Strength; 3] = [Strength::Weak, Strength::Moderate, Strength::Strong];

    pub fn label(self) -> &'static str {
        match self {
            Strength::Weak => "weak",
            Strength::Moderate => "moderate",
            Strength::Strong => "strong",
        }
    }

    pub fn key(self) -> &'static str {
        self.label()
    }

    pub fn from_key(key: &str) -> Option<Strength> {
        Strength::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A directed, typed link from one node to another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapLink {
    pub id: RecordId,
    pub from: RecordId,
    pub to: RecordId,
    #[serde(default)]
    pub kind: LinkKind,
    #[serde(default)]
    pub strength: Option<Strength>,
    #[serde(default)]
    pub note: String,
    pub updated_at: DateTime<Utc>,
}
record!(MapLink, RecordKind::MapLink, map_links);

impl MapLink {
    /// The words on the link: "contributes to (strong)".
    pub fn caption(&self) -> String {
        match self.strength {
            Some(strength) => format!("{} ({})", self.kind.label(), strength.label()),
            None => self.kind.label().to_owned(),
        }
    }
}

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
