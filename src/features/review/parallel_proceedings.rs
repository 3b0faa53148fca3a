//! Parallel proceedings: criminal proceedings, a Fatal Accident Inquiry or other processes that
//! run alongside the review, and a note of how the review keeps in step with them.

use leptos::prelude::*;
use sightline_core::ParallelProceedings;

use crate::services::session::use_review_session;

/// The Parallel proceedings section of the Overview. Every change saves as it is made.
#[component]
pub fn ParallelProceedingsSection() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let proceedings = Memo::new(move |_| review.read().parallel_proceedings.clone());
    let edit = move |change: fn(&mut ParallelProceedings, String, bool), text: String, on: bool| {
        session.edit(|r| change(&mut r.parallel_proceedings, text, on));
    };

    let checkbox = move |id: &'static str,
                         label: &'static str,
                         get: fn(&ParallelProceedings) -> bool,
                         set: fn(&mut ParallelProceedings, String, bool)| {
        view! {
            <div class="app-checkboxes__item">
                <input
                    class="app-checkboxes__input"
                    id=id
                    name=id
                    type="checkbox"
                    prop:checked=move || get(&proceedings.read())
                    on:change=move |ev| edit(set, String::new(), event_target_checked(&ev))
                />
                <label class="app-label app-checkboxes__label" for=id>
                    {label}
                </label>
            </div>
        }
    };

    view! {
        <h2 class="app-heading-m" id="parallel-proceedings">
            "Parallel proceedings"
        </h2>
        <p class="app-body">
            "Neither process should hold up the other unless justice requires it. Record what is running alongside the review and how you keep in touch."
        </p>
        <div class="app-form-group">
            <fieldset class="app-fieldset" aria-describedby="proceedings-hint">
                <legend class="app-fieldset__legend">"Which proceedings are running?"</legend>
                <div class="app-hint" id="proceedings-hint">
                    "Select all that apply."
                </div>
                <div class="app-checkboxes">
                    {checkbox(
                        "proceedings-criminal",
                        "Criminal proceedings (Police Scotland, Crown Office and Procurator Fiscal Service)",
                        |p| p.criminal_proceedings,
                        |p, _, on| p.criminal_proceedings = on,
                    )}
                    {checkbox(
                        "proceedings-fai",
                        "Fatal Accident Inquiry",
                        |p| p.fatal_accident_inquiry,
                        |p, _, on| p.fatal_accident_inquiry = on,
                    )}
                    {checkbox("proceedings-other", "Other proceedings", |p| p.other, |p, _, on| p.other = on)}
                </div>
            </fieldset>
        </div>
        <Show when=move || proceedings.read().other>
            <div class="app-form-group app-conditional">
                <label class="app-label" for="proceedings-other-details">
                    "What are the other proceedings?"
                </label>
                <input
                    class="app-input"
                    id="proceedings-other-details"
                    type="text"
                    prop:value=move || proceedings.read().other_details.clone()
                    on:input=move |ev| {
                        edit(|p, text, _| p.other_details = text, event_target_value(&ev), false)
                    }
                />
            </div>
        </Show>
        <div class="app-form-group">
            <label class="app-label" for="liaison-note">
                "Liaison note"
            </label>
            <div class="app-hint" id="liaison-note-hint">
                "Who the review liaises with, what was agreed about timing and disclosure, and when you last spoke. Saved as you type."
            </div>
            <textarea
                class="app-textarea"
                id="liaison-note"
                rows="5"
                aria-describedby="liaison-note-hint"
                prop:value=move || proceedings.read().liaison_note.clone()
                on:input=move |ev| {
                    edit(|p, text, _| p.liaison_note = text, event_target_value(&ev), false)
                }
            ></textarea>
        </div>
    }
}
