//! Renderers for what leaves the app: the briefing as a self-contained web page, a slide deck,
//! Markdown and a Word document, and the team return form. Every one escapes all the text it
//! is given; none writes a link, a script of the person's text or a reference to another file.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod slides;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::content::Briefing;
use crate::dates::format_uk_date;

/// The briefing's style sheet, shared with the app's preview.
pub const BRIEFING_CSS: &str = include_str!("briefing.css");

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters HTML forbids in text, which a validator would reject.
            c if (c.is_control() && !matches!(c, '\n' | '\t')) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A piece of the person's text for HTML: escaped, and isolated in `<bdi>` so that a
/// direction control in it (an unclosed right-to-left override, say) cannot reverse the text
/// around it.
pub fn user_text(text: &str) -> String {
    format!("<bdi>{}</bdi>", escape_html(text))
}

/// The CSP source for an inline block: `'sha256-…'`.
pub fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// "Approved by Lead Officer on 7 January 2027", or "" when it has not been approved.
pub fn approval_line(briefing: &Briefing) -> String {
    match (briefing.approved_by.trim(), briefing.approved_on) {
        ("", None) => String::new(),
        (who, Some(on)) if !who.is_empty() => {
            format!("Approved by {who} on {}", format_uk_date(on))
        }
        (who, None) => format!("Approved by {who}"),
        (_, Some(on)) => format!("Approved on {}", format_uk_date(on)),
    }
}

#[cfg(test)]
mod tests;
