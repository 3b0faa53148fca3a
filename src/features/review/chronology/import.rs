//! Importing a chronology from a CSV file: choose the file, say which column holds which
//! field (with the first rows shown), see which rows cannot be read and why, then import.
//! Nothing is stored until the person presses "Import".

use leptos::prelude::*;
use sightline_core::chronology_csv::{
    decode_text, guess_mapping, plan_import, read_table, ChronologyField, ColumnMapping, CsvTable,
    ImportPlan, MAX_CSV_BYTES, PREVIEW_ROWS,
};
use sightline_core::content::{Change, RecordKind, ReviewContent};
use sightline_core::form::FieldError;

use crate::components::ErrorSummary;
use crate::platform::dom::focus_element;
use crate::platform::ids::BrowserIds;
use crate::platform::{clock, files};
use crate::services::session::use_review_session;

/// Where the import has got to.
#[derive(Clone, PartialEq)]
enum Step {
    ChooseFile,
    MapColumns(CsvTable),
    Check(CsvTable, ImportPlan),
}

/// The CSV import panel, shown while `open` is set.
#[component]
pub fn CsvImport(open: RwSignal<bool>) -> impl IntoView {
    let session = use_review_session();
    let step = RwSignal::new(Step::ChooseFile);
    let mapping = RwSignal::new(ColumnMapping(Vec::new()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let file_name = RwSignal::new(String::new());
    let reading = RwSignal::new(false);
    let result = RwSignal::new(None::<String>);

    let close = move || {
        open.set(false);
        request_animation_frame(|| focus_element("chronology-heading"));
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = files::chosen_file(&ev) else {
            return;
        };
        file_name.set(file.name());
        errors.set(Vec::new());
        reading.set(true);
        leptos::task::spawn_local(async move {
            let read = files::read_bytes(&file, MAX_CSV_BYTES).await;
            reading.try_set(false);
            let table = read
                .map_err(|e| e.to_string())
                .and_then(|bytes| read_table(&decode_text(&bytes).0).map_err(|e| e.to_string()));
            match table {
                Ok(table) => {
                    mapping.try_set(guess_mapping(&table.headers));
                    step.try_set(Step::MapColumns(table));
                    request_animation_frame(|| focus_element("mapping-heading"));
                }
                Err(message) => {
                    errors.try_set(vec![FieldError::new("csv-file", message)]);
                }
            }
        });
    };
    let check = move |table: CsvTable| {
        let planned = plan_import(
            &table,
            &mapping.get_untracked(),
            &session.content().read_untracked(),
            &mut BrowserIds,
            clock::now(),
        );
        match planned {
            Ok(plan) => {
                errors.set(Vec::new());
                step.set(Step::Check(table, plan));
                request_animation_frame(|| focus_element("check-heading"));
            }
            Err(problems) => errors.set(problems),
        }
    };
    let import = move |plan: ImportPlan| {
        let count = plan.events.len();
        session.change_content(move |content: &mut ReviewContent| {
            let mut changes = Vec::new();
            for agency in plan.agencies {
                changes.push(Change::Put(RecordKind::Agency, agency.id));
                content.put(agency);
            }
            for person in plan.people {
                changes.push(Change::Put(RecordKind::Person, person.id));
                content.put(person);
            }
            for event in plan.events {
                changes.push(Change::Put(RecordKind::Event, event.id));
                content.events.push(event);
            }
            changes
        });
        result.set(Some(format!(
            "Imported {count} event{} from {}.",
            if count == 1 { "" } else { "s" },
            file_name.get_untracked()
        )));
        step.set(Step::ChooseFile);
        request_animation_frame(|| focus_element("import-result"));
    };

    view! {
        <section class="app-panel" aria-labelledby="import-heading" data-testid="csv-import">
            <h2 class="app-heading-m" id="import-heading">"Import a chronology from CSV"</h2>
            {move || result.get().map(|message| view! {
                <div class="app-notification-banner app-notification-banner--success" role="status" id="import-result" tabindex="-1">
                    <p class="app-notification-banner__heading">{message}</p>
                </div>
            })}
            <ErrorSummary errors=errors />
            {move || match step.get() {
                Step::ChooseFile => view! {
                    <div class="app-form-group" class:app-form-group--error=move || !errors.read().is_empty()>
                        <label class="app-label" for="csv-file">"Choose a CSV file"</label>
                        <div class="app-hint" id="csv-file-hint">
                            "In Excel, use File, Save As, and choose \u{201c}CSV UTF-8\u{201d}. The first row must hold the column headings."
                        </div>
                        <input
                            class="app-file-upload"
                            id="csv-file"
                            type="file"
                            accept=".csv,text/csv"
                            aria-describedby="csv-file-hint"
                            on:change=choose
                        />
                        <Show when=move || reading.get()>
                            <p class="app-body" role="status">"Reading the file\u{2026}"</p>
                        </Show>
                    </div>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| close()>"Close"</button>
                }.into_any(),
                Step::MapColumns(table) => {
                    let for_check = table.clone();
                    view! {
                        <MapColumns table=table.clone() mapping />
                        <div class="app-button-group">
                            <button type="button" class="app-button" on:click=move |_| check(for_check.clone())>
                                "Check the rows"
                            </button>
                            <button type="button" class="app-button app-button--secondary" on:click=move |_| step.set(Step::ChooseFile)>
                                "Choose another file"
                            </button>
                        </div>
                    }.into_any()
                }
                Step::Check(table, plan) => {
                    let count = plan.events.len();
                    let for_import = plan.clone();
                    view! {
                        <h3 class="app-heading-s" id="check-heading" tabindex="-1">"Check before importing"</h3>
                        <p class="app-body" data-testid="import-summary">
                            {format!(
                                "{count} event{} can be imported from {}.",
                                if count == 1 { "" } else { "s" },
                                file_name.get_untracked()
                            )}
                            {(plan.blank_rows > 0).then(|| format!(" {} empty row{} will be skipped.", plan.blank_rows, if plan.blank_rows == 1 { "" } else { "s" }))}
                        </p>
                        {(!plan.agencies.is_empty()).then(|| view! {
                            <p class="app-body">{format!("New agencies for the register: {}.", plan.agencies.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", "))}</p>
                        })}
                        {(!plan.people.is_empty()).then(|| view! {
                            <p class="app-body">{format!("New roles for the register: {}.", plan.people.iter().map(|p| p.label.as_str()).collect::<Vec<_>>().join(", "))}</p>
                        })}
                        {(!plan.problems.is_empty()).then(|| view! {
                            <div class="app-warning-text" data-testid="row-problems">
                                <h4 class="app-heading-s">
                                    {format!("{} row{} cannot be read and will be left out", plan.problems.len(), if plan.problems.len() == 1 { "" } else { "s" })}
                                </h4>
                                <ul class="app-list">
                                    {plan.problems.iter().map(|p| view! {
                                        <li>{format!("Row {}: {}", p.line, p.message)}</li>
                                    }).collect_view()}
                                </ul>
                                <p class="app-hint">"Fix them in the spreadsheet and import those rows again, or add them by hand."</p>
                            </div>
                        })}
                        <div class="app-button-group">
                            <button
                                type="button"
                                class="app-button"
                                prop:disabled=count == 0
                                on:click=move |_| import(for_import.clone())
                            >
                                {format!("Import {count} event{}", if count == 1 { "" } else { "s" })}
                            </button>
                            <button type="button" class="app-button app-button--secondary" on:click=move |_| step.set(Step::MapColumns(table.clone()))>
                                "Change the columns"
                            </button>
                            <button type="button" class="app-link-button" on:click=move |_| close()>"Cancel"</button>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// Choosing the field for each column, with the first rows of the file shown under them.
#[component]
fn MapColumns(table: CsvTable, mapping: RwSignal<ColumnMapping>) -> impl IntoView {
    let headers = table.headers.clone();
    let preview: Vec<Vec<String>> = table
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|(_, row)| row.clone())
        .collect();
    view! {
        <h3 class="app-heading-s" id="mapping-heading" tabindex="-1">"Which column holds what?"</h3>
        <p class="app-hint">
            {format!("{} rows in the file. Sightline has guessed from the headings; change any that are wrong. \u{201c}What happened\u{201d} is needed.", table.rows.len())}
        </p>
        <div class="app-mapping">
            {headers.iter().enumerate().map(|(i, header)| {
                let id = format!("column-{i}");
                let heading = if header.is_empty() { format!("Column {}", i + 1) } else { header.clone() };
                view! {
                    <div class="app-form-group">
                        <label class="app-label" for=id.clone()>{format!("\u{201c}{heading}\u{201d} holds")}</label>
                        <select class="app-select" id=id on:change=move |ev| {
                            let field = ChronologyField::from_key(&event_target_value(&ev));
                            mapping.update(|m| {
                                if m.0.len() <= i { m.0.resize(i + 1, None); }
                                m.0[i] = field;
                            });
                        }>
                            <option value="" selected=move || mapping.read().0.get(i).copied().flatten().is_none()>"Leave out"</option>
                            {ChronologyField::ALL.into_iter().map(|field| view! {
                                <option value=field.key() selected=move || mapping.read().0.get(i).copied().flatten() == Some(field)>
                                    {field.label()}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            }).collect_view()}
        </div>
        <h4 class="app-heading-s" id="preview-heading">{format!("The first {} rows", preview.len())}</h4>
        <div class="app-table-wrapper">
            <table class="app-table app-table--compact" aria-labelledby="preview-heading" data-testid="csv-preview">
                <thead>
                    <tr>
                        {headers.iter().map(|h| view! { <th scope="col" class="app-table__header">{h.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {preview.into_iter().map(|row| view! {
                        <tr class="app-table__row">
                            {row.into_iter().map(|cell| view! { <td class="app-table__cell">{cell}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
