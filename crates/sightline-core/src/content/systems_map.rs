//! The systems-factor map's records (DOMAIN.md section 4): [`MapNode`]s, each placed in one of
//! the bands of [`Level`], and typed, directed [`MapLink`]s between them, with the evidence a
//! node cites. What is done with them (editing, layout, drawing, files) is in `crate::map`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{record, ReviewContent};
use crate::ids::RecordId;
use crate::record::RecordKind;

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
record!(MapNode, RecordKind::MapNode, map_nodes, links(node, links) {
    links.list_by(&mut node.evidence, |evidence| (evidence.kind.record_kind(), &mut evidence.id));
});

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
record!(MapLink, RecordKind::MapLink, map_links, links(link, links) {
    links.required(RecordKind::MapNode, &mut link.from);
    links.required(RecordKind::MapNode, &mut link.to);
});

impl MapLink {
    /// The words on the link: "contributes to (strong)".
    pub fn caption(&self) -> String {
        match self.strength {
            Some(strength) => format!("{} ({})", self.kind.label(), strength.label()),
            None => self.kind.label().to_owned(),
        }
    }
}
