//! Drift and delay (issue 13, item 7): how long the review has taken against the 6–9 months
//! the guidance asks for, and a short log of the reasons for any delay, which the report's
//! introduction needs.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::lifecycle::Milestone;
use super::Review;
use crate::dates::format_uk_date;
use crate::form::FieldError;
use crate::ids::RecordId;

/// One reason the review was delayed, logged on the day it was noted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelayNote {
    pub on: NaiveDate,
    pub reason: String,
}

/// A span of time in whole calendar months and the days left over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthsAndDays {
    pub months: u32,
    pub days: u32,
}

impl MonthsAndDays {
    /// From `from` to `to` (not before it): whole months as people count them (31 January to
    /// 28 February is a month), then days.
    pub fn between(from: NaiveDate, to: NaiveDate) -> MonthsAndDays {
        if to <= from {
            return MonthsAndDays { months: 0, days: 0 };
        }
        let mut months = 0u32;
        while from
            .checked_add_months(Months::new(months + 1))
            .is_some_and(|next| next <= to)
        {
            months += 1;
        }
        let base = from.checked_add_months(Months::new(months)).unwrap_or(from);
        MonthsAndDays {
            months,
            days: (to - base).num_days() as u32,
        }
    }

    /// "4 months and 12 days", "1 month", "9 days".
    pub fn text(self) -> String {
        let months = match self.months {
            0 => None,
            1 => Some("1 month".to_owned()),
            n => Some(format!("{n} months")),
        };
        let days = match self.days {
            0 => None,
            1 => Some("1 day".to_owned()),
            n => Some(format!("{n} days")),
        };
        match (months, days) {
            (Some(m), Some(d)) => format!("{m} and {d}"),
            (Some(m), None) => m,
            (None, Some(d)) => d,
            (None, None) => "0 days".to_owned(),
        }
    }
}

/// How far the review is against its target (6 months by default) and its limit (9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// Within the target.
    OnTrack,
    /// Past the target, within the limit.
    PastTarget,
    /// Past the limit.
    PastLimit,
}

/// The time a review has taken, counted from the decision (as the guidance's 6–9 months are)
/// to sign-off, or to today while it runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeTaken {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Whether `to` is the sign-off date (the clock has stopped).
    pub finished: bool,
    pub taken: MonthsAndDays,
    pub target: NaiveDate,
    pub limit: NaiveDate,
    pub pace: Pace,
}

impl TimeTaken {
    /// One sentence for the Overview.
    pub fn sentence(&self, target_months: u32, limit_months: u32) -> String {
        let span = self.taken.text();
        let how = match (self.finished, self.pace) {
            (true, Pace::OnTrack) => format!("signed off within {target_months} months"),
            (true, Pace::PastTarget) => format!("signed off after the {target_months}-month aim, within {limit_months} months"),
            (true, Pace::PastLimit) => format!("signed off after the {limit_months}-month limit"),
            (false, Pace::OnTrack) => format!(
                "aim to sign off by {} ({target_months} months), and no later than {} ({limit_months} months)",
                format_uk_date(self.target),
                format_uk_date(self.limit)
            ),
            (false, Pace::PastTarget) => format!(
                "past the {target_months}-month aim ({}); the {limit_months}-month limit is {}",
                format_uk_date(self.target),
                format_uk_date(self.limit)
            ),
            (false, Pace::PastLimit) => format!(
                "past the {limit_months}-month limit ({})",
                format_uk_date(self.limit)
            ),
        };
        if self.finished {
            format!("{span} from the decision to sign-off: {how}.")
        } else {
            format!("{span} since the decision: {how}.")
        }
    }
}

impl Review {
    /// How long the review has taken on `today`; `None` before the decision is made (there is
    /// nothing to count from) or when the decision was not to hold a review.
    pub fn time_taken(&self, today: NaiveDate) -> Option<TimeTaken> {
        if self
            .decision
            .as_ref()
            .is_some_and(|d| matches!(d.outcome, super::decision::Outcome::NoReview))
        {
            return None;
        }
        let from = self.dates.get(Milestone::DecisionMade)?;
        let signed_off = self.dates.get(Milestone::SignedOff);
        let to = signed_off.unwrap_or(today).max(from);
        let add = |months: u32| {
            from.checked_add_months(Months::new(months))
                .unwrap_or(NaiveDate::MAX)
        };
        let target = add(self.timescales.completion_target_months);
        let limit = add(self.timescales.completion_months);
        let pace = if to > limit {
            Pace::PastLimit
        } else if to > target {
            Pace::PastTarget
        } else {
            Pace::OnTrack
        };
        Some(TimeTaken {
            from,
            to,
            finished: signed_off.is_some(),
            taken: MonthsAndDays::between(from, to),
            target,
            limit,
            pace,
        })
    }

    /// Logs a reason for delay, checked.
    pub fn log_delay(
        &mut self,
        id: RecordId,
        on: Option<NaiveDate>,
        reason: &str,
    ) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if on.is_none() {
            errors.push(FieldError::new("delay-date", "Enter the date of the delay"));
        }
        if reason.trim().is_empty() {
            errors.push(FieldError::new(
                "delay-reason",
                "Enter the reason for the delay",
            ));
        }
        match on {
            Some(on) if errors.is_empty() => {
                self.delays.insert(
                    id,
                    DelayNote {
                        on,
                        reason: reason.trim().to_owned(),
                    },
                );
                Ok(())
            }
            _ => Err(errors),
        }
    }

    /// The delay log, earliest first.
    pub fn delays_in_order(&self) -> Vec<(RecordId, &DelayNote)> {
        let mut delays: Vec<(RecordId, &DelayNote)> =
            self.delays.iter().map(|(id, d)| (*id, d)).collect();
        delays.sort_by_key(|(id, d)| (d.on, *id));
        delays
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_are_counted_as_people_count_them_across_month_ends_and_leap_days() {
        for (from, to, months, days, text) in [
            (day(2027, 1, 7), day(2027, 1, 7), 0, 0, "0 days"),
            (day(2027, 1, 7), day(2027, 1, 8), 0, 1, "1 day"),
            (day(2027, 1, 31), day(2027, 2, 28), 1, 0, "1 month"),
            (day(2028, 1, 31), day(2028, 2, 29), 1, 0, "1 month"), // leap year
            (day(2028, 1, 31), day(2028, 2, 28), 0, 28, "28 days"),
            (
                day(2026, 8, 31),
                day(2027, 3, 14),
                6,
                14,
                "6 months and 14 days",
            ),
            (
                day(2026, 3, 29),
                day(2026, 10, 26),
                6,
                27,
                "6 months and 27 days",
            ), // across both BST changes
        ] {
            let span = MonthsAndDays::between(from, to);
            assert_eq!((span.months, span.days), (months, days), "{from} to {to}");
            assert_eq!(span.text(), text);
        }
    }
}
