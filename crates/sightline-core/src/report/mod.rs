//! The Reviewer's report (issue 14): the national template's sections, drafted from what the
//! review holds ([`draft`]), edited by the reviewer, issued as numbered drafts and a final
//! version that are kept read-only and compared section by section ([`compare`]), and checked
//! before each issue ([`quality`]).
//!
//! Pure data and rules. The report is part of the review's details (`Review::report`), so it is
//! stored with the review, travels in review files (format version 5 on) and merges field by
//! field like the rest of the details: each section, each core-data line, each answer, each
//! comment and each issued version is its own entry, so two copies' additions are both kept.

pub mod appendix;
pub mod check;
pub mod compare;
pub mod docx;
pub mod draft;
pub mod quality;
pub mod render;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::form::FieldError;
use crate::ids::RecordId;
use crate::review::setup::ReviewModel;

/// The sections of the report, in the national template's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    CoreData,
    Introduction,
    ReviewProcess,
    Facts,
    Analysis,
    Findings,
    Strategies,
    Appendices,
}

impl SectionKey {
    pub const ALL: [SectionKey; 8] = [
        SectionKey::CoreData,
        SectionKey::Introduction,
        SectionKey::ReviewProcess,
        SectionKey::Facts,
        SectionKey::Analysis,
        SectionKey::Findings,
        SectionKey::Strategies,
        SectionKey::Appendices,
    ];

    /// The section's number in the report, from 1.
    pub fn number(self) -> usize {
        SectionKey::ALL.iter().position(|k| *k == self).unwrap_or(0) + 1
    }

    /// The heading. A Learning Together review states findings rather than recommendations,
    /// so its seventh section says so.
    pub fn heading(self, model: ReviewModel) -> &'static str {
        match self {
            SectionKey::CoreData => "Core data",
            SectionKey::Introduction => "Introduction",
            SectionKey::ReviewProcess => "The review process",
            SectionKey::Facts => "The facts",
            SectionKey::Analysis => "Analysis",
            SectionKey::Findings => "Findings and learning",
            SectionKey::Strategies => match model {
                ReviewModel::LearningTogether => "Findings for the committee to consider",
                _ => "Strategies for improvement and recommendations",
            },
            SectionKey::Appendices => "Appendices",
        }
    }

    /// A short name for ids: "review_process".
    pub fn key(self) -> &'static str {
        match self {
            SectionKey::CoreData => "core_data",
            SectionKey::Introduction => "introduction",
            SectionKey::ReviewProcess => "review_process",
            SectionKey::Facts => "facts",
            SectionKey::Analysis => "analysis",
            SectionKey::Findings => "findings",
            SectionKey::Strategies => "strategies",
            SectionKey::Appendices => "appendices",
        }
    }

    pub fn from_key(key: &str) -> Option<SectionKey> {
        SectionKey::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One section of the report as the reviewer has it: its text (lines starting "- " are list
/// items, a blank line starts a paragraph, a line starting "### " is a subheading), and the
/// text the last drafting produced, so that drafting again can tell an edited section from
/// one left as drafted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportSection {
    pub body: String,
    /// What drafting last wrote here; `body` differs from it once the reviewer has edited.
    pub drafted: String,
}

impl ReportSection {
    /// Whether the reviewer has changed the section since it was drafted.
    pub fn edited(&self) -> bool {
        self.body != self.drafted
    }
}

/// A characteristic the core data may give (the adult template's list; the child template's
/// is close to it). Each is left out unless the person includes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoreItem {
    Identifier,
    AgeBand,
    Gender,
    Disability,
    HealthNeeds,
    Education,
    LivingCircumstances,
    LegalStatus,
    AgenciesInvolved,
    FamilyMentalHealth,
    FamilySubstanceUse,
    FamilyDomesticAbuse,
    Housing,
    Finances,
}

