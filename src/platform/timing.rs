//! User Timing marks (`performance.mark` / `performance.measure`), so benchmarks and the
//! browser's performance panel can see how long the app's own work takes. Costs microseconds.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Marks the start of something to be measured.
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Records a measure called `name` from the mark `start` until now, and removes the mark so a
/// later measure cannot start from it by mistake. Nothing is recorded without the mark.
pub fn measure(name: &str, start: &str) {
    if let Some(performance) = performance() {
        let _ = performance.measure_with_start_mark(name, start);
        performance.clear_marks_with_mark_name(start);
    }
}
