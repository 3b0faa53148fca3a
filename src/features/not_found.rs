//! The page for an address the app does not know.

use leptos::prelude::*;

use crate::components::use_page_title;

/// "Page not found", with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_title(|| "Page not found".to_owned());
    view! {
        <h1 class="app-heading-l">"Page not found"</h1>
        <p>"If you typed the address, check it is correct."</p>
        <p>
            <a href="/">"Go to your reviews"</a>
        </p>
    }
}
