//! The 7-minute briefing (DOMAIN.md section 6): seven short sections a team manager talks
//! through, drafted from the review and then edited freely, with the record of the check that
//! it identifies no one.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::content::systems_map::{MapNode, NodeKind, Polarity};
use crate::content::{actions::plan_order, FindingKind};
use crate::content::{record, PersonKind, RecordKind, ReviewContent};
use crate::ids::RecordId;
use crate::review::{Review, ReviewType};

/// The seven default sections, in order.
pub const SECTION_HEADINGS: [&str; 7] = [
    "Background",
    "Why it matters",
    "What the review found",
    "Why it made sense at the time",
    "What worked well",
    "What needs to change",
    "Questions for your team and what to do",
];

/// What each section is for, shown beside its box in the editor.
pub const SECTION_HINTS: [&str; 7] = [
    "Only what the learning needs: the kind of review, the subject\u{2019}s code and age band. No names, places or exact dates.",
    "Why a busy practitioner should care.",
    "The learning statements, in plain words.",
    "The systems factors: what made the actions make sense to the people at the time.",
    "Effective practice to keep and spread.",
    "The actions and what will be different.",
    "Questions the team talks through, and what to do next.",
];

/// How the briefing is laid out.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum BriefingLayout {
    /// Seven numbered tiles, two or three to a row.
    #[default]
    Tiles,
    /// One column of plain text, for screen readers and plain printing.
    Plain,
}

impl BriefingLayout {
    pub const ALL: [BriefingLayout; 2] = [BriefingLayout::Tiles, BriefingLayout::Plain];

    pub fn label(self) -> &'static str {
        match self {
            BriefingLayout::Tiles => "Seven numbered tiles",
            BriefingLayout::Plain => "Plain text",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            BriefingLayout::Tiles => "tiles",
            BriefingLayout::Plain => "plain",
        }
    }

    pub fn from_key(key: &str) -> Option<BriefingLayout> {
        BriefingLayout::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One section: a heading and its text. Lines starting "- " are list items; a blank line
/// starts a new paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefingSection {
    pub heading: String,
    #[serde(default)]
    pub body: String,
}

/// A flag that a person looked at and decided is not identifying, with why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissal {
    /// The flag's key (a hash: the flagged words themselves are not kept here).
    pub key: String,
    /// What kind of flag it was: "Name-like word".
    #[serde(default)]
    pub what: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// The record of a passed check: the text it passed for, what was found and dismissed, and who
/// confirmed that a motivated intruder could not identify anyone from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// A hash of the briefing's text when it was checked; any change after asks for a new check.
    pub text_hash: String,
    pub flags_found: usize,
    pub flags_dismissed: usize,
    /// The role of the person who confirmed ("Lead Reviewer"), never a name.
    pub confirmed_by: String,
    pub confirmed_at: DateTime<Utc>,
}

/// A review's 7-minute briefing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    pub id: RecordId,
    pub title: String,
    /// Who it is for: "Frontline practitioners and team managers in all agencies".
    #[serde(default)]
    pub audience: String,
    pub sections: Vec<BriefingSection>,
    #[serde(default)]
    pub layout: BriefingLayout,
    /// Who approved it for sharing, by role, and when.
    #[serde(default)]
    pub approved_by: String,
    #[serde(default)]
    pub approved_on: Option<NaiveDate>,
    #[serde(default)]
    pub dismissals: Vec<Dismissal>,
    /// The last passed check; `None` until there is one.
    #[serde(default)]
    pub check: Option<CheckRecord>,
    pub updated_at: DateTime<Utc>,
}
record!(Briefing, RecordKind::Briefing, briefings);

