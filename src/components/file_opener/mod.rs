//! Opening a file: plain or protected (told apart by content, not name), any kind Sightline
//! writes. Before anything is stored the person sees what the file holds and every repair the
//! reader made, and chooses what to do; a file that cannot be read changes nothing.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use sightline_core::format::merge::{with_new_ids, MergePlan, Side};
use sightline_core::format::{
    describe_counts, encryption, read_any, read_backup, AnyFile, Backup, FileError, Imported,
    ReviewFile, MAX_FILE_BYTES,
};
use sightline_core::ReviewId;

use crate::components::ErrorMessage;
mod steps;

use crate::components::Field;
use crate::platform::crypto_worker::{self, CryptoError};
use crate::platform::ids::BrowserIds;
use crate::platform::{clock, files, timing};
use crate::routes::{review_section_href, use_navigator, ReviewSection, Route};
use crate::services::import::{self, plural};
use crate::services::packs::save_pack_draft;
use steps::{BackupChoices, FileSummary, MergeChoices};

/// What the opener is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenFor {
    /// "Open a file": any kind of Sightline file.
    Anything,
    /// "Restore from backup": backups only.
    Backup,
}

/// A file given to the opener by its page: its name and bytes, or why it could not be read.
pub type IncomingFile = Result<(String, Arc<Vec<u8>>), String>;

/// Where opening a file has got to.
#[derive(Clone, PartialEq)]
enum Step {
    Choose,
    Working(String),
    /// The passphrase work is under way (in a worker): the page can be used, and it can be
    /// cancelled.
    Unlocking(String),
    Passphrase {
        name: String,
        bytes: Arc<Vec<u8>>,
        error: Option<String>,
    },
    Review {
        file: Box<Imported<ReviewFile>>,
        here: Option<String>,
    },
    Merge {
        plan: Box<MergePlan>,
        choices: Vec<Option<Side>>,
        file: Box<Imported<ReviewFile>>,
    },
    Backup {
        file: Imported<Backup>,
        here: BTreeSet<ReviewId>,
        chosen: BTreeSet<ReviewId>,
        replace: bool,
    },
    Done {
        message: String,
        link: Option<(String, String)>,
    },
}

