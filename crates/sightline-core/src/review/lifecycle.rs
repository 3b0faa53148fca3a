//! The lifecycle of a Learning Review (DOMAIN.md section 2): its stages, the dated milestones
//! that mark progress through them, and the rules that say when each milestone is due.
//!
//! Every rule takes "today" as a UK calendar date from the caller; nothing here reads a clock.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::dates::{days_between, format_uk_date, plural_days};
use crate::review::{Review, ReviewStatus, ReviewType};

/// A stage of the national guidance's process, numbered as in DOMAIN.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stage {
    pub number: u8,
    pub name: &'static str,
}

/// The thirteen stages of a Learning Review, in order.
pub const STAGES: [Stage; 13] = [
    Stage {
        number: 1,
        name: "Notification received",
    },
    Stage {
        number: 2,
        name: "Information gathering for the decision",
    },
    Stage {
        number: 3,
        name: "Recommendation and decision",
    },
    Stage {
        number: 4,
        name: "Care Inspectorate told of the decision",
    },
    Stage {
        number: 5,
        name: "Set-up",
    },
    Stage {
        number: 6,
        name: "Information gathering",
    },
    Stage {
        number: 7,
        name: "Practitioners' event",
    },
    Stage {
        number: 8,
        name: "Managers' event",
    },
    Stage {
        number: 9,
        name: "Report",
    },
    Stage {
        number: 10,
        name: "Sign-off",
    },
    Stage {
        number: 11,
        name: "Care Inspectorate told of the outcome",
    },
    Stage {
        number: 12,
        name: "Action plan",
    },
    Stage {
        number: 13,
        name: "Sharing the learning",
    },
];

/// A dated event that marks progress through a stage. A review records the date each one
/// happened; some are due a set time after another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    NotificationReceived,
    AgencyInformationRequested,
    AgencyReturnsReceived,
    DecisionMade,
    CareInspectorateToldOfDecision,
    SetUpComplete,
    InformationGatheringComplete,
    PractitionersEventHeld,
    ManagersEventHeld,
    ReportFinalised,
    SignedOff,
    CareInspectorateToldOfOutcome,
    ActionPlanAgreed,
    LearningShared,
}

impl Milestone {
    /// Every milestone, in lifecycle order.
    pub const ALL: [Milestone; 14] = [
        Milestone::NotificationReceived,
        Milestone::AgencyInformationRequested,
        Milestone::AgencyReturnsReceived,
        Milestone::DecisionMade,
        Milestone::CareInspectorateToldOfDecision,
        Milestone::SetUpComplete,
        Milestone::InformationGatheringComplete,
        Milestone::PractitionersEventHeld,
        Milestone::ManagersEventHeld,
        Milestone::ReportFinalised,
        Milestone::SignedOff,
        Milestone::CareInspectorateToldOfOutcome,
        Milestone::ActionPlanAgreed,
        Milestone::LearningShared,
    ];

    /// The stage this milestone belongs to.
    pub fn stage(self) -> Stage {
        let number = match self {
            Milestone::NotificationReceived => 1,
            Milestone::AgencyInformationRequested | Milestone::AgencyReturnsReceived => 2,
            Milestone::DecisionMade => 3,
            Milestone::CareInspectorateToldOfDecision => 4,
            Milestone::SetUpComplete => 5,
            Milestone::InformationGatheringComplete => 6,
            Milestone::PractitionersEventHeld => 7,
            Milestone::ManagersEventHeld => 8,
            Milestone::ReportFinalised => 9,
            Milestone::SignedOff => 10,
            Milestone::CareInspectorateToldOfOutcome => 11,
            Milestone::ActionPlanAgreed => 12,
            Milestone::LearningShared => 13,
        };
        STAGES[number - 1]
    }

