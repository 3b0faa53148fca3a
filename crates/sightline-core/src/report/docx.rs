//! The report as a Word document (.docx), through `docx-rs` as the briefing is: Title and
//! Heading 1–3 styles (so Word's navigation pane lists the numbered sections), real bulleted
//! lists, page numbers in the footer and, for the full report, "RESTRICTED" in the header of
//! every page.

use docx_rs::{AlignmentType, Footer, Header, PageNum, Paragraph, Run};

use super::render::{blocks, Output, ReportBlock, ReportText};
use crate::render::docx::{bullet, heading_style, house_document, pack, paragraph, DocxError};

/// The report as the bytes of a .docx file.
pub fn report_docx(text: &ReportText<'_>, output: Output) -> Result<Vec<u8>, DocxError> {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("Page "))
            .add_page_num(PageNum::new()),
    );
    let mut doc = house_document(44)
        .add_style(heading_style("Heading1", "Heading 1", 32, 0))
        .add_style(heading_style("Heading2", "Heading 2", 26, 1))
        .add_style(heading_style("Heading3", "Heading 3", 24, 2))
        .footer(footer);
    if output == Output::Full {
        doc = doc.header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_text("RESTRICTED").bold()),
            ),
        );
    }
    doc = doc
        .add_paragraph(paragraph(text.kind))
        .add_paragraph(paragraph(text.title).style("Title"))
        .add_paragraph(paragraph(&format!(
            "{} \u{2014} {}",
            text.version,
            match output {
                Output::Full => "full report",
                Output::Anonymised => "anonymised report",
            }
        )));
    for (key, body) in &text.sections {
        doc = doc.add_paragraph(
            paragraph(&format!("{}. {}", key.number(), key.heading(text.model))).style("Heading1"),
        );
        for block in blocks(body) {
            match block {
                ReportBlock::Heading(3, heading) => {
                    doc = doc.add_paragraph(paragraph(&heading).style("Heading2"))
                }
                ReportBlock::Heading(_, heading) => {
                    doc = doc.add_paragraph(paragraph(&heading).style("Heading3"))
                }
                ReportBlock::Paragraph(text) => doc = doc.add_paragraph(paragraph(&text)),
                ReportBlock::List(items) => {
                    for item in items {
                        doc = doc.add_paragraph(bullet(&item));
                    }
                }
            }
        }
    }
    pack(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::SectionKey;
    use crate::review::setup::ReviewModel;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> Option<String> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut text = String::new();
        archive.by_name(name).ok()?.read_to_string(&mut text).ok()?;
        Some(text)
    }

    fn all_parts(bytes: &[u8]) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut out = String::new();
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            out.push_str(&text);
        }
        out
    }

    #[test]
    fn the_word_report_has_numbered_headings_lists_page_numbers_and_the_marking() {
        let body = "### Time taken\nFour months.\n- <script>alert(1)</script> & \u{0007}bell\n#### Episode 1\nText";
        let sections: Vec<(SectionKey, &str)> =
            SectionKey::ALL.iter().map(|k| (*k, body)).collect();
        let text = ReportText {
            title: "Review 2027-01",
            kind: "Child protection Learning Review",
            version: "Draft 1",
            model: ReviewModel::LearningEvent,
            sections,
        };
        let bytes = report_docx(&text, Output::Full).unwrap();
        let document = part(&bytes, "word/document.xml").unwrap();
        assert_eq!(document.matches("w:val=\"Heading1\"").count(), 8);
        assert!(document.contains("7. Strategies for improvement and recommendations"));
        assert_eq!(document.matches("w:val=\"Heading2\"").count(), 8);
        assert!(document.contains("<w:numPr>"));
        assert!(document.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
        assert!(!document.contains('\u{0007}'));
        let everything = all_parts(&bytes);
        assert!(
            everything.contains("RESTRICTED"),
            "the header marks the full report"
        );
        assert!(everything.contains("PAGE"), "the footer numbers the pages");
        let anonymised = all_parts(&report_docx(&text, Output::Anonymised).unwrap());
        assert!(!anonymised.contains("RESTRICTED"));
    }
}
