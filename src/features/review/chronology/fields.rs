//! The fields of a chronology event, shared by the quick entry row and the edit form.

use leptos::prelude::*;
use sightline_core::content::chronology::{EventForm, Seen};
use sightline_core::form::FieldError;

use crate::components::error_summary::error_for;
use crate::components::ErrorMessage;

/// Lists of known agencies, roles and phases, offered as suggestions while typing.
#[component]
pub fn EventSuggestions(
    agencies: Memo<Vec<String>>,
    people: Memo<Vec<String>>,
    phases: Memo<Vec<String>>,
) -> impl IntoView {
    let options = |list: Memo<Vec<String>>| {
        move || {
            list.get()
                .into_iter()
                .map(|value| view! { <option value=value></option> })
                .collect_view()
        }
    };
    view! {
        <datalist id="agency-options">{options(agencies)}</datalist>
        <datalist id="person-options">{options(people)}</datalist>
        <datalist id="phase-options">{options(phases)}</datalist>
    }
}

/// The event's fields. Ids are `<prefix>-date`, `<prefix>-agency` and so on, matching the
/// core's error fields.
#[component]
pub fn EventFields(
    /// The id prefix: "new-event" for the entry row, "edit-event" for the edit form.
    prefix: &'static str,
    form: RwSignal<EventForm>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    /// A multi-line box for "What happened" (editing) rather than one line (quick entry, where
    /// Enter adds the event).
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    let error = move |name: &'static str| {
        let field = format!("{prefix}-{name}");
        Signal::derive(move || error_for(&errors.read(), &field))
    };
    let text = move |name: &'static str,
                     label: &'static str,
                     hint: Option<&'static str>,
                     list: Option<&'static str>,
                     get: fn(&EventForm) -> String,
                     set: fn(&mut EventForm, String)| {
        let field_error = error(name);
        let hint_id = format!("{}-hint", id(name));
        view! {
            <div
                class=format!("app-form-group app-event-fields__{name}")
                class:app-form-group--error=move || field_error.get().is_some()
            >
                <label class="app-label" for=id(name)>{label}</label>
                {hint.map(|hint| view! { <div class="app-hint" id=hint_id.clone()>{hint}</div> })}
                <ErrorMessage id=format!("{}-error", id(name)) message=field_error />
                <input
                    class="app-input"
                    class:app-input--error=move || field_error.get().is_some()
                    id=id(name)
                    type="text"
                    autocomplete="off"
                    list=list
                    aria-describedby=hint.map(|_| hint_id.clone())
                    prop:value=move || get(&form.read())
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                />
            </div>
        }
    };
    let yes_no = move |name: &'static str,
                       label: &'static str,
                       get: fn(&EventForm) -> Seen,
                       set: fn(&mut EventForm, Seen)| {
        view! {
            <div class=format!("app-form-group app-event-fields__{name}")>
                <label class="app-label" for=id(name)>{label}</label>
                <select
                    class="app-select"
                    id=id(name)
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let seen = Seen::ALL.into_iter().find(|s| s.key() == value).unwrap_or_default();
                        form.update(|f| set(f, seen));
                    }
                >
                    {Seen::ALL
                        .into_iter()
                        .map(|seen| {
                            view! {
                                <option value=seen.key() selected=move || get(&form.read()) == seen>
                                    {seen.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let what_error = error("what");
    let what = if multiline {
        view! {
            <textarea
                class="app-textarea"
                class:app-textarea--error=move || what_error.get().is_some()
                id=id("what")
                rows="4"
                prop:value=move || form.read().what_happened.clone()
                on:input=move |ev| form.update(|f| f.what_happened = event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class="app-input"
                class:app-input--error=move || what_error.get().is_some()
                id=id("what")
                type="text"
                autocomplete="off"
                prop:value=move || form.read().what_happened.clone()
                on:input=move |ev| form.update(|f| f.what_happened = event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="app-event-fields">
            {text(
                "date",
                "Date",
                Some("12/03/2025, March 2025 or 2025; empty if only the phase is known"),
                None,
                |f| f.date.clone(),
                |f, v| f.date = v,
            )}
            {text("agency", "Agency", None, Some("agency-options"), |f| f.agency.clone(), |f, v| f.agency = v)}
            {text(
                "person",
                "Role",
                Some("From the register, such as Health Visitor 1"),
                Some("person-options"),
                |f| f.person.clone(),
                |f, v| f.person = v,
            )}
            <div
                class="app-form-group app-event-fields__what"
                class:app-form-group--error=move || what_error.get().is_some()
            >
                <label class="app-label" for=id("what")>"What happened"</label>
                <ErrorMessage id=format!("{}-error", id("what")) message=what_error />
                {what}
            </div>
            {yes_no("seen", "Child or adult seen", |f| f.seen, |f, v| f.seen = v)}
            {yes_no("views", "Views sought", |f| f.views_sought, |f, v| f.views_sought = v)}
            {text("source", "Source", Some("The record it comes from"), None, |f| f.source.clone(), |f, v| f.source = v)}
            {text("phase", "Phase", None, Some("phase-options"), |f| f.phase.clone(), |f, v| f.phase = v)}
        </div>
    }
}
