//! The report's two outputs: the full report (for the committee and chief officers, marked
//! "Restricted" on every page) of the working copy or any issued version, and the anonymised
//! report (for the Care Inspectorate and publication), which leaves only once the
//! identifying-details check has passed for the text as it is. Each as Word, a self-contained
//! web page, or printed (the page prints the report alone).

use std::collections::BTreeMap;

use leptos::prelude::*;
use sightline_core::anonymise::{text_hash, Checker, TextPart};
use sightline_core::format::file_name;
use sightline_core::map::geometry;
use sightline_core::report::appendix::{self, AppendixPart};
use sightline_core::report::docx::{report_docx, MapPicture};
use sightline_core::report::render::{blocks, report_page, Output, ReportBlock, ReportText};
use sightline_core::report::SectionKey;
use sightline_core::{RecordId, Review, ReviewContent};

use super::versions::version_label;
use super::ReportPageState;
use crate::components::identifying_check::{CheckSubject, IdentifyingCheck};
use crate::platform::{clock, files, image};
use crate::services::session::use_review_session;

const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Writes the report's `sections` as `version` in a Word document or a web page, with the
/// chosen appendices in the full report, saves it, and says how that went in `outcome`. The
/// map's picture for Word is drawn by the browser first, so that case finishes later.
fn save_report(
    review: &Review,
    content: &ReviewContent,
    version: &str,
    sections: &BTreeMap<SectionKey, String>,
    output: Output,
    word: bool,
    outcome: RwSignal<Option<Result<String, String>>>,
) {
    let appendices = match output {
        Output::Full => appendix::appendices(review, content, &review.report.appendices),
        Output::Anonymised => Vec::new(),
    };
    let kind = format!("{} Learning Review", review.review_type.label());
    let stem = match output {
        Output::Full => format!("{} report {version}", review.title),
        Output::Anonymised => format!("{} anonymised report {version}", review.title),
    };
    let name = file_name(
        &stem,
        clock::today(),
        if word { ".docx" } else { ".html" },
        false,
    );
    let saved = move |bytes: Result<Vec<u8>, String>, mime: &str| {
        bytes.and_then(|bytes| {
            files::download(&name, mime, &bytes)
                .map(|()| name.clone())
                .map_err(|e| e.to_string())
        })
    };
    if !word {
        let text = ReportText::of(&review.title, &kind, version, review.setup.model, sections)
            .with_appendices(&appendices);
        outcome.set(Some(saved(
            Ok(report_page(&text, output).into_bytes()),
            "text/html;charset=utf-8",
        )));
        return;
    }
    let map_svg = appendices.iter().find_map(|a| match a {
        AppendixPart::Map { svg, .. } => Some(svg.clone()),
        _ => None,
    });
    let (title, model, version, sections) = (
        review.title.clone(),
        review.setup.model,
        version.to_owned(),
        sections.clone(),
    );
    let (width, height) = (
        geometry::map_width(&content.map_nodes).max(1) as u32,
        geometry::map_height().max(1) as u32,
    );
    leptos::task::spawn_local(async move {
        let picture = match map_svg {
            Some(svg) => {
                let scale = image::fitting_scale(width, height);
                image::svg_to_png(&svg, width, height, scale)
                    .await
                    .ok()
                    .map(|bytes| MapPicture {
                        bytes,
                        width: (f64::from(width) * scale) as u32,
                        height: (f64::from(height) * scale) as u32,
                    })
            }
            None => None,
        };
        let text =
            ReportText::of(&title, &kind, &version, model, &sections).with_appendices(&appendices);
        let bytes = report_docx(&text, output, picture.as_ref()).map_err(|e| e.to_string());
        outcome.set(Some(saved(bytes, DOCX_TYPE)));
    });
}

/// What a download says: the file saved, or the problem.
fn outcome_view(
    outcome: RwSignal<Option<Result<String, String>>>,
    testid: &'static str,
) -> impl IntoView {
    move || {
        outcome.get().map(|r| match r {
            Ok(name) => view! { <p class="app-body" role="status" data-testid=testid>{format!("Saved \u{201c}{name}\u{201d} to your downloads.")}</p> }.into_any(),
            Err(problem) => view! { <div class="app-warning-text" role="alert">{problem}</div> }.into_any(),
        })
    }
}

