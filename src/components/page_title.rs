//! The browser tab's title, which screen readers announce after each navigation.

use leptos::prelude::*;

/// Keeps `document.title` as "<page> – Sightline" while the calling component is shown. The
/// tab shows the title where nothing isolates it, so direction controls (an unclosed
/// right-to-left override would reverse " – Sightline") are taken out, and a long title is cut.
pub fn use_page_title(page: impl Fn() -> String + Send + Sync + 'static) {
    Effect::new(move |_| {
        let page = sightline_core::markup::strip_bidi_controls(&page());
        let title = format!(
            "{} \u{2013} Sightline",
            sightline_core::text::shown_title(&page)
        );
        crate::platform::dom::set_title(&title);
    });
}
