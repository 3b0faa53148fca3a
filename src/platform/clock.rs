//! The browser's clock, read in one place so that everything else takes time as a value.

use chrono::{DateTime, NaiveDate, Utc};

/// Now, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    let millis = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// Today's date on the UK calendar, whatever time zone the laptop is set to.
pub fn today() -> NaiveDate {
    sightline_core::uk_civil_date(now())
}
