//! Backing up every review in this browser to one file, and remembering when that was last
//! done (for the reminder on the Reviews and Storage pages).

use chrono::{DateTime, Utc};
use sightline_core::{Review, ReviewContent};

use crate::platform::storage::{self, StorageError};

const LAST_BACKUP: &str = "last_backup_at";

/// When everything was last backed up from this browser, if ever.
pub async fn last_backup() -> Option<DateTime<Utc>> {
    let store = storage::shared().await.ok()?;
    let text = store.get_setting(LAST_BACKUP).await.ok()??;
    DateTime::parse_from_rfc3339(&text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Notes that everything was backed up at `at`.
pub async fn mark_backed_up(at: DateTime<Utc>) {
    if let Ok(store) = storage::shared().await {
        let _ = store.put_setting(LAST_BACKUP, &at.to_rfc3339()).await;
    }
}

/// Every review stored in this browser, with its content, for a backup.
pub async fn every_review() -> Result<Vec<(Review, ReviewContent)>, StorageError> {
    let store = storage::shared().await?;
    let (summaries, _) = store.list_summaries().await?;
    let mut reviews = Vec::new();
    for summary in summaries {
        if let Some(stored) = store.get(summary.id).await? {
            reviews.push((stored.review, stored.content));
        }
    }
    Ok(reviews)
}
