//! One search box for a review's working content, with results grouped by section.

use crate::content::reflections::find_template;
use crate::content::{RecordKind, ReviewContent};
use crate::ids::RecordId;

/// The parts of a review that search looks in, in the order results are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    People,
    Chronology,
    Episodes,
    Reflections,
    SystemsMap,
    Learning,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::People,
        Section::Chronology,
        Section::Episodes,
        Section::Reflections,
        Section::SystemsMap,
        Section::Learning,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::People => "People and agencies",
            Section::Chronology => "Chronology",
            Section::Episodes => "Episodes",
            Section::Reflections => "Reflections",
            Section::SystemsMap => "Systems map",
            Section::Learning => "Findings and actions",
        }
    }
}

/// A record that matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub kind: RecordKind,
    pub id: RecordId,
    /// For an answer, the reflection it belongs to.
    pub parent: Option<RecordId>,
    /// What the record is: "Health Visitor 1", "12 March 2025: Home visit".
    pub title: String,
    /// The text around the first match.
    pub snippet: String,
}

/// The hits in one section; `total` may be more than the hits kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionHits {
    pub section: Section,
    pub hits: Vec<SearchHit>,
    pub total: usize,
}

/// How many hits each section keeps for showing.
pub const HITS_PER_SECTION: usize = 50;

/// About this many characters of context around a match.
const SNIPPET_CHARS: usize = 90;

fn words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// Whether every word appears in `texts` (ignoring case).
fn matches(words: &[String], texts: &[&str]) -> bool {
    let joined = texts.join("\n").to_lowercase();
    words.iter().all(|w| joined.contains(w.as_str()))
}

/// A snippet of the first of `texts` that holds the first word, with "…" where it was cut.
fn snippet(words: &[String], texts: &[&str]) -> String {
    let Some(first) = words.first() else {
        return String::new();
    };
    for text in texts {
        let lower = text.to_lowercase();
        // Lowercasing can change byte lengths; find the match by characters to cut safely.
        let Some(byte_at) = lower.find(first.as_str()) else {
            continue;
        };
        let char_at = lower[..byte_at].chars().count();
        let chars: Vec<char> = text.chars().collect();
        let start = char_at.saturating_sub(SNIPPET_CHARS / 3);
        let end = (start + SNIPPET_CHARS).min(chars.len());
        let mut out: String = chars[start..end].iter().collect();
        out = out.split_whitespace().collect::<Vec<_>>().join(" ");
        if start > 0 {
            out.insert(0, '\u{2026}');
        }
        if end < chars.len() {
            out.push('\u{2026}');
        }
        return out;
    }
    texts
        .first()
        .map(|t| t.chars().take(SNIPPET_CHARS).collect())
        .unwrap_or_default()
}

