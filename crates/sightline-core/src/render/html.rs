//! The briefing as HTML: the fragment the app previews, and the same fragment as a single
//! self-contained page (inline style, no script, no reference to anything outside the file).
//! Also the team return form.

use super::{approval_line, csp_hash, escape_html, user_text, BRIEFING_CSS};
use crate::content::briefing::{blocks, Block};
use crate::content::{Briefing, BriefingLayout};
use crate::markup::strip_bidi_controls;

fn push_blocks(out: &mut String, body: &str) {
    for block in blocks(body) {
        match block {
            Block::Paragraph(text) => {
                out.push_str("<p>");
                out.push_str(&user_text(&text));
                out.push_str("</p>");
            }
            Block::List(items) => {
                out.push_str("<ul>");
                for item in items {
                    out.push_str("<li>");
                    out.push_str(&user_text(&item));
                    out.push_str("</li>");
                }
                out.push_str("</ul>");
            }
        }
    }
}

/// The briefing's markup, for the app's preview and for the exported page.
pub fn briefing_fragment(briefing: &Briefing) -> String {
    let mut out = String::new();
    let layout = match briefing.layout {
        BriefingLayout::Tiles => "briefing--tiles",
        BriefingLayout::Plain => "briefing--plain",
    };
    out.push_str(&format!(
        "<article class=\"briefing {layout}\" aria-labelledby=\"briefing-heading\">\n<header>\n<p class=\"briefing__kicker\">7-minute briefing</p>\n<h1 class=\"briefing__title\" id=\"briefing-heading\">{}</h1>\n",
        user_text(&briefing.title)
    ));
    if !briefing.audience.trim().is_empty() {
        out.push_str(&format!(
            "<p class=\"briefing__audience\">For: {}</p>\n",
            user_text(briefing.audience.trim())
        ));
    }
    out.push_str("</header>\n<ol class=\"briefing__sections\">\n");
    for (n, section) in briefing.sections.iter().enumerate() {
        out.push_str(&format!(
            "<li class=\"briefing__section\">\n<h2 class=\"briefing__heading\"><span class=\"briefing__number\">{}</span> <span>{}</span></h2>\n",
            n + 1,
            user_text(&section.heading)
        ));
        push_blocks(&mut out, &section.body);
        out.push_str("\n</li>\n");
    }
    out.push_str("</ol>\n");
    let approval = approval_line(briefing);
    if !approval.is_empty() {
        out.push_str(&format!(
            "<footer class=\"briefing__footer\"><p>{}</p></footer>\n",
            user_text(&approval)
        ));
    }
    out.push_str("</article>");
    out
}

/// A whole page around `body`, with its inline style named by hash in its own CSP, so the
/// file runs nothing and fetches nothing wherever it is opened.
pub(crate) fn page(title: &str, css: &str, body: &str, script: Option<&str>) -> String {
    let script_src = script.map(csp_hash);
    let csp = match &script_src {
        Some(hash) => format!(
            "default-src 'none'; style-src {}; script-src {hash}; base-uri 'none'; form-action 'none'",
            csp_hash(css)
        ),
        None => format!(
            "default-src 'none'; style-src {}; base-uri 'none'; form-action 'none'",
            csp_hash(css)
        ),
    };
    let script = script
        .map(|s| format!("<script>{s}</script>\n"))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<meta name=\"generator\" content=\"Sightline\">\n<title>{}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n{script}</body>\n</html>\n",
        // A title is shown where nothing isolates it (a tab, a window list): no direction
        // controls at all.
        escape_html(&strip_bidi_controls(title))
    )
}

const PAGE_CSS: &str = "body { margin: 1.5rem; } main { margin: 0 auto; max-width: 60rem; }\n";

/// The briefing as a single self-contained HTML file.
pub fn briefing_page(briefing: &Briefing) -> String {
    let css = format!("{PAGE_CSS}{BRIEFING_CSS}");
    page(
        &briefing.title,
        &css,
        &format!("<main>\n{}\n</main>", briefing_fragment(briefing)),
        None,
    )
}

const FORM_CSS: &str = "
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 1.5rem; line-height: 1.4; }
main { max-width: 45rem; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
.form__field { border: 1px solid #0b0c0c; min-height: 2.2rem; margin: 0.2rem 0 0.9rem; }
.form__field--tall { min-height: 7rem; }
.form__label { font-weight: 700; margin: 0; }
@media print { @page { size: A4; margin: 15mm; } body { margin: 0; font-size: 11pt; } }
";

/// The team return form ("how we used this briefing"), a page to print and fill in by hand.
pub fn team_return_page(briefing: &Briefing, committee: &str) -> String {
    let fields: [(&str, bool); 8] = [
        ("Team or service", false),
        ("Date the team used the briefing", false),
        ("Who took part (roles, and how many people)", false),
        (
            "How you used it (team meeting, supervision, training…)",
            false,
        ),
        ("What the team discussed", true),
        ("What the team will do differently", true),
        (
            "Anything the committee should know, or support the team needs",
            true,
        ),
        ("Completed by (role)", false),
    ];
    let mut body = format!(
        "<main>\n<h1>How we used this briefing</h1>\n<p>Briefing: <strong>{}</strong></p>\n<p>Please fill this in after your team has talked the briefing through, and return it to {}.</p>\n",
        user_text(&briefing.title),
        if committee.trim().is_empty() {
            "the committee".to_owned()
        } else {
            user_text(committee.trim())
        }
    );
    for (label, tall) in fields {
        body.push_str(&format!(
            "<p class=\"form__label\">{}</p>\n<div class=\"form__field{}\"></div>\n",
            escape_html(label),
            if tall { " form__field--tall" } else { "" }
        ));
    }
    body.push_str("</main>");
    page(
        &format!("Team return: {}", briefing.title),
        FORM_CSS,
        &body,
        None,
    )
}

/// Wraps a deck's slides in a page with its own navigation script.
pub(super) fn deck_page(title: &str, css: &str, body: &str, script: &str) -> String {
    page(title, css, body, Some(script))
}
