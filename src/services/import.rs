//! Opening a file's review, backup or contribution into this browser, once the person has
//! chosen what to do: each workflow keeps a restore point of what it writes over first, and a
//! failure at any step leaves storage as it was and says why in a sentence.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sightline_core::content::actions::open_action_dues;
use sightline_core::format::merge::{changed_records, plan_merge, with_new_ids, MergePlan, Side};
use sightline_core::format::pack::{apply_contribution, Contribution, ContributionOutcome};
use sightline_core::format::ReviewFile;
use sightline_core::restore_points::PointReason;
use sightline_core::{RecordId, Review, ReviewContent, ReviewId};

use crate::platform::ids::BrowserIds;
use crate::platform::{clock, storage};

/// Keeps the review as it is stored as a restore point before something writes over it. If
/// that fails, nothing is written: the message says so.
pub async fn keep_point(
    review: &Review,
    content: &ReviewContent,
    reason: PointReason,
) -> Result<(), String> {
    crate::services::restore_points::save_point(review, content, reason)
        .await
        .map(drop)
        .map_err(|e| {
            format!("Nothing was changed: Sightline could not first keep a restore point of the review as it is ({e}).")
        })
}

/// The title of the review with `id` if this browser already holds it.
pub async fn title_here(id: ReviewId) -> Result<Option<String>, String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    Ok(store
        .list_summaries()
        .await
        .ok()
        .and_then(|(all, _)| all.into_iter().find(|s| s.id == id))
        .map(|s| s.title))
}

/// The ids of every review this browser holds.
pub async fn reviews_here() -> Result<BTreeSet<ReviewId>, String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    Ok(store
        .list_summaries()
        .await
        .map(|(all, _)| all.into_iter().map(|s| s.id).collect())
        .unwrap_or_default())
}

/// Adds a contribution's answers to the reflection it answers, in the review here. Returns
/// what was added, the review and the reflection.
pub async fn add_contribution(
    contribution: Contribution,
) -> Result<(ContributionOutcome, ReviewId, RecordId), String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    let stored = store
        .get(contribution.review_id)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| "This contribution answers a reflection in a review that is not in this browser. Open it on the computer that holds the review.".to_owned())?;
    keep_point(&stored.review, &stored.content, PointReason::BeforeImport).await?;
    let mut content = stored.content.clone();
    let outcome = apply_contribution(
        stored.review.id,
        &mut content,
        &contribution,
        &mut BrowserIds,
        clock::now(),
    )
    .map_err(|e| e.to_string())?;
    let mut review = stored.review.clone();
    review.touch(clock::now());
    store
        .put(
            &review,
            &open_action_dues(&content),
            stored.revision,
            &storage::writes_for(&content, &outcome.changes),
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok((outcome, review.id, contribution.reflection_id))
}

/// Stores the review in `file` as a review of its own (`replace`: over the one here with the
/// same id, kept first as a restore point). A review imported from a file agrees with it as of
/// `synced_at` (now, by this computer's clock): a later merge judges this copy's changes
/// against that moment (see `sightline_core::format::merge`). A copy kept beside another has
/// never agreed with anything (`None`). Returns the message to show and the review's id.
pub async fn store_new(
    file: ReviewFile,
    synced_at: Option<DateTime<Utc>>,
    replace: bool,
) -> Result<(String, ReviewId), String> {
    let mut review = file.review;
    match synced_at {
        Some(at) => review.mark_synced(at),
        None => review.synced_at = None,
    }
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    if replace {
        if let Some(stored) = store.get(review.id).await.map_err(|e| e.to_string())? {
            keep_point(&stored.review, &stored.content, PointReason::BeforeReplace).await?;
        }
        store
            .replace(&review, &file.content)
            .await
            .map_err(|e| e.to_string())?;
    } else {
        store
            .put(
                &review,
                &open_action_dues(&file.content),
                0,
                &storage::all_writes(&file.content),
            )
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok((
        format!(
            "\u{201c}{}\u{201d} is stored in this browser.",
            sightline_core::markup::quoted(&review.title)
        ),
        review.id,
    ))
}

/// Matches the review in `file` with the one stored here.
pub async fn plan_merge_with_stored(file: &ReviewFile) -> Result<MergePlan, String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    match store.get(file.review.id).await.map_err(|e| e.to_string())? {
        Some(stored) => Ok(plan_merge((&stored.review, &stored.content), file)),
        None => {
            Err("The review is no longer in this browser; open the file again to import it.".into())
        }
    }
}

/// Settles a merge with the person's `choices` and stores the result over review `id`, kept
/// first as a restore point. Returns the message to show and the review's id.
pub async fn finish_merge(
    plan: MergePlan,
    choices: &[Side],
    id: ReviewId,
) -> Result<(String, ReviewId), String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    let stored = store
        .get(id)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("The review is no longer here.")?;
    keep_point(&stored.review, &stored.content, PointReason::BeforeMerge).await?;
    let before = stored.content.clone();
    let (review, content) = plan.resolve(choices);
    let changes = changed_records(&before, &content);
    store
        .put(
            &review,
            &open_action_dues(&content),
            stored.revision,
            &storage::writes_for(&content, &changes),
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok((
        format!(
            "Merged: \u{201c}{}\u{201d} now holds both copies\u{2019} changes ({}).",
            sightline_core::markup::quoted(&review.title),
            plural(changes.len(), "record changed", "records changed")
        ),
        review.id,
    ))
}

