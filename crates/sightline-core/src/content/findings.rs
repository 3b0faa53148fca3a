//! Findings: the review's learning statements, each with the evidence it rests on.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::content::{record, tidy, RecordKind, ReviewContent};
use crate::factors::find_category;
use crate::form::FieldError;
use crate::ids::RecordId;

/// Whether a finding is about practice to keep or practice to change.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    #[default]
    AreaForImprovement,
    EffectivePractice,
}

impl FindingKind {
    pub const ALL: [FindingKind; 2] = [
        FindingKind::AreaForImprovement,
        FindingKind::EffectivePractice,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FindingKind::AreaForImprovement => "Area for improvement",
            FindingKind::EffectivePractice => "Effective practice",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            FindingKind::AreaForImprovement => "improvement",
            FindingKind::EffectivePractice => "effective",
        }
    }

    pub fn from_key(key: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A learning statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: RecordId,
    /// The learning, in one or two sentences.
    pub statement: String,
    #[serde(default)]
    pub kind: FindingKind,
    /// The pattern it is an instance of: a category key from the map's schemes, usually one of
    /// SCIE's underlying patterns ("scie.pattern.human_reasoning").
    #[serde(default)]
    pub pattern: Option<String>,
    /// More about it: why the review thinks so, how widely it applies.
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub episodes: Vec<RecordId>,
    #[serde(default)]
    pub map_nodes: Vec<RecordId>,
    #[serde(default)]
    pub reflections: Vec<RecordId>,
    pub updated_at: DateTime<Utc>,
}
record!(Finding, RecordKind::Finding, findings, links(finding, links) {
    links.list(RecordKind::Episode, &mut finding.episodes);
    links.list(RecordKind::MapNode, &mut finding.map_nodes);
    links.list(RecordKind::Reflection, &mut finding.reflections);
});

impl Finding {
    /// A new finding from a filled-in form.
    pub fn new(id: RecordId, at: DateTime<Utc>) -> Self {
        Self {
            id,
            statement: String::new(),
            kind: FindingKind::default(),
            pattern: None,
            detail: String::new(),
            episodes: Vec::new(),
            map_nodes: Vec::new(),
            reflections: Vec::new(),
            updated_at: at,
        }
    }

    /// How many pieces of evidence it cites.
    pub fn evidence_count(&self) -> usize {
        self.episodes.len() + self.map_nodes.len() + self.reflections.len()
    }

    /// The pattern's name, or "" when it has none.
    pub fn pattern_label(&self) -> String {
        self.pattern
            .as_deref()
            .map(|key| {
                find_category(key)
                    .map(|(_, c)| c.label.to_owned())
                    .unwrap_or_else(|| key.to_owned())
            })
            .unwrap_or_default()
    }
}

/// The findings that cite a record as evidence, for the record's own page.
pub fn findings_citing(content: &ReviewContent, kind: RecordKind, id: RecordId) -> Vec<&Finding> {
    content
        .findings
        .iter()
        .filter(|f| match kind {
            RecordKind::Episode => f.episodes.contains(&id),
            RecordKind::MapNode => f.map_nodes.contains(&id),
            RecordKind::Reflection => f.reflections.contains(&id),
            _ => false,
        })
        .collect()
}

/// The fields of a finding as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FindingForm {
    pub statement: String,
    pub kind: FindingKind,
    /// A category key, or "" for none.
    pub pattern: String,
    pub detail: String,
}

impl FindingForm {
    pub fn from_finding(finding: &Finding) -> Self {
        Self {
            statement: finding.statement.clone(),
            kind: finding.kind,
            pattern: finding.pattern.clone().unwrap_or_default(),
            detail: finding.detail.clone(),
        }
    }

    /// Checks the form and writes it into `finding`.
    pub fn apply(&self, finding: &mut Finding) -> Result<(), Vec<FieldError>> {
        if self.statement.trim().is_empty() {
            return Err(vec![FieldError::new(
                "finding-statement",
                "Enter the learning statement",
            )]);
        }
        finding.statement = tidy(&self.statement);
        finding.kind = self.kind;
        finding.pattern = (!self.pattern.trim().is_empty()).then(|| self.pattern.trim().to_owned());
        finding.detail = tidy(&self.detail);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<Utc> {
        "2026-11-26T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_finding_needs_a_statement_and_keeps_the_rest_trimmed() {
        let mut finding = Finding::new(RecordId::from_random_bytes([1; 16]), at());
        let empty = FindingForm::default().apply(&mut finding).unwrap_err();
        assert_eq!(empty[0].field, "finding-statement");
        FindingForm {
            statement: "  Workers did not share worries across agencies.  ".into(),
            kind: FindingKind::AreaForImprovement,
            pattern: "scie.pattern.multi_agency_longer_term".into(),
            detail: String::new(),
        }
        .apply(&mut finding)
        .unwrap();
        assert_eq!(
            finding.statement,
            "Workers did not share worries across agencies."
        );
        assert_eq!(
            finding.pattern_label(),
            "Multi-agency working in longer-term work"
        );
    }
}
