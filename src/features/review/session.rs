//! An open review and its autosave.
//!
//! A change flows like this: a component calls one of [`ReviewSession`]'s edit methods → the
//! review's details or content signal is updated (the page re-renders what depends on it) and
//! the review is stamped as changed → the [`Autosaver`] notes which content records changed
//! and, if no save is scheduled, schedules one [`SAVE_DELAY_MS`] later → the save encodes the
//! review's details and only the records that changed, and writes them in one IndexedDB
//! transaction → the header says "Saved" if nothing changed meanwhile (otherwise it saves
//! again).
//!
//! The save is scheduled once per burst of typing and not pushed back by each keystroke, so a
//! change is stored within about half a second however fast someone types.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use sightline_core::content::{Change, ContentRecord, RecordKind};
use sightline_core::format::merge::record_title;
use sightline_core::restore_points::{self, PointReason};
use sightline_core::sync::{rebase, PendingChange, SyncConflict};
use sightline_core::{RecordId, Review, ReviewContent, ReviewId};

use crate::components::{use_save_status, SaveState, SaveStatus};
use crate::platform::storage::{self, RecordWrite};
use crate::platform::{broadcast, clock, ids, timing};

/// How long after the first unsaved change a save starts.
pub const SAVE_DELAY_MS: u64 = 300;

/// The review being worked on, and the way to change it. Provided to every page of a review.
#[derive(Clone, Copy)]
pub struct ReviewSession {
    review: RwSignal<Review>,
    content: RwSignal<ReviewContent>,
    saver: StoredValue<Rc<Autosaver>, LocalStorage>,
}

impl ReviewSession {
    /// Opens a session on a review read from storage at `revision`, and registers it to be
    /// saved when the page is hidden or closed.
    pub fn new(review: Review, content: ReviewContent, revision: u64) -> Self {
        let id = review.id;
        let review = RwSignal::new(review);
        let content = RwSignal::new(content);
        let base = review.get_untracked();
        let saver = Rc::new(Autosaver {
            id,
            status: use_save_status(),
            review,
            content,
            sync_notice: RwSignal::new(None),
            state: RefCell::new(AutosaveState {
                revision,
                base: Some(base),
                synced_at: Some(clock::now()),
                ..Default::default()
            }),
        });
        // A change this browser never stored (the page closed or crashed first) is said
        // once: the review is as it was last saved. (A save that finished as the page closed
        // stamped the review after the change began, so it is not reported.)
        {
            let notice = saver.sync_notice;
            let last_saved = saver.review.get_untracked().updated_at;
            leptos::task::spawn_local(async move {
                let Ok(store) = storage::shared().await else {
                    return;
                };
                if let Some(since) = store
                    .take_unsaved(id)
                    .await
                    .filter(|since| *since > last_saved)
                {
                    notice.try_set(Some((
                        format!(
                            "Sightline closed before your last changes were saved (made from {}). The review is as it was last saved, at {}; changes made after that are not in it.",
                            sightline_core::dates::format_uk_date_time(since),
                            sightline_core::dates::format_uk_date_time(last_saved),
                        ),
                        true,
                    )));
                }
            });
        }
        // Another tab's save of this review is brought in at once.
        let listening = {
            let saver = saver.clone();
            broadcast::listen(move |saved| {
                if saved.review == saver.id && saved.revision > saver.state.borrow().revision {
                    let saver = saver.clone();
                    leptos::task::spawn_local(async move { saver.bring_in_other_tab().await });
                }
            })
        };
        let key = OPEN_SESSIONS.with(|open| open.borrow_mut().add(saver.clone()));
        // Leaving the review (another link, the back button) must not lose a change that is
        // still waiting for its save: save it now, while the signals still hold it (cleanups
        // run before the owner's signals are disposed). The cleanup must be `Send`, so it finds
        // its autosaver by key rather than holding it.
        on_cleanup(move || {
            broadcast::stop_listening(listening);
            if let Some(saver) = OPEN_SESSIONS.with(|open| open.borrow_mut().remove(key)) {
                saver.flush();
            }
        });
        Self {
            review,
            content,
            saver: StoredValue::new_local(saver),
        }
    }

    /// The review's details, for reading. Reading inside a view or effect tracks them.
    pub fn review(&self) -> ReadSignal<Review> {
        self.review.read_only()
    }

