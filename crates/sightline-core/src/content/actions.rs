//! The action plan: what will change, who owns it, by when, and how anyone will know it worked.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::content::Finding;
use crate::content::{record, tidy, RecordKind, ReviewContent};
use crate::dates::{format_uk_date, DateParts, DateProblem};
use crate::form::FieldError;
use crate::ids::RecordId;
use crate::text::escape_formula;

/// Where an action stands.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    /// No longer to be done; the action says why.
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether work is still owed on it.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::NotStarted | ActionStatus::InProgress)
    }
}

/// One action of the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: RecordId,
    /// What will be done.
    pub text: String,
    /// The finding it answers.
    #[serde(default)]
    pub finding: Option<RecordId>,
    /// Who owns it, by role ("Lead Officer, Child Protection").
    #[serde(default)]
    pub owner_role: String,
    /// The owner's agency, from the register.
    #[serde(default)]
    pub owner_agency: Option<RecordId>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: ActionStatus,
    /// Why it was dropped; required when it is.
    #[serde(default)]
    pub dropped_reason: String,
    #[serde(default)]
    pub completion_evidence: String,
    /// How the difference it makes will be measured.
    #[serde(default)]
    pub impact_measure: String,
    pub updated_at: DateTime<Utc>,
}
record!(Action, RecordKind::Action, actions, links(action, links) {
    links.optional(RecordKind::Finding, &mut action.finding);
    links.optional(RecordKind::Agency, &mut action.owner_agency);
});

impl Action {
    pub fn new(id: RecordId, at: DateTime<Utc>) -> Self {
        Self {
            id,
            text: String::new(),
            finding: None,
            owner_role: String::new(),
            owner_agency: None,
            due: None,
            status: ActionStatus::default(),
            dropped_reason: String::new(),
            completion_evidence: String::new(),
            impact_measure: String::new(),
            updated_at: at,
        }
    }

    /// Whether it is still open on `today` after its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }

    /// "Health Visitor team leader, NHS Board" or what there is of it.
    pub fn owner(&self, content: &ReviewContent) -> String {
        let agency = content.agency_name(self.owner_agency);
        match (self.owner_role.is_empty(), agency.is_empty()) {
            (false, false) => format!("{}, {agency}", self.owner_role),
            (false, true) => self.owner_role.clone(),
            (true, false) => agency.to_owned(),
            (true, true) => String::new(),
        }
    }
}

/// The due dates of a review's open actions, for the Reviews page to tell which are overdue.
pub fn open_action_dues(content: &ReviewContent) -> Vec<NaiveDate> {
    let mut dues: Vec<NaiveDate> = content
        .actions
        .iter()
        .filter(|a| a.status.is_open())
        .filter_map(|a| a.due)
        .collect();
    dues.sort();
    dues
}

/// The actions in the order a plan lists them: overdue and soonest due first, done and dropped
/// last.
pub fn plan_order(content: &ReviewContent) -> Vec<&Action> {
    let mut actions: Vec<&Action> = content.actions.iter().collect();
    actions.sort_by_key(|a| (!a.status.is_open(), a.due.is_none(), a.due, a.id));
    actions
}

/// The fields of an action as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionForm {
    pub text: String,
    pub finding: Option<RecordId>,
    pub owner_role: String,
    pub owner_agency: Option<RecordId>,
    pub due: DateParts,
    pub status: ActionStatus,
    pub dropped_reason: String,
    pub completion_evidence: String,
    pub impact_measure: String,
}

impl ActionForm {
    pub fn from_action(action: &Action) -> Self {
        Self {
            text: action.text.clone(),
            finding: action.finding,
            owner_role: action.owner_role.clone(),
            owner_agency: action.owner_agency,
            due: action.due.map(DateParts::from_date).unwrap_or_default(),
            status: action.status,
            dropped_reason: action.dropped_reason.clone(),
            completion_evidence: action.completion_evidence.clone(),
            impact_measure: action.impact_measure.clone(),
        }
    }

