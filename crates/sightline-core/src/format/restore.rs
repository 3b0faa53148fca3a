//! Making a review whole as it is read: records that cannot be read are left out, duplicate ids
//! get new ones, and links to records that are not there are dropped, each with a note for the
//! person importing the file.

use std::collections::{BTreeSet, HashSet};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::json::record_words;
use super::v1::{AgencyV1, EpisodeV1, EventV1, PersonV1, ReflectionV1, ResponseV1, TemplateV1};
use super::v2::{MapLinkV2, MapNodeV2};
use crate::content::chronology::EventDate;
use crate::content::kinds::list_name;
use crate::content::reflections::find_template;
use crate::content::{encode_from, for_each_kind, ContentRecord, EachKind, ReviewContent};
use crate::content::{Action, Briefing, Finding};
use crate::ids::{IdSource, RecordId};

/// What a record in a file is, for a note about it, from its JSON: "the chronology event of
/// 3 March 2025", "the key practice episode \u{201c}Home visit\u{201d}"; failing that, its
/// place in the file ("chronology event 4 in the file"). Never its id.
pub(crate) fn name_in_file(list: &str, index: usize, value: &Value) -> String {
    let (one, _) = record_words(list);
    if list == "events" {
        let date = value
            .get("date")
            .and_then(|d| serde_json::from_value::<EventDate>(d.clone()).ok())
            .map(|d| d.display())
            .unwrap_or_default();
        if !date.is_empty() {
            return format!("the chronology event of {date}");
        }
        if let Some(phase) = value.get("phase").and_then(Value::as_str) {
            if !phase.trim().is_empty() {
                return format!(
                    "the chronology event in the phase \u{201c}{}\u{201d}",
                    short(phase)
                );
            }
        }
    }
    let named = ["title", "label", "name", "statement", "text", "role"]
        .iter()
        .find_map(|field| value.get(*field).and_then(Value::as_str))
        .filter(|text| !text.trim().is_empty());
    match named {
        Some(text) => format!("the {one} \u{201c}{}\u{201d}", short(text)),
        None => format!("{one} {} in the file", index + 1),
    }
}

/// A name cut to a length a note can hold.
fn short(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() > 60 {
        format!(
            "{}\u{2026}",
            text.chars().take(57).collect::<String>().trim_end()
        )
    } else {
        text.to_owned()
    }
}

/// A typed record's name for a note, as [`name_in_file`] gives it.
fn name_of<T: serde::Serialize>(list: &str, index: usize, record: &T) -> String {
    serde_json::to_value(record)
        .map(|value| name_in_file(list, index, &value))
        .unwrap_or_else(|_| format!("{} {} in the file", record_words(list).0, index + 1))
}

/// Reads a list of records one at a time, so one unreadable record does not lose the rest.
fn read_list<V: DeserializeOwned, M: From<V>>(
    content: Option<&Value>,
    field: &str,
    repairs: &mut Vec<String>,
) -> Vec<M> {
    let (_, many) = record_words(field);
    let Some(list) = content.and_then(|c| c.get(field)) else {
        return Vec::new();
    };
    let Some(items) = list.as_array() else {
        repairs.push(format!("The {many} were not a list, so none were read."));
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(
            // Deserialised from the borrowed value: copying each record first doubled the work.
            |(n, item)| match super::json::read_part::<V>("it", item) {
                Ok(record) => Some(M::from(record)),
                Err(problem) => {
                    repairs.push(format!(
                        "{} could not be read, so it was left out: {problem}.",
                        super::capitalise(&name_in_file(field, n, item))
                    ));
                    None
                }
            },
        )
        .collect()
}

/// Reads a review's content from version 3 JSON (older files are migrated to it first).
pub fn read_content(content: Option<&Value>, repairs: &mut Vec<String>) -> ReviewContent {
    ReviewContent {
        map_nodes: read_list::<MapNodeV2, _>(content, "map_nodes", repairs),
        map_links: read_list::<MapLinkV2, _>(content, "map_links", repairs),
        agencies: read_list::<AgencyV1, _>(content, "agencies", repairs),
        people: read_list::<PersonV1, _>(content, "people", repairs),
        events: read_list::<EventV1, _>(content, "events", repairs),
        episodes: read_list::<EpisodeV1, _>(content, "episodes", repairs),
        templates: read_list::<TemplateV1, _>(content, "templates", repairs),
        reflections: read_list::<ReflectionV1, _>(content, "reflections", repairs),
        responses: read_list::<ResponseV1, _>(content, "responses", repairs),
        findings: read_list::<Finding, _>(content, "findings", repairs),
        actions: read_list::<Action, _>(content, "actions", repairs),
        briefings: read_list::<Briefing, _>(content, "briefings", repairs),
        // Never read from a file: the watchlist stays in the browser that made it.
        watchlists: Vec::new(),
    }
}

/// Gives every record after the first with an already used id in its kind a new id, kind by
/// kind, with a note naming each.
fn renumber_duplicates(
    content: &mut ReviewContent,
    ids: &mut dyn IdSource,
    repairs: &mut Vec<String>,
) {
    struct Renumber<'a> {
        content: &'a mut ReviewContent,
        ids: &'a mut dyn IdSource,
        repairs: &'a mut Vec<String>,
    }
    impl EachKind for Renumber<'_> {
        fn kind<T: ContentRecord>(&mut self) {
            let mut seen = HashSet::new();
            for (index, record) in T::all_mut(self.content).iter_mut().enumerate() {
                if !seen.insert(record.id()) {
                    let new = self.ids.record_id();
                    self.repairs.push(format!(
                        "{} had the same id as another record of its kind; it was given a new one, so both are kept.",
                        super::capitalise(&name_of(T::LIST, index, record))
                    ));
                    record.set_id(new);
                    seen.insert(new);
                }
            }
        }
    }
    for_each_kind(&mut Renumber {
        content,
        ids,
        repairs,
    });
}

