//! What the reviewer fills in for the report rather than drafts: the core data (each line left
//! out unless included), the answer to each review question, and the appendices. The section
//! each feeds is drafted again as it changes, unless the reviewer has edited that section
//! (then it is offered, as drafting again would).

use leptos::prelude::*;
use sightline_core::report::draft::draft_section;
use sightline_core::report::{CoreItem, SectionKey};
use sightline_core::RecordId;

use super::drafting::take_drafts;
use super::ReportPageState;
use crate::platform::clock;
use crate::routes::{review_section_href, ReviewSection};
use crate::services::session::{use_review_session, ReviewSession};

/// Drafts `key` again from the review as it now is.
fn redraft_one(session: ReviewSession, state: ReportPageState, key: SectionKey) {
    let review = session.review();
    let content = session.content();
    // Only once the report has been drafted: before that, the first draft takes it all.
    if review.with_untracked(|r| r.report.sections.values().all(|s| s.drafted.is_empty())) {
        return;
    }
    let text = review.with_untracked(|r| {
        content.with_untracked(|c| draft_section(key, r, c, &r.report, clock::today()))
    });
    take_drafts(session, state, vec![(key, text)]);
}

/// The core data as a summary list a person fills in, each line "include" or left out.
#[component]
pub(super) fn CoreDataForm() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let state = expect_context::<ReportPageState>();
    let rows = CoreItem::ALL
        .into_iter()
        .map(|item| {
            let id = format!("core-{}", item.key());
            let include_id = format!("{id}-include");
            let value = Memo::new(move |_| {
                review
                    .read()
                    .report
                    .core_data
                    .get(&item)
                    .map(|e| e.value.clone())
                    .unwrap_or_default()
            });
            let included = Memo::new(move |_| {
                review
                    .read()
                    .report
                    .core_data
                    .get(&item)
                    .is_some_and(|e| e.include)
            });
            let set_value = move |text: String| {
                session.edit(|r| r.report.core_data.entry(item).or_default().value = text);
                if included.get_untracked() {
                    redraft_one(session, state, SectionKey::CoreData);
                }
            };
            let set_include = move |on: bool| {
                session.edit(|r| r.report.core_data.entry(item).or_default().include = on);
                redraft_one(session, state, SectionKey::CoreData);
            };
            view! {
                <div class="app-summary-list__row" data-testid="core-item" data-item=item.key()>
                    <dt class="app-summary-list__key"><label for=id.clone()>{item.label()}</label></dt>
                    <dd class="app-summary-list__value">
                        <input class="app-input" id=id.clone() type="text" autocomplete="off"
                            disabled=move || state.is_final.get()
                            prop:value=move || value.get()
                            on:change=move |ev| set_value(event_target_value(&ev)) />
                    </dd>
                    <dd class="app-summary-list__actions">
                        <div class="app-checkboxes__item">
                            <input class="app-checkboxes__input" type="checkbox" id=include_id.clone()
                                disabled=move || state.is_final.get()
                                prop:checked=move || included.get()
                                on:change=move |ev| set_include(event_target_checked(&ev)) />
                            <label class="app-label app-checkboxes__label" for=include_id>
                                "Include"<span class="app-visually-hidden">{format!(" {}", item.label().to_lowercase())}</span>
                            </label>
                        </div>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 class="app-heading-l" id="core-data">"Core data"</h2>
        <p class="app-body">
            "Give only what the learning needs. Each line is left out of the report unless you tick \u{201c}Include\u{201d}. Use the pseudonymised identifier and an age band, never a name or a date of birth."
        </p>
        <dl class="app-summary-list app-summary-list--form">{rows}</dl>
    }
}

/// A text box for the answer to each review question (the questions are set on Set-up).
#[component]
pub(super) fn AnswersForm() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let state = expect_context::<ReportPageState>();
    let review_id = review.read_untracked().id;
    let questions = Memo::new(move |_| {
        review
            .read()
            .setup
            .questions_in_order()
            .into_iter()
            .map(|(id, q)| (id, q.number, q.text.clone()))
            .collect::<Vec<_>>()
    });
    let answer = move |id: RecordId, number: u32, text: String| {
        let box_id = format!("answer-{id}");
        let value = Memo::new(move |_| {
            review
                .read()
                .report
                .answers
                .get(&id)
                .cloned()
                .unwrap_or_default()
        });
        let save = move |text: String| {
            session.edit(|r| {
                if text.trim().is_empty() {
                    r.report.answers.remove(&id);
                } else {
                    r.report.answers.insert(id, text);
                }
            });
            redraft_one(session, state, SectionKey::Findings);
        };
        view! {
            <div class="app-form-group" data-testid="answer">
                <label class="app-label app-label--s" for=box_id.clone()>{format!("{number}. {text}")}</label>
                <textarea class="app-textarea" id=box_id rows=4
                    disabled=move || state.is_final.get()
                    prop:value=move || value.get()
                    on:change=move |ev| save(event_target_value(&ev))></textarea>
            </div>
        }
    };
    view! {
        <h2 class="app-heading-l" id="answers">"Answers to the review questions"</h2>
        {move || {
            let questions = questions.get();
            if questions.is_empty() {
                view! {
                    <p class="app-body">
                        "The review has no questions yet. "
                        <a href=format!("{}#review-questions", review_section_href(review_id, ReviewSection::SetUp))>"Set the review questions"</a>
                        " on the Set-up page; each is answered here and in section 6 of the report."
                    </p>
                }.into_any()
            } else {
                view! {
                    <p class="app-body">"Each answer goes into section 6, under the question."</p>
                    {questions.into_iter().map(|(id, number, text)| answer(id, number, text)).collect_view()}
                }.into_any()
            }
        }}
    }
}

/// Which appendices the report carries.
#[component]
pub(super) fn AppendicesForm() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let state = expect_context::<ReportPageState>();
    type Which = fn(&mut sightline_core::report::Appendices) -> &mut bool;
    let options: [(&str, &str, Which); 3] = [
        ("appendix-map", "The systems map, as an image", |a| {
            &mut a.map
        }),
        (
            "appendix-chronology",
            "The full chronology, as a table",
            |a| &mut a.chronology,
        ),
        (
            "appendix-terms",
            "The terms of reference (the scope and the review questions)",
            |a| &mut a.terms_of_reference,
        ),
    ];
    let boxes = options
        .into_iter()
        .map(|(id, label, which)| {
            let checked = Memo::new(move |_| {
                let mut appendices = review.read().report.appendices.clone();
                *which(&mut appendices)
            });
            let set = move |on: bool| {
                session.edit(|r| *which(&mut r.report.appendices) = on);
                redraft_one(session, state, SectionKey::Appendices);
            };
            view! {
                <div class="app-checkboxes__item">
                    <input class="app-checkboxes__input" type="checkbox" id=id
                        disabled=move || state.is_final.get()
                        prop:checked=move || checked.get()
                        on:change=move |ev| set(event_target_checked(&ev)) />
                    <label class="app-label app-checkboxes__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="app-fieldset" id="appendices">
            <legend class="app-fieldset__legend app-fieldset__legend--m">"Appendices"</legend>
            <div class="app-checkboxes">{boxes}</div>
        </fieldset>
    }
}
