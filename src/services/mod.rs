//! Workflows with storage effects and no view: a review's session and autosave, restore
//! points, opening files (import, merge, backups, contributions), saving files and backups, the committee's settings, and the
//! reflection packs answered on this laptop. Features and shared components call them; they
//! call `platform` and the core.

pub mod backups;
pub mod committee;
pub mod files;
pub mod import;
pub mod packs;
pub mod restore_points;
pub mod save_status;
pub mod session;
