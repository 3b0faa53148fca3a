//! The autosaver's bookkeeping, apart from the browser: which records wait to be saved, how
//! many changes are made and stored, whether a save is scheduled or under way, and what
//! happens when one succeeds or fails. Pure, so its rules are tested natively.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sightline_core::content::{Change, RecordKind};
use sightline_core::{RecordId, Review};

/// What happens to a content record at the next save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    Put,
    Delete,
}

/// The records a batch takes, each with what happens to it.
pub type Taken = BTreeMap<(RecordKind, RecordId), Pending>;

/// How many saves in a row may be refused because another tab saved first before the
/// session gives up and says so (each time it brings the other tab's changes in and retries).
pub const MAX_REBASES: u32 = 5;

/// The autosaver's state. `Q` is what a batch queued while a save is under way holds (in the
/// browser, the encoded records), with the records it took.
#[derive(Debug)]
pub struct AutosaveState<Q> {
    /// The stored review's revision, which the next save must replace.
    pub revision: u64,
    /// Changes made since the session opened.
    pub changes: u64,
    /// How many of those changes are stored.
    pub saved_changes: u64,
    /// Content records changed since the last batch was taken.
    pub pending: Taken,
    pub saving: bool,
    pub scheduled: bool,
    pub stopped: bool,
    /// A batch taken when the page was left while a save was under way.
    pub queued: Option<(Q, Taken)>,
    /// Whether a change since the last batch should stamp the review as changed.
    pub touch_pending: bool,
    /// When the review was last stamped as changed in this session. The stamp goes on the
    /// saved copy, not the signal, so it is kept here for saves that do not stamp.
    pub touched_at: Option<DateTime<Utc>>,
    /// The review's details as this tab last read or stored them, and when: what another
    /// tab's changes are told apart from this tab's by (see `sightline_core::sync`).
    pub base: Option<Review>,
    pub synced_at: Option<DateTime<Utc>>,
    /// Saves refused in a row because another tab had saved first.
    pub refused: u32,
    /// When this review's newest restore point was made: `None` until looked up.
    pub last_point: Option<Option<DateTime<Utc>>>,
    /// Whether an automatic restore point is being made.
    pub pointing: bool,
}

impl<Q> Default for AutosaveState<Q> {
    fn default() -> Self {
        Self {
            revision: 0,
            changes: 0,
            saved_changes: 0,
            pending: Taken::new(),
            saving: false,
            scheduled: false,
            stopped: false,
            queued: None,
            touch_pending: false,
            touched_at: None,
            base: None,
            synced_at: None,
            refused: 0,
            last_point: None,
            pointing: false,
        }
    }
}

/// What the autosaver does after noting a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Noted {
    /// The first change not yet stored: storage is told, so a crash can be reported.
    pub first_unsaved: bool,
    /// No save is scheduled: schedule one.
    pub schedule: bool,
}

/// What the autosaver does after a save succeeded.
#[derive(Debug, PartialEq, Eq)]
pub enum AfterSave<Q> {
    /// Send the batch queued while the save was under way.
    Queued(Q),
    /// Changes were made meanwhile: take them into a new batch and save it.
    TakeMore,
    /// Everything is stored (or the session stopped).
    Done,
}

impl<Q> AutosaveState<Q> {
    /// Whether there are changes not yet stored, in a session still open.
    pub fn has_unsaved_changes(&self) -> bool {
        !self.stopped && self.changes > self.saved_changes
    }

    /// Notes a change to `records` (`touch`: it stamps the review as changed). A record put
    /// and then removed before the save is removed; the newest change to a record wins.
    /// `None` once the session has stopped.
    pub fn note(
        &mut self,
        records: impl IntoIterator<Item = Change>,
        touch: bool,
    ) -> Option<Noted> {
        if self.stopped {
            return None;
        }
        let first_unsaved = self.changes == self.saved_changes;
        self.changes += 1;
        self.touch_pending |= touch;
        for change in records {
            match change {
                Change::Put(kind, id) => self.pending.insert((kind, id), Pending::Put),
                Change::Removed(kind, id) => self.pending.insert((kind, id), Pending::Delete),
            };
        }
        let schedule = !self.scheduled;
        self.scheduled = true;
        Some(Noted {
            first_unsaved,
            schedule,
        })
    }

