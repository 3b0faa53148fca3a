//! Where things are on the map: the bands, node sizes, snapping, hit-testing, bounds and where
//! links meet their nodes. In map units (whole numbers; one unit is one CSS pixel at 100%).
//!
//! The map is a stack of horizontal bands, one per [`Level`], each [`BAND_HEIGHT`] tall,
//! starting at y = 0. Every node is [`NODE_WIDTH`] × [`NODE_HEIGHT`] and sits wholly inside
//! its level's band, below the band's label strip. Positions snap to a [`GRID`].

use super::{Level, MapNode, NodeKind};
use crate::ids::RecordId;

pub const BAND_HEIGHT: i32 = 200;
/// The strip at the top of each band that holds its label; nodes stay below it.
pub const BAND_LABEL_HEIGHT: i32 = 40;
/// Room kept under the lowest node in a band.
pub const BAND_PADDING: i32 = 20;
pub const NODE_WIDTH: i32 = 200;
pub const NODE_HEIGHT: i32 = 80;
/// Nodes snap to multiples of this.
pub const GRID: i32 = 20;
/// The horizontal gap [`super::layout`] leaves between nodes.
pub const NODE_GAP: i32 = 40;
/// The narrowest the map is drawn, so its bands read as bands even when empty.
pub const MIN_WIDTH: i32 = 1600;

/// A point in map units (fractions allowed: pointers and zoom are not whole).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

/// An axis-aligned rectangle in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub const fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// The rectangle with corners `a` and `b`, in any order (a rubber band).
    pub fn from_corners(a: Point, b: Point) -> Self {
        Self::new(
            a.x.min(b.x),
            a.y.min(b.y),
            (a.x - b.x).abs(),
            (a.y - b.y).abs(),
        )
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn centre(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.right() && p.y >= self.y && p.y <= self.bottom()
    }

    pub fn intersects(&self, other: &Rect) -> bool {
        self.x <= other.right()
            && other.x <= self.right()
            && self.y <= other.bottom()
            && other.y <= self.bottom()
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect::new(
            x,
            y,
            self.right().max(other.right()) - x,
            self.bottom().max(other.bottom()) - y,
        )
    }
}

/// The top of a level's band.
pub fn band_top(level: Level) -> i32 {
    level.index() as i32 * BAND_HEIGHT
}

/// A level's whole band.
pub fn band_rect(level: Level, width: i32) -> Rect {
    Rect::new(
        0.0,
        band_top(level) as f64,
        width as f64,
        BAND_HEIGHT as f64,
    )
}

/// The whole height of the map.
pub fn map_height() -> i32 {
    Level::ALL.len() as i32 * BAND_HEIGHT
}

/// The lowest and highest y a node's top can have in a level's band.
pub fn node_y_range(level: Level) -> (i32, i32) {
    let top = band_top(level) + BAND_LABEL_HEIGHT;
    let bottom = band_top(level) + BAND_HEIGHT - BAND_PADDING - NODE_HEIGHT;
    (top, bottom)
}

/// The level whose band holds `y` (above the map: the top level; below it: the bottom one).
pub fn level_at(y: f64) -> Level {
    let index = (y / BAND_HEIGHT as f64).floor();
    let index = index.clamp(0.0, (Level::ALL.len() - 1) as f64) as usize;
    Level::ALL[index]
}

fn snap(value: i32) -> i32 {
    (value as f64 / GRID as f64).round() as i32 * GRID
}

/// Where a node whose top-left corner is asked to go to (x, y) ends up in `level`'s band:
/// snapped to the grid, not left of the map, and inside the band below its label.
pub fn place(level: Level, x: i32, y: i32) -> (i32, i32) {
    let (low, high) = node_y_range(level);
    let x = snap(x).max(0);
    // Snap inside the range: the range's ends are themselves on the grid.
    let y = snap(y).clamp(low, high);
    (x, y)
}

/// Where a node dropped with its top-left corner at `point` goes: into the band under the
/// node's centre, snapped. Returns the level and position.
pub fn drop_at(point: Point) -> (Level, i32, i32) {
    let level = level_at(point.y + NODE_HEIGHT as f64 / 2.0);
    let (x, y) = place(level, point.x.round() as i32, point.y.round() as i32);
    (level, x, y)
}

/// The rectangle a node takes up.
pub fn node_rect(node: &MapNode) -> Rect {
    Rect::new(
        node.x as f64,
        node.y as f64,
        NODE_WIDTH as f64,
        NODE_HEIGHT as f64,
    )
}

/// The node under `point`, the one drawn last (on top) when several are.
pub fn hit_test(nodes: &[MapNode], point: Point) -> Option<RecordId> {
    nodes
        .iter()
        .rev()
        .find(|n| node_rect(n).contains(point))
        .map(|n| n.id)
}

