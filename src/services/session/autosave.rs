//! The autosaver: saves one review in the background, one save at a time, always the newest
//! version; brings in another tab's changes when it saved first; makes the automatic restore
//! points. [`super::ReviewSession`] drives it.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use sightline_core::content::Change;
use sightline_core::format::merge::record_title;
use sightline_core::restore_points::{self, PointReason};
use sightline_core::sync::{rebase, PendingChange, SyncConflict};
use sightline_core::{Review, ReviewContent, ReviewId};

use super::state::{AfterSave, AutosaveState, Pending, Taken};
use super::SAVE_DELAY_MS;
use crate::platform::storage::{self, RecordWrite};
use crate::platform::{clock, timing};
use crate::services::save_status::{SaveState, SaveStatus};

/// One save: the review's details and the content records that changed, encoded.
pub(super) struct Batch {
    pub(super) review: Review,
    /// The due dates of open actions, for the Reviews page's summary.
    pub(super) action_dues: Vec<chrono::NaiveDate>,
    pub(super) writes: Vec<RecordWrite>,
    /// The record changes taken into this batch, put back if the save fails.
    pub(super) taken: Taken,
    /// The change count this batch brings storage up to.
    pub(super) changes: u64,
}

/// Saves one review in the background, one save at a time, always the newest version.
///
/// Its signals are read with `try_` accessors, so a save that finishes after the person has
/// left the page still completes and still updates the header.
pub struct Autosaver {
    pub(super) id: ReviewId,
    pub(super) status: SaveStatus,
    pub(super) review: RwSignal<Review>,
    pub(super) content: RwSignal<ReviewContent>,
    pub(super) sync_notice: RwSignal<Option<(String, bool)>>,
    pub(super) state: RefCell<AutosaveState<Batch>>,
}

impl Autosaver {
    pub(super) fn has_unsaved_changes(&self) -> bool {
        self.state.borrow().has_unsaved_changes()
    }

    /// Notes a change and schedules a save if none is scheduled. `touch` says whether it
    /// stamps the review as changed.
    pub(super) fn changed(self: &Rc<Self>, records: impl IntoIterator<Item = Change>, touch: bool) {
        let Some(noted) = self.state.borrow_mut().note(records, touch) else {
            return;
        };
        if noted.first_unsaved {
            let (id, at) = (self.id, clock::now());
            leptos::task::spawn_local(async move {
                if let Ok(store) = storage::shared().await {
                    store.mark_unsaved(id, at).await;
                }
            });
        }
        if !noted.schedule {
            return;
        }
        self.status.set(SaveState::Saving);
        let saver = self.clone();
        set_timeout(
            move || {
                saver.state.borrow_mut().scheduled = false;
                saver.start_saving();
            },
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        );
    }

    /// When the review last changed in this session, stamping a change not yet stamped with
    /// the time now. `None` if nothing that stamps it has changed.
    pub(super) fn stamp(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.state.borrow_mut().stamp(clock::now())
    }

    /// Takes everything unsaved into a batch, encoding the changed records as they are now.
    /// `None` when the review's signals are gone.
    pub(super) fn take_batch(&self) -> Option<Batch> {
        let mut review = self.review.try_get_untracked()?;
        if let Some(at) = self.stamp() {
            review.touch(at);
        }
        let (taken, changes) = self.state.borrow_mut().take();
        let record_changes: Vec<Change> = taken
            .iter()
            .map(|(&(kind, id), pending)| match pending {
                Pending::Put => Change::Put(kind, id),
                Pending::Delete => Change::Removed(kind, id),
            })
            .collect();
        let (writes, action_dues) = self.content.try_with_untracked(|content| {
            (
                storage::writes_for(content, &record_changes),
                sightline_core::content::actions::open_action_dues(content),
            )
        })?;
        Some(Batch {
            review,
            action_dues,
            writes,
            taken,
            changes,
        })
    }