    /// The review's details as the next save stores them, stamped with when they last
    /// changed: for a file, which must say when this copy changed as storage will.
    pub fn review_as_saved(&self) -> Review {
        let mut review = self.review.get_untracked();
        self.saver.with_value(|saver| {
            if let Some(at) = saver.stamp() {
                review.touch(at);
            }
        });
        review
    }

    /// The review's content, for reading.
    pub fn content(&self) -> ReadSignal<ReviewContent> {
        self.content.read_only()
    }

    /// What the page should say about changes brought in from another tab, if anything:
    /// (message, whether it needs attention).
    pub fn sync_notice(&self) -> RwSignal<Option<(String, bool)>> {
        self.saver.with_value(|saver| saver.sync_notice)
    }

    /// Notes a change for the autosaver. The review is stamped as changed when the save is
    /// taken, not here, so that typing in a long answer does not redraw what reads the
    /// review's details on every keystroke.
    fn changed(&self, records: impl IntoIterator<Item = Change>) {
        self.saver.with_value(|saver| saver.changed(records, true));
    }

    /// Records that this review and a file sent out agree as of `at`, without counting it as a
    /// change to the review: a later merge compares each side's changes with this moment, so
    /// stamping the review as changed now would make every later merge see a change here.
    pub fn mark_synced(&self, at: chrono::DateTime<chrono::Utc>) {
        self.review.update(|review| review.mark_synced(at));
        self.saver.with_value(|saver| saver.changed([], false));
    }

    /// Changes the review's details and saves them shortly. Each field it changes is stamped
    /// with the time, so that copies of the review merge field by field.
    pub fn edit(&self, change: impl FnOnce(&mut Review)) {
        self.review.update(|review| {
            let before = review.clone();
            change(review);
            review.stamp_changes(&before, clock::now());
        });
        self.changed([]);
    }

    /// Changes the review's details only if `change` succeeds on a copy; otherwise leaves them
    /// as they were and returns the error for the page to show.
    pub fn try_edit<E>(&self, change: impl FnOnce(&mut Review) -> Result<(), E>) -> Result<(), E> {
        let mut copy = self.review.get_untracked();
        change(&mut copy)?;
        copy.stamp_changes(&self.review.get_untracked(), clock::now());
        self.review.set(copy);
        self.changed([]);
        Ok(())
    }

    /// Adds a content record, or replaces the one with its id.
    pub fn put_record<T: ContentRecord>(&self, mut record: T) {
        record.touch(clock::now());
        let change = Change::Put(T::KIND, record.id());
        self.content.update(|content| content.put(record));
        self.changed([change]);
    }

    /// Changes the content record of type `T` with `id`, if it exists.
    pub fn update_record<T: ContentRecord>(&self, id: RecordId, change: impl FnOnce(&mut T)) {
        let now = clock::now();
        let mut found = false;
        self.content.update(|content| {
            if let Some(record) = T::all_mut(content).iter_mut().find(|r| r.id() == id) {
                change(record);
                record.touch(now);
                found = true;
            }
        });
        if found {
            self.changed([Change::Put(T::KIND, id)]);
        }
    }

    /// Removes a content record and every reference to it.
    pub fn remove_record(&self, kind: RecordKind, id: RecordId) {
        let now = clock::now();
        let mut changes = Vec::new();
        self.content
            .update(|content| changes = content.remove_with_references(kind, id, now));
        self.changed(changes);
    }

    /// Makes several changes to the content at once (an import, a new episode with its
    /// events): `change` returns which records it wrote or removed.
    pub fn change_content(&self, change: impl FnOnce(&mut ReviewContent) -> Vec<Change>) {
        let mut changes = Vec::new();
        self.content.update(|content| changes = change(content));
        self.changed(changes);
    }

    /// Stops saving this review, because it is being deleted.
    pub fn stop_saving(&self) {
        self.saver
            .with_value(|saver| saver.state.borrow_mut().stopped = true);
    }
}

/// A new record id from the browser's random numbers.
pub fn new_id() -> RecordId {
    ids::new_record_id()
}

/// The session of the review on screen. Panics outside a review's pages.
pub fn use_review_session() -> ReviewSession {
    expect_context::<ReviewSession>()
}