/// The nodes a rubber band touches.
pub fn nodes_in_rect(nodes: &[MapNode], band: Rect) -> Vec<RecordId> {
    nodes
        .iter()
        .filter(|n| node_rect(n).intersects(&band))
        .map(|n| n.id)
        .collect()
}

/// The rectangle holding every node, or `None` for an empty map.
pub fn bounds(nodes: &[MapNode]) -> Option<Rect> {
    nodes.iter().map(node_rect).reduce(|a, b| a.union(&b))
}

/// How wide the map is drawn: wide enough for every node, and at least [`MIN_WIDTH`].
pub fn map_width(nodes: &[MapNode]) -> i32 {
    let right = nodes.iter().map(|n| n.x + NODE_WIDTH).max().unwrap_or(0);
    (right + NODE_GAP * 2).max(MIN_WIDTH)
}

/// Where the straight line from the centre of `from` towards the centre of `to` leaves `from`'s
/// rectangle.
fn border_point(from: Rect, towards: Point) -> Point {
    let c = from.centre();
    let (dx, dy) = (towards.x - c.x, towards.y - c.y);
    if dx == 0.0 && dy == 0.0 {
        return c;
    }
    let half_w = from.width / 2.0;
    let half_h = from.height / 2.0;
    let tx = if dx == 0.0 {
        f64::INFINITY
    } else {
        half_w / dx.abs()
    };
    let ty = if dy == 0.0 {
        f64::INFINITY
    } else {
        half_h / dy.abs()
    };
    let t = tx.min(ty);
    Point::new(c.x + dx * t, c.y + dy * t)
}

/// Where a link between two nodes is drawn: from the edge of one to the edge of the other.
pub fn link_ends(from: Rect, to: Rect) -> (Point, Point) {
    let start = border_point(from, to.centre());
    let end = border_point(to, from.centre());
    (start, end)
}

/// Where a link's words go: halfway along it.
pub fn link_label_point(start: Point, end: Point) -> Point {
    Point::new((start.x + end.x) / 2.0, (start.y + end.y) / 2.0)
}

