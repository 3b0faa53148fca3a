//! An open review and its autosave.
//!
//! A change flows like this: a component calls [`ReviewSession::edit`] → the review signal is
//! updated (the page re-renders what depends on it) → the [`Autosaver`] marks a change and, if
//! no save is scheduled, schedules one [`SAVE_DELAY_MS`] later → the save takes the review as
//! it is then, writes it with its summary in one IndexedDB transaction, and sets the header's
//! status to "Saved" if nothing changed meanwhile (otherwise it saves again).
//!
//! The save is scheduled once per burst of typing and not pushed back by each keystroke, so a
//! change is stored within about half a second however fast someone types.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use sightline_core::{Review, ReviewId};

use crate::components::{use_save_status, SaveState, SaveStatus};
use crate::platform::{clock, storage};

/// How long after the first unsaved change a save starts.
pub const SAVE_DELAY_MS: u64 = 300;

/// The review being worked on, and the way to change it. Provided to every page of a review.
#[derive(Clone, Copy)]
pub struct ReviewSession {
    review: RwSignal<Review>,
    saver: StoredValue<Rc<Autosaver>, LocalStorage>,
}

impl ReviewSession {
    /// Opens a session on a review read from storage at `revision`, and makes it the one that
    /// is flushed when the page is hidden.
    pub fn new(review: Review, revision: u64) -> Self {
        let id = review.id;
        let review = RwSignal::new(review);
        let saver = Autosaver::new(id, revision, use_save_status(), move || {
            review.try_get_untracked()
        });
        let key = OPEN_SESSIONS.with(|open| open.borrow_mut().add(saver.clone()));
        // Leaving the review (another link, the back button) must not lose a change that is
        // still waiting for its save: keep a copy and save it now. The cleanup runs before the
        // review's signal is disposed. (It must be `Send`, so it finds its autosaver by key
        // rather than holding it.)
        on_cleanup(move || {
            let leaving = OPEN_SESSIONS.with(|open| open.borrow_mut().remove(key));
            if let (Some(saver), Some(snapshot)) = (leaving, review.try_get_untracked()) {
                saver.flush_with(snapshot);
            }
        });
        Self {
            review,
            saver: StoredValue::new_local(saver),
        }
    }

    /// The review, for reading. Reading it inside a view or effect tracks it.
    pub fn review(&self) -> RwSignal<Review> {
        self.review
    }

    /// Changes the review and saves it shortly.
    pub fn edit(&self, change: impl FnOnce(&mut Review)) {
        self.review.update(|review| {
            change(review);
            review.touch(clock::now());
        });
        self.saver.with_value(|saver| saver.changed());
    }

    /// Changes the review only if `change` succeeds on a copy; otherwise leaves it as it was and
    /// returns the error for the page to show.
    pub fn try_edit<E>(&self, change: impl FnOnce(&mut Review) -> Result<(), E>) -> Result<(), E> {
        let mut copy = self.review.get_untracked();
        change(&mut copy)?;
        copy.touch(clock::now());
        self.review.set(copy);
        self.saver.with_value(|saver| saver.changed());
        Ok(())
    }

    /// Stops saving this review, because it is being deleted.
    pub fn stop_saving(&self) {
        self.saver.with_value(|saver| saver.stop());
    }
}

/// The session of the review on screen. Panics outside a review's pages.
pub fn use_review_session() -> ReviewSession {
    expect_context::<ReviewSession>()
}

#[derive(Default)]
struct AutosaveState {
    /// The stored record's revision, which the next save must replace.
    revision: u64,
    /// Changes made since the session opened.
    changes: u64,
    /// How many of those changes are stored.
    saved_changes: u64,
    saving: bool,
    scheduled: bool,
    stopped: bool,
    /// A copy taken when the page closed, used instead of the (then disposed) signal.
    final_snapshot: Option<Review>,
}

/// Saves one review in the background, one save at a time, always the newest version.
///
/// It holds no reactive handles of its own, so a save that finishes after the person has left
/// the page still completes and still updates the header.
pub struct Autosaver {
    id: ReviewId,
    status: SaveStatus,
    current: Box<dyn Fn() -> Option<Review>>,
    state: RefCell<AutosaveState>,
}

impl Autosaver {
    fn new(
        id: ReviewId,
        revision: u64,
        status: SaveStatus,
        current: impl Fn() -> Option<Review> + 'static,
    ) -> Rc<Self> {
        Rc::new(Self {
            id,
            status,
            current: Box::new(current),
            state: RefCell::new(AutosaveState {
                revision,
                ..Default::default()
            }),
        })
    }

    fn has_unsaved_changes(&self) -> bool {
        let state = self.state.borrow();
        !state.stopped && state.changes > state.saved_changes
    }

    /// Notes a change and schedules a save if none is scheduled.
    fn changed(self: &Rc<Self>) {
        {
            let mut state = self.state.borrow_mut();
            if state.stopped {
                return;
            }
            state.changes += 1;
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

    /// Saves `snapshot` now if it has unsaved changes: used when the page goes away.
    fn flush_with(self: &Rc<Self>, snapshot: Review) {
        if !self.has_unsaved_changes() {
            return;
        }
        self.state.borrow_mut().final_snapshot = Some(snapshot);
        self.start_saving();
    }

    /// Saves now if there is anything unsaved.
    fn flush(self: &Rc<Self>) {
        if self.has_unsaved_changes() {
            self.start_saving();
        }
    }

    fn stop(&self) {
        self.state.borrow_mut().stopped = true;
    }

    fn snapshot(&self) -> Option<Review> {
        let final_snapshot = self.state.borrow().final_snapshot.clone();
        final_snapshot.or_else(|| (self.current)())
    }

    fn start_saving(self: &Rc<Self>) {
        {
            let mut state = self.state.borrow_mut();
            if state.saving || state.stopped {
                // The save under way saves again when it ends if more has changed.
                return;
            }
            state.saving = true;
        }
        let saver = self.clone();
        leptos::task::spawn_local(async move { saver.save_until_current().await });
    }

    async fn save_until_current(self: Rc<Self>) {
        loop {
            let (changes, revision) = {
                let state = self.state.borrow();
                (state.changes, state.revision)
            };
            let Some(review) = self.snapshot() else { break };
            debug_assert_eq!(review.id, self.id);
            let result = match storage::shared().await {
                Ok(store) => store.put(&review, revision).await,
                Err(error) => Err(error),
            };
            let mut state = self.state.borrow_mut();
            match result {
                Ok(new_revision) => {
                    state.revision = new_revision;
                    state.saved_changes = changes;
                    if state.changes == changes || state.stopped {
                        break;
                    }
                }
                Err(error) => {
                    state.saving = false;
                    drop(state);
                    self.status.set(SaveState::NotSaved(error.to_string()));
                    return;
                }
            }
        }
        self.state.borrow_mut().saving = false;
        if !self.has_unsaved_changes() {
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