impl Briefing {
    /// Every piece of text in the briefing with where it is, for the check and for search:
    /// (anchor id, place in words, text).
    pub fn text_parts(&self) -> Vec<(String, String, String)> {
        let mut parts = vec![
            (
                "briefing-title".to_owned(),
                "Title".to_owned(),
                self.title.clone(),
            ),
            (
                "briefing-audience".to_owned(),
                "Audience".to_owned(),
                self.audience.clone(),
            ),
        ];
        for (n, section) in self.sections.iter().enumerate() {
            parts.push((
                format!("briefing-heading-{}", n + 1),
                format!("Section {} heading", n + 1),
                section.heading.clone(),
            ));
            parts.push((
                format!("briefing-section-{}", n + 1),
                format!("Section {}: {}", n + 1, section.heading),
                section.body.clone(),
            ));
        }
        parts
    }

    /// Whether the check on record was made on the text as it is now.
    pub fn check_is_current(&self, text_hash: &str) -> bool {
        self.check
            .as_ref()
            .is_some_and(|c| c.text_hash == text_hash)
    }

    /// The sections that have no text.
    pub fn empty_sections(&self) -> Vec<usize> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.body.trim().is_empty())
            .map(|(n, _)| n + 1)
            .collect()
    }
}

/// "month and year" of a date: briefings give no exact dates.
fn month_year(date: NaiveDate) -> String {
    date.format("%B %Y").to_string()
}

fn bullets<I: IntoIterator<Item = String>>(items: I) -> String {
    items
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| format!("- {}", s.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A first draft of the briefing, from the review's pseudonymised details, findings, map and
/// actions. Every part can be edited after; nothing outside the register's labels, the
/// findings, the map and the actions goes in, and dates are given as month and year.
pub fn draft_briefing(
    review: &Review,
    content: &ReviewContent,
    id: RecordId,
    at: DateTime<Utc>,
) -> Briefing {
    let subject = content
        .people
        .iter()
        .find(|p| p.kind == PersonKind::Subject);
    let (noun, people) = match review.review_type {
        ReviewType::ChildProtection => ("child", "children"),
        ReviewType::AdultSupportAndProtection => ("adult", "adults at risk of harm"),
    };
    let who = match subject {
        Some(s) if !s.age_band.trim().is_empty() => {
            format!("{}, aged {}", s.label, s.age_band.trim())
        }
        Some(s) => s.label.clone(),
        None => format!("a {noun}"),
    };
    let by = if review.committee.trim().is_empty() {
        String::new()
    } else {
        format!(" for {}", review.committee.trim())
    };
    let background = format!(
        "This {} Learning Review was held{by} about the help given to {who}. It looked at how the system around {} worked, not at the actions of one person.",
        review.review_type.label().to_lowercase(),
        subject.map(|s| s.label.as_str()).unwrap_or(if noun == "child" { "the child" } else { "the adult" }),
    );
    let why = format!(
        "{} are safer when everyone who works with them shares what they know and acts on it together. This review shows how the way we work can help that or get in its way, and what we will do about it.",
        capitalise(people)
    );
    let findings = |kind: FindingKind| -> Vec<String> {
        content
            .findings
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.statement.clone())
            .collect()
    };
    // A briefing is one page: the map's factors are chosen, not all listed. First those a
    // finding cites, then underlying patterns, then the rest, top level first; each label once.
    let cited: std::collections::HashSet<RecordId> = content
        .findings
        .iter()
        .flat_map(|f| f.map_nodes.iter().copied())
        .collect();
    let mut hindering: Vec<&MapNode> = content
        .map_nodes
        .iter()
        .filter(|n| {
            matches!(
                n.kind,
                NodeKind::ContributoryFactor | NodeKind::UnderlyingPattern
            ) && n.polarity != Polarity::Helped
        })
        .collect();
    hindering.sort_by_key(|n| {
        (
            !cited.contains(&n.id),
            n.kind != NodeKind::UnderlyingPattern,
            n.level,
            n.y,
            n.x,
        )
    });
    let factors = first_unique(
        hindering
            .iter()
            .map(|n| format!("{} ({})", n.label, n.level.short_label().to_lowercase())),
        MAX_DRAFT_ITEMS,
        "the systems map",
    );
    let mut worked_well = findings(FindingKind::EffectivePractice);
    worked_well.extend(
        content
            .map_nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Protective)
            .map(|n| n.label.clone()),
    );
    let worked_well = first_unique(worked_well, MAX_DRAFT_ITEMS, "the review");
    let actions = first_unique(
        plan_order(content)
            .into_iter()
            .filter(|a| a.status.is_open() || a.status == crate::content::ActionStatus::Done)
            .map(|a| match a.due {
                Some(due) => format!("{} (by {})", a.text, month_year(due)),
                None => a.text.clone(),
            }),
        MAX_DRAFT_ITEMS,
        "the action plan",
    );
    let questions = bullets([
        "Could this happen here? What would it look like in our team?".to_owned(),
        format!("What helps us share a worry about a {noun} with other agencies, and what gets in the way?"),
        "Which of the findings surprised us, and why?".to_owned(),
        "What one thing will we do differently from today, and who will do it?".to_owned(),
        "How will we know it has made a difference?".to_owned(),
    ]);
    let bodies = [
        background,
        why,
        bullets(first_unique(
            findings(FindingKind::AreaForImprovement),
            MAX_DRAFT_ITEMS,
            "the findings",
        )),
        bullets(factors),
        bullets(worked_well),
        bullets(actions),
        format!("{questions}\n\nWhen you have talked it through, fill in the team return form and send it to the committee."),
    ];
    Briefing {
        id,
        title: format!("7-minute briefing: {}", review.title.trim()),
        audience: "Practitioners and managers in every agency".to_owned(),
        sections: SECTION_HEADINGS
            .iter()
            .zip(bodies)
            .map(|(heading, body)| BriefingSection {
                heading: (*heading).to_owned(),
                body,
            })
            .collect(),
        layout: BriefingLayout::Tiles,
        approved_by: String::new(),
        approved_on: None,
        dismissals: Vec::new(),
        check: None,
        updated_at: at,
    }
}

