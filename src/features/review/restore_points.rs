//! The "Restore points" section of a review's Overview: the points kept, and restoring one.

use leptos::prelude::*;
use sightline_core::dates::format_uk_date_time;
use sightline_core::restore_points::{PointInfo, PointReason};
use sightline_core::text::human_bytes;

use crate::components::ConfirmDialog;
use crate::platform::{settings, storage};
use crate::services::restore_points::{restore, save_point};
use crate::services::session::use_review_session;

/// The "Restore points" section of a review's Overview.
#[component]
pub fn RestorePoints() -> impl IntoView {
    let session = use_review_session();
    let id = session.review().read_untracked().id;
    let points = RwSignal::new(None::<Result<Vec<PointInfo>, String>>);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            let listed = match storage::shared().await {
                Ok(store) => store
                    .restore_points(Some(id))
                    .await
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            points.try_set(Some(listed.map(|mut p| {
                p.reverse();
                p
            })));
        });
    };
    refresh();
    let message = RwSignal::new(None::<Result<String, String>>);
    let saving = RwSignal::new(false);
    let save = move |_| {
        saving.set(true);
        let review = session.review_as_saved();
        let content = session.content().get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = save_point(&review, &content, PointReason::Manual).await;
            message.try_set(Some(
                outcome
                    .map(|p| format!("Restore point saved: {}", p.summary))
                    .map_err(|e| e.to_string()),
            ));
            saving.try_set(false);
            refresh();
        });
    };
    let chosen = RwSignal::new(None::<PointInfo>);
    let confirm_open = RwSignal::new(false);
    let restore_chosen = move || {
        let Some(point) = chosen.get_untracked() else {
            return;
        };
        // Save what is typed first, so the point made before restoring holds it.
        crate::services::session::flush_active();
        leptos::task::spawn_local(async move {
            match restore(id, &point.key).await {
                Ok(()) => {
                    settings::leave_message_for_reload(&format!(
                        "The review is back as it was at {}. How it was just before is kept as the newest restore point, so this can be undone.",
                        format_uk_date_time(point.at)
                    ));
                    settings::reload_page();
                }
                Err(error) => {
                    message.try_set(Some(Err(error.to_string())));
                }
            }
        });
    };
    let restored = settings::take_message_after_reload();
    view! {
        <section aria-labelledby="restore-points-heading" data-testid="restore-points">
            <h2 class="app-heading-m" id="restore-points-heading">"Restore points"</h2>
            {restored.map(|text| view! { <div class="app-inset-text" role="status" data-testid="restored">{text}</div> })}
            <p class="app-body">
                "Copies of this review kept in this browser: made automatically at most once an hour while it changes, before anything replaces it (an import, a merge, a restore), and when you save one. The oldest are removed first when they pass the limit shown on the Storage page."
            </p>
            <button type="button" class="app-button app-button--secondary" on:click=save disabled=move || saving.get()>
                "Save restore point"
            </button>
            {move || message.get().map(|m| match m {
                Ok(text) => view! { <p class="app-body" role="status" data-testid="restore-point-message">{text}</p> }.into_any(),
                Err(text) => view! { <p class="app-error-message" role="alert">{text}</p> }.into_any(),
            })}
            {move || match points.get() {
                None => view! { <p class="app-body">"Reading the restore points\u{2026}"</p> }.into_any(),
                Some(Err(error)) => view! { <p class="app-error-message" role="alert">{error}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="app-body" data-testid="no-restore-points">"No restore points yet."</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <table class="app-table app-table--stack" data-testid="restore-point-list">
                        <caption class="app-visually-hidden">"Restore points, newest first"</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="app-table__header">"When"</th>
                                <th scope="col" class="app-table__header">"Why"</th>
                                <th scope="col" class="app-table__header">"What changed"</th>
                                <th scope="col" class="app-table__header"><span class="app-visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.into_iter().map(|point| {
                                let when = format_uk_date_time(point.at);
                                let for_button = point.clone();
                                view! {
                                    <tr class="app-table__row" data-testid="restore-point">
                                        <td class="app-table__cell" data-label="When">{when.clone()}</td>
                                        <td class="app-table__cell" data-label="Why">{point.reason.label()}</td>
                                        <td class="app-table__cell" data-label="What changed">{point.summary.clone()} " (" {human_bytes(point.bytes as f64)} ")"</td>
                                        <td class="app-table__cell">
                                            <button type="button" class="app-link-button" on:click=move |_| {
                                                chosen.set(Some(for_button.clone()));
                                                confirm_open.set(true);
                                            }>
                                                "Restore" <span class="app-visually-hidden">{format!(" the point of {when}")}</span>
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
            <ConfirmDialog open=confirm_open
                heading=Signal::derive(move || chosen.get().map(|p| format!("Restore the review as it was at {}?", format_uk_date_time(p.at))).unwrap_or_default())
                confirm_label="Restore".to_owned()
                on_confirm=restore_chosen>
                <p class="app-body">"Everything in the review goes back to how it was then. How it is now is kept as a restore point first, so you can come back to it."</p>
            </ConfirmDialog>
        </section>
    }
}