/// Drops the links that the repairs above do not know about to records that are not in the
/// file, so that a kind of record added later is made whole too. Each link dropped gets a note.
fn drop_other_dangling_links(content: &mut ReviewContent, repairs: &mut Vec<String>) {
    let before = content.clone();
    for dropped in content.drop_dangling_links() {
        let list = list_name(dropped.holder);
        let index = before
            .ids_of(dropped.holder)
            .iter()
            .position(|id| *id == dropped.holder_id)
            .unwrap_or(0);
        let name = encode_from(&before, dropped.holder, dropped.holder_id)
            .and_then(|text| serde_json::from_str::<Value>(&text).ok())
            .map(|value| name_in_file(list, index, &value))
            .unwrap_or_else(|| format!("{} {} in the file", record_words(list).0, index + 1));
        let (target, _) = record_words(list_name(dropped.to));
        let article = if target.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        repairs.push(if dropped.removed {
            format!(
                "{} belonged to {article} {target} that is not in the file, so it was left out.",
                super::capitalise(&name)
            )
        } else {
            format!(
                "{} linked to {article} {target} that is not in the file; the link was dropped.",
                super::capitalise(&name)
            )
        });
    }
}

/// Repairs a review's content so that it is whole: duplicate ids renumbered, links to records
/// that are not there dropped, answers that belong nowhere left out. Returns what it did.
pub fn repair_content(content: &mut ReviewContent, ids: &mut dyn IdSource) -> Vec<String> {
    let mut repairs = Vec::new();
    renumber_duplicates(content, ids, &mut repairs);

    let agencies: BTreeSet<RecordId> = content.agencies.iter().map(|a| a.id).collect();
    let people: BTreeSet<RecordId> = content.people.iter().map(|p| p.id).collect();
    let events: BTreeSet<RecordId> = content.events.iter().map(|e| e.id).collect();
    let episodes: BTreeSet<RecordId> = content.episodes.iter().map(|e| e.id).collect();

    for person in &mut content.people {
        if person.agency.is_some_and(|a| !agencies.contains(&a)) {
            person.agency = None;
            repairs.push(format!(
                "{}: the agency they were linked to is not in the file, so the link was dropped.",
                person.label
            ));
        }
    }
    for (index, event) in content.events.iter_mut().enumerate() {
        if event.agency.is_some_and(|a| !agencies.contains(&a)) {
            event.agency = None;
            repairs.push(format!(
                "{} named an agency that is not in the file; the link was dropped.",
                super::capitalise(&name_of("events", index, &*event))
            ));
        }
        if event.person.is_some_and(|p| !people.contains(&p)) {
            event.person = None;
            repairs.push(format!(
                "{} named a person who is not in the register; the link was dropped.",
                super::capitalise(&name_of("events", index, &*event))
            ));
        }
    }
    for episode in &mut content.episodes {
        let before = episode.events.len();
        episode.events.retain(|e| events.contains(e));
        let mut seen = HashSet::new();
        episode.events.retain(|e| seen.insert(*e));
        if episode.events.len() < before {
            repairs.push(format!(
                "Episode \u{201c}{}\u{201d}: {} link{} to events not in the file (or listed twice) dropped.",
                episode.title,
                before - episode.events.len(),
                if before - episode.events.len() == 1 { "" } else { "s" }
            ));
        }
    }

    // Reflections need their framework; answers need their reflection, question and participant.
    let snapshot = content.clone();
    let mut dropped_reflections = BTreeSet::new();
    content.reflections.retain(|reflection| {
        let keep = find_template(&snapshot, reflection.template).is_some();
        if !keep {
            repairs.push(format!(
                "Reflection \u{201c}{}\u{201d} uses a framework that is not in the file, so it and its answers were left out.",
                reflection.title
            ));
            dropped_reflections.insert(reflection.id);
        }
        keep
    });
    for reflection in &mut content.reflections {
        for participant in &mut reflection.participants {
            if participant.person.is_some_and(|p| !people.contains(&p)) {
                participant.person = None;
            }
        }
    }
    let reflections = content.reflections.clone();
    content.responses.retain(|response| {
        if dropped_reflections.contains(&response.reflection) {
            return false;
        }
        let Some(reflection) = reflections.iter().find(|r| r.id == response.reflection) else {
            repairs.push("An answer belonged to a reflection that is not in the file; it was left out.".into());
            return false;
        };
        if !reflection.participants.iter().any(|p| p.id == response.participant) {
            repairs.push(format!(
                "An answer in \u{201c}{}\u{201d} came from a participant not listed there; it was left out.",
                reflection.title
            ));
            return false;
        }
        let template = find_template(&snapshot, reflection.template);
        if !template.is_some_and(|t| t.prompts.iter().any(|p| p.id == response.prompt)) {
            repairs.push(format!(
                "An answer in \u{201c}{}\u{201d} was to a question its framework does not have; it was left out.",
                reflection.title
            ));
            return false;
        }
        true
    });
    for response in &mut content.responses {
        let before = response.episodes.len() + response.events.len();
        response.episodes.retain(|e| episodes.contains(e));
        response.events.retain(|e| events.contains(e));
        if response.episodes.len() + response.events.len() < before {
            repairs.push(
                "An answer linked to episodes or events not in the file; those links were dropped."
                    .into(),
            );
        }
    }
    repair_map(content, &mut repairs);
    repair_learning(content, &mut repairs);
    drop_other_dangling_links(content, &mut repairs);
    repairs
}

