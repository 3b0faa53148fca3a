//! Version 5 of Sightline's file format: version 4 and the Reviewer's report.
//!
//! What version 5 adds to version 4: `report` in the review's details — its sections (the
//! reviewer's text and what drafting last wrote), the core data (each line with "include"),
//! the answers to the review questions, the appendices chosen, the issued versions by id (each
//! read-only: name, who issued it by role, when, and its sections), the Review Team's comments
//! by id, the identifying-details check's dismissals and its last confirmation.
//!
//! The report is written as the core's own types (`report::Report`), which are this version's
//! contract: a change to them that changes their JSON must copy the old shape here first and
//! add a version 6. The byte-for-byte fixture test catches a change made by mistake.
//!
//! A version 4 body is a version 5 body with no report, so the migration ([`migrate_v4`])
//! changes nothing in it. A report that cannot be read does not stop the review opening: the
//! review opens without it and the repair says so.

use serde::Serialize;
use serde_json::Value;

use super::json::read_part;
use super::v4::ReviewV4;
use crate::report::Report;
use crate::review::Review;

/// The format version these types describe.
pub const VERSION: u32 = 5;

/// A review's details, as version 5 writes them.
#[derive(Serialize)]
pub struct ReviewV5Out<'a> {
    #[serde(flatten)]
    pub v4: ReviewV4,
    pub report: &'a Report,
}

impl<'a> From<&'a Review> for ReviewV5Out<'a> {
    fn from(review: &'a Review) -> Self {
        Self {
            v4: ReviewV4::from(review),
            report: &review.report,
        }
    }
}

/// Reads a review's details as version 5 writes them: version 4's fields (through
/// [`ReviewV4`], whose errors name the field), then the report on its own, so that a damaged
/// report is reported rather than refusing the whole review.
pub fn read_review(value: &Value, repairs: &mut Vec<String>) -> Result<Review, String> {
    let v4: ReviewV4 = read_part("the review", value)?;
    let mut review = v4.into_review(repairs);
    if let Some(report) = value.get("report").filter(|v| !v.is_null()) {
        match read_part::<Report>("the report", report) {
            Ok(report) => review.report = report,
            Err(problem) => repairs.push(format!(
                "The Reviewer\u{2019}s report in this file could not be read ({problem}), so the review is opened without it. Keep the file: nothing in it has been changed."
            )),
        }
    }
    Ok(review)
}

/// Brings a version 4 body up to version 5. The report has a default, so the body is already
/// a version 5 one.
pub fn migrate_v4(body: Value) -> Value {
    body
}