    /// Saves now if there is anything unsaved: used when the page is hidden or left.
    pub(super) fn flush(self: &Rc<Self>) {
        if !self.has_unsaved_changes() {
            return;
        }
        if self.state.borrow().saving {
            // Take what is unsaved while the signals still hold it; the save under way sends
            // it when it ends.
            if let Some(batch) = self.take_batch() {
                let taken = batch.taken.clone();
                self.state.borrow_mut().queued = Some((batch, taken));
            }
            return;
        }
        self.start_saving();
    }

    pub(super) fn start_saving(self: &Rc<Self>) {
        if !self.state.borrow().may_start() {
            return;
        }
        // Measured from here (encoding the changes) to the commit: "sightline:save".
        timing::mark("sightline:save-start");
        let Some(batch) = self.take_batch() else {
            return;
        };
        self.state.borrow_mut().saving = true;
        let saver = self.clone();
        leptos::task::spawn_local(async move { saver.save_until_current(batch).await });
    }

    pub(super) async fn save_until_current(self: Rc<Self>, first: Batch) {
        let mut batch = first;
        loop {
            debug_assert_eq!(batch.review.id, self.id);
            let revision = self.state.borrow().revision;
            let result = match storage::shared().await {
                Ok(store) => {
                    store
                        .put(&batch.review, &batch.action_dues, revision, &batch.writes)
                        .await
                }
                Err(error) => Err(error),
            };
            timing::measure("sightline:save", "sightline:save-start");
            let next = {
                let mut state = self.state.borrow_mut();
                match result {
                    Ok(new_revision) => {
                        let after = state.saved(
                            new_revision,
                            batch.changes,
                            batch.review.clone(),
                            clock::now(),
                        );
                        if !state.pointing {
                            state.pointing = true;
                            let saver = self.clone();
                            let review = batch.review.clone();
                            leptos::task::spawn_local(async move {
                                saver.automatic_point(review).await
                            });
                        }
                        match after {
                            AfterSave::Queued(queued) => Some(queued),
                            AfterSave::TakeMore => {
                                drop(state);
                                timing::mark("sightline:save-start");
                                self.take_batch()
                            }
                            AfterSave::Done => None,
                        }
                    }
                    Err(error) => {
                        // Another tab saved first: bring its changes in under this tab's and
                        // save again, unless that keeps happening.
                        let changed_elsewhere =
                            matches!(error, storage::StorageError::ChangedElsewhere);
                        let retry = state.failed(batch.taken, changed_elsewhere);
                        drop(state);
                        if retry {
                            let saver = self.clone();
                            leptos::task::spawn_local(
                                async move { saver.bring_in_other_tab().await },
                            );
                        } else {
                            self.status.set(SaveState::NotSaved(error.to_string()));
                        }
                        return;
                    }
                }
            };
            match next {
                Some(next) => batch = next,
                None => break,
            }
        }
        self.state.borrow_mut().saving = false;
        if !self.has_unsaved_changes() {
            let id = self.id;
            leptos::task::spawn_local(async move {
                if let Ok(store) = storage::shared().await {
                    store.clear_unsaved(id).await;
                }
            });
            self.status.set(SaveState::Saved);
        }
    }
}

impl Autosaver {
    /// Makes an automatic restore point after a save, if the review's newest is an hour old
    /// (or it has none). A failure here never stops the saves: it is left for the next one.
    pub(super) async fn automatic_point(self: Rc<Self>, review: Review) {
        let known = self.state.borrow().last_point;
        let last = match known {
            Some(last) => Some(last),
            None => match storage::shared().await {
                Ok(store) => store
                    .restore_points(Some(self.id))
                    .await
                    .ok()
                    .map(|points| points.last().map(|p| p.at)),
                Err(_) => None,
            },
        };
        let now = clock::now();
        let made = match last {
            Some(last) if !restore_points::automatic_due(last, now) => Some(last),
            Some(_) | None => match self.content.try_get_untracked() {
                Some(content) => crate::services::restore_points::save_point(
                    &review,
                    &content,
                    PointReason::Automatic,
                )
                .await
                .ok()
                .map(|p| Some(p.at))
                .or(last),
                None => last,
            },
        };
        let mut state = self.state.borrow_mut();
        state.last_point = made.or(state.last_point);
        state.pointing = false;
    }

