//! Damaged Sightline files (issue 11, items 5 to 10 and 18): every way a real review file can
//! be broken gets a message that says it is a damaged Sightline file (not the wrong file),
//! where, and what to do; no message shows program internals; UTF-16 files are read; keys
//! given twice are listed as repairs; a bad format version says what is wrong with it;
//! absurdly long text is refused before anything draws it.

use chrono::{DateTime, TimeZone, Utc};
use sightline_core::format::{
    read_any, read_backup, read_review_file, write_backup, write_review_file, FileError,
};
use sightline_core::ids::SeededIds;
use sightline_core::testing::{generate_review, ReviewSize};

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
}

fn good_file() -> String {
    let (review, content) = generate_review(31, ReviewSize::SMALL, at());
    write_review_file(&review, &content, at(), "0.1.0")
}

fn read(bytes: &[u8]) -> Result<Vec<String>, FileError> {
    read_review_file(bytes, &mut SeededIds::new(1)).map(|file| file.repairs)
}

/// Words that belong to the program, not to a person reading a message.
const INTERNALS: [&str; 12] = [
    "invalid type",
    "expected struct",
    "ReviewV",
    "UUID parsing",
    "serde",
    "`",
    "u32",
    "u64",
    "Value",
    "EOF",
    "deserial",
    "unwrap",
];

fn assert_plain(message: &str) {
    for word in INTERNALS {
        assert!(!message.contains(word), "{word:?} in {message:?}");
    }
    assert!(message.ends_with('.'), "{message}");
}

/// The line and column (from 1) of the first occurrence of `needle` in `text`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

#[test]
fn a_damaged_review_file_is_called_damaged_with_where_and_what_to_do() {
    let good = good_file();
    // Each damage: the damaged text, the part of the text where the reader must stop, and
    // words the message must have.
    // The last field of the parallel proceedings, so a comma after it is a trailing one.
    let last_line = good
        .lines()
        .find(|l| l.trim_start().starts_with("\"liaison_note\""))
        .unwrap();
    let cases: Vec<(&str, String, String, &str)> = vec![
        (
            "a trailing comma",
            good.replacen(last_line, &format!("{last_line},"), 1),
            String::new(),
            "comma",
        ),
        (
            "a comment",
            good.replacen("\"review\": {", "\"review\": { // edited by hand\n", 1),
            "// edited".into(),
            "comment",
        ),
        (
            "NaN",
            good.replacen("\"decision_weeks\": 6", "\"decision_weeks\": NaN", 1),
            "NaN".into(),
            "NaN",
        ),
        (
            "a control character in text",
            good.replacen("\"title\": \"", "\"title\": \"\u{1}", 1),
            "\u{1}".into(),
            "control character",
        ),
        (
            "a NUL byte",
            good.replacen("\"review\": {", "\"review\": {\u{0}", 1),
            "\u{0}".into(),
            "",
        ),
        (
            "a second document appended",
            format!("{good}\n{good}"),
            String::new(),
            "more follows",
        ),
        (
            "absurd nesting",
            good.replacen(
                "\"review\": {",
                &format!(
                    "\"deep\": {}0{}, \"review\": {{",
                    "[".repeat(500),
                    "]".repeat(500)
                ),
                1,
            ),
            String::new(),
            "nested",
        ),
    ];
    for (what, text, stop_at, words) in cases {
        let error = read(text.as_bytes()).unwrap_err();
        let message = error.to_string();
        let FileError::DamagedAt { line, column, .. } = error else {
            panic!("{what}: {error:?}");
        };
        if !stop_at.is_empty() {
            let (l, c) = position(&text, &stop_at);
            assert_eq!(line, l, "{what}: {message}");
            assert!(
                column.abs_diff(c) <= 2,
                "{what}: column {column} vs {c}: {message}"
            );
        }
        assert!(
            message.starts_with("This Sightline file is damaged"),
            "{what}: {message}"
        );
        assert!(
            message.contains(&format!("at line {line}, column {column}")),
            "{message}"
        );
        assert!(message.contains("restore points"), "{message}");
        assert!(
            !message.contains("Check you chose the right file"),
            "{message}"
        );
        assert!(message.contains(words), "{what}: {message}");
        assert_plain(&message);
    }
}