/// The most items a drafted list holds: a 7-minute briefing has room for a handful.
pub const MAX_DRAFT_ITEMS: usize = 8;

/// The first `max` distinct items, and a last line saying how many more are in `source`.
fn first_unique(items: impl IntoIterator<Item = String>, max: usize, source: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let unique: Vec<String> = items
        .into_iter()
        .filter(|item| seen.insert(item.trim().to_lowercase()))
        .collect();
    let more = unique.len().saturating_sub(max);
    let mut out: Vec<String> = unique.into_iter().take(max).collect();
    if more > 0 {
        out.push(format!(
            "and {more} more in {source}: choose the ones that matter most here"
        ));
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A block of a section's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

/// Reads a section's text into paragraphs and lists: lines starting "- ", "* " or "• " are
/// list items; a blank line ends a paragraph; other lines join the paragraph they are in.
pub fn blocks(body: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
    };
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut paragraph, &mut out);
            continue;
        }
        let item = ["- ", "* ", "\u{2022} "]
            .iter()
            .find_map(|mark| line.strip_prefix(mark));
        match item {
            Some(item) => {
                flush(&mut paragraph, &mut out);
                match out.last_mut() {
                    Some(Block::List(items)) => items.push(item.trim().to_owned()),
                    _ => out.push(Block::List(vec![item.trim().to_owned()])),
                }
            }
            None => paragraph.push(line),
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafted_lists_are_short_and_say_how_many_more_there_are() {
        let items = (0..20).map(|n| format!("Item {}", n % 12));
        let out = first_unique(items, 8, "the map");
        assert_eq!(out.len(), 9);
        assert_eq!(out[7], "Item 7");
        assert_eq!(
            out[8],
            "and 4 more in the map: choose the ones that matter most here"
        );
        assert_eq!(first_unique(["a".into(), "A ".into()], 8, "x"), ["a"]);
    }

    #[test]
    fn text_becomes_paragraphs_and_lists() {
        let text = "First line\nsame paragraph.\n\n- one\n- two\n• three\nAfter.";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph("First line same paragraph.".into()),
                Block::List(vec!["one".into(), "two".into(), "three".into()]),
                Block::Paragraph("After.".into()),
            ]
        );
        assert!(blocks("  \n\n").is_empty());
    }
}
