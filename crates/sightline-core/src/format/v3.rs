//! Version 3 of Sightline's file format: version 2 and what the review learned.
//!
//! What version 3 adds to version 2: three lists in the content, `findings`, `actions` and
//! `briefings`. Their records are written as the core's own types (`learning::Finding`,
//! `Action`, `Briefing`), which are this version's contract: a change to those types that
//! changes their JSON must copy the old shape here first, as versions 1 and 2 do, and add a
//! version 4. The byte-for-byte fixture test catches a change made by mistake.
//!
//! The identifier watchlist is never written to any file, in any version.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::v2::{content_v2, ContentV2, ReviewV2};
use crate::content::ReviewContent;
use crate::content::{Action, Briefing, Finding};
use crate::review::Review;

/// The format version these types describe.
pub const VERSION: u32 = 3;

/// A review's details, as version 3 writes them: version 2's, and when each detail field last
/// changed (`crate::review::details`), so that copies merge field by field.
///
/// The two time fields were added to version 3 after its release without a new version: they
/// are optional, written only when there is something in them (so files of reviews from
/// before them are written exactly as before), and a reader that does not know them ignores
/// them, so a file from this build still opens in an older build of version 3 (whose merge
/// then treats the details as one unit, as it always did).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewV3 {
    #[serde(flatten)]
    pub v2: ReviewV2,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_changed_at: BTreeMap<String, DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields_tracked_since: Option<DateTime<Utc>>,
}

impl From<&Review> for ReviewV3 {
    fn from(review: &Review) -> Self {
        Self {
            v2: ReviewV2::from(review),
            field_changed_at: review.field_changed_at.clone(),
            fields_tracked_since: review.fields_tracked_since,
        }
    }
}

impl ReviewV3 {
    /// The review this describes, with a note for each thing the older versions' readers
    /// repaired.
    pub fn into_review(self, repairs: &mut Vec<String>) -> Review {
        let mut review = self.v2.into_review(repairs);
        review.field_changed_at = self.field_changed_at;
        review.fields_tracked_since = self.fields_tracked_since;
        review
    }
}

/// A review's content, as version 3 writes it: version 2's lists, then the learning's, each
/// sorted by id.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContentV3 {
    #[serde(flatten)]
    pub v2: ContentV2,
    pub findings: Vec<Finding>,
    pub actions: Vec<Action>,
    pub briefings: Vec<Briefing>,
}

/// Content in version 3 form. The watchlist is left out.
pub fn content_v3(content: &ReviewContent) -> ContentV3 {
    let mut findings = content.findings.clone();
    let mut actions = content.actions.clone();
    let mut briefings = content.briefings.clone();
    findings.sort_by_key(|r| r.id);
    actions.sort_by_key(|r| r.id);
    briefings.sort_by_key(|r| r.id);
    ContentV3 {
        v2: content_v2(content),
        findings,
        actions,
        briefings,
    }
}

/// Brings a version 2 body up to version 3: every review in it gains empty findings, actions
/// and briefings.
pub fn migrate_v2(mut body: Value) -> Value {
    fn add_learning(review_body: &mut Value) {
        if let Some(content) = review_body
            .get_mut("content")
            .and_then(Value::as_object_mut)
        {
            for field in ["findings", "actions", "briefings"] {
                content
                    .entry(field)
                    .or_insert_with(|| Value::Array(Vec::new()));
            }
        }
    }
    add_learning(&mut body);
    if let Some(reviews) = body.get_mut("reviews").and_then(Value::as_array_mut) {
        reviews.iter_mut().for_each(add_learning);
    }
    body
}
