//! The identifier watchlist: the real names, places, dates and other strings that must never
//! appear in anything shared. Only salted hashes of their normalised words are kept, so the
//! browser's database never holds them in clear text, and the watchlist is never written to
//! any file.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

pub use crate::content::watchlist::{WatchEntry, Watchlist};
use crate::ids::RecordId;

/// The most words one entry can have: the check hashes every run of 1 to 4 words of a text.
pub const MAX_ENTRY_WORDS: usize = 4;

/// Why an entry cannot be added.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WatchlistError {
    #[error("Enter a name, place, date or other words to watch for")]
    Empty,
    #[error("An entry can have at most 4 words. Add longer ones in parts, for example the first name and the surname as separate entries")]
    TooLong,
    #[error("That is already on the watchlist")]
    AlreadyThere,
}

/// The words of a text as the watchlist compares them: accents folded, lower case, apostrophes
/// dropped inside words ("O’Brien" is "obrien"), split at anything that is not a letter or
/// digit. Each word comes with its byte range in `text`.
pub fn words_of(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    words_with_possessives(text)
        .into_iter()
        .map(|w| (w.word, w.range))
        .collect()
}

/// A word of a text, as [`words_of`] gives it, with its stem when it is a possessive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextWord {
    pub word: String,
    pub range: std::ops::Range<usize>,
    /// The word without its possessive ending: "smith" for "Smith’s", "SMITH'S" or "Jones’"
    /// (then "jones"); `None` when the word is not a possessive.
    pub stem: Option<String>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// The words of a text, each with its possessive stem if it has one.
pub fn words_with_possessives(text: &str) -> Vec<TextWord> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut end = 0;
    // The length of `current` before the last apostrophe inside the word, if any.
    let mut before_apostrophe: Option<usize> = None;
    let mut after_apostrophe = String::new();
    let finish = |current: &mut String,
                  before: Option<usize>,
                  after: &str,
                  range: std::ops::Range<usize>,
                  words: &mut Vec<TextWord>| {
        let word = std::mem::take(current);
        let stem = match before {
            // "smith's": an apostrophe and then only "s".
            Some(at) if after == "s" && at > 0 => Some(word[..at].to_owned()),
            // "jones'": the apostrophe ends the word.
            Some(at) if after.is_empty() && at > 0 => Some(word[..at].to_owned()),
            _ => None,
        };
        words.push(TextWord { word, range, stem });
    };
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if current.is_empty() {
                start = at;
                before_apostrophe = None;
                after_apostrophe.clear();
            }
            let folded: String = match super::fold::fold(c) {
                Some(plain) => plain.to_owned(),
                None => c.to_lowercase().collect(),
            };
            current.push_str(&folded);
            if before_apostrophe.is_some() {
                after_apostrophe.push_str(&folded);
            }
            end = at + c.len_utf8();
        } else if is_apostrophe(c) && !current.is_empty() {
            // Inside a word: skipped, so "O'Brien" and "OBrien" match; remembered, so that a
            // possessive "'s" can be taken off.
            before_apostrophe = Some(current.len());
            after_apostrophe.clear();
        } else if !current.is_empty() {
            finish(
                &mut current,
                before_apostrophe,
                &after_apostrophe,
                start..end,
                &mut words,
            );
        }
    }
    if !current.is_empty() {
        finish(
            &mut current,
            before_apostrophe,
            &after_apostrophe,
            start..end,
            &mut words,
        );
    }
    words
}

