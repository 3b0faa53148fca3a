//! Setting the review up (DOMAIN.md section 2, stage 5): the Review Team, the review model,
//! scope and period, the review questions, the Family Liaison Strategy and staff support.
//!
//! Lists here (team members, questions, family contacts) are maps keyed by record id rather
//! than arrays, so that each entry's fields are detail fields of their own
//! (`setup.questions.<id>.text`) and two copies that each added or changed an entry merge field
//! by field without losing either (`crate::review::details`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::format_uk_date;
use crate::form::FieldError;
use crate::ids::RecordId;

/// The part a member plays in the Review Team.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum TeamPart {
    /// Chairs the Review Team.
    Chair,
    /// Carries out the review and writes the report (there may be more than one).
    Reviewer,
    #[default]
    Member,
}

impl TeamPart {
    pub const ALL: [TeamPart; 3] = [TeamPart::Chair, TeamPart::Reviewer, TeamPart::Member];

    pub fn label(self) -> &'static str {
        match self {
            TeamPart::Chair => "Chair",
            TeamPart::Reviewer => "Reviewer",
            TeamPart::Member => "Member",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            TeamPart::Chair => "chair",
            TeamPart::Reviewer => "reviewer",
            TeamPart::Member => "member",
        }
    }

    pub fn from_key(key: &str) -> Option<TeamPart> {
        TeamPart::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// A member of the Review Team, by role and agency: never by name, so the team can be shown
/// in a report without identifying anyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamMember {
    /// "Senior social worker", "Named nurse for child protection".
    pub role: String,
    pub agency: String,
    pub part: TeamPart,
}

/// How the review is carried out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewModel {
    #[default]
    NotChosen,
    /// SCIE's Learning Together systems model.
    LearningTogether,
    /// A facilitated learning event with the practitioners and managers involved.
    LearningEvent,
    /// Another model, named in `SetUp::model_other`.
    Other,
}

impl ReviewModel {
    pub const ALL: [ReviewModel; 4] = [
        ReviewModel::NotChosen,
        ReviewModel::LearningTogether,
        ReviewModel::LearningEvent,
        ReviewModel::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReviewModel::NotChosen => "Not chosen yet",
            ReviewModel::LearningTogether => "Learning Together (SCIE systems model)",
            ReviewModel::LearningEvent => "Learning event",
            ReviewModel::Other => "Another model",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ReviewModel::NotChosen => "not_chosen",
            ReviewModel::LearningTogether => "learning_together",
            ReviewModel::LearningEvent => "learning_event",
            ReviewModel::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<ReviewModel> {
        ReviewModel::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// A question the review sets out to answer; findings answer it later.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewQuestion {
    /// Its place in the list, from 1.
    pub number: u32,
    pub text: String,
}

/// A contact with the family, logged by date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyContact {
    pub on: NaiveDate,
    /// What was discussed or agreed, without identifying anyone.
    #[serde(default)]
    pub note: String,
}

/// The Family Liaison Strategy: who keeps in touch with the family, what was agreed, and each
/// contact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FamilyLiaison {
    /// Who liaises with the family, by role and agency.
    pub liaison_by: String,
    /// What was agreed with the family about their involvement.
    pub agreed: String,
    pub contacts: BTreeMap<RecordId, FamilyContact>,
}

/// The review's set-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SetUp {
    pub team: BTreeMap<RecordId, TeamMember>,
    pub model: ReviewModel,
    /// The model's name when it is [`ReviewModel::Other`].
    pub model_other: String,
    /// What the review will and will not look at.
    pub scope: String,
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
    pub questions: BTreeMap<RecordId, ReviewQuestion>,
    pub family_liaison: FamilyLiaison,
    /// How staff involved are supported through the review.
    pub staff_support: String,
}

impl SetUp {
    /// The team in the order a report lists it: the chair, the reviewers, then the members,
    /// each group by role.
    pub fn team_in_order(&self) -> Vec<(RecordId, &TeamMember)> {
        let mut team: Vec<(RecordId, &TeamMember)> =
            self.team.iter().map(|(id, m)| (*id, m)).collect();
        team.sort_by(|a, b| {
            (a.1.part, a.1.role.to_lowercase(), a.0).cmp(&(b.1.part, b.1.role.to_lowercase(), b.0))
        });
        team
    }

