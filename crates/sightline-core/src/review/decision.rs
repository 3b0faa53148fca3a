//! From notification to decision (DOMAIN.md sections 2 and 3; issue 13): the criteria a
//! notification says are met, the agencies asked for a brief account and whether each has
//! answered in time, and the committee's decision with its reasons, which decides which later
//! stages the review needs.
//!
//! Pure rules with native tests. They are not yet part of a stored review or its file: that
//! comes with format version 4.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::lifecycle::{Milestone, Timescales};
use super::ReviewType;
use crate::dates::format_uk_date;
use crate::form::FieldError;

/// A criterion for holding a Learning Review, as the national guidance words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// Child protection: the child has died.
    ChildDied,
    /// Child protection: the child has been significantly harmed.
    ChildSignificantlyHarmed,
    /// Child protection: the child has been at risk of significant harm.
    ChildAtRiskOfSignificantHarm,
    /// Child protection: the child was managed under Care and Risk Management (CARM).
    ChildUnderCareAndRiskManagement,
    /// Child protection: effective practice worth sharing.
    EffectivePractice,
    /// Adult support and protection, 1(i): subject to ASP processes, and the adult died.
    AdultDied,
    /// Adult support and protection, 1(ii): subject to ASP processes, serious abuse or neglect.
    AdultSeriouslyHarmed,
    /// Adult support and protection, 2: not subject to ASP processes, but another process gives
    /// reasonable cause for concern.
    AdultNotSubjectToAsp,
}

impl Criterion {
    /// The criteria for a kind of review, in the guidance's order.
    pub fn for_type(review_type: ReviewType) -> &'static [Criterion] {
        match review_type {
            ReviewType::ChildProtection => &[
                Criterion::ChildDied,
                Criterion::ChildSignificantlyHarmed,
                Criterion::ChildAtRiskOfSignificantHarm,
                Criterion::ChildUnderCareAndRiskManagement,
                Criterion::EffectivePractice,
            ],
            ReviewType::AdultSupportAndProtection => &[
                Criterion::AdultDied,
                Criterion::AdultSeriouslyHarmed,
                Criterion::AdultNotSubjectToAsp,
            ],
        }
    }

    /// The criterion in the guidance's words.
    pub fn wording(self) -> &'static str {
        match self {
            Criterion::ChildDied => "The child has died, and there is reasonable cause for concern about how agencies worked together",
            Criterion::ChildSignificantlyHarmed => "The child has been significantly harmed, and there is reasonable cause for concern about how agencies worked together",
            Criterion::ChildAtRiskOfSignificantHarm => "The child has been at risk of significant harm, and there is reasonable cause for concern about how agencies worked together",
            Criterion::ChildUnderCareAndRiskManagement => "The child was managed under Care and Risk Management (CARM) and harmed others or themselves",
            Criterion::EffectivePractice => "Effective practice that is worth sharing",
            Criterion::AdultDied => "The adult is or was subject to adult support and protection processes, there is reasonable cause for concern about how services worked together, and the adult died where harm or neglect is known or suspected to be a factor",
            Criterion::AdultSeriouslyHarmed => "The adult is or was subject to adult support and protection processes, there is reasonable cause for concern about how services worked together, and the adult did not die but is believed to have experienced serious abuse or neglect",
            Criterion::AdultNotSubjectToAsp => "The adult was not subject to adult support and protection processes, but another inquiry, review, court process or referral gives reasonable cause for concern",
        }
    }
}

/// Checks the criteria a notification says are met: at least one, each one of the review's
/// kind.
pub fn validate_criteria(
    review_type: ReviewType,
    criteria: &BTreeSet<Criterion>,
) -> Result<(), FieldError> {
    if criteria.is_empty() {
        return Err(FieldError::new(
            "notification-criteria",
            "Select the criteria the notification says are met",
        ));
    }
    let allowed = Criterion::for_type(review_type);
    if criteria.iter().any(|c| !allowed.contains(c)) {
        return Err(FieldError::new(
            "notification-criteria",
            "Select only criteria for this kind of review",
        ));
    }
    Ok(())
}

/// An agency asked for a brief account before the decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyReturn {
    /// The agency's name.
    pub agency: String,
    pub asked_on: NaiveDate,
    pub due_on: NaiveDate,
    #[serde(default)]
    pub received_on: Option<NaiveDate>,
}

/// Where an agency's return stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnState {
    Received,
    /// Not yet in; this many days are left (0: due today).
    Awaited {
        days_left: i64,
    },
    /// Not in, and this many days late.
    Overdue {
        days: i64,
    },
}

impl AgencyReturn {
    /// A return asked for on `asked_on`, due by the committee's timescale.
    pub fn asked(agency: impl Into<String>, asked_on: NaiveDate, timescales: &Timescales) -> Self {
        Self {
            agency: agency.into(),
            asked_on,
            due_on: asked_on + Duration::days(i64::from(timescales.agency_returns_days)),
            received_on: None,
        }
    }

