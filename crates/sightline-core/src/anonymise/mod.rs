//! The anonymisation check (DOMAIN.md section 7): before anything is shared, find what could
//! identify a child, an adult, a family member or a member of staff, say where it is and what
//! to write instead.
//!
//! It flags watchlist matches, exact dates, UK postcodes, phone numbers, email addresses,
//! CHI and NHS numbers, exact ages, and capitalised words that look like names. It cannot tell
//! whether several ordinary facts together identify a family (jigsaw identification): that is
//! why a person still answers the "motivated intruder" question before export.

mod fold;
pub mod watchlist;
pub mod words;

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use regex_lite::Regex;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::content::{PersonKind, ReviewContent};
use watchlist::words_of;
pub use watchlist::{Watchlist, WatchlistError};

/// What a flag found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    Watchlist,
    Email,
    ChiOrNhsNumber,
    PhoneNumber,
    Postcode,
    ExactDate,
    ExactAge,
    NameLike,
}

impl FlagKind {
    pub fn label(self) -> &'static str {
        match self {
            FlagKind::Watchlist => "On the identifier watchlist",
            FlagKind::Email => "Email address",
            FlagKind::ChiOrNhsNumber => "CHI or NHS number",
            FlagKind::PhoneNumber => "Phone number",
            FlagKind::Postcode => "Postcode",
            FlagKind::ExactDate => "Exact date",
            FlagKind::ExactAge => "Exact age",
            FlagKind::NameLike => "Looks like a name",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            FlagKind::Watchlist => "watchlist",
            FlagKind::Email => "email",
            FlagKind::ChiOrNhsNumber => "chi_nhs",
            FlagKind::PhoneNumber => "phone",
            FlagKind::Postcode => "postcode",
            FlagKind::ExactDate => "date",
            FlagKind::ExactAge => "age",
            FlagKind::NameLike => "name",
        }
    }
}

/// A piece of text to check, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextPart {
    /// The id of the field on the page, to take the person to it.
    pub anchor: String,
    /// Where it is, in words: "Section 3: What the review found".
    pub place: String,
    pub text: String,
}

impl From<(String, String, String)> for TextPart {
    fn from((anchor, place, text): (String, String, String)) -> Self {
        Self {
            anchor,
            place,
            text,
        }
    }
}

/// Something the check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub kind: FlagKind,
    pub anchor: String,
    pub place: String,
    /// Where in the part's text, in bytes.
    pub range: Range<usize>,
    /// The text around it, to show: before, the flagged words, after.
    pub before: String,
    pub matched: String,
    pub after: String,
    /// What to write instead.
    pub suggestion: String,
    /// Identifies the flag across checks without holding its words: a dismissal names it.
    pub key: String,
}

fn sha256_hex(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A hash of every text the check looks at: a check passed on one text does not pass another.
pub fn text_hash(parts: &[TextPart]) -> String {
    let texts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
    sha256_hex(&texts)
}

const MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
/// The months without "may", which is more often a verb: a date in words with "May" needs
/// its capital.
const MONTHS_NOT_MAY: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
/// Numbers in words, one to ninety-nine.
const NUMBER_WORDS: &str = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)";
/// Days of the month as ordinals in words: first to thirty-first.
const ORDINAL_WORDS: &str = "(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)";

