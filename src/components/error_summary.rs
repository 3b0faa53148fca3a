//! The GOV.UK error summary: a list of every problem at the top of a form, each linking to its
//! field. It takes focus when it appears so that keyboard and screen reader users find it.

use leptos::html;
use leptos::prelude::*;
use sightline_core::FieldError;

use crate::platform::dom::focus_element;

/// Shows `errors` (nothing when empty) under "There is a problem".
#[component]
pub fn ErrorSummary(
    /// The problems to list, in the order of the fields on the page.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    // A page can hold several forms, each with its own summary: give each heading its own id.
    let title_id = format!("error-summary-title-{}", next_summary_number());
    // Focus the summary each time a new set of errors appears.
    Effect::new(move |_| {
        if !errors.read().is_empty() {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.read().is_empty()>
            <div
                class="app-error-summary"
                role="alert"
                aria-labelledby=title_id.clone()
                tabindex="-1"
                node_ref=summary
            >
                <h2 class="app-error-summary__title" id=title_id.clone()>
                    "There is a problem"
                </h2>
                <ul class="app-error-summary__list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|error| {
                                let field = error.field.clone();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{}", error.field)
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_element(&field);
                                            }
                                        >
                                            {error.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

fn next_summary_number() -> u32 {
    thread_local! {
        static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    COUNT.with(|count| {
        count.set(count.get() + 1);
        count.get()
    })
}

/// The error for `field` among `errors`, for showing beside the field. A group of inputs (a
/// date's day, month and year; a set of radios) matches on its prefix: `notification` finds
/// the error for `notification-month`.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| {
            e.field == field
                || e.field
                    .strip_prefix(field)
                    .is_some_and(|rest| rest.starts_with('-'))
        })
        .map(|e| e.message.clone())
}
