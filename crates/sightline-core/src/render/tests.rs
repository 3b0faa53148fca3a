use chrono::{DateTime, Utc};

use super::docx::briefing_docx;
use super::html::{briefing_fragment, briefing_page, team_return_page};
use super::markdown::{briefing_markdown, escape_markdown};
use super::slides::briefing_slides;
use crate::content::briefing::SECTION_HEADINGS;
use crate::content::{Briefing, BriefingLayout, BriefingSection};
use crate::RecordId;

const HOSTILE: [&str; 6] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "[click](javascript:alert(3))",
    "<a href=\"javascript:alert(4)\">x</a>",
    "' onmouseover='alert(5)",
    "<svg onload=alert(6)>",
];

fn at() -> DateTime<Utc> {
    "2026-11-26T10:00:00Z".parse().unwrap()
}

fn briefing(text: &str) -> Briefing {
    Briefing {
        id: RecordId::from_random_bytes([1; 16]),
        title: format!("Briefing {text}"),
        audience: text.to_owned(),
        sections: SECTION_HEADINGS
            .iter()
            .map(|h| BriefingSection {
                heading: format!("{h} {text}"),
                body: format!("Para {text}\n\n- item {text}\n- second"),
            })
            .collect(),
        layout: BriefingLayout::Tiles,
        approved_by: text.to_owned(),
        approved_on: None,
        dismissals: Vec::new(),
        check: None,
        updated_at: at(),
    }
}

/// The tags and attributes of an HTML text that a browser would act on.
/// (Escaped, an attribute's words are harmless text: what must not appear is a tag, or a quote
/// that closes an attribute so that words after it become one.)
fn active_markup(html: &str) -> Vec<String> {
    let lower = html.to_lowercase();
    let mut found = Vec::new();
    for needle in [
        "<script>alert",
        "<img",
        "<svg",
        "<a ",
        "\" onmouseover",
        "' onmouseover",
        "href=\"",
    ] {
        if lower.contains(needle) {
            found.push(needle.to_owned());
        }
    }
    found
}

#[test]
fn html_exports_escape_every_hostile_text() {
    for text in HOSTILE {
        let b = briefing(text);
        for (what, html) in [
            ("fragment", briefing_fragment(&b)),
            ("page", briefing_page(&b)),
            ("team return", team_return_page(&b, text)),
        ] {
            assert_eq!(
                active_markup(&html),
                Vec::<String>::new(),
                "{what}: {text}\n{html}"
            );
        }
        let deck = briefing_slides(&b);
        // The deck has exactly one script: its own navigation.
        assert_eq!(deck.matches("<script>").count(), 1, "{text}");
        let without_own_script = deck.split("<script>").next().unwrap();
        assert_eq!(
            active_markup(without_own_script),
            Vec::<String>::new(),
            "deck: {text}"
        );
    }
}

#[test]
fn the_page_is_self_contained_and_names_its_inline_style_in_its_csp() {
    let page = briefing_page(&briefing("plain"));
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script"), "no script in the briefing page");
    assert!(!page.contains("http://") && !page.contains("https://") && !page.contains("src="));
    let style = page
        .split("<style>")
        .nth(1)
        .unwrap()
        .split("</style>")
        .next()
        .unwrap();
    assert!(page.contains(&format!("style-src {}", super::csp_hash(style))));
    assert!(page.contains("default-src 'none'"));
    for heading in SECTION_HEADINGS {
        assert!(page.contains(heading), "{heading}");
    }
}

#[test]
fn the_deck_allows_only_its_own_script_by_hash() {
    let deck = briefing_slides(&briefing("plain"));
    let script = deck
        .split("<script>")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    assert!(deck.contains(&format!("script-src {}", super::csp_hash(script))));
    assert_eq!(
        deck.matches("class=\"slide\"").count(),
        8,
        "a title slide and seven sections"
    );
    assert!(!deck.contains("https://") && !deck.contains("http://"));
}

#[test]
fn markdown_shows_hostile_text_as_text() {
    for text in HOSTILE {
        let md = briefing_markdown(&briefing(text));
        // Every angle bracket and link bracket is escaped, so Markdown shows it as text.
        for (at, c) in md.char_indices() {
            if matches!(c, '<' | '>' | '[' | ']' | '(' | ')') {
                assert_eq!(&md[at - 1..at], "\\", "unescaped {c} in {md}");
            }
        }
    }
    assert_eq!(
        escape_markdown("[x](javascript:y)"),
        "\\[x\\]\\(javascript:y\\)"
    );
    assert_eq!(escape_markdown("- not a list"), "\\- not a list");
    assert_eq!(escape_markdown("1. not numbered"), "1\\. not numbered");
    let md = briefing_markdown(&briefing("plain"));
    assert!(md.starts_with("# Briefing plain\n"));
    assert!(md.contains("## 1\\. Background plain\n"));
    assert!(md.contains("\n- item plain\n- second\n"));
}

fn docx_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("the part")
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_word_document_has_heading_styles_lists_and_escaped_text() {
    let bytes = briefing_docx(&briefing("<script>alert(1)</script> & \u{0007}bell")).unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    assert_eq!(document.matches("w:val=\"Heading1\"").count(), 7);
    assert!(document.contains("w:val=\"Title\""));
    assert!(
        document.contains("<w:numPr>"),
        "list items are real list paragraphs"
    );
    assert!(document.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    assert!(!document.contains("<script>"));
    assert!(!document.contains('\u{0007}'));
    let styles = docx_part(&bytes, "word/styles.xml");
    assert!(styles.contains("Heading 1"));
}
