//! The identifier watchlist's record: salted hashes only, kept in this browser and never written
//! to a file. Adding to it and checking text against it is `crate::anonymise::watchlist`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::record;
use crate::ids::RecordId;
use crate::record::RecordKind;

/// One entry: its hash and how many words it had (so the person can tell entries apart
/// without the words themselves).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchEntry {
    pub id: RecordId,
    /// Hex SHA-256 of the salt and the normalised words.
    pub hash: String,
    pub words: usize,
    pub added_at: DateTime<Utc>,
}

/// A review's watchlist. One per review; it stays in this browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Watchlist {
    pub id: RecordId,
    /// Random, made when the watchlist is, so the same name hashes differently in each review.
    pub salt: String,
    #[serde(default)]
    pub entries: Vec<WatchEntry>,
    pub updated_at: DateTime<Utc>,
}
record!(Watchlist, RecordKind::Watchlist, watchlists);