struct Patterns {
    email: Regex,
    ten_digits: Regex,
    phone: Regex,
    postcode: Regex,
    dates: Vec<Regex>,
    ages: Vec<Regex>,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("the check's patterns are valid");
        Patterns {
            email: re(r"(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"),
            // CHI numbers as DDMMYY NNNN with or without spaces or dashes anywhere between
            // the groups (DD MM YY NNNN, DDMM-YY-NNNN), and NHS numbers as 3-3-4.
            ten_digits: re(r"\b(?:\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{4}|\d{3}[ -]?\d{3}[ -]?\d{4})\b"),
            // UK numbers: +44 (with an optional (0)), a bracketed area code "(0131)", or 0.
            phone: re(r"(?:\+44\s?(?:\(0\)\s?)?\d|\(0\d{2,4}\)|\b0\d)[\d \-]{7,13}\d\b"),
            postcode: re(r"(?i)\b[A-Z]{1,2}\d[A-Z\d]?[ \t]{0,3}\d[A-Z]{2}\b"),
            dates: vec![
                // 14 March, 14th of March 2025, 14-Mar-2025, 14/Mar/25.
                re(&format!(
                    r"(?i)\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]+(?:{MONTHS})\b\.?(?:[\s,\-/.]+\d{{4}}\b|[\-/.]\d{{2}}\b)?"
                )),
                // March 14, March 14th, 2025.
                re(&format!(
                    r"(?i)\b(?:{MONTHS})\.?[\s\-]+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
                )),
                re(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b"),
                re(r"\b\d{4}-\d{2}-\d{2}\b"),
                // The fourteenth of March, March the fourteenth.
                // Without "of" ("the first March visit") it is only a date with a year.
                re(&format!(
                    r"(?i)\b(?:the\s+)?{ORDINAL_WORDS}\s+(?:of\s+(?:{MONTHS_NOT_MAY})\b(?:,?\s+\d{{4}}\b)?|(?:{MONTHS_NOT_MAY}),?\s+\d{{4}}\b)"
                )),
                re(&format!(
                    r"(?i)\b(?:{MONTHS_NOT_MAY})\s+(?:the\s+)?{ORDINAL_WORDS}\b(?:,?\s+\d{{4}}\b)?"
                )),
                re(&format!(
                    r"\b(?i:the\s+)?(?i:{ORDINAL_WORDS})\s+(?:(?i:of)\s+May\b(?:,?\s+\d{{4}}\b)?|May,?\s+\d{{4}}\b)|\bMay\s+(?i:the\s+)?(?i:{ORDINAL_WORDS})\b"
                )),
            ],
            ages: vec![
                // aged 7, aged seven, age of 7 years.
                re(&format!(
                    r"(?i)\b(?:aged|age of|age)\s+(?:\d{{1,3}}|{NUMBER_WORDS})\b(?:\s*(?:years?|yrs?|months?|weeks?))?"
                )),
                // 7 years old, seven-year-old, 18-month-old, 7 yr old.
                re(&format!(
                    r"(?i)\b(?:\d{{1,3}}|{NUMBER_WORDS})[\s-]*(?:years?|yrs?|months?|weeks?)[\s-]*old\b"
                )),
                // 7yo, 7 y/o, 7 y.o., 7 yrs.
                re(r"(?i)\b\d{1,3}\s*(?:yo\b|y/o\b|y\.o\.|yrs?\b)"),
            ],
        }
    })
}

/// The number an age is written with, in figures or words ("seven", "twenty-one").
fn age_number(text: &str) -> Option<u32> {
    if let Some(digits) = text
        .split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())
    {
        return digits.parse().ok();
    }
    const UNITS: [&str; 19] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    for (n, word) in words.iter().enumerate() {
        if let Some(t) = TENS.iter().position(|t| t == word) {
            let unit = words
                .get(n + 1)
                .and_then(|next| UNITS[..9].iter().position(|u| u == next))
                .map_or(0, |u| u as u32 + 1);
            return Some((t as u32 + 2) * 10 + unit);
        }
        if let Some(u) = UNITS.iter().position(|u| u == word) {
            return Some(u as u32 + 1);
        }
    }
    None
}

/// Words that are not names when capitalised: common words, role words, days, groups.
fn common_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        [
            words::COMMON_WORDS,
            words::ROLE_WORDS,
            words::DAY_WORDS,
            words::GROUP_WORDS,
        ]
        .iter()
        .flat_map(|list| list.split_whitespace())
        .collect()
    })
}

