//! The Settings page: the committees this install serves, the chief officers' group, and the
//! default timescales new reviews take. A change to the timescales says which running reviews
//! follow the current defaults and lets the person choose which of them take the new ones.

use leptos::prelude::*;
use sightline_core::form::FieldError;
use sightline_core::review::settings::{
    parse_timescales, running_on_defaults, CommitteeSettings, TIMESCALE_FIELDS,
};
use sightline_core::{ReviewId, Timescales};
use std::collections::BTreeSet;

use crate::components::error_summary::error_for;
use crate::components::{described_by, load_once, use_page_title, ErrorSummary, Field};
use crate::platform::dom::focus_element;
use crate::services::committee;

/// A running review that follows the current defaults, offered for the new ones.
#[derive(Clone, Debug, PartialEq)]
struct Affected {
    id: ReviewId,
    title: String,
}

/// What saving is waiting for: the person's choice of running reviews.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    settings: CommitteeSettings,
    affected: Vec<Affected>,
}

/// The Settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    use_page_title(|| "Settings".to_owned());
    let loaded = load_once(committee::load());
    view! {
        <h1 class="app-heading-xl">"Settings"</h1>
        <p class="app-body">
            "These settings belong to this browser and are carried in its backups. New reviews take the committee\u{2019}s timescales; each review keeps its own copy, which you can change on its Overview."
        </p>
        {move || match loaded.get() {
            None => view! { <p class="app-body" role="status">"Reading the settings\u{2026}"</p> }.into_any(),
            Some(Err(problem)) => view! {
                <div class="app-warning-text" role="alert">{format!("The settings cannot be read. {problem}")}</div>
            }.into_any(),
            Some(Ok(settings)) => view! { <SettingsForm settings /> }.into_any(),
        }}
    }
}

