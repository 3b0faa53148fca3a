//! One review: loading it from storage, the frame around its pages (what is due next, the
//! review's own navigation), and its pages.

pub mod actions;
pub mod briefing;
pub mod chronology;
pub mod decision;
mod detail_inputs;
pub mod episodes;
pub mod export;
pub mod findings;
pub mod lifecycle_table;
pub mod manage;
pub mod overview;
pub mod parallel_proceedings;
pub mod people;
pub mod progress;
pub mod reflections;
pub mod report;
pub mod restore_points;
pub mod search;
pub mod setup;
pub mod sharing;
pub mod systems_map;
pub mod watchlist;

use leptos::prelude::*;
use sightline_core::dates::format_uk_date;
use sightline_core::{next_due, ReviewId, ReviewStatus};

use crate::components::{load_once, use_page_title};
use crate::platform::{clock, storage};
use crate::routes::{review_section_href, use_navigator, ReviewSection, Route};
use crate::services::session::{self, ReviewSession};
use overview::OverviewPage;

/// Loads review `id` and shows the section of it that the address names, or says why it
/// cannot.
#[component]
pub fn ReviewLayout(id: ReviewId) -> impl IntoView {
    let loaded = load_once(async move { storage::shared().await?.get(id).await });
    view! {
        {move || match loaded.get() {
            None => view! { <p class="app-body" role="status">"Opening the review\u{2026}"</p> }.into_any(),
            Some(Ok(Some(stored))) => {
                view! {
                    <ReviewWorkspace
                        review=stored.review
                        content=stored.content
                        revision=stored.revision
                        unreadable=stored.unreadable.len()
                    />
                }
                    .into_any()
            }
            Some(Ok(None)) => view! { <ReviewNotFound /> }.into_any(),
            Some(Err(error)) => {
                view! {
                    <h1 class="app-heading-l">"The review cannot be opened"</h1>
                    <p class="app-body">{error.to_string()}</p>
                    <p>
                        <a href="/">"Go to your reviews"</a>
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn ReviewNotFound() -> impl IntoView {
    use_page_title(|| "Review not found".to_owned());
    view! {
        <crate::components::RecordNotFound what="Review"
            why="There is no review at this address in this browser. It may have been deleted, or kept in a different browser or on a different computer."
            back=("/".to_owned(), "Go to your reviews") />
    }
}

/// The frame of an open review: its session, what is due next and its sections.
#[component]
fn ReviewWorkspace(
    review: sightline_core::Review,
    content: sightline_core::ReviewContent,
    revision: u64,
    /// How many stored items could not be read (damaged, or from a newer version).
    unreadable: usize,
) -> impl IntoView {
    let id = review.id;
    let session = ReviewSession::new(review, content, revision);
    provide_context(session);
    let review = session.review();
    let navigator = use_navigator();
    let section = Memo::new(move |_| match navigator.route() {
        Route::Review(_, section) => section,
        _ => ReviewSection::Overview,
    });
    let tab = Memo::new(move |_| section.get().tab());
    let tabs = [
        (ReviewSection::Overview, "Overview"),
        (ReviewSection::Decision, "Decision"),
        (ReviewSection::SetUp, "Set-up"),
        (ReviewSection::People, "People"),
        (ReviewSection::Chronology, "Chronology"),
        (ReviewSection::Episodes, "Episodes"),
        (ReviewSection::Reflections, "Reflections"),
        (ReviewSection::SystemsMap, "Systems map"),
        (ReviewSection::Findings, "Findings"),
        (ReviewSection::ActionPlan, "Action plan"),
        (ReviewSection::Report, "Report"),
        (ReviewSection::Briefing, "Briefing"),
        (ReviewSection::Sharing, "Sharing"),
    ];
    view! {
        <div class="app-review-frame">
            <a href="/" class="app-back-link">
                "All reviews"
            </a>
            <NextDueBanner />
            <SyncNotice />
            <NotSavedRescue />
            {(unreadable > 0).then(|| view! {
                <div class="app-warning-text" role="alert" data-testid="unreadable-records">
                    {if unreadable == 1 {
                        "1 stored item of this review could not be read, so it is not shown. It is kept in storage untouched; a newer version of Sightline may be able to read it.".to_owned()
                    } else {
                        format!("{unreadable} stored items of this review could not be read, so they are not shown. They are kept in storage untouched; a newer version of Sightline may be able to read them.")
                    }}
                </div>
            })}
            <div class="app-review-bar">
                <nav class="app-section-nav" aria-label="Review sections">
                    <ul>
                        {tabs
                            .into_iter()
                            .map(|(target, label)| {
                                view! {
                                    <li>
                                        <a
                                            href=review_section_href(id, target)
                                            aria-current=move || (tab.get() == target).then_some("page")
                                        >
                                            {label}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <search::ReviewSearchBox review=id />
            </div>
        </div>
        {move || match section.get() {
            ReviewSection::Overview => view! { <OverviewPage /> }.into_any(),
            ReviewSection::People => view! { <people::PeoplePage /> }.into_any(),
            ReviewSection::Chronology => view! { <chronology::ChronologyPage /> }.into_any(),
            ReviewSection::Episodes => view! { <episodes::EpisodesPage /> }.into_any(),
            ReviewSection::Episode(episode) => view! { <episodes::EpisodePage episode /> }.into_any(),
            ReviewSection::Reflections => view! { <reflections::ReflectionsPage /> }.into_any(),
            ReviewSection::Reflection(reflection) => {
                view! { <reflections::ReflectionPage reflection /> }.into_any()
            }
            ReviewSection::Template(template) => {
                view! { <reflections::TemplatePage template /> }.into_any()
            }
            ReviewSection::SystemsMap => view! { <systems_map::SystemsMapPage /> }.into_any(),
            ReviewSection::Findings => view! { <findings::FindingsPage /> }.into_any(),
            ReviewSection::Finding(finding) => view! { <findings::FindingPage finding /> }.into_any(),
            ReviewSection::ActionPlan => view! { <actions::ActionPlanPage /> }.into_any(),
            ReviewSection::Action(action) => view! { <actions::ActionPage action /> }.into_any(),
            ReviewSection::Briefing => view! { <briefing::BriefingPage /> }.into_any(),
            ReviewSection::Search => view! { <search::SearchPage /> }.into_any(),
            ReviewSection::Decision => view! { <decision::DecisionPage /> }.into_any(),
            ReviewSection::SetUp => view! { <setup::SetUpPage /> }.into_any(),
            ReviewSection::Report => view! { <report::ReportPage /> }.into_any(),
            ReviewSection::Sharing => view! { <sharing::SharingPage /> }.into_any(),
        }}
        <span hidden data-testid="review-id">{move || review.read().id.to_string()}</span>
    }
}

/// When saving fails (full or failing storage), says that the work is still on this page and
/// offers to save it as a file from memory, which does not need browser storage.
#[component]
fn NotSavedRescue() -> impl IntoView {
    use crate::services::save_status::{use_save_status, SaveState};
    let status = use_save_status();
    let session = session::use_review_session();
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let export = move |_| {
        let review = session.review_as_saved();
        let now = clock::now();
        let text = session.content().with_untracked(|content| {
            sightline_core::format::write_review_file(&review, content, now, crate::APP_VERSION)
        });
        let name = sightline_core::format::file_name(
            &review.title,
            clock::today(),
            ".sightline.json",
            false,
        );
        outcome.set(Some(
            crate::platform::files::download(&name, "application/json", text.as_bytes())
                .map(|()| name)
                .map_err(|e| e.to_string()),
        ));
    };
    view! {
        <Show when=move || matches!(status.get(), SaveState::NotSaved(_))>
            <div class="app-warning-text" role="alert" data-testid="not-saved-rescue">
                <p class="app-body">
                    <strong>"Your latest changes are not stored in this browser yet."</strong>
                    " They are kept on this page while it stays open, and Sightline tries again with your next change. Save a copy as a file now, so nothing is lost if the page closes; open it later with \u{201c}Open a file\u{201d}."
                </p>
                <button type="button" class="app-button" on:click=export>"Export review file now"</button>
                {move || outcome.get().map(|o| match o {
                    Ok(name) => view! { <p class="app-body" role="status" data-testid="rescue-saved">{format!("Saved as {name}.")}</p> }.into_any(),
                    Err(message) => view! { <p class="app-error-message">{message}</p> }.into_any(),
                })}
            </div>
        </Show>
    }
}

/// Says when changes made in another tab were brought in, and whether both tabs changed the
/// same thing.
#[component]
fn SyncNotice() -> impl IntoView {
    let notice = session::use_review_session().sync_notice();
    move || {
        notice.get().map(|(message, attention)| {
            view! {
                <div
                    class=if attention { "app-warning-text" } else { "app-inset-text" }
                    role=if attention { "alert" } else { "status" }
                    data-testid="sync-notice"
                    data-conflict=attention.to_string()
                >
                    <p class="app-body">{message}</p>
                    <button type="button" class="app-link-button" on:click=move |_| notice.set(None)>
                        "Hide this message"
                    </button>
                </div>
            }
        })
    }
}

/// What the review waits for next and how long is left, shown on every page of the review.
#[component]
fn NextDueBanner() -> impl IntoView {
    let review = session::use_review_session().review();
    let today = clock::today();
    let content = move || {
        let review = review.read();
        if review.status == ReviewStatus::Complete {
            return view! { <p class="app-next-due__text">"This review is complete."</p> }
                .into_any();
        }
        let paused = (review.status == ReviewStatus::Paused)
            .then(|| view! { <strong class="app-tag app-tag--grey">"Paused"</strong> });
        match next_due(&review) {
            None => view! {
                <p class="app-next-due__text">
                    "Next due: nothing with a set timescale is waiting. " {paused}
                </p>
            }
            .into_any(),
            Some(next) => {
                let overdue = next.is_overdue(today);
                view! {
                    <p class="app-next-due__text">
                        <span class="app-next-due__label">"Next due: "</span>
                        <strong>{next.milestone.label()}</strong>
                        " by "
                        <strong>{format_uk_date(next.due)}</strong>
                        " "
                        <span
                            class="app-tag"
                            class:app-tag--red=overdue
                            class:app-tag--yellow=move || !overdue && next.days_left(today) <= 7
                        >
                            {next.countdown(today)}
                        </span>
                        " "
                        {paused}
                    </p>
                }
                .into_any()
            }
        }
    };
    let session = session::use_review_session();
    let review_id = review.read_untracked().id;
    let data = session.content();
    let overdue_actions = Memo::new(move |_| actions::overdue_count(&data.read(), today));
    let overdue_returns = Memo::new(move |_| review.read().overdue_returns(today));
    view! {
        <div class="app-next-due" data-testid="next-due">
            {content}
            <Show when=move || { overdue_actions.get() > 0 }>
                <p class="app-next-due__text" data-testid="overdue-actions-banner">
                    <strong class="app-tag app-tag--red">
                        {move || match overdue_actions.get() {
                            1 => "1 action overdue".to_owned(),
                            n => format!("{n} actions overdue"),
                        }}
                    </strong>
                    " "
                    <a href=review_section_href(review_id, ReviewSection::ActionPlan)>"See the action plan"</a>
                </p>
            </Show>
            <Show when=move || { overdue_returns.get() > 0 }>
                <p class="app-next-due__text" data-testid="overdue-returns-banner">
                    <strong class="app-tag app-tag--red">
                        {move || match overdue_returns.get() {
                            1 => "1 agency return overdue".to_owned(),
                            n => format!("{n} agency returns overdue"),
                        }}
                    </strong>
                    " "
                    <a href=format!("{}#agency-returns", review_section_href(review_id, ReviewSection::Decision))>"See the returns"</a>
                </p>
            </Show>
        </div>
    }
}
