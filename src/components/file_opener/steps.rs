//! The opener's steps that ask the person to choose: what a file holds, which version of each
//! difference to keep in a merge, and which reviews of a backup to restore.

use std::collections::BTreeSet;

use leptos::prelude::*;
use sightline_core::dates::format_uk_date_time;
use sightline_core::format::merge::{MergePlan, Side};
use sightline_core::format::{Backup, Imported};
use sightline_core::ReviewId;

use super::Step;
use crate::services::import::{self, plural};

/// The differences a merge found, each with a choice of version, and Finish.
#[component]
pub(super) fn MergeChoices(
    plan: MergePlan,
    choices: Vec<Option<Side>>,
    step: RwSignal<Step>,
    on_finish: Callback<()>,
) -> impl IntoView {
    let conflicts = plan.conflicts.clone();
    view! {
        <section class="app-panel" aria-labelledby="merge-heading" data-testid="merge">
            <h2 class="app-heading-m" id="merge-heading" tabindex="-1">"Merge"</h2>
            <p class="app-body">
                {import::merge_summary(plan.added, plan.updated, conflicts.len())}
            </p>
            {conflicts.into_iter().enumerate().map(|(n, conflict)| {
                let name = format!("conflict-{n}");
                let current = choices.get(n).copied().flatten();
                let chosen = move |side: Side| current == Some(side);
                let pick = move |side: Side| step.update(|s| if let Step::Merge { choices, .. } = s { choices[n] = Some(side); });
                view! {
                    <fieldset class="app-fieldset app-conflict" data-testid="conflict">
                        <legend class="app-fieldset__legend app-label--bold">{conflict.label.clone()}</legend>
                        <div class="app-radios">
                            <div class="app-radios__item">
                                <input class="app-radios__input" type="radio" name=name.clone() id=format!("{name}-here") prop:checked=chosen(Side::Here) on:change=move |_| pick(Side::Here) />
                                <label class="app-label app-radios__label" for=format!("{name}-here")>
                                    "Keep the version in this browser"
                                    <span class="app-block app-secondary-text app-preserve-lines">{conflict.here_text.clone()}</span>
                                </label>
                            </div>
                            <div class="app-radios__item">
                                <input class="app-radios__input" type="radio" name=name.clone() id=format!("{name}-file") prop:checked=chosen(Side::File) on:change=move |_| pick(Side::File) />
                                <label class="app-label app-radios__label" for=format!("{name}-file")>
                                    "Take the version in the file"
                                    <span class="app-block app-secondary-text app-preserve-lines">{conflict.file_text.clone()}</span>
                                </label>
                            </div>
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=move |_| on_finish.run(())>"Finish merging"</button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| step.set(Step::Choose)>"Cancel"</button>
            </div>
        </section>
    }
}

/// The reviews in a backup to choose from, and what to do with those already here.
#[component]
pub(super) fn BackupChoices(
    file: Imported<Backup>,
    here: BTreeSet<ReviewId>,
    chosen: BTreeSet<ReviewId>,
    replace: bool,
    step: RwSignal<Step>,
    on_restore: Callback<()>,
) -> impl IntoView {
    let any_here = file
        .value
        .reviews
        .iter()
        .any(|r| here.contains(&r.review.id));
    let has_settings = file.value.settings.is_some();
    view! {
        <section class="app-panel" aria-labelledby="file-summary-heading" data-testid="backup-summary">
            <FileSummary heading="A backup".to_owned() info=file.info.clone() counts=vec![("reviews", file.value.reviews.len())] repairs=file.repairs.clone() />
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend app-label--bold">"Which reviews to restore"</legend>
                <div class="app-checkboxes">
                    {file.value.reviews.iter().map(|r| {
                        let id = r.review.id;
                        let box_id = format!("restore-{id}");
                        let is_here = here.contains(&id);
                        let on = chosen.contains(&id);
                        view! {
                            <div class="app-checkboxes__item">
                                <input class="app-checkboxes__input" type="checkbox" id=box_id.clone() prop:checked=on
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        step.update(|s| if let Step::Backup { chosen, .. } = s { if on { chosen.insert(id); } else { chosen.remove(&id); } });
                                    }
                                />
                                <label class="app-label app-checkboxes__label" for=box_id>
                                    {sightline_core::text::shown_title(&r.review.title)}
                                    <span class="app-block app-secondary-text">
                                        {format!("{}; {}{}", r.review.review_type.label(), plural(r.content.events.len(), "chronology event", "chronology events"), if is_here { "; already in this browser" } else { "" })}
                                    </span>
                                </label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            {any_here.then(|| view! {
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend app-label--bold">"For reviews already in this browser"</legend>
                    <div class="app-radios">
                        <div class="app-radios__item">
                            <input class="app-radios__input" type="radio" name="restore-existing" id="restore-keep-both" prop:checked=!replace
                                on:change=move |_| step.update(|s| if let Step::Backup { replace, .. } = s { *replace = false; }) />
                            <label class="app-label app-radios__label" for="restore-keep-both">"Keep both: restore the backup\u{2019}s copy beside it"</label>
                        </div>
                        <div class="app-radios__item">
                            <input class="app-radios__input" type="radio" name="restore-existing" id="restore-replace" prop:checked=replace
                                on:change=move |_| step.update(|s| if let Step::Backup { replace, .. } = s { *replace = true; }) />
                            <label class="app-label app-radios__label" for="restore-replace">"Replace it with the backup\u{2019}s copy"</label>
                        </div>
                    </div>
                </fieldset>
            })}
            {has_settings.then(|| view! {
                <p class="app-body" data-testid="backup-settings">"The backup also holds the committee settings (committee names and default timescales). They are restored only if this browser has none of its own."</p>
            })}
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=move |_| on_restore.run(())>"Restore chosen reviews"</button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| step.set(Step::Choose)>"Cancel"</button>
            </div>
        </section>
    }
}

/// What a file holds, before anything is stored.
#[component]
pub(super) fn FileSummary(
    heading: String,
    info: sightline_core::format::FileInfo,
    counts: Vec<(&'static str, usize)>,
    repairs: Vec<String>,
) -> impl IntoView {
    view! {
        <h2 class="app-heading-m" id="file-summary-heading" tabindex="-1">{heading}</h2>
        <dl class="app-summary-list">
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"File"</dt>
                <dd class="app-summary-list__value">{format!("{}, format version {}", info.kind.describe(), info.format_version)}</dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Exported"</dt>
                <dd class="app-summary-list__value">
                    {info.exported_at.map(format_uk_date_time).unwrap_or_else(|| "Not recorded".into())}
                    {info.app_version.map(|v| format!(", by Sightline {v}"))}
                </dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Holds"</dt>
                <dd class="app-summary-list__value" data-testid="file-counts">
                    {counts.into_iter().map(|(what, n)| format!("{n} {what}")).collect::<Vec<_>>().join(", ")}
                </dd>
                <dd class="app-summary-list__actions"></dd>
            </div>
        </dl>
        {(!repairs.is_empty()).then(|| view! {
            <div class="app-warning-text" data-testid="file-repairs">
                <h3 class="app-heading-s">{format!("{} had to be repaired as it was read", plural(repairs.len(), "thing", "things"))}</h3>
                <ul class="app-list">{repairs.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}
