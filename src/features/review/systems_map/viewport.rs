//! How the map is shown on the canvas: where it is panned to and how far zoomed. Pure, so its
//! arithmetic is tested natively.

use sightline_core::map::geometry::{Point, Rect};

/// How the map is shown: screen = map × `scale` + (`x`, `y`), in CSS pixels of the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub scale: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Self {
            x: 16.0,
            y: 16.0,
            scale: 0.75,
        }
    }
}

pub const MIN_SCALE: f64 = 0.1;
pub const MAX_SCALE: f64 = 3.0;
/// Below this zoom, links' words are not drawn: too small to read, and too many to draw.
pub const LINK_LABEL_MIN_SCALE: f64 = 0.45;

impl Viewport {
    /// The map point under a point of the canvas.
    pub fn to_map(&self, screen: Point) -> Point {
        Point::new(
            (screen.x - self.x) / self.scale,
            (screen.y - self.y) / self.scale,
        )
    }

    /// Zooms by `factor`, keeping the map point under `anchor` (a canvas point) still.
    pub fn zoom_at(&self, factor: f64, anchor: Point) -> Viewport {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let at = self.to_map(anchor);
        Viewport {
            x: anchor.x - at.x * scale,
            y: anchor.y - at.y * scale,
            scale,
        }
    }

    /// The view that shows all of `area` in a canvas of `width` × `height`.
    pub fn fit(area: Rect, width: f64, height: f64) -> Viewport {
        let margin = 24.0;
        let scale = ((width - margin * 2.0) / area.width)
            .min((height - margin * 2.0) / area.height)
            .clamp(MIN_SCALE, 1.5);
        Viewport {
            x: (width - area.width * scale) / 2.0 - area.x * scale,
            y: (height - area.height * scale) / 2.0 - area.y * scale,
            scale,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn zooming_keeps_the_map_point_under_the_pointer_still() {
        let view = Viewport {
            x: 40.0,
            y: -20.0,
            scale: 0.8,
        };
        for (factor, anchor) in [
            (1.5, Point::new(300.0, 200.0)),
            (0.5, Point::new(0.0, 0.0)),
            (1.1, Point::new(-50.0, 900.0)),
        ] {
            let before = view.to_map(anchor);
            let after = view.zoom_at(factor, anchor);
            assert!(
                close(after.to_map(anchor), before),
                "{factor} at {anchor:?}"
            );
            assert!((after.scale - 0.8 * factor).abs() < 1e-9);
        }
    }

    #[test]
    fn zoom_stops_at_its_limits() {
        let view = Viewport::default();
        assert_eq!(
            view.zoom_at(1000.0, Point::new(10.0, 10.0)).scale,
            MAX_SCALE
        );
        assert_eq!(
            view.zoom_at(0.0001, Point::new(10.0, 10.0)).scale,
            MIN_SCALE
        );
    }

    #[test]
    fn fit_shows_the_whole_area_centred_in_the_canvas() {
        let area = Rect {
            x: 100.0,
            y: 50.0,
            width: 2000.0,
            height: 600.0,
        };
        let (width, height) = (1000.0, 500.0);
        let view = Viewport::fit(area, width, height);
        let top_left = Point::new(area.x * view.scale + view.x, area.y * view.scale + view.y);
        let bottom_right = Point::new(
            (area.x + area.width) * view.scale + view.x,
            (area.y + area.height) * view.scale + view.y,
        );
        assert!(top_left.x >= 0.0 && top_left.y >= 0.0, "{top_left:?}");
        assert!(
            bottom_right.x <= width && bottom_right.y <= height,
            "{bottom_right:?}"
        );
        assert!(((top_left.x + bottom_right.x) / 2.0 - width / 2.0).abs() < 1e-9);
        // A tiny area is not blown up past 1.5.
        let small = Viewport::fit(
            Rect {
                x: 0.0,
                y: 0.0,
                width: 10.0,
                height: 10.0,
            },
            width,
            height,
        );
        assert_eq!(small.scale, 1.5);
    }
}
