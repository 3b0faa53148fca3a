//! Small preferences kept in localStorage through `gloo-storage`. Nothing about a case is kept
//! here: only conveniences such as the last committee name typed.

use gloo_storage::{LocalStorage, Storage};

const LAST_COMMITTEE_KEY: &str = "sightline.last-committee";

/// The committee named on the last review created in this browser, if any.
pub fn last_committee() -> Option<String> {
    LocalStorage::get::<String>(LAST_COMMITTEE_KEY)
        .ok()
        .filter(|name| !name.trim().is_empty())
}

/// Remembers the committee for the next new review. A failure (storage turned off) only loses
/// the convenience, so it is ignored.
pub fn remember_committee(name: &str) {
    if name.trim().is_empty() {
        return;
    }
    let _ = LocalStorage::set(LAST_COMMITTEE_KEY, name);
}
