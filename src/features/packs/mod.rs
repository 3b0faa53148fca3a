//! Answering a reflection pack on your own laptop: the pack's questions and episodes, your role,
//! your answers (kept in this browser as you type), and "Export my contribution".

use leptos::prelude::*;
use sightline_core::format::file_name;
use sightline_core::format::pack::{write_contribution, ContributedAnswer, Contribution};
use sightline_core::RecordId;

use crate::components::passphrase::{Protection, ProtectionFields};
use crate::components::Field;
use crate::components::SaveProgressNote;
use crate::components::{load_once, use_notice, use_page_title, ConfirmDialog, ErrorMessage};
use crate::platform::{clock, ids};
use crate::routes::{use_navigator, Route};
use crate::services::files::{save_text_file, SaveProgress};
use crate::services::packs::{load_draft, remove_draft, store_draft, PackDraft};
use crate::services::save_status::{use_save_status, SaveState};

/// The page for answering the pack of reflection `reflection`.
#[component]
pub fn PackPage(reflection: RecordId) -> impl IntoView {
    let loaded = load_once(async move { load_draft(reflection).await });
    use_page_title(|| "Reflection pack".to_owned());
    move || match loaded.get() {
        None => {
            view! { <p class="app-body" role="status">"Opening the pack\u{2026}"</p> }.into_any()
        }
        Some(Ok(Some(draft))) => view! { <PackAnswers draft /> }.into_any(),
        Some(Ok(None)) => view! {
            <crate::components::RecordNotFound what="Reflection pack"
                why="Open the pack file again with \u{201c}Open a file\u{201d} on the Reviews page."
                back=("/".to_owned(), "Go to your reviews") />
        }
        .into_any(),
        Some(Err(error)) => view! { <p class="app-body">{error.to_string()}</p> }.into_any(),
    }
}

