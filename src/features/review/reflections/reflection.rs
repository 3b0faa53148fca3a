//! One reflection: its participants (by role), its questions with each participant's answer,
//! consent to quote, links to episodes and events, and how far the answers have got.
//! Answers save as they are typed.

use leptos::prelude::*;
use sightline_core::content::reflections::{
    find_template, progress, validate_participant_role, Participant, Progress,
};
use sightline_core::content::{RecordKind, Reflection, ReflectionTemplate, Response};
use sightline_core::dates::format_uk_date;
use sightline_core::form::FieldError;
use sightline_core::RecordId;

use crate::components::error_summary::error_for;
use crate::components::EventPicker;
use crate::components::{use_page_title, ConfirmDialog, ErrorSummary};
use crate::platform::clock;
use crate::platform::dom::focus_element;
use crate::routes::{review_section_href, use_navigator, ReviewSection};
use crate::services::session::{new_id, use_review_session};

/// A reflection's page.
#[component]
pub fn ReflectionPage(reflection: RecordId) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let current = Memo::new(move |_| content.read().get::<Reflection>(reflection).cloned());
    // Templates are not edited on this page: follow which template the reflection uses, not
    // every change to the review's content.
    let template_id = Memo::new(move |_| current.read().as_ref().map(|r| r.template));
    let template = Memo::new(move |_| {
        template_id
            .get()
            .and_then(|id| content.with_untracked(|content| find_template(content, id)))
    });
    use_page_title(move || {
        current
            .get()
            .map(|r| format!("Reflection: {}", r.title))
            .unwrap_or_else(|| "Reflection not found".to_owned())
    });
    let found = Memo::new(move |_| current.read().is_some() && template.read().is_some());
    view! {
        <Show
            when=move || found.get()
            fallback=move || view! {
                <crate::components::RecordNotFound what="Reflection"
                    back=(review_section_href(review_id, ReviewSection::Reflections), "All reflections") />
            }
        >
            <ReflectionDetails reflection current template />
        </Show>
    }
}

