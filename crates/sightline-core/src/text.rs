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

/// The longest a title is drawn, in characters: a title longer than any that can be typed
/// (one brought in from a file, say) is cut with "…" where it is shown, never in what is
/// stored.
pub const SHOWN_TITLE_CHARS: usize = 150;

/// `text` as it is shown in a heading or a tab: at most [`SHOWN_TITLE_CHARS`] characters,
/// cut with "…" if longer.
pub fn shown_title(text: &str) -> String {
    let mut chars = text.char_indices();
    match chars.nth(SHOWN_TITLE_CHARS) {
        None => text.to_owned(),
        Some((at, _)) => format!("{}\u{2026}", text[..at].trim_end()),
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

/// The characters that make a spreadsheet read a cell as a formula (OWASP's list: `=`, `+`,
/// `-`, `@`, tab and carriage return).
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell must be escaped: it starts like a formula, or it is apostrophes and then a
/// formula start (so that a cell that really begins `'=` keeps its apostrophe on the way
/// back).
pub(crate) fn needs_escape(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// Stops a spreadsheet from running a cell as a formula when the file is opened: such cells
/// are written with one more leading apostrophe, which spreadsheets hide and import removes.
/// The round trip is exact: `=SUM(A1)` is written `'=SUM(A1)`, and a cell typed as `'=SUM(A1)`
/// is written `''=SUM(A1)`, each reading back as it was.
pub(crate) fn escape_formula(cell: &str) -> String {
    if needs_escape(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod shown_title_tests {
    use super::*;

    #[test]
    fn long_titles_are_cut_for_showing() {
        assert_eq!(shown_title("Review 2026-04"), "Review 2026-04");
        let long = "é".repeat(5_000);
        let shown = shown_title(&long);
        assert_eq!(shown.chars().count(), SHOWN_TITLE_CHARS + 1);
        assert!(shown.ends_with('\u{2026}'));
        assert_eq!(thousands(5_242_880), "5,242,880");
        assert_eq!(thousands(999), "999");
    }
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