/// Restores the `chosen` reviews of a backup. One this browser holds (`here`) is replaced
/// (kept first as a restore point) when `replace`, else kept beside it as a copy. Returns how
/// many were restored.
pub async fn restore_backup(
    reviews: Vec<ReviewFile>,
    chosen: &BTreeSet<ReviewId>,
    here: &BTreeSet<ReviewId>,
    replace: bool,
) -> Result<usize, String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    let mut restored = 0;
    for review_file in reviews
        .into_iter()
        .filter(|r| chosen.contains(&r.review.id))
    {
        let exists = here.contains(&review_file.review.id);
        if exists && !replace {
            let copy = with_new_ids(review_file, &mut BrowserIds);
            store
                .put(
                    &copy.review,
                    &open_action_dues(&copy.content),
                    0,
                    &storage::all_writes(&copy.content),
                )
                .await
                .map_err(|e| e.to_string())?;
        } else {
            // As it was when backed up; the review here first kept as a restore point.
            if exists {
                if let Some(stored) = store
                    .get(review_file.review.id)
                    .await
                    .map_err(|e| e.to_string())?
                {
                    keep_point(&stored.review, &stored.content, PointReason::BeforeReplace).await?;
                }
            }
            let mut review = review_file.review;
            review.synced_at = review_file.based_on;
            store
                .replace(&review, &review_file.content)
                .await
                .map_err(|e| e.to_string())?;
        }
        restored += 1;
    }
    Ok(restored)
}

/// Puts a backup's committee settings in place if this browser has none of its own, and says
/// what happened, as a sentence to follow the restore's (empty when nothing needs saying).
pub async fn restore_settings(
    settings: &sightline_core::review::settings::CommitteeSettings,
) -> String {
    match crate::services::committee::load_saved().await {
        Ok(Some(here)) if &here == settings => String::new(),
        Ok(Some(_)) => " This browser\u{2019}s own committee settings were kept; the backup\u{2019}s differ (see Settings).".to_owned(),
        Ok(None) => match crate::services::committee::save(settings).await {
            Ok(()) => " The committee settings were restored too.".to_owned(),
            Err(problem) => format!(" The committee settings were not restored: {problem}"),
        },
        Err(problem) => format!(" The committee settings were not restored: {problem}"),
    }
}

/// What a merge will do, in words: "The file adds 2 records and updates 1 record. 1 thing was
/// changed in both copies: choose which version to keep."
pub fn merge_summary(added: usize, updated: usize, conflicts: usize) -> String {
    let mut text = format!(
        "The file adds {} and updates {}.",
        plural(added, "record", "records"),
        plural(updated, "record", "records")
    );
    if conflicts == 0 {
        text.push_str(" Nothing was changed on both sides.");
    } else {
        text.push_str(&format!(
            " {} changed in both copies: choose which version to keep.",
            plural(conflicts, "thing was", "things were")
        ));
    }
    text
}

/// What adding a contribution did, in words, with each answer left out and why.
pub fn contribution_message(outcome: &ContributionOutcome) -> String {
    let mut message = format!(
        "From {}: {} added, {} updated, {} already here.",
        outcome.role,
        plural(outcome.added, "answer", "answers"),
        plural(outcome.updated, "answer", "answers"),
        plural(outcome.unchanged, "answer", "answers")
    );
    for left_out in &outcome.left_out {
        message.push(' ');
        message.push_str(left_out);
        message.push('.');
    }
    message
}

/// "1 review", "3 reviews".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_says_what_the_file_adds_and_updates_and_how_many_things_to_choose() {
        assert_eq!(
            merge_summary(1, 0, 0),
            "The file adds 1 record and updates 0 records. Nothing was changed on both sides."
        );
        assert_eq!(
            merge_summary(3, 1, 2),
            "The file adds 3 records and updates 1 record. 2 things were changed in both copies: choose which version to keep."
        );
        assert!(merge_summary(0, 0, 1)
            .ends_with("1 thing was changed in both copies: choose which version to keep."));
    }

    #[test]
    fn a_contribution_says_what_was_added_and_each_answer_left_out() {
        let outcome = ContributionOutcome {
            reflection: None,
            role: "Health Visitor 1".into(),
            added: 2,
            updated: 1,
            unchanged: 0,
            left_out: vec![
                "An answer to a question this framework does not have was left out".into(),
            ],
            changes: Vec::new(),
        };
        assert_eq!(
            contribution_message(&outcome),
            "From Health Visitor 1: 2 answers added, 1 answer updated, 0 answers already here. An answer to a question this framework does not have was left out."
        );
    }
}