    /// What the milestone's date records, as a heading: "Decision made".
    pub fn label(self) -> &'static str {
        match self {
            Milestone::NotificationReceived => "Notification received",
            Milestone::AgencyInformationRequested => "Agencies asked for information",
            Milestone::AgencyReturnsReceived => "Agency returns received",
            Milestone::DecisionMade => "Decision made",
            Milestone::CareInspectorateToldOfDecision => "Care Inspectorate told of the decision",
            Milestone::SetUpComplete => "Review Team set up",
            Milestone::InformationGatheringComplete => "Information gathering finished",
            Milestone::PractitionersEventHeld => "Practitioners' event held",
            Milestone::ManagersEventHeld => "Managers' event held",
            Milestone::ReportFinalised => "Final report agreed",
            Milestone::SignedOff => "Review signed off",
            Milestone::CareInspectorateToldOfOutcome => "Care Inspectorate told of the outcome",
            Milestone::ActionPlanAgreed => "Action plan agreed",
            Milestone::LearningShared => "Learning first shared",
        }
    }

    /// A short name for ids and test hooks: "decision_made".
    pub fn key(self) -> &'static str {
        match self {
            Milestone::NotificationReceived => "notification_received",
            Milestone::AgencyInformationRequested => "agency_information_requested",
            Milestone::AgencyReturnsReceived => "agency_returns_received",
            Milestone::DecisionMade => "decision_made",
            Milestone::CareInspectorateToldOfDecision => "care_inspectorate_told_of_decision",
            Milestone::SetUpComplete => "set_up_complete",
            Milestone::InformationGatheringComplete => "information_gathering_complete",
            Milestone::PractitionersEventHeld => "practitioners_event_held",
            Milestone::ManagersEventHeld => "managers_event_held",
            Milestone::ReportFinalised => "report_finalised",
            Milestone::SignedOff => "signed_off",
            Milestone::CareInspectorateToldOfOutcome => "care_inspectorate_told_of_outcome",
            Milestone::ActionPlanAgreed => "action_plan_agreed",
            Milestone::LearningShared => "learning_shared",
        }
    }

    /// Finds a milestone by its [`key`](Self::key).
    pub fn from_key(key: &str) -> Option<Milestone> {
        Milestone::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// How long each step may take. The defaults follow the national guidance (DOMAIN.md section 2);
/// a committee may change them for a review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Timescales {
    /// Decision due this many weeks after the notification.
    pub decision_weeks: u32,
    /// Agency returns due this many days after they were requested.
    pub agency_returns_days: u32,
    /// The review must be signed off within this many months of the decision.
    pub completion_months: u32,
    /// The review aims to be signed off within this many months of the decision.
    pub completion_target_months: u32,
    /// For adult reviews, the Care Inspectorate gets the outcome within this many days of sign-off.
    pub outcome_notice_days: u32,
    /// A milestone is "due soon" when this many days or fewer are left.
    pub due_soon_days: u32,
    /// The Care Inspectorate is told of the decision this many days after it ("at the point
    /// of decision": 0).
    pub decision_notice_days: u32,
    /// The final report is agreed this many months after the decision, leaving time for
    /// sign-off within the aim.
    pub report_months: u32,
}

impl Default for Timescales {
    fn default() -> Self {
        Self {
            decision_weeks: 6,
            agency_returns_days: 14,
            completion_months: 9,
            completion_target_months: 6,
            outcome_notice_days: 7,
            due_soon_days: 7,
            decision_notice_days: 0,
            report_months: 5,
        }
    }
}

/// How a milestone's due date is worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DueRule {
    NoTimescale,
    DaysAfter(Milestone, u32),
    MonthsAfter(Milestone, u32),
}

fn due_rule(milestone: Milestone, review_type: ReviewType, timescales: &Timescales) -> DueRule {
    match milestone {
        Milestone::AgencyReturnsReceived => DueRule::DaysAfter(
            Milestone::AgencyInformationRequested,
            timescales.agency_returns_days,
        ),
        Milestone::DecisionMade => DueRule::DaysAfter(
            Milestone::NotificationReceived,
            timescales.decision_weeks * 7,
        ),
        // The guidance says the Care Inspectorate is told "at the point of decision".
        Milestone::CareInspectorateToldOfDecision => {
            DueRule::DaysAfter(Milestone::DecisionMade, timescales.decision_notice_days)
        }
        Milestone::ReportFinalised => {
            DueRule::MonthsAfter(Milestone::DecisionMade, timescales.report_months)
        }
        Milestone::SignedOff => {
            DueRule::MonthsAfter(Milestone::DecisionMade, timescales.completion_months)
        }
        Milestone::CareInspectorateToldOfOutcome => match review_type {
            ReviewType::AdultSupportAndProtection => {
                DueRule::DaysAfter(Milestone::SignedOff, timescales.outcome_notice_days)
            }
            ReviewType::ChildProtection => DueRule::NoTimescale,
        },
        _ => DueRule::NoTimescale,
    }
}