    /// The questions in their numbered order.
    pub fn questions_in_order(&self) -> Vec<(RecordId, &ReviewQuestion)> {
        let mut questions: Vec<(RecordId, &ReviewQuestion)> =
            self.questions.iter().map(|(id, q)| (*id, q)).collect();
        questions.sort_by_key(|(id, q)| (q.number, *id));
        questions
    }

    /// Adds a question at the end of the list.
    pub fn add_question(&mut self, id: RecordId, text: &str) -> Result<(), FieldError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(FieldError::new(
                "question-text",
                "Enter the review question",
            ));
        }
        let number = self.questions.values().map(|q| q.number).max().unwrap_or(0) + 1;
        self.questions.insert(
            id,
            ReviewQuestion {
                number,
                text: text.to_owned(),
            },
        );
        Ok(())
    }

    /// Removes a question and numbers the rest from 1 again.
    pub fn remove_question(&mut self, id: RecordId) {
        self.questions.remove(&id);
        self.renumber_questions();
    }

    /// Moves a question one place up (`-1`) or down (`1`) the list.
    pub fn move_question(&mut self, id: RecordId, by: i32) {
        let order: Vec<RecordId> = self
            .questions_in_order()
            .iter()
            .map(|(id, _)| *id)
            .collect();
        let Some(at) = order.iter().position(|q| *q == id) else {
            return;
        };
        let to = at as i64 + i64::from(by);
        if to < 0 || to as usize >= order.len() {
            return;
        }
        let mut order = order;
        order.swap(at, to as usize);
        for (n, id) in order.iter().enumerate() {
            if let Some(q) = self.questions.get_mut(id) {
                q.number = n as u32 + 1;
            }
        }
    }

    fn renumber_questions(&mut self) {
        let order: Vec<RecordId> = self
            .questions_in_order()
            .iter()
            .map(|(id, _)| *id)
            .collect();
        for (n, id) in order.iter().enumerate() {
            if let Some(q) = self.questions.get_mut(id) {
                q.number = n as u32 + 1;
            }
        }
    }

    /// Adds a team member, checked: a role and an agency.
    pub fn add_member(&mut self, id: RecordId, member: TeamMember) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if member.role.trim().is_empty() {
            errors.push(FieldError::new(
                "member-role",
                "Enter the member\u{2019}s role, not their name",
            ));
        }
        if member.agency.trim().is_empty() {
            errors.push(FieldError::new(
                "member-agency",
                "Enter the member\u{2019}s agency",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.team.insert(
            id,
            TeamMember {
                role: member.role.trim().to_owned(),
                agency: member.agency.trim().to_owned(),
                part: member.part,
            },
        );
        Ok(())
    }

    /// Logs a contact with the family.
    pub fn log_contact(
        &mut self,
        id: RecordId,
        on: Option<NaiveDate>,
        note: &str,
    ) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if on.is_none() {
            errors.push(FieldError::new(
                "contact-date",
                "Enter the date of the contact",
            ));
        }
        if note.trim().is_empty() {
            errors.push(FieldError::new(
                "contact-note",
                "Enter what was discussed or agreed",
            ));
        }
        let Some(on) = on.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        self.family_liaison.contacts.insert(
            id,
            FamilyContact {
                on,
                note: note.trim().to_owned(),
            },
        );
        Ok(())
    }

    /// The family contacts, earliest first.
    pub fn contacts_in_order(&self) -> Vec<(RecordId, &FamilyContact)> {
        let mut contacts: Vec<(RecordId, &FamilyContact)> = self
            .family_liaison
            .contacts
            .iter()
            .map(|(id, c)| (*id, c))
            .collect();
        contacts.sort_by_key(|(id, c)| (c.on, *id));
        contacts
    }

    /// Checks the period under review: its end not before its start.
    pub fn check_period(&self) -> Result<(), FieldError> {
        match (self.period_from, self.period_to) {
            (Some(from), Some(to)) if to < from => Err(FieldError::new(
                "period-to",
                format!(
                    "The end of the period must be on or after its start, {}",
                    format_uk_date(from)
                ),
            )),
            _ => Ok(()),
        }
    }

    /// The model as a person reads it: the named model when it is another one.
    pub fn model_text(&self) -> String {
        match self.model {
            ReviewModel::Other if !self.model_other.trim().is_empty() => {
                self.model_other.trim().to_owned()
            }
            model => model.label().to_owned(),
        }
    }

    /// Whether the set-up has what the guidance asks of it: a chair, a reviewer, a model,
    /// scope, a period and at least one question. Each missing part, in words.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if !self.team.values().any(|m| m.part == TeamPart::Chair) {
            missing.push("a chair of the Review Team");
        }
        if !self.team.values().any(|m| m.part == TeamPart::Reviewer) {
            missing.push("a reviewer");
        }
        if self.model == ReviewModel::NotChosen {
            missing.push("the review model");
        }
        if self.scope.trim().is_empty() {
            missing.push("the scope");
        }
        if self.period_from.is_none() || self.period_to.is_none() {
            missing.push("the period under review");
        }
        if self.questions.is_empty() {
            missing.push("at least one review question");
        }
        if self.family_liaison.liaison_by.trim().is_empty() {
            missing.push("who liaises with the family");
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> RecordId {
        RecordId::fixed(n)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn questions_are_numbered_in_order_and_renumbered_when_one_goes_or_moves() {
        let mut setup = SetUp::default();
        assert!(setup.add_question(id(1), "   ").is_err());
        setup
            .add_question(id(3), "How did agencies share information?")
            .unwrap();
        setup
            .add_question(id(1), "What helped or hindered the response to neglect?")
            .unwrap();
        setup
            .add_question(id(2), " Was the voice of the child heard? ")
            .unwrap();
        let texts = |s: &SetUp| {
            s.questions_in_order()
                .iter()
                .map(|(_, q)| (q.number, q.text.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            texts(&setup)[2],
            (3, "Was the voice of the child heard?".into())
        );
        setup.move_question(id(2), -1);
        assert_eq!(texts(&setup)[1].1, "Was the voice of the child heard?");
        setup.move_question(id(3), -1); // already first: nothing moves
        assert_eq!(texts(&setup)[0].1, "How did agencies share information?");
        setup.remove_question(id(3));
        assert_eq!(
            texts(&setup),
            [
                (1, "Was the voice of the child heard?".to_owned()),
                (
                    2,
                    "What helped or hindered the response to neglect?".to_owned()
                )
            ]
        );
    }

    #[test]
    fn the_team_is_listed_chair_first_and_members_need_a_role_and_agency() {
        let mut setup = SetUp::default();
        let errors = setup.add_member(id(9), TeamMember::default()).unwrap_err();
        assert_eq!(errors.len(), 2);
        for (n, role, part) in [
            (1, "Named nurse", TeamPart::Member),
            (2, "Independent reviewer", TeamPart::Reviewer),
            (3, "Head of service", TeamPart::Chair),
        ] {
            setup
                .add_member(
                    id(n),
                    TeamMember {
                        role: role.into(),
                        agency: "NHS Lothian".into(),
                        part,
                    },
                )
                .unwrap();
        }
        let order: Vec<&str> = setup
            .team_in_order()
            .iter()
            .map(|(_, m)| m.role.as_str())
            .collect();
        assert_eq!(
            order,
            ["Head of service", "Independent reviewer", "Named nurse"]
        );
    }

    #[test]
    fn contacts_are_dated_and_listed_earliest_first() {
        let mut setup = SetUp::default();
        assert_eq!(setup.log_contact(id(1), None, "").unwrap_err().len(), 2);
        setup
            .log_contact(
                id(1),
                Some(day(2027, 2, 10)),
                "Agreed how mother will take part",
            )
            .unwrap();
        setup
            .log_contact(id(2), Some(day(2027, 1, 28)), "First letter sent")
            .unwrap();
        let dates: Vec<NaiveDate> = setup
            .contacts_in_order()
            .iter()
            .map(|(_, c)| c.on)
            .collect();
        assert_eq!(dates, [day(2027, 1, 28), day(2027, 2, 10)]);
    }

    #[test]
    fn the_period_cannot_end_before_it_starts_and_missing_parts_are_named() {
        let mut setup = SetUp {
            period_from: Some(day(2026, 3, 1)),
            period_to: Some(day(2026, 2, 28)),
            ..SetUp::default()
        };
        assert!(setup
            .check_period()
            .unwrap_err()
            .message
            .contains("1 March 2026"));
        setup.period_to = Some(day(2026, 3, 1));
        assert!(setup.check_period().is_ok());
        assert!(setup.missing().contains(&"a chair of the Review Team"));
        setup.model = ReviewModel::Other;
        assert_eq!(setup.model_text(), "Another model");
        setup.model_other = "Significant event analysis".into();
        assert_eq!(setup.model_text(), "Significant event analysis");
        assert!(!setup.missing().contains(&"the review model"));
    }
}
