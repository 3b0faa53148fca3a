//! Editing a review's own copy of a reflection framework: its name, and its questions'
//! wording and order. Questions with answers cannot be removed. Changes save as they are made.

use leptos::prelude::*;
use sightline_core::content::reflections::{is_built_in, prompt_answered, ReflectionTemplate};
use sightline_core::RecordId;

use crate::components::Field;
use crate::components::{use_page_title, ErrorMessage};
use crate::platform::clock;
use crate::platform::dom::focus_element;
use crate::routes::{review_section_href, ReviewSection};
use crate::services::session::{new_id, use_review_session};

/// The page for editing template `template`.
#[component]
pub fn TemplatePage(template: RecordId) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let current = Memo::new(move |_| content.read().get::<ReflectionTemplate>(template).cloned());
    use_page_title(move || {
        current
            .get()
            .map(|t| format!("Framework: {}", t.name))
            .unwrap_or_else(|| "Framework not found".to_owned())
    });
    let name = RwSignal::new(current.get_untracked().map(|t| t.name).unwrap_or_default());
    let name_error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let prompt_ids = Memo::new(move |_| {
        current
            .read()
            .as_ref()
            .map(|t| t.prompts.iter().map(|p| p.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });

    let set_name = move |text: String| {
        name.set(text.clone());
        if text.trim().is_empty() {
            name_error.set(Some("Enter a name for the framework".into()));
        } else {
            name_error.set(None);
            session
                .update_record::<ReflectionTemplate>(template, |t| t.name = text.trim().to_owned());
        }
    };
    let add_question = move |_| {
        let id = new_id();
        session.update_record::<ReflectionTemplate>(template, |t| {
            t.add_prompt(id, "New question", clock::now())
        });
        let target = format!("question-{id}");
        request_animation_frame(move || focus_element(&target));
    };

    view! {
        <Show
            when=move || current.read().is_some() && !is_built_in(template)
            fallback=move || view! {
                <crate::components::RecordNotFound what="Framework"
                    why="It may have been deleted. Built-in frameworks cannot be changed: copy one to make this review\u{2019}s version."
                    back=(review_section_href(review_id, ReviewSection::Reflections), "Reflections") />
            }
        >
            <span class="app-caption-l">"This review\u{2019}s framework"</span>
            <h1 class="app-heading-l" id="template-heading">{move || current.get().map(|t| t.name)}</h1>
            <p><a href=review_section_href(review_id, ReviewSection::Reflections)>"Back to reflections"</a></p>
            <Field id="template-name" label="Name" error=name_error>
                <input class="app-input" id="template-name" type="text" autocomplete="off"
                    prop:value=move || name.get()
                    on:input=move |ev| set_name(event_target_value(&ev))
                />
            </Field>
            <h2 class="app-heading-m" id="questions-heading">"Questions"</h2>
            {move || message.get().map(|m| view! { <p class="app-warning-text" role="alert">{m}</p> })}
            <ol class="app-question-list" aria-labelledby="questions-heading" data-testid="questions">
                {move || {
                    let ids = prompt_ids.get();
                    let last = ids.len().saturating_sub(1);
                    ids.into_iter().enumerate().map(|(n, prompt)| view! {
                        <QuestionEditor template prompt number=n + 1 first=n == 0 last=n == last message />
                    }).collect_view()
                }}
            </ol>
            <button type="button" class="app-button app-button--secondary" on:click=add_question>"Add question"</button>
        </Show>
    }
}

/// One question: its wording, and moving or removing it.
#[component]
fn QuestionEditor(
    template: RecordId,
    prompt: RecordId,
    number: usize,
    first: bool,
    last: bool,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let initial = content
        .read_untracked()
        .get::<ReflectionTemplate>(template)
        .and_then(|t| {
            t.prompts
                .iter()
                .find(|p| p.id == prompt)
                .map(|p| p.text.clone())
        })
        .unwrap_or_default();
    let text = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let answered = Memo::new(move |_| prompt_answered(&content.read(), prompt));
    let field_id = format!("question-{prompt}");
    let set_text = move |value: String| {
        text.set(value.clone());
        if value.trim().is_empty() {
            error.set(Some(format!("Enter the wording of question {number}")));
        } else {
            error.set(None);
            session.update_record::<ReflectionTemplate>(template, |t| {
                if let Some(p) = t.prompts.iter_mut().find(|p| p.id == prompt) {
                    p.text = value.trim().to_owned();
                }
            });
        }
    };
    let move_by = move |by: isize| {
        session.update_record::<ReflectionTemplate>(template, |t| {
            t.move_prompt(prompt, by, clock::now())
        });
        let target = format!("question-{prompt}");
        request_animation_frame(move || focus_element(&target));
    };
    let remove = move |_| {
        let content_now = content.read_untracked();
        let Some(mut copy) = content_now.get::<ReflectionTemplate>(template).cloned() else {
            return;
        };
        match copy.remove_prompt(prompt, &content_now, clock::now()) {
            Ok(()) => {
                drop(content_now);
                message.set(None);
                session.put_record(copy);
                request_animation_frame(|| focus_element("questions-heading"));
            }
            Err(problem) => message.set(Some(problem.to_string())),
        }
    };
    view! {
        <li class="app-question" data-testid="question">
            <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
                <label class="app-label" for=field_id.clone()>{format!("Question {number}")}</label>
                <ErrorMessage id=format!("{field_id}-error") message=error />
                <textarea class="app-textarea" id=field_id rows="2"
                    prop:value=move || text.get()
                    on:input=move |ev| set_text(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="app-button-group">
                {(!first).then(|| view! {
                    <button type="button" class="app-link-button" on:click=move |_| move_by(-1)>
                        "Move up"<span class="app-visually-hidden">{format!(" question {number}")}</span>
                    </button>
                })}
                {(!last).then(|| view! {
                    <button type="button" class="app-link-button" on:click=move |_| move_by(1)>
                        "Move down"<span class="app-visually-hidden">{format!(" question {number}")}</span>
                    </button>
                })}
                <Show when=move || !answered.get() fallback=|| view! { <span class="app-secondary-text">"Has answers, so it stays"</span> }>
                    <button type="button" class="app-link-button" on:click=remove>
                        "Remove"<span class="app-visually-hidden">{format!(" question {number}")}</span>
                    </button>
                </Show>
            </div>
        </li>
    }
}
