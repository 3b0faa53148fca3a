//! The committee's own settings (names, chief officers' group, default timescales), kept per
//! install in the browser's settings store, and applying a change of timescales to the running
//! reviews the person chose.

use sightline_core::content::actions::open_action_dues;
use sightline_core::review::settings::CommitteeSettings;
use sightline_core::{Review, ReviewId, ReviewStatus, Timescales};

use crate::platform::{clock, storage};

/// The key the settings are kept under in the settings store.
const SETTINGS_KEY: &str = "committee_settings";

/// This install's settings; the defaults when none were saved or they cannot be read.
pub async fn load() -> Result<CommitteeSettings, String> {
    Ok(load_saved().await?.unwrap_or_default())
}

/// This install's settings if any were saved.
pub async fn load_saved() -> Result<Option<CommitteeSettings>, String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    let text = store
        .get_setting(SETTINGS_KEY)
        .await
        .map_err(|e| e.to_string())?;
    Ok(text.and_then(|text| serde_json::from_str(&text).ok()))
}

/// Keeps `settings` for this install.
pub async fn save(settings: &CommitteeSettings) -> Result<(), String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    let text = serde_json::to_string(settings).expect("settings always serialise");
    store
        .put_setting(SETTINGS_KEY, &text)
        .await
        .map_err(|e| format!("The settings were not saved. {e}"))
}

/// Every review here that is still running (open or paused, not archived), read whole, so a
/// change of the default timescales can say which of them follow the current defaults.
pub async fn running_reviews() -> Result<Vec<Review>, String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    let (summaries, _) = store.list_summaries().await.map_err(|e| e.to_string())?;
    let mut reviews = Vec::new();
    for summary in summaries
        .into_iter()
        .filter(|s| !s.archived && matches!(s.status, ReviewStatus::Open | ReviewStatus::Paused))
    {
        if let Some(stored) = store.get(summary.id).await.map_err(|e| e.to_string())? {
            reviews.push(stored.review);
        }
    }
    Ok(reviews)
}

/// Gives each review in `ids` the timescales `new`, saved as an edit of that review (a tab
/// that has it open merges the change when it next saves). Returns how many changed.
pub async fn apply_timescales(ids: &[ReviewId], new: &Timescales) -> Result<usize, String> {
    let store = storage::shared().await.map_err(|e| e.to_string())?;
    let mut changed = 0;
    for id in ids {
        let Some(stored) = store.get(*id).await.map_err(|e| e.to_string())? else {
            continue;
        };
        let before = stored.review.clone();
        let mut review = stored.review;
        if &review.timescales == new {
            continue;
        }
        review.timescales = new.clone();
        let now = clock::now();
        review.stamp_changes(&before, now);
        review.touch(now);
        store
            .put(
                &review,
                &open_action_dues(&stored.content),
                stored.revision,
                &[],
            )
            .await
            .map_err(|e| format!("\u{201c}{}\u{201d} was not changed. {e}", review.title))?;
        changed += 1;
    }
    Ok(changed)
}
