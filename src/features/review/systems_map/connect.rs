//! **Connect to…**: linking the chosen node to another by choosing it from a list of every node
//! by name, so a link never needs a drag.

use leptos::html;
use leptos::prelude::*;
use sightline_core::map::edit::MapEdit;
use sightline_core::map::{Level, LinkKind, MapLink, Strength};
use sightline_core::RecordId;

use super::use_map_state;
use crate::components::ErrorMessage;
use crate::components::Field;
use crate::platform::clock;
use crate::services::session::new_id;

/// Which way a new link points.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// From the chosen node to the other.
    Out,
    /// From the other node to the chosen one.
    In,
}

/// The Connect to… dialog.
#[component]
pub fn ConnectDialog() -> impl IntoView {
    let state = use_map_state();
    let content = state.session.content();
    let dialog = NodeRef::<html::Dialog>::new();
    let source = RwSignal::new(None::<RecordId>);
    let kind = RwSignal::new(LinkKind::ContributesTo);
    let direction = RwSignal::new(Direction::Out);
    let strength = RwSignal::new(None::<Strength>);
    let note = RwSignal::new(String::new());
    let filter = RwSignal::new(String::new());
    let target = RwSignal::new(None::<RecordId>);
    let error = RwSignal::new(None::<String>);

    // Opening: remember the node to connect from, start the form afresh, show the dialog.
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if state.connect_open.get() {
            source.set(state.targets().into_iter().next());
            kind.set(LinkKind::ContributesTo);
            direction.set(Direction::Out);
            strength.set(None);
            note.set(String::new());
            filter.set(String::new());
            target.set(None);
            error.set(None);
            if !element.open() {
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });
    let source_label = Memo::new(move |_| {
        source
            .get()
            .and_then(|id| state.node(id))
            .map(|n| n.label)
            .unwrap_or_default()
    });
    let candidates = Memo::new(move |_| {
        // Nothing to list while the dialog is closed: a big map would fill the page for nothing.
        if !state.connect_open.get() {
            return Vec::new();
        }
        let words: Vec<String> = filter
            .read()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let from = source.get();
        content.with(|c| {
            sightline_core::map::reading_order(c)
                .into_iter()
                .filter(|n| Some(n.id) != from)
                .filter(|n| {
                    let text = n.label.to_lowercase();
                    words.iter().all(|w| text.contains(w.as_str()))
                })
                .map(|n| (n.id, n.label.clone(), n.level))
                .collect::<Vec<(RecordId, String, Level)>>()
        })
    });
    let close = move || {
        state.connect_open.set(false);
        if let Some(id) = source.get_untracked() {
            state.select_and_show(id);
        }
    };
    let connect = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(from_node), Some(other)) = (source.get_untracked(), target.get_untracked())
        else {
            error.set(Some("Choose the node to connect to".into()));
            crate::platform::dom::focus_element("connect-filter");
            return;
        };
        let (from, to) = match direction.get_untracked() {
            Direction::Out => (from_node, other),
            Direction::In => (other, from_node),
        };
        let kind = kind.get_untracked();
        let exists = content.with_untracked(|c| {
            c.map_links
                .iter()
                .any(|l| l.from == from && l.to == to && l.kind == kind)
        });
        if exists {
            error.set(Some(format!(
                "These nodes are already linked that way (\u{201c}{}\u{201d}). Choose another node or another kind of link.",
                kind.label()
            )));
            return;
        }
        let link = MapLink {
            id: new_id(),
            from,
            to,
            kind,
            strength: strength.get_untracked(),
            note: note.get_untracked().trim().to_owned(),
            updated_at: clock::now(),
        };
        let words = content.with_untracked(|c| {
            format!(
                "{} {} {}",
                sightline_core::map::node_label(c, from),
                link.caption(),
                sightline_core::map::node_label(c, to)
            )
        });
        if state.apply(&MapEdit::add_link(link), &format!("Connect: {words}")) {
            state.connect_open.set(false);
            state.announcement.set(format!("Linked: {words}"));
            state.select_and_show(from_node);
        }
    };

    view! {
        <dialog class="app-dialog app-dialog--wide" node_ref=dialog aria-labelledby="connect-heading"
            on:close=move |_| state.connect_open.set(false)
            on:cancel=move |ev: leptos::ev::Event| { ev.prevent_default(); close(); }
        >
            <form novalidate on:submit=connect data-testid="connect-form">
                <h2 class="app-heading-m" id="connect-heading">
                    {move || format!("Connect \u{201c}{}\u{201d} to\u{2026}", source_label.get())}
                </h2>
                <Field id="connect-kind" label="Kind of link">
                    <select class="app-select" id="connect-kind" on:change=move |ev| {
                        if let Some(k) = LinkKind::from_key(&event_target_value(&ev)) { kind.set(k); }
                    }>
                        {LinkKind::ALL.into_iter().map(|k| view! {
                            <option value=k.key() selected=move || kind.get() == k>{k.label()}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">"Which way it reads"</legend>
                    <div class="app-radios">
                        <div class="app-radios__item">
                            <input class="app-radios__input" type="radio" name="connect-direction" id="connect-out"
                                prop:checked=move || direction.get() == Direction::Out
                                on:change=move |_| direction.set(Direction::Out) />
                            <label class="app-label app-radios__label" for="connect-out">
                                {move || format!("\u{201c}{}\u{201d} {} the node I choose", source_label.get(), kind.get().label())}
                            </label>
                        </div>
                        <div class="app-radios__item">
                            <input class="app-radios__input" type="radio" name="connect-direction" id="connect-in"
                                prop:checked=move || direction.get() == Direction::In
                                on:change=move |_| direction.set(Direction::In) />
                            <label class="app-label app-radios__label" for="connect-in">
                                {move || format!("The node I choose {} \u{201c}{}\u{201d}", kind.get().label(), source_label.get())}
                            </label>
                        </div>
                    </div>
                </fieldset>
                <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
                    <label class="app-label" for="connect-filter">"Find the node"</label>
                    <div class="app-hint" id="connect-filter-hint">"Type part of its label, then choose it below."</div>
                    <ErrorMessage id="connect-error" message=Signal::derive(move || error.get()) />
                    <input class="app-input" id="connect-filter" type="search" autocomplete="off"
                        aria-describedby=move || if error.get().is_some() { "connect-filter-hint connect-error" } else { "connect-filter-hint" }
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))
                    />
                </div>
                <fieldset class="app-fieldset app-connect-targets">
                    <legend class="app-fieldset__legend">"Node to connect to"</legend>
                    {move || {
                        let list = candidates.get();
                        if list.is_empty() {
                            view! { <p class="app-body">"No other node matches."</p> }.into_any()
                        } else {
                            view! {
                                <div class="app-radios app-radios--small" data-testid="connect-targets">
                                    {list.into_iter().map(|(id, label, level)| {
                                        let radio_id = format!("connect-target-{id}");
                                        view! {
                                            <div class="app-radios__item">
                                                <input class="app-radios__input" type="radio" name="connect-target" id=radio_id.clone()
                                                    prop:checked=move || target.get() == Some(id)
                                                    on:change=move |_| { target.set(Some(id)); error.set(None); } />
                                                <label class="app-label app-radios__label" for=radio_id>
                                                    {label}
                                                    <span class="app-block app-secondary-text">{level.short_label()}</span>
                                                </label>
                                            </div>
                                        }
                                    }).collect_view()}
                                </div>
                            }.into_any()
                        }
                    }}
                </fieldset>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">"Strength (optional)"</legend>
                    <div class="app-radios app-radios--inline">
                        <div class="app-radios__item">
                            <input class="app-radios__input" type="radio" name="connect-strength" id="connect-strength-none"
                                prop:checked=move || strength.get().is_none()
                                on:change=move |_| strength.set(None) />
                            <label class="app-label app-radios__label" for="connect-strength-none">"Not said"</label>
                        </div>
                        {Strength::ALL.into_iter().map(|s| {
                            let radio_id = format!("connect-strength-{}", s.key());
                            view! {
                                <div class="app-radios__item">
                                    <input class="app-radios__input" type="radio" name="connect-strength" id=radio_id.clone()
                                        prop:checked=move || strength.get() == Some(s)
                                        on:change=move |_| strength.set(Some(s)) />
                                    <label class="app-label app-radios__label" for=radio_id>{s.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <Field id="connect-note" label="Note (optional)">
                    <textarea class="app-textarea" id="connect-note" rows="2"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </Field>
                <div class="app-button-group">
                    <button type="submit" class="app-button">"Connect"</button>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| close()>"Cancel"</button>
                </div>
            </form>
        </dialog>
    }
}
