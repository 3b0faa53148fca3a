//! The people and agencies register: the subject by code, family members by relationship,
//! professionals by role and number, and the agencies they work for. No field asks for a real
//! name.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{record, tidy, RecordKind};
use crate::form::FieldError;
use crate::ids::{IdSource, RecordId};
use crate::review::ReviewType;

/// An agency involved in the review: "Health", "Police Scotland", "Education".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub id: RecordId,
    pub name: String,
    pub updated_at: DateTime<Utc>,
}
record!(Agency, RecordKind::Agency, agencies);

/// Who a person in the register is to the review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    /// The child or adult the review is about, by code ("Child A").
    Subject,
    /// A family member or carer, by relationship ("Mother").
    Family,
    /// A practitioner or manager, by role and number ("Health Visitor 1").
    #[default]
    Professional,
    /// Anyone else, by a description that does not identify them.
    Other,
}

impl PersonKind {
    pub const ALL: [PersonKind; 4] = [
        PersonKind::Subject,
        PersonKind::Family,
        PersonKind::Professional,
        PersonKind::Other,
    ];

    /// The kind as people say it.
    pub fn label(self) -> &'static str {
        match self {
            PersonKind::Subject => "Subject of the review",
            PersonKind::Family => "Family member or carer",
            PersonKind::Professional => "Professional",
            PersonKind::Other => "Someone else",
        }
    }

    /// A short name for form values.
    pub fn key(self) -> &'static str {
        match self {
            PersonKind::Subject => "subject",
            PersonKind::Family => "family",
            PersonKind::Professional => "professional",
            PersonKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<PersonKind> {
        PersonKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The review's own events a person can take part in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    /// A one-to-one conversation with the reviewer.
    Conversation,
    PractitionersEvent,
    ManagersEvent,
}

impl Participation {
    pub const ALL: [Participation; 3] = [
        Participation::Conversation,
        Participation::PractitionersEvent,
        Participation::ManagersEvent,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Participation::Conversation => "Conversation with the reviewer",
            Participation::PractitionersEvent => "Practitioners' event",
            Participation::ManagersEvent => "Managers' event",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Participation::Conversation => "conversation",
            Participation::PractitionersEvent => "practitioners_event",
            Participation::ManagersEvent => "managers_event",
        }
    }
}

/// A person in the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: RecordId,
    #[serde(default)]
    pub kind: PersonKind,
    /// How the review refers to them: "Child A", "Mother", "Health Visitor 1".
    pub label: String,
    /// Professionals: their role ("Health Visitor"); family: their relationship ("Mother").
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub agency: Option<RecordId>,
    /// For the subject: an age band such as "under 1" or "65 to 74", never a date of birth.
    #[serde(default)]
    pub age_band: String,
    /// The review's events they took part in.
    #[serde(default)]
    pub took_part_in: BTreeSet<Participation>,
    /// Support offered to them through the review (a key feature for staff).
    #[serde(default)]
    pub support_offered: String,
    #[serde(default)]
    pub notes: String,
    pub updated_at: DateTime<Utc>,
}
record!(Person, RecordKind::Person, people, links(person, links) {
    links.optional(RecordKind::Agency, &mut person.agency);
});

/// Letters a subject's code may use: not Q, X or Z, which hint at a name's origin, nor I and O,
/// which read as numbers.
pub const SUBJECT_CODE_LETTERS: &str = "ABCDEFGHJKLMNPRSTUVWY";

/// A code for the review's subject, "Child K" or "Adult K", with a letter chosen at random (so
/// that it cannot echo a real initial) from those not already used in `existing` labels.
pub fn suggest_subject_code(
    review_type: ReviewType,
    existing: &[&str],
    ids: &mut dyn IdSource,
) -> String {
    let noun = match review_type {
        ReviewType::ChildProtection => "Child",
        ReviewType::AdultSupportAndProtection => "Adult",
    };
    let candidates: Vec<char> = SUBJECT_CODE_LETTERS
        .chars()
        .filter(|letter| {
            let code = format!("{noun} {letter}");
            !existing
                .iter()
                .any(|label| label.eq_ignore_ascii_case(&code))
        })
        .collect();
    let letters: Vec<char> = if candidates.is_empty() {
        SUBJECT_CODE_LETTERS.chars().collect()
    } else {
        candidates
    };
    let letter = letters[ids.below(letters.len() as u32) as usize];
    format!("{noun} {letter}")
}

