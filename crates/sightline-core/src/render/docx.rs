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

const BULLETS: usize = 1;

/// Text as Word can hold it: XML forbids most control characters, so they become spaces; a
/// direction control left open is closed at the end of the text.
pub(crate) fn clean(text: &str) -> String {
    crate::markup::balance_bidi(text)
        .chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect()
}

pub(crate) fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(clean(text)))
}

/// A heading style: `id` "Heading1", shown as `name` "Heading 1", at outline `level` (0 is
/// the top), so Word's navigation pane lists it.
pub(crate) fn heading_style(id: &str, name: &str, size: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .size(size)
        .bold()
        .outline_lvl(level)
}

/// A list item of the document's one bulleted list.
pub(crate) fn bullet(text: &str) -> Paragraph {
    paragraph(text).numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
}

/// A document in Sightline's house style: Arial 11 pt, a bold Title of `title_size`
/// half-points, and one bulleted list (see [`bullet`]). Heading styles are added by each
/// document.
pub(crate) fn house_document(title_size: usize) -> Docx {
    Docx::new()
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .size(title_size)
                .bold(),
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
}

/// The bytes of a finished document.
pub(crate) fn pack(doc: Docx) -> Result<Vec<u8>, DocxError> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.pack(&mut bytes).map_err(|e| DocxError(e.to_string()))?;
    Ok(bytes.into_inner())
}

/// The briefing as the bytes of a .docx file.
pub fn briefing_docx(briefing: &Briefing) -> Result<Vec<u8>, DocxError> {
    let mut doc = house_document(40)
        .add_style(heading_style("Heading1", "Heading 1", 30, 0))
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
                        doc = doc.add_paragraph(bullet(&item));
                    }
                }
            }
        }
    }
    let approval = approval_line(briefing);
    if !approval.is_empty() {
        doc = doc.add_paragraph(paragraph(&approval));
    }
    pack(doc)
}
