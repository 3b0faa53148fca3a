//! Sightline's files: a review, a backup of every review, a reflection pack and a contribution.
//! This is the project's data contract (docs/FILE-FORMAT.md).
//!
//! Every file is JSON with a `kind` tag and an integer `format_version`. Writing is strict and
//! deterministic: the same review always gives the same bytes. Reading is lenient and repairs
//! what it can, saying what it did: a missing optional field gets its default, a record that
//! cannot be read is left out, a link to a record that is not there is dropped, a duplicate id
//! is given a new one. A file from a newer version is refused with the version it needs.
//! Reading never panics, whatever the bytes (a fuzz target checks this).

pub mod encryption;
pub mod merge;
pub mod pack;
pub mod restore;
pub mod v1;
pub mod v2;
pub mod v3;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::content::ReviewContent;
use crate::ids::IdSource;
use crate::review::Review;
use restore::{read_content, repair_content};
use v3::{content_v3, ContentV3, ReviewV3};

/// The format version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = v3::VERSION;
/// The largest file Sightline reads.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// The kinds of file Sightline writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Review,
    Backup,
    ReflectionPack,
    Contribution,
}

impl FileKind {
    pub const ALL: [FileKind; 4] = [
        FileKind::Review,
        FileKind::Backup,
        FileKind::ReflectionPack,
        FileKind::Contribution,
    ];

    /// The `kind` tag in the file.
    pub fn tag(self) -> &'static str {
        match self {
            FileKind::Review => "sightline.review",
            FileKind::Backup => "sightline.backup",
            FileKind::ReflectionPack => "sightline.reflection-pack",
            FileKind::Contribution => "sightline.contribution",
        }
    }

    pub fn from_tag(tag: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.tag() == tag)
    }

    /// The kind in words: "a review file".
    pub fn describe(self) -> &'static str {
        match self {
            FileKind::Review => "a review file",
            FileKind::Backup => "a backup of every review",
            FileKind::ReflectionPack => "a reflection pack",
            FileKind::Contribution => "a contribution to a reflection",
        }
    }

    /// Where in Sightline this kind of file is opened.
    fn where_to_open(self) -> &'static str {
        match self {
            FileKind::Review | FileKind::ReflectionPack => {
                "Open it with \u{201c}Open a file\u{201d} on the Reviews page."
            }
            FileKind::Backup => "Open it with \u{201c}Restore from backup\u{201d} on the Storage page.",
            FileKind::Contribution => {
                "Import it on the page of the reflection it answers, with \u{201c}Import contributions\u{201d}."
            }
        }
    }
}

/// Why a file could not be read. Each message says what is wrong and what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("The file is empty. Check you chose the right file, or ask for it to be sent again.")]
    Empty,
    #[error("The file is larger than 50 MB, which is more than any Sightline file should be. Check you chose the right file.")]
    TooLarge,
    #[error("This is not a Sightline file: it is not text. Check you chose the right file.")]
    NotText,
    #[error("The file ends too early: it was probably cut short while it was saved, sent or copied. Ask for it to be sent again.")]
    Truncated,
    #[error("This is not a Sightline file: Sightline could not read it as JSON. Check you chose the right file.")]
    NotJson,
    #[error("This is not a Sightline file: it has no Sightline kind tag. Check you chose the right file.")]
    NotSightline,
    #[error("This is {} (not {}). {}", .found.describe(), .expected.describe(), .found.where_to_open())]
    WrongKind { expected: FileKind, found: FileKind },
    #[error("This file was made by a newer version of Sightline{} (file format version {version}; this version reads up to {}). Update Sightline, then open the file again.", app_version.as_deref().map(|v| format!(" ({v})")).unwrap_or_default(), FORMAT_VERSION)]
    NewerVersion {
        version: u64,
        app_version: Option<String>,
    },
    #[error("The file is damaged and cannot be read ({0}). Ask for it to be sent again.")]
    Damaged(String),
    #[error("This file is protected with a passphrase. Enter the passphrase to open it.")]
    PassphraseNeeded,
    #[error("The passphrase is not the one this file was protected with. Check it, including capitals and spaces, and try again.")]
    WrongPassphrase,
    #[error("The protected file is damaged or has been changed since it was made, so it cannot be opened. Ask for it to be sent again.")]
    EncryptedDamaged,
    #[error("This protected file asks for far more work to open than Sightline allows, so it was not opened. If you trust it, open it with the age tool instead.")]
    ExcessiveWork,
}

