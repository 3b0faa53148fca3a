//! The briefing as a Word document (.docx), through the `docx-rs` crate: real heading styles
//! ("Title", "Heading 1") and real bulleted lists, so it opens cleanly in Word and LibreOffice
//! and their navigation panes list the seven sections.

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering,
    NumberingId, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
};

use super::approval_line;
use crate::content::briefing::{blocks, Block};
use crate::content::Briefing;

/// Why the document could not be written (only a bug can cause it: it is written to memory).
#[derive(Debug, thiserror::Error)]
#[error(
    "The Word document could not be made ({0}). Please report this; the other formats still work."
)]
pub struct DocxError(String);

impl DocxError {
    pub(crate) fn new(what: String) -> Self {
        Self(what)
    }
}

const BULLETS: usize = 1;

/// Text as Word can hold it: XML forbids most control characters, so they become spaces; a
/// direction control left open is closed at the end of the text.
pub(crate) fn clean(text: &str) -> String {
    crate::markup::balance_bidi(text)
        .chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect()
}

fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(clean(text)))
}

/// The briefing as the bytes of a .docx file.
pub fn briefing_docx(briefing: &Briefing) -> Result<Vec<u8>, DocxError> {
    let mut doc = Docx::new()
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .size(40)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .based_on("Normal")
                .next("Normal")
                .size(30)
                .bold()
                .outline_lvl(0),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("\u{2022}"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_paragraph(paragraph(&briefing.title).style("Title"))
        .add_paragraph(paragraph("7-minute briefing"));
    if !briefing.audience.trim().is_empty() {
        doc = doc.add_paragraph(paragraph(&format!("For: {}", briefing.audience.trim())));
    }
    for (n, section) in briefing.sections.iter().enumerate() {
        doc = doc.add_paragraph(
            paragraph(&format!("{}. {}", n + 1, section.heading.trim())).style("Heading1"),
        );
        for block in blocks(&section.body) {
            match block {
                Block::Paragraph(text) => doc = doc.add_paragraph(paragraph(&text)),
                Block::List(items) => {
                    for item in items {
                        doc = doc.add_paragraph(
                            paragraph(&item)
                                .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                        );
                    }
                }
            }
        }
    }
    let approval = approval_line(briefing);
    if !approval.is_empty() {
        doc = doc.add_paragraph(paragraph(&approval));
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.pack(&mut bytes).map_err(|e| DocxError(e.to_string()))?;
    Ok(bytes.into_inner())
}
