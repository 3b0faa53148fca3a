//! Hostile text (issue 7): each of the payloads in `tests/fixtures/xss-payloads.json` (script
//! tags, event handlers, `javascript:` URLs, SVG, CSS, templates, Unicode tricks, spreadsheet
//! formulas) put into every text of a review, then through every export the core writes. No
//! output may carry a payload as live markup, and the review file must give the text back
//! exactly.

use chrono::{DateTime, TimeZone, Utc};
use sightline_core::chronology_csv::export_csv;
use sightline_core::format::{read_review_file, write_review_file};
use sightline_core::generate::{generate_review, ReviewSize};
use sightline_core::ids::SeededIds;
use sightline_core::learning::actions::action_plan_csv;
use sightline_core::learning::briefing::draft_briefing;
use sightline_core::map::canvas::{to_canvas, write_canvas};
use sightline_core::map::svg::render_svg;
use sightline_core::render::docx::briefing_docx;
use sightline_core::render::html::{briefing_fragment, briefing_page, team_return_page};
use sightline_core::render::markdown::briefing_markdown;
use sightline_core::render::slides::briefing_slides;
use sightline_core::{RecordId, Review, ReviewContent};

const PAYLOADS: &str = include_str!("../../../tests/fixtures/xss-payloads.json");

fn payloads() -> Vec<String> {
    serde_json::from_str(PAYLOADS).expect("the payload list is JSON")
}

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
}

/// A small review with `text` in every text field the exports use.
fn review_with(text: &str) -> (Review, ReviewContent) {
    let (mut review, mut content) = generate_review(5, ReviewSize::SMALL, at());
    review.title = text.into();
    review.committee = text.into();
    for p in &mut content.people {
        p.label = format!("{text} {}", p.label);
        p.notes = text.into();
    }
    for a in &mut content.agencies {
        a.name = format!("{text} {}", a.name);
    }
    for e in &mut content.events {
        e.what_happened = text.into();
        e.source = text.into();
        e.phase = text.into();
    }
    for e in &mut content.episodes {
        e.title = text.into();
        e.how_it_looked = text.into();
    }
    for n in &mut content.map_nodes {
        n.label = text.into();
        n.note = text.into();
    }
    for l in &mut content.map_links {
        l.note = text.into();
    }
    for f in &mut content.findings {
        f.statement = text.into();
        f.detail = text.into();
    }
    for a in &mut content.actions {
        a.text = text.into();
        a.owner_role = text.into();
        a.impact_measure = text.into();
    }
    let mut briefing = draft_briefing(
        &review,
        &content,
        RecordId::from_random_bytes([7; 16]),
        at(),
    );
    briefing.audience = text.into();
    briefing.approved_by = text.into();
    for s in &mut briefing.sections {
        s.heading = text.into();
        s.body = format!("{text}\n\n- {text}\n- {text}");
    }
    content.briefings = vec![briefing];
    (review, content)
}

/// The payload's characters that HTML would read as markup; escaped, none may appear raw.
fn markup_chars(text: &str) -> bool {
    text.contains(['<', '>', '"', '\''])
}

#[test]
fn there_are_at_least_a_hundred_payloads() {
    assert!(payloads().len() >= 100, "{}", payloads().len());
}

#[test]
fn html_exports_show_every_payload_as_text() {
    for text in payloads() {
        let (review, content) = review_with(&text);
        let briefing = &content.briefings[0];
        let deck = briefing_slides(briefing);
        let deck_without_script = deck.split("<script>").next().unwrap().to_owned();
        for (what, html) in [
            ("fragment", briefing_fragment(briefing)),
            ("page", briefing_page(briefing)),
            ("team return", team_return_page(briefing, &review.committee)),
            ("slides", deck_without_script),
            ("map SVG", render_svg(&content, &review.title)),
        ] {
            if markup_chars(&text) {
                assert!(
                    !html.contains(&text),
                    "{what} holds the payload raw: {text}"
                );
            }
            let lower = html.to_lowercase();
            for tag in [
                "<script>alert",
                "<img",
                "<iframe",
                "<object",
                "<embed",
                "<svg><script",
                "<a href",
                "<style>@import",
                "<link",
                "<form",
                "<meta http-equiv=\"refresh",
            ] {
                assert!(!lower.contains(tag), "{what} has live {tag} for {text}");
            }
        }
        assert_eq!(
            deck.matches("<script>").count(),
            1,
            "the deck runs only its own script"
        );
    }
}

#[test]
fn markdown_word_csv_and_canvas_keep_payloads_inert() {
    for text in payloads() {
        let (review, content) = review_with(&text);
        let briefing = &content.briefings[0];
        let md = briefing_markdown(briefing);
        for (at, c) in md.char_indices() {
            if matches!(c, '<' | '>' | '[' | ']' | '(' | ')' | '`') {
                assert_eq!(&md[at - 1..at], "\\", "unescaped {c} in Markdown of {text}");
            }
        }
        let docx = briefing_docx(briefing).expect("a Word document");
        assert!(docx.starts_with(b"PK"));
        for csv in [export_csv(&content), action_plan_csv(&content)] {
            for line in csv.lines().skip(1) {
                for cell in line.split(',') {
                    let cell = cell.trim_start_matches('"');
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@']),
                        "formula cell {cell:?} for {text}"
                    );
                }
            }
        }
        let canvas = write_canvas(&to_canvas(&content, review.map_scheme));
        assert!(serde_json::from_str::<serde_json::Value>(&canvas).is_ok());
    }
}

#[test]
fn a_review_file_gives_every_payload_back_exactly() {
    for text in payloads() {
        let (review, content) = review_with(&text);
        let file = write_review_file(&review, &content, at(), "0.1.0");
        let read = read_review_file(file.as_bytes(), &mut SeededIds::new(1)).unwrap();
        assert_eq!(read.value.review.title, text);
        assert_eq!(read.value.content.events[0].what_happened, text);
        assert_eq!(read.value.content.briefings, content.briefings);
    }
}
