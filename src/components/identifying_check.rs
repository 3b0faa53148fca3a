//! "Check for identifying details", for any text that leaves Sightline to be shared (the
//! briefing, the anonymised report): each flag with where it is and what to write instead,
//! fixed in the text or dismissed with a reason, and then the person's answer to the
//! "motivated intruder" question. What is checked and where the dismissals and the
//! confirmation are kept is the caller's, through a [`CheckSubject`].

use leptos::prelude::*;
use sightline_core::anonymise::{text_hash, Flag, TextPart};
use sightline_core::content::{CheckRecord, Dismissal};
use sightline_core::dates::format_uk_date_time;

use crate::components::{AfterPause, ErrorMessage, Field};
use crate::platform::clock;

/// What the check reads and where it keeps what people decide.
#[derive(Clone, Copy)]
pub struct CheckSubject {
    /// What is being checked, in a sentence: "briefing", "report".
    pub noun: &'static str,
    /// The texts as they are now, with where each is.
    pub parts: Callback<(), Vec<TextPart>>,
    /// The flags in those texts, from this review's checker.
    pub flags: Callback<Vec<TextPart>, Vec<Flag>>,
    /// Changes whenever any of the texts does (tracked, to check again after a pause).
    pub changed: Signal<String>,
    pub dismissals: Signal<Vec<Dismissal>>,
    /// The last confirmation on record.
    pub record: Signal<Option<CheckRecord>>,
    pub dismiss: Callback<Dismissal>,
    pub undismiss: Callback<String>,
    pub confirm: Callback<CheckRecord>,
}

/// Where the check stands for the text as it is now.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckState {
    /// Flags not dismissed: each must be fixed or dismissed before export.
    pub open: Vec<Flag>,
    pub dismissed: Vec<(Flag, String)>,
    pub text_hash: String,
}

impl CheckSubject {
    /// Runs the check on the text as it is now (measured as "sightline:check").
    pub fn state(&self) -> CheckState {
        crate::platform::timing::mark("sightline:check-start");
        let parts = self.parts.run(());
        let hash = text_hash(&parts);
        let flags = self.flags.run(parts);
        let dismissals = self.dismissals.get_untracked();
        let mut open = Vec::new();
        let mut dismissed = Vec::new();
        for flag in flags {
            match dismissals.iter().find(|d| d.key == flag.key) {
                Some(d) => dismissed.push((flag, d.reason.clone())),
                None => open.push(flag),
            }
        }
        crate::platform::timing::measure("sightline:check", "sightline:check-start");
        CheckState {
            open,
            dismissed,
            text_hash: hash,
        }
    }

    /// The text at `anchor` now.
    fn text_at(&self, anchor: &str) -> String {
        self.parts
            .run(())
            .into_iter()
            .find(|p| p.anchor == anchor)
            .map(|p| p.text)
            .unwrap_or_default()
    }
}

/// Takes the person to a flag: focuses its field and selects the flagged words.
pub fn show_flag(flag: &Flag, text: &str) {
    // Selection offsets count UTF-16 units; the flag's range is in bytes.
    let start = text[..flag.range.start].encode_utf16().count() as u32;
    let end = text[..flag.range.end].encode_utf16().count() as u32;
    crate::platform::dom::select_text(&flag.anchor, start, end);
}

/// How long after the last change the open results are worked out again.
const RECHECK_AFTER_MS: u64 = 250;

