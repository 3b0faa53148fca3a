//! The Report page: the Reviewer's report drafted from the review under the national headings,
//! the quality check as a task list with links to what is missing, and the full report
//! (marked "Restricted") downloaded as Word or as a web page.
//!
//! This first step drafts the report afresh from the review each time the page opens: nothing
//! of it is stored yet, so nothing can be lost. Editing sections, issued versions, comments and
//! the anonymised report come with the report's place in the review file (format version 5).

use leptos::prelude::*;
use sightline_core::format::file_name;
use sightline_core::report::docx::report_docx;
use sightline_core::report::draft::draft_all;
use sightline_core::report::quality::{check, FixAt};
use sightline_core::report::render::{blocks, report_page, Output, ReportBlock, ReportText};
use sightline_core::report::{Report, SectionKey};

use crate::components::use_page_title;
use crate::platform::{clock, files, timing};
use crate::routes::{review_section_href, ReviewSection};
use crate::services::session::use_review_session;

/// The Report page of a review.
#[component]
pub fn ReportPage() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let content = session.content();
    use_page_title(move || format!("Report: {}", review.read().title));
    let today = clock::today();
    // Measured for the benchmark (bench/report.mjs) as "sightline:report-draft".
    let drafts = Memo::new(move |_| {
        timing::mark("sightline:report-draft-start");
        let drafts = draft_all(&review.read(), &content.read(), &Report::default(), today);
        timing::measure("sightline:report-draft", "sightline:report-draft-start");
        drafts
    });
    let tasks = Memo::new(move |_| {
        timing::mark("sightline:report-check-start");
        let tasks = check(&review.read(), &content.read(), &Report::default(), today);
        timing::measure("sightline:report-check", "sightline:report-check-start");
        tasks
    });
    let review_id = review.read_untracked().id;
    let outcome = RwSignal::new(None::<Result<String, String>>);

    let link = move |at: &FixAt| match at {
        FixAt::Finding(id) => review_section_href(review_id, ReviewSection::Finding(*id)),
        FixAt::Action(id) => review_section_href(review_id, ReviewSection::Action(*id)),
        FixAt::Answer(_) | FixAt::SetUp => {
            format!(
                "{}#review-questions",
                review_section_href(review_id, ReviewSection::SetUp)
            )
        }
        FixAt::DelayLog => format!(
            "{}#time-taken",
            review_section_href(review_id, ReviewSection::Overview)
        ),
    };

    let download = move |word: bool| {
        let review = review.read_untracked();
        let drafts = drafts.get_untracked();
        let kind = format!("{} Learning Review", review.review_type.label());
        let text = ReportText {
            title: &review.title,
            kind: &kind,
            version: "Working draft",
            model: review.setup.model,
            sections: drafts.iter().map(|(k, t)| (*k, t.as_str())).collect(),
        };
        let stem = format!("{} report", review.title);
        let result = if word {
            report_docx(&text, Output::Full)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    let name = file_name(&stem, clock::today(), ".docx", false);
                    files::download(
                        &name,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        &bytes,
                    )
                    .map(|()| name)
                    .map_err(|e| e.to_string())
                })
        } else {
            let page = report_page(&text, Output::Full);
            let name = file_name(&stem, clock::today(), ".html", false);
            files::download(&name, "text/html;charset=utf-8", page.as_bytes())
                .map(|()| name)
                .map_err(|e| e.to_string())
        };
        outcome.set(Some(result));
    };

    let task_list = move || {
        tasks
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
                                    {task.missing.iter().map(|(what, at)| view! {
                                        <li><a href=link(at)>{what.clone()}</a></li>
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

    let sections = move || {
        let model = review.read().setup.model;
        drafts
            .get()
            .into_iter()
            .map(|(key, text)| {
                let heading = format!("{}. {}", key.number(), key.heading(model));
                let body = blocks(&text)
                    .into_iter()
                    .map(|block| match block {
                        ReportBlock::Heading(3, h) => view! { <h4 class="app-heading-s">{h}</h4> }.into_any(),
                        ReportBlock::Heading(_, h) => view! { <h5 class="app-heading-s">{h}</h5> }.into_any(),
                        ReportBlock::Paragraph(p) => view! { <p class="app-body">{p}</p> }.into_any(),
                        ReportBlock::List(items) => view! {
                            <ul class="app-list app-list--bullet">
                                {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                            </ul>
                        }.into_any(),
                    })
                    .collect_view();
                view! {
                    <section class="app-report-section" data-testid="report-section" data-section=key.key() aria-labelledby=format!("report-section-{}", key.key())>
                        <h3 class="app-heading-m" id=format!("report-section-{}", key.key())>{heading}</h3>
                        {body}
                    </section>
                }
            })
            .collect_view()
    };

    view! {
        <h1 class="app-heading-xl">"The Reviewer\u{2019}s report"</h1>
        <div class="app-inset-text">
            <p class="app-body">
                "Sightline drafts the report from what the review holds, under the national template\u{2019}s headings. This draft is made afresh each time you open the page, so it always follows the review; nothing of it is stored yet."
            </p>
            <p class="app-body">
                "Editing each section here, issuing numbered drafts and a final version, comments from the Review Team and the anonymised report for the Care Inspectorate are still to come. Until then, download the full report as a Word document to finish it there."
            </p>
        </div>
        <h2 class="app-heading-l" id="quality-check">"Quality check"</h2>
        <ol class="app-task-list" data-testid="quality-tasks">{task_list}</ol>
        <h2 class="app-heading-l" id="download-report">"Download the full report"</h2>
        <p class="app-body">"The full report is for the committee and the chief officers, and is marked \u{201c}Restricted\u{201d} on every page."</p>
        <div class="app-button-group">
            <button type="button" class="app-button" on:click=move |_| download(true)>"Download as Word (.docx)"</button>
            <button type="button" class="app-button app-button--secondary" on:click=move |_| download(false)>"Download as a web page (.html)"</button>
        </div>
        {move || outcome.get().map(|r| match r {
            Ok(name) => view! { <p class="app-body" role="status" data-testid="report-saved">{format!("Saved \u{201c}{name}\u{201d} to your downloads.")}</p> }.into_any(),
            Err(problem) => view! { <div class="app-warning-text" role="alert">{problem}</div> }.into_any(),
        })}
        <h2 class="app-heading-l" id="report-draft">"The draft"</h2>
        <p class="app-marking" data-testid="report-marking"><strong>"RESTRICTED"</strong></p>
        {sections}
        <span hidden data-testid="report-section-count">{SectionKey::ALL.len()}</span>
    }
}
