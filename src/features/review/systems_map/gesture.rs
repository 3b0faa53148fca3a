//! What a pointer is doing on the map's canvas, apart from the browser: which gesture a press
//! starts, what each move does, and what letting go does. Pure, so the rules of a drag, a pan,
//! a rubber band and a pinch are tested natively; the canvas turns pointer events into these
//! calls and their answers into signal changes.

use std::collections::BTreeSet;

use sightline_core::map::geometry::{Point, Rect};
use sightline_core::RecordId;

use super::Viewport;

/// How far (in screen pixels) a pointer moves before a press becomes a drag.
pub const DRAG_THRESHOLD: f64 = 4.0;

/// What a pointer is doing on the canvas.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Gesture {
    #[default]
    Idle,
    Pan {
        start: Point,
        view: Viewport,
        moved: bool,
    },
    Drag {
        start: Point,
        ids: Vec<RecordId>,
        moved: bool,
    },
    Band {
        start: Point,
        additive: bool,
    },
    Pinch {
        distance: f64,
        view: Viewport,
        middle: Point,
    },
}

/// What was held with the press.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Press {
    /// Shift, Ctrl or Cmd: add to or take from the selection.
    pub additive: bool,
    /// Alt with the main mouse button: a rubber band that replaces the selection.
    pub alt_mouse: bool,
}

/// What a press does to the selection and which gesture it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Pressed {
    pub gesture: Gesture,
    /// The selection after the press, when it changes it (a press on a node).
    pub selected: Option<BTreeSet<RecordId>>,
}

/// What a move asks the canvas to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Moved {
    Nothing,
    /// Pan or pinch: the new view.
    View(Viewport),
    /// The dragged nodes' distance from their places, in map units.
    Drag {
        ids: Vec<RecordId>,
        dx: f64,
        dy: f64,
    },
    /// The rubber band's area, in map units.
    Band(Rect),
}

/// What letting go does.
#[derive(Clone, Debug, PartialEq)]
pub enum Released {
    Nothing,
    /// A click on the background: clear the selection.
    ClearSelection,
    /// A drag that did not move, or was cancelled: put the nodes back.
    PutBack(Vec<RecordId>),
    /// A drag that moved: store the nodes where they were dropped.
    Drop(Vec<RecordId>),
    /// A rubber band: select what it holds, adding to the selection or not.
    SelectBand {
        additive: bool,
    },
}

fn distance(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt().max(1.0)
}

/// Two fingers down: pinch to zoom from `view`, whatever the first one was doing.
pub fn pinch(a: Point, b: Point, view: Viewport) -> Gesture {
    Gesture::Pinch {
        distance: distance(a, b),
        view,
        middle: Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0),
    }
}

/// A press at `at` on the node `on` (or the background), with `selected` the selection now.
pub fn press(
    at: Point,
    on: Option<RecordId>,
    held: Press,
    selected: &BTreeSet<RecordId>,
    view: Viewport,
) -> Pressed {
    match on {
        Some(id) => {
            let mut selected = selected.clone();
            if held.additive {
                if !selected.remove(&id) {
                    selected.insert(id);
                }
            } else if !selected.contains(&id) {
                selected = [id].into();
            }
            // Pressing a selected node drags the whole selection; taking it out drags nothing.
            let ids = if selected.contains(&id) {
                selected.iter().copied().collect()
            } else {
                Vec::new()
            };
            Pressed {
                gesture: Gesture::Drag {
                    start: at,
                    ids,
                    moved: false,
                },
                selected: Some(selected),
            }
        }
        None => Pressed {
            gesture: if held.additive || held.alt_mouse {
                Gesture::Band {
                    start: at,
                    additive: held.additive,
                }
            } else {
                Gesture::Pan {
                    start: at,
                    view,
                    moved: false,
                }
            },
            selected: None,
        },
    }
}

impl Gesture {
    /// The pointer moved to `at`; `fingers` are both touch points during a pinch; `view` is
    /// the view now.
    pub fn move_to(&mut self, at: Point, fingers: Option<(Point, Point)>, view: Viewport) -> Moved {
        match self {
            Gesture::Idle => Moved::Nothing,
            Gesture::Pan {
                start,
                view: from,
                moved,
            } => {
                let (dx, dy) = (at.x - start.x, at.y - start.y);
                *moved |= dx.abs() + dy.abs() > DRAG_THRESHOLD;
                if *moved {
                    Moved::View(Viewport {
                        x: from.x + dx,
                        y: from.y + dy,
                        scale: from.scale,
                    })
                } else {
                    Moved::Nothing
                }
            }
            Gesture::Drag { start, ids, moved } => {
                let (dx, dy) = (at.x - start.x, at.y - start.y);
                *moved |= dx.abs() + dy.abs() > DRAG_THRESHOLD;
                if *moved {
                    Moved::Drag {
                        ids: ids.clone(),
                        dx: dx / view.scale,
                        dy: dy / view.scale,
                    }
                } else {
                    Moved::Nothing
                }
            }
            Gesture::Band { start, .. } => {
                Moved::Band(Rect::from_corners(view.to_map(*start), view.to_map(at)))
            }
            Gesture::Pinch {
                distance: from,
                view: start,
                middle,
            } => match fingers {
                Some((a, b)) => Moved::View(start.zoom_at(distance(a, b) / *from, *middle)),
                None => Moved::Nothing,
            },
        }
    }

