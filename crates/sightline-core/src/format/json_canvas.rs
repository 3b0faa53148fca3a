//! The map as a JSON Canvas 1.0 file (`.canvas`, the open format Obsidian reads;
//! <https://jsoncanvas.org/spec/1.0/>), and a `.canvas` file read back as a map.
//!
//! JSON Canvas has no place for a node's level, kind, polarity, category or evidence, so they
//! are written into the node's text as plain lines (`Level: Frontline practice`) that people
//! read in Obsidian and that this reader reads back; evidence keeps its record id so that
//! importing into the same review links it again. Each level is a group node the width of the
//! map, so the bands show in Obsidian too. Link kinds and strengths are the edges' labels.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::content::ReviewContent;
use crate::ids::{IdSource, RecordId};
use crate::map::geometry::{self, BAND_HEIGHT, NODE_HEIGHT, NODE_WIDTH};
use crate::map::{
    category_label, find_category, CategoryScheme, EvidenceKind, EvidenceRef, Level, LinkKind,
    MapLink, MapNode, NodeKind, Polarity, Strength,
};
use crate::markup::{escape_markdown, unescape_markdown};

/// A JSON Canvas file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Canvas {
    #[serde(default)]
    pub nodes: Vec<CanvasNode>,
    #[serde(default)]
    pub edges: Vec<CanvasEdge>,
}

/// A node of a JSON Canvas: geometry in whole pixels, and what it holds by its `type`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CanvasNode {
    pub id: String,
    #[serde(rename = "type")]
    pub node_type: String,
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// A text node's Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A file node's path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// A link node's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A group node's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// An edge of a JSON Canvas.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CanvasEdge {
    pub id: String,
    pub from_node: String,
    pub to_node: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_side: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_side: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// JSON Canvas preset colours: "1" red, "4" green, "3" yellow.
fn polarity_colour(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::Hindered => "1",
        Polarity::Helped => "4",
        Polarity::Both => "3",
    }
}

/// The lines written into a node's text, and read back.
const KIND: &str = "Kind: ";
const LEVEL: &str = "Level: ";
const POLARITY: &str = "Polarity: ";
const CATEGORY: &str = "Category: ";
const EVIDENCE: &str = "Evidence:";
const CATEGORY_KEY: &str = "sightline-category:";
const EVIDENCE_KEY: &str = "sightline-evidence:";

/// A node's text: its label in bold, a blank line, the lines of what Sightline knows about it,
/// then its note and its evidence, each after a blank line. Everything the person wrote is
/// escaped as Markdown (`crate::markup`): JSON Canvas text is Markdown, and Obsidian shows it
/// with HTML allowed, so a label such as `<img src=x onerror=…>` must arrive as text.
fn node_text(node: &MapNode, content: &ReviewContent, scheme: CategoryScheme) -> String {
    let mut text = format!(
        "**{}**\n\n",
        escape_markdown(&node.label.replace('\n', " "))
    );
    text.push_str(&format!("{KIND}{}\n", node.kind.label()));
    text.push_str(&format!("{LEVEL}{}\n", node.level.label()));
    text.push_str(&format!("{POLARITY}{}\n", node.polarity.label()));
    if let Some(category) = &node.category {
        text.push_str(&format!(
            "{CATEGORY}{} <!-- {CATEGORY_KEY}{} -->\n",
            escape_markdown(&category_label(category, scheme)),
            comment_safe(category)
        ));
    }
    if !node.note.is_empty() {
        text.push('\n');
        for line in node.note.split('\n') {
            // A note line that reads as the evidence heading is escaped (it shows the same),
            // so that reading the text back cannot take the note for evidence.
            if line == EVIDENCE {
                text.push_str("Evidence\\:");
            } else {
                text.push_str(&escape_markdown(line));
            }
            text.push('\n');
        }
    }
    if !node.evidence.is_empty() {
        text.push('\n');
        text.push_str(EVIDENCE);
        text.push('\n');
        for evidence in &node.evidence {
            let what = evidence
                .describe(content)
                .unwrap_or_else(|| format!("{} (no longer in the review)", evidence.kind.label()));
            text.push_str(&format!(
                "- {} <!-- {EVIDENCE_KEY}{}:{} -->\n",
                escape_markdown(&what.replace('\n', " ")),
                evidence.kind.key(),
                evidence.id
            ));
        }
    }
    text.trim_end_matches('\n').to_owned()
}