/// Downloading or printing the full report.
#[component]
pub(super) fn FullReport() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let content = session.content();
    // Which text: the working copy (None) or an issued version.
    let chosen = RwSignal::new(None::<RecordId>);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let choices = Memo::new(move |_| {
        review
            .read()
            .report
            .versions_in_order()
            .into_iter()
            .map(|(id, v)| (id, v.name.label()))
            .collect::<Vec<_>>()
    });
    let settled = expect_context::<ReportPageState>().settled;
    // The printed copy follows the text once typing pauses: bring it up to date first, and
    // print once it has been drawn.
    let print = move |_| {
        settled.set(review.with_untracked(|r| r.report.working_sections()));
        request_animation_frame(crate::platform::dom::print);
    };
    let download = move |word: bool| {
        outcome.set(None);
        let review = review.read_untracked();
        let (version, sections) = match chosen.get_untracked() {
            Some(id) => match review.report.versions.get(&id) {
                Some(v) => (v.name.label(), v.sections.clone()),
                None => (version_label(None), review.report.working_sections()),
            },
            None => (version_label(None), review.report.working_sections()),
        };
        content.with_untracked(|c| {
            save_report(&review, c, &version, &sections, Output::Full, word, outcome)
        });
    };
    view! {
        <h2 class="app-heading-l" id="download-report">"Download or print the full report"</h2>
        <p class="app-body">"The full report is for the committee and the chief officers, and is marked \u{201c}Restricted\u{201d} on every page. The Word document and the web page carry the appendices you chose; printing this page prints the sections only (print the web page for the appendices)."</p>
        <div class="app-form-group">
            <label class="app-label" for="full-version">"Which version"</label>
            <select class="app-select" id="full-version"
                on:change=move |ev| chosen.set(RecordId::parse(&event_target_value(&ev)))>
                <option value="working" selected=move || chosen.get().is_none()>"The working copy"</option>
                {move || choices.get().into_iter().map(|(id, name)| view! {
                    <option value=id.to_string() selected=move || chosen.get() == Some(id)>{name}</option>
                }).collect_view()}
            </select>
        </div>
        <div class="app-button-group">
            <button type="button" class="app-button" on:click=move |_| download(true)>"Download as Word (.docx)"</button>
            <button type="button" class="app-button app-button--secondary" on:click=move |_| download(false)>"Download as a web page (.html)"</button>
            <button type="button" class="app-button app-button--secondary" on:click=print>"Print the working copy or save it as a PDF"</button>
        </div>
        {outcome_view(outcome, "report-saved")}
    }
}

/// The report's text as the identifying-details check reads it.
fn report_parts(review: &Review) -> Vec<TextPart> {
    review.report.text_parts(review.setup.model)
}