/// The check's section of a page: the button, the flags, the confirmation and its record.
#[component]
pub fn IdentifyingCheck(
    subject: CheckSubject,
    /// Whether the results are showing (an export that is blocked opens them).
    shown: RwSignal<bool>,
    /// Whether the confirmation on record is for the text as it is now.
    confirmed: Signal<bool>,
) -> impl IntoView {
    let noun = subject.noun;
    // The flags, worked out when the person asks and then again once they pause typing: the
    // check takes a few milliseconds, too much to repeat on every key of a long text.
    let state = RwSignal::new(None::<CheckState>);
    let compute = move || state.set(Some(subject.state()));
    let pause = AfterPause::new(RECHECK_AFTER_MS);
    Effect::new(move |_| {
        subject.changed.track();
        subject.dismissals.track();
        if shown.get() {
            pause.schedule(compute);
        }
    });
    let run = move |_| {
        shown.set(true);
        compute();
        crate::platform::dom::focus_element("check-results");
    };
    let role = RwSignal::new(String::new());
    let agreed = RwSignal::new(false);
    let confirm_error = RwSignal::new(None::<String>);
    let confirm = move |_| {
        compute();
        let Some(state) = state.get_untracked() else {
            return;
        };
        if !state.open.is_empty() {
            return;
        }
        if role.get_untracked().trim().is_empty() || !agreed.get_untracked() {
            confirm_error.set(Some(
                "Enter your role and tick the box to confirm no one could be identified".into(),
            ));
            return;
        }
        confirm_error.set(None);
        subject.confirm.run(CheckRecord {
            text_hash: state.text_hash.clone(),
            flags_found: state.open.len() + state.dismissed.len(),
            flags_dismissed: state.dismissed.len(),
            confirmed_by: role.get_untracked().trim().to_owned(),
            confirmed_at: clock::now(),
        });
        agreed.set(false);
    };
    let recheck = Callback::new(move |()| compute());
    view! {
        <section class="app-briefing-check" aria-labelledby="check-heading">
            <h2 class="app-heading-m" id="check-heading">"Check for identifying details"</h2>
            <p class="app-body">
                {format!("Before the {noun} leaves Sightline to be shared, every flag must be fixed in the text or dismissed with a reason, and someone must confirm that no one could be identified from it. The check looks for watchlist entries, exact dates, postcodes, phone numbers, email addresses, CHI and NHS numbers, exact ages and words that look like names.")}
            </p>
            <button type="button" class="app-button app-button--secondary" on:click=run>"Check for identifying details"</button>
            <div id="check-results" tabindex="-1" data-testid="check-results">
                <Show when=move || shown.get()>
                    <CheckResults subject state recheck />
                </Show>
            </div>
            <Show when=move || shown.get() && !confirmed.get() && state.read().as_ref().is_some_and(|s| s.open.is_empty())>
                <fieldset class="app-fieldset app-panel" data-testid="motivated-intruder">
                    <legend class="app-fieldset__legend app-fieldset__legend--m">"Could anyone be identified?"</legend>
                    <p class="app-body">
                        {format!("Read the whole {noun} as someone who wants to find out who it is about would: a neighbour, a journalist, a relative. Several ordinary details together (a job, a town, a family size, an event) can identify a family.")}
                    </p>
                    <ErrorMessage id="confirm-check-error" message=confirm_error />
                    <Field id="check-confirmed-by" label="Your role">
                        <input class="app-input" id="check-confirmed-by" type="text" autocomplete="off"
                            prop:value=move || role.get() on:input=move |ev| role.set(event_target_value(&ev)) />
                    </Field>
                    <div class="app-checkboxes__item">
                        <input class="app-checkboxes__input" type="checkbox" id="check-agreed"
                            prop:checked=move || agreed.get() on:change=move |ev| agreed.set(event_target_checked(&ev)) />
                        <label class="app-label app-checkboxes__label" for="check-agreed">
                            {format!("I have read the whole {noun}, and a motivated intruder could not identify the child or adult, their family or any member of staff from it.")}
                        </label>
                    </div>
                    <button type="button" class="app-button" on:click=confirm>"Confirm the check"</button>
                </fieldset>
            </Show>
            {move || subject.record.get().map(|r| {
                let current_text = confirmed.get();
                view! {
                    <dl class="app-summary-list app-summary-list--compact" data-testid="check-record">
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">"Last confirmed"</dt>
                            <dd class="app-summary-list__value">
                                {format!("By {} on {}", r.confirmed_by, format_uk_date_time(r.confirmed_at))}
                                {(!current_text).then(|| view! { <strong class="app-tag app-tag--yellow">" The text has changed since: check again"</strong> })}
                            </dd>
                        </div>
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">"Flags"</dt>
                            <dd class="app-summary-list__value">{format!("{} found, {} dismissed with a reason, the rest fixed", r.flags_found, r.flags_dismissed)}</dd>
                        </div>
                    </dl>
                }
            })}
        </section>
    }
}

/// A flag with a key unique on the page: the same words in the same place twice get the same
/// flag key, so the second gets "#2".
fn keyed(flags: &[Flag]) -> Vec<(String, Flag)> {
    let mut seen = std::collections::HashMap::<&str, usize>::new();
    flags
        .iter()
        .map(|flag| {
            let n = seen.entry(flag.key.as_str()).or_insert(0);
            *n += 1;
            (format!("{}#{}", flag.key, n), flag.clone())
        })
        .collect()
}

