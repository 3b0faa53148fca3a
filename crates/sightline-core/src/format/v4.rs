//! Version 4 of Sightline's file format: version 3 and the review from notification to set-up.
//!
//! What version 4 adds to version 3, all in the review's details:
//! - `notification` (who notified by role and agency, the criteria met, a brief outline),
//!   `agency_returns` (by id: agency, dates asked, due and received), `recommendation`,
//!   `decision` (outcome, reasons, who, ratification; its date is the stage date
//!   `decision_made`), `notices` (reference and what was sent for each Care Inspectorate
//!   notice; their dates are stage dates), `setup` (Review Team, model, scope, period,
//!   questions, Family Liaison Strategy with its contacts, staff support) and `delays` (by id:
//!   date and reason);
//! - two timescales, `decision_notice_days` and `report_months`;
//! - the status `closed` (the committee decided not to hold a review);
//! - in a backup, the install's committee `settings`.
//!
//! Version 3's details were read through flattened structs; version 4 writes its details as
//! one struct, field for field in version 3's order, so a version 3 file read and written again
//! is the same JSON with the additions. The additions are written as the core's own types
//! (`review::decision`, `review::setup`, `review::progress`, `review::settings`), which are this
//! version's contract: a change to those types that changes their JSON must copy the old shape
//! here first and add a version 5. The byte-for-byte fixture test catches a change made by
//! mistake.
//!
//! A version 3 body is already a version 4 body with every addition at its default, so the
//! migration ([`migrate_v3`]) changes nothing in it.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::v1::{ParallelProceedingsV1, ReviewV1, TimescalesV1};
use crate::factors::CategoryScheme;
use crate::ids::{RecordId, ReviewId};
use crate::review::decision::{AgencyReturn, Decision, Notices, Notification, Recommendation};
use crate::review::lifecycle::Timescales;
use crate::review::progress::DelayNote;
use crate::review::setup::SetUp;
use crate::review::{Review, ReviewStatus, ReviewType};

/// The format version these types describe.
pub const VERSION: u32 = 4;

/// The timescales, as version 4 writes them: version 1's six and two more.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimescalesV4 {
    pub decision_weeks: u32,
    pub agency_returns_days: u32,
    pub completion_months: u32,
    pub completion_target_months: u32,
    pub outcome_notice_days: u32,
    pub due_soon_days: u32,
    pub decision_notice_days: u32,
    pub report_months: u32,
}

impl Default for TimescalesV4 {
    fn default() -> Self {
        (&Timescales::default()).into()
    }
}

impl From<&Timescales> for TimescalesV4 {
    fn from(t: &Timescales) -> Self {
        Self {
            decision_weeks: t.decision_weeks,
            agency_returns_days: t.agency_returns_days,
            completion_months: t.completion_months,
            completion_target_months: t.completion_target_months,
            outcome_notice_days: t.outcome_notice_days,
            due_soon_days: t.due_soon_days,
            decision_notice_days: t.decision_notice_days,
            report_months: t.report_months,
        }
    }
}

impl From<TimescalesV4> for Timescales {
    fn from(t: TimescalesV4) -> Self {
        Self {
            decision_weeks: t.decision_weeks,
            agency_returns_days: t.agency_returns_days,
            completion_months: t.completion_months,
            completion_target_months: t.completion_target_months,
            outcome_notice_days: t.outcome_notice_days,
            due_soon_days: t.due_soon_days,
            decision_notice_days: t.decision_notice_days,
            report_months: t.report_months,
        }
    }
}

/// A review's details, as version 4 writes them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewV4 {
    pub id: ReviewId,
    pub title: String,
    pub review_type: ReviewType,
    #[serde(default)]
    pub committee: String,
    #[serde(default)]
    pub status: ReviewStatus,
    #[serde(default)]
    pub archived: bool,
    /// Milestone keys (`decision_made`) to dates.
    #[serde(default)]
    pub stage_dates: BTreeMap<String, NaiveDate>,
    #[serde(default)]
    pub timescales: TimescalesV4,
    #[serde(default)]
    pub parallel_proceedings: ParallelProceedingsV1,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub map_scheme: CategoryScheme,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_changed_at: BTreeMap<String, DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields_tracked_since: Option<DateTime<Utc>>,
    #[serde(default)]
    pub notification: Notification,
    #[serde(default)]
    pub agency_returns: BTreeMap<RecordId, AgencyReturn>,
    #[serde(default)]
    pub recommendation: Recommendation,
    #[serde(default)]
    pub decision: Option<Decision>,
    #[serde(default)]
    pub notices: Notices,
    #[serde(default)]
    pub setup: SetUp,
    #[serde(default)]
    pub delays: BTreeMap<RecordId, DelayNote>,
}

impl From<&Review> for ReviewV4 {
    fn from(r: &Review) -> Self {
        let v1 = ReviewV1::from(r);
        Self {
            id: v1.id,
            title: v1.title,
            review_type: v1.review_type,
            committee: v1.committee,
            status: v1.status,
            archived: v1.archived,
            stage_dates: v1.stage_dates,
            timescales: (&r.timescales).into(),
            parallel_proceedings: v1.parallel_proceedings,
            created_at: v1.created_at,
            updated_at: v1.updated_at,
            map_scheme: r.map_scheme,
            field_changed_at: r.field_changed_at.clone(),
            fields_tracked_since: r.fields_tracked_since,
            notification: r.notification.clone(),
            agency_returns: r.agency_returns.clone(),
            recommendation: r.recommendation.clone(),
            decision: r.decision.clone(),
            notices: r.notices.clone(),
            setup: r.setup.clone(),
            delays: r.delays.clone(),
        }
    }
}

impl ReviewV4 {
    /// The review this describes, with a note for each thing the reader repaired (version 1's
    /// checks of the stage dates apply unchanged).
    pub fn into_review(self, repairs: &mut Vec<String>) -> Review {
        let v1 = ReviewV1 {
            id: self.id,
            title: self.title,
            review_type: self.review_type,
            committee: self.committee,
            status: self.status,
            archived: self.archived,
            stage_dates: self.stage_dates,
            timescales: TimescalesV1::default(),
            parallel_proceedings: self.parallel_proceedings,
            created_at: self.created_at,
            updated_at: self.updated_at,
        };
        let mut review = v1.into_review(repairs);
        review.timescales = self.timescales.into();
        review.map_scheme = self.map_scheme;
        review.field_changed_at = self.field_changed_at;
        review.fields_tracked_since = self.fields_tracked_since;
        review.notification = self.notification;
        review.agency_returns = self.agency_returns;
        review.recommendation = self.recommendation;
        review.notices = self.notices;
        review.setup = self.setup;
        review.delays = self.delays;
        review.decision = self.decision;
        review
    }
}

/// Brings a version 3 body up to version 4. Every addition has a default, so the body is
/// already a version 4 one.
pub fn migrate_v3(body: Value) -> Value {
    body
}