/// What a file says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInfo {
    pub kind: FileKind,
    pub format_version: u32,
    pub exported_at: Option<DateTime<Utc>>,
    /// The version of Sightline that wrote it.
    pub app_version: Option<String>,
}

/// A review as a file holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewFile {
    pub review: Review,
    pub content: ReviewContent,
    /// When the copy in the file last agreed with another copy, for merging (see `merge`).
    pub based_on: Option<DateTime<Utc>>,
}

/// A file's contents as read, with everything the reader had to repair.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported<T> {
    pub info: FileInfo,
    pub value: T,
    pub repairs: Vec<String>,
}

/// Reads a file's text and its envelope: checks the size, the kind tag and the version, and
/// brings an older version's body up to the current one.
pub fn read_envelope(bytes: &[u8]) -> Result<(FileInfo, Value), FileError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge);
    }
    if encryption::is_encrypted(bytes) {
        return Err(FileError::PassphraseNeeded);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::NotText)?;
    let value: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => FileError::Truncated,
        serde_json::error::Category::Data => FileError::Damaged(e.to_string()),
        _ => FileError::NotJson,
    })?;
    let object = value.as_object().ok_or(FileError::NotSightline)?;
    let kind = object
        .get("kind")
        .and_then(Value::as_str)
        .and_then(FileKind::from_tag)
        .ok_or(FileError::NotSightline)?;
    let app_version = object
        .get("app_version")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let version = object
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| FileError::Damaged("it has no format version".into()))?;
    if version == 0 {
        return Err(FileError::Damaged("its format version is 0".into()));
    }
    if version > u64::from(FORMAT_VERSION) {
        return Err(FileError::NewerVersion {
            version,
            app_version,
        });
    }
    let exported_at = object
        .get("exported_at")
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    let body = migrate(version as u32, value)?;
    Ok((
        FileInfo {
            kind,
            format_version: version as u32,
            exported_at,
            app_version,
        },
        body,
    ))
}

/// Brings a body of `version` up to the current version, one version at a time: each older
/// version has a step to the next. A version 4 adds its step here and in its own module.
fn migrate(version: u32, body: Value) -> Result<Value, FileError> {
    match version {
        v1::VERSION => migrate(v2::VERSION, v2::migrate_v1(body)),
        v2::VERSION => migrate(v3::VERSION, v3::migrate_v2(body)),
        v3::VERSION => Ok(body),
        other => Err(FileError::Damaged(format!(
            "unknown format version {other}"
        ))),
    }
}

fn expect_kind(info: &FileInfo, expected: FileKind) -> Result<(), FileError> {
    if info.kind == expected {
        Ok(())
    } else {
        Err(FileError::WrongKind {
            expected,
            found: info.kind,
        })
    }
}

/// Reads one review from a body's `review`, `content` and `based_on` fields.
fn read_review_body(
    body: &Value,
    ids: &mut dyn IdSource,
    repairs: &mut Vec<String>,
) -> Result<ReviewFile, FileError> {
    let review_value = body
        .get("review")
        .ok_or_else(|| FileError::Damaged("it has no review in it".into()))?;
    let review = ReviewV3::deserialize(review_value)
        .map_err(|e| FileError::Damaged(format!("the review\u{2019}s details: {e}")))?;
    let review = review.into_review(repairs);
    let mut content = read_content(body.get("content"), repairs);
    repairs.extend(repair_content(&mut content, ids));
    let based_on = body
        .get("based_on")
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    Ok(ReviewFile {
        review,
        content,
        based_on,
    })
}

/// Reads a review file.
pub fn read_review_file(
    bytes: &[u8],
    ids: &mut dyn IdSource,
) -> Result<Imported<ReviewFile>, FileError> {
    let (info, body) = read_envelope(bytes)?;
    expect_kind(&info, FileKind::Review)?;
    review_file_from(info, &body, ids)
}

fn review_file_from(
    info: FileInfo,
    body: &Value,
    ids: &mut dyn IdSource,
) -> Result<Imported<ReviewFile>, FileError> {
    let mut repairs = Vec::new();
    let value = read_review_body(body, ids, &mut repairs)?;
    Ok(Imported {
        info,
        value,
        repairs,
    })
}

/// Any Sightline file, read according to the kind it says it is.
// One value per file opened, matched at once: boxing the larger variants would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum AnyFile {
    Review(Imported<ReviewFile>),
    Backup(Imported<Vec<ReviewFile>>),
    ReflectionPack(Imported<pack::ReflectionPack>),
    Contribution(Imported<pack::Contribution>),
}