    /// When the review last changed in this session, stamping a change not yet stamped at
    /// `now`. `None` if nothing that stamps it has changed.
    pub fn stamp(&mut self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if std::mem::take(&mut self.touch_pending) {
            self.touched_at = Some(now);
        }
        self.touched_at
    }

    /// Whether a save may start now: none under way, the session open, something unsaved.
    pub fn may_start(&self) -> bool {
        !self.saving && self.has_unsaved_changes()
    }

    /// Takes every pending record into a batch, with the change count it brings storage to.
    pub fn take(&mut self) -> (Taken, u64) {
        (std::mem::take(&mut self.pending), self.changes)
    }

    /// A save of a batch bringing storage to `changes` succeeded at `revision`.
    pub fn saved(
        &mut self,
        revision: u64,
        changes: u64,
        review: Review,
        at: DateTime<Utc>,
    ) -> AfterSave<Q> {
        self.revision = revision;
        self.saved_changes = self.saved_changes.max(changes);
        self.base = Some(review);
        self.synced_at = Some(at);
        self.refused = 0;
        if self.stopped {
            AfterSave::Done
        } else if let Some((queued, _)) = self.queued.take() {
            AfterSave::Queued(queued)
        } else if self.changes > self.saved_changes {
            AfterSave::TakeMore
        } else {
            AfterSave::Done
        }
    }

