//! Calendar dates as people in Scotland read and write them: "7 January 2027", the UK clock
//! (GMT in winter, BST in summer), and the day / month / year fields of a GOV.UK date input.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// The months' names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats a date as GOV.UK does: "7 January 2027".
pub fn format_uk_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTH_NAMES[date.month0() as usize],
        date.year()
    )
}

/// Formats a moment as UK clock time and date: "14:05 on 7 January 2027".
pub fn format_uk_date_time(instant: DateTime<Utc>) -> String {
    let local = uk_local_time(instant);
    format!(
        "{} on {}",
        local.format("%H:%M"),
        format_uk_date(local.date())
    )
}

/// The last Sunday of a month, the day UK clocks change in March and October.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("the first of a month always exists");
    let last_day = first_of_next - Duration::days(1);
    let back = last_day.weekday().num_days_from_sunday();
    last_day - Duration::days(i64::from(back))
}

/// Whether British Summer Time is in force at `instant`: from 01:00 UTC on the last Sunday of
/// March until 01:00 UTC on the last Sunday of October (the rule in force since 1998).
pub fn is_british_summer_time(instant: DateTime<Utc>) -> bool {
    let year = instant.year();
    let one_am = NaiveTime::from_hms_opt(1, 0, 0).expect("01:00 is a valid time");
    let starts = last_sunday(year, 3).and_time(one_am).and_utc();
    let ends = last_sunday(year, 10).and_time(one_am).and_utc();
    instant >= starts && instant < ends
}

/// The time on a UK clock at `instant`.
///
/// Deadlines in a Learning Review are UK dates, so the app works them out on the UK clock whatever
/// time zone the laptop happens to be set to.
pub fn uk_local_time(instant: DateTime<Utc>) -> NaiveDateTime {
    let offset = if is_british_summer_time(instant) {
        Duration::hours(1)
    } else {
        Duration::zero()
    };
    (instant + offset).naive_utc()
}

/// The date on a UK calendar at `instant`: "today" for every due-date rule.
pub fn uk_civil_date(instant: DateTime<Utc>) -> NaiveDate {
    uk_local_time(instant).date()
}

/// The day, month and year typed into a GOV.UK date input, kept as typed so that nothing a
/// person enters is lost when it cannot be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// Why the parts of a date input do not make a usable date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing was entered.
    Missing,
    /// Some parts were left empty.
    MissingParts { day: bool, month: bool, year: bool },
    /// The year was not written with 4 digits.
    YearNotFourDigits,
    /// The parts do not make a date on the calendar (31 February, month 13, letters in the day).
    NotReal,
    /// The date is after today, where it records something that has happened.
    InFuture,
    /// The date is before another date it cannot precede.
    Before(NaiveDate),
    /// The date is after another date it cannot follow.
    After(NaiveDate),
}

/// How a date field is named in error messages, following GOV.UK's error message patterns.
#[derive(Clone, Copy, Debug)]
pub struct DateLabel<'a> {
    /// Starts a sentence: "Date notification received".
    pub name: &'a str,
    /// Follows "Enter": "the date the notification was received".
    pub what: &'a str,
}

impl DateProblem {
    /// The message shown to the person, in GOV.UK's wording.
    pub fn message(&self, label: DateLabel<'_>) -> String {
        let name = label.name;
        match self {
            DateProblem::Missing => format!("Enter {}", label.what),
            DateProblem::MissingParts { day, month, year } => {
                let missing: Vec<&str> = [(*day, "day"), (*month, "month"), (*year, "year")]
                    .iter()
                    .filter(|(is_missing, _)| *is_missing)
                    .map(|(_, part)| *part)
                    .collect();
                format!("{name} must include a {}", missing.join(" and "))
            }
            DateProblem::YearNotFourDigits => format!("{name}: the year must include 4 numbers"),
            DateProblem::NotReal => format!("{name} must be a real date"),
            DateProblem::InFuture => format!("{name} must be today or in the past"),
            DateProblem::Before(earliest) => format!(
                "{name} must be the same as or after {}",
                format_uk_date(*earliest)
            ),
            DateProblem::After(latest) => format!(
                "{name} must be the same as or before {}",
                format_uk_date(*latest)
            ),
        }
    }

    /// Which of the day, month and year fields to highlight.
    pub fn fields_in_error(&self) -> (bool, bool, bool) {
        match self {
            DateProblem::MissingParts { day, month, year } => (*day, *month, *year),
            DateProblem::YearNotFourDigits => (false, false, true),
            _ => (true, true, true),
        }
    }
}