/// Adds calendar months the way people count them: 31 May plus 9 months is the last day of
/// February, not a day in March.
fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// When a milestone is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueDate {
    /// The guidance sets no timescale for it.
    NoTimescale,
    /// It has a timescale, counted from a milestone that has no date yet.
    WaitingFor(Milestone),
    /// Due on this date.
    On(NaiveDate),
}

/// Works out when `milestone` is due for `review`. Once agencies have been asked for returns
/// in the review's list, "Agency returns received" is due when the first outstanding one is.
pub fn due_date(review: &Review, milestone: Milestone) -> DueDate {
    if milestone == Milestone::AgencyReturnsReceived {
        if let Some(due) = review
            .agency_returns
            .values()
            .filter(|r| r.received_on.is_none())
            .map(|r| r.due_on)
            .min()
        {
            return DueDate::On(due);
        }
    }
    let add = |from: NaiveDate, rule: DueRule| match rule {
        DueRule::DaysAfter(_, days) => from + chrono::Duration::days(i64::from(days)),
        DueRule::MonthsAfter(_, months) => add_months(from, months),
        DueRule::NoTimescale => from,
    };
    let rule = due_rule(milestone, review.review_type, &review.timescales);
    let from = match rule {
        DueRule::NoTimescale => return DueDate::NoTimescale,
        DueRule::DaysAfter(from, _) | DueRule::MonthsAfter(from, _) => from,
    };
    match review.dates.get(from) {
        Some(start) => DueDate::On(add(start, rule)),
        None => DueDate::WaitingFor(from),
    }
}

/// Where a milestone stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MilestoneState {
    /// It happened on this date.
    Done(NaiveDate),
    /// Its due date has passed.
    Overdue { due: NaiveDate, days_over: i64 },
    /// It is due today or within the review's "due soon" window.
    DueSoon { due: NaiveDate, days_left: i64 },
    /// It is due later than that.
    Due { due: NaiveDate, days_left: i64 },
    /// Its due date depends on a milestone not yet recorded.
    WaitingFor(Milestone),
    /// No timescale applies.
    NoTimescale,
    /// The review was marked complete without a date for it.
    NotRecorded,
    /// The committee's decision means the review does not need it.
    NotNeeded,
}

impl MilestoneState {
    /// One or two words for the state, as shown in a tag: "Overdue".
    pub fn label(&self) -> &'static str {
        match self {
            MilestoneState::Done(_) => "Done",
            MilestoneState::Overdue { .. } => "Overdue",
            MilestoneState::DueSoon { .. } => "Due soon",
            MilestoneState::Due { .. } => "Due",
            MilestoneState::WaitingFor(_) => "Not started",
            MilestoneState::NoTimescale => "Not started",
            MilestoneState::NotRecorded => "Not recorded",
            MilestoneState::NotNeeded => "Not needed",
        }
    }

    /// A short explanation to go with the label: "3 days overdue".
    pub fn detail(&self) -> String {
        match self {
            MilestoneState::Done(_) => String::new(),
            MilestoneState::Overdue { days_over, .. } => {
                format!("{} overdue", plural_days(*days_over))
            }
            MilestoneState::DueSoon { days_left: 0, .. } => "Due today".to_owned(),
            MilestoneState::DueSoon { days_left, .. } | MilestoneState::Due { days_left, .. } => {
                format!("{} left", plural_days(*days_left))
            }
            MilestoneState::WaitingFor(milestone) => {
                format!(
                    "Due date set once \u{201c}{}\u{201d} has a date",
                    milestone.label()
                )
            }
            MilestoneState::NoTimescale => "No set timescale".to_owned(),
            MilestoneState::NotRecorded => String::new(),
            MilestoneState::NotNeeded => "Not needed after the decision".to_owned(),
        }
    }

    /// Whether the state needs attention now (overdue or due soon).
    pub fn needs_attention(&self) -> bool {
        matches!(
            self,
            MilestoneState::Overdue { .. } | MilestoneState::DueSoon { .. }
        )
    }
}

