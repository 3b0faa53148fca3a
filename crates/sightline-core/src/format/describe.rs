//! How a record reads to a person, for a merge's conflicts and the other-tab notice: a label
//! ("Chronology event: 12 March 2025") and the text of the version.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::content::{
    encode_from, Action, Agency, Briefing, ChronologyEvent, Episode, Finding, MapLink, MapNode,
    Person, RecordKind, Reflection, ReflectionTemplate, Response, ReviewContent,
};
use crate::dates::format_uk_date;
use crate::ids::RecordId;

/// What a record is, as a person reads it: "Chronology event: 12 March 2025 …". Empty when
/// there is no such record.
pub fn record_title(content: &ReviewContent, kind: RecordKind, id: RecordId) -> String {
    encode_from(content, kind, id)
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .map(|value| describe(kind, &value, content).0)
        .unwrap_or_default()
}

/// How the person reads a record in a conflict.
pub(crate) fn describe(
    kind: RecordKind,
    value: &Value,
    content: &ReviewContent,
) -> (String, String) {
    fn read<T: DeserializeOwned>(value: &Value) -> Option<T> {
        serde_json::from_value(value.clone()).ok()
    }
    match kind {
        RecordKind::Agency => {
            let a: Agency = read(value).expect("an agency");
            ("Agency".into(), a.name)
        }
        RecordKind::Person => {
            let p: Person = read(value).expect("a person");
            (
                format!("Person: {}", p.label),
                [
                    format!("{}: {}", p.kind.label(), p.role),
                    content.agency_name(p.agency).to_owned(),
                    format!("Support offered: {}", p.support_offered),
                    p.notes,
                ]
                .into_iter()
                .filter(|line| !line.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            )
        }
        RecordKind::Event => {
            let e: ChronologyEvent = read(value).expect("an event");
            let when = e.when();
            (
                format!("Chronology event: {when}"),
                format!(
                    "{}, {}\n{}\nSeen: {}. Views sought: {}. Source: {}. Phase: {}",
                    content.agency_name(e.agency),
                    content.person_label(e.person),
                    e.what_happened,
                    e.seen.label(),
                    e.views_sought.label(),
                    e.source,
                    e.phase
                ),
            )
        }
        RecordKind::Episode => {
            let e: Episode = read(value).expect("an episode");
            (
                format!("Episode: {}", e.title),
                format!(
                    "{}\nHow it looked at the time: {}\n{}; {} events",
                    e.what_happened,
                    e.how_it_looked,
                    e.practice.label(),
                    e.events.len()
                ),
            )
        }
        RecordKind::Template => {
            let t: ReflectionTemplate = read(value).expect("a template");
            (
                format!("Framework: {}", t.name),
                t.prompts
                    .iter()
                    .enumerate()
                    .map(|(n, p)| format!("{}. {}", n + 1, p.text))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        }
        RecordKind::Reflection => {
            let r: Reflection = read(value).expect("a reflection");
            (
                format!("Reflection: {}", r.title),
                format!(
                    "{}{}\nParticipants: {}",
                    r.event.label(),
                    r.held_on
                        .map(|d| format!(", {}", format_uk_date(d)))
                        .unwrap_or_default(),
                    r.participants
                        .iter()
                        .map(|p| p.role.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        }
        RecordKind::Response => {
            let r: Response = read(value).expect("an answer");
            let role = content
                .get::<Reflection>(r.reflection)
                .and_then(|x| x.participants.iter().find(|p| p.id == r.participant))
                .map(|p| p.role.clone())
                .unwrap_or_default();
            (
                format!("Answer from {role}"),
                format!(
                    "{}\n{}",
                    r.text,
                    if r.consent_to_quote {
                        "Agrees to be quoted."
                    } else {
                        "Does not agree to be quoted."
                    }
                ),
            )
        }
        RecordKind::MapNode => {
            let n: MapNode = read(value).expect("a map node");
            (
                format!("Systems map node: {}", n.label),
                [
                    format!("{}, {}", n.kind.label(), n.polarity.label().to_lowercase()),
                    format!("Level: {}", n.level.label()),
                    n.note.clone(),
                    format!("Evidence: {}", n.evidence.len()),
                ]
                .into_iter()
                .filter(|line| !line.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            )
        }
        RecordKind::MapLink => {
            let l: MapLink = read(value).expect("a map link");
            (
                format!(
                    "Systems map link: {} {} {}",
                    crate::map::node_label(content, l.from),
                    l.kind.label(),
                    crate::map::node_label(content, l.to)
                ),
                [l.caption(), l.note.clone()]
                    .into_iter()
                    .filter(|line| !line.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        }
        RecordKind::Finding => {
            let f: Finding = read(value).expect("a finding");
            (
                format!("Finding: {}", f.statement),
                format!(
                    "{}\n{}\nEvidence: {}",
                    f.kind.label(),
                    f.detail,
                    f.evidence_count()
                ),
            )
        }
        RecordKind::Action => {
            let a: Action = read(value).expect("an action");
            (
                format!("Action: {}", a.text),
                format!(
                    "{}\nOwner: {}\nDue: {}",
                    a.status.label(),
                    a.owner(content),
                    a.due.map(format_uk_date).unwrap_or_default()
                ),
            )
        }
        RecordKind::Briefing => {
            let b: Briefing = read(value).expect("a briefing");
            (
                format!("Briefing: {}", b.title),
                b.sections
                    .iter()
                    .map(|s| format!("{}: {}", s.heading, s.body))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        }
        RecordKind::Watchlist => (
            "Identifier watchlist".into(),
            "Kept in this browser only.".into(),
        ),
    }
}
