//! The new-review form's rules, with messages in GOV.UK's wording.

use chrono::NaiveDate;

use crate::dates::{DateLabel, DateParts, DateProblem};
use crate::form::FieldError;
use crate::review::lifecycle::Milestone;
use crate::review::{Review, ReviewType};

/// The longest title a review may have, in characters.
pub const TITLE_MAX_CHARS: usize = 120;
/// The longest committee name, in characters.
pub const COMMITTEE_MAX_CHARS: usize = 200;

/// The new review form as typed, before any checks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewReviewForm {
    pub title: String,
    pub review_type: Option<ReviewType>,
    pub notification_received: DateParts,
    pub committee: String,
}

/// A new review's details once every check has passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewReview {
    pub title: String,
    pub review_type: ReviewType,
    pub notification_received: NaiveDate,
    pub committee: String,
}

/// How the notification date is named in messages.
pub const NOTIFICATION_DATE_LABEL: DateLabel<'static> = DateLabel {
    name: "Date notification received",
    what: "the date the notification was received",
};

/// Field ids used by the new review form, so the core's errors link to the right input.
pub mod field_ids {
    pub const TITLE: &str = "title";
    pub const REVIEW_TYPE: &str = "review-type";
    pub const COMMITTEE: &str = "committee";
    /// The date input's parts are `notification-day`, `notification-month` and `notification-year`.
    pub const NOTIFICATION: &str = "notification";
}

/// Checks a review title: something other than spaces, and not too long. Returns it trimmed.
pub fn validate_title(title: &str) -> Result<String, FieldError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(FieldError::new(
            field_ids::TITLE,
            "Enter a title for the review",
        ));
    }
    if title.chars().count() > TITLE_MAX_CHARS {
        return Err(FieldError::new(
            field_ids::TITLE,
            format!("Title must be {TITLE_MAX_CHARS} characters or fewer"),
        ));
    }
    Ok(title.to_owned())
}

/// Checks a committee name, which may be left empty. Returns it trimmed.
pub fn validate_committee(committee: &str) -> Result<String, FieldError> {
    let committee = committee.trim();
    if committee.chars().count() > COMMITTEE_MAX_CHARS {
        return Err(FieldError::new(
            field_ids::COMMITTEE,
            format!("Committee must be {COMMITTEE_MAX_CHARS} characters or fewer"),
        ));
    }
    Ok(committee.to_owned())
}

/// The id of the first date part to focus for a date problem, given the date input's id prefix.
pub fn date_field_id(prefix: &str, problem: &crate::dates::DateProblem) -> String {
    let (day, month, _) = problem.fields_in_error();
    let part = if day {
        "day"
    } else if month {
        "month"
    } else {
        "year"
    };
    format!("{prefix}-{part}")
}

/// The id prefix of the date input for a milestone on the Overview: `date-decision_made`.
pub fn milestone_field_prefix(milestone: Milestone) -> String {
    format!("date-{}", milestone.key())
}

/// Checks the date a milestone happened, typed on the Overview on `today`. It must be a real
/// date, not in the future, and not before the notification; the notification itself must not
/// come after any other recorded date.
pub fn validate_milestone_date(
    review: &Review,
    milestone: Milestone,
    parts: &DateParts,
    today: NaiveDate,
) -> Result<NaiveDate, FieldError> {
    let name = format!("Date of \u{201c}{}\u{201d}", milestone.label());
    let what = format!("the date of \u{201c}{}\u{201d}", milestone.label());
    let label = DateLabel {
        name: &name,
        what: &what,
    };
    let prefix = milestone_field_prefix(milestone);
    let error = |problem: DateProblem| {
        FieldError::new(date_field_id(&prefix, &problem), problem.message(label))
    };
    if milestone == Milestone::NotificationReceived {
        let date = parts.parse_past(today, None).map_err(error)?;
        let earliest_other = Milestone::ALL
            .into_iter()
            .filter(|m| *m != Milestone::NotificationReceived)
            .filter_map(|m| review.dates.get(m))
            .min();
        return match earliest_other {
            Some(other) if date > other => Err(error(DateProblem::After(other))),
            _ => Ok(date),
        };
    }
    parts
        .parse_past(today, Some(review.notification_date()))
        .map_err(error)
}

