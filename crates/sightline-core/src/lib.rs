//! Sightline's domain: Learning Reviews, their lifecycle and due-date rules, validation, ids and the
//! record format they are stored in.
//!
//! This crate is pure Rust. It has no browser, UI or storage dependency, so its rules run and are
//! tested natively. Anything that depends on the outside world is passed in: the clock as a
//! `DateTime<Utc>` or a UK calendar date, new ids as random bytes.

pub mod anonymise;
pub mod chronology_csv;
pub mod content;
pub mod dates;
pub mod details;
pub mod format;
pub mod generate;
pub mod ids;
pub mod learning;
pub mod lifecycle;
pub mod map;
pub mod markup;
pub mod record;
pub mod render;
pub mod restore_points;
pub mod review;
pub mod search;
pub mod summary;
pub mod sync;
pub mod text;
pub mod validation;

pub use content::{Record, RecordKind, ReviewContent};
pub use dates::{format_uk_date, uk_civil_date, DateLabel, DateParts, DateProblem};
pub use ids::{IdSource, RecordId, ReviewId};
pub use lifecycle::{
    lifecycle, next_due, DueDate, LifecycleRow, Milestone, MilestoneState, NextDue, Stage,
    Timescales,
};
pub use review::{ParallelProceedings, Review, ReviewStatus, ReviewType, StageDates};
pub use summary::{ReviewListQuery, ReviewSummary};
pub use validation::{FieldError, NewReview, NewReviewForm};