    /// The pointer was let go (`cancelled`: the browser took it away).
    pub fn release(self, cancelled: bool) -> Released {
        match self {
            Gesture::Idle | Gesture::Pinch { .. } => Released::Nothing,
            Gesture::Pan { moved, .. } if !moved && !cancelled => Released::ClearSelection,
            Gesture::Pan { .. } => Released::Nothing,
            Gesture::Drag { ids, moved, .. } if !moved || cancelled => Released::PutBack(ids),
            Gesture::Drag { ids, .. } => Released::Drop(ids),
            Gesture::Band { additive, .. } => Released::SelectBand { additive },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> RecordId {
        RecordId::from_random_bytes([n; 16])
    }

    fn view() -> Viewport {
        Viewport {
            x: 0.0,
            y: 0.0,
            scale: 0.5,
        }
    }

    #[test]
    fn pressing_a_node_selects_it_alone_unless_it_is_already_selected_or_added() {
        let selected: BTreeSet<_> = [id(1), id(2)].into();
        let alone = press(
            Point::new(0.0, 0.0),
            Some(id(3)),
            Press::default(),
            &selected,
            view(),
        );
        assert_eq!(alone.selected, Some([id(3)].into()));
        let kept = press(
            Point::new(0.0, 0.0),
            Some(id(1)),
            Press::default(),
            &selected,
            view(),
        );
        assert_eq!(kept.selected, Some(selected.clone()));
        let Gesture::Drag { ids, .. } = kept.gesture else {
            panic!("a drag")
        };
        assert_eq!(ids, vec![id(1), id(2)], "the whole selection is dragged");
        let add = Press {
            additive: true,
            ..Press::default()
        };
        let taken_out = press(Point::new(0.0, 0.0), Some(id(1)), add, &selected, view());
        assert_eq!(taken_out.selected, Some([id(2)].into()));
        assert_eq!(
            taken_out.gesture.release(false),
            Released::PutBack(Vec::new())
        );
    }

    #[test]
    fn a_press_that_moves_less_than_the_threshold_is_a_click() {
        let mut drag = press(
            Point::new(10.0, 10.0),
            Some(id(1)),
            Press::default(),
            &BTreeSet::new(),
            view(),
        )
        .gesture;
        assert_eq!(
            drag.move_to(Point::new(12.0, 11.0), None, view()),
            Moved::Nothing
        );
        assert_eq!(drag.clone().release(false), Released::PutBack(vec![id(1)]));
        // Past the threshold it moves, in map units (screen distance ÷ scale).
        assert_eq!(
            drag.move_to(Point::new(20.0, 10.0), None, view()),
            Moved::Drag {
                ids: vec![id(1)],
                dx: 20.0,
                dy: 0.0
            }
        );
        // Coming back near the start does not make it a click again.
        drag.move_to(Point::new(11.0, 10.0), None, view());
        assert_eq!(drag.clone().release(false), Released::Drop(vec![id(1)]));
        assert_eq!(
            drag.release(true),
            Released::PutBack(vec![id(1)]),
            "cancelled"
        );
    }

    #[test]
    fn the_background_pans_and_a_click_on_it_clears_the_selection() {
        let mut pan = press(
            Point::new(0.0, 0.0),
            None,
            Press::default(),
            &BTreeSet::new(),
            view(),
        )
        .gesture;
        assert_eq!(pan.clone().release(false), Released::ClearSelection);
        assert_eq!(
            pan.move_to(Point::new(30.0, -5.0), None, view()),
            Moved::View(Viewport {
                x: 30.0,
                y: -5.0,
                scale: 0.5
            })
        );
        assert_eq!(pan.release(false), Released::Nothing);
    }

    #[test]
    fn shift_or_alt_on_the_background_draws_a_rubber_band_in_map_units() {
        let add = Press {
            additive: true,
            ..Press::default()
        };
        let mut band = press(Point::new(10.0, 10.0), None, add, &BTreeSet::new(), view()).gesture;
        let Moved::Band(area) = band.move_to(Point::new(0.0, 30.0), None, view()) else {
            panic!("a band")
        };
        assert_eq!(
            (area.x, area.y, area.width, area.height),
            (0.0, 20.0, 20.0, 40.0)
        );
        assert_eq!(band.release(false), Released::SelectBand { additive: true });
        let alt = Press {
            alt_mouse: true,
            ..Press::default()
        };
        let replace = press(Point::new(0.0, 0.0), None, alt, &BTreeSet::new(), view()).gesture;
        assert_eq!(
            replace.release(false),
            Released::SelectBand { additive: false }
        );
    }

    #[test]
    fn a_pinch_zooms_by_how_far_the_fingers_spread_about_their_middle() {
        let mut pinch = pinch(Point::new(0.0, 0.0), Point::new(100.0, 0.0), view());
        let Moved::View(zoomed) = pinch.move_to(
            Point::new(0.0, 0.0),
            Some((Point::new(-50.0, 0.0), Point::new(150.0, 0.0))),
            view(),
        ) else {
            panic!("a new view")
        };
        assert!(
            (zoomed.scale - 1.0).abs() < 1e-9,
            "twice as far apart, twice the zoom"
        );
        assert_eq!(
            zoomed.to_map(Point::new(50.0, 0.0)),
            view().to_map(Point::new(50.0, 0.0))
        );
        assert_eq!(
            pinch.move_to(Point::new(0.0, 0.0), None, view()),
            Moved::Nothing
        );
        assert_eq!(pinch.release(false), Released::Nothing);
    }
}
