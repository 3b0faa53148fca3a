//! The Storage page: whether the browser will keep Sightline's data, how much space it uses,
//! whether the app works offline, and the advice to export regularly.

use leptos::prelude::*;

use crate::components::update_banner::use_app_updates;
use crate::components::{load_once, use_page_title};
use crate::platform::persistence::{self, Persistence, StorageEstimate};
use crate::platform::storage;
use sightline_core::text::human_bytes;

fn persistence_text(answer: Persistence) -> &'static str {
    match answer {
        Persistence::Granted => "Yes. The browser has agreed not to clear Sightline's data to free up space.",
        Persistence::NotGranted => "Not yet. The browser may clear Sightline's data if the computer runs short of space. Browsers usually agree once Sightline is installed as an app or used often.",
        Persistence::Unsupported => "This browser cannot be asked. It may clear Sightline's data if the computer runs short of space.",
    }
}

/// "Back up everything": one file with every review, and when it was last done.
#[component]
fn Backup() -> impl IntoView {
    use crate::components::passphrase::{Protection, ProtectionFields};
    use crate::components::SaveProgressNote;
    use crate::services::backups::{every_review, last_backup, mark_backed_up};
    use crate::services::files::{save_text_file, SaveProgress};
    use sightline_core::dates::format_uk_date_time;
    let protection = Protection::new();
    let progress = RwSignal::new(SaveProgress::Idle);
    let last = RwSignal::new(None::<Option<chrono::DateTime<chrono::Utc>>>);
    let count = RwSignal::new(0usize);
    leptos::task::spawn_local(async move {
        last.try_set(Some(last_backup().await));
        if let Ok(store) = storage::shared().await {
            if let Ok((all, _)) = store.list_summaries().await {
                count.try_set(all.len());
            }
        }
    });
    let error = RwSignal::new(None::<String>);
    let back_up = move |_| {
        let Ok(passphrase) = protection.checked() else {
            return;
        };
        error.set(None);
        leptos::task::spawn_local(async move {
            let settings = crate::services::committee::load_saved()
                .await
                .ok()
                .flatten();
            match every_review().await {
                Ok(reviews) => {
                    let now = crate::platform::clock::now();
                    let text = sightline_core::format::write_backup_with_settings(
                        &reviews,
                        settings.as_ref(),
                        now,
                        crate::APP_VERSION,
                    );
                    let name = sightline_core::format::file_name(
                        "Sightline backup",
                        crate::platform::clock::today(),
                        ".sightline.json",
                        false,
                    );
                    save_text_file(name, text, passphrase, progress).await;
                    if matches!(progress.get_untracked(), SaveProgress::Saved(_)) {
                        mark_backed_up(now).await;
                        last.set(Some(Some(now)));
                    }
                }
                Err(problem) => error.set(Some(problem.to_string())),
            }
        });
    };
    let reminder = move || {
        last.get().and_then(|last| {
            sightline_core::text::backup_reminder(last, crate::platform::clock::now(), count.get())
        })
    };
    view! {
        <h2 class="app-heading-m" id="backup-heading">"Back up everything"</h2>
        <p class="app-body" data-testid="last-backup">
            {move || match last.get() {
                None => "Checking when you last backed up\u{2026}".to_owned(),
                Some(None) => "You have not backed up from this browser yet.".to_owned(),
                Some(Some(at)) => format!("Last backup: {}.", format_uk_date_time(at)),
            }}
        </p>
        {move || reminder().map(|text| view! { <div class="app-warning-text" data-testid="backup-reminder">{text}</div> })}
        <p class="app-body">"One file with every review in this browser. Keep it where your organisation keeps case records."</p>
        <ProtectionFields protection id_prefix="backup" />
        <button type="button" class="app-button" on:click=back_up>"Back up everything"</button>
        <SaveProgressNote progress />
        {move || error.get().map(|e| view! { <p class="app-error-message" role="alert">{e}</p> })}
    }
}

/// The Storage page.
#[component]
pub fn StoragePage() -> impl IntoView {
    view! { <StoragePageBody /> }
}