/// Text that cannot end an HTML comment early.
fn comment_safe(text: &str) -> String {
    text.replace("--", "- -").replace('>', "")
}

/// The map in `content` as a JSON Canvas. Node ids are the map's record ids; band groups and
/// ids are unique, every edge joins two nodes in the file, and every number is whole.
pub fn to_canvas(content: &ReviewContent, scheme: CategoryScheme) -> Canvas {
    let width = geometry::map_width(&content.map_nodes) as i64;
    let mut nodes: Vec<CanvasNode> = Level::ALL
        .iter()
        .map(|level| CanvasNode {
            id: format!("level-{}", level.key()),
            node_type: "group".into(),
            x: 0,
            y: geometry::band_top(*level) as i64,
            width,
            height: BAND_HEIGHT as i64,
            label: Some(level.label().to_owned()),
            ..CanvasNode::default()
        })
        .collect();
    nodes.extend(
        crate::map::reading_order(content)
            .into_iter()
            .map(|node| CanvasNode {
                id: node.id.to_string(),
                node_type: "text".into(),
                x: node.x as i64,
                y: node.y as i64,
                width: NODE_WIDTH as i64,
                height: NODE_HEIGHT as i64,
                color: Some(polarity_colour(node.polarity).into()),
                text: Some(node_text(node, content, scheme)),
                ..CanvasNode::default()
            }),
    );
    let edges = content
        .map_links
        .iter()
        .map(|link| CanvasEdge {
            id: link.id.to_string(),
            from_node: link.from.to_string(),
            to_node: link.to.to_string(),
            to_end: Some("arrow".into()),
            label: Some(if link.note.is_empty() {
                link.caption()
            } else {
                format!("{}: {}", link.caption(), link.note)
            }),
            ..CanvasEdge::default()
        })
        .collect();
    Canvas { nodes, edges }
}

/// Writes a JSON Canvas file: two-space indented JSON.
pub fn write_canvas(canvas: &Canvas) -> String {
    serde_json::to_string_pretty(canvas).expect("a canvas always serialises")
}

/// Why a `.canvas` file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CanvasError {
    #[error("The file is empty. Check you chose the right file.")]
    Empty,
    #[error("This is not a JSON Canvas file: it could not be read as JSON ({0}). Check you chose a .canvas file.")]
    NotJson(String),
    #[error(
        "This is not a JSON Canvas file: it has no list of nodes. Check you chose a .canvas file."
    )]
    NotCanvas,
    #[error("The canvas has no cards to bring in: only groups, or nothing at all.")]
    NothingToImport,
}

/// A map read from a `.canvas` file, with what had to be repaired on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedMap {
    pub nodes: Vec<MapNode>,
    pub links: Vec<MapLink>,
    pub repairs: Vec<String>,
}

/// A card's first line as a label: Sightline writes `**label**`, escaped; other programs may
/// write a heading (`# Workload`) or plain words. Markdown escapes are read back.
fn label_from(line: &str) -> String {
    let line = line.trim();
    let inner = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .or_else(|| line.strip_prefix("__").and_then(|l| l.strip_suffix("__")))
        .unwrap_or_else(|| line.trim_start_matches('#').trim());
    unescape_markdown(inner.trim())
}

/// The text inside `<!-- key… -->` on a line, if any.
fn hidden_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let start = line.find(key)? + key.len();
    let rest = &line[start..];
    let end = rest.find("-->").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

fn visible(line: &str) -> &str {
    line.find("<!--").map(|i| &line[..i]).unwrap_or(line).trim()
}

struct ParsedText {
    label: String,
    kind: Option<NodeKind>,
    level: Option<Level>,
    polarity: Option<Polarity>,
    category: Option<String>,
    note: String,
    evidence: Vec<EvidenceRef>,
}

