//! The browser's address bar and history: reading the current path, pushing a new one, and
//! hearing about the back and forward buttons and about clicks on the app's own links.
//!
//! Sightline's pages are ordinary links (`<a href="/reviews/…">`), so they work with the
//! keyboard, open in a new tab, and survive a reload. A click on one is caught here and turned
//! into a history entry instead of a page load.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement, MouseEvent};

fn window() -> web_sys::Window {
    web_sys::window().expect("Sightline runs in a browser window")
}

/// The path, query and fragment of the current address, such as
/// `/reviews/…/chronology#event-…`.
pub fn current_address() -> String {
    let location = window().location();
    format!(
        "{}{}{}",
        location.pathname().unwrap_or_else(|_| "/".to_owned()),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    )
}

/// Adds `path` to the history and shows it in the address bar, without loading a page.
pub fn push(path: &str) {
    let window = window();
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(path));
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// Calls `on_change` with the new path when the person goes back or forward.
pub fn on_back_or_forward(on_change: impl Fn(String) + 'static) {
    let listener = Closure::<dyn Fn()>::new(move || on_change(current_address()));
    let _ =
        window().add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    // Lives as long as the page.
    listener.forget();
}

/// The same-origin path a click should navigate to in place, or `None` when the browser should
/// handle it itself (another site, a new tab or window, a download, a link to a file).
fn in_app_target(event: &MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let target: Element = event.target()?.dyn_into().ok()?;
    let anchor: HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return None;
    }
    let location = window().location();
    if anchor.origin() != location.origin().ok()? {
        return None;
    }
    let path = anchor.pathname();
    // Links within the page (the skip link, error summary links) and links to files are left
    // to the browser.
    let same_page = path == location.pathname().ok()? && !anchor.hash().is_empty();
    let is_file = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    if same_page || is_file {
        return None;
    }
    Some(format!("{path}{}{}", anchor.search(), anchor.hash()))
}

/// Calls `on_navigate` with the path of every click on one of the app's own links, after
/// adding it to the history.
pub fn intercept_link_clicks(on_navigate: impl Fn(String) + 'static) {
    let listener = Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| {
        if let Some(path) = in_app_target(&event) {
            event.prevent_default();
            if path != current_address() {
                push(&path);
            }
            on_navigate(path);
        }
    });
    let _ = window()
        .document()
        .expect("a window has a document")
        .add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
    listener.forget();
}