/// How much room restore points take, and their bound.
#[component]
fn RestorePointBound() -> impl IntoView {
    use sightline_core::restore_points::{MAX_PER_REVIEW, MAX_TOTAL_BYTES};
    use sightline_core::text::human_bytes;
    let points = load_once(async {
        let store = storage::shared().await.ok()?;
        store.restore_points(None).await.ok()
    });
    view! {
        <h2 class="app-heading-m" id="restore-points-bound-heading">"Restore points"</h2>
        <p class="app-body" data-testid="restore-point-bound">
            {move || match points.get() {
                Some(Some(list)) => {
                    let bytes: usize = list.iter().map(|p| p.bytes).sum();
                    format!(
                        "{} restore point{} kept, taking {}. The limit is {} in all and {} per review; past it, the oldest are removed first (never a review\u{2019}s newest).",
                        list.len(),
                        if list.len() == 1 { "" } else { "s" },
                        human_bytes(bytes as f64),
                        human_bytes(MAX_TOTAL_BYTES as f64),
                        MAX_PER_REVIEW,
                    )
                }
                _ => "Reading the restore points\u{2026}".to_owned(),
            }}
        </p>
    }
}

#[component]
fn StoragePageBody() -> impl IntoView {
    use_page_title(|| "Storage".to_owned());
    let updates = use_app_updates();
    let persisted = RwSignal::new(None::<Persistence>);
    leptos::task::spawn_local(async move {
        persisted.try_set(Some(persistence::persistence().await));
    });
    // Asking again is how a person retries after installing the app or using it more.
    let ask_again = move || {
        persisted.set(None);
        leptos::task::spawn_local(async move {
            persisted.try_set(Some(persistence::request_persistence().await));
        });
    };
    let estimate = load_once(persistence::estimate());
    let review_count = load_once(async {
        let store = storage::shared().await.ok()?;
        store.list_summaries().await.ok().map(|(all, _)| all.len())
    });

    view! {
        <h1 class="app-heading-xl">"Storage"</h1>
        <div class="app-inset-text">
            <p>
                "Sightline keeps reviews in this browser on this computer, and nowhere else. Browser storage is not a backup: clearing browsing data, a new laptop or a reset profile removes it."
            </p>
            <p>
                <strong>"Export your reviews to files regularly"</strong>
                " and keep the files where your organisation keeps case records."
            </p>
        </div>
        <dl class="app-summary-list">
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Kept when space runs low"</dt>
                <dd class="app-summary-list__value" data-testid="persistence">
                    {move || persisted.get().map(persistence_text).unwrap_or("Checking\u{2026}")}
                </dd>
                <dd class="app-summary-list__actions">
                    <Show when=move || persisted.get() == Some(Persistence::NotGranted)>
                        <button type="button" class="app-link-button" on:click=move |_| ask_again()>
                            "Ask the browser again"
                        </button>
                    </Show>
                </dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Space used"</dt>
                <dd class="app-summary-list__value" data-testid="estimate">
                    {move || match estimate.get() {
                        None => "Checking\u{2026}".to_owned(),
                        Some(None) => "This browser does not say.".to_owned(),
                        Some(Some(StorageEstimate { usage, quota })) => format!(
                            "{} used of about {} available to Sightline",
                            human_bytes(usage),
                            human_bytes(quota)
                        ),
                    }}
                </dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Reviews kept here"</dt>
                <dd class="app-summary-list__value" data-testid="review-total">
                    {move || match review_count.get() {
                        None => "Checking\u{2026}".to_owned(),
                        Some(None) => "Cannot be read".to_owned(),
                        Some(Some(count)) => count.to_string(),
                    }}
                </dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Works offline"</dt>
                <dd class="app-summary-list__value" data-testid="offline-ready">
                    {move || if updates.offline_ready.get() {
                        "Yes. Every part of the app is stored in this browser, so it opens without a network."
                    } else {
                        "Not yet. Keep this page open while the app finishes storing its files."
                    }}
                </dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
        </dl>
        <Backup />
        <RestorePointBound />
        <h2 class="app-heading-m" id="restore-heading">"Restore from backup"</h2>
        <crate::components::FileOpener
            open_for=crate::components::OpenFor::Backup
            incoming=RwSignal::new(None)
            on_stored=|| ()
        />
    }
}