fn parse_text(text: &str) -> ParsedText {
    let mut parsed = ParsedText {
        label: String::new(),
        kind: None,
        level: None,
        polarity: None,
        category: None,
        note: String::new(),
        evidence: Vec::new(),
    };
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    // The label: the first line with words.
    let Some(first) = lines.iter().position(|l| !visible(l).is_empty()) else {
        return parsed;
    };
    parsed.label = label_from(visible(lines[first]));
    let mut at = first + 1;
    // What Sightline knows about the node: the lines after the label, up to the first line
    // that is none of them.
    while at < lines.len() {
        let (line, shown) = (lines[at], visible(lines[at]));
        if shown.is_empty() && parsed.kind.is_none() && parsed.level.is_none() {
            at += 1;
            continue;
        }
        if let Some(value) = shown.strip_prefix(KIND) {
            parsed.kind = NodeKind::ALL
                .into_iter()
                .find(|k| k.label() == value.trim());
        } else if let Some(value) = shown.strip_prefix(LEVEL) {
            parsed.level = Level::ALL
                .into_iter()
                .find(|l| l.label() == value.trim() || l.short_label() == value.trim());
        } else if let Some(value) = shown.strip_prefix(POLARITY) {
            parsed.polarity = Polarity::ALL
                .into_iter()
                .find(|p| p.label() == value.trim());
        } else if shown.starts_with(CATEGORY) {
            parsed.category = hidden_value(line, CATEGORY_KEY)
                .filter(|key| find_category(key).is_some())
                .map(str::to_owned);
        } else {
            break;
        }
        at += 1;
    }
    // The evidence: a last block that starts "Evidence:" and holds only Sightline's lines.
    let mut end = lines.len();
    if let Some(heading) = lines[at..].iter().rposition(|l| visible(l) == EVIDENCE) {
        let heading = at + heading;
        let items = &lines[heading + 1..];
        if items
            .iter()
            .all(|l| visible(l).is_empty() || hidden_value(l, EVIDENCE_KEY).is_some())
        {
            for line in items {
                if let Some(value) = hidden_value(line, EVIDENCE_KEY) {
                    let mut parts = value.splitn(2, ':');
                    let kind = parts.next().and_then(EvidenceKind::from_key);
                    let id = parts.next().and_then(RecordId::parse);
                    if let (Some(kind), Some(id)) = (kind, id) {
                        parsed.evidence.push(EvidenceRef { kind, id });
                    }
                }
            }
            end = heading;
        }
    }
    // The note: everything between, without the blank lines that set it apart.
    let mut note = &lines[at.min(end)..end];
    while note.first().is_some_and(|l| l.is_empty()) {
        note = &note[1..];
    }
    while note.last().is_some_and(|l| l.is_empty()) {
        note = &note[..note.len() - 1];
    }
    parsed.note = note
        .iter()
        .map(|l| unescape_markdown(l))
        .collect::<Vec<_>>()
        .join("\n");
    parsed
}

