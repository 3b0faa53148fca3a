//! The 7-minute briefing: drafted from the review, edited freely, previewed exactly as it will
//! be exported, checked for identifying details, then exported as a printed page, a web page,
//! a slide deck, Markdown or a Word document, with a team return form.

mod check;
mod export;

use leptos::prelude::*;
use sightline_core::content::briefing::{draft_briefing, SECTION_HINTS};
use sightline_core::content::{Briefing, BriefingLayout};
use sightline_core::render::html::briefing_fragment;
use sightline_core::RecordId;

use crate::components::synced_text::{sync_input, sync_textarea};
use crate::components::{use_page_title, ConfirmDialog};
use crate::platform::clock;
use crate::services::session::{new_id, use_review_session};

/// The Briefing page.
#[component]
pub fn BriefingPage() -> impl IntoView {
    use_page_title(|| "7-minute briefing".to_owned());
    let session = use_review_session();
    let content = session.content();
    let briefing_id = Memo::new(move |_| content.read().briefings.first().map(|b| b.id));
    let draft = move |_| {
        let review = session.review_as_saved();
        let briefing =
            content.with_untracked(|c| draft_briefing(&review, c, new_id(), clock::now()));
        session.put_record(briefing);
    };
    view! {
        <div class="app-no-print">
            <h1 class="app-heading-l">"7-minute briefing"</h1>
            <p class="app-body">
                "A one-page summary of the learning that a team manager talks through in about seven minutes, ending with questions for the team. It shares the learning without telling the story: no one should be identifiable from it."
            </p>
        </div>
        {move || match briefing_id.get() {
            None => view! {
                <div class="app-no-print">
                    <p class="app-body">
                        "Sightline drafts the seven sections from the review: the pseudonymised overview, the findings, the systems map and the action plan. You then edit them freely."
                    </p>
                    <button type="button" class="app-button" on:click=draft>"Draft the briefing from the review"</button>
                </div>
            }.into_any(),
            Some(id) => view! { <BriefingWorkspace briefing=id /> }.into_any(),
        }}
    }
}

