//! Asking for a passphrase: to protect a file (typed twice, with a strength hint) or to open
//! one.

use leptos::prelude::*;
use sightline_core::form::FieldError;
use sightline_core::format::encryption::{check_new_passphrase, strength};

use super::error_summary::error_for;
use super::ErrorMessage;

/// The passphrase fields need fixing; their messages are on the page.
#[derive(Debug)]
pub struct ProtectionIncomplete;

/// The person's choice about protecting a file they are about to save.
#[derive(Clone, Copy)]
pub struct Protection {
    pub protect: RwSignal<bool>,
    pub passphrase: RwSignal<String>,
    pub confirm: RwSignal<String>,
    pub errors: RwSignal<Vec<FieldError>>,
}

impl Protection {
    pub fn new() -> Self {
        Self {
            protect: RwSignal::new(false),
            passphrase: RwSignal::new(String::new()),
            confirm: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
        }
    }

    /// The passphrase to protect with, or `None` for no protection. When what was typed will
    /// not do, the problems are shown beside the fields and this is an error.
    pub fn checked(&self) -> Result<Option<String>, ProtectionIncomplete> {
        if !self.protect.get_untracked() {
            self.errors.set(Vec::new());
            return Ok(None);
        }
        let passphrase = self.passphrase.get_untracked();
        match check_new_passphrase(&passphrase, &self.confirm.get_untracked()) {
            Ok(()) => {
                self.errors.set(Vec::new());
                Ok(Some(passphrase))
            }
            Err(problems) => {
                self.errors.set(problems);
                Err(ProtectionIncomplete)
            }
        }
    }
}

impl Default for Protection {
    fn default() -> Self {
        Self::new()
    }
}

/// "Protect with a passphrase", and the passphrase typed twice with a strength hint.
#[component]
pub fn ProtectionFields(
    protection: Protection,
    /// Makes the ids unique when a page has more than one of these.
    id_prefix: &'static str,
) -> impl IntoView {
    let Protection {
        protect,
        passphrase,
        confirm,
        errors,
    } = protection;
    let id = move |name: &str| {
        if id_prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{id_prefix}-{name}")
        }
    };
    let hint = Memo::new(move |_| {
        let text = passphrase.get();
        (!text.is_empty()).then(|| strength(&text).hint())
    });
    let passphrase_error = Signal::derive(move || error_for(&errors.read(), "passphrase"));
    let confirm_error = Signal::derive(move || error_for(&errors.read(), "confirm-passphrase"));
    let checkbox_id = id("protect");
    let (passphrase_id, confirm_id) = (id("passphrase"), id("confirm-passphrase"));
    view! {
        <div class="app-checkboxes__item">
            <input class="app-checkboxes__input" type="checkbox" id=checkbox_id.clone()
                prop:checked=move || protect.get()
                on:change=move |ev| protect.set(event_target_checked(&ev))
            />
            <label class="app-label app-checkboxes__label" for=checkbox_id>"Protect with a passphrase"</label>
        </div>
        <Show when=move || protect.get()>
            {
                let (passphrase_id, confirm_id) = (passphrase_id.clone(), confirm_id.clone());
                view! {
            <div class="app-conditional">
                <p class="app-hint">
                    "Anyone with the passphrase can open the file, with Sightline or the standard age tool. Send the passphrase a different way from the file, such as by phone. If it is lost, the file cannot be opened."
                </p>
                <div class="app-form-group" class:app-form-group--error=move || passphrase_error.get().is_some()>
                    <label class="app-label" for=passphrase_id.clone()>"Passphrase"</label>
                    <div class="app-hint" id=format!("{passphrase_id}-hint")>"At least 10 characters. Four or more unrelated words are strong and easy to remember."</div>
                    <ErrorMessage id=format!("{passphrase_id}-error") message=passphrase_error />
                    <input class="app-input app-input--width-20" id=passphrase_id.clone() type="password" autocomplete="new-password"
                        aria-describedby=format!("{passphrase_id}-hint {passphrase_id}-strength")
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))
                    />
                    <p class="app-hint app-strength" id=format!("{passphrase_id}-strength") aria-live="polite">
                        {move || hint.get()}
                    </p>
                </div>
                <div class="app-form-group" class:app-form-group--error=move || confirm_error.get().is_some()>
                    <label class="app-label" for=confirm_id.clone()>"Confirm passphrase"</label>
                    <ErrorMessage id=format!("{confirm_id}-error") message=confirm_error />
                    <input class="app-input app-input--width-20" id=confirm_id type="password" autocomplete="new-password"
                        prop:value=move || confirm.get()
                        on:input=move |ev| confirm.set(event_target_value(&ev))
                    />
                </div>
            </div>
                }
            }
        </Show>
    }
}

pub use crate::platform::timing::next_frame;
