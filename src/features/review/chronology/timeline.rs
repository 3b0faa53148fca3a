//! The chronology as a timeline: one lane per agency, a mark per event. Choosing a mark shows
//! that event in the list below, where it can be read and changed with the keyboard.

use leptos::prelude::*;
use sightline_core::content::chronology::timeline_layout;
use sightline_core::dates::format_uk_date;
use sightline_core::RecordId;

use crate::services::session::use_review_session;

const LEFT: f64 = 170.0;
const WIDTH: f64 = 1000.0;
const LANE: f64 = 36.0;
const TOP: f64 = 28.0;

/// The timeline of the events that match the chronology's filter.
#[component]
pub fn Timeline(
    /// The events to show, in order.
    matching: Memo<Vec<RecordId>>,
    /// Called with an event when its mark is chosen.
    on_pick: impl Fn(RecordId) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let content = use_review_session().content();
    let layout = Memo::new(move |_| timeline_layout(&content.read(), &matching.read()));
    move || match layout.get() {
        None => {
            view! { <p class="app-body">"No dated events to show on a timeline."</p> }.into_any()
        }
        Some(layout) => {
            let height = TOP + LANE * layout.lanes.len() as f64 + 10.0;
            let x = move |position: f64| LEFT + position * (WIDTH - LEFT - 20.0);
            let summary = format!(
                "Timeline of {} events across {} lanes, from {} to {}. Choose a mark to show the event in the list below.",
                layout.marks.len(),
                layout.lanes.len(),
                format_uk_date(layout.start),
                format_uk_date(layout.end)
            );
            view! {
                <p class="app-hint" id="timeline-summary">
                    {summary}
                    {(layout.undated > 0).then(|| format!(" {} undated events are not on it.", layout.undated))}
                </p>
                <div class="app-timeline">
                    <svg
                        viewBox=format!("0 0 {WIDTH} {height}")
                        role="img"
                        aria-labelledby="timeline-summary"
                        data-testid="timeline"
                    >
                        {layout.years.iter().map(|(year, position)| view! {
                            <line class="app-timeline__year" x1=x(*position) x2=x(*position) y1="14" y2=height />
                            <text class="app-timeline__year-label" x=x(*position) + 3.0 y="12">{year.to_string()}</text>
                        }).collect_view()}
                        {layout.lanes.iter().enumerate().map(|(i, lane)| {
                            let y = TOP + LANE * i as f64 + LANE / 2.0;
                            view! {
                                <line class="app-timeline__lane" x1=LEFT x2=WIDTH - 10.0 y1=y y2=y />
                                <text class="app-timeline__lane-label" x="4" y=y + 4.0>{lane.clone()}</text>
                            }
                        }).collect_view()}
                        {layout.marks.into_iter().map(|mark| {
                            let id = mark.id;
                            let y = TOP + LANE * mark.lane as f64 + LANE / 2.0;
                            view! {
                                <circle
                                    class="app-timeline__mark"
                                    cx=x(mark.position)
                                    cy=y
                                    r="6"
                                    data-event=id.to_string()
                                    on:click=move |_| on_pick(id)
                                >
                                    <title>{mark.label}</title>
                                </circle>
                            }
                        }).collect_view()}
                    </svg>
                </div>
            }
            .into_any()
        }
    }
}
