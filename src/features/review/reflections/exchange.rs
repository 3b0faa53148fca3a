//! Sending a reflection out and taking answers in: "Export reflection pack" for practitioners
//! to answer on their own laptops, and "Import contributions" for the files they send back.

use std::sync::Arc;

use leptos::prelude::*;
use sightline_core::format::encryption;
use sightline_core::format::pack::{apply_contribution, make_pack, read_contribution, write_pack};
use sightline_core::format::{file_name, FileError};
use sightline_core::RecordId;

use crate::components::passphrase::{Protection, ProtectionFields};
use crate::components::Field;
use crate::components::SaveProgressNote;
use crate::platform::ids::BrowserIds;
use crate::platform::{clock, files};
use crate::services::files::{save_text_file, SaveProgress};
use crate::services::session::use_review_session;

/// The reflection page's section for packs and contributions.
#[component]
pub fn PackExchange(reflection: RecordId) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let episodes = Memo::new(move |_| {
        content.with_untracked(|c| {
            c.episodes
                .iter()
                .map(|e| (e.id, e.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(Vec::<RecordId>::new());
    let with_chronology = RwSignal::new(false);
    let protection = Protection::new();
    let progress = RwSignal::new(SaveProgress::Idle);

    let export = move |_| {
        let Ok(passphrase) = protection.checked() else {
            return;
        };
        let review = session.review().get_untracked();
        let pack = content.with_untracked(|c| {
            make_pack(
                &review,
                c,
                reflection,
                &chosen.get_untracked(),
                with_chronology.get_untracked(),
            )
        });
        let Some(pack) = pack else { return };
        let text = write_pack(&pack, clock::now(), crate::APP_VERSION);
        let name = file_name(
            &format!("{} pack {}", review.title, pack.reflection.title),
            clock::today(),
            ".sightline.json",
            false,
        );
        leptos::task::spawn_local(save_text_file(name, text, passphrase, progress));
    };

    // Importing contributions, one file after another; protected ones ask for the passphrase.
    let results = RwSignal::new(Vec::<String>::new());
    let waiting = RwSignal::new(None::<(String, Arc<Vec<u8>>)>);
    let passphrase = RwSignal::new(String::new());
    let passphrase_error = RwSignal::new(None::<String>);
    // Whether the passphrase work is under way (in a worker, so the page stays usable).
    let unlocking = RwSignal::new(false);
    let apply = move |name: String, bytes: &[u8]| {
        let message = match read_contribution(bytes) {
            Ok(contribution) => {
                let review_id = session.review().read_untracked().id;
                let mut outcome = None;
                let mut failure = None;
                session.change_content(|c| {
                    match apply_contribution(
                        review_id,
                        c,
                        &contribution.value,
                        &mut BrowserIds,
                        clock::now(),
                    ) {
                        Ok(done) => {
                            let changes = done.changes.clone();
                            outcome = Some(done);
                            changes
                        }
                        Err(error) => {
                            failure = Some(error);
                            Vec::new()
                        }
                    }
                });
                match (outcome, failure) {
                    (Some(done), _) if done.reflection_differs(reflection) => {
                        format!("{name}: these answers are for another reflection in this review; they were added there.")
                    }
                    (Some(done), _) => {
                        let mut text = format!(
                            "{name}: from {}, {} added, {} updated, {} already here.",
                            done.role, done.added, done.updated, done.unchanged
                        );
                        for left in done.left_out {
                            text.push(' ');
                            text.push_str(&left);
                            text.push('.');
                        }
                        text
                    }
                    (None, Some(error)) => format!("{name}: {error}"),
                    (None, None) => format!("{name}: nothing to import."),
                }
            }
            Err(error) => format!("{name}: {error}"),
        };
        results.update(|r| r.push(message));
    };
    let choose = move |ev: leptos::ev::Event| {
        let chosen_files = files::chosen_files(&ev);
        if chosen_files.is_empty() {
            return;
        }
        results.set(Vec::new());
        leptos::task::spawn_local(async move {
            for file in chosen_files {
                let name = file.name();
                match files::read_bytes(&file, sightline_core::format::MAX_FILE_BYTES).await {
                    Ok(bytes) if encryption::is_encrypted(&bytes) => {
                        waiting.set(Some((name, Arc::new(bytes))));
                        request_animation_frame(|| {
                            crate::platform::dom::focus_element("contribution-passphrase")
                        });
                        // One protected file at a time: the rest wait for the person.
                        return;
                    }
                    Ok(bytes) => apply(name, &bytes),
                    Err(error) => results.update(|r| r.push(format!("{name}: {error}"))),
                }
            }
        });
    };
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((name, bytes)) = waiting.get_untracked() else {
            return;
        };
        let typed = passphrase.get_untracked();
        unlocking.set(true);
        leptos::task::spawn_local(async move {
            let (_, work) = crate::platform::crypto_worker::decrypt(bytes.clone(), typed);
            let opened = work.await;
            unlocking.set(false);
            match opened.map_err(|e| match e {
                crate::platform::crypto_worker::CryptoError::File(error) => error,
                crate::platform::crypto_worker::CryptoError::Cancelled => {
                    FileError::EncryptedDamaged
                }
            }) {
                Ok(plain) => {
                    waiting.set(None);
                    passphrase.set(String::new());
                    passphrase_error.set(None);
                    apply(name, &plain);
                }
                Err(FileError::WrongPassphrase) => {
                    passphrase_error.set(Some(FileError::WrongPassphrase.to_string()))
                }
                Err(error) => {
                    waiting.set(None);
                    results.update(|r| r.push(format!("{name}: {error}")));
                }
            }
        });
    };

    view! {
        <h2 class="app-heading-m" id="pack-heading">"Answers from practitioners\u{2019} own laptops"</h2>
        <p class="app-body">
            "Export a reflection pack for practitioners to answer on their own laptops. It holds this reflection\u{2019}s questions and roles, and the episodes you choose: never anyone\u{2019}s answers. They send back their contribution, which you import here."
        </p>
        <Show when=move || !episodes.read().is_empty()>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"Episodes to include"</legend>
                <div class="app-checkboxes">
                    {move || episodes.get().into_iter().map(|(id, title)| {
                        let box_id = format!("pack-episode-{id}");
                        view! {
                            <div class="app-checkboxes__item">
                                <input class="app-checkboxes__input" type="checkbox" id=box_id.clone()
                                    prop:checked=move || chosen.read().contains(&id)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|c| { c.retain(|x| *x != id); if on { c.push(id); } });
                                    }
                                />
                                <label class="app-label app-checkboxes__label" for=box_id>{title}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="app-checkboxes__item">
                <input class="app-checkboxes__input" type="checkbox" id="pack-chronology"
                    prop:checked=move || with_chronology.get()
                    on:change=move |ev| with_chronology.set(event_target_checked(&ev))
                />
                <label class="app-label app-checkboxes__label" for="pack-chronology">"Include a short chronology of the chosen episodes\u{2019} events"</label>
            </div>
        </Show>
        <ProtectionFields protection id_prefix="pack" />
        <button type="button" class="app-button app-button--secondary" on:click=export>"Export reflection pack"</button>
        <SaveProgressNote progress />

        <div class="app-form-group">
            <label class="app-label app-label--bold" for="import-contributions">"Import contributions"</label>
            <div class="app-hint" id="import-contributions-hint">"Choose one or more contribution files. Importing the same one twice changes nothing."</div>
            <input class="app-file-upload" id="import-contributions" type="file" multiple accept=".json,.age,application/json"
                aria-describedby="import-contributions-hint" on:change=choose />
        </div>
        {move || waiting.get().map(|(name, _)| view! {
            <form class="app-inline-form" novalidate on:submit=unlock>
                <p class="app-body">{format!("\u{201c}{name}\u{201d} is protected with a passphrase.")}</p>
                <Field id="contribution-passphrase" label="Passphrase" error=Signal::derive(move || passphrase_error.get())>
                    <input class="app-input app-input--width-20" id="contribution-passphrase" type="password" autocomplete="off"
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))
                    />
                </Field>
                <button type="submit" class="app-button" disabled=move || unlocking.get()>"Open the file"</button>
                <Show when=move || unlocking.get()>
                    <p class="app-body" role="status">"Unlocking the file\u{2026} this can take a few seconds."</p>
                </Show>
            </form>
        })}
        <Show when=move || !results.read().is_empty()>
            <div class="app-notification-banner app-notification-banner--success" role="status" data-testid="contribution-results">
                <ul class="app-list">{move || results.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}
