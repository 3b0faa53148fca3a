//! The parts of the app, one folder each.

pub mod files;
pub mod new_review;
pub mod not_found;
pub mod packs;
pub mod restore_points;
pub mod review;
pub mod reviews_list;
pub mod storage_page;
