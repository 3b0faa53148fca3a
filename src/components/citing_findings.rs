//! The findings that cite a record (an episode, a reflection, a map node), with links, for the
//! record's own page.

use leptos::prelude::*;
use sightline_core::content::RecordKind;
use sightline_core::RecordId;

use crate::routes::{review_section_href, ReviewSection};
use crate::services::session::use_review_session;

/// The findings that cite a record, with links, for the record's own page.
#[component]
pub fn CitingFindings(
    kind: RecordKind,
    id: RecordId,
    /// Inside a panel with its own heading: the title is a level-3 heading.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let citing = Memo::new(move |_| {
        sightline_core::content::findings::findings_citing(&content.read(), kind, id)
            .into_iter()
            .map(|f| (f.id, f.statement.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || !citing.read().is_empty()>
            {if nested {
                view! { <h3 class="app-heading-s" id="citing-findings-heading">"Findings that cite it"</h3> }.into_any()
            } else {
                view! { <h2 class="app-heading-m" id="citing-findings-heading">"Findings that cite it"</h2> }.into_any()
            }}
            <ul class="app-list" aria-labelledby="citing-findings-heading" data-testid="citing-findings">
                {move || citing.get().into_iter().map(|(fid, statement)| view! {
                    <li><a href=review_section_href(review_id, ReviewSection::Finding(fid))>{statement}</a></li>
                }).collect_view()}
            </ul>
        </Show>
    }
}
