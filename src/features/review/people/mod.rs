//! The People page: the review's register of people (by code, relationship or role, never by
//! name) and the agencies they work for.

mod agencies;

use agencies::{AgencyEditor, AgencyList};
use leptos::prelude::*;
use sightline_core::content::people::{
    suggest_professional_label, suggest_subject_code, PersonForm,
};
use sightline_core::content::{Participation, Person, PersonKind, RecordKind};
use sightline_core::form::FieldError;
use sightline_core::RecordId;

use crate::components::error_summary::error_for;
use crate::components::Field;
use crate::components::{use_page_title, ConfirmDialog, ErrorMessage, ErrorSummary, TextField};
use crate::platform::clock;
use crate::platform::dom::focus_element;
use crate::platform::ids::BrowserIds;
use crate::services::session::{new_id, use_review_session};

/// Which form is open on the page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Editing {
    Nothing,
    NewPerson,
    Person(RecordId),
    NewAgency,
    Agency(RecordId),
}

/// The People page.
#[component]
pub fn PeoplePage() -> impl IntoView {
    use_page_title(|| "People and agencies".to_owned());
    let session = use_review_session();
    let editing = RwSignal::new(Editing::Nothing);
    let removing = RwSignal::new(None::<(RecordKind, RecordId, String)>);
    let confirm_open = RwSignal::new(false);

    let ask_remove = move |kind: RecordKind, id: RecordId, label: String| {
        removing.set(Some((kind, id, label)));
        confirm_open.set(true);
    };
    let remove = move || {
        if let Some((kind, id, _)) = removing.get_untracked() {
            session.remove_record(kind, id);
            removing.set(None);
            request_animation_frame(|| focus_element("people-heading"));
        }
    };

    view! {
        <h1 class="app-heading-l" id="people-heading" tabindex="-1">
            "People and agencies"
        </h1>
        <div class="app-inset-text">
            <p>
                "Refer to everyone by a code, a relationship or a role and number: \u{201c}Child A\u{201d}, \u{201c}Mother\u{201d}, \u{201c}Health Visitor 1\u{201d}. Never write a real name anywhere in a review."
            </p>
        </div>

        <h2 class="app-heading-m" id="people-list-heading">"People"</h2>
        <Show
            when=move || editing.get() == Editing::NewPerson
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="app-button"
                        id="add-person"
                        on:click=move |_| editing.set(Editing::NewPerson)
                    >
                        "Add person"
                    </button>
                }
            }
        >
            <PersonEditor person=None editing />
        </Show>
        <PeopleList editing ask_remove />

        <h2 class="app-heading-m" id="agencies-heading">"Agencies"</h2>
        <Show
            when=move || editing.get() == Editing::NewAgency
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="app-button app-button--secondary"
                        id="add-agency"
                        on:click=move |_| editing.set(Editing::NewAgency)
                    >
                        "Add agency"
                    </button>
                }
            }
        >
            <AgencyEditor agency=None editing />
        </Show>
        <AgencyList editing ask_remove />

        <super::watchlist::WatchlistSection />

        <ConfirmDialog
            open=confirm_open
            heading=Signal::derive(move || {
                removing
                    .get()
                    .map(|(_, _, label)| format!("Remove \u{201c}{label}\u{201d}?"))
                    .unwrap_or_default()
            })
            confirm_label="Remove"
            on_confirm=remove
        >
            <p class="app-body">
                "Chronology events, episodes and reflections that refer to it will no longer name it. Everything else they hold is kept."
            </p>
        </ConfirmDialog>
    }
}

