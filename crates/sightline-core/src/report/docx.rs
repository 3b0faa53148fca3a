//! The report as a Word document (.docx), through `docx-rs` as the briefing is: Title and
//! Heading 1–3 styles (so Word's navigation pane lists the numbered sections), real bulleted
//! lists, page numbers in the footer and, for the full report, "RESTRICTED" in the header of
//! every page; the appendices after the sections (a real table for the chronology, the map as a
//! picture).

use docx_rs::{
    AlignmentType, Footer, Header, PageNum, Paragraph, Pic, Run, Table, TableCell, TableRow,
};

use super::appendix::AppendixPart;
use super::render::{blocks, Output, ReportBlock, ReportText};
use crate::render::docx::{
    bullet, clean, heading_style, house_document, pack, paragraph, DocxError,
};

/// The report as the bytes of a .docx file.
pub fn report_docx(
    text: &ReportText<'_>,
    output: Output,
    map_png: Option<&MapPicture>,
) -> Result<Vec<u8>, DocxError> {
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
    for appendix in text.appendices_for(output) {
        doc = doc.add_paragraph(paragraph(appendix.title()).style("Heading1"));
        match appendix {
            AppendixPart::Terms {
                paragraphs,
                questions,
                ..
            } => {
                for p in paragraphs {
                    doc = doc.add_paragraph(paragraph(p));
                }
                if !questions.is_empty() {
                    doc = doc.add_paragraph(paragraph("Review questions").style("Heading2"));
                    for (n, q) in questions.iter().enumerate() {
                        doc = doc.add_paragraph(paragraph(&format!("{}. {q}", n + 1)));
                    }
                }
            }
            AppendixPart::Table { header, rows, .. } => {
                let cell = |text: &str, bold: bool| {
                    let run = Run::new().add_text(clean(text));
                    TableCell::new().add_paragraph(
                        Paragraph::new().add_run(if bold { run.bold() } else { run }),
                    )
                };
                let mut table_rows = vec![TableRow::new(
                    header.iter().map(|h| cell(h, true)).collect(),
                )];
                table_rows.extend(
                    rows.iter()
                        .map(|row| TableRow::new(row.iter().map(|c| cell(c, false)).collect())),
                );
                doc = doc.add_table(Table::new(table_rows));
            }
            AppendixPart::Map { .. } => match map_png {
                Some(picture) => {
                    // As wide as the text, at most 16 cm, keeping the map's proportions.
                    const WIDTH_EMU: u32 = 5_760_000;
                    let height = (u64::from(WIDTH_EMU) * u64::from(picture.height)
                        / u64::from(picture.width.max(1))) as u32;
                    let pic = Pic::new_with_dimensions(
                        picture.bytes.clone(),
                        picture.width,
                        picture.height,
                    )
                    .size(WIDTH_EMU, height);
                    doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic)));
                }
                None => {
                    doc = doc.add_paragraph(paragraph(
                        "The map could not be drawn here; it is in the web page version of this report.",
                    ))
                }
            },
        }
    }
    pack(doc)
}

/// The systems map drawn as a PNG picture, for the Word report's appendix.
pub struct MapPicture {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
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
            appendices: &[],
        };
        let bytes = report_docx(&text, Output::Full, None).unwrap();
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
        let anonymised = all_parts(&report_docx(&text, Output::Anonymised, None).unwrap());
        assert!(!anonymised.contains("RESTRICTED"));
    }

    #[test]
    fn the_appendices_follow_the_sections_in_the_full_report_only() {
        let appendices = vec![
            AppendixPart::Table {
                title: "Appendix A: The chronology".into(),
                header: vec!["When".into(), "Agency".into(), "What happened".into()],
                rows: vec![vec![
                    "3 March 2027".into(),
                    "Health".into(),
                    "<b>Visit</b>".into(),
                ]],
            },
            AppendixPart::Map {
                title: "Appendix B: The systems map".into(),
                svg: "<svg></svg>".into(),
            },
        ];
        let sections: Vec<(SectionKey, &str)> =
            SectionKey::ALL.iter().map(|k| (*k, "Text")).collect();
        let text = ReportText {
            title: "Review",
            kind: "Child protection Learning Review",
            version: "Final",
            model: ReviewModel::LearningEvent,
            sections,
            appendices: &appendices,
        };
        // A 1×1 PNG.
        let png: Vec<u8> = vec![
            137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1,
            8, 6, 0, 0, 0, 31, 21, 196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 156, 99, 248, 255,
            255, 63, 0, 5, 254, 2, 254, 167, 53, 129, 132, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96,
            130,
        ];
        let picture = MapPicture {
            bytes: png,
            width: 1,
            height: 1,
        };
        let bytes = report_docx(&text, Output::Full, Some(&picture)).unwrap();
        let document = part(&bytes, "word/document.xml").unwrap();
        assert!(document.contains("<w:tbl>"), "a real table");
        assert!(document.contains("Appendix A: The chronology"));
        assert!(document.contains("&lt;b&gt;Visit&lt;/b&gt;"));
        assert!(document.contains("<w:drawing>"), "the map as a picture");
        let page = super::super::render::report_page(&text, Output::Full);
        assert!(page.contains("<table class=\"report__table\">"));
        assert!(page.contains("href=\"#appendix-1\""));
        let anonymised = report_docx(&text, Output::Anonymised, Some(&picture)).unwrap();
        let document = part(&anonymised, "word/document.xml").unwrap();
        assert!(
            !document.contains("Appendix A"),
            "no appendices in the anonymised report"
        );
        assert!(
            !super::super::render::report_page(&text, Output::Anonymised)
                .contains("report__table\">")
        );
    }
}