#[component]
fn PackAnswers(draft: PackDraft) -> impl IntoView {
    let save_status = use_save_status();
    let draft = RwSignal::new(draft);
    let pack = draft.get_untracked().pack;
    let template = pack.template();
    let episodes = pack.episodes();
    let protection = Protection::new();
    let progress = RwSignal::new(SaveProgress::Idle);
    let role_error = RwSignal::new(None::<String>);
    // Answers are kept as they are typed; a short wait gathers a burst of typing into one save.
    let pending = StoredValue::new(false);
    let keep = move || {
        save_status.set(SaveState::Saving);
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        set_timeout(
            move || {
                pending.set_value(false);
                let Some(current) = draft.try_get_untracked() else {
                    return;
                };
                leptos::task::spawn_local(async move {
                    match store_draft(&current).await {
                        Ok(()) => save_status.set(SaveState::Saved),
                        Err(error) => save_status.set(SaveState::NotSaved(error.to_string())),
                    }
                });
            },
            std::time::Duration::from_millis(300),
        );
    };
    let answer_text = move |prompt: RecordId| {
        draft
            .read()
            .answers
            .iter()
            .find(|a| a.prompt == prompt)
            .map(|a| a.text.clone())
            .unwrap_or_default()
    };
    let set_answer = move |prompt: RecordId, change: Box<dyn FnOnce(&mut ContributedAnswer)>| {
        draft.update(|d| {
            let index = match d.answers.iter().position(|a| a.prompt == prompt) {
                Some(i) => i,
                None => {
                    d.answers.push(ContributedAnswer {
                        id: ids::new_record_id(),
                        prompt,
                        text: String::new(),
                        consent_to_quote: false,
                        episodes: Vec::new(),
                        updated_at: clock::now(),
                    });
                    d.answers.len() - 1
                }
            };
            change(&mut d.answers[index]);
            d.answers[index].updated_at = clock::now();
        });
        keep();
    };
    let export = move |_| {
        let current = draft.get_untracked();
        if current.role.trim().is_empty() {
            role_error.set(Some("Choose or enter the role you are answering as".into()));
            crate::platform::dom::focus_element("pack-role-other");
            return;
        }
        role_error.set(None);
        let Ok(passphrase) = protection.checked() else {
            return;
        };
        let contribution = Contribution {
            review_id: current.pack.review_id,
            reflection_id: current.pack.reflection.id,
            role: current.role.trim().to_owned(),
            participant: current.participant,
            answers: current
                .answers
                .iter()
                .filter(|a| !a.text.trim().is_empty())
                .cloned()
                .collect(),
        };
        let now = clock::now();
        let text = write_contribution(&contribution, now, crate::APP_VERSION);
        let name = file_name(
            &format!(
                "{} contribution {}",
                current.pack.reflection.title, contribution.role
            ),
            clock::today(),
            ".sightline.json",
            false,
        );
        leptos::task::spawn_local(save_text_file(name, text, passphrase, progress));
    };
    let roles = pack.reflection.participants.clone();
    let other_role = RwSignal::new(
        if roles.iter().any(|p| p.role == draft.get_untracked().role) {
            String::new()
        } else {
            draft.get_untracked().role
        },
    );

    view! {
        <span class="app-caption-l">{format!("Reflection pack for {}", sightline_core::markup::quoted(&pack.review_title))}</span>
        <h1 class="app-heading-l">{pack.reflection.title.clone()}</h1>
        <div class="app-inset-text">
            <p>"Answer as your role, never by name, and do not name anyone else. Your answers stay in this browser until you export your contribution and send the file to the facilitator."</p>
        </div>
        <h2 class="app-heading-m">"Who are you answering as?"</h2>
        <div class="app-form-group" class:app-form-group--error=move || role_error.get().is_some()>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"Your role"</legend>
                <ErrorMessage id="pack-role-error" message=Signal::derive(move || role_error.get()) />
                <div class="app-radios">
                    {roles.into_iter().map(|p| {
                        let id = format!("pack-role-{}", p.id);
                        let role = p.role.clone();
                        let participant = p.id;
                        view! {
                            <div class="app-radios__item">
                                <input class="app-radios__input" type="radio" name="pack-role" id=id.clone()
                                    prop:checked={let role = role.clone(); move || draft.read().role == role}
                                    on:change={let role = role.clone(); move |_| { draft.update(|d| { d.role = role.clone(); d.participant = Some(participant); }); other_role.set(String::new()); keep(); }}
                                />
                                <label class="app-label app-radios__label" for=id>{role}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <Field id="pack-role-other" label="Or another role" hint="Such as \u{201c}Speech and Language Therapist 1\u{201d}. Never your name.">
                    <input class="app-input app-input--width-20" id="pack-role-other" type="text" autocomplete="off" aria-describedby="pack-role-other-hint"
                        prop:value=move || other_role.get()
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            other_role.set(value.clone());
                            draft.update(|d| { d.role = value.trim().to_owned(); d.participant = None; });
                            keep();
                        }
                    />
                </Field>
            </fieldset>
        </div>

        {(!episodes.is_empty()).then(|| view! {
            <h2 class="app-heading-m">"Episodes to think about"</h2>
            {episodes.iter().map(|e| view! {
                <div class="app-inset-text">
                    <h3 class="app-heading-s">{e.title.clone()}</h3>
                    {(!e.what_happened.is_empty()).then(|| view! { <p class="app-preserve-lines">{e.what_happened.clone()}</p> })}
                </div>
            }).collect_view()}
        })}
        {pack.chronology.clone().map(|lines| view! {
            <details class="app-details">
                <summary class="app-details__summary">"A short chronology"</summary>
                <ul class="app-list">{lines.into_iter().map(|l| view! { <li>{format!("{}, {}: {}", l.date, l.agency, l.what_happened)}</li> }).collect_view()}</ul>
            </details>
        })}

        <h2 class="app-heading-m">"Your answers"</h2>
        <p class="app-hint">{format!("Framework: {}", template.name)}</p>
        {template.prompts.iter().enumerate().map(|(n, prompt)| {
            let prompt_id = prompt.id;
            let area_id = format!("pack-answer-{prompt_id}");
            let consent_id = format!("pack-consent-{prompt_id}");
            let episode_list = episodes.clone();
            view! {
                <section class="app-prompt">
                    <div class="app-form-group">
                        <label class="app-label app-label--bold" for=area_id.clone()>{format!("{}. {}", n + 1, prompt.text)}</label>
                        {(!prompt.help.is_empty()).then(|| view! { <div class="app-hint">{prompt.help.clone()}</div> })}
                        <textarea class="app-textarea" id=area_id rows="5"
                            prop:value=answer_text(prompt_id)
                            on:input=move |ev| { let text = event_target_value(&ev); set_answer(prompt_id, Box::new(move |a| a.text = text)); }
                        ></textarea>
                    </div>
                    <div class="app-checkboxes__item">
                        <input class="app-checkboxes__input" type="checkbox" id=consent_id.clone()
                            prop:checked=move || draft.read().answers.iter().any(|a| a.prompt == prompt_id && a.consent_to_quote)
                            on:change=move |ev| { let on = event_target_checked(&ev); set_answer(prompt_id, Box::new(move |a| a.consent_to_quote = on)); }
                        />
                        <label class="app-label app-checkboxes__label" for=consent_id>"I agree this answer may be quoted (without my role)"</label>
                    </div>
                    {(!episode_list.is_empty()).then(|| view! {
                        <fieldset class="app-fieldset">
                            <legend class="app-fieldset__legend">"It is about"</legend>
                            <div class="app-checkboxes">
                                {episode_list.into_iter().map(|e| {
                                    let episode = e.id;
                                    let box_id = format!("pack-{prompt_id}-episode-{episode}");
                                    view! {
                                        <div class="app-checkboxes__item">
                                            <input class="app-checkboxes__input" type="checkbox" id=box_id.clone()
                                                prop:checked=move || draft.read().answers.iter().any(|a| a.prompt == prompt_id && a.episodes.contains(&episode))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    set_answer(prompt_id, Box::new(move |a| { a.episodes.retain(|x| *x != episode); if on { a.episodes.push(episode); } }));
                                                }
                                            />
                                            <label class="app-label app-checkboxes__label" for=box_id>{e.title}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                    })}
                </section>
            }
        }).collect_view()}

        <h2 class="app-heading-m">"Send your answers"</h2>
        <p class="app-body">"Export your contribution and send the file to the facilitator. Only your answers and your role are in it."</p>
        <ProtectionFields protection id_prefix="" />
        <button type="button" class="app-button" on:click=export>"Export my contribution"</button>
        <SaveProgressNote progress />
        <RemovePack reflection=pack.reflection.id title=pack.reflection.title.clone() />
    }
}

/// "Remove this pack": once the contribution is sent, the pack's episodes and the answers need
/// not stay on the practitioner's laptop.
#[component]
fn RemovePack(reflection: RecordId, title: String) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let notice = use_notice();
    let navigator = use_navigator();
    let title_for_notice = title.clone();
    let remove = move || {
        let title = title_for_notice.clone();
        leptos::task::spawn_local(async move {
            match remove_draft(reflection).await {
                Ok(()) => {
                    notice.set(format!(
                        "The pack \u{201c}{title}\u{201d} and your answers were removed from this browser"
                    ));
                    navigator.go(Route::Reviews);
                }
                Err(problem) => {
                    error.try_set(Some(format!("The pack was not removed. {problem}")));
                }
            }
        });
    };
    view! {
        <h2 class="app-heading-m">"When you have sent your answers"</h2>
        <p class="app-body">"Remove the pack and your answers from this browser, so they do not stay on this laptop. Keep the file you sent until the facilitator confirms it arrived."</p>
        {move || error.get().map(|e| view! { <p class="app-error-message" role="alert">{e}</p> })}
        <button type="button" class="app-button app-button--warning" on:click=move |_| confirming.set(true)>"Remove this pack"</button>
        <ConfirmDialog
            open=confirming
            heading=format!("Remove \u{201c}{title}\u{201d} from this browser?")
            confirm_label="Remove this pack"
            on_confirm=remove
        >
            <p class="app-body">"Your answers are removed too. This cannot be undone: if you have not exported your contribution, do that first."</p>
        </ConfirmDialog>
    }
}