/// The phrases the app itself knows that are no one's name: bodies and frameworks
/// (`words::KNOWN_PHRASES`), the built-in reflection frameworks, the systems map's
/// categories and the lifecycle's stages, each as its normalised words.
fn built_in_phrases() -> &'static Vec<Vec<String>> {
    static PHRASES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut texts: Vec<String> = words::KNOWN_PHRASES
            .iter()
            .map(|p| (*p).to_owned())
            .collect();
        texts.extend(
            crate::content::reflections::built_in_templates()
                .into_iter()
                .map(|t| t.name),
        );
        for scheme in crate::factors::CategoryScheme::ALL {
            texts.push(scheme.label().to_owned());
            texts.extend(scheme.categories().iter().map(|c| c.label.to_owned()));
        }
        texts.extend(
            crate::review::lifecycle::Milestone::ALL
                .iter()
                .map(|m| m.label().to_owned()),
        );
        texts
            .iter()
            .map(|t| phrase_words(t))
            .filter(|w| !w.is_empty())
            .collect()
    })
}

fn phrase_words(text: &str) -> Vec<String> {
    words_of(text).into_iter().map(|(w, _)| w).collect()
}

/// Byte ranges of `text` covered by any of `phrases` (each as normalised words).
fn phrase_ranges(text: &str, phrases: &[&Vec<String>]) -> Vec<Range<usize>> {
    let words = words_of(text);
    let mut ranges = Vec::new();
    for start in 0..words.len() {
        for phrase in phrases {
            let end = start + phrase.len();
            if end <= words.len()
                && words[start..end]
                    .iter()
                    .zip(phrase.iter())
                    .all(|((w, _), p)| w == p)
            {
                ranges.push(words[start].1.start..words[end - 1].1.end);
            }
        }
    }
    ranges
}

/// The age band for an age in years, as the register writes them.
pub fn age_band(years: u32) -> &'static str {
    match years {
        0 => "under 1",
        1..=4 => "1 to 4",
        5..=11 => "5 to 11",
        12..=15 => "12 to 15",
        16..=17 => "16 to 17",
        18..=24 => "18 to 24",
        25..=34 => "25 to 34",
        35..=44 => "35 to 44",
        45..=54 => "45 to 54",
        55..=64 => "55 to 64",
        65..=74 => "65 to 74",
        75..=84 => "75 to 84",
        _ => "85 and over",
    }
}

/// Whether ten digits are a CHI number (starts with a real date of birth, DDMMYY) or an NHS
/// number (its check digit is right).
fn is_chi_or_nhs(digits: &[u32]) -> bool {
    if digits.len() != 10 {
        return false;
    }
    let day = digits[0] * 10 + digits[1];
    let month = digits[2] * 10 + digits[3];
    let chi = (1..=31).contains(&day) && (1..=12).contains(&month);
    let sum: u32 = digits[..9]
        .iter()
        .enumerate()
        .map(|(n, d)| d * (10 - n as u32))
        .sum();
    let check = (11 - sum % 11) % 11;
    let nhs = check != 10 && check == digits[9];
    chi || nhs
}

/// The check, set up for one review: its watchlist, the register's own labels, and the
/// names the review uses that are no one's (its committee, its own frameworks).
pub struct Checker<'a> {
    watchlist: Option<&'a Watchlist>,
    /// Words of the register's labels and roles ("health", "visitor", "child"): not names.
    known: HashSet<String>,
    /// Phrases of this review that are not names: the committee, its own frameworks.
    phrases: Vec<Vec<String>>,
}

