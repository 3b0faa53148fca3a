//! From notification to decision (DOMAIN.md sections 2 and 3; issue 13): the criteria a
//! notification says are met, the agencies asked for a brief account and whether each has
//! answered in time, and the committee's decision with its reasons, which decides which later
//! stages the review needs.
//!
//! The review keeps these as part of its details (`Review::notification`, `agency_returns`,
//! `recommendation`, `decision`, `notices`), which travel in review files from format
//! version 4. Maps are keyed by record id so that copies merge entry by entry.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::lifecycle::{Milestone, Timescales};
use super::ReviewType;
use crate::dates::format_uk_date;
use crate::form::FieldError;
use crate::ids::RecordId;

/// Who notified the review and why: by role and agency, never by name, with the criteria the
/// notification says are met and a brief, pseudonymised outline of the case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Notification {
    /// "Team manager, Children's Services".
    pub notified_by_role: String,
    pub notified_by_agency: String,
    pub criteria: BTreeSet<Criterion>,
    /// A brief outline using the register's pseudonyms ("Child A"), never a real name.
    pub case_outline: String,
}

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

    /// Checks the date the return came in: not before it was asked for, not after today.
    pub fn check_received(&self, on: NaiveDate, today: NaiveDate) -> Result<(), FieldError> {
        let field = "return-received";
        if on < self.asked_on {
            return Err(FieldError::new(
                field,
                format!(
                    "The date received must be on or after the date asked, {}",
                    format_uk_date(self.asked_on)
                ),
            ));
        }
        if on > today {
            return Err(FieldError::new(
                field,
                "The date received must be today or in the past",
            ));
        }
        Ok(())
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
pub fn overdue_returns<'a>(
    returns: impl IntoIterator<Item = &'a AgencyReturn>,
    today: NaiveDate,
) -> usize {
    returns
        .into_iter()
        .filter(|r| matches!(r.state(today), ReturnState::Overdue { .. }))
        .count()
}

/// The returns in the order the page lists them: by date asked, then agency.
pub fn returns_in_order(
    returns: &BTreeMap<RecordId, AgencyReturn>,
) -> Vec<(RecordId, &AgencyReturn)> {
    let mut list: Vec<(RecordId, &AgencyReturn)> = returns.iter().map(|(id, r)| (*id, r)).collect();
    list.sort_by(|a, b| {
        (a.1.asked_on, a.1.agency.to_lowercase(), a.0).cmp(&(
            b.1.asked_on,
            b.1.agency.to_lowercase(),
            b.0,
        ))
    });
    list
}

/// Checks a request for a return as typed: an agency and the date asked. The due date is the
/// committee's timescale after that unless given.
pub fn validate_return_request(
    agency: &str,
    asked_on: Option<NaiveDate>,
    due_on: Option<NaiveDate>,
    timescales: &Timescales,
) -> Result<AgencyReturn, Vec<FieldError>> {
    let mut errors = Vec::new();
    if agency.trim().is_empty() {
        errors.push(FieldError::new(
            "return-agency",
            "Enter the agency asked for a return",
        ));
    }
    match (asked_on, due_on) {
        (None, _) => errors.push(FieldError::new(
            "return-asked",
            "Enter the date the agency was asked",
        )),
        (Some(asked), Some(due)) if due < asked => errors.push(FieldError::new(
            "return-due",
            format!(
                "The date due must be on or after the date asked, {}",
                format_uk_date(asked)
            ),
        )),
        _ => {}
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let asked = asked_on.expect("checked above");
    let mut request = AgencyReturn::asked(agency.trim(), asked, timescales);
    if let Some(due) = due_on {
        request.due_on = due;
    }
    Ok(request)
}

/// The sub-group's recommendation to the committee.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Recommendation {
    /// What the sub-group recommends, and why.
    pub text: String,
    /// Who recommended it: "Case review sub-group".
    pub by: String,
    pub on: Option<NaiveDate>,
}

/// One notice to the Care Inspectorate. Its date is the review's stage date
/// (`Milestone::CareInspectorateToldOfDecision` or `…ToldOfOutcome`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Notice {
    /// The Care Inspectorate's or the committee's reference for it.
    pub reference: String,
    /// What was sent: "The decision with its reasons".
    pub what_was_sent: String,
}

/// The two notices to the Care Inspectorate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Notices {
    pub decision: Notice,
    pub outcome: Notice,
}