    /// Brings in what another tab stored: this tab's unsaved changes are put on top of it
    /// (`sightline_core::sync::rebase`), the page shows the result, and anything unsaved is
    /// saved against the new revision.
    pub(super) async fn bring_in_other_tab(self: Rc<Self>) {
        if self.state.borrow().saving {
            // The save under way will be refused and come back here.
            return;
        }
        let stored = match storage::shared().await {
            Ok(store) => store.get(self.id).await,
            Err(error) => Err(error),
        };
        let stored = match stored {
            Ok(Some(stored)) => stored,
            Ok(None) => {
                self.status.set(SaveState::NotSaved(
                    storage::StorageError::DeletedElsewhere.to_string(),
                ));
                return;
            }
            Err(error) => {
                self.status.set(SaveState::NotSaved(error.to_string()));
                return;
            }
        };
        let (Some(local), Some(local_content)) = (
            self.review.try_get_untracked(),
            self.content.try_get_untracked(),
        ) else {
            return;
        };
        let rebased = {
            let mut state = self.state.borrow_mut();
            if state.saving || stored.revision <= state.revision && state.refused == 0 {
                return;
            }
            let pending: Vec<PendingChange> = state
                .pending
                .iter()
                .map(|(&(kind, id), p)| match p {
                    Pending::Put => PendingChange::Put(kind, id),
                    Pending::Delete => PendingChange::Delete(kind, id),
                })
                .collect();
            let base = state.base.clone().unwrap_or_else(|| local.clone());
            let since = state.synced_at.unwrap_or_else(clock::now);
            let rebased = rebase(
                &base,
                since,
                (&local, &local_content),
                (&stored.review, &stored.content),
                &pending,
            );
            state.revision = stored.revision;
            state.base = Some(stored.review.clone());
            state.synced_at = Some(clock::now());
            rebased
        };
        let conflicts = rebased.conflicts.len();
        let notice = if conflicts == 0 {
            ("This review was changed in another tab or window. Those changes are shown here, with yours.".to_owned(), false)
        } else {
            let what: Vec<String> = rebased
                .conflicts
                .iter()
                .map(|c| match c {
                    SyncConflict::Detail(path) => format!(
                        "the review\u{2019}s details: {}",
                        sightline_core::review::details::detail_label(path).to_lowercase()
                    ),
                    SyncConflict::Record(kind, id) => record_title(&rebased.content, *kind, *id),
                })
                .collect();
            (
                format!(
                    "The same {} changed here and in another tab or window at the same time: {}. This tab\u{2019}s version was kept, and the other tab\u{2019}s is kept as a restore point (on the Overview). Check {} and change {} back if the other version was the right one.",
                    if conflicts == 1 { "thing was" } else { "things were" },
                    what.join("; "),
                    if conflicts == 1 { "it" } else { "them" },
                    if conflicts == 1 { "it" } else { "them" },
                ),
                true,
            )
        };
        if conflicts > 0 {
            // The other tab's version of what both changed is kept as a restore point.
            let _ = crate::services::restore_points::save_point(
                &stored.review,
                &stored.content,
                PointReason::OtherTab,
            )
            .await;
        }
        self.review.try_set(rebased.review);
        self.content.try_set(rebased.content);
        self.sync_notice.try_set(Some(notice));
        // Save this tab's changes (if any) against the revision just read.
        let unsaved = {
            let state = self.state.borrow();
            state.changes > state.saved_changes
        };
        if unsaved {
            self.start_saving();
        } else {
            let id = self.id;
            leptos::task::spawn_local(async move {
                if let Ok(store) = storage::shared().await {
                    store.clear_unsaved(id).await;
                }
            });
            self.status.set(SaveState::Saved);
        }
    }
}
