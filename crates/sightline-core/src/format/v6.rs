//! Version 6 of Sightline's file format: version 5 and sharing the learning.
//!
//! What version 6 adds to version 5: `dissemination` in the review's details, each time the
//! learning was shared by id (`{on, channel, audience, agencies, people, delivered_by}`),
//! written as the core's own type (`review::dissemination::Sharing`), which is this version's
//! contract. A version 5 body is a version 6 body with an empty log, so the migration
//! ([`migrate_v5`]) changes nothing in it.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::json::read_part;
use super::v5::ReviewV5Out;
use crate::ids::RecordId;
use crate::review::dissemination::Sharing;
use crate::review::Review;

/// The format version these types describe.
pub const VERSION: u32 = 6;

/// A review's details, as version 6 writes them.
#[derive(Serialize)]
pub struct ReviewV6Out<'a> {
    #[serde(flatten)]
    pub v5: ReviewV5Out<'a>,
    pub dissemination: &'a BTreeMap<RecordId, Sharing>,
}

impl<'a> From<&'a Review> for ReviewV6Out<'a> {
    fn from(review: &'a Review) -> Self {
        Self {
            v5: ReviewV5Out::from(review),
            dissemination: &review.dissemination,
        }
    }
}

/// Reads a review's details as version 6 writes them: version 5's, then the log, whose errors
/// name the entry's field.
pub fn read_review(value: &Value, repairs: &mut Vec<String>) -> Result<Review, String> {
    let mut review = super::v5::read_review(value, repairs)?;
    if let Some(log) = value.get("dissemination").filter(|v| !v.is_null()) {
        review.dissemination = read_part("the review\u{2019}s log of sharing the learning", log)?;
    }
    Ok(review)
}

/// Brings a version 5 body up to version 6: the log has a default, so nothing changes.
pub fn migrate_v5(body: Value) -> Value {
    body
}