#[component]
fn BriefingWorkspace(briefing: RecordId) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let current = Memo::new(move |_| content.read().get::<Briefing>(briefing).cloned());
    let fragment = Memo::new(move |_| {
        crate::platform::timing::mark("sightline:preview-start");
        let html = current
            .read()
            .as_ref()
            .map(briefing_fragment)
            .unwrap_or_default();
        crate::platform::timing::measure("sightline:preview", "sightline:preview-start");
        html
    });
    // Each field follows its own text (a memo per field), written into the box only when it
    // differs from what the box shows, so typing does not rewrite every box on every key.
    let field = move |get: fn(&Briefing) -> String| -> Signal<String> {
        Memo::new(move |_| current.read().as_ref().map(get).unwrap_or_default()).into()
    };
    let synced_input = move |get: fn(&Briefing) -> String| {
        let node = NodeRef::<leptos::html::Input>::new();
        sync_input(node, field(get));
        node
    };
    let title_box = synced_input(|b| b.title.clone());
    let audience_box = synced_input(|b| b.audience.clone());
    let approved_box = synced_input(|b| b.approved_by.clone());
    let confirm_redraft = RwSignal::new(false);
    let check_shown = RwSignal::new(false);
    let redraft = move || {
        let review = session.review_as_saved();
        let fresh = content.with_untracked(|c| draft_briefing(&review, c, briefing, clock::now()));
        session.update_record::<Briefing>(briefing, |b| {
            b.sections = fresh.sections;
            b.title = fresh.title;
        });
    };
    let sections = Memo::new(move |_| {
        current
            .read()
            .as_ref()
            .map(|b| b.sections.len())
            .unwrap_or(0)
    });
    view! {
        <div class="app-no-print app-briefing-editor">
            <h2 class="app-heading-m">"Write the briefing"</h2>
            <div class="app-form-group">
                <label class="app-label app-label--bold" for="briefing-title">"Title"</label>
                <input class="app-input" id="briefing-title" type="text" autocomplete="off"
                    node_ref=title_box
                    on:input={move |ev| session.update_record::<Briefing>(briefing, |b| b.title = event_target_value(&ev))} />
            </div>
            <div class="app-form-group">
                <label class="app-label app-label--bold" for="briefing-audience">"Who it is for"</label>
                <input class="app-input" id="briefing-audience" type="text" autocomplete="off"
                    node_ref=audience_box
                    on:input={move |ev| session.update_record::<Briefing>(briefing, |b| b.audience = event_target_value(&ev))} />
            </div>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"Layout"</legend>
                <div class="app-radios app-radios--inline">
                    {BriefingLayout::ALL.into_iter().map(|layout| {
                        let id = format!("briefing-layout-{}", layout.key());
                        view! {
                            <div class="app-radios__item">
                                <input class="app-radios__input" type="radio" name="briefing-layout" id=id.clone()
                                    prop:checked=move || current.read().as_ref().is_some_and(|b| b.layout == layout)
                                    on:change={move |_| session.update_record::<Briefing>(briefing, |b| b.layout = layout)} />
                                <label class="app-label app-radios__label" for=id>{layout.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <p class="app-hint">"A line starting with \u{201c}- \u{201d} is a bullet point; a blank line starts a new paragraph."</p>
            {move || (0..sections.get()).map(|n| {
                let heading_id = format!("briefing-heading-{}", n + 1);
                let body_id = format!("briefing-section-{}", n + 1);
                let hint_id = format!("briefing-section-{}-hint", n + 1);
                let heading_box = NodeRef::<leptos::html::Input>::new();
                sync_input(heading_box, Memo::new(move |_| current.read().as_ref().and_then(|b| b.sections.get(n)).map(|s| s.heading.clone()).unwrap_or_default()).into());
                let body_box = NodeRef::<leptos::html::Textarea>::new();
                sync_textarea(body_box, Memo::new(move |_| current.read().as_ref().and_then(|b| b.sections.get(n)).map(|s| s.body.clone()).unwrap_or_default()).into());
                view! {
                    <fieldset class="app-fieldset app-briefing-section" data-testid="briefing-section">
                        <legend class="app-fieldset__legend app-fieldset__legend--m">{format!("Section {}", n + 1)}</legend>
                        <div class="app-form-group">
                            <label class="app-label" for=heading_id.clone()>"Heading"</label>
                            <input class="app-input" id=heading_id type="text" autocomplete="off"
                                node_ref=heading_box
                                on:input={move |ev| session.update_record::<Briefing>(briefing, |b| if let Some(s) = b.sections.get_mut(n) { s.heading = event_target_value(&ev) })} />
                        </div>
                        <div class="app-form-group">
                            <label class="app-label" for=body_id.clone()>"Text"</label>
                            <div class="app-hint" id=hint_id.clone()>{SECTION_HINTS.get(n).copied().unwrap_or("")}</div>
                            <textarea class="app-textarea" id=body_id rows="5" aria-describedby=hint_id
                                node_ref=body_box
                                on:input={move |ev| session.update_record::<Briefing>(briefing, |b| if let Some(s) = b.sections.get_mut(n) { s.body = event_target_value(&ev) })}></textarea>
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <button type="button" class="app-button app-button--secondary" on:click=move |_| confirm_redraft.set(true)>
                "Draft again from the review"
            </button>
            <ConfirmDialog open=confirm_redraft
                heading=Signal::derive(|| "Draft the briefing again?".to_owned())
                confirm_label="Draft again".to_owned()
                on_confirm=redraft>
                <p class="app-body">"The title and all seven sections are replaced by a new draft from the review as it is now. What you wrote in them is lost."</p>
            </ConfirmDialog>
            <h2 class="app-heading-m">"Approval"</h2>
            <div class="app-form-group">
                <label class="app-label" for="briefing-approved-by">"Approved by (role)"</label>
                <div class="app-hint">"A role, never a name: \u{201c}Chair, Child Protection Committee\u{201d}."</div>
                <input class="app-input" id="briefing-approved-by" type="text" autocomplete="off"
                    node_ref=approved_box
                    on:input={move |ev| session.update_record::<Briefing>(briefing, |b| b.approved_by = event_target_value(&ev))} />
            </div>
            <p class="app-body">
                {move || match current.read().as_ref().and_then(|b| b.approved_on) {
                    Some(on) => format!("Approved on {}. ", sightline_core::format_uk_date(on)),
                    None => "Not marked as approved yet. ".to_owned(),
                }}
                <button type="button" class="app-link-button"
                    on:click={move |_| session.update_record::<Briefing>(briefing, |b| b.approved_on = Some(clock::today()))}>
                    "Mark as approved today"
                </button>
            </p>
        </div>
        <div class="app-no-print">
            <h2 class="app-heading-m" id="briefing-preview-heading">"Preview"</h2>
            <p class="app-hint">"Exactly what is exported and printed."</p>
        </div>
        <div class="app-briefing-preview" data-testid="briefing-preview" inner_html=move || fragment.get()></div>
        <div class="app-no-print">
            <check::BriefingCheck briefing current shown=check_shown />
            <export::BriefingExport briefing current check_shown />
        </div>
    }
}
