//! Comparing two versions of the report section by section: which lines were added, removed or
//! kept. Lines are compared whole (a paragraph is a line), with the `similar` crate's diff.

use std::collections::BTreeMap;

use similar::{ChangeTag, TextDiff};

use super::SectionKey;

/// One line of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineChange {
    Same(String),
    Added(String),
    Removed(String),
}

/// How one section changed between two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionChange {
    pub section: SectionKey,
    pub lines: Vec<LineChange>,
}

impl SectionChange {
    /// Whether anything in the section changed.
    pub fn changed(&self) -> bool {
        self.lines.iter().any(|l| !matches!(l, LineChange::Same(_)))
    }

    /// "2 lines added, 1 removed", or "No change".
    pub fn summary(&self) -> String {
        let added = self
            .lines
            .iter()
            .filter(|l| matches!(l, LineChange::Added(_)))
            .count();
        let removed = self
            .lines
            .iter()
            .filter(|l| matches!(l, LineChange::Removed(_)))
            .count();
        let lines = |n: usize| {
            if n == 1 {
                "1 line".to_owned()
            } else {
                format!("{n} lines")
            }
        };
        match (added, removed) {
            (0, 0) => "No change".to_owned(),
            (a, 0) => format!("{} added", lines(a)),
            (0, r) => format!("{} removed", lines(r)),
            (a, r) => format!("{} added, {r} removed", lines(a)),
        }
    }
}

/// Compares `from` (the older version) with `to`, section by section in the report's order.
/// Blank lines are not compared: they only separate paragraphs.
pub fn compare(
    from: &BTreeMap<SectionKey, String>,
    to: &BTreeMap<SectionKey, String>,
) -> Vec<SectionChange> {
    SectionKey::ALL
        .into_iter()
        .filter(|key| from.contains_key(key) || to.contains_key(key))
        .map(|section| {
            let lines_of = |map: &BTreeMap<SectionKey, String>| {
                map.get(&section)
                    .map(|text| {
                        // Every line ends in a newline, the last one too: otherwise a line
                        // that gains a line after it reads as changed.
                        text.lines()
                            .map(str::trim_end)
                            .filter(|l| !l.trim().is_empty())
                            .map(|l| format!("{l}\n"))
                            .collect::<String>()
                    })
                    .unwrap_or_default()
            };
            let (old, new) = (lines_of(from), lines_of(to));
            let diff = TextDiff::from_lines(&old, &new);
            let lines = diff
                .iter_all_changes()
                .map(|change| {
                    let text = change.value().trim_end_matches('\n').to_owned();
                    match change.tag() {
                        ChangeTag::Equal => LineChange::Same(text),
                        ChangeTag::Insert => LineChange::Added(text),
                        ChangeTag::Delete => LineChange::Removed(text),
                    }
                })
                .collect();
            SectionChange { section, lines }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(pairs: &[(SectionKey, &str)]) -> BTreeMap<SectionKey, String> {
        pairs.iter().map(|(k, t)| (*k, (*t).to_owned())).collect()
    }

    #[test]
    fn each_section_says_what_was_added_removed_and_kept() {
        let one = version(&[
            (SectionKey::Introduction, "A synopsis.\n\nThe purpose."),
            (SectionKey::Findings, "- Finding one\n- Finding two"),
        ]);
        let two = version(&[
            (SectionKey::Introduction, "A synopsis.\n\nThe purpose.\n"),
            (
                SectionKey::Findings,
                "- Finding one\n- Finding two, reworded\n- Finding three",
            ),
            (SectionKey::Facts, "New facts."),
        ]);
        let changes = compare(&one, &two);
        let by = |k| changes.iter().find(|c| c.section == k).unwrap();
        assert!(
            !by(SectionKey::Introduction).changed(),
            "a trailing newline is no change"
        );
        assert_eq!(by(SectionKey::Introduction).summary(), "No change");
        assert_eq!(
            by(SectionKey::Findings).lines,
            [
                LineChange::Same("- Finding one".into()),
                LineChange::Removed("- Finding two".into()),
                LineChange::Added("- Finding two, reworded".into()),
                LineChange::Added("- Finding three".into()),
            ]
        );
        assert_eq!(
            by(SectionKey::Findings).summary(),
            "2 lines added, 1 removed"
        );
        assert_eq!(by(SectionKey::Facts).summary(), "1 line added");
        // A line added after the last one leaves the last one as it was.
        let three = version(&[(
            SectionKey::Introduction,
            "A synopsis.\n\nThe purpose.\n\nMore.",
        )]);
        let grown = compare(&one, &three);
        assert_eq!(
            grown[0].lines,
            [
                LineChange::Same("A synopsis.".into()),
                LineChange::Same("The purpose.".into()),
                LineChange::Added("More.".into()),
            ]
        );
        // In the report's order, not the order of the maps.
        let order: Vec<SectionKey> = changes.iter().map(|c| c.section).collect();
        assert_eq!(
            order,
            [
                SectionKey::Introduction,
                SectionKey::Facts,
                SectionKey::Findings
            ]
        );
    }
}
