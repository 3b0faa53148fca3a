//! Issuing the report as Draft 1, Draft 2… and Final (each kept read-only, with who issued it
//! by role and when), the list of issued versions, and comparing any two section by section.

use std::collections::BTreeMap;

use leptos::prelude::*;
use sightline_core::dates::format_uk_date_time;
use sightline_core::report::compare::{compare, LineChange};
use sightline_core::report::{SectionKey, VersionName};
use sightline_core::RecordId;

use super::ReportPageState;
use crate::platform::clock;
use crate::services::session::{new_id, use_review_session};

/// What can be compared: an issued version, or the text as it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Working,
    Issued(RecordId),
}

impl Side {
    fn key(self) -> String {
        match self {
            Side::Working => "working".into(),
            Side::Issued(id) => id.to_string(),
        }
    }

    fn parse(key: &str) -> Side {
        RecordId::parse(key).map_or(Side::Working, Side::Issued)
    }
}

/// The Versions part of the Report page.
#[component]
pub(super) fn VersionsPanel() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let state = expect_context::<ReportPageState>();
    let next = Memo::new(move |_| review.read().report.next_draft());
    let make_final = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let issued = RwSignal::new(None::<String>);
    let issue = move |_| {
        let final_version = make_final.get_untracked();
        if final_version {
            let missing: usize = state
                .tasks
                .read_untracked()
                .iter()
                .filter(|t| !t.done())
                .count();
            if missing > 0 {
                error.set(Some(format!(
                    "The final version cannot be issued until the quality check is complete: {} still to do. Issue another draft, or complete the tasks first.",
                    if missing == 1 { "1 task is".to_owned() } else { format!("{missing} tasks are") }
                )));
                crate::platform::dom::focus_element("issue-error");
                return;
            }
        }
        let role = state.role.get_untracked();
        let mut name = None;
        let result = session.try_edit(|r| {
            name = Some(
                r.report
                    .issue(new_id(), final_version, &role, clock::now())?,
            );
            Ok::<(), sightline_core::FieldError>(())
        });
        match (result, name) {
            (Ok(()), Some(name)) => {
                error.set(None);
                make_final.set(false);
                issued.set(Some(format!(
                    "{} issued. It is kept as it is now; later edits go into the working copy.",
                    name.label()
                )));
                crate::platform::dom::focus_element("issue-outcome");
            }
            (Err(problem), _) => {
                error.set(Some(problem.message));
                crate::platform::dom::focus_element("issue-error");
            }
            _ => {}
        }
    };
    let versions = Memo::new(move |_| {
        review
            .read()
            .report
            .versions_in_order()
            .into_iter()
            .map(|(id, v)| (id, v.name, v.issued_by.clone(), v.issued_at))
            .collect::<Vec<_>>()
    });
    view! {
        <h2 class="app-heading-l" id="versions">"Versions"</h2>
        <Show when=move || !state.is_final.get()
            fallback=|| view! { <p class="app-body">"The final version has been issued. Nothing more can be issued, and the working copy can no longer be changed."</p> }>
            <fieldset class="app-fieldset app-panel" data-testid="issue-version">
                <legend class="app-fieldset__legend app-fieldset__legend--m">"Issue a version"</legend>
                <p class="app-body">"An issued version is kept read-only, as it was when issued, with your role and the time."</p>
                <p class="app-error-message" id="issue-error" tabindex="-1" role="alert">{move || error.get()}</p>
                <div class="app-form-group">
                    <label class="app-label" for="issue-by">"Your role"</label>
                    <input class="app-input app-input--width-20" id="issue-by" type="text" autocomplete="off"
                        prop:value=move || state.role.get()
                        on:input=move |ev| state.role.set(event_target_value(&ev)) />
                </div>
                <div class="app-radios">
                    <div class="app-radios__item">
                        <input class="app-radios__input" type="radio" name="issue-kind" id="issue-draft"
                            prop:checked=move || !make_final.get() on:change=move |_| make_final.set(false) />
                        <label class="app-label app-radios__label" for="issue-draft">{move || next.get().label()}</label>
                    </div>
                    <div class="app-radios__item">
                        <input class="app-radios__input" type="radio" name="issue-kind" id="issue-final"
                            prop:checked=move || make_final.get() on:change=move |_| make_final.set(true) />
                        <label class="app-label app-radios__label" for="issue-final">"The final version"</label>
                    </div>
                </div>
                <button type="button" class="app-button" data-testid="issue" on:click=issue>
                    {move || if make_final.get() { "Issue the final version".to_owned() } else { format!("Issue {}", next.get().label()) }}
                </button>
            </fieldset>
        </Show>
        <p class="app-body" id="issue-outcome" tabindex="-1" role="status" data-testid="issue-outcome">{move || issued.get()}</p>
        <Show when=move || !versions.read().is_empty()
            fallback=|| view! { <p class="app-body">"No version has been issued yet."</p> }>
            <table class="app-table" data-testid="versions">
                <caption class="app-table__caption">"Issued versions"</caption>
                <thead><tr><th scope="col">"Version"</th><th scope="col">"Issued by"</th><th scope="col">"When"</th></tr></thead>
                <tbody>
                    {move || versions.get().into_iter().map(|(_, name, by, at)| view! {
                        <tr data-testid="version"><td>{name.label()}</td><td>{by}</td><td>{format_uk_date_time(at)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <Compare />
        </Show>
    }
}

/// Compare any two versions (or a version and the working copy), section by section.
#[component]
fn Compare() -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    // By default, the last issued version against the working copy.
    let last = review
        .read_untracked()
        .report
        .versions_in_order()
        .last()
        .map(|(id, _)| *id);
    let from = RwSignal::new(last.map_or(Side::Working, Side::Issued));
    let to = RwSignal::new(Side::Working);
    let choices = Memo::new(move |_| {
        let review = review.read();
        let mut list: Vec<(Side, String)> = review
            .report
            .versions_in_order()
            .into_iter()
            .map(|(id, v)| (Side::Issued(id), v.name.label()))
            .collect();
        list.push((Side::Working, "The working copy".into()));
        list
    });
    let text_of = move |side: Side| -> BTreeMap<SectionKey, String> {
        let review = review.read();
        match side {
            Side::Working => review.report.working_sections(),
            Side::Issued(id) => review
                .report
                .versions
                .get(&id)
                .map(|v| v.sections.clone())
                .unwrap_or_default(),
        }
    };
    let changes = Memo::new(move |_| compare(&text_of(from.get()), &text_of(to.get())));
    let select = move |id: &'static str, label: &'static str, side: RwSignal<Side>| {
        view! {
            <div class="app-form-group app-form-group--inline">
                <label class="app-label" for=id>{label}</label>
                <select class="app-select" id=id
                    on:change=move |ev| side.set(Side::parse(&event_target_value(&ev)))>
                    {move || choices.get().into_iter().map(|(s, name)| view! {
                        <option value=s.key() selected=move || side.get() == s>{name}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let model = move || review.read().setup.model;
    view! {
        <h3 class="app-heading-m" id="compare">"Compare two versions"</h3>
        <div class="app-button-group">
            {select("compare-from", "From", from)}
            {select("compare-to", "To", to)}
        </div>
        <div data-testid="comparison">
            {move || {
                let model = model();
                changes.get().into_iter().map(|change| {
                    let changed = change.changed();
                    view! {
                        <section class="app-compare" data-testid="compared-section" data-section=change.section.key() data-changed=changed.to_string()>
                            <h4 class="app-heading-s">
                                {format!("{}. {}", change.section.number(), change.section.heading(model))}
                                " "<span class="app-hint" data-testid="change-summary">{change.summary()}</span>
                            </h4>
                            {changed.then(|| view! {
                                <ul class="app-diff">
                                    {change.lines.into_iter().map(|line| match line {
                                        LineChange::Same(text) => view! { <li class="app-diff__same">{text}</li> }.into_any(),
                                        LineChange::Added(text) => view! {
                                            <li class="app-diff__added" data-testid="line-added"><ins><span class="app-visually-hidden">"Added: "</span>{text}</ins></li>
                                        }.into_any(),
                                        LineChange::Removed(text) => view! {
                                            <li class="app-diff__removed" data-testid="line-removed"><del><span class="app-visually-hidden">"Removed: "</span>{text}</del></li>
                                        }.into_any(),
                                    }).collect_view()}
                                </ul>
                            })}
                        </section>
                    }
                }).collect_view()
            }}
        </div>
    }
}

/// The name of a version for a file or a page: "Draft 2", "Final", "Working copy".
pub(super) fn version_label(name: Option<VersionName>) -> String {
    name.map_or_else(|| "Working copy".to_owned(), VersionName::label)
}
