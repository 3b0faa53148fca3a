//! Hostile text (issue 7): each of the payloads in `tests/fixtures/xss-payloads.json` (script
//! tags, event handlers, `javascript:` URLs, SVG, CSS, templates, Unicode tricks, spreadsheet
//! formulas) put into every text of a review, then through every export the core writes. No
//! output may carry a payload as live markup, and the review file must give the text back
//! exactly.

use chrono::{DateTime, TimeZone, Utc};
use sightline_core::chronology_csv::export_csv;
use sightline_core::content::actions::action_plan_csv;
use sightline_core::content::briefing::draft_briefing;
use sightline_core::format::json_canvas::{to_canvas, write_canvas};
use sightline_core::format::{read_review_file, write_review_file};
use sightline_core::ids::SeededIds;
use sightline_core::map::svg::render_svg;
use sightline_core::render::docx::briefing_docx;
use sightline_core::render::html::{briefing_fragment, briefing_page, team_return_page};
use sightline_core::render::markdown::briefing_markdown;
use sightline_core::render::slides::briefing_slides;
use sightline_core::testing::{generate_review, ReviewSize};
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

/// Renders Markdown as GitHub and Obsidian do: GFM with bare addresses linked and raw HTML
/// passed through.
fn render_gfm(markdown: &str) -> String {
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = true;
    comrak::markdown_to_html(markdown, &options)
}

/// The tags a rendering of escaped text may hold: the structure Sightline writes itself.
fn foreign_tags(html: &str) -> Vec<String> {
    const OURS: [&str; 10] = [
        "p", "h1", "h2", "ul", "li", "strong", "br", "hr", "ol", "em",
    ];
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_lowercase();
        if !OURS.contains(&name.as_str()) {
            found.push(rest.chars().take(40).collect());
        }
    }
    found
}

/// Issue 11, items 11 and 12: the Markdown export and every .canvas node's text, rendered
/// by a GitHub-flavoured renderer with raw HTML and autolinks on, hold no link, image or
/// tag of the person's text; and the canvas reads back exactly.
#[test]
fn markdown_and_canvas_text_render_with_nothing_live_and_canvas_text_reads_back_exactly() {
    use sightline_core::format::json_canvas::read_canvas;
    for text in payloads() {
        let (review, content) = review_with(&text);
        let briefing = &content.briefings[0];
        let mut renderings = vec![(
            "briefing Markdown".to_owned(),
            render_gfm(&briefing_markdown(briefing)),
        )];
        let canvas = to_canvas(&content, review.map_scheme);
        for node in canvas.nodes.iter().filter(|n| n.node_type == "text") {
            // Sightline's own hidden comments are not the person's text.
            let shown: String = node
                .text
                .as_deref()
                .unwrap_or("")
                .split("<!--")
                .enumerate()
                .map(|(n, part)| {
                    if n == 0 {
                        part
                    } else {
                        part.split_once("-->").map_or("", |(_, after)| after)
                    }
                })
                .collect();
            renderings.push((format!("canvas node {}", node.id), render_gfm(&shown)));
        }
        for (what, html) in renderings {
            assert_eq!(
                foreign_tags(&html),
                Vec::<String>::new(),
                "{what} for {text:?}:\n{html}"
            );
        }
        // The canvas gives back every label and note exactly.
        let bytes = write_canvas(&canvas);
        let read = read_canvas(bytes.as_bytes(), &content, &mut SeededIds::new(2), at()).unwrap();
        let mut labels: Vec<(String, String)> = read
            .nodes
            .iter()
            .map(|n| (n.label.clone(), n.note.clone()))
            .collect();
        let mut expected: Vec<(String, String)> = content
            .map_nodes
            .iter()
            .map(|n| {
                (
                    n.label
                        .replace('\n', " ")
                        .chars()
                        .take(sightline_core::map::MAX_LABEL_CHARS)
                        .collect(),
                    n.note.clone(),
                )
            })
            .collect();
        labels.sort();
        expected.sort();
        assert_eq!(labels, expected, "canvas round trip for {text:?}");
        let evidence: usize = read.nodes.iter().map(|n| n.evidence.len()).sum();
        assert_eq!(
            evidence,
            content
                .map_nodes
                .iter()
                .map(|n| n.evidence.len())
                .sum::<usize>()
        );
    }
}

/// Issue 11, item 13: a direction control in the person's text (an unclosed right-to-left
/// override) cannot reverse anything outside that text: HTML exports isolate every piece in
/// `<bdi>`, titles carry no control at all, and Markdown, Word and SVG close what it opens.
#[test]
fn direction_controls_in_text_stay_inside_it() {
    use sightline_core::markup::{balance_bidi, is_bidi_control};
    let with_controls: Vec<String> = payloads()
        .into_iter()
        .filter(|p| p.chars().any(is_bidi_control))
        .collect();
    assert!(with_controls.len() >= 2, "{with_controls:?}");
    for text in with_controls {
        let (review, content) = review_with(&text);
        let briefing = &content.briefings[0];
        for (what, html) in [
            ("page", briefing_page(briefing)),
            ("slides", briefing_slides(briefing)),
            ("team return", team_return_page(briefing, &review.committee)),
        ] {
            let title = html
                .split("<title>")
                .nth(1)
                .unwrap()
                .split("</title>")
                .next()
                .unwrap();
            assert!(
                !title.chars().any(is_bidi_control),
                "{what} title {title:?}"
            );
            // Outside every <bdi>…</bdi>, no control remains.
            let mut outside = String::new();
            let body = html.split("</title>").nth(1).unwrap();
            for (n, part) in body.split("<bdi>").enumerate() {
                outside.push_str(if n == 0 {
                    part
                } else {
                    part.split_once("</bdi>").map_or("", |(_, rest)| rest)
                });
            }
            assert!(
                !outside.chars().any(is_bidi_control),
                "{what} leaks a control outside <bdi> for {text:?}"
            );
        }
        for line in briefing_markdown(briefing).lines() {
            assert_eq!(
                balance_bidi(line),
                line,
                "Markdown line left open: {line:?}"
            );
        }
        let svg = render_svg(&content, &review.title);
        for piece in svg.split("<text").skip(1) {
            let inner = piece
                .split_once('>')
                .map_or("", |(_, rest)| rest)
                .split("</text>")
                .next()
                .unwrap();
            assert_eq!(balance_bidi(inner), inner, "SVG text left open: {inner:?}");
        }
        let title = svg
            .split("<title id=\"map-title\">")
            .nth(1)
            .unwrap()
            .split("</title>")
            .next()
            .unwrap();
        assert!(!title.chars().any(is_bidi_control));
    }
}
