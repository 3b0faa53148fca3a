//! The Report page: the Reviewer's report, drafted from the review under the national
//! template's headings and kept with it. The reviewer edits each section (drafting again offers,
//! section by section, to keep the edits or take the new draft), fills in the core data and the
//! answers to the review questions, takes comments from the Review Team, works through the
//! quality check, issues numbered drafts and a final version (each kept read-only) and compares
//! any two, then downloads the full report (marked "Restricted") or, once the identifying-details
//! check has passed, the anonymised one, as Word, a web page or a printed PDF.

mod drafting;
mod inputs;
mod outputs;
mod sections;
mod versions;

use leptos::prelude::*;
use sightline_core::dates::format_uk_date_time;
use sightline_core::report::quality::{check, FixAt, QualityTask};
use sightline_core::report::{RedraftOffer, SectionKey};

use crate::components::{use_page_title, AfterPause};
use crate::platform::{clock, settings, timing};
use crate::routes::{review_section_href, ReviewSection};
use crate::services::session::use_review_session;

/// What the parts of the Report page share.
#[derive(Clone, Copy)]
pub(crate) struct ReportPageState {
    /// What drafting again found for edited sections, waiting for the person's choice.
    pub offers: RwSignal<Vec<RedraftOffer>>,
    /// The role the person last gave (for comments and issuing), kept in this browser so it
    /// is typed once.
    pub role: RwSignal<String>,
    /// The quality check, worked out once typing pauses.
    pub tasks: RwSignal<Vec<QualityTask>>,
    /// Whether the final version has been issued: the working copy is then read-only.
    pub is_final: Memo<bool>,
    /// The report's sections as they were when typing last paused: what the printed copy and
    /// the identifying-details check follow, so that neither redoes its work on every key.
    pub settled: RwSignal<std::collections::BTreeMap<SectionKey, String>>,
}

/// Where this browser keeps the role last given on the Report page (a role, never a name).
const ROLE_KEY: &str = "sightline.report-role";

/// How long after the last change the quality check (and the settled text) is worked out
/// again: it reads the whole review, too much for every key in a long section.
const RECHECK_AFTER_MS: u64 = 300;

/// The Report page of a review.
#[component]
pub fn ReportPage() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let content = session.content();
    use_page_title(move || format!("Report: {}", review.read().title));
    let is_final = Memo::new(move |_| review.read().report.is_final());
    let state = ReportPageState {
        offers: RwSignal::new(Vec::new()),
        role: RwSignal::new(settings::load::<String>(ROLE_KEY).unwrap_or_default()),
        tasks: RwSignal::new(Vec::new()),
        is_final,
        settled: RwSignal::new(review.with_untracked(|r| r.report.working_sections())),
    };
    provide_context(state);
    Effect::new(move |first: Option<()>| {
        let role = state.role.get();
        if first.is_some() {
            settings::save(ROLE_KEY, &role);
        }
    });

    // Measured for the benchmark (bench/report.mjs) as "sightline:report-check".
    let run_check = move || {
        timing::mark("sightline:report-check-start");
        let tasks = review
            .with_untracked(|r| content.with_untracked(|c| check(r, c, &r.report, clock::today())));
        timing::measure("sightline:report-check", "sightline:report-check-start");
        state.tasks.set(tasks);
        let sections = review.with_untracked(|r| r.report.working_sections());
        if state.settled.with_untracked(|s| *s != sections) {
            state.settled.set(sections);
        }
    };
    run_check();
    let pause = AfterPause::new(RECHECK_AFTER_MS);
    Effect::new(move |first: Option<()>| {
        review.track();
        content.track();
        if first.is_some() {
            pause.schedule(run_check);
        }
    });

    let status = move || {
        let review = review.read();
        let report = &review.report;
        let drafted = report.sections.values().any(|s| !s.drafted.is_empty());
        let last = report.versions_in_order().last().map(|(_, v)| {
            format!(
                "{} issued by {} at {}",
                v.name.label(),
                v.issued_by,
                format_uk_date_time(v.issued_at)
            )
        });
        match (drafted, last) {
            (false, None) => "Not drafted yet.".to_owned(),
            (true, None) => "Drafted; no version issued yet.".to_owned(),
            (_, Some(last)) if report.is_final() => {
                format!("{last}. The report is final and can no longer be changed.")
            }
            (_, Some(last)) => format!("{last}. Changes since then are in the working copy."),
        }
    };
    let open_comments = move || review.read().report.open_comments();

    view! {
        <div class="app-no-print">
            <h1 class="app-heading-xl">"The Reviewer\u{2019}s report"</h1>
            <p class="app-body">
                "Sightline drafts the report from what the review holds, under the national template\u{2019}s headings. Edit each section here: your edits are kept with the review, and drafting again never overwrites them without asking. Issue numbered drafts to the Review Team, then the final version for the committee."
            </p>
            <dl class="app-summary-list" data-testid="report-status">
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">"Where the report stands"</dt>
                    <dd class="app-summary-list__value" data-testid="report-stage">{status}</dd>
                </div>
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">"Open comments"</dt>
                    <dd class="app-summary-list__value" data-testid="open-comments">{open_comments}</dd>
                </div>
            </dl>
            <nav class="app-contents-list" aria-labelledby="report-contents">
                <h2 class="app-heading-s" id="report-contents">"On this page"</h2>
                <ol class="app-list">
                    <li><a href="#drafting">"Draft from the review"</a></li>
                    <li><a href="#quality-check">"Quality check"</a></li>
                    <li><a href="#core-data">"Core data"</a></li>
                    <li><a href="#answers">"Answers to the review questions"</a></li>
                    <li><a href="#report-sections">"The sections"</a></li>
                    <li><a href="#versions">"Versions"</a></li>
                    <li><a href="#download-report">"Download or print"</a></li>
                    <li><a href="#anonymised">"The anonymised report"</a></li>
                </ol>
            </nav>
            <drafting::DraftPanel />
            <QualityCheck />
            <inputs::CoreDataForm />
            <inputs::AnswersForm />
            <inputs::AppendicesForm />
            <sections::SectionsEditor />
            <versions::VersionsPanel />
            <outputs::FullReport />
            <outputs::AnonymisedReport />
        </div>
        <outputs::PrintedReport />
        <span hidden data-testid="report-section-count">{SectionKey::ALL.len()}</span>
    }
}

