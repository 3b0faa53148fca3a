//! The briefing as Markdown, for intranets and wikis. Every character that Markdown would read
//! as markup is escaped, and bare addresses are broken up (`crate::markup`), so no text
//! becomes a link, an image or raw HTML, even in renderers that link bare addresses. Unclosed
//! direction controls are closed at the end of each piece of text.

use super::approval_line;
use crate::content::briefing::{blocks, Block};
use crate::content::Briefing;

pub use crate::markup::escape_markdown;

/// A piece of the person's text as Markdown: escaped, its direction controls closed.
fn md(text: &str) -> String {
    escape_markdown(&crate::markup::balance_bidi(text))
}

/// The briefing as Markdown.
pub fn briefing_markdown(briefing: &Briefing) -> String {
    let mut out = format!("# {}\n\n", md(briefing.title.trim()));
    out.push_str("7-minute briefing\n\n");
    if !briefing.audience.trim().is_empty() {
        out.push_str(&format!("For: {}\n\n", md(briefing.audience.trim())));
    }
    for (n, section) in briefing.sections.iter().enumerate() {
        out.push_str(&format!(
            "## {}\\. {}\n\n",
            n + 1,
            md(section.heading.trim())
        ));
        for block in blocks(&section.body) {
            match block {
                Block::Paragraph(text) => {
                    out.push_str(&md(&text));
                    out.push_str("\n\n");
                }
                Block::List(items) => {
                    for item in items {
                        out.push_str(&format!("- {}\n", md(&item)));
                    }
                    out.push('\n');
                }
            }
        }
    }
    let approval = approval_line(briefing);
    if !approval.is_empty() {
        out.push_str(&format!("{}\n", md(&approval)));
    }
    out
}