/// What happens to a content record at the next save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pending {
    Put,
    Delete,
}

#[derive(Default)]
struct AutosaveState {
    /// The stored review's revision, which the next save must replace.
    revision: u64,
    /// Changes made since the session opened.
    changes: u64,
    /// How many of those changes are stored.
    saved_changes: u64,
    /// Content records changed since the last batch was taken.
    pending: BTreeMap<(RecordKind, RecordId), Pending>,
    saving: bool,
    scheduled: bool,
    stopped: bool,
    /// A batch taken when the page was left while a save was under way.
    queued: Option<Batch>,
    /// Whether a change since the last batch should stamp the review as changed.
    touch_pending: bool,
    /// When the review was last stamped as changed in this session. The stamp goes on the
    /// saved copy, not the signal, so it is kept here for saves that do not stamp.
    touched_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The review's details as this tab last read or stored them, and when: what another
    /// tab's changes are told apart from this tab's by (see `sightline_core::sync`).
    base: Option<Review>,
    synced_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Saves refused in a row because another tab had saved first.
    refused: u32,
    /// When this review's newest restore point was made: `None` until looked up.
    last_point: Option<Option<chrono::DateTime<chrono::Utc>>>,
    /// Whether an automatic restore point is being made.
    pointing: bool,
}

/// One save: the review's details and the content records that changed, encoded.
struct Batch {
    review: Review,
    /// The due dates of open actions, for the Reviews page's summary.
    action_dues: Vec<chrono::NaiveDate>,
    writes: Vec<RecordWrite>,
    /// The record changes taken into this batch, put back if the save fails.
    taken: BTreeMap<(RecordKind, RecordId), Pending>,
    /// The change count this batch brings storage up to.
    changes: u64,
}

/// Saves one review in the background, one save at a time, always the newest version.
///
/// Its signals are read with `try_` accessors, so a save that finishes after the person has
/// left the page still completes and still updates the header.
pub struct Autosaver {
    id: ReviewId,
    status: SaveStatus,
    review: RwSignal<Review>,
    content: RwSignal<ReviewContent>,
    sync_notice: RwSignal<Option<(String, bool)>>,
    state: RefCell<AutosaveState>,
}

impl Autosaver {
    fn has_unsaved_changes(&self) -> bool {
        let state = self.state.borrow();
        !state.stopped && state.changes > state.saved_changes
    }