/// The learning's repairs: duplicate ids, evidence and links to records not in the file.
fn repair_learning(content: &mut ReviewContent, repairs: &mut Vec<String>) {
    let episodes: BTreeSet<RecordId> = content.episodes.iter().map(|e| e.id).collect();
    let nodes: BTreeSet<RecordId> = content.map_nodes.iter().map(|n| n.id).collect();
    let reflections: BTreeSet<RecordId> = content.reflections.iter().map(|r| r.id).collect();
    let agencies: BTreeSet<RecordId> = content.agencies.iter().map(|a| a.id).collect();
    let findings: BTreeSet<RecordId> = content.findings.iter().map(|f| f.id).collect();
    for finding in &mut content.findings {
        let before = finding.evidence_count();
        for (list, known) in [
            (&mut finding.episodes, &episodes),
            (&mut finding.map_nodes, &nodes),
            (&mut finding.reflections, &reflections),
        ] {
            let mut seen = HashSet::new();
            list.retain(|id| known.contains(id) && seen.insert(*id));
        }
        if finding.evidence_count() < before {
            repairs.push(format!(
                "Finding \u{201c}{}\u{201d}: evidence not in the file (or listed twice) was dropped.",
                finding.statement
            ));
        }
        if finding.statement.trim().is_empty() {
            finding.statement = "Untitled finding".into();
            repairs.push(
                "A finding had no statement; it is called \u{201c}Untitled finding\u{201d}.".into(),
            );
        }
    }
    for action in &mut content.actions {
        if action.finding.is_some_and(|f| !findings.contains(&f)) {
            action.finding = None;
            repairs.push(format!(
                "Action \u{201c}{}\u{201d} answered a finding that is not in the file; the link was dropped.",
                action.text
            ));
        }
        if action.owner_agency.is_some_and(|a| !agencies.contains(&a)) {
            action.owner_agency = None;
            repairs.push(format!(
                "Action \u{201c}{}\u{201d} named an agency that is not in the file; the link was dropped.",
                action.text
            ));
        }
    }
}

/// The map's own repairs: evidence that points at nothing, nodes outside their band, links
/// that do not join two nodes, links repeated.
fn repair_map(content: &mut ReviewContent, repairs: &mut Vec<String>) {
    let snapshot = content.clone();
    for node in &mut content.map_nodes {
        let before = node.evidence.len();
        node.evidence.retain(|e| e.exists(&snapshot));
        let mut seen = HashSet::new();
        node.evidence.retain(|e| seen.insert(*e));
        if node.evidence.len() < before {
            repairs.push(format!(
                "Map node \u{201c}{}\u{201d}: evidence not in the file (or listed twice) was dropped.",
                node.label
            ));
        }
        if node.label.trim().is_empty() {
            node.label = "Untitled node".into();
            repairs.push(
                "A map node had no label; it is called \u{201c}Untitled node\u{201d}.".into(),
            );
        }
        let (x, y) = crate::map::geometry::place(node.level, node.x, node.y);
        if (x, y) != (node.x, node.y) {
            node.x = x;
            node.y = y;
            repairs.push(format!(
                "Map node \u{201c}{}\u{201d} was outside its level\u{2019}s band; it was moved back in.",
                node.label
            ));
        }
    }
    let nodes: BTreeSet<RecordId> = content.map_nodes.iter().map(|n| n.id).collect();
    let mut joined = HashSet::new();
    let before = content.map_links.len();
    content.map_links.retain(|l| {
        l.from != l.to
            && nodes.contains(&l.from)
            && nodes.contains(&l.to)
            && joined.insert((l.from, l.to, l.kind))
    });
    let dropped = before - content.map_links.len();
    if dropped > 0 {
        repairs.push(format!(
            "{dropped} map link{} joined nodes not in the file, joined a node to itself or repeated another; {} dropped.",
            if dropped == 1 { "" } else { "s" },
            if dropped == 1 { "it was" } else { "they were" }
        ));
    }
}
