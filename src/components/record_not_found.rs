//! The page for a record that is not there: "Episode not found", why, and where to go instead.

use leptos::prelude::*;

/// Says that a record (or a review, or a pack) at this address is not here.
#[component]
pub fn RecordNotFound(
    /// What is missing, capitalised: "Episode", "Finding".
    what: &'static str,
    /// Why it may not be here.
    #[prop(default = "It may have been deleted.")]
    why: &'static str,
    /// Where to go instead, and the link's words.
    #[prop(optional)]
    back: Option<(String, &'static str)>,
) -> impl IntoView {
    view! {
        <h1 class="app-heading-l">{format!("{what} not found")}</h1>
        <p class="app-body">{why}</p>
        {back.map(|(href, text)| view! { <p><a href=href>{text}</a></p> })}
    }
}
