//! Form controls bound to one detail of the open review, saved as the person types (the
//! decision and set-up pages are made of them). Each is a `Field` around one control.

use chrono::NaiveDate;
use leptos::prelude::*;
use sightline_core::dates::DateLabel;
use sightline_core::{DateParts, Review};

use crate::components::{described_by, DateInput, Field};
use crate::services::session::use_review_session;

/// A text box (or, with `rows`, a text area) showing `get` of the review and saving each
/// change through `set`.
#[component]
pub fn DetailText(
    /// The control's id and name.
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// Lines for a text area; a one-line box when 0.
    #[prop(optional)]
    rows: u32,
    get: fn(&Review) -> &str,
    set: fn(&mut Review, String),
) -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let value = move || get(&review.read()).to_owned();
    let save = move |text: String| session.edit(|r| set(r, text));
    let describe = described_by(id, hint.is_some(), Signal::derive(|| None));
    let control = if rows == 0 {
        view! {
            <input class="app-input" id=id name=id type="text" autocomplete="off"
                aria-describedby=describe
                prop:value=value
                on:input=move |ev| save(event_target_value(&ev)) />
        }
        .into_any()
    } else {
        view! {
            <textarea class="app-textarea" id=id name=id rows=rows
                aria-describedby=describe
                prop:value=value
                on:input=move |ev| save(event_target_value(&ev))></textarea>
        }
        .into_any()
    };
    view! {
        <Field id=id label=label hint=hint.map(str::to_owned)>
            {control}
        </Field>
    }
}

/// A date of the review, typed as day, month and year: saved once it is a real date (or
/// cleared when all three boxes are empty); until then what is typed stays, with the problem.
#[component]
pub fn DetailDate(
    /// Prefix of the three boxes' ids.
    id: &'static str,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// Names the date in messages ("The date the agency was asked").
    name: &'static str,
    get: fn(&Review) -> Option<NaiveDate>,
    set: fn(&mut Review, Option<NaiveDate>),
) -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let initial = get(&review.read_untracked());
    let parts = RwSignal::new(initial.map(DateParts::from_date).unwrap_or_default());
    let problem = RwSignal::new(None::<String>);
    // Typing saves the date as soon as it reads as one; a half-typed date is kept here only.
    Effect::new(move |first: Option<()>| {
        let typed = parts.get();
        if first.is_none() {
            return;
        }
        if typed.is_empty() {
            problem.set(None);
            session.edit(|r| set(r, None));
            return;
        }
        match typed.parse() {
            Ok(date) => {
                problem.set(None);
                if get(&review.read_untracked()) != Some(date) {
                    session.edit(|r| set(r, Some(date)));
                }
            }
            Err(error) => problem.set(Some(error.message(DateLabel { name, what: name }))),
        }
    });
    view! {
        <DateInput id=id legend=legend hint=hint.map(str::to_owned) parts error=problem />
    }
}

/// The dates a form read when it was sent, and the problems of those typed wrongly: so that a
/// date typed wrongly says what is wrong with it rather than the core's "enter the date".
#[derive(Default)]
pub struct TypedDates(Vec<sightline_core::FieldError>);

impl TypedDates {
    /// The date typed in `parts`; `None` when the boxes are empty or do not make a date (then
    /// the problem is kept for `field`, named as `name`: "The date asked").
    pub fn read(
        &mut self,
        parts: &DateParts,
        field: &'static str,
        name: &'static str,
    ) -> Option<NaiveDate> {
        if parts.is_empty() {
            return None;
        }
        parts
            .parse()
            .map_err(|e| {
                self.0.push(sightline_core::FieldError::new(
                    field,
                    e.message(DateLabel { name, what: name }),
                ))
            })
            .ok()
    }

    /// Whether every date read was empty or a date.
    pub fn all_read(&self) -> bool {
        self.0.is_empty()
    }

    /// The core's `problems` with each wrongly typed date's own message in place of any for its
    /// field, in the page's `order` of fields.
    pub fn merge(
        self,
        mut problems: Vec<sightline_core::FieldError>,
        order: &[&str],
    ) -> Vec<sightline_core::FieldError> {
        problems.retain(|p| !self.0.iter().any(|d| d.field == p.field));
        problems.extend(self.0);
        problems.sort_by_key(|e| order.iter().position(|f| *f == e.field));
        problems
    }
}
