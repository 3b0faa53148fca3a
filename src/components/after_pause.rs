//! Work that follows typing once it pauses: a check or a redraw that costs too much for every
//! key is scheduled on each change, and only the last one scheduled runs.

use leptos::prelude::*;

/// Runs the last work given to [`AfterPause::schedule`] once `ms` milliseconds have passed
/// with nothing newer scheduled.
#[derive(Clone, Copy)]
pub struct AfterPause {
    generation: StoredValue<u64>,
    ms: u64,
}

impl AfterPause {
    pub fn new(ms: u64) -> Self {
        Self {
            generation: StoredValue::new(0),
            ms,
        }
    }

    /// Runs `work` after the pause, unless something else is scheduled first (or the page
    /// that owns this has gone).
    pub fn schedule(&self, work: impl FnOnce() + 'static) {
        let generation = self.generation;
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(this) {
                    work();
                }
            },
            std::time::Duration::from_millis(self.ms),
        );
    }
}
