//! Reflections: starting a reflection for one of the review's events with a framework, the
//! list of reflections and their progress, and the frameworks (templates) a review can copy
//! and edit.

mod exchange;
mod reflection;
mod template;

pub use reflection::ReflectionPage;
pub use template::TemplatePage;

use leptos::prelude::*;
use sightline_core::content::reflections::{
    all_templates, copy_template, find_template, is_built_in, progress, template_in_use,
    ReflectionEvent,
};
use sightline_core::content::{RecordKind, Reflection, ReflectionTemplate};
use sightline_core::dates::format_uk_date;
use sightline_core::form::FieldError;
use sightline_core::{DateLabel, DateParts, RecordId};

use crate::components::error_summary::error_for;
use crate::components::Field;
use crate::components::{use_page_title, DateInput, ErrorSummary, TextField};
use crate::platform::clock;
use crate::platform::ids::BrowserIds;
use crate::routes::{review_section_href, use_navigator, ReviewSection};
use crate::services::session::{new_id, use_review_session};

/// The Reflections page.
#[component]
pub fn ReflectionsPage() -> impl IntoView {
    use_page_title(|| "Reflections".to_owned());
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let starting = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let content = content.read();
        content
            .reflections
            .iter()
            .map(|r| {
                let template = find_template(&content, r.template);
                let (name, answered, possible) = match &template {
                    Some(t) => {
                        let p = progress(r, t, &content);
                        (t.name.clone(), p.answered, p.possible)
                    }
                    None => ("(framework missing)".to_owned(), 0, 0),
                };
                (
                    r.id,
                    r.title.clone(),
                    r.event,
                    name,
                    r.held_on,
                    r.participants.len(),
                    answered,
                    possible,
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <h1 class="app-heading-l" id="reflections-heading" tabindex="-1">"Reflections"</h1>
        <p class="app-body">
            "Record what people said at a conversation, the practitioners\u{2019} event or the managers\u{2019} event, by their role and never by name, question by question."
        </p>
        <Show
            when=move || starting.get()
            fallback=move || view! {
                <button type="button" class="app-button" id="start-reflection" on:click=move |_| starting.set(true)>
                    "Start a reflection"
                </button>
            }
        >
            <StartReflection open=starting />
        </Show>
        <Show
            when=move || !rows.read().is_empty()
            fallback=|| view! { <p class="app-body" data-testid="no-reflections">"No reflections yet."</p> }
        >
            <table class="app-table app-table--stack" data-testid="reflections">
                <caption class="app-visually-hidden">"Reflections and how far their answers have got"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Reflection"</th>
                        <th scope="col" class="app-table__header">"Framework"</th>
                        <th scope="col" class="app-table__header">"Participants"</th>
                        <th scope="col" class="app-table__header">"Answers"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(id, title, event, framework, held_on, participants, answered, possible)| view! {
                        <tr class="app-table__row" data-testid="reflection-row">
                            <th scope="row" class="app-table__header">
                                <a href=review_section_href(review_id, ReviewSection::Reflection(id))>{title}</a>
                                <span class="app-secondary-text app-block">
                                    {event.label()}
                                    {held_on.map(|d| format!(", {}", format_uk_date(d)))}
                                </span>
                            </th>
                            <td class="app-table__cell" data-label="Framework">{framework}</td>
                            <td class="app-table__cell" data-label="Participants">{participants.to_string()}</td>
                            <td class="app-table__cell" data-label="Answers">{format!("{answered} of {possible}")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Show>
        <Templates />
    }
}

/// The form that starts a reflection.
#[component]
fn StartReflection(open: RwSignal<bool>) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let navigator = use_navigator();
    let event = RwSignal::new(ReflectionEvent::PractitionersEvent);
    let template = RwSignal::new(ReflectionEvent::PractitionersEvent.suggested_template());
    let title = RwSignal::new(ReflectionEvent::PractitionersEvent.label().to_owned());
    let held_on = RwSignal::new(DateParts::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let templates = Memo::new(move |_| {
        all_templates(&content.read())
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect::<Vec<_>>()
    });
    let choose_event = move |kind: ReflectionEvent| {
        // Follow the event with the title and framework unless the person has changed them.
        let previous = event.get_untracked();
        if title.get_untracked() == previous.label() {
            title.set(kind.label().to_owned());
        }
        if template.get_untracked() == previous.suggested_template() {
            template.set(kind.suggested_template());
        }
        event.set(kind);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut problems = Vec::new();
        let name = title.get_untracked().trim().to_owned();
        if name.is_empty() {
            problems.push(FieldError::new(
                "reflection-title",
                "Enter a title for the reflection",
            ));
        }
        let date = held_on.get_untracked();
        let held = if date.is_empty() {
            None
        } else {
            match date.parse_past(clock::today(), None) {
                Ok(date) => Some(date),
                Err(problem) => {
                    problems.push(FieldError::new(
                        sightline_core::review::new_review::date_field_id(
                            "reflection-date",
                            &problem,
                        ),
                        problem.message(DateLabel {
                            name: "Date held",
                            what: "the date it was held",
                        }),
                    ));
                    None
                }
            }
        };
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        let reflection = Reflection {
            id: new_id(),
            event: event.get_untracked(),
            template: template.get_untracked(),
            title: name,
            held_on: held,
            participants: Vec::new(),
            updated_at: clock::now(),
        };
        let id = reflection.id;
        session.put_record(reflection);
        open.set(false);
        navigator.go_to(&review_section_href(
            review_id,
            ReviewSection::Reflection(id),
        ));
    };
    request_animation_frame(|| {
        crate::platform::dom::focus_element("reflection-event-practitioners_event")
    });
    view! {
        <form class="app-inline-form" novalidate on:submit=submit data-testid="start-reflection-form">
            <ErrorSummary errors=errors />
            <h2 class="app-heading-m">"Start a reflection"</h2>
            <div class="app-form-group">
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">"Which event is it for?"</legend>
                    <div class="app-radios">
                        {ReflectionEvent::ALL.into_iter().map(|kind| {
                            let id = format!("reflection-event-{}", kind.key());
                            view! {
                                <div class="app-radios__item">
                                    <input class="app-radios__input" type="radio" name="reflection-event" id=id.clone()
                                        prop:checked=move || event.get() == kind
                                        on:change=move |_| choose_event(kind)
                                    />
                                    <label class="app-label app-radios__label" for=id>{kind.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <Field id="reflection-framework" label="Framework" hint="The questions people answer. Sightline suggests one for the event.">
                <select class="app-select" id="reflection-framework" aria-describedby="reflection-framework-hint"
                    on:change=move |ev| if let Some(id) = RecordId::parse(&event_target_value(&ev)) { template.set(id) }
                >
                    {move || templates.get().into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=move || template.get() == id>{name}</option>
                    }).collect_view()}
                </select>
            </Field>
            <TextField
                id="reflection-title"
                label="Title"
                value=title
                error=Signal::derive(move || error_for(&errors.read(), "reflection-title"))
            />
            <DateInput
                id="reflection-date"
                legend="Date held (optional)"
                hint="For example, 27 3 2026"
                parts=held_on
                error=Signal::derive(move || error_for(&errors.read(), "reflection-date"))
            />
            <div class="app-button-group">
                <button type="submit" class="app-button">"Start reflection"</button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </form>
    }
}

/// The frameworks: the built-in ones (copy to edit) and the review's own versions.
#[component]
fn Templates() -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let navigator = use_navigator();
    let rows = Memo::new(move |_| {
        let content = content.read();
        all_templates(&content)
            .into_iter()
            .map(|t| {
                let in_use = template_in_use(&content, t.id);
                (
                    t.id,
                    t.name,
                    t.description,
                    t.prompts.len(),
                    is_built_in(t.id),
                    in_use,
                )
            })
            .collect::<Vec<_>>()
    });
    let copy = move |id: RecordId| {
        let Some(source) = find_template(&content.read_untracked(), id) else {
            return;
        };
        let copy: ReflectionTemplate = copy_template(&source, &mut BrowserIds, clock::now());
        let new_id = copy.id;
        session.put_record(copy);
        navigator.go_to(&review_section_href(
            review_id,
            ReviewSection::Template(new_id),
        ));
    };
    view! {
        <h2 class="app-heading-m" id="frameworks-heading">"Frameworks"</h2>
        <p class="app-body">"Copy a framework to change its questions for this review. The built-in ones stay as they are."</p>
        <ul class="app-list app-list--rows" aria-labelledby="frameworks-heading" data-testid="frameworks">
            {move || rows.get().into_iter().map(|(id, name, description, prompts, built_in, in_use)| view! {
                <li>
                    <span class="app-list__main">
                        <strong>{name.clone()}</strong>
                        {(!built_in).then(|| view! { " " <strong class="app-tag app-tag--blue">"This review\u{2019}s version"</strong> })}
                        <span class="app-secondary-text app-block">{format!("{prompts} questions. {description}")}</span>
                    </span>
                    <span class="app-list__actions">
                        {if built_in {
                            view! {
                                <button type="button" class="app-link-button" on:click=move |_| copy(id)>
                                    "Copy and edit"<span class="app-visually-hidden">{format!(" {name}")}</span>
                                </button>
                            }.into_any()
                        } else {
                            view! {
                                <a href=review_section_href(review_id, ReviewSection::Template(id))>
                                    "Edit"<span class="app-visually-hidden">{format!(" {name}")}</span>
                                </a>
                                {(!in_use).then(|| view! {
                                    " "
                                    <button type="button" class="app-link-button" on:click=move |_| session.remove_record(RecordKind::Template, id)>
                                        "Delete"<span class="app-visually-hidden">{format!(" {name}")}</span>
                                    </button>
                                })}
                            }.into_any()
                        }}
                    </span>
                </li>
            }).collect_view()}
        </ul>
    }
}