    /// Where the return stands on `today`.
    pub fn state(&self, today: NaiveDate) -> ReturnState {
        if self.received_on.is_some() {
            return ReturnState::Received;
        }
        let left = (self.due_on - today).num_days();
        if left < 0 {
            ReturnState::Overdue { days: -left }
        } else {
            ReturnState::Awaited { days_left: left }
        }
    }

    /// The words of a request to copy into an email: what is asked and by when, with no case
    /// details (those go by the committee's secure route).
    pub fn request_text(&self, committee: &str) -> String {
        format!(
            "{committee} is considering whether to hold a Learning Review, and asks {} for a brief account of its involvement, using the committee's request for information form. Please reply by {}. The case details are sent separately by secure means.",
            self.agency,
            format_uk_date(self.due_on)
        )
    }
}

/// How many of `returns` are overdue on `today`.
pub fn overdue_returns(returns: &[AgencyReturn], today: NaiveDate) -> usize {
    returns
        .iter()
        .filter(|r| matches!(r.state(today), ReturnState::Overdue { .. }))
        .count()
}

/// What the committee decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    LearningReview,
    /// Another review or learning approach, named.
    OtherApproach {
        approach: String,
    },
    NoReview,
}

/// The committee's decision, with its reasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: Outcome,
    pub reasons: String,
    /// Who decided: the body ("Child Protection Committee") and the role of who recorded it.
    pub decided_by: String,
    pub decided_on: NaiveDate,
    /// For adult reviews: when the chief officers ratified it.
    #[serde(default)]
    pub ratified_on: Option<NaiveDate>,
}

/// A decision as typed, before checks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionForm {
    pub outcome: Option<Outcome>,
    pub reasons: String,
    pub decided_by: String,
    pub decided_on: Option<NaiveDate>,
    pub ratified_on: Option<NaiveDate>,
}

