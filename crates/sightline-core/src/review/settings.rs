//! The committee's own settings (issue 13, item 6): the names of the committees one install
//! serves, the chief officers' group, and the default timescales new reviews take.
//!
//! Settings belong to this install (kept in the browser's settings store and carried in
//! backups), not to a review: each review keeps its own copy of its timescales, so a change to
//! the defaults never silently moves a running review's due dates. [`running_on_defaults`]
//! says which reviews a change would affect, so the person can choose.

use serde::{Deserialize, Serialize};

use super::lifecycle::Timescales;
use super::{Review, ReviewStatus};
use crate::form::FieldError;

/// What one install of Sightline knows about the committees it serves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommitteeSettings {
    /// The committees' names, as they name themselves. One install may serve several (a joint
    /// public protection committee).
    pub committees: Vec<String>,
    /// "Edinburgh Chief Officers' Group".
    pub chief_officers_group: String,
    /// The timescales a new review starts with.
    pub timescales: Timescales,
}

/// One timescale a person can change: its field, the words for it and its unit.
#[derive(Clone, Copy, Debug)]
pub struct TimescaleField {
    /// Its key in the file and in form ids: "decision_weeks".
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub get: fn(&Timescales) -> u32,
    pub set: fn(&mut Timescales, u32),
    /// The largest value that makes sense.
    pub max: u32,
}

/// Every timescale a committee sets, in the order of the stages.
pub const TIMESCALE_FIELDS: [TimescaleField; 8] = [
    TimescaleField {
        key: "agency_returns_days",
        label: "Agency returns due after the request",
        unit: "days",
        get: |t| t.agency_returns_days,
        set: |t, v| t.agency_returns_days = v,
        max: 365,
    },
    TimescaleField {
        key: "decision_weeks",
        label: "Decision due after the notification",
        unit: "weeks",
        get: |t| t.decision_weeks,
        set: |t, v| t.decision_weeks = v,
        max: 104,
    },
    TimescaleField {
        key: "decision_notice_days",
        label: "Care Inspectorate told of the decision, after it",
        unit: "days",
        get: |t| t.decision_notice_days,
        set: |t, v| t.decision_notice_days = v,
        max: 365,
    },
    TimescaleField {
        key: "report_months",
        label: "Final report agreed after the decision",
        unit: "months",
        get: |t| t.report_months,
        set: |t, v| t.report_months = v,
        max: 60,
    },
    TimescaleField {
        key: "completion_target_months",
        label: "Sign-off aimed for after the decision",
        unit: "months",
        get: |t| t.completion_target_months,
        set: |t, v| t.completion_target_months = v,
        max: 60,
    },
    TimescaleField {
        key: "completion_months",
        label: "Sign-off due after the decision (the limit)",
        unit: "months",
        get: |t| t.completion_months,
        set: |t, v| t.completion_months = v,
        max: 60,
    },
    TimescaleField {
        key: "outcome_notice_days",
        label: "Adult reviews: Care Inspectorate gets the report after ratification",
        unit: "days",
        get: |t| t.outcome_notice_days,
        set: |t, v| t.outcome_notice_days = v,
        max: 365,
    },
    TimescaleField {
        key: "due_soon_days",
        label: "Show a step as \u{201c}due soon\u{201d} this long before it is due",
        unit: "days",
        get: |t| t.due_soon_days,
        set: |t, v| t.due_soon_days = v,
        max: 365,
    },
];

/// Reads timescales as typed, one text per field of [`TIMESCALE_FIELDS`] in order: each a whole
/// number up to its maximum, and the aim for sign-off no later than its limit.
pub fn parse_timescales(texts: &[String]) -> Result<Timescales, Vec<FieldError>> {
    let mut timescales = Timescales::default();
    let mut errors = Vec::new();
    for (field, text) in TIMESCALE_FIELDS.iter().zip(texts) {
        let id = format!("timescale-{}", field.key.replace('_', "-"));
        match text.trim().parse::<u32>() {
            Ok(value) if value <= field.max => (field.set)(&mut timescales, value),
            Ok(_) => errors.push(FieldError::new(
                id,
                format!(
                    "{}: enter {} {} or fewer",
                    field.label, field.max, field.unit
                ),
            )),
            Err(_) => errors.push(FieldError::new(
                id,
                format!(
                    "{}: enter a whole number of {}, such as {}",
                    field.label,
                    field.unit,
                    (field.get)(&Timescales::default())
                ),
            )),
        }
    }
    if errors.is_empty() && timescales.completion_target_months > timescales.completion_months {
        errors.push(FieldError::new(
            "timescale-completion-target-months",
            "The aim for sign-off must be no later than its limit",
        ));
    }
    if errors.is_empty() {
        Ok(timescales)
    } else {
        Err(errors)
    }
}