fn hash(salt: &str, normalised: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt.as_bytes());
    hasher.update([0]);
    hasher.update(normalised.as_bytes());
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Watchlist {
    /// An empty watchlist with a salt from 16 random bytes.
    pub fn new(id: RecordId, random: [u8; 16], at: DateTime<Utc>) -> Self {
        Self {
            id,
            salt: random.iter().map(|b| format!("{b:02x}")).collect(),
            entries: Vec::new(),
            updated_at: at,
        }
    }

    /// Adds an entry; the words themselves are dropped once hashed.
    pub fn add(
        &mut self,
        text: &str,
        entry_id: RecordId,
        at: DateTime<Utc>,
    ) -> Result<(), WatchlistError> {
        let words: Vec<String> = words_of(text).into_iter().map(|(w, _)| w).collect();
        if words.is_empty() {
            return Err(WatchlistError::Empty);
        }
        if words.len() > MAX_ENTRY_WORDS {
            return Err(WatchlistError::TooLong);
        }
        let hash = hash(&self.salt, &words.join(" "));
        if self.entries.iter().any(|e| e.hash == hash) {
            return Err(WatchlistError::AlreadyThere);
        }
        self.entries.push(WatchEntry {
            id: entry_id,
            hash,
            words: words.len(),
            added_at: at,
        });
        self.updated_at = at;
        Ok(())
    }

    /// The hashes to match against.
    pub fn hashes(&self) -> HashSet<&str> {
        self.entries.iter().map(|e| e.hash.as_str()).collect()
    }

    /// Every run of 1 to 4 words in `text` that is on the watchlist, as byte ranges, longest
    /// first where runs overlap.
    pub fn matches(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let hashes = self.hashes();
        // Only runs as long as some entry are hashed: most watchlists hold one- and two-word
        // entries, so most lengths are skipped.
        let lengths: std::collections::BTreeSet<usize> =
            self.entries.iter().map(|e| e.words).collect();
        let words = words_with_possessives(text);
        let mut found: Vec<std::ops::Range<usize>> = Vec::new();
        for start in 0..words.len() {
            for len in (1..=MAX_ENTRY_WORDS.min(words.len() - start)).rev() {
                if !lengths.contains(&len) {
                    continue;
                }
                let run = &words[start..start + len];
                let head: Vec<&str> = run[..len - 1].iter().map(|w| w.word.as_str()).collect();
                let last = &run[len - 1];
                // The run as written, and with a possessive last word as its stem: "Smith's"
                // matches an entry "Smith", "Mr Smith's" one "Mr Smith".
                let hit = std::iter::once(last.word.as_str())
                    .chain(last.stem.as_deref())
                    .any(|last_word| {
                        let mut joined = head.join(" ");
                        if !joined.is_empty() {
                            joined.push(' ');
                        }
                        joined.push_str(last_word);
                        hashes.contains(hash(&self.salt, &joined).as_str())
                    });
                if hit {
                    let range = run[0].range.start..last.range.end;
                    if !found
                        .iter()
                        .any(|f| f.start <= range.start && range.end <= f.end)
                    {
                        found.push(range);
                    }
                    break;
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<Utc> {
        "2026-11-26T10:00:00Z".parse().unwrap()
    }

    fn list(entries: &[&str]) -> Watchlist {
        let mut list = Watchlist::new(RecordId::from_random_bytes([1; 16]), [7; 16], at());
        for (n, entry) in entries.iter().enumerate() {
            list.add(entry, RecordId::from_random_bytes([n as u8 + 2; 16]), at())
                .unwrap();
        }
        list
    }

    fn matched<'a>(list: &Watchlist, text: &'a str) -> Vec<&'a str> {
        list.matches(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn matching_ignores_case_accents_apostrophes_and_extra_spaces() {
        let list = list(&["Siobhán O'Brien", "Glenmuir Primary"]);
        assert_eq!(
            matched(&list, "Then SIOBHAN   o’brien called."),
            ["SIOBHAN   o’brien"]
        );
        assert_eq!(
            matched(&list, "at glenmuir  primary school"),
            ["glenmuir  primary"]
        );
        assert!(
            matched(&list, "Siobhan called").is_empty(),
            "part of an entry is not a match"
        );
        assert!(matched(&list, "Glenmuirs primary").is_empty());
    }

    #[test]
    fn possessives_any_case_accents_and_line_breaks_still_match() {
        let list = list(&["Smith", "Siobhán O'Brien", "Jones"]);
        for (text, expected) in [
            ("then smith's mother called", "smith's"),
            ("MR SMITH'S flat", "SMITH'S"),
            ("Smith\u{2019}s partner", "Smith\u{2019}s"),
            ("at Smith\u{2018}s", "Smith\u{2018}s"),
            ("the Joneses? no: Jones' car", "Jones"),
            (
                "SIOBHAN\nO\u{2019}BRIEN\u{2019}S visit",
                "SIOBHAN\nO\u{2019}BRIEN\u{2019}S",
            ),
            ("smith", "smith"),
        ] {
            assert_eq!(matched(&list, text), [expected], "{text:?}");
        }
        // Not a possessive, not the word.
        assert!(matched(&list, "Smithson and Smiths").is_empty());
        assert!(
            matched(&list, "Smith'd").is_empty(),
            "only 's and a trailing apostrophe"
        );
    }

    #[test]
    fn the_stored_watchlist_holds_no_entry_in_clear_text() {
        let list = list(&["Siobhán O'Brien", "Kilbarchan"]);
        let stored = serde_json::to_string(&list).unwrap().to_lowercase();
        for word in ["siobh", "brien", "kilbarchan"] {
            assert!(!stored.contains(word), "{stored}");
        }
        let other = Watchlist::new(RecordId::from_random_bytes([1; 16]), [8; 16], at());
        let mut other = other;
        other
            .add("Kilbarchan", RecordId::from_random_bytes([3; 16]), at())
            .unwrap();
        assert_ne!(
            other.entries[0].hash, list.entries[1].hash,
            "each review's salt makes its own hashes"
        );
    }

    #[test]
    fn entries_must_have_one_to_four_words_and_not_repeat() {
        let mut list = list(&["Jane Doe"]);
        let id = RecordId::from_random_bytes([9; 16]);
        assert_eq!(list.add("  ,. ", id, at()), Err(WatchlistError::Empty));
        assert_eq!(
            list.add("one two three four five", id, at()),
            Err(WatchlistError::TooLong)
        );
        assert_eq!(
            list.add("JANE  doe", id, at()),
            Err(WatchlistError::AlreadyThere)
        );
        assert!(list.add("12/03/2015", id, at()).is_ok());
        assert_eq!(matched(&list, "born 12.03.2015."), ["12.03.2015"]);
    }
}