impl Notices {
    /// What the guidance says each notice holds, as a starting text for "what was sent".
    pub fn suggested(review_type: ReviewType, outcome_notice: bool) -> &'static str {
        match (outcome_notice, review_type) {
            (false, _) => "The decision, with its reasons",
            (true, ReviewType::AdultSupportAndProtection) => {
                "The anonymised report, within 7 days of ratification by the chief officers"
            }
            (true, ReviewType::ChildProtection) => {
                "The outcome of the review and the learning identified"
            }
        }
    }
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

/// The committee's decision, with its reasons. Its date is the review's stage date
/// `Milestone::DecisionMade`, so every timescale counted from the decision follows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: Outcome,
    pub reasons: String,
    /// Who decided: the body ("Child Protection Committee") and the role of who recorded it.
    pub decided_by: String,
    /// For adult reviews: when the chief officers ratified it.
    #[serde(default)]
    pub ratified_on: Option<NaiveDate>,
}

impl Outcome {
    /// The outcome in words: "Another review approach: single-agency review".
    pub fn label(&self) -> String {
        match self {
            Outcome::LearningReview => "Hold a Learning Review".to_owned(),
            Outcome::OtherApproach { approach } => {
                format!("Use another review approach: {}", approach.trim())
            }
            Outcome::NoReview => "No review".to_owned(),
        }
    }
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
    ) -> Result<(Decision, NaiveDate), Vec<FieldError>> {
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
        let outcome = match self.outcome.clone().expect("checked above") {
            Outcome::OtherApproach { approach } => Outcome::OtherApproach {
                approach: approach.trim().to_owned(),
            },
            other => other,
        };
        Ok((
            Decision {
                outcome,
                reasons: self.reasons.trim().to_owned(),
                decided_by: self.decided_by.trim().to_owned(),
                ratified_on: self.ratified_on,
            },
            self.decided_on.expect("checked above"),
        ))
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

impl DecisionForm {
    /// The form filled in from a recorded decision, for changing it.
    pub fn from_review(review: &super::Review) -> DecisionForm {
        match &review.decision {
            Some(d) => DecisionForm {
                outcome: Some(d.outcome.clone()),
                reasons: d.reasons.clone(),
                decided_by: d.decided_by.clone(),
                decided_on: review.dates.get(Milestone::DecisionMade),
                ratified_on: d.ratified_on,
            },
            None => DecisionForm {
                decided_on: review.dates.get(Milestone::DecisionMade),
                ..DecisionForm::default()
            },
        }
    }
}

impl super::Review {
    /// Records the committee's decision, made on `on`: the stage date follows, and with no
    /// review the review is closed (the decision notice is still due); a review that had been
    /// closed by an earlier decision opens again when the decision changes.
    pub fn record_decision(&mut self, decision: Decision, on: NaiveDate) {
        use super::ReviewStatus;
        let closes = decision.outcome == Outcome::NoReview;
        self.decision = Some(decision);
        self.dates.set(Milestone::DecisionMade, Some(on));
        if closes {
            if self.status != ReviewStatus::Complete {
                self.status = ReviewStatus::Closed;
            }
        } else if self.status == ReviewStatus::Closed {
            self.status = ReviewStatus::Open;
        }
    }

    /// Removes the decision (it was recorded by mistake): the stage date goes too, and a
    /// review closed by it opens again.
    pub fn clear_decision(&mut self) {
        self.decision = None;
        self.dates.set(Milestone::DecisionMade, None);
        if self.status == super::ReviewStatus::Closed {
            self.status = super::ReviewStatus::Open;
        }
    }

    /// The milestones the decision makes unnecessary: those its outcome rules out, and, once
    /// the decision has a date, the information gathering for it that was never recorded (the
    /// returns were for the decision, which is made).
    pub fn not_needed(&self) -> Vec<Milestone> {
        let mut not_needed = self
            .decision
            .as_ref()
            .map(|d| d.outcome.not_needed())
            .unwrap_or_default();
        if self.dates.get(Milestone::DecisionMade).is_some() {
            for before in [
                Milestone::AgencyInformationRequested,
                Milestone::AgencyReturnsReceived,
            ] {
                if self.dates.get(before).is_none() {
                    not_needed.push(before);
                }
            }
        }
        not_needed
    }

    /// How many agency returns are overdue on `today`: none once the decision they were for
    /// has been made.
    pub fn overdue_returns(&self, today: NaiveDate) -> usize {
        if self.dates.get(Milestone::DecisionMade).is_some() {
            return 0;
        }
        overdue_returns(self.agency_returns.values(), today)
    }

    /// Adds a request for a return, and keeps the stage dates in step with the list.
    pub fn add_return(&mut self, id: RecordId, request: AgencyReturn) {
        self.agency_returns.insert(id, request);
        self.sync_return_dates();
    }

    /// Records (or with `None`, clears) the date a return came in.
    pub fn receive_return(&mut self, id: RecordId, on: Option<NaiveDate>) {
        if let Some(r) = self.agency_returns.get_mut(&id) {
            r.received_on = on;
        }
        self.sync_return_dates();
    }

    /// Removes a request for a return (asked by mistake).
    pub fn remove_return(&mut self, id: RecordId) {
        self.agency_returns.remove(&id);
        self.sync_return_dates();
    }

    /// Once the review keeps a list of returns, the list is what the stage dates say: agencies
    /// were asked on the first date any was asked (unless an earlier date is recorded), and
    /// the returns were received when the last came in, or not yet while any is outstanding.
    fn sync_return_dates(&mut self) {
        let Some(first_asked) = self.agency_returns.values().map(|r| r.asked_on).min() else {
            return;
        };
        let asked = Milestone::AgencyInformationRequested;
        if self.dates.get(asked).is_none_or(|d| d > first_asked) {
            self.dates.set(asked, Some(first_asked));
        }
        let all_in: Option<Vec<NaiveDate>> = self
            .agency_returns
            .values()
            .map(|r| r.received_on)
            .collect();
        self.dates.set(
            Milestone::AgencyReturnsReceived,
            all_in.and_then(|dates| dates.into_iter().max()),
        );
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
        let (decision, on) = ok
            .validate(ReviewType::AdultSupportAndProtection, Some(day(2025, 3, 1)))
            .unwrap();
        assert_eq!(on, day(2025, 4, 1));
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

    fn review(review_type: ReviewType) -> super::super::Review {
        use chrono::TimeZone;
        super::super::Review::new(
            crate::ids::ReviewId::from_random_bytes([7; 16]),
            super::super::new_review::NewReview {
                title: "Review 2025-03".into(),
                review_type,
                notification_received: day(2025, 3, 1),
                committee: "Example CPC".into(),
            },
            chrono::Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap(),
        )
    }

    #[test]
    fn no_review_closes_the_review_with_only_the_decision_notice_still_due() {
        use super::super::lifecycle::{current_stage, lifecycle, next_due, MilestoneState};
        use super::super::ReviewStatus;
        let mut review = review(ReviewType::ChildProtection);
        let form = DecisionForm {
            outcome: Some(Outcome::NoReview),
            reasons: "Single-agency learning already under way.".into(),
            decided_by: "Child Protection Committee (chair)".into(),
            decided_on: Some(day(2025, 4, 2)),
            ratified_on: None,
        };
        let (decision, on) = form
            .validate(review.review_type, Some(review.notification_date()))
            .unwrap();
        review.record_decision(decision, on);
        assert_eq!(review.status, ReviewStatus::Closed);
        assert_eq!(
            review.dates.get(Milestone::DecisionMade),
            Some(day(2025, 4, 2))
        );
        let next = next_due(&review).unwrap();
        assert_eq!(next.milestone, Milestone::CareInspectorateToldOfDecision);
        assert_eq!(next.due, day(2025, 4, 2));
        let rows = lifecycle(&review, day(2025, 4, 10));
        let state = |m: Milestone| rows.iter().find(|r| r.milestone == m).unwrap().state;
        assert_eq!(state(Milestone::SignedOff), MilestoneState::NotNeeded);
        assert!(matches!(
            state(Milestone::CareInspectorateToldOfDecision),
            MilestoneState::Overdue { days_over: 8, .. }
        ));
        review
            .record_date(
                Milestone::CareInspectorateToldOfDecision,
                Some(day(2025, 4, 3)),
            )
            .unwrap();
        assert_eq!(next_due(&review), None, "nothing else is due");
        // Information gathering for the decision was never recorded; the decision is made, so
        // it is not needed either, and every stage the review needs has its date.
        assert_eq!(
            state(Milestone::AgencyReturnsReceived),
            MilestoneState::NotNeeded
        );
        assert_eq!(current_stage(&review), None);
        assert!(review.time_taken(day(2025, 6, 1)).is_none());

        // The decision is changed to a Learning Review: the review opens again and needs every stage.
        let (decision, on) = DecisionForm {
            outcome: Some(Outcome::LearningReview),
            ..form
        }
        .validate(review.review_type, Some(review.notification_date()))
        .unwrap();
        review.record_decision(decision, on);
        assert_eq!(review.status, ReviewStatus::Open);
        assert_eq!(
            review.not_needed(),
            [
                Milestone::AgencyInformationRequested,
                Milestone::AgencyReturnsReceived
            ],
            "only the gathering for the decision, which was never recorded"
        );
        assert_eq!(
            next_due(&review).unwrap().milestone,
            Milestone::ReportFinalised
        );
        review.clear_decision();
        assert_eq!(review.dates.get(Milestone::DecisionMade), None);
    }

    #[test]
    fn the_returns_list_sets_the_stage_dates_and_the_first_outstanding_return_is_next_due() {
        use super::super::lifecycle::{due_date, next_due, DueDate};
        let mut review = review(ReviewType::AdultSupportAndProtection);
        let t = review.timescales.clone();
        for (n, agency, asked) in [
            (1u128, "Health", day(2025, 3, 3)),
            (2, "Police Scotland", day(2025, 3, 4)),
            (3, "Education", day(2025, 3, 5)),
        ] {
            review.add_return(RecordId::fixed(n), AgencyReturn::asked(agency, asked, &t));
        }
        assert_eq!(
            review.dates.get(Milestone::AgencyInformationRequested),
            Some(day(2025, 3, 3))
        );
        assert_eq!(
            due_date(&review, Milestone::AgencyReturnsReceived),
            DueDate::On(day(2025, 3, 17))
        );
        review.receive_return(RecordId::fixed(1), Some(day(2025, 3, 10)));
        review.receive_return(RecordId::fixed(2), Some(day(2025, 3, 12)));
        assert_eq!(
            review.dates.get(Milestone::AgencyReturnsReceived),
            None,
            "Education's is still out"
        );
        let next = next_due(&review).unwrap();
        assert_eq!(
            (next.milestone, next.due),
            (Milestone::AgencyReturnsReceived, day(2025, 3, 19))
        );
        assert_eq!(
            overdue_returns(review.agency_returns.values(), day(2025, 3, 20)),
            1
        );
        let order: Vec<&str> = returns_in_order(&review.agency_returns)
            .iter()
            .map(|(_, r)| r.agency.as_str())
            .collect();
        assert_eq!(order, ["Health", "Police Scotland", "Education"]);
        review.receive_return(RecordId::fixed(3), Some(day(2025, 3, 21)));
        assert_eq!(
            review.dates.get(Milestone::AgencyReturnsReceived),
            Some(day(2025, 3, 21))
        );
        review.receive_return(RecordId::fixed(3), None);
        assert_eq!(review.dates.get(Milestone::AgencyReturnsReceived), None);
        review.remove_return(RecordId::fixed(3));
        assert_eq!(
            review.dates.get(Milestone::AgencyReturnsReceived),
            Some(day(2025, 3, 12))
        );
    }

    #[test]
    fn a_return_is_received_between_the_request_and_today() {
        let r = AgencyReturn::asked("Health", day(2025, 3, 3), &Timescales::default());
        assert!(r
            .check_received(day(2025, 3, 2), day(2025, 3, 20))
            .unwrap_err()
            .message
            .contains("3 March 2025"));
        assert!(r
            .check_received(day(2025, 3, 21), day(2025, 3, 20))
            .is_err());
        assert!(r.check_received(day(2025, 3, 3), day(2025, 3, 20)).is_ok());
        assert!(r.check_received(day(2025, 3, 20), day(2025, 3, 20)).is_ok());
    }

    #[test]
    fn a_return_request_needs_an_agency_and_a_date_and_may_set_its_own_due_date() {
        let t = Timescales::default();
        assert_eq!(
            validate_return_request(" ", None, None, &t)
                .unwrap_err()
                .len(),
            2
        );
        let early =
            validate_return_request("Health", Some(day(2025, 3, 3)), Some(day(2025, 3, 1)), &t)
                .unwrap_err();
        assert!(early[0].message.contains("3 March 2025"));
        let own = validate_return_request(
            " Health ",
            Some(day(2025, 3, 3)),
            Some(day(2025, 3, 31)),
            &t,
        )
        .unwrap();
        assert_eq!(
            (own.agency.as_str(), own.due_on),
            ("Health", day(2025, 3, 31))
        );
        let default = validate_return_request("Health", Some(day(2025, 3, 3)), None, &t).unwrap();
        assert_eq!(default.due_on, day(2025, 3, 17));
    }
}
