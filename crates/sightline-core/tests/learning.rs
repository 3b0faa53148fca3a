//! Findings, actions and the briefing across the crate: drafting, references kept whole,
//! files that carry the learning but never the watchlist, and the check on a whole briefing.

use chrono::{DateTime, TimeZone, Utc};
use sightline_core::anonymise::{text_hash, Checker, FlagKind, TextPart, Watchlist};
use sightline_core::content::briefing::{draft_briefing, SECTION_HEADINGS};
use sightline_core::content::{Action, Finding};
use sightline_core::content::{Change, RecordKind, ReviewContent};
use sightline_core::format::{read_review_file, write_review_file};
use sightline_core::ids::SeededIds;
use sightline_core::testing::{generate_review, ReviewSize};
use sightline_core::RecordId;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
}

fn id(n: u8) -> RecordId {
    RecordId::from_random_bytes([n; 16])
}

fn parts(content: &ReviewContent) -> Vec<TextPart> {
    content.briefings[0]
        .text_parts()
        .into_iter()
        .map(TextPart::from)
        .collect()
}

#[test]
fn the_draft_has_seven_sections_from_the_review_and_no_exact_date() {
    let (review, content) = generate_review(7, ReviewSize::SMALL, at());
    let briefing = draft_briefing(&review, &content, id(1), at());
    let headings: Vec<&str> = briefing
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings, SECTION_HEADINGS);
    assert!(briefing.sections[0].body.contains("Child K, aged 5 to 9"));
    for finding in content
        .findings
        .iter()
        .filter(|f| f.kind == sightline_core::content::FindingKind::AreaForImprovement)
    {
        assert!(briefing.sections[2].body.contains(&finding.statement));
    }
    // Actions are dated by month and year only, so the draft passes the date detector.
    assert!(briefing.sections[5].body.contains("(by January 2026)"));
    let mut content = content;
    content.briefings = vec![briefing];
    let flags = Checker::new(&content).check(&parts(&content));
    let kinds: Vec<FlagKind> = flags.iter().map(|f| f.kind).collect();
    assert!(!kinds.contains(&FlagKind::ExactDate), "{flags:#?}");
    assert!(!kinds.contains(&FlagKind::ExactAge), "{flags:#?}");
}

#[test]
fn a_watchlist_entry_in_a_briefing_is_found_and_the_check_hash_follows_the_text() {
    let (review, mut content) = generate_review(8, ReviewSize::SMALL, at());
    let mut list = Watchlist::new(id(2), [9; 16], at());
    list.add("Glenmuir Primary", id(3), at()).unwrap();
    content.put(list);
    let mut briefing = draft_briefing(&review, &content, id(1), at());
    briefing.sections[0]
        .body
        .push_str(" He attended glenmuir primary.");
    content.briefings = vec![briefing];
    let before = text_hash(&parts(&content));
    let flags = Checker::new(&content).check(&parts(&content));
    let watch: Vec<_> = flags
        .iter()
        .filter(|f| f.kind == FlagKind::Watchlist)
        .collect();
    assert_eq!(watch.len(), 1);
    assert_eq!(watch[0].anchor, "briefing-section-1");
    assert_eq!(watch[0].matched, "glenmuir primary");
    content.briefings[0].sections[0].body = "Fixed.".into();
    assert_ne!(text_hash(&parts(&content)), before);
}

#[test]
fn files_carry_findings_actions_and_briefings_but_never_the_watchlist() {
    let (review, mut content) = generate_review(9, ReviewSize::SMALL, at());
    let mut list = Watchlist::new(id(2), [9; 16], at());
    list.add("Siobhán Kerr", id(3), at()).unwrap();
    let salt = list.salt.clone();
    let hash = list.entries[0].hash.clone();
    content.put(list);
    let text = write_review_file(&review, &content, at(), "0.1.0");
    assert!(!text.contains(&salt) && !text.contains(&hash));
    assert!(!text.contains("watchlist"));
    let read = read_review_file(text.as_bytes(), &mut SeededIds::new(1)).unwrap();
    assert!(read.value.content.watchlists.is_empty());
    assert_eq!(read.value.content.findings.len(), content.findings.len());
    assert_eq!(read.value.content.actions.len(), content.actions.len());
    assert_eq!(read.value.content.briefings, content.briefings);
    // Even a file that carried a watchlist would not be read: it belongs to another browser.
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["content"]["watchlists"] = serde_json::json!([{"id": id(4).to_string(), "salt": "00", "entries": [], "updated_at": "2026-11-26T09:00:00Z"}]);
    let read = read_review_file(value.to_string().as_bytes(), &mut SeededIds::new(1)).unwrap();
    assert!(read.value.content.watchlists.is_empty());
}

#[test]
fn links_to_records_not_in_a_file_are_dropped_with_a_note() {
    let (review, mut content) = generate_review(10, ReviewSize::SMALL, at());
    content.findings[0].episodes.push(id(50));
    content.findings[0].map_nodes.push(id(51));
    content.actions[0].finding = Some(id(52));
    content.actions[1].owner_agency = Some(id(53));
    let text = write_review_file(&review, &content, at(), "0.1.0");
    let read = read_review_file(text.as_bytes(), &mut SeededIds::new(1)).unwrap();
    let f = &read.value.content.findings;
    assert!(f
        .iter()
        .all(|f| !f.episodes.contains(&id(50)) && !f.map_nodes.contains(&id(51))));
    let a = &read.value.content.actions;
    assert!(a
        .iter()
        .all(|a| a.finding != Some(id(52)) && a.owner_agency != Some(id(53))));
    assert_eq!(read.repairs.len(), 3, "{:?}", read.repairs);
}

#[test]
fn removing_evidence_or_a_finding_removes_the_links_to_it() {
    let (_, mut content) = generate_review(11, ReviewSize::SMALL, at());
    let finding: Finding = content.findings[0].clone();
    let episode = finding.episodes[0];
    let node = finding.map_nodes[0];
    let changes = content.remove_with_references(RecordKind::Episode, episode, at());
    assert!(changes.contains(&Change::Put(RecordKind::Finding, finding.id)));
    content.remove_with_references(RecordKind::MapNode, node, at());
    let after = content.get::<Finding>(finding.id).unwrap();
    assert!(!after.episodes.contains(&episode) && !after.map_nodes.contains(&node));

    let answering: Vec<RecordId> = content
        .actions
        .iter()
        .filter(|a| a.finding == Some(finding.id))
        .map(|a| a.id)
        .collect();
    assert!(!answering.is_empty());
    let changes = content.remove_with_references(RecordKind::Finding, finding.id, at());
    for action in &answering {
        assert!(changes.contains(&Change::Put(RecordKind::Action, *action)));
        assert_eq!(content.get::<Action>(*action).unwrap().finding, None);
    }
    let agency = content.actions[0].owner_agency.unwrap();
    content.remove_with_references(RecordKind::Agency, agency, at());
    assert!(content
        .actions
        .iter()
        .all(|a| a.owner_agency != Some(agency)));
}