#[component]
fn CheckResults(
    subject: CheckSubject,
    state: RwSignal<Option<CheckState>>,
    /// Works the flags out again now: after a dismissal, which should show at once.
    recheck: Callback<()>,
) -> impl IntoView {
    let summary = move || {
        let state = state.read();
        let Some(state) = state.as_ref() else {
            return String::new();
        };
        match (state.open.len(), state.dismissed.len()) {
            (0, 0) => "No identifying details found.".to_owned(),
            (0, d) => format!("No flags left to deal with ({d} dismissed)."),
            (1, _) => "1 flag to fix or dismiss.".to_owned(),
            (n, _) => format!("{n} flags to fix or dismiss."),
        }
    };
    let open = Memo::new(move |_| {
        state
            .read()
            .as_ref()
            .map(|s| keyed(&s.open))
            .unwrap_or_default()
    });
    let dismissed = Memo::new(move |_| {
        state
            .read()
            .as_ref()
            .map(|s| s.dismissed.clone())
            .unwrap_or_default()
    });
    let undismiss = move |key: String| {
        subject.undismiss.run(key);
        recheck.run(());
    };
    // Keyed, so a recheck after an edit keeps each flag's half-typed dismissal where it is.
    view! {
        <p class="app-body" role="status" data-testid="check-summary"><strong>{summary}</strong></p>
        <ol class="app-list app-list--rows app-flags" data-testid="flags">
            <For
                each=move || open.get().into_iter().enumerate()
                key=|(_, (key, _))| key.clone()
                children=move |(_, (key, flag))| view! { <FlagItem subject open recheck flag_key=key flag /> }
            />
        </ol>
        <Show when=move || !dismissed.read().is_empty()>
            <h3 class="app-heading-s">"Dismissed"</h3>
            <ul class="app-list" data-testid="dismissed-flags">
                {move || dismissed.get().into_iter().map(|(flag, reason)| {
                    let key = flag.key.clone();
                    view! {
                        <li>
                            {flag.kind.label()} " in " {flag.place.clone()} ": \u{201c}" {flag.matched.clone()} "\u{201d}. Reason: " {reason} " "
                            <button type="button" class="app-link-button" on:click=move |_| undismiss(key.clone())>"Undo dismissal"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
fn FlagItem(
    subject: CheckSubject,
    /// The open flags with their keys on the page, worked out once for every item.
    open: Memo<Vec<(String, Flag)>>,
    recheck: Callback<()>,
    /// Its key on the page (see `keyed`).
    flag_key: String,
    /// The flag as first found; where it is now is looked up when needed, as edits move it.
    flag: Flag,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let reason_id = format!("flag-{}-reason", flag_key.replace('#', "-"));
    // The flag as the latest check has it (its words may have moved since).
    let latest = Memo::new({
        let flag_key = flag_key.clone();
        let flag = flag.clone();
        move |_| {
            open.read()
                .iter()
                .find(|(k, _)| *k == flag_key)
                .map(|(_, f)| f.clone())
                .unwrap_or_else(|| flag.clone())
        }
    });
    let go = move |_| {
        let flag = latest.get_untracked();
        let text = subject.text_at(&flag.anchor);
        // Only when the words are still where the check found them.
        if text.get(flag.range.clone()) == Some(flag.matched.as_str()) {
            show_flag(&flag, &text);
        } else {
            crate::platform::dom::focus_element(&flag.anchor);
        }
    };
    let dismiss = move |_| {
        let why = reason.get_untracked();
        if why.trim().is_empty() {
            error.set(Some("Enter why this is not identifying".into()));
            return;
        }
        let flag = latest.get_untracked();
        subject.dismiss.run(Dismissal {
            key: flag.key.clone(),
            what: flag.kind.label().to_owned(),
            reason: why.trim().to_owned(),
            at: clock::now(),
        });
        recheck.run(());
    };
    let number = Memo::new(move |_| {
        open.read()
            .iter()
            .position(|(k, _)| *k == flag_key)
            .map(|n| n + 1)
            .unwrap_or(0)
    });
    view! {
        <li class="app-flag" data-testid="flag" data-kind=flag.kind.key()>
            <p class="app-body">
                <strong>{move || format!("{}. {}", number.get(), latest.read().kind.label())}</strong>
                " in "
                <button type="button" class="app-link-button" on:click=go>{move || latest.read().place.clone()}</button>
            </p>
            <p class="app-inset-text">
                {move || latest.read().before.clone()}
                <mark>{move || latest.read().matched.clone()}</mark>
                {move || latest.read().after.clone()}
            </p>
            <p class="app-body">{flag.suggestion.clone()}</p>
            <details class="app-details">
                <summary class="app-details__summary">"Dismiss this flag"</summary>
                <div class="app-form-group">
                    <label class="app-label" for=reason_id.clone()>"Why it does not identify anyone"</label>
                    <ErrorMessage id=format!("{reason_id}-error") message=error />
                    <input class="app-input" id=reason_id type="text" autocomplete="off"
                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                </div>
                <button type="button" class="app-button app-button--secondary" on:click=dismiss>"Dismiss flag"</button>
            </details>
        </li>
    }
}
