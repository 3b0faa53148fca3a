//! Small pieces of wording shared by several pages.

/// A size in bytes as people read it: "512 bytes", "1.2 MB". Decimal units, as operating
/// systems show disk space.
pub fn human_bytes(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes.max(0.0);
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[0])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// A whole number with thousands separated by commas, as UK English writes it: "5,000,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::human_bytes;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_bytes(512.0), "512 bytes");
        assert_eq!(human_bytes(1_234_567.0), "1.2 MB");
        assert_eq!(human_bytes(120e9), "120.0 GB");
        assert_eq!(human_bytes(-1.0), "0 bytes");
    }
}

/// How many days may pass without a backup before Sightline reminds the person.
pub const BACKUP_REMINDER_DAYS: i64 = 7;

/// The reminder to back up, if one is due: with reviews in the browser and no backup made, or
/// the last one older than [`BACKUP_REMINDER_DAYS`].
pub fn backup_reminder(
    last_backup: Option<chrono::DateTime<chrono::Utc>>,
    now: chrono::DateTime<chrono::Utc>,
    reviews: usize,
) -> Option<String> {
    if reviews == 0 {
        return None;
    }
    match last_backup {
        None => Some(
            "You have not backed up your reviews from this browser yet. Use \u{201c}Back up everything\u{201d} on the Storage page and keep the file somewhere safe."
                .to_owned(),
        ),
        Some(last) => {
            let days = (now - last).num_days();
            (days >= BACKUP_REMINDER_DAYS).then(|| {
                format!(
                    "Your last backup was {days} days ago. Use \u{201c}Back up everything\u{201d} on the Storage page."
                )
            })
        }
    }
}

#[cfg(test)]
mod backup_tests {
    use super::backup_reminder;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn reminds_after_seven_days_or_when_never_backed_up() {
        let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
        assert_eq!(backup_reminder(None, now, 0), None);
        assert!(backup_reminder(None, now, 2)
            .unwrap()
            .contains("not backed up"));
        assert_eq!(backup_reminder(Some(now - Duration::days(6)), now, 2), None);
        assert!(backup_reminder(Some(now - Duration::days(7)), now, 2)
            .unwrap()
            .contains("7 days ago"));
    }
}
