//! Sightline's files: a review, a backup of every review, a reflection pack and a contribution.
//! This is the project's data contract (docs/FILE-FORMAT.md).
//!
//! Every file is JSON with a `kind` tag and an integer `format_version`. Writing is strict and
//! deterministic: the same review always gives the same bytes. Reading is lenient and repairs
//! what it can, saying what it did: a missing optional field gets its default, a record that
//! cannot be read is left out, a link to a record that is not there is dropped, a duplicate id
//! is given a new one. A file from a newer version is refused with the version it needs.
//! Reading never panics, whatever the bytes (a fuzz target checks this).

pub mod describe;
pub mod encryption;
pub mod json;
pub mod json_canvas;
pub mod merge;
pub mod pack;
pub mod restore;
pub mod v1;
pub mod v2;
pub mod v3;
pub mod v4;
pub mod v5;
pub mod v6;
mod write;

pub use write::{file_name, write_backup, write_backup_with_settings, write_review_file};

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::content::ReviewContent;
use crate::ids::IdSource;
use crate::review::settings::CommitteeSettings;
use crate::review::Review;
use restore::{read_content, repair_content};

/// The format version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = v6::VERSION;
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

/// What to do about a damaged Sightline file, said after what is wrong with it.
const DAMAGED_ADVICE: &str = "Ask whoever sent it for a fresh copy. If it is a copy of a review in this browser, the review here has not changed, and its earlier versions are kept as restore points on its Overview.";

/// Why a file could not be read. Each message says what is wrong and what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("The file is empty. Check you chose the right file, or ask for it to be sent again.")]
    Empty,
    #[error("The file is larger than 50 MB, which is more than any Sightline file should be. Check you chose the right file.")]
    TooLarge,
    #[error("This is not a Sightline file: it is not text. Check you chose the right file.")]
    NotText,
    #[error("The file ends too early: it was probably cut short while it was saved, sent or copied. {DAMAGED_ADVICE}")]
    Truncated,
    #[error("This is not a Sightline file: Sightline could not read it as JSON. Check you chose the right file.")]
    NotJson,
    #[error("This is not a Sightline file: it has no Sightline kind tag. Check you chose the right file.")]
    NotSightline,
    #[error("This is a kind of Sightline file this version does not know (\u{201c}{0}\u{201d}). It may have been made by a newer version of Sightline: update Sightline, then open the file again.")]
    UnknownKind(String),
    #[error("This is {} (not {}). {}", .found.describe(), .expected.describe(), .found.where_to_open())]
    WrongKind { expected: FileKind, found: FileKind },
    #[error("This file was made by a newer version of Sightline{} (file format version {version}; this version reads up to {}). Update Sightline, then open the file again.", app_version.as_deref().map(|v| format!(" ({v})")).unwrap_or_default(), FORMAT_VERSION)]
    NewerVersion {
        version: u64,
        app_version: Option<String>,
    },
    /// A Sightline file (its kind tag is there) whose text is broken at a known place.
    #[error("This Sightline file is damaged and cannot be read: at line {line}, column {column}, {problem}. {DAMAGED_ADVICE}")]
    DamagedAt {
        line: usize,
        column: usize,
        problem: &'static str,
    },
    #[error("The file is damaged and cannot be read: {0}. {DAMAGED_ADVICE}")]
    Damaged(String),
    /// A text in the file is far longer than any field holds.
    #[error("This Sightline file cannot be opened: {place} is {} characters long, far more than any Sightline field holds, so the file is damaged (or was changed by another program). {DAMAGED_ADVICE}", crate::text::thousands(*.chars as u64))]
    TooLong { place: String, chars: usize },
    #[error("This file is protected with a passphrase. Enter the passphrase to open it.")]
    PassphraseNeeded,
    #[error("Sightline could not open the file with that passphrase. Either it is not the passphrase the file was protected with (check capitals and spaces, and try again), or the file was changed or damaged after it was protected (if you are sure of the passphrase, ask for the file to be sent again).")]
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
    /// What the reader repaired in the file as a whole (a key given twice, say), before any
    /// record: every reader puts these first in its own repairs.
    pub repairs: Vec<String>,
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

/// Whether bytes that could not be read look like a Sightline file all the same: they hold
/// a kind tag. Such a file is damaged, not the wrong file.
fn has_kind_tag(bytes: &[u8]) -> bool {
    fn find(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }
    find(bytes, b"\"kind\"") && find(bytes, b"\"sightline.")
}