/// Reads a `.canvas` file as a new map: every text, file and link card becomes a node (groups
/// become the levels they name, or are left out), every edge between two of them a link. New
/// ids throughout. Level, kind, polarity, category and evidence written by Sightline are read
/// back; anything else gets a sensible default and the person can change it. Evidence is kept
/// only if `content` has the record it points at.
pub fn read_canvas(
    bytes: &[u8],
    content: &ReviewContent,
    ids: &mut dyn IdSource,
    at: DateTime<Utc>,
) -> Result<ImportedMap, CanvasError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(CanvasError::Empty);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| CanvasError::NotJson(e.to_string()))?;
    if !value.get("nodes").is_some_and(|n| n.is_array()) {
        return Err(CanvasError::NotCanvas);
    }
    let mut repairs = Vec::new();
    let raw_nodes = value["nodes"].as_array().cloned().unwrap_or_default();
    let mut cards: Vec<CanvasNode> = Vec::new();
    for (n, raw) in raw_nodes.into_iter().enumerate() {
        match serde_json::from_value::<CanvasNode>(raw) {
            Ok(node) => cards.push(node),
            Err(error) => repairs.push(format!(
                "Card {} could not be read and was left out ({error}).",
                n + 1
            )),
        }
    }
    // Groups that name a level tell where their cards belong.
    let groups: Vec<(Level, CanvasNode)> = cards
        .iter()
        .filter(|c| c.node_type == "group")
        .filter_map(|c| {
            let label = c.label.as_deref().unwrap_or("").trim();
            Level::ALL
                .into_iter()
                .find(|l| l.label() == label || l.short_label() == label)
                .map(|l| (l, c.clone()))
        })
        .collect();
    let cards: Vec<CanvasNode> = cards
        .into_iter()
        .filter(|c| c.node_type != "group")
        .collect();
    if cards.is_empty() {
        return Err(CanvasError::NothingToImport);
    }
    // Cards left of the map's edge are shifted right together, keeping their layout.
    let min_x = cards.iter().map(|c| c.x).min().unwrap_or(0).min(0);
    let mut by_canvas_id: HashMap<String, RecordId> = HashMap::new();
    let mut nodes = Vec::new();
    let mut dropped_evidence = 0;
    for card in &cards {
        if by_canvas_id.contains_key(&card.id) {
            repairs.push(format!(
                "Two cards had the id \u{201c}{}\u{201d}; the second was given a new one.",
                card.id
            ));
        }
        let parsed = match card.node_type.as_str() {
            "text" => parse_text(card.text.as_deref().unwrap_or("")),
            "file" => parse_text(card.file.as_deref().unwrap_or("A file")),
            "link" => parse_text(card.url.as_deref().unwrap_or("A link")),
            other => {
                repairs.push(format!(
                    "A card of an unknown type (\u{201c}{other}\u{201d}) was brought in as a plain node."
                ));
                parse_text(card.text.as_deref().unwrap_or("A card"))
            }
        };
        let centre_y = card.y + card.height / 2;
        let level = parsed
            .level
            .or_else(|| {
                groups
                    .iter()
                    .find(|(_, g)| centre_y >= g.y && centre_y < g.y + g.height)
                    .map(|(l, _)| *l)
            })
            .unwrap_or_else(|| geometry::level_at(centre_y as f64));
        let x = i32::try_from((card.x - min_x).clamp(0, 1_000_000)).unwrap_or(0);
        let y = i32::try_from(card.y.clamp(-1_000_000, 1_000_000)).unwrap_or(0);
        // A card from Sightline is already inside its band; anything else is placed in it.
        let (x, y) = geometry::place(level, x, y);
        let evidence: Vec<EvidenceRef> = parsed
            .evidence
            .into_iter()
            .filter(|e| {
                let kept = e.exists(content);
                if !kept {
                    dropped_evidence += 1;
                }
                kept
            })
            .collect();
        let label: String = if parsed.label.is_empty() {
            "Untitled card".to_owned()
        } else {
            parsed
                .label
                .chars()
                .take(crate::map::MAX_LABEL_CHARS)
                .collect()
        };
        let kind = parsed.kind.unwrap_or_default();
        let node = MapNode {
            id: ids.record_id(),
            kind,
            label,
            level,
            category: parsed.category,
            polarity: parsed.polarity.unwrap_or_else(|| kind.usual_polarity()),
            note: parsed.note,
            evidence,
            x,
            y,
            updated_at: at,
        };
        by_canvas_id.entry(card.id.clone()).or_insert(node.id);
        nodes.push(node);
    }
    if dropped_evidence > 0 {
        repairs.push(format!(
            "{dropped_evidence} piece{} of evidence named records that are not in this review; {} left out.",
            if dropped_evidence == 1 { "" } else { "s" },
            if dropped_evidence == 1 { "it was" } else { "they were" }
        ));
    }
    let raw_edges = value
        .get("edges")
        .and_then(|e| e.as_array())
        .cloned()
        .unwrap_or_default();
    let mut links = Vec::new();
    let mut joined: HashSet<(RecordId, RecordId, LinkKind)> = HashSet::new();
    for (n, raw) in raw_edges.into_iter().enumerate() {
        let edge: CanvasEdge = match serde_json::from_value(raw) {
            Ok(edge) => edge,
            Err(error) => {
                repairs.push(format!(
                    "Connection {} could not be read and was left out ({error}).",
                    n + 1
                ));
                continue;
            }
        };
        let (Some(from), Some(to)) = (
            by_canvas_id.get(&edge.from_node),
            by_canvas_id.get(&edge.to_node),
        ) else {
            repairs.push(format!(
                "Connection {} joined a card that is not in the file (or a group); it was left out.",
                n + 1
            ));
            continue;
        };
        if from == to {
            repairs.push(format!(
                "Connection {} joined a card to itself; it was left out.",
                n + 1
            ));
            continue;
        }
        let label = edge.label.unwrap_or_default();
        let (caption, note) = match label.split_once(": ") {
            Some((caption, note)) if LinkKind::from_label(caption).is_some() => {
                (caption.to_owned(), note.to_owned())
            }
            _ => (label.clone(), String::new()),
        };
        let (kind, note) = match LinkKind::from_label(&caption) {
            Some(kind) => (kind, note),
            // Someone else's words on the edge: kept as its note.
            None => (LinkKind::ContributesTo, label.trim().to_owned()),
        };
        let strength = Strength::ALL
            .into_iter()
            .find(|s| caption.ends_with(&format!("({})", s.label())));
        // An edge drawn with the arrow at its start points the other way.
        let backwards =
            edge.from_end.as_deref() == Some("arrow") && edge.to_end.as_deref() == Some("none");
        let (from, to) = if backwards {
            (*to, *from)
        } else {
            (*from, *to)
        };
        if !joined.insert((from, to, kind)) {
            repairs.push(format!(
                "Connection {} repeated another; it was left out.",
                n + 1
            ));
            continue;
        }
        links.push(MapLink {
            id: ids.record_id(),
            from,
            to,
            kind,
            strength,
            note,
            updated_at: at,
        });
    }
    Ok(ImportedMap {
        nodes,
        links,
        repairs,
    })
}