/// The file picker and everything after it. `incoming` starts it with a file dropped on the
/// page.
#[component]
pub fn FileOpener(
    open_for: OpenFor,
    /// A file to open, given by the page (dropped onto it), or why it could not be read.
    incoming: RwSignal<Option<IncomingFile>>,
    /// Called after something was stored, so the page can refresh its list.
    on_stored: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let step = RwSignal::new(Step::Choose);
    let error = RwSignal::new(None::<String>);
    let navigator = use_navigator();
    let input_id = match open_for {
        OpenFor::Anything => "open-file",
        OpenFor::Backup => "restore-file",
    };

    // How many outcomes (a message, a summary, a passphrase asked for, a result) the opener
    // has shown, on the panel as `data-outcomes`: what comes of the file just chosen is told
    // apart from what the one before left on the page.
    let outcomes = RwSignal::new(0u32);
    let fail = move |message: String| {
        error.set(Some(message));
        step.set(Step::Choose);
        outcomes.update(|n| *n += 1);
    };
    Effect::new(move |shown: Option<Option<std::mem::Discriminant<Step>>>| {
        let now = step.with(|s| {
            matches!(
                s,
                Step::Passphrase { .. }
                    | Step::Review { .. }
                    | Step::Backup { .. }
                    | Step::Done { .. }
            )
            .then(|| std::mem::discriminant(s))
        });
        if now.is_some() && shown.flatten() != now {
            outcomes.update(|n| *n += 1);
        }
        now
    });

    // Reads plain bytes: what kind of file, then the step for it.
    let dispatch = move |_name: String, bytes: Arc<Vec<u8>>| {
        leptos::task::spawn_local(async move {
            // Read once (checks, repairs and all), measured for the benchmark as
            // "sightline:import-read". Restore takes backups only, and says so before reading on.
            timing::mark("sightline:import-read-start");
            let read = match open_for {
                OpenFor::Anything => read_any(&bytes, &mut BrowserIds),
                OpenFor::Backup => read_backup(&bytes, &mut BrowserIds).map(AnyFile::Backup),
            };
            timing::measure("sightline:import-read", "sightline:import-read-start");
            let file = match read {
                Ok(file) => file,
                Err(problem) => return fail(problem.to_string()),
            };
            match file {
                AnyFile::Review(file) => {
                    let here = match import::title_here(file.value.review.id).await {
                        Ok(title) => title,
                        Err(problem) => return fail(problem),
                    };
                    step.set(Step::Review {
                        file: Box::new(file),
                        here,
                    });
                }
                AnyFile::Backup(file) => {
                    let here = match import::reviews_here().await {
                        Ok(here) => here,
                        Err(problem) => return fail(problem),
                    };
                    let chosen = file.value.reviews.iter().map(|r| r.review.id).collect();
                    step.set(Step::Backup {
                        file,
                        here,
                        chosen,
                        replace: false,
                    });
                }
                AnyFile::ReflectionPack(pack) => {
                    let reflection = pack.value.reflection.id;
                    match save_pack_draft(&pack.value).await {
                        Ok(()) => navigator.go(Route::Pack(reflection)),
                        Err(problem) => fail(problem.to_string()),
                    }
                }
                AnyFile::Contribution(contribution) => {
                    let contribution = contribution.value;
                    let result = import::add_contribution(contribution).await;
                    match result {
                        Ok((outcome, review, reflection)) => step.set(Step::Done {
                            message: import::contribution_message(&outcome),
                            link: Some((
                                review_section_href(review, ReviewSection::Reflection(reflection)),
                                "Go to the reflection".into(),
                            )),
                        }),
                        Err(message) => fail(message),
                    }
                }
            }
        });
    };

    let start = move |name: String, bytes: Arc<Vec<u8>>| {
        error.set(None);
        if bytes.len() > MAX_FILE_BYTES {
            return fail(FileError::TooLarge.to_string());
        }
        if encryption::is_encrypted(&bytes) {
            step.set(Step::Passphrase {
                name,
                bytes,
                error: None,
            });
            request_animation_frame(|| crate::platform::dom::focus_element("open-passphrase"));
        } else {
            step.set(Step::Working(format!(
                "Reading \u{201c}{name}\u{201d}\u{2026}"
            )));
            dispatch(name, bytes);
        }
    };
    Effect::new(move |_| match incoming.get() {
        Some(Ok((name, bytes))) => {
            incoming.set(None);
            start(name, bytes);
        }
        Some(Err(problem)) => {
            incoming.set(None);
            fail(problem);
        }
        None => {}
    });

    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = files::chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        step.set(Step::Working(format!(
            "Reading \u{201c}{name}\u{201d}\u{2026}"
        )));
        leptos::task::spawn_local(async move {
            match files::read_bytes(&file, MAX_FILE_BYTES).await {
                Ok(bytes) => start(name, Arc::new(bytes)),
                Err(problem) => fail(problem.to_string()),
            }
        });
    };

    let passphrase = RwSignal::new(String::new());
    // The passphrase work under way, so that Cancel can stop it.
    let unlocking = StoredValue::new_local(None::<crypto_worker::Canceller>);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Step::Passphrase { name, bytes, .. } = step.get_untracked() else {
            return;
        };
        let typed = passphrase.get_untracked();
        step.set(Step::Unlocking(name.clone()));
        timing::mark("sightline:decrypt-start");
        let (canceller, work) = crypto_worker::decrypt(bytes.clone(), typed);
        unlocking.set_value(Some(canceller));
        leptos::task::spawn_local(async move {
            let opened = work.await;
            unlocking.set_value(None);
            timing::measure("sightline:decrypt", "sightline:decrypt-start");
            match opened {
                Err(CryptoError::Cancelled) => {}
                Ok(plain) => {
                    passphrase.set(String::new());
                    dispatch(name, Arc::new(plain));
                }
                Err(CryptoError::File(FileError::WrongPassphrase)) => {
                    step.set(Step::Passphrase {
                        name,
                        bytes,
                        error: Some(FileError::WrongPassphrase.to_string()),
                    });
                    request_animation_frame(|| {
                        crate::platform::dom::focus_element("open-passphrase")
                    });
                }
                Err(CryptoError::File(problem)) => fail(problem.to_string()),
            }
        });
    };
    let cancel_unlock = move |_| {
        if let Some(canceller) = unlocking.get_value() {
            canceller.cancel();
        }
        unlocking.set_value(None);
        step.set(Step::Choose);
    };

    // Storing, once the person has chosen.
    let finish = move |result: Result<(String, ReviewId), String>| match result {
        Ok((message, id)) => {
            on_stored();
            step.set(Step::Done {
                message,
                link: Some((
                    review_section_href(id, ReviewSection::Overview),
                    "Open the review".into(),
                )),
            });
            request_animation_frame(|| crate::platform::dom::focus_element("open-result"));
        }
        Err(message) => fail(message),
    };
    // A review imported from a file agrees with it as of now, by this computer's clock: a
    // later merge judges this copy's changes against that moment (see `merge`). A copy kept
    // beside another has never agreed with anything.
    let import_new = move |file: ReviewFile, synced_at, replace: bool| {
        leptos::task::spawn_local(async move {
            finish(import::store_new(file, synced_at, replace).await);
        });
    };
    let keep_both = move |file: ReviewFile| {
        let copy = with_new_ids(file, &mut BrowserIds);
        import_new(copy, None, false);
    };
    let start_merge = move |file: Imported<ReviewFile>| {
        leptos::task::spawn_local(async move {
            match import::plan_merge_with_stored(&file.value).await {
                Ok(plan) => {
                    let choices = vec![None; plan.conflicts.len()];
                    step.set(Step::Merge {
                        plan: Box::new(plan),
                        choices,
                        file: Box::new(file),
                    });
                }
                Err(problem) => fail(problem),
            }
        });
    };
    let finish_merge = move |_| {
        let Step::Merge {
            plan,
            choices,
            file,
        } = step.get_untracked()
        else {
            return;
        };
        if choices.iter().any(Option::is_none) {
            error.set(Some(
                "Choose which version to keep for every difference below.".into(),
            ));
            return;
        }
        error.set(None);
        let choices: Vec<Side> = choices.into_iter().flatten().collect();
        leptos::task::spawn_local(async move {
            let result = import::finish_merge(*plan, &choices, file.value.review.id).await;
            finish(result);
        });
    };
    let restore_backup = move |_| {
        let Step::Backup {
            file,
            here,
            chosen,
            replace,
        } = step.get_untracked()
        else {
            return;
        };
        if chosen.is_empty() {
            error.set(Some("Choose at least one review to restore.".into()));
            return;
        }
        leptos::task::spawn_local(async move {
            let settings = file.value.settings;
            let result = import::restore_backup(file.value.reviews, &chosen, &here, replace).await;
            let settings_note = match (&result, settings) {
                (Ok(_), Some(settings)) => import::restore_settings(&settings).await,
                _ => String::new(),
            };
            match result {
                Ok(count) => {
                    on_stored();
                    step.set(Step::Done {
                        message: format!(
                            "Restored {}.{settings_note}",
                            plural(count, "review", "reviews")
                        ),
                        link: Some(("/".into(), "Go to your reviews".into())),
                    });
                    request_animation_frame(|| crate::platform::dom::focus_element("open-result"));
                }
                Err(message) => fail(message),
            }
        });
    };

    let label = match open_for {
        OpenFor::Anything => "Open a file",
        OpenFor::Backup => "Restore from backup",
    };
    let hint = match open_for {
        OpenFor::Anything => "A review file, a backup, a reflection pack or a contribution, plain or protected with a passphrase (.sightline.json or .sightline.json.age).",
        OpenFor::Backup => "A backup file made with \u{201c}Back up everything\u{201d}, plain or protected with a passphrase.",
    };

    view! {
        <div class="app-file-opener" data-testid=format!("{input_id}-panel") data-outcomes=move || outcomes.get()>
            <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
                <label class="app-label app-label--bold" for=input_id>{label}</label>
                <div class="app-hint" id=format!("{input_id}-hint")>{hint}</div>
                <ErrorMessage id=format!("{input_id}-error") message=Signal::derive(move || error.get()) />
                <input class="app-file-upload" id=input_id type="file" accept=".json,.age,application/json"
                    aria-describedby=move || if error.get().is_some() { format!("{input_id}-hint {input_id}-error") } else { format!("{input_id}-hint") }
                    on:change=choose
                    on:click=move |ev| {
                        // Choosing the same file again must still start over.
                        crate::platform::dom::clear_file_input(&ev);
                    }
                />
            </div>
            {move || match step.get() {
                Step::Choose => ().into_any(),
                Step::Working(message) => view! { <p class="app-body" role="status">{message}</p> }.into_any(),
                Step::Unlocking(name) => view! {
                    <div class="app-inline-form" data-testid="unlocking">
                        <p class="app-body" role="status">
                            {format!("Unlocking \u{201c}{}\u{201d}\u{2026} this can take a few seconds. You can go on using Sightline meanwhile.", sightline_core::markup::quoted(&name))}
                        </p>
                        <button type="button" class="app-button app-button--secondary" on:click=cancel_unlock>"Cancel"</button>
                    </div>
                }.into_any(),
                Step::Passphrase { name, error: wrong, .. } => view! {
                    <form class="app-inline-form" novalidate on:submit=unlock>
                        <p class="app-body">{format!("\u{201c}{name}\u{201d} is protected with a passphrase.")}</p>
                        <Field id="open-passphrase" label="Passphrase" error=Signal::derive({ let wrong = wrong.clone(); move || wrong.clone() })>
                            <input class="app-input app-input--width-20" id="open-passphrase" type="password" autocomplete="off"
                                prop:value=move || passphrase.get()
                                on:input=move |ev| passphrase.set(event_target_value(&ev))
                            />
                        </Field>
                        <div class="app-button-group">
                            <button type="submit" class="app-button">"Open the file"</button>
                            <button type="button" class="app-button app-button--secondary" on:click=move |_| step.set(Step::Choose)>"Cancel"</button>
                        </div>
                    </form>
                }.into_any(),
                Step::Review { file, here } => {
                    let review_file = file.value.clone();
                    view! {
                        <section class="app-panel" aria-labelledby="file-summary-heading" data-testid="file-summary">
                            <FileSummary heading=format!("\u{201c}{}\u{201d}", sightline_core::markup::quoted(&file.value.review.title)) info=file.info.clone() counts=describe_counts(&file.value.content) repairs=file.repairs.clone() />
                            {match here {
                                None => {
                                    let review_file = review_file.clone();
                                    view! {
                                        <div class="app-button-group">
                                            <button type="button" class="app-button" on:click=move |_| import_new(review_file.clone(), Some(clock::now()), false)>"Import review"</button>
                                            <button type="button" class="app-button app-button--secondary" on:click=move |_| step.set(Step::Choose)>"Cancel"</button>
                                        </div>
                                    }.into_any()
                                }
                                Some(title) => {
                                    let (for_replace, for_both, for_merge) = (review_file.clone(), review_file.clone(), (*file).clone());
                                    view! {
                                        <div class="app-warning-text">
                                            {format!("This review is already in this browser, as \u{201c}{}\u{201d}. Choose what to do:", sightline_core::markup::quoted(&title))}
                                        </div>
                                        <dl class="app-choices">
                                            <dt><button type="button" class="app-button" on:click=move |_| start_merge(for_merge.clone())>"Merge"</button></dt>
                                            <dd>"Bring the file\u{2019}s changes into the review here. Where both copies changed the same thing, you choose which to keep."</dd>
                                            <dt><button type="button" class="app-button app-button--secondary" on:click=move |_| keep_both(for_both.clone())>"Keep both"</button></dt>
                                            <dd>"Store the file as a separate copy, with \u{201c}(copy)\u{201d} after its title."</dd>
                                            <dt><button type="button" class="app-button app-button--warning" on:click=move |_| import_new(for_replace.clone(), Some(clock::now()), true)>"Replace"</button></dt>
                                            <dd>"Replace the review here with the file\u{2019}s copy. Changes made here since are lost."</dd>
                                        </dl>
                                        <button type="button" class="app-link-button" on:click=move |_| step.set(Step::Choose)>"Cancel"</button>
                                    }.into_any()
                                }
                            }}
                        </section>
                    }.into_any()
                }
                Step::Merge { plan, choices, .. } => view! {
                    <MergeChoices plan=*plan choices step on_finish=Callback::new(move |_| finish_merge(())) />
                }.into_any(),
                Step::Backup { file, here, chosen, replace } => view! {
                    <BackupChoices file here chosen replace step on_restore=Callback::new(move |_| restore_backup(())) />
                }.into_any(),
                Step::Done { message, link } => view! {
                    <div class="app-notification-banner app-notification-banner--success" role="status" id="open-result" tabindex="-1" data-testid="open-result">
                        <p class="app-notification-banner__heading">{message}</p>
                        {link.map(|(href, text)| view! { <p class="app-notification-banner__link"><a href=href>{text}</a></p> })}
                    </div>
                }.into_any(),
            }}
        </div>
    }
}
