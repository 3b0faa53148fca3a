//! Reading something from the browser once, for a page to show when it arrives.

use std::future::Future;

use leptos::prelude::*;

/// Starts `load` now and returns its result as a signal: `None` until it finishes.
///
/// Sightline's pages read storage once when they open, so this plain signal does what a
/// `LocalResource` would, at a fraction of the code size in the built app (the size budget
/// matters on slow council networks).
pub fn load_once<T>(load: impl Future<Output = T> + 'static) -> ReadSignal<Option<T>>
where
    T: Send + Sync + 'static,
{
    let (value, set_value) = signal(None);
    leptos::task::spawn_local(async move {
        let loaded = load.await;
        // The page may have closed while it loaded; then there is nobody to tell.
        set_value.try_set(Some(loaded));
    });
    value
}
