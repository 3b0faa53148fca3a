//! Restore points: making them (automatically at most hourly, before anything replaces a
//! review, and on request), thinning the oldest, and restoring one, which is itself undone by
//! restoring the point made just before it. The list on the Overview is
//! `features::review::restore_points`.

use sightline_core::format::{read_review_file, write_review_file};
use sightline_core::restore_points::{
    point_key, summarise_changes, to_thin, PointInfo, PointReason, MAX_PER_REVIEW, MAX_TOTAL_BYTES,
};
use sightline_core::{Review, ReviewContent, ReviewId};

use crate::platform::ids::BrowserIds;
use crate::platform::{clock, storage};

/// Why a restore point could not be made or used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    #[error("{0}")]
    Storage(#[from] storage::StorageError),
    #[error("That restore point could not be read ({0}). Choose another one.")]
    Unreadable(String),
    #[error("That restore point is no longer kept. Choose another one.")]
    Gone,
}

/// Stores a restore point of `review` as it is in `content`, saying what changed since its
/// previous point, and thins the oldest points if the bound is passed.
pub async fn save_point(
    review: &Review,
    content: &ReviewContent,
    reason: PointReason,
) -> Result<PointInfo, RestoreError> {
    let store = storage::shared().await?;
    let at = clock::now();
    let file = write_review_file(review, content, at, crate::APP_VERSION);
    let previous = store.restore_points(Some(review.id)).await?.pop();
    let before = match previous {
        Some(previous) => store
            .restore_point_file(&previous.key)
            .await?
            .and_then(|text| read_review_file(text.as_bytes(), &mut BrowserIds).ok())
            .map(|read| read.value.content),
        None => None,
    };
    let info = PointInfo {
        key: point_key(review.id, at),
        review: review.id,
        at,
        reason,
        summary: summarise_changes(before.as_ref(), content),
        bytes: file.len(),
    };
    store
        .add_restore_point(&info, &file, |all| {
            to_thin(all, MAX_PER_REVIEW, MAX_TOTAL_BYTES)
        })
        .await?;
    Ok(info)
}

/// Stores a restore point of the review as it is stored now, if it is stored: before an
/// import, merge or replace writes over it.
pub async fn save_point_of_stored(id: ReviewId, reason: PointReason) -> Result<(), RestoreError> {
    let store = storage::shared().await?;
    if let Some(stored) = store.get(id).await? {
        save_point(&stored.review, &stored.content, reason).await?;
    }
    Ok(())
}

/// Puts the review back as it was at restore point `key`, after keeping the review as it is
/// now as a point of its own (so the restore can be undone). The report's issued versions are
/// never taken back.
pub async fn restore(id: ReviewId, key: &str) -> Result<(), RestoreError> {
    let store = storage::shared().await?;
    let text = store
        .restore_point_file(key)
        .await?
        .ok_or(RestoreError::Gone)?;
    let read = read_review_file(text.as_bytes(), &mut BrowserIds)
        .map_err(|e| RestoreError::Unreadable(e.to_string()))?;
    let stored = store.get(id).await?;
    if let Some(stored) = &stored {
        save_point(&stored.review, &stored.content, PointReason::BeforeRestore).await?;
    }
    let mut review = read.value.review;
    review.id = id;
    // A version of the report issued since the point has gone out to people: it stays.
    if let Some(stored) = &stored {
        review.report.keep_issued_from(&stored.review.report);
    }
    store.replace(&review, &read.value.content).await?;
    Ok(())
}