    /// Notes a change and schedules a save if none is scheduled. `touch` says whether it
    /// stamps the review as changed.
    fn changed(self: &Rc<Self>, records: impl IntoIterator<Item = Change>, touch: bool) {
        {
            let mut state = self.state.borrow_mut();
            if state.stopped {
                return;
            }
            if state.changes == state.saved_changes {
                let (id, at) = (self.id, clock::now());
                leptos::task::spawn_local(async move {
                    if let Ok(store) = storage::shared().await {
                        store.mark_unsaved(id, at).await;
                    }
                });
            }
            state.changes += 1;
            state.touch_pending |= touch;
            for change in records {
                match change {
                    Change::Put(kind, id) => state.pending.insert((kind, id), Pending::Put),
                    Change::Removed(kind, id) => state.pending.insert((kind, id), Pending::Delete),
                };
            }
            if state.scheduled {
                return;
            }
            state.scheduled = true;
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
    fn stamp(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let mut state = self.state.borrow_mut();
        if std::mem::take(&mut state.touch_pending) {
            state.touched_at = Some(clock::now());
        }
        state.touched_at
    }

    /// Takes everything unsaved into a batch, encoding the changed records as they are now.
    /// `None` when the review's signals are gone.
    fn take_batch(&self) -> Option<Batch> {
        let mut review = self.review.try_get_untracked()?;
        if let Some(at) = self.stamp() {
            review.touch(at);
        }
        let (taken, changes) = {
            let mut state = self.state.borrow_mut();
            (std::mem::take(&mut state.pending), state.changes)
        };
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
    fn flush(self: &Rc<Self>) {
        if !self.has_unsaved_changes() {
            return;
        }
        if self.state.borrow().saving {
            // Take what is unsaved while the signals still hold it; the save under way sends
            // it when it ends.
            if let Some(batch) = self.take_batch() {
                self.state.borrow_mut().queued = Some(batch);
            }
            return;
        }
        self.start_saving();
    }

    fn start_saving(self: &Rc<Self>) {
        {
            let state = self.state.borrow();
            if state.saving || state.stopped || state.changes == state.saved_changes {
                return;
            }
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

    async fn save_until_current(self: Rc<Self>, first: Batch) {
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
                        state.revision = new_revision;
                        state.saved_changes = state.saved_changes.max(batch.changes);
                        state.base = Some(batch.review.clone());
                        state.synced_at = Some(clock::now());
                        state.refused = 0;
                        if !state.pointing {
                            state.pointing = true;
                            let saver = self.clone();
                            let review = batch.review.clone();
                            leptos::task::spawn_local(async move {
                                saver.automatic_point(review).await
                            });
                        }
                        if state.stopped {
                            None
                        } else if let Some(queued) = state.queued.take() {
                            Some(queued)
                        } else if state.changes > state.saved_changes {
                            drop(state);
                            timing::mark("sightline:save-start");
                            self.take_batch()
                        } else {
                            None
                        }
                    }
                    Err(error) => {
                        // Keep the changes for the next save, unless newer ones replaced them.
                        for (key, pending) in batch.taken {
                            state.pending.entry(key).or_insert(pending);
                        }
                        if let Some(queued) = state.queued.take() {
                            for (key, pending) in queued.taken {
                                state.pending.insert(key, pending);
                            }
                        }
                        state.saving = false;
                        // Another tab saved first: bring its changes in under this tab's and
                        // save again, unless that keeps happening.
                        let retry = matches!(error, storage::StorageError::ChangedElsewhere)
                            && state.refused < MAX_REBASES;
                        state.refused += 1;
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

/// How many saves in a row may be refused because another tab saved first before the
/// session gives up and says so (each time it brings the other tab's changes in and retries).
const MAX_REBASES: u32 = 5;

impl Autosaver {
    /// Makes an automatic restore point after a save, if the review's newest is an hour old
    /// (or it has none). A failure here never stops the saves: it is left for the next one.
    async fn automatic_point(self: Rc<Self>, review: Review) {
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
                Some(content) => crate::features::restore_points::save_point(
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
    async fn bring_in_other_tab(self: Rc<Self>) {
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
            let _ = crate::features::restore_points::save_point(
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

/// The autosavers of the reviews on screen, flushed when the page is hidden or closed.
///
/// Keyed by a number per session rather than by review, because the page for one review can
/// be built before the page it replaces has been cleaned up.
#[derive(Default)]
struct OpenSessions {
    next_key: u64,
    savers: Vec<(u64, Rc<Autosaver>)>,
}

impl OpenSessions {
    fn add(&mut self, saver: Rc<Autosaver>) -> u64 {
        self.next_key += 1;
        self.savers.push((self.next_key, saver));
        self.next_key
    }

    fn remove(&mut self, key: u64) -> Option<Rc<Autosaver>> {
        let index = self.savers.iter().position(|(k, _)| *k == key)?;
        Some(self.savers.remove(index).1)
    }
}

thread_local! {
    static OPEN_SESSIONS: RefCell<OpenSessions> = RefCell::new(OpenSessions::default());
}

fn open_savers() -> Vec<Rc<Autosaver>> {
    OPEN_SESSIONS.with(|open| {
        open.borrow()
            .savers
            .iter()
            .map(|(_, s)| s.clone())
            .collect()
    })
}

/// Saves every open review now, if it has unsaved changes.
pub fn flush_active() {
    for saver in open_savers() {
        saver.flush();
    }
}

/// Saves at once when the tab is hidden (switching tabs, closing the laptop, closing the tab),
/// and asks the browser to warn before closing a tab whose last change is not yet stored.
pub fn install_page_exit_guards() {
    use leptos::ev;
    let _ = window_event_listener(ev::pagehide, |_| flush_active());
    let _ = window_event_listener(ev::beforeunload, |event| {
        if open_savers()
            .iter()
            .any(|saver| saver.has_unsaved_changes())
        {
            flush_active();
            event.prevent_default();
        }
    });
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        use wasm_bindgen::prelude::*;
        use wasm_bindgen::JsCast;
        let on_visibility = Closure::<dyn FnMut()>::new(flush_active);
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        // Lives as long as the page.
        on_visibility.forget();
    }
}
