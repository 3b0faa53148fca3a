//! UI pieces shared by more than one feature.

pub mod after_pause;
pub mod citing_findings;
pub mod confirm_dialog;
pub mod date_input;
pub mod error_summary;
pub mod event_picker;
pub mod file_opener;
pub mod identifying_check;
pub mod loading;
pub mod notice;
pub mod page_title;
pub mod passphrase;
pub mod record_not_found;
pub mod save_progress;
pub mod save_status;
pub mod synced_text;
pub mod text_field;
pub mod update_banner;

pub use after_pause::AfterPause;
pub use citing_findings::CitingFindings;
pub use confirm_dialog::ConfirmDialog;
pub use date_input::DateInput;
pub use error_summary::ErrorSummary;
pub use event_picker::EventPicker;
pub use file_opener::{FileOpener, OpenFor};
pub use loading::load_once;
pub use notice::{use_notice, Notice, NoticeBanner};
pub use page_title::use_page_title;
pub use record_not_found::RecordNotFound;
pub use save_progress::SaveProgressNote;
pub use save_status::SaveStatusIndicator;
pub use text_field::{described_by, ErrorMessage, Field, TextArea, TextField};
pub use update_banner::UpdateBanner;