impl<'a> Checker<'a> {
    pub fn new(content: &'a ReviewContent) -> Self {
        let mut known = HashSet::new();
        for person in &content.people {
            // A subject's code ("Child A") and everyone's role label; the agency names are not
            // taken, because a school's or a GP practice's name is exactly what must be caught.
            for text in [&person.label, &person.role] {
                known.extend(words_of(text).into_iter().map(|(w, _)| w));
            }
            if person.kind == PersonKind::Subject {
                known.insert("child".into());
                known.insert("adult".into());
            }
        }
        let phrases = content
            .templates
            .iter()
            .map(|t| phrase_words(&t.name))
            .filter(|w| !w.is_empty())
            .collect();
        Self {
            watchlist: content.watchlists.first(),
            known,
            phrases,
        }
    }

    /// The check for a review run by `committee` ("East Lothian and Midlothian Public
    /// Protection Committee"): the committee's own name is not flagged as a name where it is
    /// written out whole.
    pub fn with_committee(mut self, committee: &str) -> Self {
        let words = phrase_words(committee);
        if !words.is_empty() {
            self.phrases.push(words);
        }
        self
    }

    /// Every flag in `parts`, in the order of the parts and then of the text.
    pub fn check(&self, parts: &[TextPart]) -> Vec<Flag> {
        let mut flags = Vec::new();
        for part in parts {
            let mut found: Vec<(FlagKind, Range<usize>, String)> = Vec::new();
            self.find_in(&part.text, &mut found);
            found.sort_by_key(|(_, range, _)| range.start);
            for (kind, range, suggestion) in found {
                flags.push(make_flag(part, kind, range, suggestion));
            }
        }
        flags
    }

    fn find_in(&self, text: &str, found: &mut Vec<(FlagKind, Range<usize>, String)>) {
        let mut add = |kind: FlagKind, range: Range<usize>, suggestion: String| {
            if !found
                .iter()
                .any(|(_, r, _)| r.start < range.end && range.start < r.end)
            {
                found.push((kind, range, suggestion));
            }
        };
        let p = patterns();
        if let Some(list) = self.watchlist {
            for range in list.matches(text) {
                add(
                    FlagKind::Watchlist,
                    range,
                    "This is on the identifier watchlist. Use a role label (\u{201c}Mother\u{201d}, \u{201c}Health Visitor 1\u{201d}), a general place (\u{201c}a primary school\u{201d}) or a relative date (\u{201c}month 3\u{201d}).".into(),
                );
            }
        }
        for m in p.email.find_iter(text) {
            add(
                FlagKind::Email,
                m.range(),
                "Remove the email address; name the service by its role if it is needed (\u{201c}the duty team\u{201d}).".into(),
            );
        }
        for m in p.ten_digits.find_iter(text) {
            let digits: Vec<u32> = m.as_str().chars().filter_map(|c| c.to_digit(10)).collect();
            if is_chi_or_nhs(&digits) {
                add(
                    FlagKind::ChiOrNhsNumber,
                    m.range(),
                    "Remove the CHI or NHS number: it identifies the person directly.".into(),
                );
            }
        }
        for m in p.phone.find_iter(text) {
            let digits = m.as_str().chars().filter(char::is_ascii_digit).count();
            let international = m.as_str().starts_with('+');
            if (international && (11..=13).contains(&digits))
                || (!international && (10..=11).contains(&digits))
            {
                add(
                    FlagKind::PhoneNumber,
                    m.range(),
                    "Remove the phone number; name the service by its role if it is needed.".into(),
                );
            }
        }
        for m in p.postcode.find_iter(text) {
            add(
                FlagKind::Postcode,
                m.range(),
                "Remove the postcode; describe the place in general terms (\u{201c}a town in the area\u{201d}).".into(),
            );
        }
        for pattern in &p.dates {
            for m in pattern.find_iter(text) {
                add(
                    FlagKind::ExactDate,
                    m.range(),
                    "Use a relative date (\u{201c}month 3\u{201d}, \u{201c}two weeks before\u{201d}) or at most the month and year (\u{201c}March 2025\u{201d}).".into(),
                );
            }
        }
        for m in p.ages.iter().flat_map(|pattern| pattern.find_iter(text)) {
            // "aged 5 to 9", "aged 16-17", "aged 85 and over" are age bands already.
            let rest = text[m.end()..].trim_start();
            if ["to ", "-", "\u{2013}", "and over", "or over", "+"]
                .iter()
                .any(|band| rest.starts_with(band))
            {
                continue;
            }
            let lower = m.as_str().to_lowercase();
            let band = if lower.contains("month") || lower.contains("week") {
                "under 1"
            } else {
                age_number(m.as_str()).map(age_band).unwrap_or("5 to 11")
            };
            add(
                FlagKind::ExactAge,
                m.range(),
                format!("Use an age band instead (\u{201c}aged {band}\u{201d})."),
            );
        }
        let phrases: Vec<&Vec<String>> = built_in_phrases().iter().chain(&self.phrases).collect();
        let known_ranges = phrase_ranges(text, &phrases);
        for (range, word) in name_like_words(text) {
            let plain: String = words_of(word)
                .into_iter()
                .map(|(w, _)| w)
                .collect::<Vec<_>>()
                .join("");
            if common_words().contains(plain.as_str())
                || self.known.contains(&plain)
                || known_ranges
                    .iter()
                    .any(|r| r.start <= range.start && range.end <= r.end)
            {
                continue;
            }
            add(
                FlagKind::NameLike,
                range,
                "If this names a person, use their role label from the register (\u{201c}Health Visitor 1\u{201d}, \u{201c}Mother\u{201d}); if it names a place, school or service, describe it in general terms (\u{201c}a primary school\u{201d}). If it is neither, dismiss the flag.".into(),
            );
        }
    }
}

