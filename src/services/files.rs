//! Saving a file to the person's computer, protected with a passphrase when asked (the
//! passphrase work runs in a Web Worker, so the page stays responsive).

use leptos::prelude::*;

use crate::platform::{crypto_worker, files, timing};

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