impl CommitteeSettings {
    /// The committee names, trimmed, with blanks and repeats (ignoring case) left out.
    pub fn tidy_committees(names: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for name in names {
            let name = name.trim();
            if !name.is_empty() && !out.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
                out.push(name.to_owned());
            }
        }
        out
    }
}

/// Whether a review is still running, so a change to the defaults could matter to it.
fn running(review: &Review) -> bool {
    !review.archived && matches!(review.status, ReviewStatus::Open | ReviewStatus::Paused)
}

/// The running reviews that follow the current defaults (`old`: their timescales are the
/// same), so a change to `new` would be theirs too if the person chooses. Reviews with their
/// own timescales are never touched.
pub fn running_on_defaults<'a>(
    reviews: &'a [Review],
    old: &Timescales,
    new: &Timescales,
) -> Vec<&'a Review> {
    if old == new {
        return Vec::new();
    }
    reviews
        .iter()
        .filter(|r| running(r) && &r.timescales == old)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ReviewId;
    use crate::review::new_review::NewReview;
    use crate::review::ReviewType;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn review(n: u8, timescales: Timescales) -> Review {
        let mut review = Review::new(
            ReviewId::from_random_bytes([n; 16]),
            NewReview {
                title: format!("Review {n}"),
                review_type: ReviewType::ChildProtection,
                notification_received: NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
                committee: "Example CPC".into(),
            },
            Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap(),
        );
        review.timescales = timescales;
        review
    }

    #[test]
    fn timescales_are_whole_numbers_within_bounds_and_the_aim_is_within_the_limit() {
        let defaults: Vec<String> = TIMESCALE_FIELDS
            .iter()
            .map(|f| (f.get)(&Timescales::default()).to_string())
            .collect();
        assert_eq!(parse_timescales(&defaults), Ok(Timescales::default()));
        let mut texts = defaults.clone();
        texts[1] = " 8 ".into();
        assert_eq!(parse_timescales(&texts).unwrap().decision_weeks, 8);
        texts[0] = "two".into();
        texts[3] = "-1".into();
        let errors = parse_timescales(&texts).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].field, "timescale-agency-returns-days");
        assert!(
            errors[0].message.contains("such as 14"),
            "{}",
            errors[0].message
        );
        let mut texts = defaults;
        texts[4] = "10".into();
        assert_eq!(
            parse_timescales(&texts).unwrap_err()[0].message,
            "The aim for sign-off must be no later than its limit"
        );
    }

    #[test]
    fn a_change_to_the_defaults_names_only_running_reviews_that_follow_them() {
        let old = Timescales::default();
        let new = Timescales {
            decision_weeks: 8,
            ..old.clone()
        };
        let own = Timescales {
            decision_weeks: 4,
            ..old.clone()
        };
        let mut done = review(3, old.clone());
        done.status = ReviewStatus::Complete;
        let mut archived = review(4, old.clone());
        archived.archived = true;
        let mut paused = review(5, old.clone());
        paused.status = ReviewStatus::Paused;
        let reviews = vec![
            review(1, old.clone()),
            review(2, own),
            done,
            archived,
            paused,
        ];
        let affected: Vec<&str> = running_on_defaults(&reviews, &old, &new)
            .iter()
            .map(|r| r.title.as_str())
            .collect();
        assert_eq!(affected, ["Review 1", "Review 5"]);
        assert!(running_on_defaults(&reviews, &old, &old).is_empty());
    }

    #[test]
    fn committee_names_are_tidied() {
        let names = [
            "  East Lothian CPC ",
            "",
            "east lothian cpc",
            "Midlothian APC",
        ]
        .map(String::from);
        assert_eq!(
            CommitteeSettings::tidy_committees(&names),
            ["East Lothian CPC", "Midlothian APC"]
        );
    }
}
