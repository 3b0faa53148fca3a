//! The one place that binds each [`RecordKind`] to its type, and the operations every kind goes
//! through because of it: counting, listing, removing with what points at it, storage, and
//! walking every record's links.
//!
//! Adding a kind of record is: its struct with `record!` (and its links) in its own module, a
//! variant in `crate::record`'s list, and one arm in [`RecordKind::with`] (the compiler asks
//! for it). Merging, renumbering, relinking, removal, summaries and storage then follow, and
//! the tests at the end prove every kind goes through each.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use super::*;
use crate::record::{decode_record, encode_record, Link, LinkRule, Links, RecordError};

/// Something to do with one kind of record, given its type: `kind.with(f)` calls
/// `f.call::<T>()` with `T` the kind's type.
pub trait KindFn {
    type Output;
    fn call<T: ContentRecord>(self) -> Self::Output;
}

/// Something to do with every kind of record in turn ([`for_each_kind`]).
pub trait EachKind {
    fn kind<T: ContentRecord>(&mut self);
}

impl RecordKind {
    /// Calls `f` with this kind's type.
    pub fn with<F: KindFn>(self, f: F) -> F::Output {
        match self {
            RecordKind::Agency => f.call::<Agency>(),
            RecordKind::Person => f.call::<Person>(),
            RecordKind::Event => f.call::<ChronologyEvent>(),
            RecordKind::Episode => f.call::<Episode>(),
            RecordKind::Template => f.call::<ReflectionTemplate>(),
            RecordKind::Reflection => f.call::<Reflection>(),
            RecordKind::Response => f.call::<Response>(),
            RecordKind::MapNode => f.call::<MapNode>(),
            RecordKind::MapLink => f.call::<MapLink>(),
            RecordKind::Finding => f.call::<Finding>(),
            RecordKind::Action => f.call::<Action>(),
            RecordKind::Briefing => f.call::<Briefing>(),
            RecordKind::Watchlist => f.call::<Watchlist>(),
        }
    }
}

/// Calls `each.kind::<T>()` for every kind, in [`RecordKind::ALL`]'s order.
pub fn for_each_kind(each: &mut impl EachKind) {
    struct One<'a, E>(&'a mut E);
    impl<E: EachKind> KindFn for One<'_, E> {
        type Output = ();
        fn call<T: ContentRecord>(self) {
            self.0.kind::<T>();
        }
    }
    for kind in RecordKind::ALL {
        kind.with(One(each));
    }
}

/// A record by kind and id.
type RecordRef = (RecordKind, RecordId);

/// What [`walk_links`] asks about each link: given the holder's kind and id, is it there?
type Visit<'v> = dyn FnMut(RecordKind, RecordId, Link<'_>) -> bool + 'v;

/// Calls `visit` for every link of every record of every kind, with the kind and id of the
/// record holding it, letting it change or drop links by their rules. Returns the records whose
/// links changed and those that lost a [`LinkRule::Required`] link (which the caller removes).
fn walk_links(
    content: &mut ReviewContent,
    visit: &mut Visit<'_>,
) -> (Vec<RecordRef>, Vec<RecordRef>) {
    struct Walk<'a, 'v> {
        content: &'a mut ReviewContent,
        visit: &'a mut Visit<'v>,
        changed: Vec<RecordRef>,
        orphaned: Vec<RecordRef>,
    }
    impl EachKind for Walk<'_, '_> {
        fn kind<T: ContentRecord>(&mut self) {
            for record in T::all_mut(self.content) {
                let holder = record.id();
                let visit = &mut *self.visit;
                let mut see = |link: Link<'_>| visit(T::KIND, holder, link);
                let mut links = Links::new(&mut see);
                record.links(&mut links);
                if links.orphaned() {
                    self.orphaned.push((T::KIND, holder));
                } else if links.changed() {
                    self.changed.push((T::KIND, holder));
                }
            }
        }
    }
    let mut walk = Walk {
        content,
        visit,
        changed: Vec::new(),
        orphaned: Vec::new(),
    };
    for_each_kind(&mut walk);
    (walk.changed, walk.orphaned)
}

/// The name of `kind`'s list in the content and in files: "events".
pub fn list_name(kind: RecordKind) -> &'static str {
    struct List;
    impl KindFn for List {
        type Output = &'static str;
        fn call<T: ContentRecord>(self) -> &'static str {
            T::LIST
        }
    }
    kind.with(List)
}