#[component]
fn ReflectionDetails(
    reflection: RecordId,
    current: Memo<Option<Reflection>>,
    template: Memo<Option<ReflectionTemplate>>,
) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let navigator = use_navigator();
    let participants = Memo::new(move |_| {
        current
            .read()
            .as_ref()
            .map(|r| r.participants.clone())
            .unwrap_or_default()
    });
    let prompts = Memo::new(move |_| {
        template
            .read()
            .as_ref()
            .map(|t| t.prompts.clone())
            .unwrap_or_default()
    });
    let progress = Memo::new(
        move |_| match (current.read().as_ref(), template.read().as_ref()) {
            (Some(r), Some(t)) => Some(progress(r, t, &content.read())),
            _ => None,
        },
    );
    // Episodes are not changed on this page.
    let episodes = Memo::new(move |_| {
        content.with_untracked(|content| {
            content
                .episodes
                .iter()
                .map(|e| (e.id, e.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    // Which answers exist, by (prompt, participant): changes only when one is added or removed,
    // not while someone types in one.
    let answer_ids = Memo::new(move |_| {
        let order = participants.read();
        let position = |who: RecordId| order.iter().position(|p| p.id == who).unwrap_or(usize::MAX);
        let mut ids = content
            .read()
            .responses
            .iter()
            .filter(|r| r.reflection == reflection)
            .map(|r| (r.prompt, r.participant, r.id))
            .collect::<Vec<_>>();
        // Answers to a question follow the order of the participants.
        ids.sort_by_key(|(_, who, _)| position(*who));
        ids
    });
    let confirm_delete = RwSignal::new(false);

    view! {
        <span class="app-caption-l">
            {move || current.get().map(|r| {
                let mut caption = r.event.label().to_owned();
                if let Some(d) = r.held_on { caption.push_str(&format!(", {}", format_uk_date(d))); }
                caption
            })}
        </span>
        <h1 class="app-heading-l" id="reflection-heading" tabindex="-1">{move || current.get().map(|r| r.title)}</h1>
        <p class="app-body">
            "Framework: " <strong>{move || template.get().map(|t| t.name)}</strong>
        </p>

        <h2 class="app-heading-m" id="participants-heading">"Participants"</h2>
        <p class="app-hint">"By role, never by name."</p>
        <ul class="app-list app-list--rows" aria-labelledby="participants-heading" data-testid="participants">
            {move || participants.get().into_iter().map(|p| {
                let id = p.id;
                let has_answers = move || answer_ids.read().iter().any(|(_, who, _)| *who == id);
                view! {
                    <li>
                        <span class="app-list__main">{p.role.clone()}</span>
                        <span class="app-list__actions">
                            <Show when=move || !has_answers()>
                                <button type="button" class="app-link-button" on:click=move |_| {
                                    session.update_record::<Reflection>(reflection, |r| r.participants.retain(|x| x.id != id));
                                }>
                                    "Remove"<span class="app-visually-hidden">{format!(" {}", p.role)}</span>
                                </button>
                            </Show>
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
        <AddParticipant reflection current />

        <crate::components::CitingFindings kind=sightline_core::content::RecordKind::Reflection id=reflection />

        <h2 class="app-heading-m" id="progress-heading">"Progress"</h2>
        {move || progress.get().map(|p| view! { <ProgressTable progress=p participants=participants.get() prompts=prompts.get() /> })}

        <h2 class="app-heading-m">"Questions and answers"</h2>
        {move || prompts.get().into_iter().enumerate().map(|(n, prompt)| {
            let prompt_id = prompt.id;
            view! {
                <section class="app-prompt" aria-labelledby=format!("prompt-{prompt_id}")>
                    <h3 class="app-heading-s" id=format!("prompt-{prompt_id}")>{format!("{}. {}", n + 1, prompt.text)}</h3>
                    {(!prompt.help.is_empty()).then(|| view! { <p class="app-hint">{prompt.help.clone()}</p> })}
                    {move || answer_ids.get().into_iter().filter(|(p, _, _)| *p == prompt_id).map(|(_, who, response)| {
                        let role = participants.read().iter().find(|x| x.id == who).map(|x| x.role.clone()).unwrap_or_else(|| "Someone no longer listed".into());
                        view! { <AnswerEditor response role episodes /> }
                    }).collect_view()}
                    <AddResponse reflection prompt=prompt_id participants answer_ids />
                </section>
            }
        }).collect_view()}

        <super::exchange::PackExchange reflection />

        <h2 class="app-heading-m">"Delete this reflection"</h2>
        <button type="button" class="app-button app-button--warning" on:click=move |_| confirm_delete.set(true)>
            "Delete reflection"
        </button>
        <ConfirmDialog
            open=confirm_delete
            heading=Signal::derive(move || format!("Delete \u{201c}{}\u{201d}?", current.get().map(|r| r.title).unwrap_or_default()))
            confirm_label="Delete reflection"
            on_confirm=move || {
                session.remove_record(RecordKind::Reflection, reflection);
                navigator.go_to(&review_section_href(review_id, ReviewSection::Reflections));
            }
        >
            <p class="app-body">"Every answer in it is deleted too."</p>
        </ConfirmDialog>
    }
}

/// Adding a participant: someone from the register, or a role typed in.
#[component]
fn AddParticipant(reflection: RecordId, current: Memo<Option<Reflection>>) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let role = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // The register does not change on this page.
    let people = Memo::new(move |_| {
        content.with_untracked(|content| {
            content
                .people
                .iter()
                .map(|p| (p.id, p.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(reflection_now) = current.get_untracked() else {
            return;
        };
        match validate_participant_role(&role.get_untracked(), &reflection_now) {
            Ok(label) => {
                let person = people
                    .read_untracked()
                    .iter()
                    .find(|(_, l)| l.eq_ignore_ascii_case(&label))
                    .map(|(id, _)| *id);
                session.update_record::<Reflection>(reflection, |r| {
                    r.participants.push(Participant {
                        id: new_id(),
                        role: label,
                        person,
                    })
                });
                role.set(String::new());
                errors.set(Vec::new());
                request_animation_frame(|| focus_element("participant-role"));
            }
            Err(problem) => errors.set(vec![problem]),
        }
    };
    view! {
        <datalist id="participant-options">
            {move || people.get().into_iter().map(|(_, label)| view! { <option value=label></option> }).collect_view()}
        </datalist>
        <form class="app-inline-form" novalidate on:submit=add>
            <ErrorSummary errors=errors />
            <div class="app-form-group" class:app-form-group--error=move || error_for(&errors.read(), "participant-role").is_some()>
                <label class="app-label" for="participant-role">"Add a participant by role"</label>
                <div class="app-hint" id="participant-role-hint">"Choose from the register or type a role, such as \u{201c}Social Worker 2\u{201d}. Never a name."</div>
                <crate::components::ErrorMessage id="participant-role-error" message=Signal::derive(move || error_for(&errors.read(), "participant-role")) />
                <input class="app-input app-input--width-20" id="participant-role" type="text" autocomplete="off"
                    list="participant-options" aria-describedby="participant-role-hint"
                    prop:value=move || role.get()
                    on:input=move |ev| role.set(event_target_value(&ev))
                />
            </div>
            <button type="submit" class="app-button app-button--secondary">"Add participant"</button>
        </form>
    }
}

/// Which prompts and which participants have answers.
#[component]
fn ProgressTable(
    progress: Progress,
    participants: Vec<Participant>,
    prompts: Vec<sightline_core::content::Prompt>,
) -> impl IntoView {
    view! {
        <p class="app-body" data-testid="progress-summary">
            {format!("{} of {} answers given.", progress.answered, progress.possible)}
        </p>
        <div class="app-table-wrapper">
            <table class="app-table app-table--compact" aria-labelledby="progress-heading" data-testid="progress">
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Question"</th>
                        {participants.iter().map(|p| view! { <th scope="col" class="app-table__header">{p.role.clone()}</th> }).collect_view()}
                        <th scope="col" class="app-table__header">"Answered by"</th>
                    </tr>
                </thead>
                <tbody>
                    {prompts.iter().enumerate().map(|(n, prompt)| {
                        let count = progress.by_prompt.iter().find(|(id, _)| *id == prompt.id).map(|(_, c)| *c).unwrap_or(0);
                        view! {
                            <tr class="app-table__row">
                                <th scope="row" class="app-table__header">{format!("Question {}", n + 1)}</th>
                                {participants.iter().map(|p| {
                                    let answered = progress.answered_pairs.contains(&(prompt.id, p.id));
                                    view! { <td class="app-table__cell">{if answered { "Answered" } else { "\u{2014}" }}</td> }
                                }).collect_view()}
                                <td class="app-table__cell">{format!("{count} of {}", participants.len())}</td>
                            </tr>
                        }
                    }).collect_view()}
                    <tr class="app-table__row">
                        <th scope="row" class="app-table__header">"Questions answered"</th>
                        {participants.iter().map(|p| {
                            let count = progress.by_participant.iter().find(|(id, _)| *id == p.id).map(|(_, c)| *c).unwrap_or(0);
                            view! { <td class="app-table__cell">{format!("{count} of {}", prompts.len())}</td> }
                        }).collect_view()}
                        <td class="app-table__cell"></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// Adding an answer for a participant who has not answered this question yet.
#[component]
fn AddResponse(
    reflection: RecordId,
    prompt: RecordId,
    participants: Memo<Vec<Participant>>,
    answer_ids: Memo<Vec<(RecordId, RecordId, RecordId)>>,
) -> impl IntoView {
    let session = use_review_session();
    let waiting = Memo::new(move |_| {
        let answered: Vec<RecordId> = answer_ids
            .read()
            .iter()
            .filter(|(p, _, _)| *p == prompt)
            .map(|(_, who, _)| *who)
            .collect();
        participants
            .read()
            .iter()
            .filter(|p| !answered.contains(&p.id))
            .cloned()
            .collect::<Vec<_>>()
    });
    let chosen = RwSignal::new(None::<RecordId>);
    let select_id = format!("add-response-{prompt}");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = chosen
            .get_untracked()
            .or_else(|| waiting.read_untracked().first().map(|p| p.id));
        let Some(who) = who else { return };
        let response = Response {
            id: new_id(),
            reflection,
            prompt,
            participant: who,
            text: String::new(),
            consent_to_quote: false,
            episodes: Vec::new(),
            events: Vec::new(),
            updated_at: clock::now(),
        };
        let target = format!("answer-{}", response.id);
        session.put_record(response);
        chosen.set(None);
        request_animation_frame(move || focus_element(&target));
    };
    view! {
        <Show when=move || !waiting.read().is_empty()>
            <form class="app-add-response" novalidate on:submit=add>
                <div class="app-form-group">
                    <label class="app-label" for=select_id.clone()>"Answer from"</label>
                    <select class="app-select" id=select_id.clone() on:change=move |ev| chosen.set(RecordId::parse(&event_target_value(&ev)))>
                        {move || waiting.get().into_iter().map(|p| {
                            let id = p.id;
                            view! { <option value=id.to_string() selected=move || chosen.get() == Some(id)>{p.role}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="app-button app-button--secondary">"Add response"</button>
            </form>
        </Show>
        <Show when=move || participants.read().is_empty()>
            <p class="app-hint">"Add participants above to record their answers."</p>
        </Show>
    }
}

/// One answer: the text (saved as it is typed), consent to quote, and what it is about.
#[component]
fn AnswerEditor(
    response: RecordId,
    role: String,
    /// The review's episodes, for linking.
    episodes: Memo<Vec<(RecordId, String)>>,
) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    // The answer's fields as local state: only this editor changes them, so one answer does
    // not redraw, or even recompute, while another is typed in. (Derived from the review's
    // content instead, every keystroke woke all the answers on the page: 70 on a large
    // practitioners' event.)
    let initial = content.with_untracked(|c| c.get::<Response>(response).cloned());
    let text = RwSignal::new(initial.as_ref().map(|r| r.text.clone()).unwrap_or_default());
    let consent = RwSignal::new(initial.as_ref().is_some_and(|r| r.consent_to_quote));
    let links = RwSignal::new(initial.map(|r| (r.episodes, r.events)).unwrap_or_default());
    let update = move |change: Box<dyn FnOnce(&mut Response)>| {
        session.update_record::<Response>(response, |r| change(r));
    };
    // The chronology does not change on this page: read it when the links change only.
    let linked_events = Memo::new(move |_| {
        let ids = links.read().1.clone();
        content.with_untracked(|content| {
            ids.iter()
                .filter_map(|id| content.get::<sightline_core::content::ChronologyEvent>(*id))
                .map(|e| {
                    let when = e.when();
                    (e.id, format!("{when}: {}", e.what_happened))
                })
                .collect::<Vec<_>>()
        })
    });
    let details_open = RwSignal::new(false);
    let events_linked = Signal::derive(move || links.read().1.clone());
    let answer_id = format!("answer-{response}");
    let answer_box = NodeRef::<leptos::html::Textarea>::new();
    crate::components::synced_text::sync_textarea(answer_box, text.into());
    let consent_id = format!("consent-{response}");
    let search_id = format!("link-events-{response}");
    view! {
        <div class="app-answer" id=format!("response-{response}") tabindex="-1" data-testid="answer">
            <div class="app-form-group">
                <label class="app-label app-label--bold" for=answer_id.clone()>{format!("Answer from {role}")}</label>
                <textarea class="app-textarea" id=answer_id rows="5"
                    node_ref=answer_box
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        text.set(value.clone());
                        update(Box::new(move |r| r.text = value));
                    }
                ></textarea>
            </div>
            <div class="app-checkboxes__item">
                <input class="app-checkboxes__input" type="checkbox" id=consent_id.clone()
                    prop:checked=move || consent.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        consent.set(on);
                        update(Box::new(move |r| r.consent_to_quote = on));
                    }
                />
                <label class="app-label app-checkboxes__label" for=consent_id>
                    {format!("{role} agrees this answer may be quoted (without their role)")}
                </label>
            </div>
            <details class="app-details" on:toggle=move |ev| {
                details_open.set(crate::platform::dom::details_open(&ev).unwrap_or(false));
            }>
                <summary class="app-details__summary">
                    {move || {
                        let (e, v) = links.get();
                        format!("What it is about ({} episode{}, {} event{})", e.len(), if e.len() == 1 { "" } else { "s" }, v.len(), if v.len() == 1 { "" } else { "s" })
                    }}
                </summary>
                // Drawn only while open: a page of 70 answers would otherwise hold thousands of
                // checkboxes, each woken by every keystroke in any answer.
                <Show when=move || details_open.get()>
                <Show when=move || !episodes.read().is_empty() fallback=|| view! { <p class="app-hint">"No episodes in this review yet."</p> }>
                    <fieldset class="app-fieldset">
                        <legend class="app-fieldset__legend">"Episodes"</legend>
                        <div class="app-checkboxes">
                            {move || episodes.get().into_iter().map(|(id, title)| {
                                let box_id = format!("answer-{response}-episode-{id}");
                                view! {
                                    <div class="app-checkboxes__item">
                                        <input class="app-checkboxes__input" type="checkbox" id=box_id.clone()
                                            prop:checked=move || links.read().0.contains(&id)
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                links.update(|(episodes, _)| {
                                                    episodes.retain(|e| *e != id);
                                                    if on { episodes.push(id); }
                                                });
                                                let episodes = links.get_untracked().0;
                                                update(Box::new(move |r| r.episodes = episodes));
                                            }
                                        />
                                        <label class="app-label app-checkboxes__label" for=box_id>{title}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                </Show>
                <h4 class="app-heading-s">"Chronology events"</h4>
                <ul class="app-list app-list--rows">
                    {move || linked_events.get().into_iter().map(|(id, label)| view! {
                        <li>
                            <span class="app-list__main">
                                <a href=format!("{}#event-{id}", review_section_href(review_id, ReviewSection::Chronology))>{label.clone()}</a>
                            </span>
                            <span class="app-list__actions">
                                <button type="button" class="app-link-button" on:click=move |_| {
                                    links.update(|(_, events)| events.retain(|e| *e != id));
                                    let events = links.get_untracked().1;
                                    update(Box::new(move |r| r.events = events));
                                }>"Unlink"<span class="app-visually-hidden">{format!(": {label}")}</span></button>
                            </span>
                        </li>
                    }).collect_view()}
                </ul>
                <EventPicker id=search_id.clone() label="Find events to link by their words"
                    exclude=events_linked action="Link"
                    on_pick=move |id| {
                        links.update(|(_, events)| if !events.contains(&id) { events.push(id) });
                        let events = links.get_untracked().1;
                        update(Box::new(move |r| r.events = events));
                    } />
                </Show>
            </details>
            <button type="button" class="app-link-button" on:click=move |_| session.remove_record(RecordKind::Response, response)>
                "Delete this answer"<span class="app-visually-hidden">{format!(" from {role}")}</span>
            </button>
        </div>
    }
}
