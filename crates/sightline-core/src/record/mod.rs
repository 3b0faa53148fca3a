//! The record kernel: what every kind of record in a review's content has in common.
//!
//! A record has a stable id and the time it last changed, and it may link to other records.
//! Its links are declared once, beside the record ([`Record::links`]), as what kind of record
//! each field points at and what happens to the link when that record is not there. Removing
//! a record with what points at it, giving a copied review new ids, renumbering and repairing a
//! damaged file all walk the links through [`Links`], so none of them keeps its own list of
//! "which field of which kind points where". The kinds themselves are [`RecordKind::ALL`]; the
//! content binds each kind to its type (`crate::content::kinds`).

pub mod codec;
mod links;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::ids::RecordId;
pub use codec::{
    decode_record, decode_review, decode_summary, encode_record, encode_review, encode_summary,
    RecordError, RECORD_VERSION,
};
pub use links::{Link, LinkRule, Links};

/// Declares [`RecordKind`] and [`RecordKind::ALL`] from one list, so the two cannot disagree.
macro_rules! record_kinds {
    ($( $(#[$doc:meta])* $variant:ident => $key:literal, )*) => {
        /// The kinds of record a review holds.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum RecordKind {
            $( $(#[$doc])* $variant, )*
        }

        impl RecordKind {
            /// Every kind, in the order they are loaded (records refer to kinds earlier in the
            /// list, except the map's evidence and the learning's citations, which are checked
            /// once everything is read).
            pub const ALL: [RecordKind; [$(stringify!($variant)),*].len()] =
                [$(RecordKind::$variant),*];

            /// The kind's name in storage keys: "event".
            pub fn key(self) -> &'static str {
                match self {
                    $(RecordKind::$variant => $key,)*
                }
            }
        }
    };
}

record_kinds! {
    Agency => "agency",
    Person => "person",
    Event => "event",
    Episode => "episode",
    Template => "template",
    Reflection => "reflection",
    Response => "response",
    MapNode => "map_node",
    MapLink => "map_link",
    Finding => "finding",
    Action => "action",
    Briefing => "briefing",
    /// The identifier watchlist: kept in this browser only, never written to a file.
    Watchlist => "watchlist",
}

impl RecordKind {
    /// Finds a kind by its [`key`](Self::key).
    pub fn from_key(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether review files carry this kind. The watchlist stays in the browser that made it.
    pub fn in_files(self) -> bool {
        self != RecordKind::Watchlist
    }
}

/// A record of a review's content.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static {
    /// Which kind of record this is.
    const KIND: RecordKind;
    /// The record's id.
    fn id(&self) -> RecordId;
    /// Gives the record another id (a copy, or a duplicate in a damaged file).
    fn set_id(&mut self, id: RecordId);
    /// When the record last changed.
    fn updated_at(&self) -> DateTime<Utc>;
    /// Marks the record as changed at `at`.
    fn touch(&mut self, at: DateTime<Utc>);
    /// Shows `links` every link this record holds to another record.
    fn links(&mut self, links: &mut Links<'_>) {
        let _ = links;
    }
    /// Calls `each` with the id of every part this record owns that other records point at
    /// (a framework's questions, a reflection's participants).
    fn parts(&mut self, each: &mut dyn FnMut(&mut RecordId)) {
        let _ = each;
    }
}

/// A record that an edit wrote or removed, for storage to follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    Put(RecordKind, RecordId),
    Removed(RecordKind, RecordId),
}

/// Every link `record` holds, as (kind pointed at, id). Parts of other records (a question of
/// a framework) are left out.
pub fn links_of<T: Record>(record: &T) -> Vec<(RecordKind, RecordId)> {
    let mut found = Vec::new();
    let mut copy = record.clone();
    copy.links(&mut Links::new(&mut |link: Link<'_>| {
        if link.rule != LinkRule::Part {
            found.push((link.to, *link.id));
        }
        true
    }));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_key_and_is_found_by_it() {
        let keys: std::collections::BTreeSet<_> = RecordKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(keys.len(), RecordKind::ALL.len());
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(RecordKind::from_key("nothing"), None);
    }
}
