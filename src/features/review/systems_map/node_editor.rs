//! The panel beside the canvas: the selected node's details (its links and evidence, with the
//! evidence one click away), or the form to add or change a node.

use std::collections::BTreeSet;

use leptos::prelude::*;
use sightline_core::form::FieldError;
use sightline_core::map::edit::MapEdit;
use sightline_core::map::{
    category_label, describe_link, EvidenceKind, EvidenceRef, Level, MapNode, NodeForm, NodeKind,
    Polarity,
};

use super::{free_place, use_map_state, Editor};
use crate::components::error_summary::error_for;
use crate::components::ErrorSummary;
use crate::components::EventPicker;
use crate::components::Field;
use crate::platform::clock;
use crate::routes::{review_section_href, ReviewSection};
use crate::services::session::new_id;

/// The side panel: the form when adding or changing, else the selected node's details.
#[component]
pub fn SidePanel() -> impl IntoView {
    let state = use_map_state();
    let single = Memo::new(move |_| {
        let selected = state.selected.get();
        (selected.len() == 1)
            .then(|| selected.into_iter().next())
            .flatten()
    });
    move || {
        match state.editor.get() {
        Editor::Add(level) => view! { <NodeFormPanel editing=None level /> }.into_any(),
        Editor::Edit(id) => match state.node(id) {
            Some(node) => {
                let level = node.level;
                view! { <NodeFormPanel editing=Some(node) level /> }.into_any()
            }
            None => ().into_any(),
        },
        Editor::Closed => match single.get() {
            Some(id) => view! { <NodeDetails id /> }.into_any(),
            None => view! {
                <h2 class="app-heading-s">"Nothing selected"</h2>
                <p class="app-body">
                    "Select a node to see its links and evidence, or press \u{201c}Add node\u{201d}."
                </p>
            }
            .into_any(),
        },
    }
    }
}

/// Where a piece of evidence is in the review.
pub(super) fn evidence_href(review: sightline_core::ReviewId, evidence: EvidenceRef) -> String {
    match evidence.kind {
        EvidenceKind::Episode => review_section_href(review, ReviewSection::Episode(evidence.id)),
        EvidenceKind::Reflection => {
            review_section_href(review, ReviewSection::Reflection(evidence.id))
        }
        EvidenceKind::Event => format!(
            "{}#event-{}",
            review_section_href(review, ReviewSection::Chronology),
            evidence.id
        ),
    }
}