impl CoreItem {
    pub const ALL: [CoreItem; 14] = [
        CoreItem::Identifier,
        CoreItem::AgeBand,
        CoreItem::Gender,
        CoreItem::Disability,
        CoreItem::HealthNeeds,
        CoreItem::Education,
        CoreItem::LivingCircumstances,
        CoreItem::LegalStatus,
        CoreItem::AgenciesInvolved,
        CoreItem::FamilyMentalHealth,
        CoreItem::FamilySubstanceUse,
        CoreItem::FamilyDomesticAbuse,
        CoreItem::Housing,
        CoreItem::Finances,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CoreItem::Identifier => "Pseudonymised identifier",
            CoreItem::AgeBand => "Age band",
            CoreItem::Gender => "Gender",
            CoreItem::Disability => "Disability",
            CoreItem::HealthNeeds => "Health needs",
            CoreItem::Education => "Education",
            CoreItem::LivingCircumstances => "Living circumstances",
            CoreItem::LegalStatus => "Legal status",
            CoreItem::AgenciesInvolved => "Agencies involved",
            CoreItem::FamilyMentalHealth => "Family or carer: mental health",
            CoreItem::FamilySubstanceUse => "Family or carer: substance use",
            CoreItem::FamilyDomesticAbuse => "Family or carer: domestic abuse",
            CoreItem::Housing => "Environment: housing",
            CoreItem::Finances => "Environment: finances",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CoreItem::Identifier => "identifier",
            CoreItem::AgeBand => "age_band",
            CoreItem::Gender => "gender",
            CoreItem::Disability => "disability",
            CoreItem::HealthNeeds => "health_needs",
            CoreItem::Education => "education",
            CoreItem::LivingCircumstances => "living_circumstances",
            CoreItem::LegalStatus => "legal_status",
            CoreItem::AgenciesInvolved => "agencies_involved",
            CoreItem::FamilyMentalHealth => "family_mental_health",
            CoreItem::FamilySubstanceUse => "family_substance_use",
            CoreItem::FamilyDomesticAbuse => "family_domestic_abuse",
            CoreItem::Housing => "housing",
            CoreItem::Finances => "finances",
        }
    }
}

/// One line of the core data: what it says and whether the report gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CoreEntry {
    pub value: String,
    /// Left out unless the person includes it: only what the learning needs is given.
    pub include: bool,
}

/// Which appendices the report carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Appendices {
    /// The systems map as an image.
    pub map: bool,
    /// The full chronology as a table.
    pub chronology: bool,
    /// The terms of reference (the scope and review questions).
    pub terms_of_reference: bool,
}

/// What an issued version is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "number")]
pub enum VersionName {
    Draft(u32),
    Final,
}

impl VersionName {
    /// "Draft 2", "Final".
    pub fn label(self) -> String {
        match self {
            VersionName::Draft(n) => format!("Draft {n}"),
            VersionName::Final => "Final".to_owned(),
        }
    }
}

/// An issued version: read-only, with who issued it (by role) and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedVersion {
    pub name: VersionName,
    pub issued_by: String,
    pub issued_at: DateTime<Utc>,
    pub sections: BTreeMap<SectionKey, String>,
}

/// A Review Team member's comment on a section, by role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub section: SectionKey,
    pub by_role: String,
    pub text: String,
    #[serde(default)]
    pub resolved: bool,
    pub at: DateTime<Utc>,
}

/// The report as it stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Report {
    pub sections: BTreeMap<SectionKey, ReportSection>,
    pub core_data: BTreeMap<CoreItem, CoreEntry>,
    /// The answer to each review question (by the question's id in the set-up).
    pub answers: BTreeMap<RecordId, String>,
    pub appendices: Appendices,
    /// The issued versions by id (a map, so that two copies that each issued one keep both);
    /// [`Report::versions_in_order`] lists them.
    pub versions: BTreeMap<RecordId, IssuedVersion>,
    pub comments: BTreeMap<RecordId, Comment>,
    /// Flags of the identifying-details check that a person dismissed, with why.
    pub dismissals: Vec<crate::content::briefing::Dismissal>,
    /// The last passed check, for the anonymised report.
    pub check: Option<crate::content::briefing::CheckRecord>,
}

/// What drafting again found for an edited section: the reviewer's text and the new draft,
/// for the person to choose between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedraftOffer {
    pub section: SectionKey,
    pub kept: String,
    pub drafted: String,
}

/// Which text to keep for a section drafted again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedraftChoice {
    KeepEdits,
    TakeDraft,
}

impl Report {
    /// The text of a section (empty when never drafted).
    pub fn body(&self, key: SectionKey) -> &str {
        self.sections.get(&key).map_or("", |s| s.body.as_str())
    }

    /// Puts a new draft in: a section never drafted or left as drafted takes it; an edited
    /// section keeps the reviewer's text and is offered (unless the new draft is the one it
    /// was edited from). Edits are never overwritten here.
    pub fn redraft(&mut self, drafts: &[(SectionKey, String)]) -> Vec<RedraftOffer> {
        let mut offers = Vec::new();
        for (key, text) in drafts {
            let section = self.sections.entry(*key).or_default();
            if !section.edited() {
                section.body = text.clone();
                section.drafted = text.clone();
            } else if &section.drafted != text {
                offers.push(RedraftOffer {
                    section: *key,
                    kept: section.body.clone(),
                    drafted: text.clone(),
                });
            }
        }
        offers
    }

