//! Key practice episodes: the list, and each episode's page with its events, what happened,
//! how it looked at the time, and the reflection answers about it.

use leptos::prelude::*;
use sightline_core::content::episodes::PracticeKind;
use sightline_core::content::reflections::find_template;
use sightline_core::content::{Episode, RecordKind, Reflection};
use sightline_core::RecordId;

use crate::components::EventPicker;
use crate::components::Field;
use crate::components::{use_page_title, ConfirmDialog, TextArea};
use crate::platform::dom::focus_element;
use crate::routes::{review_section_href, use_navigator, ReviewSection};
use crate::services::session::use_review_session;

fn practice_class(kind: PracticeKind) -> &'static str {
    match kind {
        PracticeKind::Effective => "app-tag app-tag--green",
        PracticeKind::Problem => "app-tag app-tag--red",
        PracticeKind::Both => "app-tag app-tag--yellow",
        PracticeKind::NotYetDecided => "app-tag app-tag--grey",
    }
}

/// The Episodes page: every key practice episode.
#[component]
pub fn EpisodesPage() -> impl IntoView {
    use_page_title(|| "Key practice episodes".to_owned());
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let rows = Memo::new(move |_| {
        let content = content.read();
        content
            .episodes
            .iter()
            .map(|e| {
                (
                    e.id,
                    e.title.clone(),
                    e.span(&content),
                    e.events.len(),
                    e.practice,
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <h1 class="app-heading-l">"Key practice episodes"</h1>
        <p class="app-body">
            "An episode is a moment in the work that the review looks at closely. To make one, choose its events in the "
            <a href=review_section_href(review_id, ReviewSection::Chronology)>"Chronology"</a>
            " and press \u{201c}Create episode\u{201d}."
        </p>
        <Show
            when=move || !rows.read().is_empty()
            fallback=|| view! { <p class="app-body" data-testid="no-episodes">"No episodes yet."</p> }
        >
            <table class="app-table app-table--stack" data-testid="episodes">
                <caption class="app-visually-hidden">"Key practice episodes"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Episode"</th>
                        <th scope="col" class="app-table__header">"When"</th>
                        <th scope="col" class="app-table__header">"Events"</th>
                        <th scope="col" class="app-table__header">"Practice"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(id, title, span, events, practice)| view! {
                        <tr class="app-table__row" data-testid="episode-row">
                            <th scope="row" class="app-table__header">
                                <a href=review_section_href(review_id, ReviewSection::Episode(id))>{title}</a>
                            </th>
                            <td class="app-table__cell" data-label="When">{span}</td>
                            <td class="app-table__cell" data-label="Events">{events.to_string()}</td>
                            <td class="app-table__cell" data-label="Practice">
                                <strong class=practice_class(practice)>{practice.label()}</strong>
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Show>
    }
}

/// One episode's page.
#[component]
pub fn EpisodePage(episode: RecordId) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let current = Memo::new(move |_| content.read().get::<Episode>(episode).cloned());
    use_page_title(move || {
        current
            .get()
            .map(|e| format!("Episode: {}", e.title))
            .unwrap_or_else(|| "Episode not found".to_owned())
    });
    let exists = Memo::new(move |_| current.read().is_some());
    view! {
        <Show
            when=move || exists.get()
            fallback=move || view! {
                <crate::components::RecordNotFound what="Episode"
                    back=(review_section_href(review_id, ReviewSection::Episodes), "All episodes") />
            }
        >
            <EpisodeDetails episode current />
        </Show>
    }
}

#[component]
fn EpisodeDetails(episode: RecordId, current: Memo<Option<Episode>>) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let navigator = use_navigator();
    let field = move |get: fn(&Episode) -> String| {
        Signal::derive(move || current.read().as_ref().map(get).unwrap_or_default())
    };
    let title = RwSignal::new(current.get_untracked().map(|e| e.title).unwrap_or_default());
    let title_error = RwSignal::new(None::<String>);
    let set_title = move |text: String| {
        title.set(text.clone());
        if text.trim().is_empty() {
            title_error.set(Some("Enter a title for the episode".into()));
        } else {
            title_error.set(None);
            session.update_record::<Episode>(episode, |e| e.title = text.trim().to_owned());
        }
    };
    let span = Memo::new(move |_| {
        let content = content.read();
        content
            .get::<Episode>(episode)
            .map(|e| {
                Episode {
                    span_note: String::new(),
                    ..e.clone()
                }
                .span(&content)
            })
            .unwrap_or_default()
    });
    let events = Memo::new(move |_| {
        let content = content.read();
        content
            .get::<Episode>(episode)
            .map(|e| {
                e.ordered_events(&content)
                    .into_iter()
                    .map(|ev| {
                        (
                            ev.id,
                            ev.when(),
                            content.agency_name(ev.agency).to_owned(),
                            ev.what_happened.clone(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let answers = Memo::new(move |_| {
        let content = content.read();
        content
            .responses
            .iter()
            .filter(|r| r.episodes.contains(&episode) && !r.text.trim().is_empty())
            .map(|r| {
                let reflection = content.get::<Reflection>(r.reflection);
                let role = reflection
                    .and_then(|x| x.participants.iter().find(|p| p.id == r.participant))
                    .map(|p| p.role.clone())
                    .unwrap_or_default();
                let prompt = reflection
                    .and_then(|x| find_template(&content, x.template))
                    .and_then(|t| t.prompts.into_iter().find(|p| p.id == r.prompt))
                    .map(|p| p.text)
                    .unwrap_or_default();
                (r.reflection, r.id, role, prompt, r.text.clone())
            })
            .collect::<Vec<_>>()
    });
    let confirm_delete = RwSignal::new(false);
    let in_episode = Signal::derive(move || {
        content
            .read()
            .get::<Episode>(episode)
            .map(|e| e.events.clone())
            .unwrap_or_default()
    });

    view! {
        <span class="app-caption-l">"Key practice episode"</span>
        <h1 class="app-heading-l" id="episode-heading">{move || current.get().map(|e| e.title).unwrap_or_default()}</h1>
        <Field id="episode-title" label="Title" error=title_error>
            <input class="app-input" id="episode-title" type="text" autocomplete="off"
                prop:value=move || title.get()
                on:input=move |ev| set_title(event_target_value(&ev))
            />
        </Field>
        <div class="app-form-group">
            <label class="app-label" for="episode-span">"Time span"</label>
            <div class="app-hint" id="episode-span-hint">
                {move || {
                    let span = span.get();
                    if span.is_empty() {
                        "Words for when it happened, such as \u{201c}Over the summer of 2025\u{201d}.".to_owned()
                    } else {
                        format!("Leave empty to use its events\u{2019} dates: {span}.")
                    }
                }}
            </div>
            <input class="app-input" id="episode-span" type="text" autocomplete="off" aria-describedby="episode-span-hint"
                prop:value=move || field(|e| e.span_note.clone()).get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    session.update_record::<Episode>(episode, |e| e.span_note = text);
                }
            />
        </div>
        <TextArea
            id="episode-what"
            label="What happened"
            value=field(|e| e.what_happened.clone())
            on_input={move |text| session.update_record::<Episode>(episode, |e| e.what_happened = text)}
        />
        <TextArea
            id="episode-looked"
            label="How it looked to those involved at the time"
            hint="What they knew, what they were trying to do, and why acting as they did made sense then."
            value=field(|e| e.how_it_looked.clone())
            on_input={move |text| session.update_record::<Episode>(episode, |e| e.how_it_looked = text)}
        />
        <div class="app-form-group">
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"What does it show?"</legend>
                <div class="app-radios">
                    {PracticeKind::ALL.into_iter().map(|kind| {
                        let id = format!("episode-practice-{}", kind.key());
                        view! {
                            <div class="app-radios__item">
                                <input class="app-radios__input" type="radio" name="episode-practice" id=id.clone()
                                    prop:checked={move || current.read().as_ref().is_some_and(|e| e.practice == kind)}
                                    on:change={move |_| session.update_record::<Episode>(episode, |e| e.practice = kind)}
                                />
                                <label class="app-label app-radios__label" for=id>{kind.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>

        <h2 class="app-heading-m" id="episode-events-heading">"Its events"</h2>
        <ul class="app-list app-list--rows" aria-labelledby="episode-events-heading" data-testid="episode-events">
            {move || events.get().into_iter().map(|(id, when, agency, what)| view! {
                <li>
                    <span class="app-list__main">
                        <a href=format!("{}#event-{id}", review_section_href(review_id, ReviewSection::Chronology))>{when}</a>
                        {(!agency.is_empty()).then(|| format!(", {agency}"))}
                        ": " {what}
                    </span>
                    <span class="app-list__actions">
                        <button type="button" class="app-link-button" on:click=move |_| {
                            session.update_record::<Episode>(episode, |e| e.events.retain(|x| *x != id));
                        }>
                            "Remove from episode"
                        </button>
                    </span>
                </li>
            }).collect_view()}
        </ul>
        <EventPicker id="episode-add-events" label="Add events: find them by their words"
            exclude=in_episode limit=20 action="Add to episode" testid="episode-picker"
            on_pick=move |id| { session.update_record::<Episode>(episode, |e| if !e.events.contains(&id) { e.events.push(id) }) } />

        <h2 class="app-heading-m">"Reflection answers about it"</h2>
        <Show
            when=move || !answers.read().is_empty()
            fallback=|| view! { <p class="app-body">"None yet. Link an answer to this episode on its reflection\u{2019}s page."</p> }
        >
            <ul class="app-list">
                {move || answers.get().into_iter().map(|(reflection, response, role, prompt, text)| view! {
                    <li class="app-quote">
                        <a href=format!("{}#response-{response}", review_section_href(review_id, ReviewSection::Reflection(reflection)))>
                            {format!("{role}, on \u{201c}{prompt}\u{201d}")}
                        </a>
                        <p class="app-preserve-lines">{text}</p>
                    </li>
                }).collect_view()}
            </ul>
        </Show>

        <h2 class="app-heading-m">"On the systems map"</h2>
        {move || {
            let evidence = sightline_core::map::EvidenceRef {
                kind: sightline_core::map::EvidenceKind::Episode,
                id: episode,
            };
            let citing: Vec<(RecordId, String, &'static str)> = content.with(|c| {
                sightline_core::map::nodes_citing(c, evidence)
                    .into_iter()
                    .map(|n| (n.id, n.label.clone(), n.kind.label()))
                    .collect()
            });
            if citing.is_empty() {
                view! { <p class="app-body">"No node on the systems map cites this episode yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="app-list" data-testid="episode-map-nodes">
                        {citing.into_iter().map(|(id, label, kind)| view! {
                            <li>
                                <a href=format!("{}#map-node-{id}", review_section_href(review_id, ReviewSection::SystemsMap))>{label}</a>
                                <span class="app-secondary-text">{format!(" ({kind})")}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}

        <crate::components::CitingFindings kind=RecordKind::Episode id=episode />

        <h2 class="app-heading-m">"Delete this episode"</h2>
        <p class="app-body">"Its events stay in the chronology."</p>
        <button type="button" class="app-button app-button--warning" on:click=move |_| confirm_delete.set(true)>
            "Delete episode"
        </button>
        <ConfirmDialog
            open=confirm_delete
            heading=Signal::derive(move || format!("Delete \u{201c}{}\u{201d}?", current.get().map(|e| e.title).unwrap_or_default()))
            confirm_label="Delete episode"
            on_confirm=move || {
                session.remove_record(RecordKind::Episode, episode);
                navigator.go_to(&review_section_href(review_id, ReviewSection::Episodes));
                request_animation_frame(|| focus_element("main-content"));
            }
        >
            <p class="app-body">"Reflection answers linked to it will no longer name it."</p>
        </ConfirmDialog>
    }
}
