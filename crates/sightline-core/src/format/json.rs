//! Reading a file's JSON text, and saying in plain English what is wrong with it.
//!
//! serde_json's own reader takes the last of two keys that are the same without a word, and
//! its messages name Rust types ("expected struct ReviewV2"). This reader builds the same
//! `serde_json::Value`, but notes every key given twice (the last value is kept, as in every
//! JSON reader, and the file's repairs say so) and refuses text far longer than any field
//! holds, so that a file with a multi-megabyte title is refused before anything draws it. [`syntax_problem`] and
//! [`explain`] turn serde_json's errors into sentences that name the part of the file.

use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// The longest a short field (a title, a label, a role, a name) may be, in characters. The
/// app lets people type at most 200 for any of them; ten thousand is no real review.
pub const MAX_SHORT_FIELD_CHARS: usize = 10_000;
/// The longest any text in a file may be, in bytes: about 800 pages of typing.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// Fields that hold a short name, not a passage of text.
const SHORT_FIELDS: [&str; 14] = [
    "title",
    "committee",
    "label",
    "role",
    "name",
    "owner_role",
    "heading",
    "phase",
    "source",
    "age_band",
    "category",
    "app_version",
    "kind",
    "review_title",
];

/// What the reader noticed while building the tree.
#[derive(Default)]
struct Notes {
    /// Keys given twice, by the path of the object that holds them.
    duplicates: Vec<(String, String)>,
    /// The first text longer than its field allows: its path and length in characters.
    too_long: Option<(String, usize)>,
}

/// A JSON text read into a tree, with the keys it gave twice.
#[derive(Debug)]
pub struct Parsed {
    pub value: Value,
    /// Each key given twice in one object: (the object's path, the key). The last value given
    /// is the one kept, as in every JSON reader.
    pub duplicates: Vec<(String, String)>,
}

/// Why a file's text could not be read as JSON.
#[derive(Debug)]
pub enum ParseError {
    /// The JSON is broken: serde_json's error, with its line and column.
    Syntax(serde_json::Error),
    /// A text is longer than any field holds: where, and how long in characters.
    TooLong { path: String, chars: usize },
}

/// Reads JSON text into a tree, noting duplicate keys and refusing absurdly long text.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let notes = RefCell::new(Notes::default());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = ValueSeed {
        path: String::new(),
        key: None,
        notes: &notes,
    }
    .deserialize(&mut deserializer);
    let notes = notes.into_inner();
    if let Some((path, chars)) = notes.too_long {
        return Err(ParseError::TooLong { path, chars });
    }
    let value = value.map_err(ParseError::Syntax)?;
    deserializer.end().map_err(ParseError::Syntax)?;
    Ok(Parsed {
        value,
        duplicates: notes.duplicates,
    })
}

struct ValueSeed<'n> {
    /// Where this value is: `review.title`, `content.events[3].what_happened`.
    path: String,
    /// The key this value is under, if it is in an object.
    key: Option<String>,
    notes: &'n RefCell<Notes>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
        self.visit_string(v.to_owned())
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Value, E> {
        let short = self
            .key
            .as_deref()
            .is_some_and(|key| SHORT_FIELDS.contains(&key));
        let too_long = if short {
            v.len() > MAX_SHORT_FIELD_CHARS && v.chars().count() > MAX_SHORT_FIELD_CHARS
        } else {
            v.len() > MAX_TEXT_BYTES
        };
        if too_long {
            let mut notes = self.notes.borrow_mut();
            if notes.too_long.is_none() {
                notes.too_long = Some((self.path.clone(), v.chars().count()));
            }
            // Stops reading at once: the caller reports the length, not this error.
            return Err(E::custom("text too long"));
        }
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let seed = ValueSeed {
                path: format!("{}[{}]", self.path, items.len()),
                key: None,
                notes: self.notes,
            };
            match seq.next_element_seed(seed)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            let value = map.next_value_seed(ValueSeed {
                path,
                key: Some(key.clone()),
                notes: self.notes,
            })?;
            if object.insert(key.clone(), value).is_some() {
                self.notes
                    .borrow_mut()
                    .duplicates
                    .push((self.path.clone(), key));
            }
        }
        Ok(Value::Object(object))
    }
}