impl DecisionForm {
    /// Checks the decision: an outcome (another approach named), reasons, who and when, not
    /// before the notification, and a ratification only for adult reviews and not before the
    /// decision. Every problem is returned, for the error summary.
    pub fn validate(
        &self,
        review_type: ReviewType,
        notified_on: Option<NaiveDate>,
    ) -> Result<Decision, Vec<FieldError>> {
        let mut errors = Vec::new();
        match &self.outcome {
            None => errors.push(FieldError::new(
                "decision-outcome",
                "Select what the committee decided",
            )),
            Some(Outcome::OtherApproach { approach }) if approach.trim().is_empty() => {
                errors.push(FieldError::new(
                    "decision-approach",
                    "Enter which review or learning approach will be used",
                ))
            }
            _ => {}
        }
        if self.reasons.trim().is_empty() {
            errors.push(FieldError::new(
                "decision-reasons",
                "Enter the reasons for the decision",
            ));
        }
        if self.decided_by.trim().is_empty() {
            errors.push(FieldError::new(
                "decision-by",
                "Enter who made the decision",
            ));
        }
        match (self.decided_on, notified_on) {
            (None, _) => errors.push(FieldError::new(
                "decision-date",
                "Enter the date of the decision",
            )),
            (Some(on), Some(notified)) if on < notified => errors.push(FieldError::new(
                "decision-date",
                format!(
                    "The date of the decision must be on or after the notification, {}",
                    format_uk_date(notified)
                ),
            )),
            _ => {}
        }
        if let Some(ratified) = self.ratified_on {
            if review_type != ReviewType::AdultSupportAndProtection {
                errors.push(FieldError::new(
                    "decision-ratified",
                    "Only adult reviews are ratified by the chief officers",
                ));
            } else if self.decided_on.is_some_and(|on| ratified < on) {
                errors.push(FieldError::new(
                    "decision-ratified",
                    "The date of ratification must be on or after the decision",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Decision {
            outcome: self.outcome.clone().expect("checked above"),
            reasons: self.reasons.trim().to_owned(),
            decided_by: self.decided_by.trim().to_owned(),
            decided_on: self.decided_on.expect("checked above"),
            ratified_on: self.ratified_on,
        })
    }
}

impl Outcome {
    /// The later milestones the outcome makes unnecessary. With no review, everything after
    /// telling the Care Inspectorate of the decision; with another approach, the Learning
    /// Review's own events and its outcome notice; a Learning Review needs them all.
    pub fn not_needed(&self) -> Vec<Milestone> {
        let after_decision = |m: &Milestone| {
            Milestone::ALL.iter().position(|x| x == m)
                > Milestone::ALL
                    .iter()
                    .position(|x| *x == Milestone::CareInspectorateToldOfDecision)
        };
        match self {
            Outcome::LearningReview => Vec::new(),
            Outcome::NoReview => Milestone::ALL.into_iter().filter(after_decision).collect(),
            Outcome::OtherApproach { .. } => vec![
                Milestone::PractitionersEventHeld,
                Milestone::ManagersEventHeld,
                Milestone::CareInspectorateToldOfOutcome,
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn each_kind_of_review_has_its_own_criteria_and_a_notification_needs_one_of_them() {
        for review_type in [
            ReviewType::ChildProtection,
            ReviewType::AdultSupportAndProtection,
        ] {
            let own = Criterion::for_type(review_type);
            assert!(!own.is_empty());
            for c in own {
                assert!(validate_criteria(review_type, &[*c].into()).is_ok());
                assert!(c.wording().len() > 20);
            }
        }
        assert!(validate_criteria(ReviewType::ChildProtection, &BTreeSet::new()).is_err());
        let wrong = [Criterion::AdultDied].into();
        assert_eq!(
            validate_criteria(ReviewType::ChildProtection, &wrong)
                .unwrap_err()
                .message,
            "Select only criteria for this kind of review"
        );
    }

    #[test]
    fn a_return_is_due_two_weeks_after_it_was_asked_for_across_month_ends_and_leap_days() {
        let timescales = Timescales::default();
        for (asked, due) in [
            (day(2025, 3, 3), day(2025, 3, 17)),
            (day(2025, 12, 24), day(2026, 1, 7)),
            (day(2028, 2, 20), day(2028, 3, 5)), // 2028 is a leap year
            (day(2027, 2, 20), day(2027, 3, 6)),
        ] {
            assert_eq!(
                AgencyReturn::asked("Health", asked, &timescales).due_on,
                due
            );
        }
        let weekly = Timescales {
            agency_returns_days: 7,
            ..Timescales::default()
        };
        assert_eq!(
            AgencyReturn::asked("Police Scotland", day(2025, 3, 3), &weekly).due_on,
            day(2025, 3, 10)
        );
    }

    #[test]
    fn a_return_not_in_by_its_date_is_overdue_and_counted() {
        let timescales = Timescales::default();
        let mut returns = vec![
            AgencyReturn::asked("Health", day(2025, 3, 3), &timescales),
            AgencyReturn::asked("Education", day(2025, 3, 3), &timescales),
            AgencyReturn::asked("Police Scotland", day(2025, 3, 10), &timescales),
        ];
        returns[1].received_on = Some(day(2025, 3, 14));
        let today = day(2025, 3, 20);
        assert_eq!(returns[0].state(today), ReturnState::Overdue { days: 3 });
        assert_eq!(returns[1].state(today), ReturnState::Received);
        assert_eq!(
            returns[2].state(today),
            ReturnState::Awaited { days_left: 4 }
        );
        assert_eq!(
            returns[2].state(day(2025, 3, 24)),
            ReturnState::Awaited { days_left: 0 }
        );
        assert_eq!(overdue_returns(&returns, today), 1);
        let text = returns[0].request_text("East Lothian Child Protection Committee");
        assert!(text.contains("Please reply by 17 March 2025."), "{text}");
        assert!(text.contains("asks Health for a brief account"));
    }

    #[test]
    fn a_decision_needs_an_outcome_reasons_who_and_when_and_says_every_problem() {
        let empty = DecisionForm::default();
        let errors = empty
            .validate(ReviewType::ChildProtection, None)
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "decision-outcome",
                "decision-reasons",
                "decision-by",
                "decision-date"
            ]
        );

        let form = DecisionForm {
            outcome: Some(Outcome::OtherApproach {
                approach: "  ".into(),
            }),
            reasons: "Single-agency learning is enough.".into(),
            decided_by: "Child Protection Committee (chair)".into(),
            decided_on: Some(day(2025, 3, 1)),
            ratified_on: Some(day(2025, 3, 2)),
        };
        let errors = form
            .validate(ReviewType::ChildProtection, Some(day(2025, 3, 5)))
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["decision-approach", "decision-date", "decision-ratified"]
        );
        assert!(errors[1].message.contains("5 March 2025"));
    }

    #[test]
    fn an_adult_decision_may_be_ratified_on_or_after_it() {
        let form = DecisionForm {
            outcome: Some(Outcome::LearningReview),
            reasons: " Criteria 1(i) met. ".into(),
            decided_by: "Adult Protection Committee".into(),
            decided_on: Some(day(2025, 4, 1)),
            ratified_on: Some(day(2025, 3, 31)),
        };
        assert!(form
            .validate(ReviewType::AdultSupportAndProtection, Some(day(2025, 3, 1)))
            .is_err());
        let ok = DecisionForm {
            ratified_on: Some(day(2025, 4, 1)),
            ..form
        };
        let decision = ok
            .validate(ReviewType::AdultSupportAndProtection, Some(day(2025, 3, 1)))
            .unwrap();
        assert_eq!(decision.reasons, "Criteria 1(i) met.");
    }

    #[test]
    fn the_outcome_decides_which_later_stages_are_not_needed() {
        assert!(Outcome::LearningReview.not_needed().is_empty());
        let none = Outcome::NoReview.not_needed();
        assert!(
            !none.contains(&Milestone::CareInspectorateToldOfDecision),
            "the decision notice is still due"
        );
        assert!(
            none.contains(&Milestone::SetUpComplete) && none.contains(&Milestone::LearningShared)
        );
        assert_eq!(none.len(), Milestone::ALL.len() - 5);
        let other = Outcome::OtherApproach {
            approach: "Single-agency review".into(),
        }
        .not_needed();
        assert!(other.contains(&Milestone::PractitionersEventHeld));
        assert!(!other.contains(&Milestone::ReportFinalised));
    }
}