/// The next label for a professional in `role`: "Health Visitor 1", then "Health Visitor 2".
pub fn suggest_professional_label(role: &str, existing: &[&str]) -> String {
    let role = role.trim();
    let taken: BTreeSet<u32> = existing
        .iter()
        .filter_map(|label| {
            let rest = label.trim().strip_prefix(role)?;
            rest.trim().parse::<u32>().ok()
        })
        .collect();
    let next = (1..).find(|n| !taken.contains(n)).unwrap_or(1);
    format!("{role} {next}")
}

/// The person form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonForm {
    pub kind: Option<PersonKind>,
    pub label: String,
    pub role: String,
    pub agency: Option<RecordId>,
    pub age_band: String,
    pub took_part_in: BTreeSet<Participation>,
    pub support_offered: String,
    pub notes: String,
}

impl PersonForm {
    /// The form filled in from an existing person, for editing.
    pub fn from_person(person: &Person) -> Self {
        Self {
            kind: Some(person.kind),
            label: person.label.clone(),
            role: person.role.clone(),
            agency: person.agency,
            age_band: person.age_band.clone(),
            took_part_in: person.took_part_in.clone(),
            support_offered: person.support_offered.clone(),
            notes: person.notes.clone(),
        }
    }

    /// Checks the form and writes it into `person`. `others` are the labels of everyone else
    /// in the register, which a label must not repeat.
    pub fn apply(
        &self,
        person: &mut Person,
        others: &[&str],
        at: DateTime<Utc>,
    ) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let label = tidy(&self.label);
        if self.kind.is_none() {
            errors.push(FieldError::new(
                "person-kind-subject",
                "Select who this person is to the review",
            ));
        }
        if label.is_empty() {
            errors.push(FieldError::new(
                "person-label",
                "Enter how the review refers to them, such as \u{201c}Mother\u{201d} or \u{201c}Health Visitor 1\u{201d}",
            ));
        } else if label.chars().count() > 80 {
            errors.push(FieldError::new(
                "person-label",
                "The label must be 80 characters or fewer",
            ));
        } else if others.iter().any(|o| o.trim().eq_ignore_ascii_case(&label)) {
            errors.push(FieldError::new(
                "person-label",
                format!("\u{201c}{label}\u{201d} is already in the register: add a number, such as \u{201c}{label} 2\u{201d}"),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        person.kind = self.kind.unwrap_or_default();
        person.label = label;
        person.role = tidy(&self.role);
        person.agency = self.agency;
        person.age_band = tidy(&self.age_band);
        person.took_part_in = self.took_part_in.clone();
        person.support_offered = self.support_offered.trim_end().to_owned();
        person.notes = self.notes.trim_end().to_owned();
        person.updated_at = at;
        Ok(())
    }
}

impl Person {
    /// An empty person with a new id, to fill from a [`PersonForm`].
    pub fn blank(id: RecordId, at: DateTime<Utc>) -> Self {
        Self {
            id,
            kind: PersonKind::Professional,
            label: String::new(),
            role: String::new(),
            agency: None,
            age_band: String::new(),
            took_part_in: BTreeSet::new(),
            support_offered: String::new(),
            notes: String::new(),
            updated_at: at,
        }
    }
}

/// Checks an agency name: present, not too long, not already in the list. Returns it trimmed.
pub fn validate_agency_name(name: &str, others: &[&str]) -> Result<String, FieldError> {
    let name = tidy(name);
    if name.is_empty() {
        return Err(FieldError::new(
            "agency-name",
            "Enter the agency\u{2019}s name, such as \u{201c}Health\u{201d} or \u{201c}Police Scotland\u{201d}",
        ));
    }
    if name.chars().count() > 80 {
        return Err(FieldError::new(
            "agency-name",
            "The agency\u{2019}s name must be 80 characters or fewer",
        ));
    }
    if others.iter().any(|o| o.trim().eq_ignore_ascii_case(&name)) {
        return Err(FieldError::new(
            "agency-name",
            format!("\u{201c}{name}\u{201d} is already in the list"),
        ));
    }
    Ok(name)
}

/// Finds an agency by name, ignoring case and surrounding spaces.
pub fn find_agency_by_name<'a>(agencies: &'a [Agency], name: &str) -> Option<&'a Agency> {
    let name = name.trim();
    agencies
        .iter()
        .find(|a| a.name.trim().eq_ignore_ascii_case(name))
}

