//! Bringing two copies of one review together.
//!
//! **Merge** matches records by id. A record only one copy has is kept. A record both copies
//! have but that differs is decided by when each copy changed it. Each copy knows when it last
//! agreed with the other: the review here keeps `synced_at` (stamped when it was exported or
//! imported), and the file says `based_on` (its maker's `synced_at` when they exported it). A
//! record changed since then on one side only takes that side's version. A record changed on
//! both sides, or where it cannot be told, is a *conflict*: both versions are shown and the
//! person picks one. Nothing is dropped: a record one copy deleted and the other kept stays.
//!
//! Each side's changes are compared with that side's own moment of agreement, so both times
//! come from the same computer's clock: two laptops whose clocks disagree cannot make a change
//! look older than the agreement and be overwritten. Disagreeing clocks can at worst turn an
//! unchanged record into a conflict, which the person settles.
//!
//! **Keep both** gives the incoming review and all its records new ids, so it sits beside the
//! one already here.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::describe::describe;
pub use super::describe::record_title;
use super::ReviewFile;
use crate::content::reflections::built_in_templates;
use crate::content::{
    for_each_kind, Change, ContentRecord, EachKind, KindFn, RecordKind, ReviewContent,
};
use crate::ids::{IdSource, RecordId};
use crate::record::LinkRule;
use crate::review::details::{apply_details, detail_fields, detail_label, detail_value_text};
use crate::review::Review;

/// Which copy's version to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The review already in this browser.
    Here,
    /// The review in the file.
    File,
}

/// What a conflict is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConflictSubject {
    /// One field of the review's own details, by its path (`crate::review::details`): `title`,
    /// `dates.decision_made`…
    Detail(String),
    Record(RecordKind, RecordId),
}

/// A record both copies changed, with both versions.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub subject: ConflictSubject,
    /// What it is: "Chronology event: 12 March 2025".
    pub label: String,
    /// The versions as people read them.
    pub here_text: String,
    pub file_text: String,
    here: Value,
    file: Value,
}

/// The result of matching two copies, before the person settles the conflicts.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    /// The merged review, with each conflict still at this browser's version.
    pub review: Review,
    pub content: ReviewContent,
    pub conflicts: Vec<Conflict>,
    /// Records the file adds.
    pub added: usize,
    /// Records the file's version replaces, because only the file changed them (the review's
    /// details count as one).
    pub updated: usize,
    /// When the file's copy changed each detail field, for a conflict settled its way.
    file_times: BTreeMap<String, DateTime<Utc>>,
    file_updated_at: DateTime<Utc>,
}

fn to_value<T: Serialize>(record: &T) -> Value {
    serde_json::to_value(record).expect("records always serialise")
}

/// Whether a copy changed a record since `base`; without a base, it cannot be told.
fn changed_since(updated_at: DateTime<Utc>, base: Option<DateTime<Utc>>) -> Option<bool> {
    base.map(|base| updated_at > base)
}

/// When each copy last agreed with the other, each by its own clock.
#[derive(Clone, Copy)]
struct Bases {
    here: Option<DateTime<Utc>>,
    file: Option<DateTime<Utc>>,
}

fn merge_kind<T: ContentRecord>(
    here: &ReviewContent,
    file: &ReviewContent,
    base: Bases,
    plan: &mut MergePlan,
) {
    let ours: HashMap<RecordId, &T> = T::all(here).iter().map(|r| (r.id(), r)).collect();
    for theirs in T::all(file) {
        match ours.get(&theirs.id()) {
            None => {
                T::all_mut(&mut plan.content).push(theirs.clone());
                plan.added += 1;
            }
            Some(mine) if *mine == theirs => {}
            Some(mine) => {
                let mine_changed = changed_since(mine.updated_at(), base.here);
                let theirs_changed = changed_since(theirs.updated_at(), base.file);
                match (mine_changed, theirs_changed) {
                    (Some(false), Some(true)) => {
                        plan.content.put(theirs.clone());
                        plan.updated += 1;
                    }
                    (Some(true), Some(false)) => {}
                    _ => {
                        let (here_value, file_value) = (to_value(*mine), to_value(theirs));
                        let (label, here_text) = describe(T::KIND, &here_value, here);
                        let (_, file_text) = describe(T::KIND, &file_value, file);
                        plan.conflicts.push(Conflict {
                            subject: ConflictSubject::Record(T::KIND, theirs.id()),
                            label,
                            here_text,
                            file_text,
                            here: here_value,
                            file: file_value,
                        });
                    }
                }
            }
        }
    }
}

