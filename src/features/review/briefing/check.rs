//! The briefing's "Check for identifying details": the shared check
//! ([`crate::components::identifying_check`]) over the briefing's text, with its dismissals and
//! confirmation kept on the briefing record.

use leptos::prelude::*;
use sightline_core::anonymise::{text_hash, Checker, TextPart};
use sightline_core::content::Briefing;
use sightline_core::RecordId;

use crate::components::identifying_check::{CheckSubject, IdentifyingCheck};
use crate::services::session::use_review_session;

fn parts_of(briefing: &Briefing) -> Vec<TextPart> {
    briefing
        .text_parts()
        .into_iter()
        .map(TextPart::from)
        .collect()
}

/// The briefing `briefing` (shown as `current`) as something to check.
pub fn briefing_subject(briefing: RecordId, current: Memo<Option<Briefing>>) -> CheckSubject {
    let session = use_review_session();
    let content = session.content();
    let review = session.review();
    CheckSubject {
        noun: "briefing",
        parts: Callback::new(move |()| {
            current.with_untracked(|b| b.as_ref().map(parts_of).unwrap_or_default())
        }),
        flags: Callback::new(move |parts: Vec<TextPart>| {
            let committee = review.with_untracked(|r| r.committee.clone());
            content.with_untracked(|c| Checker::new(c).with_committee(&committee).check(&parts))
        }),
        changed: Signal::derive(move || {
            current
                .read()
                .as_ref()
                .map(|b| text_hash(&parts_of(b)))
                .unwrap_or_default()
        }),
        dismissals: Signal::derive(move || {
            current
                .read()
                .as_ref()
                .map(|b| b.dismissals.clone())
                .unwrap_or_default()
        }),
        record: Signal::derive(move || current.read().as_ref().and_then(|b| b.check.clone())),
        dismiss: Callback::new(move |dismissal| {
            session.update_record::<Briefing>(briefing, |b| b.dismissals.push(dismissal))
        }),
        undismiss: Callback::new(move |key: String| {
            session.update_record::<Briefing>(briefing, |b| b.dismissals.retain(|d| d.key != key))
        }),
        confirm: Callback::new(move |record| {
            session.update_record::<Briefing>(briefing, |b| b.check = Some(record))
        }),
    }
}

/// The check's section of the Briefing page.
#[component]
pub fn BriefingCheck(
    briefing: RecordId,
    current: Memo<Option<Briefing>>,
    /// Whether the results are showing (the export opens them when it is blocked).
    shown: RwSignal<bool>,
) -> impl IntoView {
    let subject = briefing_subject(briefing, current);
    // Whether the confirmation on record is for the text as it is now: one hash, cheap enough
    // for every key.
    let confirmed = Signal::derive(move || {
        current
            .read()
            .as_ref()
            .is_some_and(|b| b.check_is_current(&text_hash(&parts_of(b))))
    });
    view! { <IdentifyingCheck subject shown confirmed /> }
}
