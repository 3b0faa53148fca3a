//! Sightline's domain: Learning Reviews, their lifecycle and due-date rules, their content, and the
//! files and records they are stored in.
//!
//! This crate is pure Rust. It has no browser, UI or storage dependency, so its rules run and are
//! tested natively. Anything that depends on the outside world is passed in: the clock as a
//! `DateTime<Utc>` or a UK calendar date, new ids as random bytes.

// Leaves: vocabulary every other module may use.
pub mod dates;
pub mod factors;
pub mod form;
pub mod ids;
pub mod markup;
pub mod text;
// The record kernel, then the review's own details and lifecycle, then its content.
pub mod content;
pub mod record;
pub mod review;
// What is done with the content.
pub mod anonymise;
pub mod chronology_csv;
pub mod map;
pub mod render;
pub mod report;
pub mod search;
// Files and storage, which use all of the above.
pub mod format;
pub mod restore_points;
pub mod sync;
/// Made-up reviews of any size for tests and benchmarks (the `testing` feature).
#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub use content::ReviewContent;
pub use dates::{format_uk_date, uk_civil_date, DateLabel, DateParts, DateProblem};
pub use form::FieldError;
pub use ids::{IdSource, RecordId, ReviewId};
pub use record::{Record, RecordKind};
pub use review::lifecycle::{
    lifecycle, next_due, DueDate, LifecycleRow, Milestone, MilestoneState, NextDue, Stage,
    Timescales,
};
pub use review::new_review::{NewReview, NewReviewForm};
pub use review::summary::{ReviewListQuery, ReviewSummary};
pub use review::{ParallelProceedings, Review, ReviewStatus, ReviewType, StageDates};