/// Words that start with a capital and go on in lower case ("Jane", "McAllister", "O'Neill"),
/// without a possessive "'s"; not words in capitals ("NHS"), which are abbreviations.
fn name_like_words(text: &str) -> Vec<(Range<usize>, &str)> {
    fn push<'t>(text: &'t str, from: usize, to: usize, out: &mut Vec<(Range<usize>, &'t str)>) {
        let mut word = text[from..to].trim_end_matches(['\'', '\u{2019}']);
        for suffix in ["'s", "\u{2019}s"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                word = stem;
            }
        }
        let mut chars = word.chars();
        let Some(first) = chars.next() else { return };
        if first.is_uppercase() && chars.any(char::is_lowercase) {
            out.push((from..from + word.len(), word));
        }
    }
    let mut out = Vec::new();
    let mut start = None;
    let boundary = |c: char| !(c.is_alphabetic() || matches!(c, '\'' | '\u{2019}'));
    for (at, c) in text.char_indices() {
        match (start, boundary(c)) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                push(text, from, at, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        push(text, from, text.len(), &mut out);
    }
    out
}

fn snippet_bounds(text: &str, range: &Range<usize>) -> (usize, usize) {
    let mut from = range.start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (range.end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    (from, to)
}

fn make_flag(part: &TextPart, kind: FlagKind, range: Range<usize>, suggestion: String) -> Flag {
    let text = &part.text;
    let (from, to) = snippet_bounds(text, &range);
    let matched = text[range.clone()].to_owned();
    let normalised: String = words_of(&matched)
        .into_iter()
        .map(|(w, _)| w)
        .collect::<Vec<_>>()
        .join(" ");
    let key = sha256_hex(&[kind.key(), &part.anchor, &normalised])[..24].to_owned();
    Flag {
        kind,
        anchor: part.anchor.clone(),
        place: part.place.clone(),
        before: format!(
            "{}{}",
            if from > 0 { "\u{2026}" } else { "" },
            &text[from..range.start]
        ),
        after: format!(
            "{}{}",
            &text[range.end..to],
            if to < text.len() { "\u{2026}" } else { "" }
        ),
        matched,
        range,
        suggestion,
        key,
    }
}

#[cfg(test)]
mod tests;
