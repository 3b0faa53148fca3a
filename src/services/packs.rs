//! Reflection packs being answered on this laptop: each kept in this browser's settings as a
//! draft from when the pack is opened until the contribution is sent.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sightline_core::format::pack::{ContributedAnswer, ReflectionPack};
use sightline_core::RecordId;

use crate::platform::clock;
use crate::platform::storage::{self, StorageError};

const PREFIX: &str = "pack/";

/// A pack being answered, kept in this browser's settings until the contribution is sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackDraft {
    pub pack: ReflectionPack,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub participant: Option<RecordId>,
    #[serde(default)]
    pub answers: Vec<ContributedAnswer>,
    pub opened_at: DateTime<Utc>,
}

pub fn key(reflection: RecordId) -> String {
    format!("{PREFIX}{reflection}")
}

pub async fn load_draft(reflection: RecordId) -> Result<Option<PackDraft>, StorageError> {
    let store = storage::shared().await?;
    Ok(store
        .get_setting(&key(reflection))
        .await?
        .and_then(|text| serde_json::from_str(&text).ok()))
}

pub async fn store_draft(draft: &PackDraft) -> Result<(), StorageError> {
    let store = storage::shared().await?;
    let text = serde_json::to_string(draft).expect("a draft always serialises");
    store
        .put_setting(&key(draft.pack.reflection.id), &text)
        .await
}

/// Keeps an opened pack, with any answers already given to an earlier copy of it.
pub async fn save_pack_draft(pack: &ReflectionPack) -> Result<(), StorageError> {
    let draft = match load_draft(pack.reflection.id).await? {
        Some(existing) => PackDraft {
            pack: pack.clone(),
            ..existing
        },
        None => PackDraft {
            pack: pack.clone(),
            role: String::new(),
            participant: None,
            answers: Vec::new(),
            opened_at: clock::now(),
        },
    };
    store_draft(&draft).await
}

/// The packs being answered in this browser: (reflection id, reflection title, review title).
pub async fn list_packs() -> Result<Vec<(RecordId, String, String)>, StorageError> {
    let store = storage::shared().await?;
    Ok(store
        .settings_with_prefix(PREFIX)
        .await?
        .into_iter()
        .filter_map(|(_, text)| serde_json::from_str::<PackDraft>(&text).ok())
        .map(|d| {
            (
                d.pack.reflection.id,
                d.pack.reflection.title.clone(),
                d.pack.review_title.clone(),
            )
        })
        .collect())
}

/// Removes a pack and the answers given to it from this browser.
pub async fn remove_draft(reflection: RecordId) -> Result<(), StorageError> {
    let store = storage::shared().await?;
    store.delete_setting(&key(reflection)).await
}
