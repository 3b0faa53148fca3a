//! The working content of a review (DOMAIN.md sections 3, 4 and 6): the people and agencies
//! register, the chronology, key practice episodes, reflections, the systems-factor map, the
//! findings, the action plan, the briefing and the identifier watchlist.
//!
//! Each item is a *record* ([`crate::record`]) with a stable id and an `updated_at`, stored on
//! its own so that an edit saves only what changed, and so that copies of a review can be merged
//! record by record. Each kind's module holds the record, its links and its form's rules;
//! [`kinds`] binds every [`RecordKind`] to its type, and everything done to every kind goes
//! through it.

pub mod actions;
pub mod briefing;
pub mod chronology;
pub mod episodes;
pub mod event_date;
pub mod findings;
pub mod kinds;
pub mod people;
pub mod reflections;
pub mod systems_map;
pub mod templates;
pub mod watchlist;

use serde::{Deserialize, Serialize};

use crate::ids::RecordId;
pub use crate::record::{Change, Record, RecordKind};
pub use actions::{Action, ActionForm, ActionStatus};
pub use briefing::{Briefing, BriefingLayout, BriefingSection, CheckRecord, Dismissal};
pub use chronology::{ChronologyEvent, EventDate, Seen};
pub use episodes::{Episode, PracticeKind};
pub use findings::{Finding, FindingForm, FindingKind};
pub use kinds::{encode_from, for_each_kind, load_record, EachKind, KindFn};
pub use people::{Agency, Participation, Person, PersonKind};
pub use reflections::{
    Participant, Prompt, Reflection, ReflectionEvent, ReflectionTemplate, Response,
};
pub use systems_map::{MapLink, MapNode};
pub use watchlist::Watchlist;

/// A record as the content holds it: where its kind's records are.
pub trait ContentRecord: Record {
    /// The name of this kind's list in the content and in files: "events".
    const LIST: &'static str;
    /// This kind's records in `content`.
    fn all(content: &ReviewContent) -> &Vec<Self>;
    /// This kind's records in `content`, to change.
    fn all_mut(content: &mut ReviewContent) -> &mut Vec<Self>;
}

/// Implements [`Record`] and [`ContentRecord`] for a struct with `id` and `updated_at` fields,
/// kept in `content.$field`, with its links (`links(record, links) { … }`, see
/// [`crate::record::Links`]) and the parts of it others link to (`parts(record, each) { … }`).
macro_rules! record {
    ($type:ty, $kind:expr, $field:ident
        $(, links($record:ident, $links:ident) $links_body:block)?
        $(, parts($whole:ident, $each:ident) $parts_body:block)?
    ) => {
        impl $crate::record::Record for $type {
            const KIND: $crate::record::RecordKind = $kind;
            fn id(&self) -> $crate::ids::RecordId {
                self.id
            }
            fn set_id(&mut self, id: $crate::ids::RecordId) {
                self.id = id;
            }
            fn updated_at(&self) -> chrono::DateTime<chrono::Utc> {
                self.updated_at
            }
            fn touch(&mut self, at: chrono::DateTime<chrono::Utc>) {
                self.updated_at = at;
            }
            $(
                fn links(&mut self, $links: &mut $crate::record::Links<'_>) {
                    let $record = self;
                    $links_body
                }
            )?
            $(
                fn parts(&mut self, $each: &mut dyn FnMut(&mut $crate::ids::RecordId)) {
                    let $whole = self;
                    $parts_body
                }
            )?
        }
        impl $crate::content::ContentRecord for $type {
            const LIST: &'static str = stringify!($field);
            fn all(content: &$crate::content::ReviewContent) -> &Vec<Self> {
                &content.$field
            }
            fn all_mut(content: &mut $crate::content::ReviewContent) -> &mut Vec<Self> {
                &mut content.$field
            }
        }
    };
}
pub(crate) use record;

/// Everything a review holds besides its own details and lifecycle.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewContent {
    pub agencies: Vec<Agency>,
    pub people: Vec<Person>,
    pub events: Vec<ChronologyEvent>,
    pub episodes: Vec<Episode>,
    /// The review's own reflection templates (copies of built-in ones, edited).
    pub templates: Vec<ReflectionTemplate>,
    pub reflections: Vec<Reflection>,
    pub responses: Vec<Response>,
    /// The systems-factor map's nodes and links.
    pub map_nodes: Vec<MapNode>,
    pub map_links: Vec<MapLink>,
    pub findings: Vec<Finding>,
    pub actions: Vec<Action>,
    pub briefings: Vec<Briefing>,
    /// At most one: the review's identifier watchlist (hashes only).
    pub watchlists: Vec<Watchlist>,
}

impl ReviewContent {
    /// The record of type `T` with `id`.
    pub fn get<T: ContentRecord>(&self, id: RecordId) -> Option<&T> {
        T::all(self).iter().find(|r| r.id() == id)
    }

    /// Adds a record, or replaces the one with the same id.
    pub fn put<T: ContentRecord>(&mut self, record: T) {
        let all = T::all_mut(self);
        match all.iter_mut().find(|r| r.id() == record.id()) {
            Some(existing) => *existing = record,
            None => all.push(record),
        }
    }

    /// Removes the record of type `T` with `id`, returning it.
    pub fn remove<T: ContentRecord>(&mut self, id: RecordId) -> Option<T> {
        let all = T::all_mut(self);
        let index = all.iter().position(|r| r.id() == id)?;
        Some(all.remove(index))
    }

    /// Every record, as puts, in load order: what storing the whole content writes.
    pub fn every_record(&self) -> Vec<Change> {
        RecordKind::ALL
            .into_iter()
            .flat_map(|kind| {
                self.ids_of(kind)
                    .into_iter()
                    .map(move |id| Change::Put(kind, id))
            })
            .collect()
    }

    /// The name of an agency, or "" when there is none.
    pub fn agency_name(&self, id: Option<RecordId>) -> &str {
        id.and_then(|id| self.get::<Agency>(id))
            .map(|a| a.name.as_str())
            .unwrap_or("")
    }

    /// The label of a person in the register, or "" when there is none.
    pub fn person_label(&self, id: Option<RecordId>) -> &str {
        id.and_then(|id| self.get::<Person>(id))
            .map(|p| p.label.as_str())
            .unwrap_or("")
    }
}

/// Trims a text field; used by every form in the content.
pub(crate) fn tidy(text: &str) -> String {
    text.trim().to_owned()
}
