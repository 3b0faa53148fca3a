//! **Export map** (SVG and PNG pictures for reports and briefings, and a JSON Canvas file for
//! Obsidian and other tools) and importing a `.canvas` file as the map.

use leptos::prelude::*;
use sightline_core::format::file_name;
use sightline_core::format::json_canvas::{read_canvas, to_canvas, write_canvas};
use sightline_core::map::edit::MapEdit;
use sightline_core::map::geometry;
use sightline_core::map::svg::render_svg;

use super::use_map_state;
use crate::components::{ConfirmDialog, ErrorMessage};
use crate::platform::ids::BrowserIds;
use crate::platform::{clock, files, image};

/// Export and import for the map.
#[component]
pub fn MapFiles() -> impl IntoView {
    let state = use_map_state();
    let content = state.session.content();
    let review = state.session.review();
    let open = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let stem = move || format!("{} map", review.read_untracked().title);

    let save = move |name: String, mime: &'static str, bytes: Vec<u8>| match files::download(
        &name, mime, &bytes,
    ) {
        Ok(()) => status.set(Some(format!(
            "Saved \u{201c}{name}\u{201d} to your downloads."
        ))),
        Err(problem) => status.set(Some(problem.to_string())),
    };
    let export_svg = move |_| {
        let title = format!("Systems map: {}", review.read_untracked().title);
        let svg = content.with_untracked(|c| render_svg(c, &title));
        save(
            file_name(&stem(), clock::today(), ".svg", false),
            "image/svg+xml",
            svg.into_bytes(),
        );
    };
    let export_png = move |_| {
        let title = format!("Systems map: {}", review.read_untracked().title);
        let (svg, width) =
            content.with_untracked(|c| (render_svg(c, &title), geometry::map_width(&c.map_nodes)));
        let height = geometry::map_height();
        let scale = image::fitting_scale(width as u32, height as u32);
        let name = file_name(&stem(), clock::today(), ".png", false);
        status.set(Some("Drawing the picture\u{2026}".into()));
        leptos::task::spawn_local(async move {
            match image::svg_to_png(&svg, width as u32, height as u32, scale).await {
                Ok(bytes) => save(name, "image/png", bytes),
                Err(problem) => status.set(Some(problem.to_string())),
            }
        });
    };
    let export_canvas = move |_| {
        let scheme = review.read_untracked().map_scheme;
        let text = content.with_untracked(|c| write_canvas(&to_canvas(c, scheme)));
        save(
            file_name(&stem(), clock::today(), ".canvas", false),
            "application/json",
            text.into_bytes(),
        );
    };

    // Importing: read, then (if the map has nodes) confirm replacing it.
    let pending = RwSignal::new(None::<MapEdit>);
    let confirm = RwSignal::new(false);
    let repairs = RwSignal::new(Vec::<String>::new());
    let finish_import = move |edit: MapEdit| {
        let count = edit.put_nodes.len();
        if state.apply(&edit, "Import map") {
            state.fit();
            state.announcement.set(format!(
                "Imported {count} node{} from the file. Press Undo to put the map back as it was.",
                if count == 1 { "" } else { "s" }
            ));
            status.set(Some(format!(
                "Imported {count} node{} and {} link{}.",
                if count == 1 { "" } else { "s" },
                edit.put_links.len(),
                if edit.put_links.len() == 1 { "" } else { "s" }
            )));
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = files::chosen_file(&ev) else {
            return;
        };
        error.set(None);
        repairs.set(Vec::new());
        leptos::task::spawn_local(async move {
            let bytes = match files::read_bytes(&file, sightline_core::format::MAX_FILE_BYTES).await
            {
                Ok(bytes) => bytes,
                Err(problem) => return error.set(Some(problem.to_string())),
            };
            let read =
                content.with_untracked(|c| read_canvas(&bytes, c, &mut BrowserIds, clock::now()));
            match read {
                Ok(map) => {
                    repairs.set(map.repairs.clone());
                    let edit = content.with_untracked(|c| MapEdit {
                        put_nodes: map.nodes,
                        put_links: map.links,
                        remove_nodes: c.map_nodes.iter().map(|n| n.id).collect(),
                        remove_links: Vec::new(),
                    });
                    if content.with_untracked(|c| c.map_nodes.is_empty()) {
                        finish_import(edit);
                    } else {
                        pending.set(Some(edit));
                        confirm.set(true);
                    }
                }
                Err(problem) => error.set(Some(problem.to_string())),
            }
        });
    };

    view! {
        <section class="app-map-files" aria-labelledby="map-files-heading">
            <h2 class="app-heading-m" id="map-files-heading">"Export and import"</h2>
            <button
                type="button"
                class="app-button app-button--secondary"
                aria-expanded=move || open.get().to_string()
                aria-controls="map-export-choices"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Export map"
            </button>
            <Show when=move || open.get()>
                <div class="app-button-group" id="map-export-choices">
                    <button type="button" class="app-button app-button--secondary" on:click=export_svg>"SVG image"</button>
                    <button type="button" class="app-button app-button--secondary" on:click=export_png>"PNG image"</button>
                    <button type="button" class="app-button app-button--secondary" on:click=export_canvas>"JSON Canvas (.canvas)"</button>
                </div>
                <p class="app-hint">"SVG and PNG are pictures for reports and briefings. A .canvas file opens in Obsidian and other tools that read JSON Canvas, and can be imported here again."</p>
            </Show>
            {move || status.get().map(|s| view! { <p class="app-body" role="status" data-testid="map-file-status">{s}</p> })}
            <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
                <label class="app-label app-label--bold" for="map-import">"Import a .canvas file"</label>
                <div class="app-hint" id="map-import-hint">"A JSON Canvas file, from Sightline or from Obsidian. It replaces the map; you can undo that."</div>
                <ErrorMessage id="map-import-error" message=Signal::derive(move || error.get()) />
                <input class="app-file-upload" id="map-import" type="file" accept=".canvas,application/json"
                    aria-describedby=move || if error.get().is_some() { "map-import-hint map-import-error" } else { "map-import-hint" }
                    on:change=choose
                    on:click=move |ev| {
                        crate::platform::dom::clear_file_input(&ev);
                    }
                />
            </div>
            {move || {
                let list = repairs.get();
                (!list.is_empty()).then(|| view! {
                    <div class="app-warning-text" data-testid="map-import-repairs">
                        <p>"Some things in the file could not be brought in as they were:"</p>
                        <ul class="app-list">{list.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <ConfirmDialog
                open=confirm
                heading=Signal::derive(|| "Replace the map with the file\u{2019}s?".to_owned())
                confirm_label="Replace the map"
                on_confirm=move || {
                    if let Some(edit) = pending.get_untracked() {
                        finish_import(edit);
                    }
                    pending.set(None);
                }
            >
                <p class="app-body">"The nodes and links on the map now are replaced by the file\u{2019}s. You can press Undo afterwards to put them back."</p>
            </ConfirmDialog>
        </section>
    }
}
