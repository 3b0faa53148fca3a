//! The Chronology page: a quick entry row for long chronologies, the events sorted and
//! filtered, editing and deleting in place, a timeline with one lane per agency, CSV import and
//! export, and making key practice episodes from chosen events.

mod fields;
mod import;
mod timeline;

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;
use sightline_core::chronology_csv::export_csv;
use sightline_core::content::chronology::{phases, ChronologyFilter, EventForm};
use sightline_core::content::episodes::new_episode;
use sightline_core::content::{Change, ChronologyEvent, RecordKind, ReviewContent};
use sightline_core::form::FieldError;
use sightline_core::RecordId;

use crate::components::Field;
use crate::components::{use_page_title, ConfirmDialog, ErrorSummary};
use crate::platform::dom::focus_element;
use crate::platform::ids::BrowserIds;
use crate::platform::{clock, files};
use crate::routes::{review_section_href, use_navigator, ReviewSection};
use crate::services::session::{new_id, use_review_session, ReviewSession};
use fields::{EventFields, EventSuggestions};

/// How many events the list shows at first, and adds with each "Show more".
const PAGE: usize = 100;

/// An event as the list shows it, with the names it refers to resolved.
#[derive(Clone, Debug, PartialEq)]
struct EventRow {
    event: ChronologyEvent,
    agency: String,
    person: String,
    episodes: Vec<(RecordId, String)>,
}

/// Saves an event form as event `id`, adding any new agency or role to the register.
fn save_event(
    session: ReviewSession,
    form: &EventForm,
    id: RecordId,
    prefix: &str,
) -> Result<(), Vec<FieldError>> {
    let entry = form.to_entry(
        id,
        &session.content().read_untracked(),
        &mut BrowserIds,
        clock::now(),
        prefix,
    )?;
    session.change_content(move |content: &mut ReviewContent| {
        let mut changes = Vec::new();
        if let Some(agency) = entry.new_agency {
            changes.push(Change::Put(RecordKind::Agency, agency.id));
            content.put(agency);
        }
        if let Some(person) = entry.new_person {
            changes.push(Change::Put(RecordKind::Person, person.id));
            content.put(person);
        }
        changes.push(Change::Put(RecordKind::Event, entry.event.id));
        content.put(entry.event);
        changes
    });
    Ok(())
}

