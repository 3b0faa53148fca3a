//! A Learning Review: what it is called, what kind it is, where it stands, and the edits a person
//! can make to it. Plain data with methods; the app wraps it in signals from outside.
//!
//! Its parts: the details field by field ([`details`]), the stages and due dates
//! ([`lifecycle`]), notification to decision ([`decision`]), set-up ([`setup`]), drift and
//! delay ([`progress`]), sharing the learning ([`dissemination`]), the committee's own
//! settings ([`settings`]), the rules for a new review ([`new_review`]) and the list's summary
//! ([`summary`]).

pub mod decision;
pub mod details;
pub mod dissemination;
pub mod lifecycle;
pub mod new_review;
pub mod progress;
pub mod settings;
pub mod setup;
pub mod summary;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::form::FieldError;
use crate::ids::{RecordId, ReviewId};
use crate::review::decision::{AgencyReturn, Decision, Notices, Notification, Recommendation};
use crate::review::lifecycle::{Milestone, Timescales};
use crate::review::new_review::{validate_title, NewReview};
use crate::review::progress::DelayNote;
use crate::review::setup::SetUp;

/// Which national guidance the review follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewType {
    ChildProtection,
    AdultSupportAndProtection,
}

impl ReviewType {
    /// Both types, in the order the app offers them.
    pub const ALL: [ReviewType; 2] = [
        ReviewType::ChildProtection,
        ReviewType::AdultSupportAndProtection,
    ];

    /// The name people use: "Child protection".
    pub fn label(self) -> &'static str {
        match self {
            ReviewType::ChildProtection => "Child protection",
            ReviewType::AdultSupportAndProtection => "Adult support and protection",
        }
    }

    /// A short name for form values and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            ReviewType::ChildProtection => "child_protection",
            ReviewType::AdultSupportAndProtection => "adult_support_and_protection",
        }
    }

    /// Finds a type by its [`key`](Self::key).
    pub fn from_key(key: &str) -> Option<ReviewType> {
        ReviewType::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Whether work on the review is going on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    #[default]
    Open,
    /// On hold, for example while criminal proceedings run. Deadlines still show.
    Paused,
    Complete,
    /// The committee decided not to hold a review. The decision notice to the Care
    /// Inspectorate is still due; nothing after it is.
    Closed,
}

impl ReviewStatus {
    /// The status as a word: "Open".
    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Open => "Open",
            ReviewStatus::Paused => "Paused",
            ReviewStatus::Complete => "Complete",
            ReviewStatus::Closed => "Closed: no review",
        }
    }
}

/// The dates on which the review's milestones happened.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StageDates(BTreeMap<Milestone, NaiveDate>);

impl StageDates {
    /// The date `milestone` happened, if recorded.
    pub fn get(&self, milestone: Milestone) -> Option<NaiveDate> {
        self.0.get(&milestone).copied()
    }

    fn set(&mut self, milestone: Milestone, date: Option<NaiveDate>) {
        match date {
            Some(date) => self.0.insert(milestone, date),
            None => self.0.remove(&milestone),
        };
    }
}

/// Other processes running alongside the review (DOMAIN.md section 2, "Parallel proceedings").
/// Neither should hold up the other unless justice requires it, so the review keeps a note of how
/// the two are kept in step.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParallelProceedings {
    pub criminal_proceedings: bool,
    pub fatal_accident_inquiry: bool,
    pub other: bool,
    /// What the other proceedings are.
    pub other_details: String,
    /// How the review keeps in touch with Police Scotland, COPFS or the inquiry.
    pub liaison_note: String,
}

impl ParallelProceedings {
    /// Whether any proceedings are flagged.
    pub fn any(&self) -> bool {
        self.criminal_proceedings || self.fatal_accident_inquiry || self.other
    }
}

/// Why an edit to a review was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("The date the notification was received cannot be removed: every review has one")]
    NotificationDateRequired,
    #[error("{0}")]
    Invalid(FieldError),
}

/// A Learning Review as Sightline keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: ReviewId,
    pub title: String,
    pub review_type: ReviewType,
    /// The committee running the review, as it names itself (for example "East Lothian and
    /// Midlothian Public Protection Committee"). Never hard-coded.
    #[serde(default)]
    pub committee: String,
    #[serde(default)]
    pub status: ReviewStatus,
    /// Archived reviews are kept but hidden from the list unless asked for.
    #[serde(default)]
    pub archived: bool,
    pub dates: StageDates,
    #[serde(default)]
    pub timescales: Timescales,
    #[serde(default)]
    pub parallel_proceedings: ParallelProceedings,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When this copy last agreed with another copy of the review (a file exported from it,
    /// or imported or merged into it). Merging uses it to tell which side changed a record.
    #[serde(default)]
    pub synced_at: Option<DateTime<Utc>>,
    /// The categories the systems map sorts factors into.
    #[serde(default)]
    pub map_scheme: crate::factors::CategoryScheme,
    /// When each detail field (by its path, `crate::review::details`) last changed, for merging field
    /// by field. A field not here last changed at `fields_tracked_since`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_changed_at: BTreeMap<String, DateTime<Utc>>,
    /// Since when field times are kept; `None` for a review from before they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields_tracked_since: Option<DateTime<Utc>>,
    /// Who notified, the criteria met and a brief outline (format version 4 on).
    #[serde(default)]
    pub notification: Notification,
    /// The agencies asked for a brief account before the decision, by record id.
    #[serde(default)]
    pub agency_returns: BTreeMap<RecordId, AgencyReturn>,
    #[serde(default)]
    pub recommendation: Recommendation,
    /// The committee's decision; its date is `dates` `decision_made`.
    #[serde(default)]
    pub decision: Option<Decision>,
    /// The notices to the Care Inspectorate; their dates are stage dates.
    #[serde(default)]
    pub notices: Notices,
    #[serde(default)]
    pub setup: SetUp,
    /// The reasons for any delay, by record id.
    #[serde(default)]
    pub delays: BTreeMap<RecordId, DelayNote>,
    /// The Reviewer's report: its sections, versions and comments (format version 5 on).
    #[serde(default)]
    pub report: crate::report::Report,
    /// Each time the learning was shared, by record id (format version 6 on).
    #[serde(default)]
    pub dissemination: BTreeMap<RecordId, crate::review::dissemination::Sharing>,
}

