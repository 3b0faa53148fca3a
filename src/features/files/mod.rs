//! Files in and out: saving review files, backups, packs and contributions (protected with a
//! passphrase when asked), and opening any Sightline file: the file says what it is.

pub mod open;

pub use open::FileOpener;

use crate::platform::{crypto_worker, files, timing};
use leptos::prelude::*;

/// Where saving a file has got to, for the page to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveProgress {
    Idle,
    Protecting,
    Saved(String),
    Failed(String),
}

/// Offers `text` as a download called `name`, protected with `passphrase` when there is one
/// (as an age file, named `<name>.age`). Protecting takes about a second; it runs in a worker,
/// so the page says so and stays responsive meanwhile.
pub async fn save_text_file(
    name: String,
    text: String,
    passphrase: Option<String>,
    progress: RwSignal<SaveProgress>,
) {
    let (bytes, name, mime) = match passphrase {
        Some(passphrase) => {
            progress.try_set(SaveProgress::Protecting);
            timing::mark("sightline:encrypt-start");
            let sealed = crypto_worker::encrypt(text.into_bytes(), passphrase).await;
            timing::measure("sightline:encrypt", "sightline:encrypt-start");
            (sealed, format!("{name}.age"), "application/octet-stream")
        }
        None => (text.into_bytes(), name, "application/json"),
    };
    let saved = files::download(&name, mime, &bytes);
    // From the caller's "sightline:export-start" (before writing the file's text), if marked.
    timing::measure("sightline:export", "sightline:export-start");
    match saved {
        Ok(()) => progress.try_set(SaveProgress::Saved(name)),
        Err(error) => progress.try_set(SaveProgress::Failed(error.to_string())),
    };
}

/// The line under an export button saying how saving went.
#[component]
pub fn SaveProgressNote(progress: RwSignal<SaveProgress>) -> impl IntoView {
    move || {
        match progress.get() {
        SaveProgress::Idle => ().into_any(),
        SaveProgress::Protecting => view! {
            <p class="app-body" role="status">"Protecting the file with the passphrase\u{2026} this takes a few seconds."</p>
        }
        .into_any(),
        SaveProgress::Saved(name) => view! {
            <p class="app-body" role="status" data-testid="saved-file">
                {format!("Saved \u{201c}{name}\u{201d} to your downloads.")}
            </p>
        }
        .into_any(),
        SaveProgress::Failed(message) => view! {
            <p class="app-error-message" role="alert">{message}</p>
        }
        .into_any(),
    }
    }
}