/// Searches the review's content for every word of `query`. Sections with no hits are left out.
pub fn search(content: &ReviewContent, query: &str) -> Vec<SectionHits> {
    let words = words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let mut sections: Vec<SectionHits> = Section::ALL
        .into_iter()
        .map(|section| SectionHits {
            section,
            hits: Vec::new(),
            total: 0,
        })
        .collect();
    let mut add = |section: Section, hit: SearchHit| {
        let entry = &mut sections[section as usize];
        entry.total += 1;
        if entry.hits.len() < HITS_PER_SECTION {
            entry.hits.push(hit);
        }
    };

    for agency in &content.agencies {
        let texts = [agency.name.as_str()];
        if matches(&words, &texts) {
            add(
                Section::People,
                SearchHit {
                    kind: RecordKind::Agency,
                    id: agency.id,
                    parent: None,
                    title: format!("Agency: {}", agency.name),
                    snippet: String::new(),
                },
            );
        }
    }
    for person in &content.people {
        let agency = content.agency_name(person.agency);
        let texts = [
            person.label.as_str(),
            person.role.as_str(),
            agency,
            person.support_offered.as_str(),
            person.notes.as_str(),
        ];
        if matches(&words, &texts) {
            add(
                Section::People,
                SearchHit {
                    kind: RecordKind::Person,
                    id: person.id,
                    parent: None,
                    title: person.label.clone(),
                    snippet: snippet(&words, &texts[1..]),
                },
            );
        }
    }
    for event in &content.events {
        let date = event.date.display();
        let texts = [
            event.what_happened.as_str(),
            event.source.as_str(),
            event.phase.as_str(),
            content.agency_name(event.agency),
            content.person_label(event.person),
            date.as_str(),
        ];
        if matches(&words, &texts) {
            let when = if date.is_empty() {
                event.phase.clone()
            } else {
                date.clone()
            };
            add(
                Section::Chronology,
                SearchHit {
                    kind: RecordKind::Event,
                    id: event.id,
                    parent: None,
                    title: format!("{when}: {}", first_line(&event.what_happened)),
                    snippet: snippet(&words, &texts),
                },
            );
        }
    }
    for episode in &content.episodes {
        let texts = [
            episode.title.as_str(),
            episode.what_happened.as_str(),
            episode.how_it_looked.as_str(),
            episode.span_note.as_str(),
        ];
        if matches(&words, &texts) {
            add(
                Section::Episodes,
                SearchHit {
                    kind: RecordKind::Episode,
                    id: episode.id,
                    parent: None,
                    title: episode.title.clone(),
                    snippet: snippet(&words, &texts[1..]),
                },
            );
        }
    }
    for reflection in &content.reflections {
        let roles: Vec<&str> = reflection
            .participants
            .iter()
            .map(|p| p.role.as_str())
            .collect();
        let roles = roles.join(", ");
        let texts = [
            reflection.title.as_str(),
            reflection.event.label(),
            roles.as_str(),
        ];
        if matches(&words, &texts) {
            add(
                Section::Reflections,
                SearchHit {
                    kind: RecordKind::Reflection,
                    id: reflection.id,
                    parent: None,
                    title: reflection.title.clone(),
                    snippet: snippet(&words, &texts[1..]),
                },
            );
        }
    }
    for response in &content.responses {
        let reflection = content.get::<crate::content::Reflection>(response.reflection);
        let role = reflection
            .and_then(|r| r.participants.iter().find(|p| p.id == response.participant))
            .map(|p| p.role.as_str())
            .unwrap_or("");
        let texts = [response.text.as_str(), role];
        if !response.text.trim().is_empty() && matches(&words, &texts) {
            let prompt = reflection
                .and_then(|r| find_template(content, r.template))
                .and_then(|t| t.prompts.into_iter().find(|p| p.id == response.prompt))
                .map(|p| p.text)
                .unwrap_or_default();
            add(
                Section::Reflections,
                SearchHit {
                    kind: RecordKind::Response,
                    id: response.id,
                    parent: Some(response.reflection),
                    title: format!("{role}: {}", first_line(&prompt)),
                    snippet: snippet(&words, &texts),
                },
            );
        }
    }
    for node in &content.map_nodes {
        let texts = [node.label.as_str(), node.note.as_str()];
        if matches(&words, &texts) {
            add(
                Section::SystemsMap,
                SearchHit {
                    kind: RecordKind::MapNode,
                    id: node.id,
                    parent: None,
                    title: format!("{}: {}", node.kind.label(), first_line(&node.label)),
                    snippet: snippet(&words, &texts),
                },
            );
        }
    }
    for finding in &content.findings {
        let texts = [finding.statement.as_str(), finding.detail.as_str()];
        if matches(&words, &texts) {
            add(
                Section::Learning,
                SearchHit {
                    kind: RecordKind::Finding,
                    id: finding.id,
                    parent: None,
                    title: format!("Finding: {}", first_line(&finding.statement)),
                    snippet: snippet(&words, &texts[1..]),
                },
            );
        }
    }
    for action in &content.actions {
        let texts = [
            action.text.as_str(),
            action.owner_role.as_str(),
            action.completion_evidence.as_str(),
            action.impact_measure.as_str(),
            action.dropped_reason.as_str(),
        ];
        if matches(&words, &texts) {
            add(
                Section::Learning,
                SearchHit {
                    kind: RecordKind::Action,
                    id: action.id,
                    parent: None,
                    title: format!("Action: {}", first_line(&action.text)),
                    snippet: snippet(&words, &texts[1..]),
                },
            );
        }
    }
    sections.retain(|s| s.total > 0);
    sections
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.chars().count() > 80 {
        // Cut at the last space before 80 characters, so no word is broken.
        let cut: String = line.chars().take(79).collect();
        let cut = match cut.rfind(' ') {
            Some(space) if space > 40 => cut[..space].to_owned(),
            _ => cut,
        };
        format!("{cut}\u{2026}")
    } else {
        line.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::chronology::{ChronologyEvent, EventDate, Seen};
    use crate::content::{Agency, Person};
    use chrono::{TimeZone, Utc};

    fn content() -> ReviewContent {
        let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap();
        let health = RecordId::fixed(1);
        let mut hv = Person::blank(RecordId::fixed(2), at);
        hv.label = "Health Visitor 1".into();
        hv.role = "Health Visitor".into();
        hv.agency = Some(health);
        hv.support_offered = "Weekly supervision during the review".into();
        ReviewContent {
            agencies: vec![Agency { id: health, name: "Health".into(), updated_at: at }],
            people: vec![hv],
            events: vec![ChronologyEvent {
                id: RecordId::fixed(3),
                date: EventDate::Month { year: 2025, month: 3 },
                agency: Some(health),
                person: Some(RecordId::fixed(2)),
                what_happened: "A long account of the home visit, in which the health visitor found nobody at home and left a card, then telephoned twice".into(),
                seen: Seen::No,
                views_sought: Seen::No,
                source: "HV notes".into(),
                phase: "Early".into(),
                updated_at: at,
            }],
            ..Default::default()
        }
    }

    #[test]
    fn finds_every_word_across_fields_and_groups_by_section() {
        let results = search(&content(), "health");
        let sections: Vec<Section> = results.iter().map(|s| s.section).collect();
        assert_eq!(sections, [Section::People, Section::Chronology]);
        assert_eq!(results[0].total, 2, "the agency and the person");
        let event = &results[1].hits[0];
        assert_eq!(event.title, "March 2025: A long account of the home visit, in which the health visitor found nobody at…");
        assert!(
            event.snippet.contains("health visitor"),
            "{}",
            event.snippet
        );

        // Words may match different fields of one record.
        let both = search(&content(), "card EARLY");
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].hits[0].kind, RecordKind::Event);
        assert!(search(&content(), "card absent").is_empty());
        assert!(search(&content(), "   ").is_empty());
    }

    #[test]
    fn snippets_cut_around_the_match_on_character_boundaries() {
        let text = format!("{}ÉÉ needle ÉÉ{}", "é".repeat(100), "ü".repeat(100));
        let words = vec!["needle".to_owned()];
        let cut = snippet(&words, &[text.as_str()]);
        assert!(cut.starts_with('…') && cut.ends_with('…'));
        assert!(cut.contains("needle"));
        assert!(cut.chars().count() <= SNIPPET_CHARS + 2);
    }
}