impl ReviewContent {
    /// Removes the record of `kind` with `id` and nothing else (see `remove_with_references`
    /// for removing what points at it too). Returns whether it was there.
    pub fn remove_record(&mut self, kind: RecordKind, id: RecordId) -> bool {
        struct Remove<'a>(&'a mut ReviewContent, RecordId);
        impl KindFn for Remove<'_> {
            type Output = bool;
            fn call<T: ContentRecord>(self) -> bool {
                self.0.remove::<T>(self.1).is_some()
            }
        }
        kind.with(Remove(self, id))
    }

    /// How many records of `kind`, for summaries.
    pub fn count(&self, kind: RecordKind) -> usize {
        struct Count<'a>(&'a ReviewContent);
        impl KindFn for Count<'_> {
            type Output = usize;
            fn call<T: ContentRecord>(self) -> usize {
                T::all(self.0).len()
            }
        }
        kind.with(Count(self))
    }

    /// The ids of every record of `kind`.
    pub fn ids_of(&self, kind: RecordKind) -> Vec<RecordId> {
        struct Ids<'a>(&'a ReviewContent);
        impl KindFn for Ids<'_> {
            type Output = Vec<RecordId>;
            fn call<T: ContentRecord>(self) -> Vec<RecordId> {
                T::all(self.0).iter().map(Record::id).collect()
            }
        }
        kind.with(Ids(self))
    }

    /// Whether a record of `kind` with `id` is here.
    pub fn contains(&self, kind: RecordKind, id: RecordId) -> bool {
        self.ids_of(kind).contains(&id)
    }

    /// Every record's id, by kind, for checking links in bulk.
    pub fn all_ids(&self) -> HashMap<RecordKind, BTreeSet<RecordId>> {
        RecordKind::ALL
            .into_iter()
            .map(|kind| (kind, self.ids_of(kind).into_iter().collect()))
            .collect()
    }

    /// Removes a record and every reference to it from other records, so nothing points at a
    /// record that no longer exists: optional links are emptied, lists lose it, and a record
    /// that cannot be without it (an answer without its reflection) goes too. Returns every
    /// record this changed or removed (the record itself first), so that storage can follow.
    pub fn remove_with_references(
        &mut self,
        kind: RecordKind,
        id: RecordId,
        at: DateTime<Utc>,
    ) -> Vec<Change> {
        self.remove_record(kind, id);
        let mut changes = vec![Change::Removed(kind, id)];
        let (changed, orphaned) = walk_links(self, &mut |_, _, link| {
            !(link.to == kind && *link.id == id)
                || matches!(link.rule, LinkRule::BuiltIn | LinkRule::Part)
        });
        for (holder, holder_id) in changed {
            self.touch_record(holder, holder_id, at);
            changes.push(Change::Put(holder, holder_id));
        }
        for (holder, holder_id) in orphaned {
            for change in self.remove_with_references(holder, holder_id, at) {
                if !changes.contains(&change) {
                    changes.push(change);
                }
            }
        }
        changes
    }

    /// Marks the record of `kind` with `id` as changed at `at`.
    fn touch_record(&mut self, kind: RecordKind, id: RecordId, at: DateTime<Utc>) {
        struct Touch<'a>(&'a mut ReviewContent, RecordId, DateTime<Utc>);
        impl KindFn for Touch<'_> {
            type Output = ();
            fn call<T: ContentRecord>(self) {
                if let Some(record) = T::all_mut(self.0).iter_mut().find(|r| r.id() == self.1) {
                    record.touch(self.2);
                }
            }
        }
        kind.with(Touch(self, id, at));
    }

    /// Changes every link of every record with `relink` (given the kind of the record that
    /// holds the link), keeping every link.
    pub fn relink(&mut self, relink: &mut dyn FnMut(RecordKind, Link<'_>)) {
        walk_links(self, &mut |holder, _, link| {
            relink(holder, link);
            true
        });
    }

    /// Every link every record holds, for finding what points at a record.
    pub fn every_link(&self) -> Vec<FoundLink> {
        let mut found = Vec::new();
        walk_links(&mut self.clone(), &mut |holder, holder_id, link| {
            found.push(FoundLink {
                holder,
                holder_id,
                to: link.to,
                rule: link.rule,
                id: *link.id,
            });
            true
        });
        found
    }

    /// Drops every link to a record that is not here, by its rule, and removes the records that
    /// cannot be without what they linked to. Built-in links and parts are left to the caller.
    /// Returns each link dropped.
    pub fn drop_dangling_links(&mut self) -> Vec<DanglingLink> {
        let there = self.all_ids();
        let mut dropped: Vec<DanglingLink> = Vec::new();
        let (_, orphaned) = walk_links(self, &mut |holder, holder_id, link| {
            let exists = matches!(link.rule, LinkRule::BuiltIn | LinkRule::Part)
                || there.get(&link.to).is_some_and(|ids| ids.contains(link.id));
            if !exists {
                dropped.push(DanglingLink {
                    holder,
                    holder_id,
                    to: link.to,
                    removed: link.rule == LinkRule::Required,
                });
            }
            exists
        });
        for (kind, id) in orphaned {
            self.remove_record(kind, id);
        }
        dropped
    }
}

/// A link one record holds ([`ReviewContent::every_link`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundLink {
    /// The kind and id of the record holding the link.
    pub holder: RecordKind,
    pub holder_id: RecordId,
    /// The kind of record pointed at (for a part, the record it is a part of), and its id.
    pub to: RecordKind,
    pub rule: LinkRule,
    pub id: RecordId,
}

/// A link to a record that was not there, which [`ReviewContent::drop_dangling_links`] dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DanglingLink {
    /// The kind and id of the record that held the link.
    pub holder: RecordKind,
    pub holder_id: RecordId,
    /// The kind of record it pointed at.
    pub to: RecordKind,
    /// Whether the holder was removed, because it could not be without the link.
    pub removed: bool,
}

/// Reads a stored record of `kind` and adds it to `content`.
pub fn load_record(
    content: &mut ReviewContent,
    kind: RecordKind,
    text: &str,
) -> Result<(), RecordError> {
    struct Load<'a>(&'a mut ReviewContent, &'a str);
    impl KindFn for Load<'_> {
        type Output = Result<(), RecordError>;
        fn call<T: ContentRecord>(self) -> Self::Output {
            self.0.put(decode_record::<T>(self.1)?);
            Ok(())
        }
    }
    kind.with(Load(content, text))
}

/// Writes the record of `kind` with `id` from `content`, or `None` if there is none.
pub fn encode_from(content: &ReviewContent, kind: RecordKind, id: RecordId) -> Option<String> {
    struct Encode<'a>(&'a ReviewContent, RecordId);
    impl KindFn for Encode<'_> {
        type Output = Option<String>;
        fn call<T: ContentRecord>(self) -> Option<String> {
            self.0.get::<T>(self.1).map(encode_record)
        }
    }
    kind.with(Encode(content, id))
}