/// The line and column (from 1) of byte `offset` in `bytes`.
fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |at| at + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// A file's bytes as text: UTF-8 (a byte order mark is dropped), or UTF-16 (what Notepad
/// calls "Unicode"), with or without its byte order mark.
fn file_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, FileError> {
    use crate::chronology_csv::decode_utf16;
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(decode_utf16(rest, true).into());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(decode_utf16(rest, false).into());
    }
    // UTF-16 without a byte order mark: every other byte of a JSON text's first characters
    // is zero.
    if bytes.len() >= 4 && bytes.len().is_multiple_of(2) {
        if bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0 {
            return Ok(decode_utf16(bytes, true).into());
        }
        if bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0 {
            return Ok(decode_utf16(bytes, false).into());
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map(Into::into).map_err(|error| {
        if has_kind_tag(bytes) {
            let (line, column) = line_and_column(bytes, error.valid_up_to());
            FileError::DamagedAt {
                line,
                column,
                problem: "it holds bytes that are not text (the file may have been changed by a program that is not a text editor, or damaged while it was copied)",
            }
        } else {
            FileError::NotText
        }
    })
}

/// What is wrong with a file's format version, if anything, and the version.
fn format_version(value: Option<&Value>) -> Result<u64, FileError> {
    let damaged = |what: String| Err(FileError::Damaged(what));
    let shown = |text: &str| text.chars().take(20).collect::<String>();
    match value {
        None | Some(Value::Null) => damaged("it has no format version".into()),
        Some(Value::Number(n)) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(0), _, _) => damaged("its format version is 0, and versions start at 1".into()),
            (Some(version), _, _) => Ok(version),
            (None, Some(negative), _) => damaged(format!(
                "its format version is {negative}, below zero, where versions are whole numbers from 1"
            )),
            (_, _, Some(f)) if f.fract() != 0.0 => damaged(format!(
                "its format version is {}, which is not a whole number",
                shown(&n.to_string())
            )),
            _ => damaged(format!(
                "its format version ({}) is far larger than any version of Sightline has written",
                shown(&n.to_string())
            )),
        },
        Some(Value::String(text)) => damaged(format!(
            "its format version is written as text (\u{201c}{}\u{201d}), where it should be a number",
            shown(text)
        )),
        Some(Value::Bool(_)) => damaged("its format version is true or false, where it should be a number".into()),
        Some(_) => damaged("its format version is a list or group of fields, where it should be a number".into()),
    }
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
    let text = file_text(bytes)?;
    let parsed = json::parse(&text).map_err(|error| match error {
        json::ParseError::TooLong { path, chars } => FileError::TooLong {
            place: json::describe_path(&path),
            chars,
        },
        json::ParseError::Syntax(e) => {
            let sightline = has_kind_tag(text.as_bytes());
            match e.classify() {
                serde_json::error::Category::Eof => FileError::Truncated,
                _ if sightline => FileError::DamagedAt {
                    line: e.line(),
                    column: e.column(),
                    problem: json::syntax_problem(&e, &text),
                },
                _ => FileError::NotJson,
            }
        }
    })?;
    let value = parsed.value;
    let object = value.as_object().ok_or(FileError::NotSightline)?;
    let kind = match object.get("kind").and_then(Value::as_str) {
        Some(tag) => match FileKind::from_tag(tag) {
            Some(kind) => kind,
            None if tag.starts_with("sightline.") => {
                return Err(FileError::UnknownKind(tag.chars().take(60).collect()))
            }
            None => return Err(FileError::NotSightline),
        },
        None => return Err(FileError::NotSightline),
    };
    let app_version = object
        .get("app_version")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let version = format_version(object.get("format_version"))?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(FileError::NewerVersion {
            version,
            app_version,
        });
    }
    let mut repairs: Vec<String> = parsed
        .duplicates
        .iter()
        .map(|(path, key)| {
            format!(
                "{} gives \u{201c}{key}\u{201d} twice; the second one is used.",
                capitalise(&json::describe_path(path))
            )
        })
        .collect();
    let exported_at = match object.get("exported_at") {
        None | Some(Value::Null) => None,
        Some(value) => match serde_json::from_value(value.clone()) {
            Ok(at) => Some(at),
            Err(_) => {
                repairs.push("The time the file was exported could not be read, so it is shown as not recorded.".into());
                None
            }
        },
    };
    let body = migrate(version as u32, value)?;
    Ok((
        FileInfo {
            kind,
            format_version: version as u32,
            exported_at,
            app_version,
            repairs,
        },
        body,
    ))
}

/// `text` with its first letter a capital.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Brings a body of `version` up to the current version, one version at a time: each older
/// version has a step to the next. A version 5 adds its step here and in its own module.
fn migrate(version: u32, body: Value) -> Result<Value, FileError> {
    match version {
        v1::VERSION => migrate(v2::VERSION, v2::migrate_v1(body)),
        v2::VERSION => migrate(v3::VERSION, v3::migrate_v2(body)),
        v3::VERSION => migrate(v4::VERSION, v4::migrate_v3(body)),
        v4::VERSION => migrate(v5::VERSION, v5::migrate_v4(body)),
        v5::VERSION => migrate(v6::VERSION, v6::migrate_v5(body)),
        v6::VERSION => Ok(body),
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
    let review = v6::read_review(review_value, repairs).map_err(FileError::Damaged)?;
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
    let mut repairs = info.repairs.clone();
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
    Backup(Imported<Backup>),
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

/// What a backup holds: every review, and (from version 4) the install's committee settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub reviews: Vec<ReviewFile>,
    pub settings: Option<CommitteeSettings>,
}

/// Reads a backup: every review in it, each repaired on its own.
pub fn read_backup(bytes: &[u8], ids: &mut dyn IdSource) -> Result<Imported<Backup>, FileError> {
    let (info, body) = read_envelope(bytes)?;
    expect_kind(&info, FileKind::Backup)?;
    backup_from(info, &body, ids)
}

fn backup_from(
    info: FileInfo,
    body: &Value,
    ids: &mut dyn IdSource,
) -> Result<Imported<Backup>, FileError> {
    let reviews = body
        .get("reviews")
        .and_then(Value::as_array)
        .ok_or_else(|| FileError::Damaged("it has no list of reviews".into()))?;
    let mut repairs = info.repairs.clone();
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
                "Review {} in the backup could not be read and was left out: {}",
                n + 1,
                match error {
                    FileError::Damaged(what) => format!("{what}."),
                    other => other.to_string(),
                }
            )),
        }
    }
    let settings = match body.get("settings") {
        None | Some(Value::Null) => None,
        Some(value) => match serde_json::from_value(value.clone()) {
            Ok(settings) => Some(settings),
            Err(_) => {
                repairs.push("The committee settings in the backup could not be read, so they were left out; this browser\u{2019}s settings are kept.".into());
                None
            }
        },
    };
    Ok(Imported {
        info,
        value: Backup {
            reviews: value,
            settings,
        },
        repairs,
    })
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
