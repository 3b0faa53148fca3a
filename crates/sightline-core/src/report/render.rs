//! The report as a self-contained HTML file (no script, nothing fetched): a title page, a table
//! of contents, numbered sections, and for the full report the "Restricted" marking on every
//! printed page. The anonymised report carries no marking (it is the one that may be shared once
//! the identifying-details check has passed).

use super::SectionKey;
use crate::render::html::page;
use crate::render::{escape_html, user_text};
use crate::review::setup::ReviewModel;

/// A block of a section's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportBlock {
    /// "### …" (level 3) or "#### …" (level 4).
    Heading(u8, String),
    Paragraph(String),
    List(Vec<String>),
}

/// The blocks of a section's text: a blank line ends a paragraph or list; lines starting "- "
/// are list items; "### " and "#### " start subheadings.
pub fn blocks(body: &str) -> Vec<ReportBlock> {
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let flush = |out: &mut Vec<ReportBlock>, paragraph: &mut Vec<&str>, list: &mut Vec<String>| {
        if !paragraph.is_empty() {
            out.push(ReportBlock::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
        if !list.is_empty() {
            out.push(ReportBlock::List(std::mem::take(list)));
        }
    };
    for line in body.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            flush(&mut out, &mut paragraph, &mut list);
        } else if let Some(text) = line.strip_prefix("#### ") {
            flush(&mut out, &mut paragraph, &mut list);
            out.push(ReportBlock::Heading(4, text.trim().to_owned()));
        } else if let Some(text) = line.strip_prefix("### ") {
            flush(&mut out, &mut paragraph, &mut list);
            out.push(ReportBlock::Heading(3, text.trim().to_owned()));
        } else if let Some(item) = line.strip_prefix("- ") {
            if !paragraph.is_empty() {
                out.push(ReportBlock::Paragraph(paragraph.join(" ")));
                paragraph.clear();
            }
            list.push(item.trim().to_owned());
        } else {
            if !list.is_empty() {
                out.push(ReportBlock::List(std::mem::take(&mut list)));
            }
            paragraph.push(line.trim());
        }
    }
    flush(&mut out, &mut paragraph, &mut list);
    out
}

/// What the report page is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// For the committee and chief officers: marked "Restricted" on every page.
    Full,
    /// For the Care Inspectorate and any publication, once the check has passed.
    Anonymised,
}

/// The text of a report to render.
pub struct ReportText<'a> {
    pub title: &'a str,
    /// "Child protection Learning Review".
    pub kind: &'a str,
    /// "Draft 2", "Final" or "Working copy".
    pub version: &'a str,
    pub model: ReviewModel,
    pub sections: Vec<(SectionKey, &'a str)>,
}

const REPORT_CSS: &str = "
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; line-height: 1.45; margin: 1.5rem; }
main { max-width: 44rem; margin: 0 auto; }
h1 { font-size: 2rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
.report__marking { font-weight: 700; letter-spacing: 0.1em; text-align: center; border: 2px solid #0b0c0c; padding: 0.25rem; }
.report__meta { color: #505a5f; }
.report__contents ol { padding-left: 1.5rem; }
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  body { margin: 0; font-size: 11pt; }
  .report__marking--print { position: fixed; top: 0; left: 0; right: 0; }
  h2 { break-after: avoid; }
  h2.report__section-heading { break-before: page; }
}
";

/// The report as a single HTML file.
pub fn report_page(text: &ReportText<'_>, output: Output) -> String {
    let mut body = String::from("<main>\n");
    if output == Output::Full {
        body.push_str("<p class=\"report__marking report__marking--print\" data-marking=\"restricted\">RESTRICTED</p>\n");
    }
    body.push_str(&format!(
        "<header>\n<p class=\"report__meta\">{}</p>\n<h1>{}</h1>\n<p class=\"report__meta\">{}{}</p>\n</header>\n",
        user_text(text.kind),
        user_text(text.title),
        user_text(text.version),
        match output {
            Output::Full => " \u{2014} full report",
            Output::Anonymised => " \u{2014} anonymised report",
        }
    ));
    body.push_str("<nav class=\"report__contents\" aria-labelledby=\"contents-heading\">\n<h2 id=\"contents-heading\">Contents</h2>\n<ol>\n");
    for (key, _) in &text.sections {
        body.push_str(&format!(
            "<li><a href=\"#section-{}\">{}</a></li>\n",
            key.key(),
            escape_html(key.heading(text.model))
        ));
    }
    body.push_str("</ol>\n</nav>\n");
    for (key, section) in &text.sections {
        body.push_str(&format!(
            "<section aria-labelledby=\"section-{0}\">\n<h2 class=\"report__section-heading\" id=\"section-{0}\">{1}. {2}</h2>\n",
            key.key(),
            key.number(),
            escape_html(key.heading(text.model))
        ));
        for block in blocks(section) {
            match block {
                ReportBlock::Heading(level, heading) => {
                    body.push_str(&format!("<h{level}>{}</h{level}>\n", user_text(&heading)))
                }
                ReportBlock::Paragraph(paragraph) => {
                    body.push_str(&format!("<p>{}</p>\n", user_text(&paragraph)))
                }
                ReportBlock::List(items) => {
                    body.push_str("<ul>\n");
                    for item in items {
                        body.push_str(&format!("<li>{}</li>\n", user_text(&item)));
                    }
                    body.push_str("</ul>\n");
                }
            }
        }
        body.push_str("</section>\n");
    }
    body.push_str("</main>");
    page(text.title, REPORT_CSS, &body, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_markup_reads_as_subheadings_paragraphs_and_lists() {
        let body = "### Time taken\nFour months\nsince the decision.\n- one\n- two\nAfter.\n\n#### Episode 1: a visit\nText";
        assert_eq!(
            blocks(body),
            [
                ReportBlock::Heading(3, "Time taken".into()),
                ReportBlock::Paragraph("Four months since the decision.".into()),
                ReportBlock::List(vec!["one".into(), "two".into()]),
                ReportBlock::Paragraph("After.".into()),
                ReportBlock::Heading(4, "Episode 1: a visit".into()),
                ReportBlock::Paragraph("Text".into()),
            ]
        );
    }

    #[test]
    fn the_page_has_every_heading_escapes_hostile_text_and_marks_only_the_full_report() {
        let hostile = "<script>alert(1)</script> & \u{202e}reversed";
        let sections: Vec<(SectionKey, &str)> =
            SectionKey::ALL.iter().map(|k| (*k, hostile)).collect();
        let text = ReportText {
            title: "Review 2027-01 <b>",
            kind: "Child protection Learning Review",
            version: "Draft 1",
            model: ReviewModel::LearningTogether,
            sections,
        };
        let full = report_page(&text, Output::Full);
        for key in SectionKey::ALL {
            assert!(full.contains(&format!(
                "{}. {}",
                key.number(),
                key.heading(ReviewModel::LearningTogether)
            )));
        }
        assert!(!full.contains("<script>"));
        assert!(full.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
        assert!(full.contains("data-marking=\"restricted\""));
        assert!(full.contains("default-src 'none'"));
        let anonymised = report_page(&text, Output::Anonymised);
        assert!(!anonymised.contains("RESTRICTED"));
        assert!(anonymised.contains("anonymised report"));
    }
}
