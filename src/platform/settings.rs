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

const AFTER_RELOAD_KEY: &str = "sightline.after-reload";

/// Leaves a message for the page to show after the reload that follows (sessionStorage: this
/// tab only, gone when it closes). It holds no case details, only what happened.
pub fn leave_message_for_reload(text: &str) {
    let _ = gloo_storage::SessionStorage::set(AFTER_RELOAD_KEY, text);
}

/// The message left before the last reload, taken once.
pub fn take_message_after_reload() -> Option<String> {
    let text = gloo_storage::SessionStorage::get::<String>(AFTER_RELOAD_KEY).ok();
    gloo_storage::SessionStorage::delete(AFTER_RELOAD_KEY);
    text
}

/// Reloads the page.
pub fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// A preference kept as JSON under `key`, if there is one that reads as `T`.
pub fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get::<T>(key).ok()
}

/// Keeps a preference as JSON under `key`. A failure (storage turned off) only loses the
/// convenience, so it is ignored.
pub fn save<T: serde::Serialize>(key: &str, value: &T) {
    let _ = LocalStorage::set(key, value);
}
