//! Sightline: an offline-first browser app for running Learning Reviews.
//!
//! Layers, from the outside in (see ARCHITECTURE.md):
//! - [`features`]: one folder per part of the app, each owning its pages and their state;
//! - [`components`]: shared UI pieces (error summary, date input, save status, dialogs, the
//!   file opener);
//! - [`services`]: workflows with storage effects and no view (the session and autosave,
//!   restore points, import, saving files, packs);
//! - [`platform`]: the only code that touches browser APIs (IndexedDB, service worker…);
//! - `sightline_core`: the domain, pure Rust, which everything above calls.

pub mod app;
pub mod components;
pub mod features;
pub mod platform;
pub mod routes;
pub mod services;

pub use app::App;

/// This build's version, written into every file it exports.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
