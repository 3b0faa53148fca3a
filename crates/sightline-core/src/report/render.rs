//! The report as a self-contained HTML file (no script, nothing fetched): a title page, a table
//! of contents, numbered sections, and for the full report the "Restricted" marking on every
//! printed page. The anonymised report carries no marking (it is the one that may be shared once
//! the identifying-details check has passed).

use super::appendix::AppendixPart;
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
    /// The appendices made from the review (the full report only; see `report::appendix`).
    pub appendices: &'a [AppendixPart],
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
.report__contents-appendix { list-style: none; margin-left: -1.5rem; }
.report__table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
.report__table th, .report__table td { border: 1px solid #b1b4b6; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
.report__table thead { display: table-header-group; }
.report__map svg { max-width: 100%; height: auto; }
@media print {
  body { margin: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  h2.report__section-heading { break-before: page; }
}
@page { size: A4; margin: 20mm 18mm; @bottom-center { content: \"Page \" counter(page) \" of \" counter(pages); } }
";

/// The full report's printed pages carry the marking at the top of each.
const RESTRICTED_CSS: &str = "
@page restricted { @top-center { content: \"RESTRICTED\"; font-weight: 700; letter-spacing: 0.1em; } }
.report--restricted { page: restricted; }
";

impl<'a> ReportText<'a> {
    /// The report text of `sections` (a version's or the working copy's), in the report's
    /// order, with every section present.
    pub fn of(
        title: &'a str,
        kind: &'a str,
        version: &'a str,
        model: ReviewModel,
        sections: &'a std::collections::BTreeMap<SectionKey, String>,
    ) -> Self {
        Self {
            title,
            kind,
            version,
            model,
            sections: SectionKey::ALL
                .into_iter()
                .map(|key| (key, sections.get(&key).map_or("", String::as_str)))
                .collect(),
            appendices: &[],
        }
    }

    /// The same text with `appendices` after its sections.
    pub fn with_appendices(self, appendices: &'a [AppendixPart]) -> Self {
        Self { appendices, ..self }
    }

    /// The appendices this output carries: the full report's, and none in the anonymised one.
    pub fn appendices_for(&self, output: Output) -> &'a [AppendixPart] {
        match output {
            Output::Full => self.appendices,
            Output::Anonymised => &[],
        }
    }
}

/// The report as a single HTML file.
pub fn report_page(text: &ReportText<'_>, output: Output) -> String {
    let mut body = String::from(match output {
        // Marked at the top of the page on screen, and at the top of every printed page.
        Output::Full => "<main class=\"report--restricted\">\n<p class=\"report__marking\" data-marking=\"restricted\">RESTRICTED</p>\n",
        Output::Anonymised => "<main>\n",
    });
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
    for (n, appendix) in text.appendices_for(output).iter().enumerate() {
        body.push_str(&format!(
            "<li class=\"report__contents-appendix\"><a href=\"#appendix-{n}\">{}</a></li>\n",
            escape_html(appendix.title())
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
    for (n, appendix) in text.appendices_for(output).iter().enumerate() {
        body.push_str(&format!(
            "<section aria-labelledby=\"appendix-{n}\">\n<h2 class=\"report__section-heading\" id=\"appendix-{n}\">{}</h2>\n",
            escape_html(appendix.title())
        ));
        match appendix {
            AppendixPart::Terms {
                paragraphs,
                questions,
                ..
            } => {
                for p in paragraphs {
                    body.push_str(&format!("<p>{}</p>\n", user_text(p)));
                }
                if !questions.is_empty() {
                    body.push_str("<h3>Review questions</h3>\n<ol>\n");
                    for q in questions {
                        body.push_str(&format!("<li>{}</li>\n", user_text(q)));
                    }
                    body.push_str("</ol>\n");
                }
            }
            AppendixPart::Table { header, rows, .. } => {
                body.push_str("<table class=\"report__table\">\n<thead><tr>");
                for h in header {
                    body.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(h)));
                }
                body.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    body.push_str("<tr>");
                    for cell in row {
                        body.push_str(&format!("<td>{}</td>", user_text(cell)));
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody>\n</table>\n");
            }
            // The map's SVG is the core's own, with every text in it escaped.
            AppendixPart::Map { svg, .. } => {
                body.push_str(&format!("<div class=\"report__map\">{svg}</div>\n"))
            }
        }
        body.push_str("</section>\n");
    }
    body.push_str("</main>");
    let css = match output {
        Output::Full => format!("{REPORT_CSS}{RESTRICTED_CSS}"),
        Output::Anonymised => REPORT_CSS.to_owned(),
    };
    page(text.title, &css, &body, None)
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
            appendices: &[],
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
