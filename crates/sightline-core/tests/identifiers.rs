//! The identifying-details check measured against a corpus of passages with planted
//! identifiers (issue 11, item 17): `tests/fixtures/identifier-corpus.json`, passages across
//! the watchlist, dates, postcodes, phone numbers, emails, CHI and NHS numbers, ages and
//! names, and clean passages full of traps (the committee's own name, the frameworks and
//! bodies the app offers, role labels, weekdays, languages).
//!
//! For each detector it prints how many planted items were found (recall) and how many flags
//! fell on text that identifies no one (false flags). Run it with
//! `cargo test -p sightline-core --test identifiers -- --nocapture` to see the table;
//! docs/RELIABILITY.md records the figures.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use serde::Deserialize;
use sightline_core::anonymise::{Checker, FlagKind, TextPart, Watchlist};
use sightline_core::content::{Person, PersonKind};
use sightline_core::{RecordId, ReviewContent};

const CORPUS: &str = include_str!("fixtures/identifier-corpus.json");

#[derive(Deserialize)]
struct Passage {
    text: String,
    planted: Vec<Planted>,
    watchlist: Vec<String>,
    register: Vec<String>,
    committee: String,
}

#[derive(Deserialize)]
struct Planted {
    kind: String,
    text: String,
}

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

fn id(n: usize) -> RecordId {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&(n as u64 + 1).to_be_bytes());
    RecordId::from_random_bytes(bytes)
}

/// The flag kinds that count for a planted kind.
fn detector(kind: &str) -> FlagKind {
    match kind {
        "watchlist" => FlagKind::Watchlist,
        "date" => FlagKind::ExactDate,
        "postcode" => FlagKind::Postcode,
        "phone" => FlagKind::PhoneNumber,
        "email" => FlagKind::Email,
        "chi" => FlagKind::ChiOrNhsNumber,
        "age" => FlagKind::ExactAge,
        "name" => FlagKind::NameLike,
        other => panic!("unknown planted kind {other}"),
    }
}

#[derive(Default)]
struct Tally {
    planted: usize,
    found: usize,
    found_by_other: usize,
    false_flags: usize,
    missed: Vec<String>,
    false_examples: Vec<String>,
}

fn content_for(passage: &Passage) -> ReviewContent {
    let mut content = ReviewContent::default();
    for (n, label) in passage.register.iter().enumerate() {
        content.people.push(Person {
            id: id(100 + n),
            kind: PersonKind::Professional,
            label: label.clone(),
            role: label
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .to_owned(),
            agency: None,
            age_band: String::new(),
            took_part_in: Default::default(),
            support_offered: String::new(),
            notes: String::new(),
            updated_at: at(),
        });
    }
    if !passage.watchlist.is_empty() {
        let mut list = Watchlist::new(id(1), [9; 16], at());
        for (n, entry) in passage.watchlist.iter().enumerate() {
            list.add(entry, id(10 + n), at()).unwrap();
        }
        content.watchlists.push(list);
    }
    content
}

#[test]
fn the_check_finds_every_planted_identifier_and_flags_nothing_else() {
    let corpus: Vec<Passage> = serde_json::from_str(CORPUS).expect("the corpus is JSON");
    assert!(corpus.len() >= 60, "{} passages", corpus.len());
    let mut tallies: BTreeMap<FlagKind, Tally> = BTreeMap::new();
    for passage in &corpus {
        let content = content_for(passage);
        let flags = Checker::new(&content)
            .with_committee(&passage.committee)
            .check(&[TextPart {
                anchor: "text".into(),
                place: "Passage".into(),
                text: passage.text.clone(),
            }]);
        let planted: Vec<(FlagKind, std::ops::Range<usize>, &str)> = passage
            .planted
            .iter()
            .map(|p| {
                let start = passage
                    .text
                    .find(&p.text)
                    .unwrap_or_else(|| panic!("{:?} is not in {:?}", p.text, passage.text));
                (
                    detector(&p.kind),
                    start..start + p.text.len(),
                    p.text.as_str(),
                )
            })
            .collect();
        for (kind, range, text) in &planted {
            let tally = tallies.entry(*kind).or_default();
            tally.planted += 1;
            let covering: Vec<FlagKind> = flags
                .iter()
                .filter(|f| f.range.start < range.end && range.start < f.range.end)
                .map(|f| f.kind)
                .collect();
            if covering.contains(kind) {
                tally.found += 1;
            } else if !covering.is_empty() {
                tally.found_by_other += 1;
            } else {
                tally.missed.push(format!("{text:?} in {:?}", passage.text));
            }
        }
        for flag in &flags {
            let on_planted = planted
                .iter()
                .any(|(_, r, _)| flag.range.start < r.end && r.start < flag.range.end);
            if !on_planted {
                let tally = tallies.entry(flag.kind).or_default();
                tally.false_flags += 1;
                tally
                    .false_examples
                    .push(format!("{:?} in {:?}", flag.matched, passage.text));
            }
        }
    }
    eprintln!(
        "\nIdentifying-details check on {} passages ({} clean):",
        corpus.len(),
        corpus.iter().filter(|p| p.planted.is_empty()).count()
    );
    eprintln!(
        "{:<28} {:>7} {:>6} {:>9} {:>7} {:>11}",
        "detector", "planted", "found", "by other", "recall", "false flags"
    );
    for (kind, tally) in &tallies {
        let recall = if tally.planted == 0 {
            "-".to_owned()
        } else {
            format!("{:.0}%", 100.0 * tally.found as f64 / tally.planted as f64)
        };
        eprintln!(
            "{:<28} {:>7} {:>6} {:>9} {:>7} {:>11}",
            kind.label(),
            tally.planted,
            tally.found,
            tally.found_by_other,
            recall,
            tally.false_flags
        );
    }
    let missed: Vec<&String> = tallies.values().flat_map(|t| &t.missed).collect();
    let false_flags: Vec<&String> = tallies.values().flat_map(|t| &t.false_examples).collect();
    let by_other: usize = tallies.values().map(|t| t.found_by_other).sum();
    assert!(missed.is_empty(), "missed: {missed:#?}");
    assert!(false_flags.is_empty(), "false flags: {false_flags:#?}");
    assert_eq!(by_other, 0, "identifiers flagged as another kind");
}