/// The selected node, as a summary list.
#[component]
fn NodeDetails(id: sightline_core::RecordId) -> impl IntoView {
    let state = use_map_state();
    let content = state.session.content();
    let review = state.session.review();
    let review_id = review.read_untracked().id;
    let node = Memo::new(move |_| state.node(id));
    let links = Memo::new(move |_| {
        content.with(|c| {
            sightline_core::map::links_of(c, id)
                .into_iter()
                .map(|l| (l.id, describe_link(c, l, id)))
                .collect::<Vec<_>>()
        })
    });
    let evidence = Memo::new(move |_| {
        let refs = node.with(|n| n.as_ref().map(|n| n.evidence.clone()).unwrap_or_default());
        content.with(|c| {
            refs.into_iter()
                .filter_map(|e| e.describe(c).map(|text| (e, text)))
                .collect::<Vec<_>>()
        })
    });
    let unlink = move |link: sightline_core::RecordId, words: String| {
        let edit = MapEdit {
            remove_links: vec![link],
            ..MapEdit::default()
        };
        state.apply(&edit, &format!("Remove link: {words}"));
    };
    move || {
        node.get().map(|n| {
            let scheme = review.read().map_scheme;
            view! {
                <h2 class="app-heading-s" data-testid="node-details-heading">{n.label.clone()}</h2>
                <dl class="app-summary-list app-summary-list--compact" data-testid="node-details">
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">"Kind"</dt>
                        <dd class="app-summary-list__value">{n.kind.label()}</dd>
                    </div>
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">"Level"</dt>
                        <dd class="app-summary-list__value">{n.level.label()}</dd>
                    </div>
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">"Polarity"</dt>
                        <dd class="app-summary-list__value">{format!("{} ({})", n.polarity.label(), n.polarity.sign())}</dd>
                    </div>
                    <div class="app-summary-list__row">
                        <dt class="app-summary-list__key">"Category"</dt>
                        <dd class="app-summary-list__value">
                            {n.category.as_deref().map(|c| category_label(c, scheme)).unwrap_or_else(|| "Not chosen".into())}
                        </dd>
                    </div>
                    {(!n.note.is_empty()).then(|| view! {
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">"Note"</dt>
                            <dd class="app-summary-list__value app-preserve-lines">{n.note.clone()}</dd>
                        </div>
                    })}
                </dl>
                <h3 class="app-heading-s">"Links"</h3>
                {move || {
                    let links = links.get();
                    if links.is_empty() {
                        view! { <p class="app-body">"No links yet. Use \u{201c}Connect to\u{2026}\u{201d}."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="app-list" data-testid="node-links">
                                {links.into_iter().map(|(link, words)| {
                                    let for_button = words.clone();
                                    view! {
                                        <li>
                                            {words.clone()} " "
                                            <button type="button" class="app-link-button" on:click=move |_| unlink(link, for_button.clone())>
                                                "Remove" <span class="app-visually-hidden">{format!(" link: {words}")}</span>
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
                <h3 class="app-heading-s">"Evidence"</h3>
                {move || {
                    let evidence = evidence.get();
                    if evidence.is_empty() {
                        view! { <p class="app-body">"No evidence linked yet. Press \u{201c}Change\u{201d} to add some."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="app-list" data-testid="node-evidence">
                                {evidence.into_iter().map(|(e, text)| view! {
                                    <li><a href=evidence_href(review_id, e)>{text}</a></li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
                <crate::components::CitingFindings kind=sightline_core::content::RecordKind::MapNode id=id nested=true />
                <div class="app-button-group">
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                        state.editor.set(Editor::Edit(id));
                        request_animation_frame(|| crate::platform::dom::focus_element("node-label"));
                    }>"Change"</button>
                    <button type="button" class="app-button app-button--warning" on:click=move |_| state.delete_targets()>"Delete"</button>
                </div>
            }
        })
    }
}

/// The form to add a node (`editing` is `None`) or change one.
#[component]
fn NodeFormPanel(editing: Option<MapNode>, level: Level) -> impl IntoView {
    let state = use_map_state();
    let content = state.session.content();
    let review = state.session.review();
    let start = editing
        .as_ref()
        .map(NodeForm::from_node)
        .unwrap_or(NodeForm {
            kind: NodeKind::ContributoryFactor,
            level,
            polarity: Polarity::Hindered,
            ..NodeForm::default()
        });
    let kind = RwSignal::new(start.kind);
    let label = RwSignal::new(start.label.clone());
    let level = RwSignal::new(start.level);
    let category = RwSignal::new(start.category.clone().unwrap_or_default());
    let polarity = RwSignal::new(start.polarity);
    let note = RwSignal::new(start.note.clone());
    let evidence: RwSignal<BTreeSet<EvidenceRef>> = RwSignal::new(
        editing
            .as_ref()
            .map(|n| n.evidence.iter().copied().collect())
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let editing_id = editing.as_ref().map(|n| n.id);
    let heading = if editing.is_some() {
        "Change node"
    } else {
        "Add a node"
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = NodeForm {
            kind: kind.get_untracked(),
            label: label.get_untracked(),
            level: level.get_untracked(),
            category: Some(category.get_untracked()).filter(|c| !c.is_empty()),
            polarity: polarity.get_untracked(),
            note: note.get_untracked(),
        };
        let mut node = match editing_id.and_then(|id| state.node(id)) {
            Some(node) => node,
            None => {
                let (x, y) = content.with_untracked(|c| free_place(&c.map_nodes, form.level));
                MapNode {
                    id: new_id(),
                    kind: form.kind,
                    label: String::new(),
                    level: form.level,
                    category: None,
                    polarity: form.polarity,
                    note: String::new(),
                    evidence: Vec::new(),
                    x,
                    y,
                    updated_at: clock::now(),
                }
            }
        };
        if editing_id.is_some() && node.level != form.level {
            // A changed level goes to the free end of the new level's row.
            let (x, y) = content.with_untracked(|c| free_place(&c.map_nodes, form.level));
            node.x = x;
            node.y = y;
            node.level = form.level;
        }
        if let Err(problems) = form.apply(&mut node) {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        node.evidence = evidence.get_untracked().into_iter().collect();
        let id = node.id;
        let description = if editing_id.is_some() {
            format!("Change \u{201c}{}\u{201d}", node.label)
        } else {
            format!("Add \u{201c}{}\u{201d}", node.label)
        };
        let edit = MapEdit {
            put_nodes: vec![node],
            ..MapEdit::default()
        };
        state.apply(&edit, &description);
        state.editor.set(Editor::Closed);
        state.select_and_show(id);
    };
    let cancel = move |_| {
        state.editor.set(Editor::Closed);
        if let Some(id) = editing_id {
            state.select_and_show(id);
        }
    };
    let scheme = Memo::new(move |_| review.read().map_scheme);
    let episodes = Memo::new(move |_| {
        content.with(|c| {
            c.episodes
                .iter()
                .map(|e| (e.id, e.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let reflections = Memo::new(move |_| {
        content.with(|c| {
            c.reflections
                .iter()
                .map(|r| (r.id, r.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let toggle = move |e: EvidenceRef, on: bool| {
        evidence.update(|set| {
            if on {
                set.insert(e);
            } else {
                set.remove(&e);
            }
        })
    };
    let label_error = Signal::derive(move || error_for(&errors.read(), "node-label"));

    view! {
        <form class="app-map-form" novalidate on:submit=save data-testid="node-form">
            <h2 class="app-heading-s">{heading}</h2>
            <ErrorSummary errors />
            <Field id="node-label" label="Label" hint="A few words: what the factor, pattern or outcome is. Never a name." error=label_error>
                <input class="app-input" id="node-label" type="text" autocomplete="off"
                    aria-describedby=move || if label_error.get().is_some() { "node-label-hint node-label-error" } else { "node-label-hint" }
                    prop:value=move || label.get()
                    on:input=move |ev| label.set(event_target_value(&ev))
                />
            </Field>
            <Field id="node-kind" label="Kind">
                <select class="app-select" id="node-kind" on:change=move |ev| {
                    if let Some(k) = NodeKind::from_key(&event_target_value(&ev)) {
                        kind.set(k);
                        if editing_id.is_none() {
                            polarity.set(k.usual_polarity());
                        }
                    }
                }>
                    {NodeKind::ALL.into_iter().map(|k| view! {
                        <option value=k.key() selected=move || kind.get() == k>{k.label()}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field id="node-level" label="Level">
                <select class="app-select" id="node-level" on:change=move |ev| {
                    if let Some(l) = Level::from_key(&event_target_value(&ev)) {
                        level.set(l);
                    }
                }>
                    {Level::ALL.into_iter().map(|l| view! {
                        <option value=l.key() selected=move || level.get() == l>{l.label()}</option>
                    }).collect_view()}
                </select>
            </Field>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"Polarity"</legend>
                <div class="app-radios app-radios--inline">
                    {Polarity::ALL.into_iter().map(|p| {
                        let radio_id = format!("node-polarity-{}", p.key());
                        view! {
                            <div class="app-radios__item">
                                <input class="app-radios__input" type="radio" name="node-polarity" id=radio_id.clone()
                                    prop:checked=move || polarity.get() == p
                                    on:change=move |_| polarity.set(p)
                                />
                                <label class="app-label app-radios__label" for=radio_id>{format!("{} ({})", p.label(), p.sign())}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <Field id="node-category" label="Category">
                <select class="app-select" id="node-category" on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value="" selected=move || category.get().is_empty()>"Not chosen"</option>
                    {move || {
                        let scheme = scheme.get();
                        let current = category.get_untracked();
                        let mut groups: Vec<(&str, Vec<sightline_core::map::Category>)> = Vec::new();
                        for c in scheme.categories() {
                            match groups.iter_mut().find(|(g, _)| *g == c.group) {
                                Some((_, list)) => list.push(*c),
                                None => groups.push((c.group, vec![*c])),
                            }
                        }
                        // A category from another scheme stays choosable, marked as such.
                        let other = (!current.is_empty() && !scheme.categories().iter().any(|c| c.key == current))
                            .then(|| view! { <option value=current.clone() selected=true>{category_label(&current, scheme)}</option> });
                        view! {
                            {other}
                            {groups.into_iter().map(|(group, list)| view! {
                                <optgroup label=group>
                                    {list.into_iter().map(|c| view! {
                                        <option value=c.key selected=move || category.get() == c.key>{c.label}</option>
                                    }).collect_view()}
                                </optgroup>
                            }).collect_view()}
                        }
                    }}
                </select>
            </Field>
            <Field id="node-note" label="Note (optional)">
                <textarea class="app-textarea" id="node-note" rows="3"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </Field>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"Evidence"</legend>
                <div class="app-hint">"What in the review shows this: key practice episodes, reflections, chronology events."</div>
                {move || {
                    let list = episodes.get();
                    (!list.is_empty()).then(|| view! {
                        <p class="app-label app-label--bold">"Key practice episodes"</p>
                        <div class="app-checkboxes app-checkboxes--small">
                            {list.into_iter().map(|(id, title)| {
                                let e = EvidenceRef { kind: EvidenceKind::Episode, id };
                                let box_id = format!("evidence-episode-{id}");
                                view! {
                                    <div class="app-checkboxes__item">
                                        <input class="app-checkboxes__input" type="checkbox" id=box_id.clone()
                                            prop:checked=move || evidence.read().contains(&e)
                                            on:change=move |ev| toggle(e, event_target_checked(&ev))
                                        />
                                        <label class="app-label app-checkboxes__label" for=box_id>{title}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    })
                }}
                {move || {
                    let list = reflections.get();
                    (!list.is_empty()).then(|| view! {
                        <p class="app-label app-label--bold">"Reflections"</p>
                        <div class="app-checkboxes app-checkboxes--small">
                            {list.into_iter().map(|(id, title)| {
                                let e = EvidenceRef { kind: EvidenceKind::Reflection, id };
                                let box_id = format!("evidence-reflection-{id}");
                                view! {
                                    <div class="app-checkboxes__item">
                                        <input class="app-checkboxes__input" type="checkbox" id=box_id.clone()
                                            prop:checked=move || evidence.read().contains(&e)
                                            on:change=move |ev| toggle(e, event_target_checked(&ev))
                                        />
                                        <label class="app-label app-checkboxes__label" for=box_id>{title}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    })
                }}
                <EventEvidence evidence />
            </fieldset>
            <div class="app-button-group">
                <button type="submit" class="app-button">{if editing_id.is_some() { "Save changes" } else { "Add node" }}</button>
                <button type="button" class="app-button app-button--secondary" on:click=cancel>"Cancel"</button>
            </div>
        </form>
    }
}

/// Choosing chronology events as evidence: a search, since a chronology can hold thousands.
#[component]
fn EventEvidence(evidence: RwSignal<BTreeSet<EvidenceRef>>) -> impl IntoView {
    let state = use_map_state();
    let content = state.session.content();
    let chosen = Memo::new(move |_| {
        let refs: Vec<EvidenceRef> = evidence
            .read()
            .iter()
            .filter(|e| e.kind == EvidenceKind::Event)
            .copied()
            .collect();
        content.with(|c| {
            refs.into_iter()
                .filter_map(|e| e.describe(c).map(|text| (e, text)))
                .collect::<Vec<_>>()
        })
    });
    let chosen_ids =
        Signal::derive(move || chosen.read().iter().map(|(e, _)| e.id).collect::<Vec<_>>());
    view! {
        <p class="app-label app-label--bold">"Chronology events"</p>
        {move || {
            let chosen = chosen.get();
            (!chosen.is_empty()).then(|| view! {
                <ul class="app-list" data-testid="chosen-events">
                    {chosen.into_iter().map(|(e, text)| view! {
                        <li>
                            {text.clone()} " "
                            <button type="button" class="app-link-button" on:click=move |_| evidence.update(|s| { s.remove(&e); })>
                                "Remove" <span class="app-visually-hidden">{format!(" {text}")}</span>
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            })
        }}
        <EventPicker id="evidence-event-search" label="Find an event"
            hint="Type words from what happened, or a date such as \u{201c}March 2025\u{201d}."
            exclude=chosen_ids limit=8 action="Add" testid="event-matches"
            on_pick=move |id| { evidence.update(|s| { s.insert(EvidenceRef { kind: EvidenceKind::Event, id }); }) } />
    }
}
