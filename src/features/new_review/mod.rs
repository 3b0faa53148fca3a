//! The New review page: title, type, notification date and committee, checked by the core's
//! rules, stored before the person is taken to the new review.

use leptos::prelude::*;
use sightline_core::form::FieldError;
use sightline_core::review::new_review::{field_ids, validate_new_review, NewReviewForm};
use sightline_core::{DateParts, Review, ReviewType};

use crate::components::error_summary::error_for;
use crate::components::{use_page_title, DateInput, ErrorMessage, ErrorSummary, TextField};
use crate::platform::{clock, ids, settings, storage};
use crate::routes::{use_navigator, ReviewSection, Route};
use crate::services::save_status::{use_save_status, SaveState};

/// The New review page.
#[component]
pub fn NewReviewPage() -> impl IntoView {
    use_page_title(|| "New review".to_owned());
    let title = RwSignal::new(String::new());
    let review_type = RwSignal::new(None::<ReviewType>);
    let notification = RwSignal::new(DateParts::default());
    let committee = RwSignal::new(settings::last_committee().unwrap_or_default());
    // With no committee remembered, start with the first one named in Settings.
    let committees = crate::components::load_once(crate::services::committee::load());
    Effect::new(move |_| {
        if let Some(Ok(settings)) = committees.get() {
            if committee.get_untracked().trim().is_empty() {
                if let Some(first) = settings.committees.first() {
                    committee.set(first.clone());
                }
            }
        }
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let creating = RwSignal::new(false);
    let save_status = use_save_status();
    let navigator = use_navigator();

    let error = move |field: &'static str| Signal::derive(move || error_for(&errors.read(), field));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if creating.get_untracked() {
            return;
        }
        let form = NewReviewForm {
            title: title.get_untracked(),
            review_type: review_type.get_untracked(),
            notification_received: notification.get_untracked(),
            committee: committee.get_untracked(),
        };
        let new = match validate_new_review(&form, clock::today()) {
            Ok(new) => new,
            Err(problems) => {
                errors.set(problems);
                return;
            }
        };
        errors.set(Vec::new());
        creating.set(true);
        save_status.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            // The committee's own timescales, read now so a change made in another tab counts.
            let timescales = crate::services::committee::load()
                .await
                .map(|s| s.timescales)
                .unwrap_or_default();
            let review =
                Review::new(ids::new_review_id(), new, clock::now()).with_timescales(timescales);
            let result = match storage::shared().await {
                Ok(store) => store.put(&review, &[], 0, &[]).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(_) => {
                    save_status.set(SaveState::Saved);
                    settings::remember_committee(&review.committee);
                    navigator.go(Route::Review(review.id, ReviewSection::Overview));
                }
                Err(error) => {
                    save_status.set(SaveState::NotSaved(error.to_string()));
                    creating.try_set(false);
                    // Everything typed stays in the form; the summary says why it was not saved.
                    errors.try_set(vec![FieldError::new(
                        field_ids::TITLE,
                        format!("The review was not created. {error}"),
                    )]);
                }
            }
        });
    };

    view! {
        <a href="/" class="app-back-link">
            "Back to reviews"
        </a>
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl">"New review"</h1>
        <form on:submit=submit novalidate>
            <TextField
                id=field_ids::TITLE
                label="Title"
                large_label=true
                hint="Use a reference that does not identify anyone, such as \u{201c}Review 2026-03 (Child A)\u{201d}. Never a real name."
                value=title
                error=error(field_ids::TITLE)
            />

            <div class="app-form-group" class:app-form-group--error=move || error(field_ids::REVIEW_TYPE).get().is_some()>
                <fieldset
                    class="app-fieldset"
                    aria-describedby=move || {
                        error(field_ids::REVIEW_TYPE).get().map(|_| "review-type-error")
                    }
                >
                    <legend class="app-fieldset__legend app-fieldset__legend--m">"Review type"</legend>
                    <ErrorMessage id="review-type-error" message=error(field_ids::REVIEW_TYPE) />
                    <div class="app-radios">
                        {ReviewType::ALL
                            .into_iter()
                            .map(|option| {
                                let id = format!("{}-{}", field_ids::REVIEW_TYPE, option.key());
                                view! {
                                    <div class="app-radios__item">
                                        <input
                                            class="app-radios__input"
                                            id=id.clone()
                                            name="review-type"
                                            type="radio"
                                            value=option.key()
                                            prop:checked=move || review_type.get() == Some(option)
                                            on:change=move |_| review_type.set(Some(option))
                                        />
                                        <label class="app-label app-radios__label" for=id>
                                            {option.label()}
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            </div>

            <DateInput
                id=field_ids::NOTIFICATION
                legend="Notification received"
                hint="The date the committee received the notification, for example 27 3 2026"
                parts=notification
                error=error(field_ids::NOTIFICATION)
            />

            <TextField
                id=field_ids::COMMITTEE
                label="Committee (optional)"
                large_label=true
                hint="The committee running the review, for example \u{201c}East Lothian and Midlothian Public Protection Committee\u{201d}. Sightline remembers the last one used."
                value=committee
                error=error(field_ids::COMMITTEE)
            />
            {move || committees.get().and_then(Result::ok).filter(|s| s.committees.len() > 1).map(|s| view! {
                <div class="app-form-group" data-testid="committee-choices">
                    <p class="app-body">"Or choose one of the committees named in Settings:"</p>
                    <div class="app-button-group">
                        {s.committees.into_iter().map(|name| {
                            let chosen = name.clone();
                            view! {
                                <button type="button" class="app-button app-button--secondary" on:click=move |_| committee.set(chosen.clone())>
                                    {name}
                                </button>
                            }
                        }).collect_view()}
                    </div>
                </div>
            })}

            <button type="submit" class="app-button" prop:disabled=move || creating.get()>
                "Create review"
            </button>
        </form>
    }
}