/// Whether two segments cross (touching at an end does not count), for counting crossings.
pub fn segments_cross(a: (Point, Point), b: (Point, Point)) -> bool {
    fn orient(p: Point, q: Point, r: Point) -> f64 {
        (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
    }
    let d1 = orient(b.0, b.1, a.0);
    let d2 = orient(b.0, b.1, a.1);
    let d3 = orient(a.0, a.1, b.0);
    let d4 = orient(a.0, a.1, b.1);
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// The outline of a node of `kind`, as SVG path data relative to its top-left corner. Each
/// kind has its own shape, so kinds differ by more than colour; the canvas and the exported
/// SVG both draw these.
pub fn node_shape(kind: NodeKind) -> String {
    let (w, h) = (NODE_WIDTH, NODE_HEIGHT);
    let half = h / 2;
    match kind {
        // A long hexagon, pointed at both ends.
        NodeKind::Outcome => format!("M16 0H{}L{w} {half}L{} {h}H16L0 {half}Z", w - 16, w - 16),
        // A page with its top-right corner folded.
        NodeKind::Episode => format!("M0 0H{}L{w} 18V{h}H0Z", w - 18),
        // A plain rectangle.
        NodeKind::ContributoryFactor => format!("M0 0H{w}V{h}H0Z"),
        // A pill.
        NodeKind::UnderlyingPattern => format!(
            "M{half} 0H{}A{half} {half} 0 0 1 {} {h}H{half}A{half} {half} 0 0 1 {half} 0Z",
            w - half,
            w - half
        ),
        // A rectangle with its corners cut.
        NodeKind::Protective => format!(
            "M12 0H{}L{w} 12V{}L{} {h}H12L0 {}V12Z",
            w - 12,
            h - 12,
            w - 12,
            h - 12
        ),
        // A parallelogram, leaning forward.
        NodeKind::Action => format!("M16 0H{w}L{} {h}H0Z", w - 16),
    }
}

/// Breaks a label into at most `max_lines` lines of about `max_chars` characters, at spaces
/// where it can, ending with "…" if it had to be cut.
pub fn wrap_label(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let mut word: String = word.to_owned();
        loop {
            let room = if current.is_empty() {
                max_chars
            } else {
                max_chars.saturating_sub(current.chars().count() + 1)
            };
            if word.chars().count() <= room {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(&word);
                break;
            }
            if current.is_empty() {
                // A word longer than a line: break it.
                let head: String = word.chars().take(max_chars).collect();
                word = word.chars().skip(max_chars).collect();
                lines.push(head);
            } else {
                lines.push(std::mem::take(&mut current));
            }
            if lines.len() == max_lines {
                cut = true;
                break;
            }
        }
        if cut {
            break;
        }
    }
    if !cut && !current.is_empty() {
        if lines.len() == max_lines {
            cut = true;
        } else {
            lines.push(current);
        }
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            let mut shortened: String = last.chars().take(max_chars.saturating_sub(1)).collect();
            shortened = shortened.trim_end().to_owned();
            shortened.push('\u{2026}');
            *last = shortened;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placing_snaps_to_the_grid_and_keeps_the_node_inside_its_band() {
        for level in Level::ALL {
            let (low, high) = node_y_range(level);
            assert_eq!(low % GRID, 0);
            assert_eq!(high % GRID, 0);
            for (x, y) in [(-50, -500), (33, 10_000), (101, band_top(level) + 57)] {
                let (px, py) = place(level, x, y);
                assert_eq!(px % GRID, 0);
                assert!(px >= 0);
                assert!(py >= band_top(level) + BAND_LABEL_HEIGHT);
                assert!(py + NODE_HEIGHT <= band_top(level) + BAND_HEIGHT);
                assert_eq!(level_at(py as f64), level);
            }
        }
    }

    #[test]
    fn a_node_dropped_goes_to_the_band_under_its_centre() {
        let (level, _, y) = drop_at(Point::new(100.0, 190.0));
        assert_eq!(level, Level::Committee);
        assert_eq!(y, band_top(Level::Committee) + BAND_LABEL_HEIGHT);
        assert_eq!(drop_at(Point::new(0.0, -400.0)).0, Level::National);
        assert_eq!(drop_at(Point::new(0.0, 9_000.0)).0, Level::FamilyCommunity);
    }

    #[test]
    fn link_ends_sit_on_the_nodes_edges() {
        let a = Rect::new(0.0, 0.0, 200.0, 80.0);
        let b = Rect::new(400.0, 0.0, 200.0, 80.0);
        let (start, end) = link_ends(a, b);
        assert_eq!(start, Point::new(200.0, 40.0));
        assert_eq!(end, Point::new(400.0, 40.0));
        let below = Rect::new(0.0, 300.0, 200.0, 80.0);
        let (start, end) = link_ends(a, below);
        assert_eq!(start, Point::new(100.0, 80.0));
        assert_eq!(end, Point::new(100.0, 300.0));
    }

    #[test]
    fn crossings_are_counted_only_for_real_crossings() {
        let p = Point::new;
        assert!(segments_cross(
            (p(0.0, 0.0), p(10.0, 10.0)),
            (p(0.0, 10.0), p(10.0, 0.0))
        ));
        assert!(!segments_cross(
            (p(0.0, 0.0), p(10.0, 0.0)),
            (p(0.0, 5.0), p(10.0, 5.0))
        ));
        // Sharing an end is not a crossing.
        assert!(!segments_cross(
            (p(0.0, 0.0), p(10.0, 10.0)),
            (p(10.0, 10.0), p(20.0, 0.0))
        ));
    }

    #[test]
    fn labels_wrap_at_spaces_and_say_when_cut() {
        assert_eq!(
            wrap_label("High caseloads in the team", 12, 3),
            vec!["High", "caseloads in", "the team"]
        );
        let lines = wrap_label(
            "one two three four five six seven eight nine ten eleven",
            10,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('\u{2026}'));
        assert_eq!(wrap_label("Supercalifragilistic", 8, 3).len(), 3);
        assert!(wrap_label("", 10, 2).is_empty());
    }

    #[test]
    fn rubber_bands_and_hits_find_the_right_nodes() {
        let at = chrono::DateTime::<chrono::Utc>::from_timestamp(0, 0).unwrap();
        let node = |n: u128, x: i32, y: i32| MapNode {
            id: RecordId::fixed(n),
            kind: NodeKind::ContributoryFactor,
            label: format!("Node {n}"),
            level: level_at(y as f64),
            category: None,
            polarity: Default::default(),
            note: String::new(),
            evidence: Vec::new(),
            x,
            y,
            updated_at: at,
        };
        let nodes = vec![node(1, 0, 40), node(2, 100, 40), node(3, 600, 440)];
        // 2 is drawn over 1 where they overlap.
        assert_eq!(
            hit_test(&nodes, Point::new(150.0, 60.0)),
            Some(RecordId::fixed(2))
        );
        assert_eq!(hit_test(&nodes, Point::new(1_000.0, 60.0)), None);
        let band = Rect::from_corners(Point::new(550.0, 500.0), Point::new(50.0, 0.0));
        assert_eq!(
            nodes_in_rect(&nodes, band),
            vec![RecordId::fixed(1), RecordId::fixed(2)]
        );
        assert_eq!(bounds(&nodes), Some(Rect::new(0.0, 40.0, 800.0, 480.0)));
    }
}