/// The Chronology page.
#[component]
pub fn ChronologyPage() -> impl IntoView {
    use_page_title(|| "Chronology".to_owned());
    let session = use_review_session();
    let content = session.content();
    let review = session.review();
    let navigator = use_navigator();

    let agency_filter = RwSignal::new(None::<RecordId>);
    let phase_filter = RwSignal::new(None::<String>);
    let text_filter = RwSignal::new(String::new());
    let newest_first = RwSignal::new(false);
    let limit = RwSignal::new(PAGE);
    let selected = RwSignal::new(BTreeSet::<RecordId>::new());
    let editing = RwSignal::new(None::<RecordId>);
    let deleting = RwSignal::new(None::<(RecordId, String)>);
    let confirm_delete = RwSignal::new(false);
    let importing = RwSignal::new(false);
    let show_timeline = RwSignal::new(false);

    let filter = Memo::new(move |_| ChronologyFilter {
        agency: agency_filter.get(),
        phase: phase_filter.get(),
        text: text_filter.get(),
        newest_first: newest_first.get(),
    });
    // The matching events, in order: recomputed when the content or the filter changes.
    let matching = Memo::new(move |_| {
        let content = content.read();
        filter
            .read()
            .apply(&content)
            .into_iter()
            .map(|i| content.events[i].id)
            .collect::<Vec<RecordId>>()
    });
    let rows = Memo::new(move |_| {
        let content = content.read();
        let mut episodes_by_event: HashMap<RecordId, Vec<(RecordId, String)>> = HashMap::new();
        for episode in &content.episodes {
            for event in &episode.events {
                episodes_by_event
                    .entry(*event)
                    .or_default()
                    .push((episode.id, episode.title.clone()));
            }
        }
        let by_id: HashMap<RecordId, &ChronologyEvent> =
            content.events.iter().map(|e| (e.id, e)).collect();
        matching
            .read()
            .iter()
            .take(limit.get())
            .filter_map(|id| by_id.get(id))
            .map(|event| EventRow {
                event: (*event).clone(),
                agency: content.agency_name(event.agency).to_owned(),
                person: content.person_label(event.person).to_owned(),
                episodes: episodes_by_event.remove(&event.id).unwrap_or_default(),
            })
            .collect::<Vec<_>>()
    });
    let total = Memo::new(move |_| content.read().events.len());
    let agencies = Memo::new(move |_| {
        let mut list: Vec<(RecordId, String)> = content
            .read()
            .agencies
            .iter()
            .map(|a| (a.id, a.name.clone()))
            .collect();
        list.sort_by_key(|(_, name)| name.to_lowercase());
        list
    });
    let agency_names = Memo::new(move |_| agencies.get().into_iter().map(|(_, n)| n).collect());
    let people_labels = Memo::new(move |_| {
        content
            .read()
            .people
            .iter()
            .map(|p| p.label.clone())
            .collect()
    });
    let phase_names = Memo::new(move |_| phases(&content.read()));

    // Shows an event wherever it is: clears filters that hide it and shows enough of the list.
    let reveal = move |id: RecordId| {
        if !matching.read_untracked().contains(&id) {
            agency_filter.set(None);
            phase_filter.set(None);
            text_filter.set(String::new());
        }
        if let Some(position) = matching.read_untracked().iter().position(|e| *e == id) {
            if position >= limit.get_untracked() {
                limit.set((position / PAGE + 1) * PAGE);
            }
        }
        let target = format!("event-{id}");
        request_animation_frame(move || focus_element(&target));
    };
    // An address such as …/chronology#event-… (from search) shows that event.
    Effect::new(move |_| {
        if let Some(id) = navigator
            .fragment()
            .and_then(|f| f.strip_prefix("event-").and_then(RecordId::parse))
        {
            reveal(id);
        }
    });

    let export = move |_| {
        let csv = export_csv(&content.read_untracked());
        let file_name = sightline_core::format::file_name(
            &format!("{} chronology", review.read_untracked().title),
            clock::today(),
            ".csv",
            false,
        );
        if let Err(error) = files::download(&file_name, "text/csv;charset=utf-8", csv.as_bytes()) {
            leptos::logging::warn!("{error}");
        }
    };

    let episode_title = RwSignal::new(String::new());
    let episode_errors = RwSignal::new(Vec::<FieldError>::new());
    let creating_episode = RwSignal::new(false);
    let create_episode = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let events: Vec<RecordId> = selected.get_untracked().into_iter().collect();
        let mut episode = new_episode(new_id(), events, clock::now());
        let form = sightline_core::content::episodes::EpisodeForm {
            title: episode_title.get_untracked(),
            ..Default::default()
        };
        match form.apply(&mut episode, clock::now()) {
            Ok(()) => {
                let id = episode.id;
                session.put_record(episode);
                selected.set(BTreeSet::new());
                episode_title.set(String::new());
                creating_episode.set(false);
                let review_id = review.read_untracked().id;
                navigator.go_to(&review_section_href(review_id, ReviewSection::Episode(id)));
            }
            Err(problems) => episode_errors.set(problems),
        }
    };

    view! {
        <h1 class="app-heading-l" id="chronology-heading" tabindex="-1">"Chronology"</h1>
        <EventSuggestions agencies=agency_names people=people_labels phases=phase_names />
        <div class="app-button-group">
            <button type="button" class="app-button app-button--secondary" on:click=move |_| importing.set(true)>
                "Import CSV"
            </button>
            <button
                type="button"
                class="app-button app-button--secondary"
                on:click=export
                prop:disabled=move || total.get() == 0
            >
                "Export CSV"
            </button>
        </div>
        <Show when=move || importing.get()>
            <import::CsvImport open=importing />
        </Show>

        <EntryRow />

        <h2 class="app-heading-m" id="events-heading">"Events"</h2>
        <div class="app-filters" role="group" aria-label="Filter the chronology">
            <Field id="filter-agency" label="Agency">
                <select class="app-select" id="filter-agency" on:change=move |ev| {
                    agency_filter.set(RecordId::parse(&event_target_value(&ev)));
                    limit.set(PAGE);
                }>
                    <option value="" selected=move || agency_filter.get().is_none()>"All agencies"</option>
                    {move || agencies.get().into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=move || agency_filter.get() == Some(id)>{name}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field id="filter-phase" label="Phase">
                <select class="app-select" id="filter-phase" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    phase_filter.set((!value.is_empty()).then_some(value));
                    limit.set(PAGE);
                }>
                    <option value="" selected=move || phase_filter.get().is_none()>"All phases"</option>
                    {move || phase_names.get().into_iter().map(|phase| {
                        let this = phase.clone();
                        let value = phase.clone();
                        view! {
                            <option value=value selected=move || phase_filter.get().as_deref() == Some(this.as_str())>{phase}</option>
                        }
                    }).collect_view()}
                </select>
            </Field>
            <Field id="filter-text" label="Words">
                <input class="app-input app-input--width-20" id="filter-text" type="search" autocomplete="off"
                    prop:value=move || text_filter.get()
                    on:input=move |ev| { text_filter.set(event_target_value(&ev)); limit.set(PAGE); }
                />
            </Field>
            <Field id="sort-order" label="Order">
                <select class="app-select" id="sort-order" on:change=move |ev| newest_first.set(event_target_value(&ev) == "newest")>
                    <option value="oldest" selected=move || !newest_first.get()>"Oldest first"</option>
                    <option value="newest" selected=move || newest_first.get()>"Newest first"</option>
                </select>
            </Field>
        </div>
        <p class="app-secondary-text" role="status" data-testid="event-count">
            {move || {
                let shown = matching.read().len();
                let all = total.get();
                if shown == all {
                    format!("{all} event{}", if all == 1 { "" } else { "s" })
                } else {
                    format!("{shown} of {all} events match")
                }
            }}
        </p>

        <details class="app-details" prop:open=move || show_timeline.get() on:toggle=move |ev| {
            show_timeline.set(crate::platform::dom::details_open(&ev).unwrap_or(false));
        }>
            <summary class="app-details__summary">"Timeline"</summary>
            <Show when=move || show_timeline.get()>
                <timeline::Timeline matching on_pick=reveal />
            </Show>
        </details>

        <Show when=move || !selected.read().is_empty()>
            <form class="app-inline-form app-episode-maker" novalidate on:submit=create_episode>
                <ErrorSummary errors=episode_errors />
                <p class="app-body">
                    <strong>{move || format!("{} event{} chosen", selected.read().len(), if selected.read().len() == 1 { "" } else { "s" })}</strong>
                    " "
                    <button type="button" class="app-link-button" on:click=move |_| selected.set(BTreeSet::new())>"Clear the choice"</button>
                </p>
                <Show
                    when=move || creating_episode.get()
                    fallback=move || view! {
                        <button type="button" class="app-button" id="create-episode" on:click=move |_| {
                            creating_episode.set(true);
                            request_animation_frame(|| focus_element("episode-title"));
                        }>
                            "Create episode"
                        </button>
                    }
                >
                    <crate::components::TextField
                        id="episode-title"
                        label="Episode title"
                        hint="A short name for this moment in the work, such as \u{201c}Missed health appointments\u{201d}"
                        value=episode_title
                        error=Signal::derive(move || crate::components::error_summary::error_for(&episode_errors.read(), "episode-title"))
                    />
                    <button type="submit" class="app-button">"Create episode"</button>
                </Show>
            </form>
        </Show>

        <Show
            when=move || { total.get() > 0 }
            fallback=|| view! { <p class="app-body" data-testid="no-events">"No events yet. Add one above, or import a CSV file."</p> }
        >
            <div class="app-table-wrapper">
                <table class="app-table app-table--stack app-chronology" aria-labelledby="events-heading" data-testid="chronology">
                    <thead>
                        <tr>
                            <th scope="col" class="app-table__header">"Choose"</th>
                            <th scope="col" class="app-table__header">"Date"</th>
                            <th scope="col" class="app-table__header">"Agency and role"</th>
                            <th scope="col" class="app-table__header">"What happened"</th>
                            <th scope="col" class="app-table__header">"Seen"</th>
                            <th scope="col" class="app-table__header">"Views sought"</th>
                            <th scope="col" class="app-table__header"><span class="app-visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || rows.get()
                            key=|row| (row.event.id, row.event.updated_at, row.episodes.clone(), row.agency.clone(), row.person.clone())
                            let(row)
                        >
                            <EventRowView row selected editing deleting confirm_delete />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { matching.read().len() > limit.get() }>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {move || format!("Show {} more events", (matching.read().len() - limit.get()).min(PAGE))}
                </button>
            </Show>
        </Show>

        <ConfirmDialog
            open=confirm_delete
            heading=Signal::derive(|| "Delete this event?".to_owned())
            confirm_label="Delete event"
            on_confirm=move || {
                if let Some((id, _)) = deleting.get_untracked() {
                    session.remove_record(RecordKind::Event, id);
                    selected.update(|s| { s.remove(&id); });
                    deleting.set(None);
                    request_animation_frame(|| focus_element("events-heading"));
                }
            }
        >
            <p class="app-body">{move || deleting.get().map(|(_, text)| text).unwrap_or_default()}</p>
            <p class="app-body">"Episodes and reflection answers linked to it will no longer list it."</p>
        </ConfirmDialog>
    }
}

