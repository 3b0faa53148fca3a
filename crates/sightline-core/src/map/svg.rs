//! The map as a standalone SVG image, for reports and briefings (and, drawn onto a canvas by
//! the browser, as PNG). Self-contained: no fonts, scripts or links to anything outside it.
//!
//! It draws what the canvas on screen draws: the bands with their labels, each link with an
//! arrow and its words, and each node with its kind's shape, its kind's word, its polarity's
//! sign and border, and its label. Kinds and polarities never rely on colour alone.

use super::geometry::{
    self, link_ends, link_label_point, node_rect, node_shape, wrap_label, NODE_WIDTH,
};
use super::{node_index, Level, MapNode, Polarity};
use crate::content::ReviewContent;

/// Colours and border for a polarity: (fill, stroke, dash pattern or "" for solid).
pub fn polarity_style(polarity: Polarity) -> (&'static str, &'static str, &'static str) {
    match polarity {
        Polarity::Helped => ("#e7f4ec", "#00703c", ""),
        Polarity::Hindered => ("#fbe9e6", "#b3261e", "8 4"),
        Polarity::Both => ("#fff5d1", "#594d00", "2 3"),
    }
}

/// How a label is broken onto a node: lines of about this many characters, at most three.
pub const LABEL_CHARS: usize = 26;
pub const LABEL_LINES: usize = 3;

/// Escapes text for SVG, closing any direction control it leaves open (SVG has no `<bdi>`).
pub fn escape(text: &str) -> String {
    let text = crate::markup::balance_bidi(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

const FONT: &str = "font-family=\"Arial, Helvetica, sans-serif\"";

fn node_svg(node: &MapNode, out: &mut String) {
    let (fill, stroke, dash) = polarity_style(node.polarity);
    let dash = if dash.is_empty() {
        String::new()
    } else {
        format!(" stroke-dasharray=\"{dash}\"")
    };
    out.push_str(&format!(
        "<g transform=\"translate({} {})\"><path d=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"{dash}/>",
        node.x,
        node.y,
        node_shape(node.kind)
    ));
    out.push_str(&format!(
        "<text x=\"22\" y=\"17\" {FONT} font-size=\"10\" font-weight=\"700\" letter-spacing=\"0.5\" fill=\"#0b0c0c\">{}</text>",
        node.kind.caption()
    ));
    out.push_str(&format!(
        "<circle cx=\"{}\" cy=\"16\" r=\"9\" fill=\"#ffffff\" stroke=\"{stroke}\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"20.5\" text-anchor=\"middle\" {FONT} font-size=\"14\" font-weight=\"700\" fill=\"#0b0c0c\">{}</text>",
        NODE_WIDTH - 24,
        NODE_WIDTH - 24,
        node.polarity.sign()
    ));
    for (i, line) in wrap_label(&node.label, LABEL_CHARS, LABEL_LINES)
        .iter()
        .enumerate()
    {
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" {FONT} font-size=\"13\" fill=\"#0b0c0c\">{}</text>",
            NODE_WIDTH / 2,
            38 + i as i32 * 15,
            escape(line)
        ));
    }
    out.push_str("</g>");
}

/// The map in `content` as an SVG document titled `title`.
pub fn render_svg(content: &ReviewContent, title: &str) -> String {
    let nodes = &content.map_nodes;
    let width = geometry::map_width(nodes);
    let height = geometry::map_height();
    let mut out = String::with_capacity(1_024 + nodes.len() * 900 + content.map_links.len() * 400);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"map-title map-desc\">"
    ));
    out.push_str(&format!(
        "<title id=\"map-title\">{}</title><desc id=\"map-desc\">A systems-factor map with {} nodes and {} links, in bands from national level at the top to the child or adult, family and community at the bottom.</desc>",
        escape(&crate::markup::strip_bidi_controls(title)),
        nodes.len(),
        content.map_links.len()
    ));
    out.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10Z\" fill=\"#505a5f\"/></marker></defs>");
    out.push_str(&format!(
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    ));
    for level in Level::ALL {
        let top = geometry::band_top(level);
        let fill = if level.index() % 2 == 0 {
            "#f3f2f1"
        } else {
            "#ffffff"
        };
        out.push_str(&format!(
            "<rect x=\"0\" y=\"{top}\" width=\"{width}\" height=\"{}\" fill=\"{fill}\"/><line x1=\"0\" y1=\"{top}\" x2=\"{width}\" y2=\"{top}\" stroke=\"#b1b4b6\"/><text x=\"12\" y=\"{}\" {FONT} font-size=\"14\" font-weight=\"700\" fill=\"#0b0c0c\">{}</text>",
            geometry::BAND_HEIGHT,
            top + 24,
            escape(level.label())
        ));
    }
    let index = node_index(content);
    out.push_str("<g>");
    for link in &content.map_links {
        let (Some(from), Some(to)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        let (start, end) = link_ends(node_rect(&nodes[*from]), node_rect(&nodes[*to]));
        out.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#505a5f\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>",
            start.x, start.y, end.x, end.y
        ));
        let mid = link_label_point(start, end);
        let caption = link.caption();
        let box_width = caption.chars().count() as f64 * 6.2 + 10.0;
        out.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{box_width:.1}\" height=\"16\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" {FONT} font-size=\"11\" fill=\"#0b0c0c\">{}</text>",
            mid.x - box_width / 2.0,
            mid.y - 11.0,
            mid.x,
            mid.y + 1.0,
            escape(&caption)
        ));
    }
    out.push_str("</g><g>");
    for node in super::reading_order(content) {
        node_svg(node, &mut out);
    }
    out.push_str("</g></svg>");
    out
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
    use super::*;
    use crate::ids::RecordId;
    use crate::map::{LinkKind, MapLink, NodeKind};

    #[test]
    fn the_svg_holds_every_node_and_link_with_its_words_escaped() {
        let at = chrono::DateTime::from_timestamp(0, 0).unwrap();
        let node = |n: u128, label: &str, level: Level| {
            let (x, y) = geometry::place(level, n as i32 * 300, 0);
            MapNode {
                id: RecordId::fixed(n),
                kind: NodeKind::ContributoryFactor,
                label: label.into(),
                level,
                category: None,
                polarity: Polarity::Both,
                note: String::new(),
                evidence: Vec::new(),
                x,
                y,
                updated_at: at,
            }
        };
        let mut content = ReviewContent::default();
        content.map_nodes = vec![
            node(1, "Referrals <late> & lost", Level::AgencyManagement),
            node(2, "Visit missed", Level::Frontline),
        ];
        content.map_links = vec![MapLink {
            id: RecordId::fixed(9),
            from: RecordId::fixed(1),
            to: RecordId::fixed(2),
            kind: LinkKind::MadeSenseBecause,
            strength: None,
            note: String::new(),
            updated_at: at,
        }];
        let svg = render_svg(&content, "Map for Review \"A\"");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("Referrals &lt;late&gt; &amp; lost"));
        assert!(svg.contains("made sense because"));
        assert!(svg.contains("Map for Review &quot;A&quot;"));
        assert_eq!(svg.matches("marker-end").count(), 1);
        assert_eq!(svg.matches(">FACTOR<").count(), 2);
        assert_eq!(svg.matches("\u{b1}").count(), 2);
        // Nothing outside the file.
        assert!(!svg.contains("href"));
        assert!(!svg.contains("http://") || svg.matches("http://").count() == 1);
    }
}