/// Finds a person by label, ignoring case and surrounding spaces.
pub fn find_person_by_label<'a>(people: &'a [Person], label: &str) -> Option<&'a Person> {
    let label = label.trim();
    people
        .iter()
        .find(|p| p.label.trim().eq_ignore_ascii_case(label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::SeededIds;
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
    }

    #[test]
    fn subject_codes_avoid_q_x_z_and_letters_already_used() {
        let mut ids = SeededIds::new(1);
        for _ in 0..200 {
            let code = suggest_subject_code(ReviewType::ChildProtection, &[], &mut ids);
            assert!(code.starts_with("Child "));
            let letter = code.chars().last().unwrap();
            assert!(!"QXZIO".contains(letter), "{code}");
        }
        let adult = suggest_subject_code(ReviewType::AdultSupportAndProtection, &[], &mut ids);
        assert!(adult.starts_with("Adult "));
        // With every letter but one used, the one left is suggested.
        let used: Vec<String> = SUBJECT_CODE_LETTERS
            .chars()
            .filter(|c| *c != 'M')
            .map(|c| format!("Child {c}"))
            .collect();
        let used: Vec<&str> = used.iter().map(String::as_str).collect();
        assert_eq!(
            suggest_subject_code(ReviewType::ChildProtection, &used, &mut ids),
            "Child M"
        );
    }

    #[test]
    fn subject_code_letters_are_spread_rather_than_always_the_first() {
        let mut ids = SeededIds::new(7);
        let letters: BTreeSet<String> = (0..100)
            .map(|_| suggest_subject_code(ReviewType::ChildProtection, &[], &mut ids))
            .collect();
        assert!(letters.len() > 10, "{letters:?}");
    }

    #[test]
    fn professionals_are_numbered_by_role() {
        assert_eq!(
            suggest_professional_label("Health Visitor", &[]),
            "Health Visitor 1"
        );
        assert_eq!(
            suggest_professional_label(
                " Health Visitor ",
                &["Health Visitor 1", "Health Visitor 3", "Social Worker 2"]
            ),
            "Health Visitor 2"
        );
    }

    #[test]
    fn a_person_needs_a_kind_and_a_label_not_already_used() {
        let mut person = Person::blank(RecordId::fixed(1), at());
        let form = PersonForm::default();
        let errors = form.apply(&mut person, &[], at()).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].field, "person-kind-subject");
        assert_eq!(errors[1].field, "person-label");

        let form = PersonForm {
            kind: Some(PersonKind::Family),
            label: " mother ".into(),
            role: "Mother".into(),
            ..Default::default()
        };
        let errors = form.apply(&mut person, &["Mother"], at()).unwrap_err();
        assert!(errors[0].message.contains("already in the register"));
        form.apply(&mut person, &["Father"], at()).unwrap();
        assert_eq!(person.label, "mother");
        assert_eq!(person.kind, PersonKind::Family);
    }

    #[test]
    fn agency_names_are_checked_and_found_without_regard_to_case() {
        assert!(validate_agency_name("  ", &[]).is_err());
        assert!(validate_agency_name("health", &["Health"]).is_err());
        assert_eq!(
            validate_agency_name(" Education ", &["Health"]).unwrap(),
            "Education"
        );
        let agencies = vec![Agency {
            id: RecordId::fixed(2),
            name: "Police Scotland".into(),
            updated_at: at(),
        }];
        assert!(find_agency_by_name(&agencies, "police scotland ").is_some());
        assert!(find_agency_by_name(&agencies, "Police").is_none());
    }
}