/// The register's people as a table.
#[component]
fn PeopleList(
    editing: RwSignal<Editing>,
    ask_remove: impl Fn(RecordKind, RecordId, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let rows = Memo::new(move |_| {
        let content = content.read();
        let mut people: Vec<(Person, String, usize)> = content
            .people
            .iter()
            .map(|p| {
                let events = content
                    .events
                    .iter()
                    .filter(|e| e.person == Some(p.id))
                    .count();
                (p.clone(), content.agency_name(p.agency).to_owned(), events)
            })
            .collect();
        let order = |kind: PersonKind| PersonKind::ALL.iter().position(|k| *k == kind);
        people.sort_by(|a, b| {
            order(a.0.kind)
                .cmp(&order(b.0.kind))
                .then_with(|| a.0.label.to_lowercase().cmp(&b.0.label.to_lowercase()))
        });
        people
    });
    view! {
        <Show
            when=move || !rows.read().is_empty()
            fallback=|| view! { <p class="app-body" data-testid="no-people">"No one is in the register yet."</p> }
        >
            <div class="app-table-wrapper">
                <table class="app-table app-table--stack" aria-labelledby="people-list-heading">
                    <thead>
                        <tr>
                            <th scope="col" class="app-table__header">"Referred to as"</th>
                            <th scope="col" class="app-table__header">"Who"</th>
                            <th scope="col" class="app-table__header">"Agency"</th>
                            <th scope="col" class="app-table__header">"Took part in"</th>
                            <th scope="col" class="app-table__header">"Support offered"</th>
                            <th scope="col" class="app-table__header">
                                <span class="app-visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|(person, agency, events)| {
                                    let id = person.id;
                                    let label = person.label.clone();
                                    let is_editing = move || editing.get() == Editing::Person(id);
                                    let took_part: Vec<&str> = person.took_part_in.iter().map(|p| p.label()).collect();
                                    let who = if person.role.is_empty() {
                                        person.kind.label().to_owned()
                                    } else {
                                        format!("{}: {}", person.kind.label(), person.role)
                                    };
                                    view! {
                                        <tr class="app-table__row" id=format!("person-{id}") tabindex="-1" data-testid="person-row">
                                            <th scope="row" class="app-table__header">
                                                {person.label.clone()}
                                                {(!person.age_band.is_empty()).then(|| view! {
                                                    <span class="app-secondary-text app-block">{format!("Age band: {}", person.age_band)}</span>
                                                })}
                                                <span class="app-secondary-text app-block">
                                                    {match events {
                                                        0 => "Not in the chronology".to_owned(),
                                                        1 => "In 1 chronology event".to_owned(),
                                                        n => format!("In {n} chronology events"),
                                                    }}
                                                </span>
                                            </th>
                                            <td class="app-table__cell" data-label="Who">{who}</td>
                                            <td class="app-table__cell" data-label="Agency">{agency}</td>
                                            <td class="app-table__cell" data-label="Took part in">{took_part.join(", ")}</td>
                                            <td class="app-table__cell" data-label="Support offered">{person.support_offered.clone()}</td>
                                            <td class="app-table__cell app-table__cell--actions">
                                                <button
                                                    type="button"
                                                    class="app-link-button"
                                                    id=format!("change-person-{id}")
                                                    on:click=move |_| editing.set(Editing::Person(id))
                                                >
                                                    "Change"
                                                    <span class="app-visually-hidden">{format!(" {}", person.label)}</span>
                                                </button>
                                                " "
                                                <button
                                                    type="button"
                                                    class="app-link-button"
                                                    on:click=move |_| ask_remove(RecordKind::Person, id, label.clone())
                                                >
                                                    "Remove"
                                                    <span class="app-visually-hidden">{format!(" {}", person.label)}</span>
                                                </button>
                                            </td>
                                        </tr>
                                        <Show when=is_editing>
                                            <tr class="app-table__row app-table__row--editor">
                                                <td class="app-table__cell" colspan="6">
                                                    <PersonEditor person=Some(person.clone()) editing />
                                                </td>
                                            </tr>
                                        </Show>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

/// The form for adding or changing a person.
#[component]
fn PersonEditor(person: Option<Person>, editing: RwSignal<Editing>) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review = session.review();
    let is_new = person.is_none();
    let original_id = person.as_ref().map(|p| p.id);
    let form = RwSignal::new(
        person
            .as_ref()
            .map(PersonForm::from_person)
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // While the label is one Sightline suggested, it follows the role; typing in it stops that.
    let label_suggested = RwSignal::new(false);
    let label = RwSignal::new(form.get_untracked().label);
    let role = RwSignal::new(form.get_untracked().role);
    let age_band = RwSignal::new(form.get_untracked().age_band);

    let other_labels = move || -> Vec<String> {
        content
            .read()
            .people
            .iter()
            .filter(|p| Some(p.id) != original_id)
            .map(|p| p.label.clone())
            .collect()
    };
    let suggest = move |kind: PersonKind| {
        if !(label.get_untracked().trim().is_empty() || label_suggested.get_untracked()) {
            return;
        }
        let others = other_labels();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let suggestion = match kind {
            PersonKind::Subject => Some(suggest_subject_code(
                review.read_untracked().review_type,
                &others,
                &mut BrowserIds,
            )),
            PersonKind::Professional if !role.get_untracked().trim().is_empty() => {
                Some(suggest_professional_label(&role.get_untracked(), &others))
            }
            PersonKind::Family if !role.get_untracked().trim().is_empty() => {
                Some(role.get_untracked().trim().to_owned())
            }
            _ => None,
        };
        if let Some(suggestion) = suggestion {
            label.set(suggestion);
            label_suggested.set(true);
        }
    };
    // Follow the role and label boxes with the suggestion while it is one.
    Effect::new(move |_| {
        let _ = role.get();
        if let Some(kind) = form.with_untracked(|f| f.kind) {
            suggest(kind);
        }
    });
    let close = move || {
        editing.set(Editing::Nothing);
        let target = if is_new {
            "add-person"
        } else {
            "people-list-heading"
        };
        request_animation_frame(move || focus_element(target));
    };
    request_animation_frame(|| focus_element("person-kind-subject"));
    let original_for_save = person.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut draft = form.get_untracked();
        draft.label = label.get_untracked();
        draft.role = role.get_untracked();
        draft.age_band = age_band.get_untracked();
        let others = other_labels();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let mut person = original_for_save
            .clone()
            .unwrap_or_else(|| Person::blank(new_id(), clock::now()));
        match draft.apply(&mut person, &others, clock::now()) {
            Ok(()) => {
                let id = person.id;
                session.put_record(person);
                editing.set(Editing::Nothing);
                let target = format!("person-{id}");
                request_animation_frame(move || focus_element(&target));
            }
            Err(problems) => errors.set(problems),
        }
    };

    let agencies = Memo::new(move |_| {
        content
            .read()
            .agencies
            .iter()
            .map(|a| (a.id, a.name.clone()))
            .collect::<Vec<_>>()
    });
    let kind_error = Signal::derive(move || error_for(&errors.read(), "person-kind"));

    view! {
        <form class="app-inline-form" novalidate on:submit=save data-testid="person-form">
            <ErrorSummary errors=errors />
            <h3 class="app-heading-s">{if is_new { "Add a person" } else { "Change this person" }}</h3>
            <div class="app-form-group" class:app-form-group--error=move || kind_error.get().is_some()>
                <fieldset class="app-fieldset" aria-describedby=move || kind_error.get().map(|_| "person-kind-error")>
                    <legend class="app-fieldset__legend">"Who is this person to the review?"</legend>
                    <ErrorMessage id="person-kind-error" message=kind_error />
                    <div class="app-radios">
                        {PersonKind::ALL
                            .into_iter()
                            .map(|kind| {
                                let id = format!("person-kind-{}", kind.key());
                                view! {
                                    <div class="app-radios__item">
                                        <input
                                            class="app-radios__input"
                                            type="radio"
                                            name="person-kind"
                                            id=id.clone()
                                            prop:checked=move || form.read().kind == Some(kind)
                                            on:change=move |_| {
                                                form.update(|f| f.kind = Some(kind));
                                                suggest(kind);
                                            }
                                        />
                                        <label class="app-label app-radios__label" for=id>
                                            {kind.label()}
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            </div>
            <TextField
                id="person-role"
                label="Role or relationship"
                hint="For professionals, their job, such as \u{201c}Health Visitor\u{201d}. For family, their relationship, such as \u{201c}Mother\u{201d}."
                value=role
                error=Signal::derive(|| None::<String>)
            />
            <Field id="person-label" label="Referred to as" hint="A code, relationship or role and number. Sightline suggests one; change it if you need to. Never a name." error=Signal::derive(move || error_for(&errors.read(), "person-label"))>
                <input
                    class="app-input"
                    class:app-input--error=move || error_for(&errors.read(), "person-label").is_some()
                    id="person-label"
                    type="text"
                    autocomplete="off"
                    aria-describedby="person-label-hint"
                    prop:value=move || label.get()
                    on:input=move |ev| {
                        label.set(event_target_value(&ev));
                        label_suggested.set(false);
                    }
                />
            </Field>
            <Show when=move || form.read().kind == Some(PersonKind::Subject)>
                <TextField
                    id="person-age-band"
                    label="Age band"
                    hint="Such as \u{201c}under 1\u{201d}, \u{201c}5 to 9\u{201d} or \u{201c}65 to 74\u{201d}. Never a date of birth."
                    value=age_band
                    error=Signal::derive(|| None::<String>)
                />
            </Show>
            <Field id="person-agency" label="Agency">
                <select
                    class="app-select"
                    id="person-agency"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        form.update(|f| f.agency = RecordId::parse(&value));
                    }
                >
                    <option value="" selected=move || form.read().agency.is_none()>"None"</option>
                    {move || {
                        agencies
                            .get()
                            .into_iter()
                            .map(|(id, name)| {
                                view! {
                                    <option value=id.to_string() selected=move || form.read().agency == Some(id)>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </Field>
            <div class="app-form-group">
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">"Took part in"</legend>
                    <div class="app-checkboxes">
                        {Participation::ALL
                            .into_iter()
                            .map(|p| {
                                let id = format!("person-took-part-{}", p.key());
                                view! {
                                    <div class="app-checkboxes__item">
                                        <input
                                            class="app-checkboxes__input"
                                            type="checkbox"
                                            id=id.clone()
                                            prop:checked=move || form.read().took_part_in.contains(&p)
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                form.update(|f| {
                                                    if on {
                                                        f.took_part_in.insert(p);
                                                    } else {
                                                        f.took_part_in.remove(&p);
                                                    }
                                                });
                                            }
                                        />
                                        <label class="app-label app-checkboxes__label" for=id>
                                            {p.label()}
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            </div>
            <Field id="person-support" label="Support offered" hint="What support the review offered them, such as a debrief, time with their manager or counselling.">
                <textarea
                    class="app-textarea"
                    id="person-support"
                    rows="3"
                    aria-describedby="person-support-hint"
                    prop:value=move || form.read().support_offered.clone()
                    on:input=move |ev| form.update(|f| f.support_offered = event_target_value(&ev))
                ></textarea>
            </Field>
            <Field id="person-notes" label="Notes">
                <textarea
                    class="app-textarea"
                    id="person-notes"
                    rows="3"
                    prop:value=move || form.read().notes.clone()
                    on:input=move |ev| form.update(|f| f.notes = event_target_value(&ev))
                ></textarea>
            </Field>
            <div class="app-button-group">
                <button type="submit" class="app-button">"Save person"</button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| close()>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}
