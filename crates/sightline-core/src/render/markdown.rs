//! The briefing as Markdown, for intranets and wikis. Every character that Markdown would read
//! as markup is escaped, so no text becomes a link, an image or raw HTML.

use super::approval_line;
use crate::learning::briefing::{blocks, Block};
use crate::learning::Briefing;

/// Escapes text so that Markdown shows it as it is.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '{' | '}'
            | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    // A line that starts like a list item or a numbered item would become one.
    if let Some(first) = out.chars().next() {
        if matches!(first, '-' | '+' | '=') {
            out.insert(0, '\\');
        } else if first.is_ascii_digit() {
            let digits: String = out.chars().take_while(char::is_ascii_digit).collect();
            if out[digits.len()..].starts_with(['.', ')']) {
                out.insert(digits.len(), '\\');
            }
        }
    }
    out
}

/// The briefing as Markdown.
pub fn briefing_markdown(briefing: &Briefing) -> String {
    let mut out = format!("# {}\n\n", escape_markdown(briefing.title.trim()));
    out.push_str("7-minute briefing\n\n");
    if !briefing.audience.trim().is_empty() {
        out.push_str(&format!(
            "For: {}\n\n",
            escape_markdown(briefing.audience.trim())
        ));
    }
    for (n, section) in briefing.sections.iter().enumerate() {
        out.push_str(&format!(
            "## {}\\. {}\n\n",
            n + 1,
            escape_markdown(section.heading.trim())
        ));
        for block in blocks(&section.body) {
            match block {
                Block::Paragraph(text) => {
                    out.push_str(&escape_markdown(&text));
                    out.push_str("\n\n");
                }
                Block::List(items) => {
                    for item in items {
                        out.push_str(&format!("- {}\n", escape_markdown(&item)));
                    }
                    out.push('\n');
                }
            }
        }
    }
    let approval = approval_line(briefing);
    if !approval.is_empty() {
        out.push_str(&format!("{}\n", escape_markdown(&approval)));
    }
    out
}
