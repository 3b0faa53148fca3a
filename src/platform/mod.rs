//! Thin adapters over the browser: the only place that touches IndexedDB, localStorage, the
//! service worker, the storage manager, the clock, the browser's random numbers, its image
//! drawing, the page itself (title, focus, selection) and the Web Worker that does the
//! passphrase work.
//!
//! Each adapter turns browser failures into typed errors with plain-English messages and leaves
//! every decision to the core crate or the feature that calls it.

pub mod broadcast;
pub mod clock;
pub mod crypto_worker;
pub mod dom;
pub mod files;
pub mod history;
pub mod ids;
pub mod image;
pub mod persistence;
pub mod service_worker;
pub mod settings;
pub mod storage;
pub mod timing;
