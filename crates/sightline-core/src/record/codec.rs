//! How a review and its records are written into browser storage, and read back.
//!
//! Each record carries a version number. Reading accepts every version this build knows and
//! refuses newer ones with a message, rather than guessing at data it does not understand.
//! (The shareable file format comes later and builds on the same model.)

use serde::{Deserialize, Serialize};

use super::Record;
use crate::review::summary::ReviewSummary;
use crate::review::Review;

/// The version of the stored records this build writes.
///
/// 2 (issue 13): the review gained its notification, returns, decision, notices, set-up and
/// delay log. A tab still running a build that knows only version 1 would read such a review
/// without them and drop them on its next save, so it is told to reload instead.
///
/// 3 (issue 14): the review gained the Reviewer's report, for the same reason.
///
/// 4 (issue 15): the review gained the log of sharing the learning.
pub const RECORD_VERSION: u32 = 4;

/// Why a stored record could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("The stored review is damaged and cannot be read ({0}).")]
    Damaged(String),
    #[error(
        "This review was saved by a newer version of Sightline (record version {0}). \
         Reload the page to get the newest version."
    )]
    NewerVersion(u32),
}

#[derive(Serialize)]
struct RecordOut<'a, T> {
    record_version: u32,
    #[serde(flatten)]
    body: &'a T,
}

#[derive(Deserialize)]
struct VersionOnly {
    #[serde(default = "first_version")]
    record_version: u32,
}

fn first_version() -> u32 {
    1
}

fn check_version(text: &str) -> Result<(), RecordError> {
    let version: VersionOnly =
        serde_json::from_str(text).map_err(|e| RecordError::Damaged(e.to_string()))?;
    if version.record_version > RECORD_VERSION {
        return Err(RecordError::NewerVersion(version.record_version));
    }
    Ok(())
}

/// Writes a review as stored JSON.
pub fn encode_review(review: &Review) -> String {
    serde_json::to_string(&RecordOut {
        record_version: RECORD_VERSION,
        body: review,
    })
    .expect("a review always serialises")
}

/// Reads a review from stored JSON, from any record version this build knows.
pub fn decode_review(text: &str) -> Result<Review, RecordError> {
    check_version(text)?;
    serde_json::from_str(text).map_err(|e| RecordError::Damaged(e.to_string()))
}

/// Writes a review's summary as stored JSON.
pub fn encode_summary(summary: &ReviewSummary) -> String {
    serde_json::to_string(&RecordOut {
        record_version: RECORD_VERSION,
        body: summary,
    })
    .expect("a summary always serialises")
}

/// Reads a summary from stored JSON.
pub fn decode_summary(text: &str) -> Result<ReviewSummary, RecordError> {
    check_version(text)?;
    serde_json::from_str(text).map_err(|e| RecordError::Damaged(e.to_string()))
}

/// Writes a content record as stored JSON.
pub fn encode_record<T: Record>(record: &T) -> String {
    serde_json::to_string(&RecordOut {
        record_version: RECORD_VERSION,
        body: record,
    })
    .expect("a record always serialises")
}

/// Reads a content record from stored JSON.
pub fn decode_record<T: Record>(text: &str) -> Result<T, RecordError> {
    check_version(text)?;
    serde_json::from_str(text).map_err(|e| RecordError::Damaged(e.to_string()))
}