    /// A save of the records `taken` failed; `changed_elsewhere` says whether another tab had
    /// saved first. The records wait for the next save (a newer change to one of them wins),
    /// and so do those of a batch queued meanwhile. Returns whether to bring the other tab's
    /// changes in and try again.
    pub fn failed(&mut self, taken: Taken, changed_elsewhere: bool) -> bool {
        for (key, pending) in taken {
            self.pending.entry(key).or_insert(pending);
        }
        if let Some((_, queued)) = self.queued.take() {
            for (key, pending) in queued {
                self.pending.insert(key, pending);
            }
        }
        self.saving = false;
        let retry = changed_elsewhere && self.refused < MAX_REBASES;
        self.refused += 1;
        retry
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn id(n: u8) -> RecordId {
        RecordId::from_random_bytes([n; 16])
    }

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, 9, minute, 0).unwrap()
    }

    fn review() -> Review {
        sightline_core::testing::generate_review(
            1,
            sightline_core::testing::ReviewSize::SMALL,
            at(0),
        )
        .0
    }

    #[test]
    fn one_save_is_scheduled_per_burst_and_only_the_first_change_is_reported_unsaved() {
        let mut state = AutosaveState::<()>::default();
        let first = state
            .note([Change::Put(RecordKind::Event, id(1))], true)
            .unwrap();
        assert_eq!(
            first,
            Noted {
                first_unsaved: true,
                schedule: true
            }
        );
        let second = state
            .note([Change::Put(RecordKind::Event, id(2))], true)
            .unwrap();
        assert_eq!(
            second,
            Noted {
                first_unsaved: false,
                schedule: false
            }
        );
        assert!(state.has_unsaved_changes());
        assert_eq!(state.changes, 2);
    }

    #[test]
    fn the_newest_change_to_a_record_wins() {
        let mut state = AutosaveState::<()>::default();
        state.note([Change::Put(RecordKind::Event, id(1))], true);
        state.note([Change::Removed(RecordKind::Event, id(1))], true);
        state.note([Change::Removed(RecordKind::Person, id(2))], false);
        state.note([Change::Put(RecordKind::Person, id(2))], false);
        let (taken, changes) = state.take();
        assert_eq!(changes, 4);
        assert_eq!(taken[&(RecordKind::Event, id(1))], Pending::Delete);
        assert_eq!(taken[&(RecordKind::Person, id(2))], Pending::Put);
        assert!(state.pending.is_empty());
    }

    #[test]
    fn a_failed_save_keeps_its_records_for_the_next_unless_a_newer_change_replaced_them() {
        let mut state = AutosaveState::<()>::default();
        state.note(
            [
                Change::Put(RecordKind::Event, id(1)),
                Change::Put(RecordKind::Event, id(2)),
            ],
            true,
        );
        let (taken, _) = state.take();
        state.saving = true;
        // Changed while the save was under way.
        state.note([Change::Removed(RecordKind::Event, id(2))], true);
        assert!(!state.failed(taken, false));
        assert!(!state.saving);
        assert_eq!(state.pending[&(RecordKind::Event, id(1))], Pending::Put);
        assert_eq!(state.pending[&(RecordKind::Event, id(2))], Pending::Delete);
        assert!(state.may_start());
    }

    #[test]
    fn a_batch_queued_while_saving_goes_next_and_is_kept_if_the_save_fails() {
        let mut state = AutosaveState::<&str>::default();
        state.note([Change::Put(RecordKind::Event, id(1))], true);
        let (_first, changes) = state.take();
        state.saving = true;
        state.note([Change::Put(RecordKind::Finding, id(3))], true);
        let (queued, _) = state.take();
        state.queued = Some(("queued", queued));
        assert_eq!(
            state.saved(2, changes, review(), at(1)),
            AfterSave::Queued("queued")
        );
        assert!(
            state.has_unsaved_changes(),
            "the queued batch is not stored yet"
        );

        let mut failing = AutosaveState::<&str>::default();
        failing.note([Change::Put(RecordKind::Event, id(1))], true);
        let (first, _) = failing.take();
        failing.note([Change::Put(RecordKind::Finding, id(3))], true);
        let (queued, _) = failing.take();
        failing.queued = Some(("queued", queued));
        failing.failed(first, false);
        assert_eq!(failing.pending.len(), 2);
        assert!(failing.queued.is_none());
    }

    #[test]
    fn a_save_that_stores_everything_is_done_and_changes_meanwhile_are_taken_next() {
        let mut state = AutosaveState::<()>::default();
        state.note([Change::Put(RecordKind::Event, id(1))], true);
        let (_, changes) = state.take();
        state.note([Change::Put(RecordKind::Event, id(2))], true);
        assert_eq!(
            state.saved(1, changes, review(), at(1)),
            AfterSave::TakeMore
        );
        let (_, changes) = state.take();
        assert_eq!(state.saved(2, changes, review(), at(2)), AfterSave::Done);
        assert!(!state.has_unsaved_changes());
        assert_eq!(state.revision, 2);
        // An older batch finishing late never lowers what is known to be stored.
        assert_eq!(state.saved(3, 1, review(), at(3)), AfterSave::Done);
        assert_eq!(state.saved_changes, 2);
    }

    #[test]
    fn another_tab_saving_first_is_retried_a_few_times_then_reported() {
        let mut state = AutosaveState::<()>::default();
        let retries = (0..10)
            .take_while(|_| {
                state.note([Change::Put(RecordKind::Event, id(1))], true);
                let (taken, _) = state.take();
                state.failed(taken, true)
            })
            .count();
        assert_eq!(retries as u32, MAX_REBASES);
        let mut other = AutosaveState::<()>::default();
        other.note([Change::Put(RecordKind::Event, id(1))], true);
        let (taken, _) = other.take();
        assert!(
            !other.failed(taken, false),
            "a storage failure is not retried"
        );
    }

    #[test]
    fn a_stopped_session_notes_nothing_and_has_nothing_unsaved() {
        let mut state = AutosaveState::<()>::default();
        state.note([Change::Put(RecordKind::Event, id(1))], true);
        state.stopped = true;
        assert_eq!(
            state.note([Change::Put(RecordKind::Event, id(2))], true),
            None
        );
        assert!(!state.has_unsaved_changes());
        assert!(!state.may_start());
    }

    #[test]
    fn the_review_is_stamped_once_per_touching_change() {
        let mut state = AutosaveState::<()>::default();
        assert_eq!(state.stamp(at(1)), None);
        state.note([], false);
        assert_eq!(
            state.stamp(at(2)),
            None,
            "a change that does not touch leaves no stamp"
        );
        state.note([], true);
        assert_eq!(state.stamp(at(3)), Some(at(3)));
        assert_eq!(
            state.stamp(at(4)),
            Some(at(3)),
            "stamped when the change was taken"
        );
    }
}