    /// Settles an offer: the reviewer's text stays (and the new draft becomes what it is
    /// compared with, so the same draft is not offered again) or the draft replaces it.
    pub fn settle(&mut self, offer: &RedraftOffer, choice: RedraftChoice) {
        let section = self.sections.entry(offer.section).or_default();
        section.drafted = offer.drafted.clone();
        if choice == RedraftChoice::TakeDraft {
            section.body = offer.drafted.clone();
        }
    }

    /// The name the next issued version takes: the next draft, or Final.
    pub fn next_draft(&self) -> VersionName {
        let last = self
            .versions
            .values()
            .filter_map(|v| match v.name {
                VersionName::Draft(n) => Some(n),
                VersionName::Final => None,
            })
            .max()
            .unwrap_or(0);
        VersionName::Draft(last + 1)
    }

    /// Issues the report as it stands as a read-only version. A final version ends the
    /// drafts: nothing is issued after it.
    pub fn issue(
        &mut self,
        id: RecordId,
        final_version: bool,
        by_role: &str,
        at: DateTime<Utc>,
    ) -> Result<VersionName, FieldError> {
        if self.is_final() {
            return Err(FieldError::new(
                "issue-version",
                "The final version has been issued; nothing can be issued after it",
            ));
        }
        if by_role.trim().is_empty() {
            return Err(FieldError::new(
                "issue-by",
                "Enter the role of who is issuing this version",
            ));
        }
        let name = if final_version {
            VersionName::Final
        } else {
            self.next_draft()
        };
        self.versions.insert(
            id,
            IssuedVersion {
                name,
                issued_by: by_role.trim().to_owned(),
                issued_at: at,
                sections: self.working_sections(),
            },
        );
        Ok(name)
    }

    /// Whether the final version has been issued (the report is then read-only).
    pub fn is_final(&self) -> bool {
        self.versions.values().any(|v| v.name == VersionName::Final)
    }

    /// The issued versions, oldest first (by when they were issued, then by name).
    pub fn versions_in_order(&self) -> Vec<(RecordId, &IssuedVersion)> {
        let mut list: Vec<_> = self.versions.iter().map(|(id, v)| (*id, v)).collect();
        list.sort_by_key(|(id, v)| (v.issued_at, v.name, *id));
        list
    }

    /// Keeps every version issued in `other` that this report lacks: an issued version has
    /// gone out to people, so putting the review back to a restore point made before it was
    /// issued must not take it away.
    pub fn keep_issued_from(&mut self, other: &Report) {
        for (id, version) in &other.versions {
            self.versions.entry(*id).or_insert_with(|| version.clone());
        }
    }

