//! The GOV.UK date input: day, month and year in three labelled boxes inside one fieldset.
//!
//! Three text boxes rather than the browser's date picker, because people copy dates from
//! letters and records, the picker varies between browsers, and what is typed is kept as typed
//! even when it is not a real date, so that nothing is lost when a message asks for a fix.

use leptos::prelude::*;
use sightline_core::DateParts;

use super::ErrorMessage;

/// A date typed as day, month and year.
#[component]
pub fn DateInput(
    /// Prefix for the inputs' ids: `<id>-day`, `<id>-month`, `<id>-year`.
    #[prop(into)]
    id: String,
    /// The question the date answers.
    #[prop(into)]
    legend: String,
    /// Help shown under the legend.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The parts as typed.
    parts: RwSignal<DateParts>,
    /// The problem to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint = hint.get_untracked();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = super::described_by(&id, hint.is_some(), error);
    let part = |suffix: &'static str,
                label: &'static str,
                width: &'static str,
                get: fn(&DateParts) -> &String,
                set: fn(&mut DateParts, String)| {
        let input_id = format!("{id}-{suffix}");
        let name = input_id.clone();
        view! {
            <div class="app-date-input__item">
                <label class="app-label" for=input_id.clone()>
                    {label}
                </label>
                <input
                    class=format!("app-input app-date-input__input {width}")
                    class:app-input--error=move || error.read().is_some()
                    id=input_id
                    name=name
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    prop:value=move || get(&parts.read()).clone()
                    on:input=move |ev| parts.update(|p| set(p, event_target_value(&ev)))
                />
            </div>
        }
    };
    view! {
        <div
            class="app-form-group"
            class:app-form-group--error=move || error.read().is_some()
        >
            <fieldset class="app-fieldset" role="group" aria-describedby=described_by>
                <legend class="app-fieldset__legend">{legend}</legend>
                {hint.map(|hint| view! { <div class="app-hint" id=hint_id.clone()>{hint}</div> })}
                <ErrorMessage id=error_id message=error />
                <div class="app-date-input">
                    {part("day", "Day", "app-input--width-2", |p| &p.day, |p, v| p.day = v)}
                    {part("month", "Month", "app-input--width-3", |p| &p.month, |p, v| p.month = v)}
                    {part("year", "Year", "app-input--width-4", |p| &p.year, |p, v| p.year = v)}
                </div>
            </fieldset>
        </div>
    }
}
