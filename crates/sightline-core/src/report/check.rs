//! The identifying-details check over the whole report, for the anonymised output: every text
//! of it is read by the same checker as the briefing's; each flag is fixed or dismissed with a
//! reason; and someone confirms, by role, that a motivated intruder could not identify anyone.
//! The anonymised report is exported only while that confirmation is for the text as it is.

use chrono::{DateTime, Utc};

use super::{CoreItem, Report, SectionKey};
use crate::anonymise::{text_hash, Flag, TextPart};
use crate::content::briefing::{CheckRecord, Dismissal};
use crate::form::FieldError;
use crate::review::setup::ReviewModel;

impl Report {
    /// Every text the anonymised report would hold, with where it is on the report page.
    pub fn text_parts(&self, model: ReviewModel) -> Vec<TextPart> {
        let mut parts = Vec::new();
        for item in CoreItem::ALL {
            if let Some(entry) = self.core_data.get(&item).filter(|e| e.include) {
                parts.push(TextPart {
                    anchor: format!("core-{}", item.key()),
                    place: format!("Core data: {}", item.label()),
                    text: entry.value.clone(),
                });
            }
        }
        for key in SectionKey::ALL {
            parts.push(TextPart {
                anchor: format!("report-section-{}", key.key()),
                place: format!("Section {}: {}", key.number(), key.heading(model)),
                text: self.body(key).to_owned(),
            });
        }
        for (id, answer) in &self.answers {
            parts.push(TextPart {
                anchor: format!("answer-{id}"),
                place: "An answer to a review question".into(),
                text: answer.clone(),
            });
        }
        parts
    }

    /// The flags no one has dismissed.
    pub fn open_flags<'a>(&self, flags: &'a [Flag]) -> Vec<&'a Flag> {
        flags
            .iter()
            .filter(|f| !self.dismissals.iter().any(|d| d.key == f.key))
            .collect()
    }

    /// Dismisses a flag as not identifying, with why.
    pub fn dismiss(
        &mut self,
        flag: &Flag,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<(), FieldError> {
        if reason.trim().is_empty() {
            return Err(FieldError::new(
                "dismiss-reason",
                "Enter why this is not identifying",
            ));
        }
        self.dismissals.retain(|d| d.key != flag.key);
        self.dismissals.push(Dismissal {
            key: flag.key.clone(),
            what: flag.kind.label().to_owned(),
            reason: reason.trim().to_owned(),
            at,
        });
        Ok(())
    }

    /// Records that the check passed for the report as it is: no open flag, and the person
    /// (by role) confirms the motivated-intruder question.
    pub fn confirm_check(
        &mut self,
        parts: &[TextPart],
        flags: &[Flag],
        confirmed_by: &str,
        at: DateTime<Utc>,
    ) -> Result<(), FieldError> {
        let open = self.open_flags(flags).len();
        if open > 0 {
            return Err(FieldError::new(
                "check-flags",
                if open == 1 {
                    "1 flag is still open: fix it in the report or dismiss it with a reason"
                        .to_owned()
                } else {
                    format!("{open} flags are still open: fix each in the report or dismiss it with a reason")
                },
            ));
        }
        if confirmed_by.trim().is_empty() {
            return Err(FieldError::new(
                "check-confirmed-by",
                "Enter the role of who confirms that no one could be identified",
            ));
        }
        self.check = Some(CheckRecord {
            text_hash: text_hash(parts),
            flags_found: flags.len(),
            flags_dismissed: flags.len(),
            confirmed_by: confirmed_by.trim().to_owned(),
            confirmed_at: at,
        });
        Ok(())
    }

    /// Whether the anonymised report may be exported: the check passed for the text as it is
    /// now (any change after it asks for a new check).
    pub fn anonymised_ready(&self, parts: &[TextPart]) -> bool {
        self.check
            .as_ref()
            .is_some_and(|c| c.text_hash == text_hash(parts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::Checker;
    use crate::content::ReviewContent;
    use chrono::TimeZone;

    #[test]
    fn a_planted_postcode_blocks_the_anonymised_report_until_fixed_or_dismissed_and_confirmed() {
        let at = Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
        let content = ReviewContent::default();
        let checker = Checker::new(&content);
        let mut report = Report::default();
        report.redraft(&[(SectionKey::Facts, "The family lived at EH6 7QR.".to_owned())]);
        let parts = report.text_parts(ReviewModel::LearningEvent);
        let flags = checker.check(&parts);
        assert!(!flags.is_empty(), "the postcode is flagged");
        assert!(flags[0].anchor == "report-section-facts");
        assert!(report
            .confirm_check(&parts, &flags, "Lead reviewer", at)
            .is_err());
        assert!(report.dismiss(&flags[0], " ", at).is_err());
        // Fixed in the text instead: nothing is flagged, and the check can pass.
        report.sections.get_mut(&SectionKey::Facts).unwrap().body =
            "The family lived in the city.".into();
        let parts = report.text_parts(ReviewModel::LearningEvent);
        let flags = checker.check(&parts);
        assert!(report.confirm_check(&parts, &flags, " ", at).is_err());
        report
            .confirm_check(&parts, &flags, "Lead reviewer", at)
            .unwrap();
        assert!(report.anonymised_ready(&parts));
        // Any change after asks for a new check.
        report
            .sections
            .get_mut(&SectionKey::Facts)
            .unwrap()
            .body
            .push_str(" More.");
        assert!(!report.anonymised_ready(&report.text_parts(ReviewModel::LearningEvent)));
    }

    #[test]
    fn a_dismissed_flag_is_no_longer_open() {
        let at = Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
        let content = ReviewContent::default();
        let mut report = Report::default();
        report
            .answers
            .insert(crate::ids::RecordId::fixed(1), "Seen at EH6 7QR".into());
        let parts = report.text_parts(ReviewModel::LearningEvent);
        let flags = Checker::new(&content).check(&parts);
        assert_eq!(report.open_flags(&flags).len(), flags.len());
        for flag in &flags {
            report
                .dismiss(flag, "The clinic's postcode, not the family's", at)
                .unwrap();
        }
        assert!(report.open_flags(&flags).is_empty());
        report.confirm_check(&parts, &flags, "Chair", at).unwrap();
        assert_eq!(report.check.as_ref().unwrap().flags_found, flags.len());
    }
}