/// A syntax error in `text` in plain English: what is wrong, without the line and column (the
/// caller gives those).
pub fn syntax_problem(error: &serde_json::Error, text: &str) -> &'static str {
    // What is at the place the reader stopped tells a comment or NaN from other stray text.
    let here: String = text
        .split('\n')
        .nth(error.line().saturating_sub(1))
        .map(|line| {
            line.chars()
                .skip(error.column().saturating_sub(1))
                .take(8)
                .collect()
        })
        .unwrap_or_default();
    if error.classify() == serde_json::error::Category::Syntax {
        if here.starts_with("//") || here.starts_with("/*") || here.starts_with('/') {
            return "there is a comment, which the format does not allow";
        }
        if here.starts_with("NaN") || here.starts_with("Infinity") || here.starts_with("-Infinity")
        {
            return "there is NaN or Infinity where a number belongs, which the format does not allow";
        }
    }
    let message = error.to_string();
    let starts = |prefix: &str| message.starts_with(prefix);
    if starts("trailing comma") {
        "there is a comma just before a closing bracket, where nothing may follow it"
    } else if starts("trailing characters") {
        "more follows the end of the file\u{2019}s contents (perhaps another file was joined on to it)"
    } else if starts("control character") {
        "a piece of text holds a control character (such as a NUL byte) that the format does not allow"
    } else if starts("recursion limit exceeded") {
        "it is nested far more deeply than any Sightline file"
    } else if starts("key must be a string") {
        "a field name is not in double quotes"
    } else if starts("invalid number") || starts("number out of range") {
        "a number cannot be read"
    } else if starts("invalid escape")
        || starts("invalid unicode code point")
        || starts("lone leading surrogate")
        || starts("unexpected end of hex escape")
    {
        "a piece of text has a broken escape (a backslash sequence)"
    } else if starts("expected value") || starts("expected ident") {
        "something there is not a value the format allows (a comment, NaN, a stray character or a missing value)"
    } else if starts("expected `,` or") || starts("expected `:`") || starts("expected `\"`") {
        "a comma, colon, quote or bracket is missing or out of place"
    } else if starts("EOF") {
        "the file ends before its contents do"
    } else {
        "the text does not follow the format"
    }
}

/// Where in a file a path is, as a person reads it: `review.title` is "the review’s title",
/// `content.events[3].what_happened` is "chronology event 4’s “what happened”".
pub fn describe_path(path: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut owner: Option<String> = None;
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let (name, index) = match segment.split_once('[') {
            Some((name, rest)) => (
                name,
                rest.trim_end_matches(']')
                    .split("][")
                    .next()
                    .and_then(|n| n.parse::<usize>().ok()),
            ),
            None => (segment, None),
        };
        match (name, index) {
            ("review", None) if parts.is_empty() => {
                // A backup's review holds its details under "review" too.
                if owner.is_none() {
                    owner = Some("the review".into())
                }
            }
            ("content", None) if parts.is_empty() => {}
            (list, Some(n)) if owner.is_none() || parts.is_empty() => {
                let (one, _) = record_words(list);
                owner = Some(match &owner {
                    Some(outer) if outer != "the review" => format!("{outer}, {one} {}", n + 1),
                    _ => format!("{one} {}", n + 1),
                });
                parts.clear();
            }
            (field, Some(n)) => parts.push(format!("{} (item {})", field_words(field), n + 1)),
            (field, None) => parts.push(field_words(field)),
        }
    }
    match (owner, parts.is_empty()) {
        (Some(owner), true) => owner,
        (Some(owner), false) => format!("{owner}\u{2019}s {}", parts.join(", ")),
        (None, true) => "the file".into(),
        (None, false) => format!("the file\u{2019}s {}", parts.join(", ")),
    }
}

/// The words for one record of a list in a file, and for many: "chronology event", "chronology
/// events".
pub fn record_words(list: &str) -> (&'static str, &'static str) {
    match list {
        "agencies" => ("agency", "agencies"),
        "people" => ("person", "people"),
        "events" | "chronology" => ("chronology event", "chronology events"),
        "episodes" => ("key practice episode", "key practice episodes"),
        "templates" => ("reflection framework", "reflection frameworks"),
        "reflections" => ("reflection", "reflections"),
        "responses" => ("reflection answer", "reflection answers"),
        "answers" => ("answer", "answers"),
        "map_nodes" => ("systems map node", "systems map nodes"),
        "map_links" => ("systems map link", "systems map links"),
        "findings" => ("finding", "findings"),
        "actions" => ("action", "actions"),
        "briefings" => ("briefing", "briefings"),
        "reviews" => ("review", "reviews"),
        "participants" => ("participant", "participants"),
        "prompts" => ("question", "questions"),
        "sections" => ("section", "sections"),
        _ => ("item", "items"),
    }
}