/// The quick entry row: every field in one row, Enter adds the event, and focus returns to
/// the date for the next one. Agency, source and phase are kept for the next event, as they
/// usually repeat down a chronology.
#[component]
fn EntryRow() -> impl IntoView {
    let session = use_review_session();
    let form = RwSignal::new(EventForm::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let added = RwSignal::new(0usize);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match save_event(session, &form.get_untracked(), new_id(), "new-event") {
            Ok(()) => {
                form.update(|f| {
                    *f = EventForm {
                        agency: f.agency.clone(),
                        source: f.source.clone(),
                        phase: f.phase.clone(),
                        ..Default::default()
                    }
                });
                errors.set(Vec::new());
                added.update(|n| *n += 1);
                request_animation_frame(|| focus_element("new-event-date"));
            }
            Err(problems) => {
                let first = problems[0].field.clone();
                errors.set(problems);
                request_animation_frame(move || focus_element(&first));
            }
        }
    };
    view! {
        <form class="app-entry-row" novalidate on:submit=submit aria-labelledby="entry-heading">
            <h2 class="app-heading-m" id="entry-heading">"Add event"</h2>
            <p class="app-hint">"Press Enter in any box to add the event. Agency, source and phase stay filled in for the next one."</p>
            <EventFields prefix="new-event" form errors />
            <button type="submit" class="app-button">"Add event"</button>
            <p class="app-visually-hidden" role="status">
                {move || match added.get() {
                    0 => String::new(),
                    n => format!("Event added. {n} added so far."),
                }}
            </p>
        </form>
    }
}

