//! "Export briefing": the briefing in each format, and the team return form. Nothing leaves
//! until the check is cleared for the text as it is now.

use leptos::prelude::*;
use sightline_core::content::Briefing;
use sightline_core::format::file_name;
use sightline_core::render::docx::briefing_docx;
use sightline_core::render::html::{briefing_page, team_return_page};
use sightline_core::render::markdown::briefing_markdown;
use sightline_core::render::slides::briefing_slides;
use sightline_core::RecordId;

use super::check::briefing_subject;
use crate::platform::{clock, files};
use crate::services::session::use_review_session;

/// The formats a briefing exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Html,
    Slides,
    Markdown,
    Docx,
}

impl Format {
    const ALL: [Format; 4] = [Format::Html, Format::Slides, Format::Markdown, Format::Docx];

    fn key(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Slides => "slides",
            Format::Markdown => "markdown",
            Format::Docx => "docx",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Format::Html => "Web page (a single HTML file)",
            Format::Slides => "Online briefing (a slide deck in one HTML file)",
            Format::Markdown => "Markdown",
            Format::Docx => "Word document (.docx)",
        }
    }
}

/// The export section of the Briefing page.
#[component]
pub fn BriefingExport(
    briefing: RecordId,
    current: Memo<Option<Briefing>>,
    check_shown: RwSignal<bool>,
) -> impl IntoView {
    let session = use_review_session();
    let subject = briefing_subject(briefing, current);
    let format = RwSignal::new(Format::Html);
    let blocked = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    // Whether the briefing may leave: every flag dealt with and the check confirmed for this text.
    let gate = move || -> Result<Briefing, String> {
        let Some(briefing) = current.get_untracked() else {
            return Err("There is no briefing to export.".into());
        };
        let state = subject.state();
        if !state.open.is_empty() {
            return Err(format!(
                "The briefing cannot be exported yet: {} to fix or dismiss. They are listed under \u{201c}Check for identifying details\u{201d}.",
                if state.open.len() == 1 { "1 flag".to_owned() } else { format!("{} flags", state.open.len()) }
            ));
        }
        if !briefing.check_is_current(&state.text_hash) {
            return Err("The briefing cannot be exported yet: confirm the check under \u{201c}Check for identifying details\u{201d} for the text as it is now.".into());
        }
        Ok(briefing)
    };
    let refuse = move |message: String| {
        outcome.set(None);
        blocked.set(Some(message));
        check_shown.set(true);
        crate::platform::dom::focus_element("export-blocked");
    };
    let export = move |_| {
        let briefing = match gate() {
            Ok(b) => b,
            Err(message) => return refuse(message),
        };
        blocked.set(None);
        let today = clock::today();
        let chosen = format.get_untracked();
        let (suffix, mime, bytes) = match chosen {
            Format::Html => (
                ".html",
                "text/html;charset=utf-8",
                briefing_page(&briefing).into_bytes(),
            ),
            Format::Slides => (
                "-slides.html",
                "text/html;charset=utf-8",
                briefing_slides(&briefing).into_bytes(),
            ),
            Format::Markdown => (
                ".md",
                "text/markdown;charset=utf-8",
                briefing_markdown(&briefing).into_bytes(),
            ),
            Format::Docx => match briefing_docx(&briefing) {
                Ok(bytes) => (
                    ".docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    bytes,
                ),
                Err(error) => {
                    outcome.set(Some(Err(error.to_string())));
                    return;
                }
            },
        };
        let name = file_name(&briefing.title, today, suffix, false);
        outcome.set(Some(
            files::download(&name, mime, &bytes)
                .map(|()| name)
                .map_err(|e| e.to_string()),
        ));
    };
    let print = move |_| {
        if let Err(message) = gate() {
            return refuse(message);
        }
        blocked.set(None);
        crate::platform::dom::print();
    };
    let team_return = move |_| {
        let briefing = match gate() {
            Ok(b) => b,
            Err(message) => return refuse(message),
        };
        blocked.set(None);
        let committee = session.review().read_untracked().committee.clone();
        let name = file_name(
            &format!("{} team return", briefing.title),
            clock::today(),
            ".html",
            false,
        );
        let page = team_return_page(&briefing, &committee);
        outcome.set(Some(
            files::download(&name, "text/html;charset=utf-8", page.as_bytes())
                .map(|()| name)
                .map_err(|e| e.to_string()),
        ));
    };
    view! {
        <section aria-labelledby="export-briefing-heading">
            <h2 class="app-heading-m" id="export-briefing-heading">"Export briefing"</h2>
            <div id="export-blocked" tabindex="-1">
                {move || blocked.get().map(|message| view! {
                    <div class="app-error-summary" role="alert" data-testid="export-blocked">
                        <h3 class="app-error-summary__title">"There is a problem"</h3>
                        <p class="app-body">{message}</p>
                        <p><a href="#check-heading">"Go to the check"</a></p>
                    </div>
                })}
            </div>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"Format"</legend>
                <div class="app-radios">
                    {Format::ALL.into_iter().map(|f| {
                        let id = format!("briefing-format-{}", f.key());
                        view! {
                            <div class="app-radios__item">
                                <input class="app-radios__input" type="radio" name="briefing-format" id=id.clone()
                                    prop:checked=move || format.get() == f on:change=move |_| format.set(f) />
                                <label class="app-label app-radios__label" for=id>{f.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=export>"Export briefing"</button>
                <button type="button" class="app-button app-button--secondary" on:click=print>"Print briefing"</button>
            </div>
            {move || outcome.get().map(|result| match result {
                Ok(name) => view! { <p class="app-body" role="status" data-testid="export-outcome">{format!("Saved as {name}.")}</p> }.into_any(),
                Err(message) => view! { <p class="app-error-message" role="alert">{message}</p> }.into_any(),
            })}
            <h3 class="app-heading-s">"Team return form"</h3>
            <p class="app-body">"A form for each team to print, fill in after they have used the briefing (\u{201c}how we used this briefing\u{201d}) and send back to the committee."</p>
            <button type="button" class="app-button app-button--secondary" on:click=team_return>"Download team return form"</button>
        </section>
    }
}