/// A field's name as a person reads it.
pub fn field_words(field: &str) -> String {
    match field {
        "id" => "id".into(),
        "title" => "title".into(),
        "review_type" => "type of review".into(),
        "stage_dates" => "stage dates".into(),
        "created_at" => "time it was made".into(),
        "updated_at" => "time it was last changed".into(),
        "exported_at" => "time it was exported".into(),
        "based_on" | "synced_at" => "time the copies last agreed".into(),
        "what_happened" => "\u{201c}what happened\u{201d}".into(),
        "how_it_looked" => "\u{201c}how it looked at the time\u{201d}".into(),
        "seen" => "\u{201c}seen\u{201d}".into(),
        "views_sought" => "\u{201c}views sought\u{201d}".into(),
        "template" => "framework".into(),
        "prompt" => "question".into(),
        "prompts" => "questions".into(),
        "body" => "text".into(),
        "due" => "due date".into(),
        "owner_role" => "owner\u{2019}s role".into(),
        "owner_agency" => "owner\u{2019}s agency".into(),
        "map_scheme" => "systems map categories".into(),
        "x" | "y" => "position".into(),
        "from" | "to" => "end of the link".into(),
        "review_id" => "review\u{2019}s id".into(),
        "reflection_id" => "reflection\u{2019}s id".into(),
        "held_on" => "date it was held".into(),
        "consent_to_quote" => "consent to quote".into(),
        "field_changed_at" => "times its details changed".into(),
        other => other.replace('_', " "),
    }
}

/// A serde error from reading a part of a file, in plain English: `place` is where the part
/// is ("the review", "chronology event 4", or "it" for a record the sentence has named
/// already), `path` where inside it the reader stopped.
pub fn explain(place: &str, path: &serde_path_to_error::Path, error: &serde_json::Error) -> String {
    let fields: Vec<String> = path
        .iter()
        .filter_map(|segment| match segment {
            serde_path_to_error::Segment::Map { key } => Some(field_words(key)),
            serde_path_to_error::Segment::Seq { index } => Some(format!("item {}", index + 1)),
            _ => None,
        })
        .collect();
    let subject = match (place, fields.is_empty()) {
        (_, true) => place.to_owned(),
        // A record already named earlier in the sentence.
        ("it", false) => format!("its {}", fields.join(", ")),
        (_, false) => format!("{place}\u{2019}s {}", fields.join(", ")),
    };
    explain_message(&subject, place, &fields, &error.to_string())
}

fn explain_message(subject: &str, place: &str, fields: &[String], message: &str) -> String {
    // serde_json adds " at line L column C" to some messages; for a value read from the tree
    // it has none, but strip it to be sure.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .to_owned();
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "{subject} is {}, where Sightline expects {}",
            unexpected_words(found),
            expected_words(expected)
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        let within = match (place, fields.is_empty()) {
            (_, true) => place.to_owned(),
            ("it", false) => format!("its {}", fields.join(", ")),
            (_, false) => format!("{place}\u{2019}s {}", fields.join(", ")),
        };
        return format!("the {} is missing from {within}", field_words(field));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let word = rest.split('`').next().unwrap_or("");
        let shown: String = word.chars().take(40).collect();
        return format!(
            "{subject} is \u{201c}{shown}\u{201d}, which this version of Sightline does not know"
        );
    }
    if message.starts_with("invalid value: ") {
        return format!("{subject} holds a value Sightline cannot use");
    }
    if message.starts_with("invalid length ") {
        return format!("{subject} has the wrong number of items");
    }
    if message.starts_with("duplicate field") {
        return format!("{subject} gives the same field twice");
    }
    if [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
        "input is not enough",
        "no possible date and time",
        "bad or unsupported format",
    ]
    .iter()
    .any(|p| message.starts_with(p))
    {
        return format!("{subject} is not a date or time Sightline can read");
    }
    if message.starts_with("UUID parsing failed") {
        return format!("{subject} is not an id Sightline made");
    }
    format!("{subject} cannot be read")
}

fn unexpected_words(found: &str) -> String {
    let value = |s: &str| {
        s.split('`')
            .nth(1)
            .map(|v| v.chars().take(20).collect::<String>())
    };
    if found == "null" || found == "unit value" {
        "empty (null)".into()
    } else if found.starts_with("boolean") {
        format!("true or false ({})", value(found).unwrap_or_default())
    } else if found.starts_with("integer") || found.starts_with("floating point") {
        match value(found) {
            Some(v) => format!("a number ({v})"),
            None => "a number".into(),
        }
    } else if found.starts_with("string") || found.starts_with("character") {
        "text".into()
    } else if found.starts_with("sequence") {
        "a list".into()
    } else if found.starts_with("map") {
        "a group of fields".into()
    } else {
        "something else".into()
    }
}