/// One event in the list, or its edit form.
#[component]
fn EventRowView(
    row: EventRow,
    selected: RwSignal<BTreeSet<RecordId>>,
    editing: RwSignal<Option<RecordId>>,
    deleting: RwSignal<Option<(RecordId, String)>>,
    confirm_delete: RwSignal<bool>,
) -> impl IntoView {
    let session = use_review_session();
    let review = session.review();
    let id = row.event.id;
    let when = if row.event.date.display().is_empty() {
        format!("Undated ({})", row.event.phase)
    } else {
        row.event.date.display()
    };
    let choose_label = format!("Choose the event of {when}");
    let what = row.event.what_happened.clone();
    let review_id = review.read_untracked().id;
    view! {
        <tr class="app-table__row" id=format!("event-{id}") tabindex="-1" data-testid="event-row">
            <td class="app-table__cell app-table__cell--check">
                <input
                    class="app-checkboxes__input"
                    type="checkbox"
                    id=format!("choose-{id}")
                    aria-label=choose_label
                    prop:checked=move || selected.read().contains(&id)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                    }
                />
            </td>
            <td class="app-table__cell" data-label="Date">
                {when.clone()}
                {(!row.event.phase.is_empty() && !row.event.date.display().is_empty())
                    .then(|| view! { <span class="app-secondary-text app-block">{row.event.phase.clone()}</span> })}
            </td>
            <td class="app-table__cell" data-label="Agency and role">
                {row.agency.clone()}
                {(!row.person.is_empty()).then(|| view! { <span class="app-secondary-text app-block">{row.person.clone()}</span> })}
            </td>
            <td class="app-table__cell app-chronology__what" data-label="What happened">
                <span class="app-preserve-lines">{row.event.what_happened.clone()}</span>
                {(!row.event.source.is_empty()).then(|| view! {
                    <span class="app-secondary-text app-block">{format!("Source: {}", row.event.source)}</span>
                })}
                {(!row.episodes.is_empty()).then(|| view! {
                    <span class="app-block app-episode-tags">
                        {row.episodes.iter().map(|(episode, title)| view! {
                            <a class="app-tag app-tag--blue" href=review_section_href(review_id, ReviewSection::Episode(*episode))>
                                {format!("Episode: {title}")}
                            </a>
                            " "
                        }).collect_view()}
                    </span>
                })}
            </td>
            <td class="app-table__cell" data-label="Seen">{row.event.seen.label()}</td>
            <td class="app-table__cell" data-label="Views sought">{row.event.views_sought.label()}</td>
            <td class="app-table__cell app-table__cell--actions">
                <button type="button" class="app-link-button" id=format!("change-event-{id}") on:click=move |_| editing.set(Some(id))>
                    "Change"<span class="app-visually-hidden">{format!(" the event of {when}")}</span>
                </button>
                " "
                <button type="button" class="app-link-button" on:click=move |_| {
                    deleting.set(Some((id, what.clone())));
                    confirm_delete.set(true);
                }>
                    "Delete"<span class="app-visually-hidden">" this event"</span>
                </button>
            </td>
        </tr>
        <Show when=move || editing.get() == Some(id)>
            <tr class="app-table__row app-table__row--editor">
                <td class="app-table__cell" colspan="7">
                    <EventEditor id editing />
                </td>
            </tr>
        </Show>
    }
}

/// The form for changing an event in place.
#[component]
fn EventEditor(id: RecordId, editing: RwSignal<Option<RecordId>>) -> impl IntoView {
    let session = use_review_session();
    let content = session.content();
    let form = RwSignal::new(
        content
            .read_untracked()
            .get::<ChronologyEvent>(id)
            .map(|event| EventForm::from_event(event, &content.read_untracked()))
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let close = move || {
        editing.set(None);
        let target = format!("event-{id}");
        request_animation_frame(move || focus_element(&target));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match save_event(session, &form.get_untracked(), id, "edit-event") {
            Ok(()) => close(),
            Err(problems) => errors.set(problems),
        }
    };
    request_animation_frame(|| focus_element("edit-event-date"));
    view! {
        <form class="app-inline-form" novalidate on:submit=submit>
            <ErrorSummary errors=errors />
            <EventFields prefix="edit-event" form errors multiline=true />
            <div class="app-button-group">
                <button type="submit" class="app-button">"Save event"</button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| close()>"Cancel"</button>
            </div>
        </form>
    }
}
