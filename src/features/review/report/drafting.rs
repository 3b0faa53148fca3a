//! Drafting the report from the review, and drafting again: a section left as drafted takes
//! the new draft; an edited one keeps the reviewer's text and is offered, side by side, for the
//! person to keep their edits or take the new draft.

use leptos::prelude::*;
use sightline_core::report::draft::draft_all;
use sightline_core::report::{RedraftChoice, RedraftOffer, SectionKey};

use super::ReportPageState;
use crate::platform::{clock, timing};
use crate::services::session::{use_review_session, ReviewSession};

/// Puts a new draft of `drafts` into the report; the sections whose edits it did not overwrite
/// are added to the page's offers (replacing any older offer for the same section).
pub(super) fn take_drafts(
    session: ReviewSession,
    state: ReportPageState,
    drafts: Vec<(SectionKey, String)>,
) {
    let mut offers = Vec::new();
    session.edit(|r| offers = r.report.redraft(&drafts));
    state.offers.update(|list| {
        list.retain(|o| !drafts.iter().any(|(key, _)| *key == o.section));
        list.extend(offers);
        list.sort_by_key(|o| o.section);
    });
}

/// "Draft the report from the review" / "Draft again", and the offers it leaves.
#[component]
pub(super) fn DraftPanel() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let content = session.content();
    let state = expect_context::<ReportPageState>();
    let drafted = Memo::new(move |_| {
        review
            .read()
            .report
            .sections
            .values()
            .any(|s| !s.drafted.is_empty())
    });
    let outcome = RwSignal::new(None::<String>);
    let draft = move |_| {
        // Measured for the benchmark (bench/report.mjs) as "sightline:report-draft".
        timing::mark("sightline:report-draft-start");
        let drafts = review.with_untracked(|r| {
            content.with_untracked(|c| draft_all(r, c, &r.report, clock::today()))
        });
        timing::measure("sightline:report-draft", "sightline:report-draft-start");
        let again = drafted.get_untracked();
        take_drafts(session, state, drafts);
        let offered = state.offers.read_untracked().len();
        outcome.set(Some(match (again, offered) {
            (false, _) => "The report is drafted. Edit each section below.".to_owned(),
            (true, 0) => "Drafted again: every section you had not edited now follows the review.".to_owned(),
            (true, 1) => "Drafted again. You edited 1 section whose draft has changed: choose below what to keep.".to_owned(),
            (true, n) => format!("Drafted again. You edited {n} sections whose drafts have changed: choose below what to keep for each."),
        }));
        crate::platform::dom::focus_element("draft-outcome");
    };
    view! {
        <h2 class="app-heading-l" id="drafting">"Draft from the review"</h2>
        <p class="app-body">
            "Each section is drafted from the review: the lifecycle and delay log, the Review Team, the chronology, the key practice episodes, the systems map, the findings and the action plan. Drafting again updates the sections you have not edited; for a section you have edited, you choose."
        </p>
        <button type="button" class="app-button" data-testid="draft-report"
            disabled=move || state.is_final.get()
            on:click=draft>
            {move || if drafted.get() { "Draft again from the review" } else { "Draft the report from the review" }}
        </button>
        <p class="app-body" id="draft-outcome" tabindex="-1" role="status" data-testid="draft-outcome">
            {move || outcome.get()}
        </p>
        <Show when=move || !state.offers.read().is_empty()>
            <div class="app-panel" data-testid="redraft-offers">
                <h3 class="app-heading-m">"Sections you edited whose draft has changed"</h3>
                <For each=move || state.offers.get() key=|o| (o.section, o.drafted.clone())
                    children=move |offer| view! { <Offer offer /> } />
            </div>
        </Show>
    }
}

/// One section's choice: the reviewer's text beside the new draft.
#[component]
fn Offer(offer: RedraftOffer) -> impl IntoView {
    let session = use_review_session();
    let model = session.review().read_untracked().setup.model;
    let state = expect_context::<ReportPageState>();
    let section = offer.section;
    let heading = format!("{}. {}", section.number(), section.heading(model));
    let choose = {
        let offer = offer.clone();
        move |choice: RedraftChoice| {
            session.edit(|r| r.report.settle(&offer, choice));
            state
                .offers
                .update(|list| list.retain(|o| o.section != section));
        }
    };
    let keep = {
        let choose = choose.clone();
        move |_| choose(RedraftChoice::KeepEdits)
    };
    let take = move |_| choose(RedraftChoice::TakeDraft);
    view! {
        <section class="app-redraft-offer" data-testid="redraft-offer" data-section=section.key()
            aria-label=format!("Section {heading}")>
            <h4 class="app-heading-s">{heading.clone()}</h4>
            <div class="app-columns">
                <div class="app-column">
                    <h5 class="app-heading-s">"Your text"</h5>
                    <pre class="app-pre-wrap" data-testid="offer-kept">{offer.kept.clone()}</pre>
                </div>
                <div class="app-column">
                    <h5 class="app-heading-s">"The new draft"</h5>
                    <pre class="app-pre-wrap" data-testid="offer-drafted">{offer.drafted.clone()}</pre>
                </div>
            </div>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=keep>
                    {format!("Keep my text for section {}", section.number())}
                </button>
                <button type="button" class="app-button app-button--secondary" on:click=take>
                    {format!("Use the new draft for section {}", section.number())}
                </button>
            </div>
        </section>
    }
}