/// The review's details, field by field: a field only one copy changed since they last agreed
/// takes that copy's value; a field both changed (or where it cannot be told) is a conflict
/// of its own, named by the field.
fn merge_details(here: &Review, file: &Review, base: Bases, plan: &mut MergePlan) {
    let (mine, theirs) = (detail_fields(here), detail_fields(file));
    let paths: BTreeSet<&String> = mine.keys().chain(theirs.keys()).collect();
    let mut take = Vec::new();
    for path in paths {
        let (my_value, their_value) = (mine.get(path), theirs.get(path));
        if my_value == their_value {
            continue;
        }
        match (
            changed_since(here.field_changed_at(path), base.here),
            changed_since(file.field_changed_at(path), base.file),
        ) {
            (Some(false), Some(true)) => take.push((path.clone(), their_value.cloned())),
            (Some(true), Some(false)) => {}
            _ => plan.conflicts.push(Conflict {
                subject: ConflictSubject::Detail(path.clone()),
                label: format!("The review\u{2019}s details: {}", detail_label(path)),
                here_text: detail_value_text(path, my_value),
                file_text: detail_value_text(path, their_value),
                here: my_value.cloned().unwrap_or(Value::Null),
                file: their_value.cloned().unwrap_or(Value::Null),
            }),
        }
    }
    let taken = apply_details(&mut plan.review, &take);
    for path in &taken {
        plan.review
            .field_changed_at
            .insert(path.clone(), file.field_changed_at(path));
    }
    if !taken.is_empty() {
        plan.review.updated_at = plan.review.updated_at.max(file.updated_at);
        plan.updated += 1;
    }
}

/// Matches the review `here` with the copy in `file`.
pub fn plan_merge(here: (&Review, &ReviewContent), file: &ReviewFile) -> MergePlan {
    let (review, content) = here;
    let base = Bases {
        here: review.synced_at,
        file: file.based_on,
    };
    let mut plan = MergePlan {
        review: review.clone(),
        content: content.clone(),
        conflicts: Vec::new(),
        added: 0,
        updated: 0,
        file_times: detail_fields(&file.review)
            .keys()
            .map(|path| (path.clone(), file.review.field_changed_at(path)))
            .collect(),
        file_updated_at: file.review.updated_at,
    };
    merge_details(review, &file.review, base, &mut plan);
    struct MergeEach<'a> {
        here: &'a ReviewContent,
        file: &'a ReviewContent,
        base: Bases,
        plan: &'a mut MergePlan,
    }
    impl EachKind for MergeEach<'_> {
        fn kind<T: ContentRecord>(&mut self) {
            if T::KIND.in_files() {
                merge_kind::<T>(self.here, self.file, self.base, self.plan);
            }
        }
    }
    for_each_kind(&mut MergeEach {
        here: content,
        file: &file.content,
        base,
        plan: &mut plan,
    });
    plan
}

/// Puts the record of `kind` that `value` holds into `content`.
fn put_value(content: &mut ReviewContent, kind: RecordKind, value: &Value) {
    struct Put<'a>(&'a mut ReviewContent, &'a Value);
    impl KindFn for Put<'_> {
        type Output = ();
        fn call<T: ContentRecord>(self) {
            if let Ok(record) = serde_json::from_value::<T>(self.1.clone()) {
                self.0.put(record);
            }
        }
    }
    kind.with(Put(content, value));
}

