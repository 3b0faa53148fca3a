//! A labelled text box with hint and error message, as in the GOV.UK text input pattern.

use leptos::prelude::*;

/// The red message above a field in error, announced as "Error: …".
#[component]
pub fn ErrorMessage(
    /// The id, which the field names in `aria-describedby`.
    #[prop(into)]
    id: String,
    /// The message; nothing is shown when `None`.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message.get().map(|message| {
            view! {
                <p class="app-error-message" id=id.clone()>
                    <span class="app-visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}

/// A one-line text box with a visible label, an optional hint and an error message.
#[component]
pub fn TextField(
    /// The input's id and name; the hint and error get `<id>-hint` and `<id>-error`.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Shows the label as a medium heading, for a question that stands alone on a page.
    #[prop(optional)]
    large_label: bool,
    /// The text as typed.
    value: RwSignal<String>,
    /// The problem to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let has_error = Signal::derive(move || error.read().is_some());
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.as_str());
            }
            if has_error.get() {
                ids.push(error_id.as_str());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="app-form-group" class:app-form-group--error=has_error>
            <label class="app-label" class:app-label--m=large_label for=id>
                {label}
            </label>
            {hint.map(|hint| view! { <div class="app-hint" id=hint_id.clone()>{hint}</div> })}
            <ErrorMessage id=error_id message=error />
            <input
                class="app-input"
                class:app-input--error=has_error
                id=id
                name=id
                type="text"
                autocomplete="off"
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A multi-line text box with a visible label and an optional hint. It reports every change
/// through `on_input`, so long answers save as they are typed.
#[component]
pub fn TextArea(
    /// The textarea's id and name; the hint gets `<id>-hint`.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// How many lines tall it starts.
    #[prop(default = 5)]
    rows: u32,
    /// The text to show, tracked.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every change.
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="app-form-group">
            <label class="app-label" for=id.clone()>
                {label}
            </label>
            {hint
                .clone()
                .map(|hint| view! { <div class="app-hint" id=hint_id.clone()>{hint}</div> })}
            <textarea
                class="app-textarea"
                id=id.clone()
                name=id
                rows=rows
                aria-describedby=hint.map(|_| hint_id)
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
