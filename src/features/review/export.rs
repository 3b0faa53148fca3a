//! Exporting a review as a file, plain or protected with a passphrase.

use leptos::prelude::*;
use sightline_core::format::{file_name, write_review_file};

use crate::components::passphrase::{Protection, ProtectionFields};
use crate::components::SaveProgressNote;
use crate::platform::clock;
use crate::services::files::{save_text_file, SaveProgress};
use crate::services::session::use_review_session;

/// The "Review file" section of the Overview.
#[component]
pub fn ExportReview() -> impl IntoView {
    let session = use_review_session();
    let protection = Protection::new();
    let progress = RwSignal::new(SaveProgress::Idle);
    let export = move |_| {
        let Ok(passphrase) = protection.checked() else {
            return;
        };
        crate::platform::timing::mark("sightline:export-start");
        let review = session.review_as_saved();
        let now = clock::now();
        let text = session
            .content()
            .with_untracked(|content| write_review_file(&review, content, now, crate::APP_VERSION));
        let name = file_name(&review.title, clock::today(), ".sightline.json", false);
        // This copy and the one sent out agree as of now: a later merge of the file, changed
        // elsewhere, can tell whose changes are whose.
        session.mark_synced(now);
        leptos::task::spawn_local(save_text_file(name, text, passphrase, progress));
    };
    view! {
        <h2 class="app-heading-m" id="review-file-heading">"Review file"</h2>
        <p class="app-body">
            "Save the whole review as a file, to keep as a copy or to send to a colleague, who opens it with \u{201c}Open a file\u{201d} on their Reviews page."
        </p>
        <ProtectionFields protection id_prefix="" />
        <button type="button" class="app-button" on:click=export>"Export review file"</button>
        <SaveProgressNote progress />
    }
}