impl MergePlan {
    /// Settles each conflict with the chosen side (in the order of `conflicts`; a missing
    /// choice keeps this browser's version) and returns the merged review.
    ///
    /// The review keeps its own `synced_at`: after a merge this copy holds the file's changes,
    /// but the file's maker does not hold this copy's, so the two do not yet agree. Keeping
    /// the earlier moment lets a later file from the same person be merged without treating
    /// this copy's unsent changes as unchanged. Every record keeps the time it was last
    /// changed, wherever that was, so taking the file's version is not itself a change.
    pub fn resolve(mut self, choices: &[Side]) -> (Review, ReviewContent) {
        let mut details = Vec::new();
        for (conflict, side) in self.conflicts.iter().zip(choices) {
            if *side == Side::Here {
                continue;
            }
            match &conflict.subject {
                ConflictSubject::Detail(path) => {
                    let value = (!conflict.file.is_null()).then(|| conflict.file.clone());
                    details.push((path.clone(), value));
                }
                ConflictSubject::Record(kind, _) => {
                    put_value(&mut self.content, *kind, &conflict.file);
                }
            }
        }
        // The detail fields chosen go in together, so an entry's fields read as one.
        let taken = apply_details(&mut self.review, &details);
        for path in &taken {
            // The file's change is taken as it was made: when the file says.
            if let Some(at) = self.file_times.get(path).copied() {
                self.review.field_changed_at.insert(path.clone(), at);
            }
        }
        if !taken.is_empty() {
            self.review.updated_at = self.review.updated_at.max(self.file_updated_at);
        }
        (self.review, self.content)
    }
}

/// The records of `after` that differ from `before` or are new, for storage to write.
pub fn changed_records(before: &ReviewContent, after: &ReviewContent) -> Vec<Change> {
    struct Changed<'a> {
        before: &'a ReviewContent,
        after: &'a ReviewContent,
        out: Vec<Change>,
    }
    impl EachKind for Changed<'_> {
        fn kind<T: ContentRecord>(&mut self) {
            let old: HashMap<RecordId, &T> =
                T::all(self.before).iter().map(|r| (r.id(), r)).collect();
            for record in T::all(self.after) {
                if old.get(&record.id()) != Some(&record) {
                    self.out.push(Change::Put(T::KIND, record.id()));
                }
            }
        }
    }
    let mut changed = Changed {
        before,
        after,
        out: Vec::new(),
    };
    for_each_kind(&mut changed);
    changed.out
}

/// The review in `file` with a new id for it and every record in it (links follow), titled as
/// a copy, so it can sit beside the review already here.
pub fn with_new_ids(file: ReviewFile, ids: &mut dyn IdSource) -> ReviewFile {
    let ReviewFile {
        mut review,
        mut content,
        based_on,
    } = file;
    let built_in: Vec<RecordId> = built_in_templates().iter().map(|t| t.id).collect();
    // New ids for every record and its parts (questions, participants), kind by kind.
    struct Renumber<'a, 'i> {
        content: &'a mut ReviewContent,
        ids: &'i mut dyn IdSource,
        map: BTreeMap<RecordId, RecordId>,
    }
    impl Renumber<'_, '_> {
        fn fresh(&mut self, old: RecordId) -> RecordId {
            let ids = &mut *self.ids;
            *self.map.entry(old).or_insert_with(|| ids.record_id())
        }
    }
    impl EachKind for Renumber<'_, '_> {
        fn kind<T: ContentRecord>(&mut self) {
            let mut records = std::mem::take(T::all_mut(self.content));
            for record in &mut records {
                let id = self.fresh(record.id());
                record.set_id(id);
                record.parts(&mut |part| *part = self.fresh(*part));
            }
            *T::all_mut(self.content) = records;
        }
    }
    // A watchlist is never in a file; if one were, it stays with the review it came with.
    let mut renumber = Renumber {
        content: &mut content,
        ids,
        map: BTreeMap::new(),
    };
    for_each_kind(&mut renumber);
    let Renumber { map, ids, .. } = renumber;
    // Links follow; links to built-in templates stay as they are.
    content.relink(&mut |_, link| {
        let built_in_link = link.rule != LinkRule::Part && built_in.contains(link.id);
        if !built_in_link {
            if let Some(new) = map.get(link.id) {
                *link.id = *new;
            }
        }
    });
    review.id = ids.review_id();
    review.title = format!("{} (copy)", review.title);
    review.synced_at = None;
    ReviewFile {
        review,
        content,
        based_on,
    }
}
