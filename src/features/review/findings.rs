//! Findings: the review's learning statements, each linked to the episodes, map nodes and
//! reflections it rests on, and to the actions that answer it.

use leptos::prelude::*;
use sightline_core::content::{Episode, RecordKind, Reflection};
use sightline_core::content::{Finding, FindingForm, FindingKind};
use sightline_core::map::{CategoryScheme, MapNode};
use sightline_core::{FieldError, RecordId};

use crate::components::error_summary::error_for;
use crate::components::Field;
use crate::components::{use_page_title, ConfirmDialog, ErrorMessage, ErrorSummary, TextArea};
use crate::platform::clock;
use crate::platform::dom::focus_element;
use crate::routes::{review_section_href, use_navigator, ReviewSection};
use crate::services::session::{new_id, use_review_session};

fn kind_class(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::AreaForImprovement => "app-tag app-tag--yellow",
        FindingKind::EffectivePractice => "app-tag app-tag--green",
    }
}

/// The pattern categories a finding can name: SCIE's underlying patterns first, then the
/// review's own map scheme's categories.
fn pattern_choices(scheme: CategoryScheme) -> Vec<(&'static str, String)> {
    let mut choices: Vec<(&'static str, String)> = CategoryScheme::Scie
        .categories()
        .iter()
        .filter(|c| c.group == "Underlying patterns")
        .map(|c| (c.key, format!("Pattern: {}", c.label)))
        .collect();
    choices.extend(
        scheme
            .categories()
            .iter()
            .filter(|c| c.group != "Underlying patterns")
            .map(|c| (c.key, format!("{}: {}", c.group, c.label))),
    );
    choices
}

/// The Findings page: every finding, and the form to add one.
#[component]
pub fn FindingsPage() -> impl IntoView {
    use_page_title(|| "Findings".to_owned());
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let rows = Memo::new(move |_| {
        let content = content.read();
        content
            .findings
            .iter()
            .map(|f| {
                let actions = content
                    .actions
                    .iter()
                    .filter(|a| a.finding == Some(f.id))
                    .count();
                (
                    f.id,
                    f.statement.clone(),
                    f.kind,
                    f.pattern_label(),
                    f.evidence_count(),
                    actions,
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <h1 class="app-heading-l">"Findings"</h1>
        <p class="app-body">
            "A finding is a learning statement: what the review learned about how the system worked. Link each one to the evidence it rests on, and answer it with actions in the "
            <a href=review_section_href(review_id, ReviewSection::ActionPlan)>"Action plan"</a>"."
        </p>
        <Show
            when=move || !rows.read().is_empty()
            fallback=|| view! { <p class="app-body" data-testid="no-findings">"No findings yet."</p> }
        >
            <table class="app-table app-table--stack" data-testid="findings">
                <caption class="app-visually-hidden">"Findings"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="app-table__header">"Finding"</th>
                        <th scope="col" class="app-table__header">"Kind"</th>
                        <th scope="col" class="app-table__header">"Evidence"</th>
                        <th scope="col" class="app-table__header">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(id, statement, kind, pattern, evidence, actions)| view! {
                        <tr class="app-table__row" data-testid="finding-row">
                            <th scope="row" class="app-table__header">
                                <a href=review_section_href(review_id, ReviewSection::Finding(id))>{statement}</a>
                                {(!pattern.is_empty()).then(|| view! { <span class="app-hint">{pattern}</span> })}
                            </th>
                            <td class="app-table__cell" data-label="Kind">
                                <strong class=kind_class(kind)>{kind.label()}</strong>
                            </td>
                            <td class="app-table__cell" data-label="Evidence">{evidence.to_string()}</td>
                            <td class="app-table__cell" data-label="Actions">{actions.to_string()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Show>
        <AddFinding />
    }
}

/// The form that adds a finding, then opens it to add its evidence.
#[component]
fn AddFinding() -> impl IntoView {
    let session = use_review_session();
    let review_id = session.review().read_untracked().id;
    let scheme = Memo::new(move |_| session.review().read().map_scheme);
    let navigator = use_navigator();
    let statement = RwSignal::new(String::new());
    let kind = RwSignal::new(FindingKind::AreaForImprovement);
    let pattern = RwSignal::new(String::new());
    let detail = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = FindingForm {
            statement: statement.get_untracked(),
            kind: kind.get_untracked(),
            pattern: pattern.get_untracked(),
            detail: detail.get_untracked(),
        };
        let mut finding = Finding::new(new_id(), clock::now());
        match form.apply(&mut finding) {
            Ok(()) => {
                errors.set(Vec::new());
                let id = finding.id;
                session.put_record(finding);
                navigator.go_to(&review_section_href(review_id, ReviewSection::Finding(id)));
            }
            Err(found) => errors.set(found),
        }
    };
    let statement_error = Signal::derive(move || error_for(&errors.read(), "finding-statement"));
    view! {
        <h2 class="app-heading-m" id="add-finding-heading">"Add a finding"</h2>
        <form class="app-form" on:submit=add novalidate aria-labelledby="add-finding-heading">
            <ErrorSummary errors=errors />
            <Field id="finding-statement" label="Learning statement" hint="One or two sentences about the system, not about a person. Use role labels, never names." error=statement_error>
                <textarea class="app-textarea" id="finding-statement" name="finding-statement" rows="3"
                    aria-describedby="finding-statement-hint"
                    prop:value=move || statement.get()
                    on:input=move |ev| statement.set(event_target_value(&ev))
                ></textarea>
            </Field>
            <KindChoice name="new-finding-kind" value=Signal::derive(move || kind.get()) on_change=move |k| kind.set(k) />
            <PatternChoice id="finding-pattern" scheme value=Signal::derive(move || pattern.get()) on_change=move |p| pattern.set(p) />
            <TextArea id="finding-detail" label="More about it (optional)" rows=3
                hint="Why the review thinks so, and how widely it applies."
                value=Signal::derive(move || detail.get())
                on_input=move |text| detail.set(text) />
            <button type="submit" class="app-button">"Add finding"</button>
        </form>
    }
}

#[component]
fn KindChoice(
    name: &'static str,
    #[prop(into)] value: Signal<FindingKind>,
    on_change: impl Fn(FindingKind) + Copy + 'static,
) -> impl IntoView {
    view! {
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">"What kind of finding is it?"</legend>
            <div class="app-radios app-radios--inline">
                {FindingKind::ALL.into_iter().map(|k| {
                    let id = format!("{name}-{}", k.key());
                    view! {
                        <div class="app-radios__item">
                            <input class="app-radios__input" type="radio" name=name id=id.clone()
                                prop:checked=move || value.get() == k
                                on:change=move |_| on_change(k) />
                            <label class="app-label app-radios__label" for=id>{k.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn PatternChoice(
    id: &'static str,
    scheme: Memo<CategoryScheme>,
    #[prop(into)] value: Signal<String>,
    on_change: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="app-form-group">
            <label class="app-label" for=id>"Pattern or category (optional)"</label>
            <select class="app-select" id=id on:change=move |ev| on_change(event_target_value(&ev))>
                <option value="" selected=move || value.read().is_empty()>"Not chosen"</option>
                {move || pattern_choices(scheme.get()).into_iter().map(|(key, label)| view! {
                    <option value=key selected=move || value.read().as_str() == key>{label}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// One finding's page: change it, its evidence, the actions that answer it.
#[component]
pub fn FindingPage(finding: RecordId) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let current = Memo::new(move |_| content.read().get::<Finding>(finding).cloned());
    use_page_title(move || {
        if current.read().is_some() {
            "Finding".to_owned()
        } else {
            "Finding not found".to_owned()
        }
    });
    let exists = Memo::new(move |_| current.read().is_some());
    view! {
        <Show
            when=move || exists.get()
            fallback=move || view! {
                <crate::components::RecordNotFound what="Finding"
                    back=(review_section_href(review_id, ReviewSection::Findings), "All findings") />
            }
        >
            <FindingDetails finding current />
        </Show>
    }
}

#[component]
fn FindingDetails(finding: RecordId, current: Memo<Option<Finding>>) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let review_id = session.review().read_untracked().id;
    let scheme = Memo::new(move |_| session.review().read().map_scheme);
    let navigator = use_navigator();
    let field = move |get: fn(&Finding) -> String| {
        Signal::derive(move || current.read().as_ref().map(get).unwrap_or_default())
    };
    let statement_error = RwSignal::new(None::<String>);
    let set_statement = move |text: String| {
        if text.trim().is_empty() {
            statement_error.set(Some("Enter the learning statement".into()));
        } else {
            statement_error.set(None);
            session.update_record::<Finding>(finding, |f| f.statement = text.trim().to_owned());
        }
    };
    let evidence = Memo::new(move |_| {
        let content = content.read();
        let Some(f) = content.get::<Finding>(finding) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for id in &f.episodes {
            if let Some(e) = content.get::<Episode>(*id) {
                out.push((
                    RecordKind::Episode,
                    *id,
                    "Key practice episode",
                    e.title.clone(),
                    review_section_href(review_id, ReviewSection::Episode(*id)),
                ));
            }
        }
        for id in &f.map_nodes {
            if let Some(n) = content.get::<MapNode>(*id) {
                out.push((
                    RecordKind::MapNode,
                    *id,
                    "Systems map node",
                    n.label.clone(),
                    format!(
                        "{}#map-node-{id}",
                        review_section_href(review_id, ReviewSection::SystemsMap)
                    ),
                ));
            }
        }
        for id in &f.reflections {
            if let Some(r) = content.get::<Reflection>(*id) {
                out.push((
                    RecordKind::Reflection,
                    *id,
                    "Reflection",
                    r.title.clone(),
                    review_section_href(review_id, ReviewSection::Reflection(*id)),
                ));
            }
        }
        out
    });
    let actions = Memo::new(move |_| {
        content
            .read()
            .actions
            .iter()
            .filter(|a| a.finding == Some(finding))
            .map(|a| (a.id, a.text.clone(), a.status.label()))
            .collect::<Vec<_>>()
    });
    let remove_evidence = move |kind: RecordKind, id: RecordId| {
        session.update_record::<Finding>(finding, |f| match kind {
            RecordKind::Episode => f.episodes.retain(|x| *x != id),
            RecordKind::MapNode => f.map_nodes.retain(|x| *x != id),
            _ => f.reflections.retain(|x| *x != id),
        });
        focus_element("finding-evidence-heading");
    };
    let confirm_delete = RwSignal::new(false);
    let delete = move || {
        session.remove_record(RecordKind::Finding, finding);
        navigator.go_to(&review_section_href(review_id, ReviewSection::Findings));
    };
    view! {
        <a href=review_section_href(review_id, ReviewSection::Findings) class="app-back-link">"All findings"</a>
        <h1 class="app-heading-l" id="finding-heading" tabindex="-1">"Finding"</h1>
        <div class="app-form-group" class:app-form-group--error=move || statement_error.read().is_some()>
            <label class="app-label app-label--bold" for="finding-statement">"Learning statement"</label>
            <ErrorMessage id="finding-statement-error" message=statement_error />
            <textarea class="app-textarea" id="finding-statement" rows="3"
                prop:value=move || field(|f| f.statement.clone()).get()
                on:input=move |ev| set_statement(event_target_value(&ev))
            ></textarea>
        </div>
        <KindChoice name="finding-kind"
            value=Signal::derive(move || current.read().as_ref().map(|f| f.kind).unwrap_or_default())
            on_change={move |k| session.update_record::<Finding>(finding, |f| f.kind = k)} />
        <PatternChoice id="finding-pattern" scheme
            value=Signal::derive(move || current.read().as_ref().and_then(|f| f.pattern.clone()).unwrap_or_default())
            on_change={move |p| session.update_record::<Finding>(finding, |f| f.pattern = (!p.is_empty()).then_some(p))} />
        <TextArea id="finding-detail" label="More about it" rows=3
            value=field(|f| f.detail.clone())
            on_input={move |text| session.update_record::<Finding>(finding, |f| f.detail = text)} />

        <h2 class="app-heading-m" id="finding-evidence-heading" tabindex="-1">"Evidence"</h2>
        <Show when=move || !evidence.read().is_empty()
            fallback=|| view! { <p class="app-body" data-testid="no-evidence">"No evidence linked yet."</p> }>
            <ul class="app-list app-list--rows" aria-labelledby="finding-evidence-heading" data-testid="finding-evidence">
                {move || evidence.get().into_iter().map(|(kind, id, what, label, href)| {
                    let name = label.clone();
                    view! {
                        <li>
                            <span class="app-list__main">
                                <span class="app-secondary-text">{what}": "</span>
                                <a href=href>{label}</a>
                            </span>
                            <span class="app-list__actions">
                                <button type="button" class="app-link-button" on:click=move |_| remove_evidence(kind, id)>
                                    "Remove"<span class="app-visually-hidden">{format!(" {name}")}</span>
                                </button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
        <AddEvidence finding />

        <h2 class="app-heading-m" id="finding-actions-heading">"Actions that answer it"</h2>
        <Show when=move || !actions.read().is_empty()
            fallback=move || view! { <p class="app-body">"No actions yet. Add them in the " <a href=review_section_href(review_id, ReviewSection::ActionPlan)>"Action plan"</a> "."</p> }>
            <ul class="app-list" data-testid="finding-actions">
                {move || actions.get().into_iter().map(|(id, text, status)| view! {
                    <li><a href=review_section_href(review_id, ReviewSection::Action(id))>{text}</a> " (" {status} ")"</li>
                }).collect_view()}
            </ul>
        </Show>

        <h2 class="app-heading-m">"Delete this finding"</h2>
        <button type="button" class="app-button app-button--warning" on:click=move |_| confirm_delete.set(true)>"Delete finding"</button>
        <ConfirmDialog open=confirm_delete
            heading=Signal::derive(|| "Delete this finding?".to_owned())
            confirm_label="Delete finding".to_owned()
            on_confirm=delete>
            <p class="app-body">"Its links to evidence go with it. Actions that answer it are kept, without the link."</p>
        </ConfirmDialog>
    }
}

/// What can still be added as evidence: (episodes, map nodes, reflections), each as (id, name).
type EvidenceChoices = (
    Vec<(RecordId, String)>,
    Vec<(RecordId, String)>,
    Vec<(RecordId, String)>,
);

/// Pickers that add an episode, a map node or a reflection to a finding's evidence.
#[component]
fn AddEvidence(finding: RecordId) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let choices = Memo::new(move |_| {
        let content = content.read();
        let Some(f) = content.get::<Finding>(finding) else {
            return EvidenceChoices::default();
        };
        (
            content
                .episodes
                .iter()
                .filter(|e| !f.episodes.contains(&e.id))
                .map(|e| (e.id, e.title.clone()))
                .collect::<Vec<_>>(),
            sightline_core::map::reading_order(&content)
                .into_iter()
                .filter(|n| !f.map_nodes.contains(&n.id))
                .map(|n| (n.id, format!("{} ({})", n.label, n.level.short_label())))
                .collect::<Vec<_>>(),
            content
                .reflections
                .iter()
                .filter(|r| !f.reflections.contains(&r.id))
                .map(|r| (r.id, r.title.clone()))
                .collect::<Vec<_>>(),
        )
    });
    let picker = move |id: &'static str,
                       label: &'static str,
                       kind: RecordKind,
                       list: fn(&EvidenceChoices) -> &Vec<(RecordId, String)>| {
        let chosen = RwSignal::new(String::new());
        let add = move |_| {
            let Some(target) = RecordId::parse(&chosen.get_untracked()) else {
                return;
            };
            session.update_record::<Finding>(finding, |f| {
                let list = match kind {
                    RecordKind::Episode => &mut f.episodes,
                    RecordKind::MapNode => &mut f.map_nodes,
                    _ => &mut f.reflections,
                };
                if !list.contains(&target) {
                    list.push(target);
                }
            });
            chosen.set(String::new());
        };
        view! {
            <div class="app-form-group app-inline-form">
                <label class="app-label" for=id>{label}</label>
                <select class="app-select" id=id on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="" selected=move || chosen.read().is_empty()>"Choose\u{2026}"</option>
                    {move || list(&choices.read()).iter().map(|(id, name)| {
                        let value = id.to_string();
                        let again = value.clone();
                        view! { <option value=value selected=move || chosen.read().as_str() == again>{name.clone()}</option> }
                    }).collect_view()}
                </select>
                <button type="button" class="app-button app-button--secondary" on:click=add
                    disabled=move || chosen.read().is_empty()>{format!("Add {}", label.to_lowercase())}</button>
            </div>
        }
    };
    view! {
        <h3 class="app-heading-s">"Link evidence"</h3>
        {picker("finding-add-episode", "Episode", RecordKind::Episode, |c| &c.0)}
        {picker("finding-add-node", "Map node", RecordKind::MapNode, |c| &c.1)}
        {picker("finding-add-reflection", "Reflection", RecordKind::Reflection, |c| &c.2)}
    }
}
