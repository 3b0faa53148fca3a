//! The agencies on the People and agencies page: their list and their form.

use leptos::prelude::*;
use sightline_core::content::people::validate_agency_name;
use sightline_core::content::{Agency, RecordKind};
use sightline_core::form::FieldError;
use sightline_core::RecordId;

use crate::components::error_summary::error_for;
use crate::components::{ErrorSummary, TextField};
use crate::platform::clock;
use crate::platform::dom::focus_element;
use crate::services::session::{new_id, use_review_session};

use super::Editing;

/// The agencies as a list.
#[component]
pub(super) fn AgencyList(
    editing: RwSignal<Editing>,
    ask_remove: impl Fn(RecordKind, RecordId, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let rows = Memo::new(move |_| {
        let content = content.read();
        let mut agencies: Vec<(Agency, usize, usize)> = content
            .agencies
            .iter()
            .map(|a| {
                let people = content
                    .people
                    .iter()
                    .filter(|p| p.agency == Some(a.id))
                    .count();
                let events = content
                    .events
                    .iter()
                    .filter(|e| e.agency == Some(a.id))
                    .count();
                (a.clone(), people, events)
            })
            .collect();
        agencies.sort_by_key(|(a, _, _)| a.name.to_lowercase());
        agencies
    });
    view! {
        <Show
            when=move || !rows.read().is_empty()
            fallback=|| view! { <p class="app-body">"No agencies yet. They are also added when the chronology names one."</p> }
        >
            <ul class="app-list app-list--rows">
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|(agency, people, events)| {
                            let id = agency.id;
                            let name = agency.name.clone();
                            let is_editing = move || editing.get() == Editing::Agency(id);
                            view! {
                                <li id=format!("agency-{id}") tabindex="-1" data-testid="agency-row">
                                    <Show
                                        when=is_editing
                                        fallback={
                                            let agency = agency.clone();
                                            let name = name.clone();
                                            move || {
                                                let name = name.clone();
                                                view! {
                                                    <span class="app-list__main">
                                                        <strong>{agency.name.clone()}</strong>
                                                        <span class="app-secondary-text">
                                                            {format!(" \u{2014} {people} people, {events} chronology events")}
                                                        </span>
                                                    </span>
                                                    <span class="app-list__actions">
                                                        <button type="button" class="app-link-button" on:click=move |_| editing.set(Editing::Agency(id))>
                                                            "Change"<span class="app-visually-hidden">{format!(" {}", agency.name)}</span>
                                                        </button>
                                                        " "
                                                        <button type="button" class="app-link-button" on:click=move |_| ask_remove(RecordKind::Agency, id, name.clone())>
                                                            "Remove"<span class="app-visually-hidden">{format!(" {}", agency.name)}</span>
                                                        </button>
                                                    </span>
                                                }
                                            }
                                        }
                                    >
                                        <AgencyEditor agency=Some(agency.clone()) editing />
                                    </Show>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

/// The form for adding or renaming an agency.
#[component]
pub(super) fn AgencyEditor(agency: Option<Agency>, editing: RwSignal<Editing>) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let is_new = agency.is_none();
    let name = RwSignal::new(agency.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let others: Vec<String> = content
            .read_untracked()
            .agencies
            .iter()
            .filter(|a| Some(a.id) != agency.as_ref().map(|x| x.id))
            .map(|a| a.name.clone())
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        match validate_agency_name(&name.get_untracked(), &others) {
            Ok(valid) => {
                let record = match &agency {
                    Some(existing) => Agency {
                        name: valid,
                        ..existing.clone()
                    },
                    None => Agency {
                        id: new_id(),
                        name: valid,
                        updated_at: clock::now(),
                    },
                };
                let id = record.id;
                session.put_record(record);
                editing.set(Editing::Nothing);
                let target = if is_new {
                    "add-agency".to_owned()
                } else {
                    format!("agency-{id}")
                };
                request_animation_frame(move || focus_element(&target));
            }
            Err(problem) => errors.set(vec![problem]),
        }
    };
    request_animation_frame(|| focus_element("agency-name"));
    view! {
        <form class="app-inline-form" novalidate on:submit=save>
            <ErrorSummary errors=errors />
            <TextField
                id="agency-name"
                label="Agency name"
                hint="Such as \u{201c}Health\u{201d}, \u{201c}Police Scotland\u{201d} or \u{201c}Education\u{201d}"
                value=name
                error=Signal::derive(move || error_for(&errors.read(), "agency-name"))
            />
            <div class="app-button-group">
                <button type="submit" class="app-button">"Save agency"</button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| editing.set(Editing::Nothing)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}