    /// Checks the form and writes it into `action`; every problem is listed at once.
    pub fn apply(&self, action: &mut Action) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.text.trim().is_empty() {
            errors.push(FieldError::new("action-text", "Enter what will be done"));
        }
        if self.owner_role.trim().is_empty() {
            errors.push(FieldError::new(
                "action-owner-role",
                "Enter the role of the person who owns the action",
            ));
        }
        let due = match self.due.parse() {
            Ok(date) => Some(date),
            Err(DateProblem::Missing) => {
                errors.push(FieldError::new(
                    "action-due-day",
                    "Enter the date the action is due",
                ));
                None
            }
            Err(problem) => {
                errors.push(FieldError::new(
                    "action-due-day",
                    problem.message(crate::dates::DateLabel {
                        name: "The due date",
                        what: "the date the action is due",
                    }),
                ));
                None
            }
        };
        if self.status == ActionStatus::Dropped && self.dropped_reason.trim().is_empty() {
            errors.push(FieldError::new(
                "action-dropped-reason",
                "Enter why the action was dropped",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        action.text = tidy(&self.text);
        action.finding = self.finding;
        action.owner_role = tidy(&self.owner_role);
        action.owner_agency = self.owner_agency;
        action.due = due;
        action.status = self.status;
        action.dropped_reason = if self.status == ActionStatus::Dropped {
            tidy(&self.dropped_reason)
        } else {
            String::new()
        };
        action.completion_evidence = tidy(&self.completion_evidence);
        action.impact_measure = tidy(&self.impact_measure);
        Ok(())
    }
}

/// The action plan as CSV for a spreadsheet, in plan order, with a byte order mark so that
/// Excel shows every character; cells that a spreadsheet would run as formulas are escaped.
pub fn action_plan_csv(content: &ReviewContent) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let headings = [
        "Action",
        "Finding",
        "Owner role",
        "Owner agency",
        "Due",
        "Status",
        "Why dropped",
        "Evidence of completion",
        "How impact will be measured",
    ];
    writer
        .write_record(headings)
        .expect("writing to memory cannot fail");
    for action in plan_order(content) {
        let finding = action
            .finding
            .and_then(|id| content.get::<Finding>(id))
            .map(|f| f.statement.as_str())
            .unwrap_or("");
        let row = [
            action.text.as_str(),
            finding,
            action.owner_role.as_str(),
            content.agency_name(action.owner_agency),
            &action.due.map(format_uk_date).unwrap_or_default(),
            action.status.label(),
            action.dropped_reason.as_str(),
            action.completion_evidence.as_str(),
            action.impact_measure.as_str(),
        ]
        .map(escape_formula);
        writer
            .write_record(row)
            .expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    format!(
        "\u{feff}{}",
        String::from_utf8(bytes).expect("CSV of strings is UTF-8")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<Utc> {
        "2026-11-26T10:00:00Z".parse().unwrap()
    }

    fn id(n: u8) -> RecordId {
        RecordId::from_random_bytes([n; 16])
    }

    fn form() -> ActionForm {
        ActionForm {
            text: "Audit multi-agency chronologies".into(),
            owner_role: "Lead Officer".into(),
            due: DateParts::new("31", "3", "2027"),
            ..ActionForm::default()
        }
    }

    #[test]
    fn an_action_needs_what_who_and_when_and_a_reason_when_dropped() {
        let mut action = Action::new(id(1), at());
        let errors = ActionForm::default().apply(&mut action).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["action-text", "action-owner-role", "action-due-day"]
        );
        let dropped = ActionForm {
            status: ActionStatus::Dropped,
            ..form()
        };
        assert_eq!(
            dropped.apply(&mut action).unwrap_err()[0].field,
            "action-dropped-reason"
        );
        let bad_date = ActionForm {
            due: DateParts::new("31", "2", "2027"),
            ..form()
        };
        assert_eq!(
            bad_date.apply(&mut action).unwrap_err()[0].field,
            "action-due-day"
        );
        form().apply(&mut action).unwrap();
        assert_eq!(action.due, NaiveDate::from_ymd_opt(2027, 3, 31));
    }

    #[test]
    fn only_open_actions_past_their_due_date_are_overdue() {
        let mut action = Action::new(id(1), at());
        form().apply(&mut action).unwrap();
        let before = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        let after = NaiveDate::from_ymd_opt(2027, 4, 1).unwrap();
        assert!(!action.is_overdue(before), "due today is not overdue");
        assert!(action.is_overdue(after));
        action.status = ActionStatus::InProgress;
        assert!(action.is_overdue(after));
        action.status = ActionStatus::Done;
        assert!(!action.is_overdue(after));
        action.status = ActionStatus::Dropped;
        assert!(!action.is_overdue(after));
    }

    #[test]
    fn the_plan_exports_as_csv_with_formulas_escaped() {
        let mut content = ReviewContent::default();
        let mut action = Action::new(id(1), at());
        ActionForm {
            text: "=HYPERLINK(\"http://x\")".into(),
            ..form()
        }
        .apply(&mut action)
        .unwrap();
        content.put(action);
        let csv = action_plan_csv(&content);
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("Action,Finding,Owner role"));
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
        assert!(csv.contains("31 March 2027"));
        assert!(csv.contains("Not started"));
    }
}