fn expected_words(expected: &str) -> &'static str {
    let e = expected;
    if e.contains("string") && !e.contains("date") {
        "text"
    } else if e.starts_with("struct") || e.contains("map") {
        "a group of fields"
    } else if e.contains("sequence") || e.starts_with("tuple") {
        "a list"
    } else if e.contains("date and time") || e.contains("timestamp") {
        "a date and time"
    } else if e.contains("date") {
        "a date"
    } else if e.contains("bool") {
        "true or false"
    } else if [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize", "integer",
    ]
    .iter()
    .any(|t| e.contains(t))
    {
        "a whole number"
    } else if e.contains("f32") || e.contains("f64") {
        "a number"
    } else if e.contains("UUID") || e.contains("uuid") {
        "an id"
    } else if e.contains("variant") || e.contains("enum") {
        "one of Sightline\u{2019}s own words for it"
    } else {
        "a value of another kind"
    }
}

/// Reads `T` from a part of a file, explaining any error in plain English.
pub fn read_part<T: serde::de::DeserializeOwned>(place: &str, value: &Value) -> Result<T, String> {
    serde_path_to_error::deserialize(value)
        .map_err(|error| explain(place, error.path(), error.inner()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_given_twice_is_noted_with_where_it_is() {
        let parsed =
            parse(r#"{"review": {"title": "First", "title": "Second"}, "kind": 1}"#).unwrap();
        assert_eq!(parsed.value["review"]["title"], "Second");
        assert_eq!(
            parsed.duplicates,
            [("review".to_owned(), "title".to_owned())]
        );
    }

    #[test]
    fn absurdly_long_text_is_refused_with_its_place() {
        let title = "x".repeat(MAX_SHORT_FIELD_CHARS + 1);
        let text = format!(r#"{{"review": {{"title": "{title}"}}}}"#);
        match parse(&text) {
            Err(ParseError::TooLong { path, chars }) => {
                assert_eq!(path, "review.title");
                assert_eq!(chars, MAX_SHORT_FIELD_CHARS + 1);
            }
            _ => panic!("not refused"),
        }
        // A long passage in a long field is fine.
        let note = "y".repeat(MAX_SHORT_FIELD_CHARS * 3);
        assert!(parse(&format!(r#"{{"what_happened": "{note}"}}"#)).is_ok());
    }

    #[test]
    fn paths_read_as_places_in_the_review() {
        assert_eq!(describe_path("review.title"), "the review\u{2019}s title");
        assert_eq!(
            describe_path("content.events[3].what_happened"),
            "chronology event 4\u{2019}s \u{201c}what happened\u{201d}"
        );
        assert_eq!(
            describe_path("reviews[1].review.title"),
            "review 2\u{2019}s title"
        );
        assert_eq!(describe_path("kind"), "the file\u{2019}s kind");
    }

    #[test]
    fn serde_errors_become_sentences_without_rust_words() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Probe {
            title: String,
            count: u32,
            when: chrono::NaiveDate,
            id: uuid::Uuid,
        }
        let cases = [
            (
                r#"null"#,
                "the review is empty (null), where Sightline expects a group of fields",
            ),
            (
                r#"{"title": 42, "count": 1, "when": "2025-01-01", "id": "00000000-0000-0000-0000-000000000000"}"#,
                "the review\u{2019}s title is a number (42), where Sightline expects text",
            ),
            (
                r#"{"title": "t", "count": "x", "when": "2025-01-01", "id": "00000000-0000-0000-0000-000000000000"}"#,
                "the review\u{2019}s count is text, where Sightline expects a whole number",
            ),
            (
                r#"{"title": "t", "count": 1, "when": "soon", "id": "00000000-0000-0000-0000-000000000000"}"#,
                "the review\u{2019}s when is not a date or time Sightline can read",
            ),
            (
                r#"{"title": "t", "count": 1, "when": "2025-01-01", "id": "zz"}"#,
                "the review\u{2019}s id is not an id Sightline made",
            ),
            (
                r#"{"count": 1, "when": "2025-01-01", "id": "00000000-0000-0000-0000-000000000000"}"#,
                "the title is missing from the review",
            ),
        ];
        for (json, expected) in cases {
            let value: Value = serde_json::from_str(json).unwrap();
            let message = read_part::<Probe>("the review", &value).unwrap_err();
            assert_eq!(message, expected);
            for internal in ["struct", "Probe", "invalid type", "UUID", "u32", "`"] {
                assert!(!message.contains(internal), "{message}");
            }
        }
    }
}
