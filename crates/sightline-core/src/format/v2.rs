//! Version 2 of Sightline's file format, frozen: version 1 and the systems-factor map.
//!
//! What version 2 adds to version 1: the review's `map_scheme` (the categories its map uses),
//! and two lists in the content, `map_nodes` and `map_links`. Everything else is version 1's,
//! field for field, so these types embed version 1's. A version 1 file becomes a version 2 one
//! by gaining an empty map (`migrate_v1`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::v1::{content_v1, ContentV1, ReviewV1};
use crate::content::ReviewContent;
use crate::ids::RecordId;
use crate::map::{
    CategoryScheme, EvidenceKind, EvidenceRef, Level, LinkKind, MapLink, MapNode, NodeKind,
    Polarity, Strength,
};
use crate::review::Review;

/// The format version these types describe.
pub const VERSION: u32 = 2;

/// A review's details, as version 2 writes them: version 1's, and the map's category scheme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewV2 {
    #[serde(flatten)]
    pub v1: ReviewV1,
    #[serde(default)]
    pub map_scheme: CategoryScheme,
}

impl From<&Review> for ReviewV2 {
    fn from(review: &Review) -> Self {
        Self {
            v1: ReviewV1::from(review),
            map_scheme: review.map_scheme,
        }
    }
}

impl ReviewV2 {
    /// The review this describes, with a note for each thing version 1's reader repaired.
    pub fn into_review(self, repairs: &mut Vec<String>) -> Review {
        let mut review = self.v1.into_review(repairs);
        review.map_scheme = self.map_scheme;
        review
    }
}

/// A piece of evidence a map node cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceV2 {
    pub kind: EvidenceKind,
    pub id: RecordId,
}

/// A node of the systems-factor map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapNodeV2 {
    pub id: RecordId,
    #[serde(default)]
    pub kind: NodeKind,
    pub label: String,
    #[serde(default)]
    pub level: Level,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub polarity: Polarity,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub evidence: Vec<EvidenceV2>,
    #[serde(default)]
    pub x: i32,
    #[serde(default)]
    pub y: i32,
    pub updated_at: DateTime<Utc>,
}

/// A link of the systems-factor map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapLinkV2 {
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

impl From<&MapNode> for MapNodeV2 {
    fn from(n: &MapNode) -> Self {
        Self {
            id: n.id,
            kind: n.kind,
            label: n.label.clone(),
            level: n.level,
            category: n.category.clone(),
            polarity: n.polarity,
            note: n.note.clone(),
            evidence: n
                .evidence
                .iter()
                .map(|e| EvidenceV2 {
                    kind: e.kind,
                    id: e.id,
                })
                .collect(),
            x: n.x,
            y: n.y,
            updated_at: n.updated_at,
        }
    }
}

impl From<MapNodeV2> for MapNode {
    fn from(n: MapNodeV2) -> Self {
        Self {
            id: n.id,
            kind: n.kind,
            label: n.label,
            level: n.level,
            category: n.category,
            polarity: n.polarity,
            note: n.note,
            evidence: n
                .evidence
                .into_iter()
                .map(|e| EvidenceRef {
                    kind: e.kind,
                    id: e.id,
                })
                .collect(),
            x: n.x,
            y: n.y,
            updated_at: n.updated_at,
        }
    }
}

impl From<&MapLink> for MapLinkV2 {
    fn from(l: &MapLink) -> Self {
        Self {
            id: l.id,
            from: l.from,
            to: l.to,
            kind: l.kind,
            strength: l.strength,
            note: l.note.clone(),
            updated_at: l.updated_at,
        }
    }
}

impl From<MapLinkV2> for MapLink {
    fn from(l: MapLinkV2) -> Self {
        Self {
            id: l.id,
            from: l.from,
            to: l.to,
            kind: l.kind,
            strength: l.strength,
            note: l.note,
            updated_at: l.updated_at,
        }
    }
}

/// A review's content, as version 2 writes it: version 1's lists, then the map's, each sorted
/// by id.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContentV2 {
    #[serde(flatten)]
    pub v1: ContentV1,
    pub map_nodes: Vec<MapNodeV2>,
    pub map_links: Vec<MapLinkV2>,
}

/// Content in version 2 form.
pub fn content_v2(content: &ReviewContent) -> ContentV2 {
    let mut map_nodes: Vec<MapNodeV2> = content.map_nodes.iter().map(MapNodeV2::from).collect();
    let mut map_links: Vec<MapLinkV2> = content.map_links.iter().map(MapLinkV2::from).collect();
    map_nodes.sort_by_key(|r| r.id);
    map_links.sort_by_key(|r| r.id);
    ContentV2 {
        v1: content_v1(content),
        map_nodes,
        map_links,
    }
}

/// Brings a version 1 body up to version 2: every review in it gains an empty map and the
/// default category scheme. (The reader would default them anyway; writing them out keeps each
/// step of the chain explicit and testable.)
pub fn migrate_v1(mut body: Value) -> Value {
    fn add_map(review_body: &mut Value) {
        if let Some(content) = review_body
            .get_mut("content")
            .and_then(Value::as_object_mut)
        {
            content
                .entry("map_nodes")
                .or_insert_with(|| Value::Array(Vec::new()));
            content
                .entry("map_links")
                .or_insert_with(|| Value::Array(Vec::new()));
        }
        if let Some(review) = review_body.get_mut("review").and_then(Value::as_object_mut) {
            review
                .entry("map_scheme")
                .or_insert_with(|| Value::String("scie".into()));
        }
    }
    add_map(&mut body);
    if let Some(reviews) = body.get_mut("reviews").and_then(Value::as_array_mut) {
        reviews.iter_mut().for_each(add_map);
    }
    body
}