impl AnyFile {
    pub fn kind(&self) -> FileKind {
        match self {
            AnyFile::Review(_) => FileKind::Review,
            AnyFile::Backup(_) => FileKind::Backup,
            AnyFile::ReflectionPack(_) => FileKind::ReflectionPack,
            AnyFile::Contribution(_) => FileKind::Contribution,
        }
    }
}

/// Reads a file of any kind, parsing it once: for "Open a file", where the file says what it
/// is.
pub fn read_any(bytes: &[u8], ids: &mut dyn IdSource) -> Result<AnyFile, FileError> {
    let (info, body) = read_envelope(bytes)?;
    Ok(match info.kind {
        FileKind::Review => AnyFile::Review(review_file_from(info, &body, ids)?),
        FileKind::Backup => AnyFile::Backup(backup_from(info, &body, ids)?),
        FileKind::ReflectionPack => AnyFile::ReflectionPack(pack::pack_from(info, body)?),
        FileKind::Contribution => AnyFile::Contribution(pack::contribution_from(info, body)?),
    })
}

/// Reads a backup: every review in it, each repaired on its own.
pub fn read_backup(
    bytes: &[u8],
    ids: &mut dyn IdSource,
) -> Result<Imported<Vec<ReviewFile>>, FileError> {
    let (info, body) = read_envelope(bytes)?;
    expect_kind(&info, FileKind::Backup)?;
    backup_from(info, &body, ids)
}

fn backup_from(
    info: FileInfo,
    body: &Value,
    ids: &mut dyn IdSource,
) -> Result<Imported<Vec<ReviewFile>>, FileError> {
    let reviews = body
        .get("reviews")
        .and_then(Value::as_array)
        .ok_or_else(|| FileError::Damaged("it has no list of reviews".into()))?;
    let mut repairs = Vec::new();
    let mut value = Vec::new();
    for (n, entry) in reviews.iter().enumerate() {
        let mut own = Vec::new();
        match read_review_body(entry, ids, &mut own) {
            Ok(review) => {
                repairs.extend(
                    own.into_iter()
                        .map(|r| format!("{}: {r}", review.review.title)),
                );
                value.push(review);
            }
            Err(error) => repairs.push(format!(
                "Review {} in the backup was left out: {error}",
                n + 1
            )),
        }
    }
    Ok(Imported {
        info,
        value,
        repairs,
    })
}

#[derive(Serialize)]
struct ReviewBodyOut {
    based_on: Option<DateTime<Utc>>,
    review: ReviewV3,
    content: ContentV3,
}

#[derive(Serialize)]
struct ReviewFileOut<'a> {
    kind: &'static str,
    format_version: u32,
    exported_at: DateTime<Utc>,
    app_version: &'a str,
    #[serde(flatten)]
    body: ReviewBodyOut,
}

#[derive(Serialize)]
struct BackupOut<'a> {
    kind: &'static str,
    format_version: u32,
    exported_at: DateTime<Utc>,
    app_version: &'a str,
    reviews: Vec<ReviewBodyOut>,
}

fn body_out(review: &Review, content: &ReviewContent) -> ReviewBodyOut {
    ReviewBodyOut {
        based_on: review.synced_at,
        review: ReviewV3::from(review),
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
    serde_json::to_string_pretty(&BackupOut {
        kind: FileKind::Backup.tag(),
        format_version: FORMAT_VERSION,
        exported_at,
        app_version,
        reviews: reviews.iter().map(|(r, c)| body_out(r, c)).collect(),
    })
    .expect("a backup always serialises")
}

/// A file name from a title and a date: `Review-2026-03-Child-A-2026-11-26.sightline.json`,
/// with `.age` added when the file is protected with a passphrase.
pub fn file_name(title: &str, date: NaiveDate, suffix: &str, encrypted: bool) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let stem = stem
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
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

/// How many records of each kind a review holds, for the import summary.
pub fn describe_counts(content: &ReviewContent) -> Vec<(&'static str, usize)> {
    vec![
        ("people", content.people.len()),
        ("agencies", content.agencies.len()),
        ("chronology events", content.events.len()),
        ("key practice episodes", content.episodes.len()),
        ("reflection frameworks", content.templates.len()),
        ("reflections", content.reflections.len()),
        ("reflection answers", content.responses.len()),
        ("systems map nodes", content.map_nodes.len()),
        ("systems map links", content.map_links.len()),
        ("findings", content.findings.len()),
        ("actions", content.actions.len()),
        ("briefings", content.briefings.len()),
    ]
}
