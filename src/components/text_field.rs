//! A form's question (GOV.UK's form group, as thaw's `Field`): a label, a hint and an error
//! message around one control; and the text box and text area built on it.

use leptos::prelude::*;

/// What a field's control names in `aria-describedby`: its hint (when it has one) and its
/// error message (while one is shown), by the ids [`Field`] gives them.
pub fn described_by(id: &str, hint: bool, error: Signal<Option<String>>) -> Signal<String> {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    Signal::derive(move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(hint_id.as_str());
        }
        if error.read().is_some() {
            ids.push(error_id.as_str());
        }
        ids.join(" ")
    })
}

/// One question of a form: its label (for the control with `id`), an optional hint
/// (`<id>-hint`) and error message (`<id>-error`), and the control itself as children. The
/// control names the hint and error with [`described_by`].
#[component]
pub fn Field(
    /// The control's id.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The problem to show, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Shows the label as a medium heading, for a question that stands alone on a page.
    #[prop(optional)]
    large_label: bool,
    /// The control.
    children: Children,
) -> impl IntoView {
    let has_error = Signal::derive(move || error.read().is_some());
    let hint_id = format!("{id}-hint");
    view! {
        <div class="app-form-group" class:app-form-group--error=has_error>
            <label class="app-label" class:app-label--m=large_label for=id.clone()>
                {label}
            </label>
            {move || hint.get().map(|hint| view! { <div class="app-hint" id=hint_id.clone()>{hint}</div> })}
            <ErrorMessage id=format!("{id}-error") message=error />
            {children()}
        </div>
    }
}

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
    view! {
        <Field id=id label=label hint=hint.map(str::to_owned) error large_label>
            <input
                class="app-input"
                class:app-input--error=has_error
                id=id
                name=id
                type="text"
                autocomplete="off"
                aria-describedby=described_by(id, hint.is_some(), error)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </Field>
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
    on_input: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <Field id=id.clone() label=label hint=hint>
            <textarea
                class="app-textarea"
                id=id.clone()
                name=id.clone()
                rows=rows
                aria-describedby=described_by(&id, has_hint, Signal::default())
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            ></textarea>
        </Field>
    }
}
