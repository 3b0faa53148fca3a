//! Making a person's text safe for the formats it leaves the app in: Markdown (including the
//! links that GitHub-flavoured Markdown and "linkify" renderers make from bare addresses),
//! and the Unicode controls that reverse the direction of text.
//!
//! Markdown: every character that Markdown reads as markup is escaped with a backslash (or an
//! entity), so the text shows as it was typed and nothing in it becomes a link, an image or
//! raw HTML. Bare addresses are broken up the same way: `https\://…`, `www\.…`, `name\@…`,
//! which renderers show as typed but do not turn into links. [`unescape_markdown`] reads it
//! back exactly.
//!
//! Direction controls: an unclosed right-to-left override (U+202E) in a title reverses the
//! rest of the line it is shown in (a tab's title, a file name, the text after it). Titles and
//! file names have them taken out ([`strip_bidi_controls`]); text shown inside a page is
//! isolated (`<bdi>` in exports, `unicode-bidi: isolate` in the app), and text written where no
//! isolation exists (Markdown, Word) has its unclosed controls closed at its end
//! ([`balance_bidi`]).

/// Characters that change the direction of text: embeddings, overrides and their end (U+202A
/// to U+202E), isolates and their end (U+2066 to U+2069), and the direction marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` without any direction control: for titles and file names, which are shown where
/// nothing isolates them.
pub fn strip_bidi_controls(text: &str) -> String {
    text.chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// `text` for a sentence that quotes it ("This review is already here, as “…”"), shortened
/// if it is a long title and, if it holds a direction control, wrapped in a first-strong
/// isolate (U+2068 … U+2069), so that the control cannot reverse the rest of the sentence.
/// Text without one is left as it is, invisible characters and all.
pub fn quoted(text: &str) -> String {
    let shown = crate::text::shown_title(text);
    if shown.chars().any(is_bidi_control) {
        format!("\u{2068}{shown}\u{2069}")
    } else {
        shown
    }
}

/// `text` with every embedding, override and isolate it opens closed at its end, so that it
/// cannot change the direction of what follows it.
pub fn balance_bidi(text: &str) -> String {
    // The open ones, innermost last: true for an isolate (closed by U+2069), false for an
    // embedding or override (closed by U+202C).
    let mut open: Vec<bool> = Vec::new();
    for c in text.chars() {
        match c {
            '\u{202A}'..='\u{202B}' | '\u{202D}'..='\u{202E}' => open.push(false),
            '\u{2066}'..='\u{2068}' => open.push(true),
            '\u{202C}' if open.last() == Some(&false) => {
                open.pop();
            }
            '\u{2069}' => {
                // Closes the innermost isolate and every embedding opened inside it.
                if let Some(at) = open.iter().rposition(|isolate| *isolate) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    if open.is_empty() {
        return text.to_owned();
    }
    let mut out = text.to_owned();
    for isolate in open.into_iter().rev() {
        out.push(if isolate { '\u{2069}' } else { '\u{202C}' });
    }
    out
}

/// Escapes one line of text so that Markdown shows it as it is: no markup, no raw HTML, no
/// link made from a bare address. Control characters other than tab become numeric
/// entities, so that [`unescape_markdown`] gives back exactly what was written.
pub fn escape_markdown(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    // Spaces at either end would be dropped by Markdown (or make a line break): kept as
    // entities, so the text reads back exactly.
    let first_text = chars
        .iter()
        .position(|c| !c.is_whitespace())
        .unwrap_or(chars.len());
    let last_text = chars
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |at| at + 1);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() && (i < first_text || i >= last_text) {
            out.push_str(&format!("&#x{:X};", c as u32));
            continue;
        }
        let next_is = |s: &str| chars[i + 1..].iter().take(s.len()).copied().eq(s.chars());
        // `word` comes just before this character and starts a word: "www" in "see www.x".
        let word_before = |word: &str| {
            let n = word.chars().count();
            i >= n
                && chars[i - n..i]
                    .iter()
                    .zip(word.chars())
                    .all(|(a, b)| a.eq_ignore_ascii_case(&b))
                && (i == n || !chars[i - n - 1].is_alphanumeric())
        };
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '{' | '}'
            | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            // "https://", "ftp://", "mailto:": a scheme makes an address a link.
            ':' if next_is("//") || word_before("mailto") => out.push_str("\\:"),
            '.' if word_before("www") => out.push_str("\\."),
            // An email address is linked from its "@".
            '@' => out.push_str("\\@"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push_str(&format!("&#x{:X};", c as u32)),
            c => out.push(c),
        }
    }
    // A line that starts like a list item, a numbered item or a heading underline would
    // become one.
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

/// Escapes text of several lines, each as [`escape_markdown`] does.
pub fn escape_markdown_lines(text: &str) -> String {
    text.split('\n')
        .map(escape_markdown)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads Markdown text back as it was before [`escape_markdown`]: a backslash before ASCII
/// punctuation is dropped, and the entities it writes (and the common named ones) are decoded.
pub fn unescape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            if let Some(next) = rest[1..].chars().next().filter(char::is_ascii_punctuation) {
                out.push(next);
                rest = &rest[1 + next.len_utf8()..];
                continue;
            }
        }
        if c == '&' {
            if let Some((decoded, used)) = decode_entity(rest) {
                out.push(decoded);
                rest = &rest[used..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The character an entity at the start of `text` stands for, and the bytes it took.
fn decode_entity(text: &str) -> Option<(char, usize)> {
    let end = text.find(';')?;
    if end > 12 {
        return None;
    }
    let name = &text[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_reads_back_exactly() {
        for text in [
            "plain words",
            "*bold* _em_ `code` [link](javascript:alert(1)) ![img](https://x.test/a.png)",
            "<svg onload=alert(1)> & &amp; &lt;",
            "- a list? 1. a number? # heading?",
            "see https://example.org and www.example.org or a@b.org, mailto:x@y.z",
            "tab\there \u{1} bell \u{7} \r carriage",
            "back\\slash \\* already escaped",
            "3) not a list",
            "Evidence:",
            "  spaced ends\u{2028} ",
            "\u{2029}",
        ] {
            assert_eq!(unescape_markdown(&escape_markdown(text)), text, "{text:?}");
        }
    }

    #[test]
    fn bare_addresses_are_broken_so_no_renderer_links_them() {
        let escaped = escape_markdown("Go to https://evil.test or WWW.evil.test or me@evil.test");
        assert!(!escaped.contains("s://"), "{escaped}");
        assert!(!escaped.to_lowercase().contains("www."), "{escaped}");
        assert!(!escaped.contains("e@e"), "{escaped}");
        // Not inside a word.
        assert_eq!(escape_markdown("awww.yes"), "awww.yes");
    }

    #[test]
    fn a_quoted_title_is_isolated_from_its_sentence() {
        assert_eq!(quoted("A\u{202E}B"), "\u{2068}A\u{202E}B\u{2069}");
        assert_eq!(quoted("Review 2026-04"), "Review 2026-04");
    }

    #[test]
    fn direction_controls_are_closed_or_removed() {
        let rlo = "Review \u{202E}A dlihC";
        assert_eq!(balance_bidi(rlo), "Review \u{202E}A dlihC\u{202C}");
        assert_eq!(strip_bidi_controls(rlo), "Review A dlihC");
        let nested = "\u{2067}a\u{202B}b";
        assert_eq!(balance_bidi(nested), "\u{2067}a\u{202B}b\u{202C}\u{2069}");
        let closed = "\u{202E}x\u{202C} and \u{2066}y\u{2069}";
        assert_eq!(balance_bidi(closed), closed);
        // A stray closer opens nothing.
        assert_eq!(balance_bidi("a\u{202C}b\u{2069}"), "a\u{202C}b\u{2069}");
    }
}
