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
use std::rc::Rc;

use leptos::prelude::*;
use sightline_core::content::{Change, ContentRecord, RecordKind};
use sightline_core::{RecordId, Review, ReviewContent};

mod autosave;
pub mod state;

use crate::platform::storage::{self};
use crate::platform::{broadcast, clock, ids};
use crate::services::save_status::use_save_status;
use autosave::Autosaver;
use state::AutosaveState;

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

    /// Sets the text of a section of the report, as the person types in it. A section that
    /// exists changes in one known field, stamped directly: comparing two copies of the whole
    /// review (most of it the report) on every key would cost more than a frame.
    pub fn edit_report_section(&self, key: sightline_core::report::SectionKey, text: String) {
        let exists = self
            .review
            .with_untracked(|r| r.report.sections.contains_key(&key));
        if !exists {
            return self.edit(|r| r.report.sections.entry(key).or_default().body = text);
        }
        self.review.update(|review| {
            if let Some(section) = review.report.sections.get_mut(&key) {
                section.body = text;
            }
            review.stamp_field(&format!("report.sections.{}.body", key.key()), clock::now());
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
    crate::platform::dom::on_visibility_change(flush_active);
}
