//! The working content of a review (DOMAIN.md section 3): the people and agencies register,
//! the chronology, key practice episodes and reflections.
//!
//! Each item is a *record* with a stable id and an `updated_at`, stored on its own so that an
//! edit saves only what changed, and so that copies of a review can later be merged record by
//! record.

pub mod chronology;
pub mod episodes;
pub mod people;
pub mod reflections;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::anonymise::Watchlist;
use crate::ids::RecordId;
use crate::learning::{Action, Briefing, Finding};
use crate::map::{EvidenceKind, MapLink, MapNode};
pub use chronology::{ChronologyEvent, EventDate, Seen};
pub use episodes::{Episode, PracticeKind};
pub use people::{Agency, Participation, Person, PersonKind};
pub use reflections::{
    Participant, Prompt, Reflection, ReflectionEvent, ReflectionTemplate, Response,
};

/// The kinds of record a review holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Agency,
    Person,
    Event,
    Episode,
    Template,
    Reflection,
    Response,
    MapNode,
    MapLink,
    Finding,
    Action,
    Briefing,
    /// The identifier watchlist: kept in this browser only, never written to a file.
    Watchlist,
}

impl RecordKind {
    /// Every kind, in the order they are loaded (records refer to kinds earlier in the list).
    pub const ALL: [RecordKind; 13] = [
        RecordKind::Agency,
        RecordKind::Person,
        RecordKind::Event,
        RecordKind::Episode,
        RecordKind::Template,
        RecordKind::Reflection,
        RecordKind::Response,
        RecordKind::MapNode,
        RecordKind::MapLink,
        RecordKind::Finding,
        RecordKind::Action,
        RecordKind::Briefing,
        RecordKind::Watchlist,
    ];

    /// The kind's name in storage keys: "event".
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Agency => "agency",
            RecordKind::Person => "person",
            RecordKind::Event => "event",
            RecordKind::Episode => "episode",
            RecordKind::Template => "template",
            RecordKind::Reflection => "reflection",
            RecordKind::Response => "response",
            RecordKind::MapNode => "map_node",
            RecordKind::MapLink => "map_link",
            RecordKind::Finding => "finding",
            RecordKind::Action => "action",
            RecordKind::Briefing => "briefing",
            RecordKind::Watchlist => "watchlist",
        }
    }

    /// Finds a kind by its [`key`](Self::key).
    pub fn from_key(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A record of a review's content.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static {
    /// Which kind of record this is.
    const KIND: RecordKind;
    /// The record's id.
    fn id(&self) -> RecordId;
    /// Marks the record as changed at `at`.
    fn touch(&mut self, at: DateTime<Utc>);
    /// This kind's records in `content`.
    fn all(content: &ReviewContent) -> &Vec<Self>;
    /// This kind's records in `content`, to change.
    fn all_mut(content: &mut ReviewContent) -> &mut Vec<Self>;
}