/// Reads a month typed as a number ("1", "01") or a name ("Jan", "january").
fn parse_month(text: &str) -> Option<u32> {
    if text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    let lower = text.to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|name| {
            let name = name.to_lowercase();
            name == lower || (lower.len() == 3 && name.starts_with(&lower))
        })
        .map(|index| index as u32 + 1)
}

impl DateParts {
    /// Parts as typed into the day, month and year boxes.
    pub fn new(day: impl Into<String>, month: impl Into<String>, year: impl Into<String>) -> Self {
        Self {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    /// The parts of an existing date, as the date input shows them.
    pub fn from_date(date: NaiveDate) -> Self {
        Self::new(
            date.day().to_string(),
            date.month().to_string(),
            date.year().to_string(),
        )
    }

    /// Whether every part is empty.
    pub fn is_empty(&self) -> bool {
        self.day.trim().is_empty() && self.month.trim().is_empty() && self.year.trim().is_empty()
    }

    /// Reads the parts as a calendar date.
    pub fn parse(&self) -> Result<NaiveDate, DateProblem> {
        let (day, month, year) = (self.day.trim(), self.month.trim(), self.year.trim());
        if day.is_empty() && month.is_empty() && year.is_empty() {
            return Err(DateProblem::Missing);
        }
        if day.is_empty() || month.is_empty() || year.is_empty() {
            return Err(DateProblem::MissingParts {
                day: day.is_empty(),
                month: month.is_empty(),
                year: year.is_empty(),
            });
        }
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !all_digits(year) {
            return Err(DateProblem::NotReal);
        }
        if year.len() != 4 {
            return Err(DateProblem::YearNotFourDigits);
        }
        if !all_digits(day) || day.len() > 2 {
            return Err(DateProblem::NotReal);
        }
        let month = parse_month(month).ok_or(DateProblem::NotReal)?;
        let day: u32 = day.parse().map_err(|_| DateProblem::NotReal)?;
        let year: i32 = year.parse().map_err(|_| DateProblem::NotReal)?;
        NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::NotReal)
    }

    /// Reads the parts as the date something happened: a real date, not after `today`, and not
    /// before `earliest` when one is given.
    pub fn parse_past(
        &self,
        today: NaiveDate,
        earliest: Option<NaiveDate>,
    ) -> Result<NaiveDate, DateProblem> {
        let date = self.parse()?;
        if date > today {
            return Err(DateProblem::InFuture);
        }
        match earliest {
            Some(earliest) if date < earliest => Err(DateProblem::Before(earliest)),
            _ => Ok(date),
        }
    }
}

/// Whole days from `from` to `to`: positive when `to` is later.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// "1 day" or "3 days".
pub fn plural_days(days: i64) -> String {
    if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn parts(d: &str, m: &str, y: &str) -> DateParts {
        DateParts::new(d, m, y)
    }

    #[test]
    fn formats_dates_the_uk_way() {
        assert_eq!(format_uk_date(date(2027, 1, 7)), "7 January 2027");
        assert_eq!(format_uk_date(date(2026, 12, 31)), "31 December 2026");
    }

    #[test]
    fn finds_the_last_sunday_of_march_and_october() {
        assert_eq!(last_sunday(2026, 3), date(2026, 3, 29));
        assert_eq!(last_sunday(2026, 10), date(2026, 10, 25));
        assert_eq!(last_sunday(2027, 3), date(2027, 3, 28));
        // A month that ends on a Sunday.
        assert_eq!(last_sunday(2025, 8), date(2025, 8, 31));
        assert_eq!(last_sunday(2026, 12), date(2026, 12, 27));
    }

    #[test]
    fn uk_date_follows_british_summer_time() {
        // 23:30 UTC on a summer evening is already the next day in the UK.
        let summer_night = Utc.with_ymd_and_hms(2026, 7, 14, 23, 30, 0).unwrap();
        assert_eq!(uk_civil_date(summer_night), date(2026, 7, 15));
        // The same time in winter is still the same day.
        let winter_night = Utc.with_ymd_and_hms(2026, 1, 14, 23, 30, 0).unwrap();
        assert_eq!(uk_civil_date(winter_night), date(2026, 1, 14));
    }

    #[test]
    fn summer_time_starts_and_ends_at_one_in_the_morning_utc() {
        let before_start = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 59).unwrap();
        let at_start = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert!(!is_british_summer_time(before_start));
        assert!(is_british_summer_time(at_start));
        let before_end = Utc.with_ymd_and_hms(2026, 10, 25, 0, 59, 59).unwrap();
        let at_end = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert!(is_british_summer_time(before_end));
        assert!(!is_british_summer_time(at_end));
        assert_eq!(
            uk_local_time(before_end).format("%H:%M").to_string(),
            "01:59"
        );
        assert_eq!(uk_local_time(at_end).format("%H:%M").to_string(), "01:00");
    }