#[test]
fn invalid_utf8_in_a_review_file_is_damage_at_its_line() {
    let good = good_file();
    let mut bytes = good.clone().into_bytes();
    let (line, column) = position(&good, "\"committee\"");
    let at = good.find("\"committee\"").unwrap();
    bytes[at] = 0xC3;
    bytes[at + 1] = 0x28;
    let error = read(&bytes).unwrap_err();
    assert_eq!(
        error,
        FileError::DamagedAt {
            line,
            column,
            problem: match &error {
                FileError::DamagedAt { problem, .. } => problem,
                _ => unreachable!(),
            }
        }
    );
    assert!(
        error.to_string().contains("bytes that are not text"),
        "{error}"
    );
    // Not text and not Sightline's is still "not text".
    assert_eq!(
        read(&[0x80, 0x81, 0x82, 0x00, 0x01]),
        Err(FileError::NotText)
    );
}

#[test]
fn a_file_resaved_as_utf16_reads_as_the_same_review() {
    let good = good_file();
    let expected = read_review_file(good.as_bytes(), &mut SeededIds::new(1))
        .unwrap()
        .value;
    let le: Vec<u8> = good.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = good.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [
        [&[0xFF, 0xFE][..], &le].concat(),
        [&[0xFE, 0xFF][..], &be].concat(),
        le.clone(),
        be.clone(),
    ] {
        let file = read_review_file(&bytes, &mut SeededIds::new(1)).unwrap();
        assert_eq!(file.value, expected);
        assert!(file.repairs.is_empty(), "{:?}", file.repairs);
    }
}

#[test]
fn a_key_given_twice_is_listed_as_a_repair_naming_it() {
    let good = good_file();
    let twice = good.replacen(
        "\"title\": \"",
        "\"title\": \"The first title\",\n    \"title\": \"",
        1,
    );
    let repairs = read(twice.as_bytes()).unwrap();
    assert_eq!(
        repairs,
        ["The review gives \u{201c}title\u{201d} twice; the second one is used."]
    );
    // Inside a record too, and in a backup.
    let event_twice = good.replacen(
        "\"what_happened\": \"",
        "\"what_happened\": \"x\", \"what_happened\": \"",
        1,
    );
    let repairs = read(event_twice.as_bytes()).unwrap();
    assert_eq!(repairs.len(), 1);
    assert!(repairs[0].starts_with("Chronology event "), "{repairs:?}");
    assert!(
        repairs[0].contains("\u{201c}what_happened\u{201d} twice"),
        "{repairs:?}"
    );
}

#[test]
fn a_bad_format_version_says_what_is_wrong_with_it() {
    let good = good_file();
    let cases = [
        ("\"3\"", "written as text (\u{201c}3\u{201d})"),
        ("-1", "is -1, below zero"),
        ("2.5", "is 2.5, which is not a whole number"),
        ("99999999999999999999", "far larger than any version"),
        ("0", "is 0, and versions start at 1"),
        ("true", "true or false"),
        ("null", "has no format version"),
    ];
    for (version, words) in cases {
        let text = good.replacen(
            "\"format_version\": 6",
            &format!("\"format_version\": {version}"),
            1,
        );
        let error = read(text.as_bytes()).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(words), "{version}: {message}");
        assert!(
            !message.contains("has no format version") || version == "null",
            "{message}"
        );
        assert_plain(&message);
    }
}