/// Implements [`Record`] for a struct with `id` and `updated_at` fields.
macro_rules! record {
    ($type:ty, $kind:expr, $field:ident) => {
        impl $crate::content::Record for $type {
            const KIND: $crate::content::RecordKind = $kind;
            fn id(&self) -> $crate::ids::RecordId {
                self.id
            }
            fn touch(&mut self, at: chrono::DateTime<chrono::Utc>) {
                self.updated_at = at;
            }
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

/// A record that an edit wrote or removed, for storage to follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    Put(RecordKind, RecordId),
    Removed(RecordKind, RecordId),
}

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
    pub fn get<T: Record>(&self, id: RecordId) -> Option<&T> {
        T::all(self).iter().find(|r| r.id() == id)
    }

    /// Adds a record, or replaces the one with the same id.
    pub fn put<T: Record>(&mut self, record: T) {
        let all = T::all_mut(self);
        match all.iter_mut().find(|r| r.id() == record.id()) {
            Some(existing) => *existing = record,
            None => all.push(record),
        }
    }

    /// Removes the record of type `T` with `id`, returning it.
    pub fn remove<T: Record>(&mut self, id: RecordId) -> Option<T> {
        let all = T::all_mut(self);
        let index = all.iter().position(|r| r.id() == id)?;
        Some(all.remove(index))
    }

    /// Removes the record of `kind` with `id` and nothing else (see `remove_with_references`
    /// for removing what points at it too). Returns whether it was there.
    pub fn remove_record(&mut self, kind: RecordKind, id: RecordId) -> bool {
        match kind {
            RecordKind::Agency => self.remove::<Agency>(id).is_some(),
            RecordKind::Person => self.remove::<Person>(id).is_some(),
            RecordKind::Event => self.remove::<ChronologyEvent>(id).is_some(),
            RecordKind::Episode => self.remove::<Episode>(id).is_some(),
            RecordKind::Template => self.remove::<ReflectionTemplate>(id).is_some(),
            RecordKind::Reflection => self.remove::<Reflection>(id).is_some(),
            RecordKind::Response => self.remove::<Response>(id).is_some(),
            RecordKind::MapNode => self.remove::<MapNode>(id).is_some(),
            RecordKind::MapLink => self.remove::<MapLink>(id).is_some(),
            RecordKind::Finding => self.remove::<Finding>(id).is_some(),
            RecordKind::Action => self.remove::<Action>(id).is_some(),
            RecordKind::Briefing => self.remove::<Briefing>(id).is_some(),
            RecordKind::Watchlist => self.remove::<Watchlist>(id).is_some(),
        }
    }

    /// How many records of each kind, for summaries.
    pub fn count(&self, kind: RecordKind) -> usize {
        match kind {
            RecordKind::Agency => self.agencies.len(),
            RecordKind::Person => self.people.len(),
            RecordKind::Event => self.events.len(),
            RecordKind::Episode => self.episodes.len(),
            RecordKind::Template => self.templates.len(),
            RecordKind::Reflection => self.reflections.len(),
            RecordKind::Response => self.responses.len(),
            RecordKind::MapNode => self.map_nodes.len(),
            RecordKind::MapLink => self.map_links.len(),
            RecordKind::Finding => self.findings.len(),
            RecordKind::Action => self.actions.len(),
            RecordKind::Briefing => self.briefings.len(),
            RecordKind::Watchlist => self.watchlists.len(),
        }
    }

    /// The ids of every record of `kind`.
    pub fn ids_of(&self, kind: RecordKind) -> Vec<RecordId> {
        fn ids<T: Record>(all: &[T]) -> Vec<RecordId> {
            all.iter().map(Record::id).collect()
        }
        match kind {
            RecordKind::Agency => ids(&self.agencies),
            RecordKind::Person => ids(&self.people),
            RecordKind::Event => ids(&self.events),
            RecordKind::Episode => ids(&self.episodes),
            RecordKind::Template => ids(&self.templates),
            RecordKind::Reflection => ids(&self.reflections),
            RecordKind::Response => ids(&self.responses),
            RecordKind::MapNode => ids(&self.map_nodes),
            RecordKind::MapLink => ids(&self.map_links),
            RecordKind::Finding => ids(&self.findings),
            RecordKind::Action => ids(&self.actions),
            RecordKind::Briefing => ids(&self.briefings),
            RecordKind::Watchlist => ids(&self.watchlists),
        }
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

    /// Removes a record and every reference to it from other records, so nothing points at a
    /// record that no longer exists. Returns every record this changed or removed (the record
    /// itself included), so that storage can follow.
    pub fn remove_with_references(
        &mut self,
        kind: RecordKind,
        id: RecordId,
        at: DateTime<Utc>,
    ) -> Vec<Change> {
        let mut changed = vec![Change::Removed(kind, id)];
        let mut note = |k: RecordKind, r: RecordId| changed.push(Change::Put(k, r));
        match kind {
            RecordKind::Agency => {
                self.remove::<Agency>(id);
                for person in &mut self.people {
                    if person.agency == Some(id) {
                        person.agency = None;
                        person.updated_at = at;
                        note(RecordKind::Person, person.id);
                    }
                }
                for event in &mut self.events {
                    if event.agency == Some(id) {
                        event.agency = None;
                        event.updated_at = at;
                        note(RecordKind::Event, event.id);
                    }
                }
            }
            RecordKind::Person => {
                self.remove::<Person>(id);
                for event in &mut self.events {
                    if event.person == Some(id) {
                        event.person = None;
                        event.updated_at = at;
                        note(RecordKind::Event, event.id);
                    }
                }
                for reflection in &mut self.reflections {
                    let mut touched = false;
                    for participant in &mut reflection.participants {
                        if participant.person == Some(id) {
                            participant.person = None;
                            touched = true;
                        }
                    }
                    if touched {
                        reflection.updated_at = at;
                        note(RecordKind::Reflection, reflection.id);
                    }
                }
            }
            RecordKind::Event => {
                self.remove::<ChronologyEvent>(id);
                for episode in &mut self.episodes {
                    if episode.events.contains(&id) {
                        episode.events.retain(|e| *e != id);
                        episode.updated_at = at;
                        note(RecordKind::Episode, episode.id);
                    }
                }
                for response in &mut self.responses {
                    if response.events.contains(&id) {
                        response.events.retain(|e| *e != id);
                        response.updated_at = at;
                        note(RecordKind::Response, response.id);
                    }
                }
            }
            RecordKind::Episode => {
                self.remove::<Episode>(id);
                for response in &mut self.responses {
                    if response.episodes.contains(&id) {
                        response.episodes.retain(|e| *e != id);
                        response.updated_at = at;
                        note(RecordKind::Response, response.id);
                    }
                }
            }
            RecordKind::Template => {
                self.remove::<ReflectionTemplate>(id);
            }
            RecordKind::Reflection => {
                self.remove::<Reflection>(id);
                let gone: Vec<RecordId> = self
                    .responses
                    .iter()
                    .filter(|r| r.reflection == id)
                    .map(|r| r.id)
                    .collect();
                for response in gone {
                    self.remove::<Response>(response);
                    changed.push(Change::Removed(RecordKind::Response, response));
                }
            }
            RecordKind::Response => {
                self.remove::<Response>(id);
            }
            RecordKind::MapNode => {
                self.remove::<MapNode>(id);
                let gone: Vec<RecordId> = self
                    .map_links
                    .iter()
                    .filter(|l| l.from == id || l.to == id)
                    .map(|l| l.id)
                    .collect();
                for link in gone {
                    self.remove::<MapLink>(link);
                    changed.push(Change::Removed(RecordKind::MapLink, link));
                }
            }
            RecordKind::MapLink => {
                self.remove::<MapLink>(id);
            }
            RecordKind::Finding => {
                self.remove::<Finding>(id);
                for action in &mut self.actions {
                    if action.finding == Some(id) {
                        action.finding = None;
                        action.updated_at = at;
                        changed.push(Change::Put(RecordKind::Action, action.id));
                    }
                }
            }
            RecordKind::Action => {
                self.remove::<Action>(id);
            }
            RecordKind::Briefing => {
                self.remove::<Briefing>(id);
            }
            RecordKind::Watchlist => {
                self.remove::<Watchlist>(id);
            }
        }
        // Findings cite episodes, map nodes and reflections.
        for finding in &mut self.findings {
            let list = match kind {
                RecordKind::Episode => &mut finding.episodes,
                RecordKind::MapNode => &mut finding.map_nodes,
                RecordKind::Reflection => &mut finding.reflections,
                _ => continue,
            };
            if list.contains(&id) {
                list.retain(|x| *x != id);
                finding.updated_at = at;
                changed.push(Change::Put(RecordKind::Finding, finding.id));
            }
        }
        // An agency named as an action's owner.
        if kind == RecordKind::Agency {
            for action in &mut self.actions {
                if action.owner_agency == Some(id) {
                    action.owner_agency = None;
                    action.updated_at = at;
                    changed.push(Change::Put(RecordKind::Action, action.id));
                }
            }
        }
        // Map nodes cite episodes, events and reflections as evidence.
        let cited = match kind {
            RecordKind::Episode => Some(EvidenceKind::Episode),
            RecordKind::Event => Some(EvidenceKind::Event),
            RecordKind::Reflection => Some(EvidenceKind::Reflection),
            _ => None,
        };
        if let Some(evidence_kind) = cited {
            for node in &mut self.map_nodes {
                let before = node.evidence.len();
                node.evidence
                    .retain(|e| !(e.kind == evidence_kind && e.id == id));
                if node.evidence.len() != before {
                    node.updated_at = at;
                    changed.push(Change::Put(RecordKind::MapNode, node.id));
                }
            }
        }
        changed
    }
}

/// Trims a text field; used by every form in the content.
pub(crate) fn tidy(text: &str) -> String {
    text.trim().to_owned()
}