    /// Adds a Review Team member's comment on a section.
    pub fn add_comment(
        &mut self,
        id: RecordId,
        section: SectionKey,
        by_role: &str,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<(), FieldError> {
        if by_role.trim().is_empty() {
            return Err(FieldError::new(
                "comment-by",
                "Enter your role in the Review Team",
            ));
        }
        if text.trim().is_empty() {
            return Err(FieldError::new("comment-text", "Enter the comment"));
        }
        self.comments.insert(
            id,
            Comment {
                section,
                by_role: by_role.trim().to_owned(),
                text: text.trim().to_owned(),
                resolved: false,
                at,
            },
        );
        Ok(())
    }

    /// The comments on `section`, oldest first.
    pub fn comments_on(&self, section: SectionKey) -> Vec<(RecordId, &Comment)> {
        let mut list: Vec<_> = self
            .comments
            .iter()
            .filter(|(_, c)| c.section == section)
            .map(|(id, c)| (*id, c))
            .collect();
        list.sort_by_key(|(id, c)| (c.at, *id));
        list
    }

    /// How many comments are still open.
    pub fn open_comments(&self) -> usize {
        self.comments.values().filter(|c| !c.resolved).count()
    }

    /// The sections as they stand, keyed like an issued version's, to compare with one.
    pub fn working_sections(&self) -> BTreeMap<SectionKey, String> {
        self.sections
            .iter()
            .map(|(k, s)| (*k, s.body.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 1, h, 0, 0).unwrap()
    }

    #[test]
    fn drafting_again_never_overwrites_an_edit_and_offers_each_edited_section() {
        let mut report = Report::default();
        let first = vec![
            (SectionKey::Introduction, "Intro v1".to_owned()),
            (SectionKey::Facts, "Facts v1".to_owned()),
        ];
        assert!(report.redraft(&first).is_empty());
        report.sections.get_mut(&SectionKey::Facts).unwrap().body = "Facts, edited".into();
        let second = vec![
            (SectionKey::Introduction, "Intro v2".to_owned()),
            (SectionKey::Facts, "Facts v2".to_owned()),
        ];
        let offers = report.redraft(&second);
        assert_eq!(
            report.body(SectionKey::Introduction),
            "Intro v2",
            "not edited: updated"
        );
        assert_eq!(
            report.body(SectionKey::Facts),
            "Facts, edited",
            "edited: kept"
        );
        assert_eq!(offers.len(), 1);
        assert_eq!(offers[0].drafted, "Facts v2");
        report.settle(&offers[0], RedraftChoice::KeepEdits);
        assert_eq!(report.body(SectionKey::Facts), "Facts, edited");
        assert!(
            report.redraft(&second).is_empty(),
            "the same draft is not offered again"
        );
        let third = vec![(SectionKey::Facts, "Facts v3".to_owned())];
        let offers = report.redraft(&third);
        report.settle(&offers[0], RedraftChoice::TakeDraft);
        assert_eq!(report.body(SectionKey::Facts), "Facts v3");
        assert!(!report.sections[&SectionKey::Facts].edited());
    }

    #[test]
    fn versions_are_numbered_drafts_then_final_and_nothing_follows_the_final() {
        let mut report = Report::default();
        report.redraft(&[(SectionKey::Introduction, "Intro".to_owned())]);
        assert!(report.issue(RecordId::fixed(1), false, " ", at(9)).is_err());
        assert_eq!(
            report.issue(RecordId::fixed(2), false, "Lead reviewer", at(9)),
            Ok(VersionName::Draft(1))
        );
        report
            .sections
            .get_mut(&SectionKey::Introduction)
            .unwrap()
            .body = "Intro, changed".into();
        assert_eq!(
            report.issue(RecordId::fixed(3), false, "Lead reviewer", at(10)),
            Ok(VersionName::Draft(2))
        );
        let issued = report.versions_in_order();
        assert_eq!(
            issued[0].1.sections[&SectionKey::Introduction],
            "Intro",
            "read-only copy"
        );
        assert_eq!(issued[1].1.name, VersionName::Draft(2));
        assert_eq!(
            report.issue(RecordId::fixed(4), true, "Chair", at(11)),
            Ok(VersionName::Final)
        );
        assert!(report
            .issue(RecordId::fixed(5), false, "Lead reviewer", at(12))
            .is_err());
        assert!(report.is_final());
        assert_eq!(VersionName::Draft(2).label(), "Draft 2");
    }

    #[test]
    fn a_restore_point_from_before_an_issue_keeps_the_issued_version() {
        let mut now = Report::default();
        now.redraft(&[(SectionKey::Facts, "Facts".to_owned())]);
        let before = now.clone();
        now.issue(RecordId::fixed(7), false, "Lead reviewer", at(9))
            .unwrap();
        let mut restored = before;
        restored.keep_issued_from(&now);
        assert_eq!(restored.versions.len(), 1);
        assert_eq!(restored.next_draft(), VersionName::Draft(2));
    }

    #[test]
    fn comments_need_a_role_and_text_and_list_by_section_oldest_first() {
        let mut report = Report::default();
        assert!(report
            .add_comment(RecordId::fixed(1), SectionKey::Facts, " ", "Hm", at(9))
            .is_err());
        assert!(report
            .add_comment(RecordId::fixed(1), SectionKey::Facts, "Chair", "  ", at(9))
            .is_err());
        report
            .add_comment(
                RecordId::fixed(2),
                SectionKey::Facts,
                "Chair",
                "Second",
                at(10),
            )
            .unwrap();
        report
            .add_comment(
                RecordId::fixed(3),
                SectionKey::Facts,
                "Health",
                "First",
                at(9),
            )
            .unwrap();
        report
            .add_comment(
                RecordId::fixed(4),
                SectionKey::Analysis,
                "Police",
                "Other",
                at(8),
            )
            .unwrap();
        let facts: Vec<&str> = report
            .comments_on(SectionKey::Facts)
            .iter()
            .map(|(_, c)| c.text.as_str())
            .collect();
        assert_eq!(facts, ["First", "Second"]);
        report
            .comments
            .get_mut(&RecordId::fixed(2))
            .unwrap()
            .resolved = true;
        assert_eq!(report.open_comments(), 2);
    }

    #[test]
    fn the_seventh_heading_follows_the_review_model() {
        assert_eq!(
            SectionKey::Strategies.heading(ReviewModel::LearningTogether),
            "Findings for the committee to consider"
        );
        assert_eq!(
            SectionKey::Strategies.heading(ReviewModel::LearningEvent),
            "Strategies for improvement and recommendations"
        );
        for key in SectionKey::ALL {
            assert_eq!(SectionKey::from_key(key.key()), Some(key));
        }
        assert_eq!(SectionKey::Strategies.number(), 7);
    }
}