/// Works out where `due` stands on `today`, for a milestone not yet done.
fn state_for_due(due: NaiveDate, today: NaiveDate, due_soon_days: u32) -> MilestoneState {
    let days_left = days_between(today, due);
    if days_left < 0 {
        MilestoneState::Overdue {
            due,
            days_over: -days_left,
        }
    } else if days_left <= i64::from(due_soon_days) {
        MilestoneState::DueSoon { due, days_left }
    } else {
        MilestoneState::Due { due, days_left }
    }
}

/// One line of a review's lifecycle as the Overview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LifecycleRow {
    pub milestone: Milestone,
    pub recorded: Option<NaiveDate>,
    pub due: DueDate,
    pub state: MilestoneState,
    /// Extra guidance for the row, such as the six-month mark on sign-off.
    pub note: Option<String>,
}

/// The review's lifecycle on `today`: every milestone with its date, due date and state.
pub fn lifecycle(review: &Review, today: NaiveDate) -> Vec<LifecycleRow> {
    let not_needed = review.not_needed();
    Milestone::ALL
        .into_iter()
        .map(|milestone| {
            let recorded = review.dates.get(milestone);
            let due = due_date(review, milestone);
            let state = match (recorded, due) {
                (Some(date), _) => MilestoneState::Done(date),
                (None, _) if not_needed.contains(&milestone) => MilestoneState::NotNeeded,
                (None, _) if review.status == ReviewStatus::Complete => MilestoneState::NotRecorded,
                (None, DueDate::On(due)) => {
                    state_for_due(due, today, review.timescales.due_soon_days)
                }
                (None, DueDate::WaitingFor(from)) => MilestoneState::WaitingFor(from),
                (None, DueDate::NoTimescale) => MilestoneState::NoTimescale,
            };
            let note = six_month_note(review, milestone);
            LifecycleRow {
                milestone,
                recorded,
                due,
                state,
                note,
            }
        })
        .collect()
}

/// The date the review aims to be signed off by (six months after the decision, by default).
pub fn completion_target(review: &Review) -> Option<NaiveDate> {
    review
        .dates
        .get(Milestone::DecisionMade)
        .map(|decision| add_months(decision, review.timescales.completion_target_months))
}

fn six_month_note(review: &Review, milestone: Milestone) -> Option<String> {
    if milestone != Milestone::SignedOff {
        return None;
    }
    let months = review.timescales.completion_target_months;
    Some(match completion_target(review) {
        Some(target) => format!("{months}-month mark: {}", format_uk_date(target)),
        None => format!("Aim to sign off within {months} months of the decision"),
    })
}

/// The review's next due milestone: the earliest due date among milestones not yet done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextDue {
    pub milestone: Milestone,
    pub due: NaiveDate,
}

impl NextDue {
    /// Days from `today` to the due date; negative when overdue.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        days_between(today, self.due)
    }

    /// Whether the due date has passed on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.days_left(today) < 0
    }

    /// "3 days overdue", "Due today" or "12 days left".
    pub fn countdown(&self, today: NaiveDate) -> String {
        match self.days_left(today) {
            0 => "Due today".to_owned(),
            days if days < 0 => format!("{} overdue", plural_days(-days)),
            days => format!("{} left", plural_days(days)),
        }
    }
}

/// What the review is waiting for next, or `None` when nothing with a timescale is outstanding
/// or the review is complete.
pub fn next_due(review: &Review) -> Option<NextDue> {
    if review.status == ReviewStatus::Complete {
        return None;
    }
    let not_needed = review.not_needed();
    Milestone::ALL
        .into_iter()
        .filter(|milestone| review.dates.get(*milestone).is_none())
        .filter(|milestone| !not_needed.contains(milestone))
        .filter_map(|milestone| match due_date(review, milestone) {
            DueDate::On(due) => Some(NextDue { milestone, due }),
            _ => None,
        })
        // `min_by_key` keeps the first of equal keys, so ties go to the earlier milestone.
        .min_by_key(|next| next.due)
}

/// The stage the review is in: the stage of the first milestone it needs without a date.
pub fn current_stage(review: &Review) -> Option<Stage> {
    let not_needed = review.not_needed();
    Milestone::ALL
        .into_iter()
        .find(|milestone| review.dates.get(*milestone).is_none() && !not_needed.contains(milestone))
        .map(Milestone::stage)
}
