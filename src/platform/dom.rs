//! The page itself: its title, keyboard focus, text selection, printing, and reading what an
//! event's target is. Components call these instead of the DOM, so that the DOM is touched only
//! here.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn element(id: &str) -> Option<web_sys::Element> {
    document().and_then(|d| d.get_element_by_id(id))
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Moves keyboard focus to the element with `id`, scrolling it into view, as the skip link
/// and error summary links do.
pub fn focus_element(id: &str) {
    if let Some(element) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Moves keyboard focus to the element with `id` without scrolling the page (the map's canvas
/// brings its nodes into view itself, by panning).
pub fn focus_without_scrolling(id: &str) {
    let Some(element) = element(id) else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
    if let Ok(focus) = js_sys::Reflect::get(&element, &"focus".into()) {
        if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
            let _ = focus.call1(&element, &options);
        }
    }
}

/// What has keyboard focus: its id, and whether it is a form control (which keeps focus).
pub fn focused() -> Option<(String, bool)> {
    let active = document()?.active_element()?;
    let control = matches!(
        active.tag_name().as_str(),
        "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON"
    );
    Some((active.id(), control))
}

/// Focuses the text field with `id` and selects UTF-16 units `start..end` of its text.
pub fn select_text(id: &str, start: u32, end: u32) {
    let Some(element) = element(id) else {
        return;
    };
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        let _ = area.set_selection_range(start, end);
    } else if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        let _ = input.set_selection_range(start, end);
    }
}

/// Opens the browser's print dialogue.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Whether the `<details>` whose toggle fired `event` is now open.
pub fn details_open(event: &web_sys::Event) -> Option<bool> {
    event
        .target()?
        .dyn_into::<web_sys::HtmlDetailsElement>()
        .ok()
        .map(|d| d.open())
}

/// Where `element`'s top-left corner is on screen, in CSS pixels.
pub fn top_left(element: &web_sys::Element) -> (f64, f64) {
    let rect = element.get_bounding_client_rect();
    (rect.left(), rect.top())
}

/// `element`'s width and height on screen, in CSS pixels.
pub fn size_of(element: &web_sys::Element) -> (f64, f64) {
    let rect = element.get_bounding_client_rect();
    (rect.width(), rect.height())
}

/// The value of `attribute` on the element `event` happened on or its nearest ancestor with it.
pub fn attribute_under(event: &web_sys::Event, attribute: &str) -> Option<String> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    element
        .closest(&format!("[{attribute}]"))
        .ok()??
        .get_attribute(attribute)
}

/// The tag name of the element `event` happened on, in lower case for SVG ("svg").
pub fn target_tag(event: &web_sys::Event) -> Option<String> {
    event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()
        .map(|e| e.tag_name())
}

/// Whether `event` came from inside a text field (input, text area or list), whose own keys
/// must not be taken over.
pub fn from_text_field(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Empties the file input that fired `event`, so that choosing the same file again still
/// starts over.
pub fn clear_file_input(event: &web_sys::Event) {
    if let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
}

/// Calls `listener` whenever the page is hidden or shown (switching tabs, closing the laptop),
/// for as long as the page lives.
pub fn on_visibility_change(listener: fn()) {
    use wasm_bindgen::prelude::*;
    if let Some(document) = document() {
        let on_visibility = Closure::<dyn FnMut()>::new(listener);
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        // Lives as long as the page.
        on_visibility.forget();
    }
}

/// Puts `text` on the clipboard, as the person's click asked. `false` when the browser refused
/// (no permission, or an older browser); the caller then selects the text for Ctrl+C.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
