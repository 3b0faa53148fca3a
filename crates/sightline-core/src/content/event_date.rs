//! When a chronology event happened, as precisely as it is known: a day, a month, a year, or
//! not at all; read from what people and spreadsheets write ("3rd March 2025", "03/03/2025",
//! "March 2025", "2025").

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::dates::{format_uk_date, MONTH_NAMES};

/// When an event happened, as precisely as the records say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "precision", content = "value")]
pub enum EventDate {
    /// On a known day.
    Exact(NaiveDate),
    /// Some time in a month: "March 2025".
    Month { year: i32, month: u32 },
    /// Some time in a year: "2025".
    Year(i32),
    /// No date: the event is placed by its phase.
    #[default]
    Undated,
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\u{201c}{0}\u{201d} is not a date Sightline can read: use a day such as 12/03/2025 or 12 March 2025, a month such as March 2025, or a year")]
pub struct DateTextError(pub String);

fn month_from_name(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|name| {
            let name = name.to_lowercase();
            name == word
                || (word.len() == 3 && name.starts_with(&word))
                || (word == "sept" && name == "september")
        })
        .map(|i| i as u32 + 1)
}

fn full_year(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(year),
        // Two-digit years, as Excel often writes them: 00–69 are 2000s, 70–99 the 1900s.
        2 if year < 70 => Some(2000 + year),
        2 => Some(1900 + year),
        _ => None,
    }
}

fn day_suffix_stripped(text: &str) -> &str {
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(day) = text.strip_suffix(suffix) {
            if !day.is_empty() && day.chars().all(|c| c.is_ascii_digit()) {
                return day;
            }
        }
    }
    text
}

impl EventDate {
    /// Reads a date as people and spreadsheets write them, UK order: "12/03/2025",
    /// "12-3-25", "12 March 2025", "2025-03-12", "March 2025", "03/2025", "2025", or an Excel
    /// day number. Empty text is [`EventDate::Undated`].
    pub fn parse(text: &str) -> Result<EventDate, DateTextError> {
        let original = text;
        let text = text.trim();
        let error = || DateTextError(original.trim().to_owned());
        if text.is_empty() {
            return Ok(EventDate::Undated);
        }
        let exact = |y: i32, m: u32, d: u32| {
            NaiveDate::from_ymd_opt(y, m, d)
                .map(EventDate::Exact)
                .ok_or_else(error)
        };
        // ISO dates, with or without a time after them: 2025-03-12, 2025-03-12 00:00:00.
        let date_part = text.split(['T', ' ']).next().unwrap_or(text);
        let iso: Vec<&str> = date_part.split('-').collect();
        if iso.len() == 3 && iso[0].len() == 4 {
            let (y, m, d) = (iso[0].parse(), iso[1].parse(), iso[2].parse());
            if let (Ok(y), Ok(m), Ok(d)) = (y, m, d) {
                return exact(y, m, d);
            }
        }
        if iso.len() == 2 && iso[0].len() == 4 && text == date_part {
            if let (Ok(year), Ok(month)) = (iso[0].parse::<i32>(), iso[1].parse::<u32>()) {
                return month_date(year, month).ok_or_else(error);
            }
        }
        // Numbers separated by / - or . in day, month, year order.
        let numeric: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
        if numeric.len() > 1
            && numeric
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        {
            return match numeric.as_slice() {
                [d, m, y] => {
                    let year = full_year(y).ok_or_else(error)?;
                    exact(
                        year,
                        m.parse().map_err(|_| error())?,
                        d.parse().map_err(|_| error())?,
                    )
                }
                [m, y] => {
                    let year = full_year(y).ok_or_else(error)?;
                    month_date(year, m.parse().map_err(|_| error())?).ok_or_else(error)
                }
                _ => Err(error()),
            };
        }
        // A bare number: a year, or an Excel day number (days since 30 December 1899).
        if text.chars().all(|c| c.is_ascii_digit()) {
            return match text.len() {
                4 => Ok(EventDate::Year(text.parse().map_err(|_| error())?)),
                5 => {
                    let serial: i64 = text.parse().map_err(|_| error())?;
                    let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a real date");
                    Ok(EventDate::Exact(base + Duration::days(serial)))
                }
                _ => Err(error()),
            };
        }
        // Words: "12 March 2025", "12th Mar 2025", "March 2025", "Mar 25".
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        match words.as_slice() {
            [day, month, year] => {
                let day: u32 = day_suffix_stripped(day).parse().map_err(|_| error())?;
                let month = month_from_name(month).ok_or_else(error)?;
                let year = full_year(year).ok_or_else(error)?;
                exact(year, month, day)
            }
            [month, year] => {
                let month = month_from_name(month).ok_or_else(error)?;
                let year = full_year(year).ok_or_else(error)?;
                month_date(year, month).ok_or_else(error)
            }
            _ => Err(error()),
        }
    }

    /// The date as the chronology shows it: "12 March 2025", "March 2025", "2025", or "".
    pub fn display(&self) -> String {
        match self {
            EventDate::Exact(date) => format_uk_date(*date),
            EventDate::Month { year, month } => {
                format!("{} {year}", MONTH_NAMES[(*month as usize).clamp(1, 12) - 1])
            }
            EventDate::Year(year) => year.to_string(),
            EventDate::Undated => String::new(),
        }
    }

    /// The first day the date could be, for ordering and for the timeline.
    pub fn earliest(&self) -> Option<NaiveDate> {
        match self {
            EventDate::Exact(date) => Some(*date),
            EventDate::Month { year, month } => NaiveDate::from_ymd_opt(*year, *month, 1),
            EventDate::Year(year) => NaiveDate::from_ymd_opt(*year, 1, 1),
            EventDate::Undated => None,
        }
    }

    /// How precise the date is: a year sorts before the months of that year, which sort before
    /// their days.
    pub(crate) fn precision_rank(&self) -> u8 {
        match self {
            EventDate::Year(_) => 0,
            EventDate::Month { .. } => 1,
            EventDate::Exact(_) => 2,
            EventDate::Undated => 3,
        }
    }
}

fn month_date(year: i32, month: u32) -> Option<EventDate> {
    (1..=12)
        .contains(&month)
        .then_some(EventDate::Month { year, month })
}