/// Problems with a canvas by the JSON Canvas 1.0 rules: ids unique across nodes and edges,
/// every edge joining two nodes in the file, node types known. Empty when it follows them.
pub fn check_canvas(canvas: &Canvas) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for node in &canvas.nodes {
        if !ids.insert(node.id.as_str()) {
            problems.push(format!("id {} is used twice", node.id));
        }
        if !["text", "file", "link", "group"].contains(&node.node_type.as_str()) {
            problems.push(format!(
                "node {} has unknown type {}",
                node.id, node.node_type
            ));
        }
        if node.width <= 0 || node.height <= 0 {
            problems.push(format!("node {} has no size", node.id));
        }
    }
    let node_ids: HashSet<&str> = canvas.nodes.iter().map(|n| n.id.as_str()).collect();
    for edge in &canvas.edges {
        if !ids.insert(edge.id.as_str()) {
            problems.push(format!("id {} is used twice", edge.id));
        }
        for end in [&edge.from_node, &edge.to_node] {
            if !node_ids.contains(end.as_str()) {
                problems.push(format!("edge {} names missing node {end}", edge.id));
            }
        }
    }
    problems
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
    use super::*;
    use crate::ids::SeededIds;

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    fn sample() -> ReviewContent {
        let mut content = ReviewContent::default();
        let mut ids = SeededIds::new(3);
        let mut add = |label: &str, kind: NodeKind, level: Level, x: i32| {
            let (x, y) = geometry::place(level, x, 0);
            let node = MapNode {
                id: ids.record_id(),
                kind,
                label: label.into(),
                level,
                category: Some("scie.conditions_of_work".into()),
                polarity: kind.usual_polarity(),
                note: "A note\nover two lines".into(),
                evidence: Vec::new(),
                x,
                y,
                updated_at: at(),
            };
            content.map_nodes.push(node.clone());
            node.id
        };
        let a = add(
            "High caseloads",
            NodeKind::ContributoryFactor,
            Level::TeamSupervision,
            0,
        );
        let b = add("Visit missed", NodeKind::Outcome, Level::Frontline, 260);
        let c = add(
            "Supervision every week",
            NodeKind::Protective,
            Level::TeamSupervision,
            520,
        );
        content.map_links = vec![
            MapLink {
                id: RecordId::fixed(77),
                from: a,
                to: b,
                kind: LinkKind::ContributesTo,
                strength: Some(Strength::Strong),
                note: String::new(),
                updated_at: at(),
            },
            MapLink {
                id: RecordId::fixed(78),
                from: c,
                to: a,
                kind: LinkKind::Mitigates,
                strength: None,
                note: "Partly".into(),
                updated_at: at(),
            },
        ];
        content
    }

    #[test]
    fn the_canvas_follows_the_json_canvas_rules() {
        let content = sample();
        let canvas = to_canvas(&content, CategoryScheme::Scie);
        assert_eq!(check_canvas(&canvas), Vec::<String>::new());
        assert_eq!(canvas.nodes.len(), 6 + 3);
        let text = write_canvas(&canvas);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for node in value["nodes"].as_array().unwrap() {
            for key in ["x", "y", "width", "height"] {
                assert!(node[key].is_i64(), "{key} is not a whole number");
            }
        }
        assert_eq!(
            value["edges"][0]["fromNode"],
            content.map_links[0].from.to_string()
        );
        assert_eq!(value["edges"][0]["label"], "contributes to (strong)");
        assert_eq!(value["edges"][1]["label"], "mitigates: Partly");
    }

    #[test]
    fn a_canvas_written_by_sightline_reads_back_as_the_same_map() {
        let content = sample();
        let text = write_canvas(&to_canvas(&content, CategoryScheme::Scie));
        let read = read_canvas(text.as_bytes(), &content, &mut SeededIds::new(9), at()).unwrap();
        assert_eq!(read.repairs, Vec::<String>::new());
        assert_eq!(read.nodes.len(), 3);
        assert_eq!(read.links.len(), 2);
        let by_label = |label: &str| read.nodes.iter().find(|n| n.label == label).unwrap();
        for original in &content.map_nodes {
            let back = by_label(&original.label);
            assert_eq!(back.kind, original.kind);
            assert_eq!(back.level, original.level);
            assert_eq!(back.polarity, original.polarity);
            assert_eq!(back.category, original.category);
            assert_eq!(back.note, original.note);
            assert_eq!((back.x, back.y), (original.x, original.y));
            assert_ne!(back.id, original.id);
        }
        let strong = read
            .links
            .iter()
            .find(|l| l.kind == LinkKind::ContributesTo)
            .unwrap();
        assert_eq!(strong.strength, Some(Strength::Strong));
        assert_eq!(strong.from, by_label("High caseloads").id);
        let mitigates = read
            .links
            .iter()
            .find(|l| l.kind == LinkKind::Mitigates)
            .unwrap();
        assert_eq!(mitigates.note, "Partly");
    }

    #[test]
    fn a_canvas_from_elsewhere_comes_in_with_defaults_and_repairs_said() {
        let text = r##"{
          "nodes": [
            {"id": "a", "type": "text", "x": -400, "y": 900, "width": 250, "height": 60, "text": "# Workload\nToo many cases"},
            {"id": "b", "type": "link", "x": 100, "y": 30, "width": 250, "height": 60, "url": "https://example.org"},
            {"id": "g", "type": "group", "x": 0, "y": 0, "width": 10, "height": 10, "label": "Ideas"},
            {"id": "bad", "type": "text"}
          ],
          "edges": [
            {"id": "e1", "fromNode": "a", "toNode": "b", "label": "leads to"},
            {"id": "e2", "fromNode": "a", "toNode": "zzz"}
          ]
        }"##;
        let read = read_canvas(
            text.as_bytes(),
            &ReviewContent::default(),
            &mut SeededIds::new(1),
            at(),
        )
        .unwrap();
        assert_eq!(read.nodes.len(), 2);
        let workload = &read.nodes[0];
        assert_eq!(workload.label, "Workload");
        assert_eq!(workload.note, "Too many cases");
        assert_eq!(workload.level, Level::Frontline);
        assert_eq!(workload.x, 0);
        assert_eq!(read.nodes[1].level, Level::National);
        assert_eq!(read.links.len(), 1);
        assert_eq!(read.links[0].kind, LinkKind::ContributesTo);
        assert_eq!(read.links[0].note, "leads to");
        assert_eq!(read.repairs.len(), 2, "{:?}", read.repairs);
        for node in &read.nodes {
            assert_eq!(geometry::level_at(node.y as f64), node.level);
        }
    }

    #[test]
    fn files_that_are_not_canvases_are_refused_plainly() {
        let content = ReviewContent::default();
        let read =
            |text: &str| read_canvas(text.as_bytes(), &content, &mut SeededIds::new(1), at());
        assert_eq!(read("  "), Err(CanvasError::Empty));
        assert!(matches!(read("{nodes"), Err(CanvasError::NotJson(_))));
        assert_eq!(
            read(r#"{"kind": "sightline.review"}"#),
            Err(CanvasError::NotCanvas)
        );
        assert_eq!(read(r#"{"nodes": []}"#), Err(CanvasError::NothingToImport));
    }
}