#[test]
fn wrong_types_in_the_review_name_the_part_in_plain_english() {
    let good = good_file();
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    type Damage = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(Damage, &str)> = vec![
        (
            Box::new(|v| v["review"] = serde_json::Value::Null),
            "the review is empty (null), where Sightline expects a group of fields",
        ),
        (
            Box::new(|v| v["review"]["title"] = 42.into()),
            "the review\u{2019}s title is a number (42), where Sightline expects text",
        ),
        (
            Box::new(|v| v["review"]["id"] = "not-an-id".into()),
            "the review\u{2019}s id is not an id Sightline made",
        ),
        (
            Box::new(|v| v["review"]["review_type"] = "unheard_of".into()),
            "the review\u{2019}s type of review is \u{201c}unheard_of\u{201d}, which this version of Sightline does not know",
        ),
        (
            Box::new(|v| v["review"]["created_at"] = "yesterday".into()),
            "the review\u{2019}s time it was made is not a date or time Sightline can read",
        ),
        (
            Box::new(|v| {
                v["review"].as_object_mut().unwrap().remove("title");
            }),
            "the title is missing from the review",
        ),
    ];
    for (damage, words) in cases {
        let mut damaged = value.clone();
        damage(&mut damaged);
        let error = read(damaged.to_string().as_bytes()).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(words), "{message}");
        assert_plain(&message);
    }
    // A record that cannot be read is left out, named by what it is.
    value["content"]["events"][0]["what_happened"] = 42.into();
    value["content"]["episodes"][0]["events"] = "all of them".into();
    let repairs = read(value.to_string().as_bytes()).unwrap();
    let text = repairs.join("\n");
    assert!(text.contains("The chronology event of "), "{text}");
    assert!(
        text.contains(
            "its \u{201c}what happened\u{201d} is a number (42), where Sightline expects text."
        ),
        "{text}"
    );
    assert!(text.contains("The key practice episode \u{201c}"), "{text}");
    assert!(
        text.contains("its events is text, where Sightline expects a list."),
        "{text}"
    );
    for repair in &repairs {
        assert_plain(repair);
    }
}

#[test]
fn an_unknown_sightline_kind_asks_for_a_newer_version() {
    let good = good_file();
    let text = good.replacen("\"sightline.review\"", "\"sightline.report\"", 1);
    let error = read_any(text.as_bytes(), &mut SeededIds::new(1)).unwrap_err();
    assert_eq!(error, FileError::UnknownKind("sightline.report".into()));
    assert!(error.to_string().contains("update Sightline"), "{error}");
}

#[test]
fn absurdly_long_text_is_refused_naming_the_field() {
    let good = good_file();
    let huge = "A".repeat(5 * 1024 * 1024);
    let text = good.replacen("\"title\": \"", &format!("\"title\": \"{huge}"), 1);
    let error = read(text.as_bytes()).unwrap_err();
    let FileError::TooLong { place, chars } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(place, "the review\u{2019}s title");
    assert!(*chars > 5_000_000);
    let message = error.to_string();
    assert!(message.contains("is 5,242,"), "{message}");
    assert_plain(&message);
    // A long answer is not absurd.
    let long = "word ".repeat(20_000);
    let text = good.replacen(
        "\"what_happened\": \"",
        &format!("\"what_happened\": \"{long}"),
        1,
    );
    assert!(read(text.as_bytes()).is_ok());
}

#[test]
fn backups_report_damage_and_repairs_the_same_way() {
    let (review, content) = generate_review(32, ReviewSize::SMALL, at());
    let backup = write_backup(&[(review, content)], at(), "0.1.0");
    let twice = backup.replacen("\"title\": \"", "\"title\": \"x\", \"title\": \"", 1);
    let read = read_backup(twice.as_bytes(), &mut SeededIds::new(1)).unwrap();
    assert_eq!(read.repairs.len(), 1, "{:?}", read.repairs);
    assert!(
        read.repairs[0].starts_with("Review 1 gives"),
        "{:?}",
        read.repairs
    );
    let broken = backup.replacen("\"reviews\": [", "\"reviews\": [,", 1);
    assert!(matches!(
        read_backup(broken.as_bytes(), &mut SeededIds::new(1)),
        Err(FileError::DamagedAt { .. })
    ));
}
