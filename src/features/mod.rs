//! The pages of the app, one folder each. No feature imports another: what two pages share is
//! in `components` or `services`.

pub mod new_review;
pub mod not_found;
pub mod packs;
pub mod review;
pub mod reviews_list;
pub mod settings_page;
pub mod storage_page;