/// Checks the whole new review form on `today`. Every problem is reported at once, in the order
/// of the fields on the page.
pub fn validate_new_review(
    form: &NewReviewForm,
    today: NaiveDate,
) -> Result<NewReview, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = validate_title(&form.title).map_err(|e| errors.push(e)).ok();
    let review_type = form.review_type;
    if review_type.is_none() {
        errors.push(FieldError::new(
            format!("{}-{}", field_ids::REVIEW_TYPE, ReviewType::ALL[0].key()),
            "Select the type of review",
        ));
    }
    let notification_received = form
        .notification_received
        .parse_past(today, None)
        .map_err(|problem| {
            errors.push(FieldError::new(
                date_field_id(field_ids::NOTIFICATION, &problem),
                problem.message(NOTIFICATION_DATE_LABEL),
            ))
        })
        .ok();
    let committee = validate_committee(&form.committee)
        .map_err(|e| errors.push(e))
        .ok();
    match (title, review_type, notification_received, committee) {
        (Some(title), Some(review_type), Some(notification_received), Some(committee))
            if errors.is_empty() =>
        {
            Ok(NewReview {
                title,
                review_type,
                notification_received,
                committee,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn good_form() -> NewReviewForm {
        NewReviewForm {
            title: "  Review 2026-04 (Child A) ".into(),
            review_type: Some(ReviewType::AdultSupportAndProtection),
            notification_received: DateParts::new("3", "11", "2026"),
            committee: " EMPPC ".into(),
        }
    }

    #[test]
    fn a_good_form_gives_a_trimmed_new_review() {
        let new = validate_new_review(&good_form(), today()).unwrap();
        assert_eq!(new.title, "Review 2026-04 (Child A)");
        assert_eq!(new.committee, "EMPPC");
        assert_eq!(
            new.notification_received,
            NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
        );
    }

    #[test]
    fn an_empty_form_reports_every_missing_field_in_page_order() {
        let errors = validate_new_review(&NewReviewForm::default(), today()).unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "Enter a title for the review",
                "Select the type of review",
                "Enter the date the notification was received",
            ]
        );
        assert_eq!(errors[0].field, "title");
        assert_eq!(errors[1].field, "review-type-child_protection");
        assert_eq!(errors[2].field, "notification-day");
    }

    #[test]
    fn a_future_or_impossible_date_is_refused() {
        let mut form = good_form();
        form.notification_received.day = "27".into();
        let errors = validate_new_review(&form, today()).unwrap_err();
        assert_eq!(
            errors[0].message,
            "Date notification received must be today or in the past"
        );
        form.notification_received = DateParts::new("30", "2", "2026");
        let errors = validate_new_review(&form, today()).unwrap_err();
        assert_eq!(
            errors[0].message,
            "Date notification received must be a real date"
        );
    }

    #[test]
    fn a_missing_month_points_at_the_month_field() {
        let mut form = good_form();
        form.notification_received.month = " ".into();
        let errors = validate_new_review(&form, today()).unwrap_err();
        assert_eq!(errors[0].field, "notification-month");
        assert_eq!(
            errors[0].message,
            "Date notification received must include a month"
        );
    }

    fn sample_review() -> Review {
        use chrono::TimeZone;
        let new = validate_new_review(&good_form(), today()).unwrap();
        Review::new(
            crate::ReviewId::from_random_bytes([5; 16]),
            new,
            chrono::Utc.with_ymd_and_hms(2026, 11, 3, 9, 0, 0).unwrap(),
        )
    }

    fn parts(d: &str, m: &str, y: &str) -> DateParts {
        DateParts::new(d, m, y)
    }

    #[test]
    fn milestone_dates_must_fall_between_the_notification_and_today() {
        let review = sample_review(); // notified 3 November 2026
        let decision = Milestone::DecisionMade;
        assert_eq!(
            validate_milestone_date(&review, decision, &parts("20", "11", "2026"), today()),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
        );
        let early = validate_milestone_date(&review, decision, &parts("1", "11", "2026"), today())
            .unwrap_err();
        assert_eq!(
            early.message,
            "Date of \u{201c}Decision made\u{201d} must be the same as or after 3 November 2026"
        );
        assert_eq!(early.field, "date-decision_made-day");
        let missing_year =
            validate_milestone_date(&review, decision, &parts("1", "11", ""), today()).unwrap_err();
        assert_eq!(missing_year.field, "date-decision_made-year");
    }

    #[test]
    fn the_notification_cannot_move_after_a_later_milestone() {
        let mut review = sample_review();
        review
            .record_date(
                Milestone::DecisionMade,
                NaiveDate::from_ymd_opt(2026, 11, 10),
            )
            .unwrap();
        let error = validate_milestone_date(
            &review,
            Milestone::NotificationReceived,
            &parts("11", "11", "2026"),
            today(),
        )
        .unwrap_err();
        assert_eq!(
            error.message,
            "Date of \u{201c}Notification received\u{201d} must be the same as or before 10 November 2026"
        );
        assert!(validate_milestone_date(
            &review,
            Milestone::NotificationReceived,
            &parts("1", "10", "2026"),
            today()
        )
        .is_ok());
    }

    #[test]
    fn over_long_titles_and_committees_are_refused() {
        let mut form = good_form();
        form.title = "x".repeat(TITLE_MAX_CHARS + 1);
        form.committee = "y".repeat(COMMITTEE_MAX_CHARS + 1);
        let errors = validate_new_review(&form, today()).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].message, "Title must be 120 characters or fewer");
        assert_eq!(errors[1].field, "committee");
        // Exactly the limit is fine, counted in characters not bytes.
        form.title = "é".repeat(TITLE_MAX_CHARS);
        form.committee = String::new();
        assert!(validate_new_review(&form, today()).is_ok());
    }
}