/// Where a quality task's missing item is put right.
fn fix_link(review_id: sightline_core::ReviewId, at: &FixAt) -> String {
    match at {
        FixAt::Finding(id) => review_section_href(review_id, ReviewSection::Finding(*id)),
        FixAt::Action(id) => review_section_href(review_id, ReviewSection::Action(*id)),
        FixAt::Answer(id) => format!("#answer-{id}"),
        FixAt::SetUp => format!(
            "{}#review-questions",
            review_section_href(review_id, ReviewSection::SetUp)
        ),
        FixAt::DelayLog => format!(
            "{}#time-taken",
            review_section_href(review_id, ReviewSection::Overview)
        ),
    }
}

/// The quality check as a GOV.UK task list, each missing item linked to where it is put right.
#[component]
fn QualityCheck() -> impl IntoView {
    let session = use_review_session();
    let review_id = session.review().read_untracked().id;
    let state = expect_context::<ReportPageState>();
    let task_list = move || {
        state
            .tasks
            .get()
            .into_iter()
            .map(|task| {
                let done = task.done();
                view! {
                    <li class="app-task-list__item" data-testid="quality-task" data-done=done.to_string()>
                        <div class="app-task-list__name">
                            <strong>{task.task}</strong>
                            {(!done).then(|| view! {
                                <ul class="app-list app-list--bullet">
                                    {task.missing.iter().map(|(what, at)| {
                                        let href = fix_link(review_id, at);
                                        // An answer is on this page: focus its box rather than
                                        // leave it to the router.
                                        let on_page = href.strip_prefix('#').map(str::to_owned);
                                        view! {
                                            <li><a href=href on:click=move |ev| {
                                                if let Some(id) = &on_page {
                                                    ev.prevent_default();
                                                    crate::platform::dom::focus_element(id);
                                                }
                                            }>{what.clone()}</a></li>
                                        }
                                    }).collect_view()}
                                </ul>
                            })}
                        </div>
                        <strong class="app-tag" class:app-tag--green=done class:app-tag--grey=!done>
                            {if done { "Complete" } else { "Incomplete" }}
                        </strong>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h2 class="app-heading-l" id="quality-check">"Quality check"</h2>
        <p class="app-body">"What the final version needs. A draft can be issued before every task is complete; the final version cannot."</p>
        <ol class="app-task-list" data-testid="quality-tasks">{task_list}</ol>
    }
}