    #[test]
    fn summer_time_on_the_last_night_of_a_month_moves_the_month() {
        let instant = Utc.with_ymd_and_hms(2026, 8, 31, 23, 15, 0).unwrap();
        assert_eq!(uk_civil_date(instant), date(2026, 9, 1));
        let new_year = Utc.with_ymd_and_hms(2026, 12, 31, 23, 15, 0).unwrap();
        assert_eq!(uk_civil_date(new_year), date(2026, 12, 31));
    }

    #[test]
    fn formats_clock_time_in_uk_time() {
        let instant = Utc.with_ymd_and_hms(2026, 6, 1, 13, 5, 0).unwrap();
        assert_eq!(format_uk_date_time(instant), "14:05 on 1 June 2026");
    }

    #[test]
    fn reads_dates_typed_as_numbers_or_month_names() {
        assert_eq!(parts("7", "1", "2027").parse(), Ok(date(2027, 1, 7)));
        assert_eq!(parts(" 07 ", "01", "2027").parse(), Ok(date(2027, 1, 7)));
        assert_eq!(parts("7", "Jan", "2027").parse(), Ok(date(2027, 1, 7)));
        assert_eq!(parts("7", "january", "2027").parse(), Ok(date(2027, 1, 7)));
        assert_eq!(parts("29", "2", "2028").parse(), Ok(date(2028, 2, 29)));
    }

    #[test]
    fn names_each_problem_with_a_date() {
        assert_eq!(parts("", "", "").parse(), Err(DateProblem::Missing));
        assert_eq!(
            parts("7", "", "2027").parse(),
            Err(DateProblem::MissingParts {
                day: false,
                month: true,
                year: false
            })
        );
        assert_eq!(parts("31", "2", "2027").parse(), Err(DateProblem::NotReal));
        assert_eq!(parts("29", "2", "2027").parse(), Err(DateProblem::NotReal));
        assert_eq!(parts("1", "13", "2027").parse(), Err(DateProblem::NotReal));
        assert_eq!(parts("x", "1", "2027").parse(), Err(DateProblem::NotReal));
        assert_eq!(parts("1", "Ja", "2027").parse(), Err(DateProblem::NotReal));
        assert_eq!(
            parts("1", "1", "27").parse(),
            Err(DateProblem::YearNotFourDigits)
        );
    }

    #[test]
    fn past_dates_must_not_be_in_the_future_or_too_early() {
        let today = date(2026, 11, 26);
        assert_eq!(parts("26", "11", "2026").parse_past(today, None), Ok(today));
        assert_eq!(
            parts("27", "11", "2026").parse_past(today, None),
            Err(DateProblem::InFuture)
        );
        assert_eq!(
            parts("1", "1", "2026").parse_past(today, Some(date(2026, 2, 1))),
            Err(DateProblem::Before(date(2026, 2, 1)))
        );
    }

    #[test]
    fn messages_follow_gov_uk_wording() {
        let label = DateLabel {
            name: "Date notification received",
            what: "the date the notification was received",
        };
        assert_eq!(
            DateProblem::Missing.message(label),
            "Enter the date the notification was received"
        );
        assert_eq!(
            DateProblem::MissingParts {
                day: true,
                month: true,
                year: false
            }
            .message(label),
            "Date notification received must include a day and month"
        );
        assert_eq!(
            DateProblem::NotReal.message(label),
            "Date notification received must be a real date"
        );
        assert_eq!(
            DateProblem::InFuture.message(label),
            "Date notification received must be today or in the past"
        );
        assert_eq!(
            DateProblem::Before(date(2026, 3, 1)).message(label),
            "Date notification received must be the same as or after 1 March 2026"
        );
    }

    #[test]
    fn round_trips_a_date_through_its_parts() {
        let d = date(2024, 2, 29);
        assert_eq!(DateParts::from_date(d).parse(), Ok(d));
    }
}
