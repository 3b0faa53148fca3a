//! The Reviews page: every review kept in this browser, newest activity first, with a title
//! search, a choice to show archived reviews, and drift and delay in view: overdue reviews,
//! reviews due soon, by stage, type and committee, soonest due first.

mod view;

use leptos::prelude::*;
use sightline_core::dates::format_uk_date;
use sightline_core::review::lifecycle::STAGES;
use sightline_core::{ReviewStatus, ReviewSummary, ReviewType};
use view::ListView;

use crate::components::{load_once, use_page_title, Field, FileOpener, NoticeBanner, OpenFor};
use crate::platform::{clock, settings, storage};
use crate::routes::review_href;

/// The Reviews page.
#[component]
pub fn ReviewsPage() -> impl IntoView {
    use_page_title(|| "Reviews".to_owned());
    let summaries = RwSignal::new(None);
    let reload = move || {
        leptos::task::spawn_local(async move {
            let loaded = async {
                let store = storage::shared().await?;
                store.list_summaries().await
            }
            .await;
            summaries.try_set(Some(loaded));
        });
    };
    reload();
    let reminder = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        let count = match storage::shared().await {
            Ok(store) => store
                .list_summaries()
                .await
                .map(|(all, _)| all.len())
                .unwrap_or(0),
            Err(_) => 0,
        };
        let last = crate::services::backups::last_backup().await;
        reminder.try_set(sightline_core::text::backup_reminder(
            last,
            clock::now(),
            count,
        ));
    });
    let packs = load_once(crate::services::packs::list_packs());
    let incoming = RwSignal::new(None);
    let dragging = RwSignal::new(false);
    let drop_file = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            match crate::platform::files::read_bytes(&file, sightline_core::format::MAX_FILE_BYTES)
                .await
            {
                Ok(bytes) => incoming.set(Some(Ok((name, std::sync::Arc::new(bytes))))),
                Err(error) => incoming.set(Some(Err(error.to_string()))),
            }
        });
    };
    let search = RwSignal::new(String::new());
    let show_archived = RwSignal::new(false);
    // The filters and order, kept in this browser so the list looks the same after a reload.
    let list_view = RwSignal::new(settings::load::<ListView>(view::KEY).unwrap_or_default());
    Effect::new(move |_| settings::save(view::KEY, &list_view.get()));
    let committees = Memo::new(move |_| {
        summaries.with(|loaded| match loaded {
            Some(Ok((all, _))) => sightline_core::ReviewListQuery::committees(all),
            _ => Vec::new(),
        })
    });
    let today = clock::today();

    let list = move || {
        let loaded = summaries.get()?;
        Some(match loaded {
            Err(error) => view! {
                <div class="app-error-summary" role="alert">
                    <h2 class="app-error-summary__title">"Your reviews cannot be shown"</h2>
                    <p>{error.to_string()}</p>
                </div>
            }
            .into_any(),
            Ok((all, unreadable)) => {
                let chosen = list_view.get();
                let query = chosen.query(search.get(), show_archived.get());
                let hidden = query.hidden_archived(&all);
                let shown: Vec<ReviewSummary> = query
                    .apply(&all, clock::today())
                    .into_iter()
                    .cloned()
                    .collect();
                let count = shown.len();
                let unreadable_note = (!unreadable.is_empty()).then(|| {
                    view! {
                        <div class="app-warning-text" role="alert">
                            {format!(
                                "{} stored review(s) could not be read. {}",
                                unreadable.len(),
                                unreadable[0].error,
                            )}
                        </div>
                    }
                });
                let body = if all.is_empty() {
                    view! {
                        <p class="app-body" data-testid="no-reviews">
                            "There are no reviews in this browser yet. Start one with \u{201c}New review\u{201d}."
                        </p>
                    }
                    .into_any()
                } else if shown.is_empty() {
                    view! {
                        <p class="app-body" data-testid="no-matches">
                            {if chosen.filters() {
                                "No reviews match the filters. Choose \u{201c}All reviews\u{201d} and \u{201c}Any\u{201d} to see them all.".to_owned()
                            } else if query.search.trim().is_empty() {
                                "Every review here is archived. Choose \u{201c}Show archived reviews\u{201d} to see them.".to_owned()
                            } else {
                                format!("No reviews match \u{201c}{}\u{201d}.", query.search.trim())
                            }}
                        </p>
                    }
                    .into_any()
                } else {
                    view! { <ReviewsTable summaries=shown today /> }.into_any()
                };
                view! {
                    {unreadable_note}
                    <p class="app-secondary-text" role="status" data-testid="review-count">
                        {format!(
                            "Showing {count} of {} review{}{}",
                            all.len(),
                            if all.len() == 1 { "" } else { "s" },
                            if hidden > 0 { format!(" ({hidden} archived hidden)") } else { String::new() },
                        )}
                    </p>
                    {body}
                }
                .into_any()
            }
        })
    };

    view! {
        <div
            class="app-drop-zone"
            class:app-drop-zone--active=move || dragging.get()
            on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=drop_file
        >
        <NoticeBanner />
        {move || reminder.get().map(|text| view! {
            <div class="app-warning-text" data-testid="backup-reminder">
                {text} " " <a href="/storage">"Go to Storage"</a>
            </div>
        })}
        <div class="app-page-heading">
            <h1 class="app-heading-xl">"Reviews"</h1>
            <a href="/reviews/new" class="app-button">
                "New review"
            </a>
        </div>
        <div class="app-list-controls">
            <div class="app-form-group">
                <label class="app-label" for="review-search">
                    "Search by title"
                </label>
                <input
                    class="app-input app-input--width-20"
                    id="review-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
            </div>
            <div class="app-checkboxes__item">
                <input
                    class="app-checkboxes__input"
                    id="show-archived"
                    type="checkbox"
                    prop:checked=move || show_archived.get()
                    on:change=move |ev| show_archived.set(event_target_checked(&ev))
                />
                <label class="app-label app-checkboxes__label" for="show-archived">
                    "Show archived reviews"
                </label>
            </div>
        </div>
        <div class="app-list-controls" data-testid="list-filters">
            <Field id="reviews-show" label="Show">
                <select class="app-select" id="reviews-show"
                    on:change=move |ev| list_view.update(|v| v.show = event_target_value(&ev))>
                    {[("all", "All reviews"), ("overdue", "Overdue"), ("soon", "Due within 14 days")].map(|(key, text)| view! {
                        <option value=key selected=move || list_view.read().show_key() == key>{text}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field id="reviews-stage" label="Stage">
                <select class="app-select" id="reviews-stage"
                    on:change=move |ev| list_view.update(|v| v.stage = event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || list_view.read().stage.is_none()>"Any"</option>
                    {STAGES.iter().map(|stage| {
                        let number = stage.number;
                        view! { <option value=number.to_string() selected=move || list_view.read().stage == Some(number)>{format!("{}. {}", stage.number, stage.name)}</option> }
                    }).collect_view()}
                </select>
            </Field>
            <Field id="reviews-type" label="Type">
                <select class="app-select" id="reviews-type"
                    on:change=move |ev| list_view.update(|v| v.review_type = event_target_value(&ev))>
                    <option value="" selected=move || ReviewType::from_key(&list_view.read().review_type).is_none()>"Any"</option>
                    {ReviewType::ALL.map(|t| view! {
                        <option value=t.key() selected=move || list_view.read().review_type == t.key()>{t.label()}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field id="reviews-committee" label="Committee">
                <select class="app-select" id="reviews-committee"
                    on:change=move |ev| list_view.update(|v| v.committee = event_target_value(&ev))>
                    <option value="" selected=move || list_view.read().committee.is_empty()>"Any"</option>
                    {move || committees.get().into_iter().map(|name| {
                        let value = name.clone();
                        view! { <option value=value.clone() selected=move || list_view.read().committee == value>{name}</option> }
                    }).collect_view()}
                </select>
            </Field>
            <Field id="reviews-order" label="Order">
                <select class="app-select" id="reviews-order"
                    on:change=move |ev| list_view.update(|v| v.order = event_target_value(&ev))>
                    <option value="changed" selected=move || list_view.read().order != "due">"Most recently changed first"</option>
                    <option value="due" selected=move || list_view.read().order == "due">"Soonest due first"</option>
                </select>
            </Field>
        </div>
        {move || list().unwrap_or_else(|| view! { <p class="app-body">"Loading your reviews\u{2026}"</p> }.into_any())}
        <h2 class="app-heading-m" id="files-heading">"Open a file"</h2>
        <p class="app-body">"Open a review file, a backup or a reflection pack someone has sent you, or a contribution to one of your reflections. You can also drop the file onto this page."</p>
        <FileOpener open_for=OpenFor::Anything incoming on_stored=reload />
        {move || packs.get().and_then(Result::ok).filter(|p| !p.is_empty()).map(|packs| view! {
            <h2 class="app-heading-m">"Reflection packs you are answering"</h2>
            <ul class="app-list" data-testid="packs">
                {packs.into_iter().map(|(reflection, title, review)| view! {
                    <li><a href=crate::routes::Route::Pack(reflection).href()>{format!("{title} ({review})")}</a></li>
                }).collect_view()}
            </ul>
        })}
        <p class="app-drop-zone__hint" aria-hidden="true">
            {move || if dragging.get() { "Drop the file to open it" } else { "" }}
        </p>
        </div>
    }
}

/// The table of reviews.
#[component]
fn ReviewsTable(summaries: Vec<ReviewSummary>, today: chrono::NaiveDate) -> impl IntoView {
    let rows = summaries
        .into_iter()
        .map(|summary| {
            let next_due = match (summary.status, summary.next_due) {
                (ReviewStatus::Complete, _) => view! { <span>"\u{2014}"</span> }.into_any(),
                (_, None) => view! { <span class="app-secondary-text">"Nothing due"</span> }.into_any(),
                (_, Some(next)) => {
                    let overdue = next.is_overdue(today);
                    view! {
                        <span class="app-block">{format_uk_date(next.due)}</span>
                        <span class="app-secondary-text app-block">{next.milestone.label()}</span>
                        {overdue.then(|| view! { <strong class="app-tag app-tag--red">"Overdue"</strong> " " })}
                        <span class="app-secondary-text">{next.countdown(today)}</span>
                    }
                    .into_any()
                }
            };
            let overdue_actions = summary.overdue_actions(today);
            let overdue_returns = summary.overdue_returns(today);
            let status_tags = view! {
                {(overdue_returns > 0).then(|| view! {
                    <strong class="app-tag app-tag--red" data-testid="overdue-returns-tag">
                        {if overdue_returns == 1 { "1 agency return overdue".to_owned() } else { format!("{overdue_returns} agency returns overdue") }}
                    </strong>
                    " "
                })}
                {(overdue_actions > 0).then(|| view! {
                    <strong class="app-tag app-tag--red" data-testid="overdue-actions-tag">
                        {if overdue_actions == 1 { "1 action overdue".to_owned() } else { format!("{overdue_actions} actions overdue") }}
                    </strong>
                    " "
                })}
                {(summary.status == ReviewStatus::Paused).then(|| view! { <strong class="app-tag app-tag--grey">"Paused"</strong> " " })}
                {(summary.status == ReviewStatus::Closed).then(|| view! { <strong class="app-tag app-tag--grey">"Closed: no review"</strong> " " })}
                {summary.archived.then(|| view! { <strong class="app-tag app-tag--grey">"Archived"</strong> })}
            };
            view! {
                <tr class="app-table__row" data-testid="review-row">
                    <th class="app-table__header" scope="row">
                        <a href=review_href(summary.id)>{sightline_core::text::shown_title(&summary.title)}</a>
                        " "
                        {status_tags}
                    </th>
                    <td class="app-table__cell" data-label="Type">{summary.review_type.label()}</td>
                    <td class="app-table__cell" data-label="Stage">{summary.stage_label()}</td>
                    <td class="app-table__cell" data-label="Next due" data-testid="next-due-cell">
                        {next_due}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-wrapper">
            <table class="app-table app-table--stack" data-testid="reviews-table">
                <caption class="app-visually-hidden">"Reviews, most recently changed first"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Title"</th>
                        <th scope="col" class="app-table__header">"Type"</th>
                        <th scope="col" class="app-table__header">"Stage"</th>
                        <th scope="col" class="app-table__header">"Next due"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