impl Review {
    /// A new open review from a validated form, created at `now`, with the guidance's default
    /// timescales (see [`Review::with_timescales`] for a committee's own).
    pub fn new(id: ReviewId, new: NewReview, now: DateTime<Utc>) -> Self {
        let mut dates = StageDates::default();
        dates.set(
            Milestone::NotificationReceived,
            Some(new.notification_received),
        );
        Self {
            id,
            title: new.title,
            review_type: new.review_type,
            committee: new.committee,
            status: ReviewStatus::Open,
            archived: false,
            dates,
            timescales: Timescales::default(),
            parallel_proceedings: ParallelProceedings::default(),
            created_at: now,
            updated_at: now,
            synced_at: None,
            map_scheme: Default::default(),
            field_changed_at: BTreeMap::new(),
            fields_tracked_since: Some(now),
            notification: Notification::default(),
            agency_returns: BTreeMap::new(),
            recommendation: Recommendation::default(),
            decision: None,
            notices: Notices::default(),
            setup: SetUp::default(),
            delays: BTreeMap::new(),
            report: Default::default(),
            dissemination: BTreeMap::new(),
        }
    }

    /// The review with `timescales` (the committee's, taken when it is created).
    pub fn with_timescales(self, timescales: Timescales) -> Self {
        Self { timescales, ..self }
    }

    /// The date the notification was received: the start of every timescale.
    pub fn notification_date(&self) -> NaiveDate {
        self.dates
            .get(Milestone::NotificationReceived)
            .unwrap_or_else(|| self.created_at.date_naive())
    }

    /// Marks the review as changed at `now`.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.updated_at = now;
    }

    /// Gives the review a new title, checked as on the new review form.
    pub fn rename(&mut self, title: &str) -> Result<(), EditError> {
        self.title = validate_title(title).map_err(EditError::Invalid)?;
        Ok(())
    }

    /// Records (or with `None`, clears) the date a milestone happened.
    pub fn record_date(
        &mut self,
        milestone: Milestone,
        date: Option<NaiveDate>,
    ) -> Result<(), EditError> {
        if milestone == Milestone::NotificationReceived && date.is_none() {
            return Err(EditError::NotificationDateRequired);
        }
        self.dates.set(milestone, date);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn sample() -> Review {
        let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
        Review::new(
            ReviewId::from_random_bytes([1; 16]),
            NewReview {
                title: "Review 2026-01".into(),
                review_type: ReviewType::ChildProtection,
                notification_received: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                committee: "Example CPC".into(),
            },
            now,
        )
    }

    #[test]
    fn a_new_review_is_open_and_has_its_notification_date() {
        let review = sample();
        assert_eq!(review.status, ReviewStatus::Open);
        assert!(!review.archived);
        assert_eq!(
            review.dates.get(Milestone::NotificationReceived),
            NaiveDate::from_ymd_opt(2026, 11, 2)
        );
        assert_eq!(
            review.notification_date(),
            NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
        );
    }

    #[test]
    fn the_notification_date_cannot_be_cleared_but_others_can() {
        let mut review = sample();
        assert_eq!(
            review.record_date(Milestone::NotificationReceived, None),
            Err(EditError::NotificationDateRequired)
        );
        let date = NaiveDate::from_ymd_opt(2026, 11, 20);
        review.record_date(Milestone::DecisionMade, date).unwrap();
        assert_eq!(review.dates.get(Milestone::DecisionMade), date);
        review.record_date(Milestone::DecisionMade, None).unwrap();
        assert_eq!(review.dates.get(Milestone::DecisionMade), None);
    }

    #[test]
    fn renaming_checks_the_title_and_keeps_the_old_one_when_refused() {
        let mut review = sample();
        assert!(review.rename("   ").is_err());
        assert_eq!(review.title, "Review 2026-01");
        review.rename("  Review 2026-02 ").unwrap();
        assert_eq!(review.title, "Review 2026-02");
    }

    #[test]
    fn review_types_have_the_names_people_use() {
        assert_eq!(ReviewType::ChildProtection.label(), "Child protection");
        assert_eq!(
            ReviewType::AdultSupportAndProtection.label(),
            "Adult support and protection"
        );
        for t in ReviewType::ALL {
            assert_eq!(ReviewType::from_key(t.key()), Some(t));
        }
    }
}
