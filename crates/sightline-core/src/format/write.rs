//! Writing files: strict and deterministic, so the same review always gives the same bytes;
//! and the name a file is saved under.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::v3::{content_v3, ContentV3};
use super::v6::ReviewV6Out;
use super::{FileKind, FORMAT_VERSION};
use crate::content::ReviewContent;
use crate::review::settings::CommitteeSettings;
use crate::review::Review;

#[derive(Serialize)]
struct ReviewBodyOut<'a> {
    based_on: Option<DateTime<Utc>>,
    review: ReviewV6Out<'a>,
    /// Versions 4 to 6 keep version 3's content.
    content: ContentV3,
}

#[derive(Serialize)]
struct ReviewFileOut<'a> {
    kind: &'static str,
    format_version: u32,
    exported_at: DateTime<Utc>,
    app_version: &'a str,
    #[serde(flatten)]
    body: ReviewBodyOut<'a>,
}

#[derive(Serialize)]
struct BackupOut<'a> {
    kind: &'static str,
    format_version: u32,
    exported_at: DateTime<Utc>,
    app_version: &'a str,
    reviews: Vec<ReviewBodyOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    settings: Option<&'a CommitteeSettings>,
}

fn body_out<'a>(review: &'a Review, content: &ReviewContent) -> ReviewBodyOut<'a> {
    ReviewBodyOut {
        based_on: review.synced_at,
        review: ReviewV6Out::from(review),
        content: content_v3(content),
    }
}

/// Writes a review file. The same review, time and app version always give the same text.
pub fn write_review_file(
    review: &Review,
    content: &ReviewContent,
    exported_at: DateTime<Utc>,
    app_version: &str,
) -> String {
    serde_json::to_string_pretty(&ReviewFileOut {
        kind: FileKind::Review.tag(),
        format_version: FORMAT_VERSION,
        exported_at,
        app_version,
        body: body_out(review, content),
    })
    .expect("a review always serialises")
}

/// Writes a backup of `reviews`, in the order given.
pub fn write_backup(
    reviews: &[(Review, ReviewContent)],
    exported_at: DateTime<Utc>,
    app_version: &str,
) -> String {
    write_backup_with_settings(reviews, None, exported_at, app_version)
}

/// Writes a backup of `reviews` and, when given, the install's committee settings.
pub fn write_backup_with_settings(
    reviews: &[(Review, ReviewContent)],
    settings: Option<&CommitteeSettings>,
    exported_at: DateTime<Utc>,
    app_version: &str,
) -> String {
    serde_json::to_string_pretty(&BackupOut {
        kind: FileKind::Backup.tag(),
        format_version: FORMAT_VERSION,
        exported_at,
        app_version,
        reviews: reviews.iter().map(|(r, c)| body_out(r, c)).collect(),
        settings,
    })
    .expect("a backup always serialises")
}

/// The longest a file name's title part may be, in characters: file systems allow 255 bytes
/// in a name, and a name much longer than this is no use to anyone reading a folder.
const MAX_FILE_STEM_CHARS: usize = 80;

/// A file name from a title and a date: `Review-2026-03-Child-A-2026-11-26.sightline.json`,
/// with `.age` added when the file is protected with a passphrase. Only letters and digits of
/// the title are kept (so no direction control, path separator or reserved character reaches
/// the name), joined by hyphens and cut to 80 characters.
pub fn file_name(title: &str, date: NaiveDate, suffix: &str, encrypted: bool) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let mut stem = stem
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if let Some((cut, _)) = stem.char_indices().nth(MAX_FILE_STEM_CHARS) {
        stem.truncate(cut);
        stem.truncate(stem.trim_end_matches('-').len());
    }
    let stem = if stem.is_empty() {
        "review".to_owned()
    } else {
        stem
    };
    format!(
        "{stem}-{}{suffix}{}",
        date.format("%Y-%m-%d"),
        if encrypted { ".age" } else { "" }
    )
}
