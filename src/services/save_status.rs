//! Whether the person's changes are safely stored: one state for the whole app, set by
//! whatever saves and shown in the page header (`components::SaveStatusIndicator`).

use leptos::prelude::*;

/// Where the latest change stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Every change is in browser storage.
    Saved,
    /// A change is waiting to be stored or being stored.
    Saving,
    /// The last change could not be stored; the message says why and what to do.
    NotSaved(String),
}

/// The app-wide save state, provided once by the app and set by whatever saves.
#[derive(Clone, Copy)]
pub struct SaveStatus(RwSignal<SaveState>);

impl SaveStatus {
    /// Creates the save state and makes it available to the whole app.
    pub fn provide() -> Self {
        let status = Self(RwSignal::new(SaveState::Saved));
        provide_context(status);
        status
    }

    /// The current state, tracked.
    pub fn get(&self) -> SaveState {
        self.0.get()
    }

    /// Sets the state. Safe to call after the page that started a save has gone.
    pub fn set(&self, state: SaveState) {
        self.0.try_set(state);
    }
}

/// The app's save state. Panics outside the app, where there is nothing to save.
pub fn use_save_status() -> SaveStatus {
    expect_context::<SaveStatus>()
}