#[component]
fn SettingsForm(settings: CommitteeSettings) -> impl IntoView {
    let saved = RwSignal::new(settings.clone());
    let committees = RwSignal::new(settings.committees.join("\n"));
    let chief_officers = RwSignal::new(settings.chief_officers_group.clone());
    let timescale_texts: Vec<RwSignal<String>> = TIMESCALE_FIELDS
        .iter()
        .map(|f| RwSignal::new((f.get)(&settings.timescales).to_string()))
        .collect();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let pending = RwSignal::new(None::<Pending>);
    let chosen = RwSignal::new(BTreeSet::<ReviewId>::new());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);

    let finish = move |settings: CommitteeSettings, apply_to: Vec<ReviewId>| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = async {
                committee::save(&settings).await?;
                let changed = committee::apply_timescales(&apply_to, &settings.timescales).await?;
                Ok::<usize, String>(changed)
            }
            .await;
            busy.try_set(false);
            match result {
                Ok(changed) => {
                    saved.try_set(settings);
                    pending.try_set(None);
                    outcome.try_set(Some(Ok(match changed {
                        0 => "Settings saved. Reviews already running keep their timescales.".to_owned(),
                        1 => "Settings saved. 1 running review takes the new timescales; the others keep theirs.".to_owned(),
                        n => format!("Settings saved. {n} running reviews take the new timescales; the others keep theirs."),
                    })));
                }
                Err(problem) => {
                    outcome.try_set(Some(Err(problem)));
                }
            }
            request_animation_frame(|| focus_element("settings-outcome"));
        });
    };

    let texts = timescale_texts.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        outcome.set(None);
        let values: Vec<String> = texts.iter().map(|t| t.get_untracked()).collect();
        let timescales = match parse_timescales(&values) {
            Ok(t) => t,
            Err(problems) => {
                errors.set(problems);
                return;
            }
        };
        errors.set(Vec::new());
        let lines: Vec<String> = committees
            .get_untracked()
            .lines()
            .map(str::to_owned)
            .collect();
        let settings = CommitteeSettings {
            committees: CommitteeSettings::tidy_committees(&lines),
            chief_officers_group: chief_officers.get_untracked().trim().to_owned(),
            timescales,
        };
        let old: Timescales = saved.get_untracked().timescales;
        if old == settings.timescales {
            finish(settings, Vec::new());
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let running = committee::running_reviews().await;
            busy.try_set(false);
            match running {
                Ok(reviews) => {
                    let affected: Vec<Affected> =
                        running_on_defaults(&reviews, &old, &settings.timescales)
                            .into_iter()
                            .map(|r| Affected {
                                id: r.id,
                                title: r.title.clone(),
                            })
                            .collect();
                    if affected.is_empty() {
                        finish(settings, Vec::new());
                    } else {
                        chosen.set(BTreeSet::new());
                        pending.set(Some(Pending { settings, affected }));
                        request_animation_frame(|| focus_element("affected-heading"));
                    }
                }
                Err(problem) => outcome.set(Some(Err(problem))),
            }
        });
    };

    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let ids: Vec<ReviewId> = chosen.get_untracked().into_iter().collect();
        finish(p.settings, ids);
    };

    let timescale_inputs = TIMESCALE_FIELDS
        .iter()
        .zip(timescale_texts)
        .map(|(field, text)| {
            let id = format!("timescale-{}", field.key.replace('_', "-"));
            let error = Signal::derive({
                let id = id.clone();
                move || error_for(&errors.read(), &id)
            });
            let hint = format!("In {}. Sightline\u{2019}s default is {}.", field.unit, (field.get)(&Timescales::default()));
            view! {
                <Field id=id.clone() label=field.label hint=hint error>
                    <input class="app-input app-input--width-4" id=id.clone() name=id.clone() type="text" inputmode="numeric"
                        class:app-input--error=move || error.read().is_some()
                        aria-describedby=described_by(&id, true, error)
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </Field>
            }
        })
        .collect_view();

    view! {
        <form novalidate on:submit=submit data-testid="settings-form">
            <ErrorSummary errors=errors />
            <h2 class="app-heading-m">"Committees"</h2>
            <Field id="settings-committees" label="Committee names" hint="One per line, as each committee names itself. One browser may serve several, such as a joint public protection committee and its adult and child committees.">
                <textarea class="app-textarea" id="settings-committees" name="settings-committees" rows="4"
                    aria-describedby="settings-committees-hint"
                    prop:value=move || committees.get()
                    on:input=move |ev| committees.set(event_target_value(&ev))></textarea>
            </Field>
            <Field id="settings-chief-officers" label="Chief officers\u{2019} group" hint="The group that ratifies adult reviews and considers action plans, as it names itself.">
                <input class="app-input" id="settings-chief-officers" name="settings-chief-officers" type="text"
                    aria-describedby="settings-chief-officers-hint"
                    prop:value=move || chief_officers.get()
                    on:input=move |ev| chief_officers.set(event_target_value(&ev)) />
            </Field>
            <h2 class="app-heading-m">"Default timescales"</h2>
            <p class="app-body">"New reviews start with these. Changing them never moves a running review\u{2019}s due dates unless you choose it."</p>
            <p class="app-body">"Sightline\u{2019}s defaults follow the national guidance where it sets a timescale (agency returns in 2 weeks, the decision in about 6 weeks, sign-off in 6 to 9 months, the adult report to the Care Inspectorate within 7 days of ratification). The guidance sets none for the final report: Sightline suggests 5 months after the decision, leaving time for sign-off."</p>
            {timescale_inputs}
            <Show when=move || pending.read().is_none()>
                <button type="submit" class="app-button" prop:disabled=move || busy.get()>"Save settings"</button>
            </Show>
        </form>
        {move || pending.get().map(|p| {
            let count = p.affected.len();
            view! {
                <section class="app-panel" aria-labelledby="affected-heading" data-testid="affected-reviews">
                    <h2 class="app-heading-m" id="affected-heading" tabindex="-1">"Which running reviews should take the new timescales?"</h2>
                    <p class="app-body">{if count == 1 {
                        "1 running review uses the current default timescales. It keeps them unless you choose it here.".to_owned()
                    } else {
                        format!("{count} running reviews use the current default timescales. Each keeps them unless you choose it here.")
                    }}</p>
                    <div class="app-checkboxes">
                        {p.affected.into_iter().map(|a| {
                            let box_id = format!("apply-{}", a.id);
                            let id = a.id;
                            view! {
                                <div class="app-checkboxes__item">
                                    <input class="app-checkboxes__input" type="checkbox" id=box_id.clone()
                                        prop:checked=move || chosen.read().contains(&id)
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            chosen.update(|c| { if on { c.insert(id); } else { c.remove(&id); } });
                                        } />
                                    <label class="app-label app-checkboxes__label" for=box_id>{sightline_core::text::shown_title(&a.title)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    <div class="app-button-group">
                        <button type="button" class="app-button" on:click=confirm prop:disabled=move || busy.get()>
                            {move || match chosen.read().len() {
                                0 => "Save for new reviews only".to_owned(),
                                1 => "Save, and change 1 running review".to_owned(),
                                n => format!("Save, and change {n} running reviews"),
                            }}
                        </button>
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                </section>
            }
        })}
        {move || outcome.get().map(|result| match result {
            Ok(text) => view! { <div class="app-notification-banner app-notification-banner--success" id="settings-outcome" tabindex="-1" role="status" data-testid="settings-outcome"><p class="app-notification-banner__heading">{text}</p></div> }.into_any(),
            Err(text) => view! { <div class="app-warning-text" id="settings-outcome" tabindex="-1" role="alert" data-testid="settings-outcome">{text}</div> }.into_any(),
        })}
    }
}