/// The identifying-details check over the whole report, and the anonymised downloads it
/// unlocks.
#[component]
pub(super) fn AnonymisedReport() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let content = session.content();
    let settled = expect_context::<ReportPageState>().settled;
    let check_record = Memo::new(move |_| review.read().report.check.clone());
    let subject = CheckSubject {
        noun: "report",
        parts: Callback::new(move |()| review.with_untracked(report_parts)),
        flags: Callback::new(move |parts: Vec<TextPart>| {
            let committee = review.with_untracked(|r| r.committee.clone());
            content.with_untracked(|c| Checker::new(c).with_committee(&committee).check(&parts))
        }),
        // The settled text: the check follows typing once it pauses, not on every key.
        changed: Signal::derive(move || {
            settled.track();
            review.with_untracked(|r| text_hash(&report_parts(r)))
        }),
        dismissals: Memo::new(move |_| review.read().report.dismissals.clone()).into(),
        record: check_record.into(),
        dismiss: Callback::new(move |dismissal: sightline_core::content::Dismissal| {
            session.edit(|r| {
                r.report.dismissals.retain(|d| d.key != dismissal.key);
                r.report.dismissals.push(dismissal);
            })
        }),
        undismiss: Callback::new(move |key: String| {
            session.edit(|r| r.report.dismissals.retain(|d| d.key != key))
        }),
        confirm: Callback::new(move |record| session.edit(|r| r.report.check = Some(record))),
    };
    let confirmed =
        Signal::derive(move || review.with(|r| r.report.anonymised_ready(&report_parts(r))));
    let shown = RwSignal::new(false);
    let blocked = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let download = move |word: bool| {
        let state = subject.state();
        let ready = review.with_untracked(|r| r.report.anonymised_ready(&report_parts(r)));
        let refusal = if !state.open.is_empty() {
            Some(format!(
                "The anonymised report cannot be downloaded yet: {} to fix or dismiss. They are listed under \u{201c}Check for identifying details\u{201d}.",
                if state.open.len() == 1 { "1 flag".to_owned() } else { format!("{} flags", state.open.len()) }
            ))
        } else if !ready {
            Some("The anonymised report cannot be downloaded yet: confirm the check under \u{201c}Check for identifying details\u{201d} for the report as it is now.".to_owned())
        } else {
            None
        };
        if let Some(message) = refusal {
            outcome.set(None);
            blocked.set(Some(message));
            shown.set(true);
            crate::platform::dom::focus_element("anonymised-blocked");
            return;
        }
        blocked.set(None);
        let review = review.read_untracked();
        let version = review
            .report
            .versions_in_order()
            .last()
            .filter(|(_, v)| v.sections == review.report.working_sections())
            .map(|(_, v)| v.name.label())
            .unwrap_or_else(|| version_label(None));
        let sections = review.report.working_sections();
        content.with_untracked(|c| {
            save_report(
                &review,
                c,
                &version,
                &sections,
                Output::Anonymised,
                word,
                outcome,
            )
        });
    };
    view! {
        <h2 class="app-heading-l" id="anonymised">"The anonymised report"</h2>
        <p class="app-body">
            "For the Care Inspectorate (for an adult review, within 7 days of ratification) and for any publication. It carries no \u{201c}Restricted\u{201d} marking, so it leaves Sightline only once every flag of the check is fixed or dismissed with a reason and someone has confirmed that no one could be identified from the report as it is now. It carries no appendices: the chronology and the map hold exact dates and detail for the committee only."
        </p>
        <IdentifyingCheck subject shown confirmed />
        <div class="app-error-summary" id="anonymised-blocked" tabindex="-1" role="alert"
            hidden=move || blocked.read().is_none() data-testid="anonymised-blocked">
            {move || blocked.get()}
        </div>
        <div class="app-button-group">
            <button type="button" class="app-button" data-testid="anonymised-docx" on:click=move |_| download(true)>"Download the anonymised report as Word (.docx)"</button>
            <button type="button" class="app-button app-button--secondary" data-testid="anonymised-html" on:click=move |_| download(false)>"Download the anonymised report as a web page (.html)"</button>
        </div>
        {outcome_view(outcome, "anonymised-saved")}
    }
}

/// The working copy as it prints: hidden on screen, and the only thing on the printed page
/// (with the marking on every page, a table of contents and numbered sections). It follows the
/// text once typing pauses, and each section only its own text.
#[component]
pub(super) fn PrintedReport() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let settled = expect_context::<ReportPageState>().settled;
    let model = Memo::new(move |_| review.read().setup.model);
    let contents = move || {
        let model = model.get();
        SectionKey::ALL
            .into_iter()
            .map(|key| view! { <li>{format!("{}. {}", key.number(), key.heading(model))}</li> })
            .collect_view()
    };
    let sections = SectionKey::ALL
        .into_iter()
        .map(|key| {
            let body = Memo::new(move |_| settled.read().get(&key).cloned().unwrap_or_default());
            let blocks_view = move || {
                blocks(&body.read())
                    .into_iter()
                    .map(|block| match block {
                        ReportBlock::Heading(3, h) => view! { <h3>{h}</h3> }.into_any(),
                        ReportBlock::Heading(_, h) => view! { <h4>{h}</h4> }.into_any(),
                        ReportBlock::Paragraph(p) => view! { <p>{p}</p> }.into_any(),
                        ReportBlock::List(items) => view! {
                            <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                        }
                        .into_any(),
                    })
                    .collect_view()
            };
            view! {
                <section>
                    <h2 class="app-print-report__section">{move || format!("{}. {}", key.number(), key.heading(model.get()))}</h2>
                    {blocks_view}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="app-print-only app-print-report" data-testid="printed-report">
            <p class="app-print-report__marking">"RESTRICTED"</p>
            <p>{move || format!("{} Learning Review", review.read().review_type.label())}</p>
            <h1>{move || review.read().title.clone()}</h1>
            <p>"Working copy \u{2014} full report"</p>
            <h2>"Contents"</h2>
            <ol class="app-print-report__contents">{contents}</ol>
            {sections}
        </div>
    }
}
