//! Restore points: copies of a review kept in this browser, so that a mistake, a bad import or
//! the other side of a clash between two tabs can be undone. Each is a whole review file (the
//! same JSON an export writes), with when, why, and a line saying what changed since the one
//! before.
//!
//! Their total size is bounded; when a new one would go over, the oldest are thinned first,
//! but a review's newest point is never removed.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::content::{RecordKind, ReviewContent};
use crate::format::merge::changed_records;
use crate::ids::ReviewId;

/// At most this many bytes of restore points, for all reviews together.
pub const MAX_TOTAL_BYTES: usize = 200_000_000;
/// At most this many restore points per review.
pub const MAX_PER_REVIEW: usize = 30;
/// Automatic restore points are made at most this often while a review changes.
pub const AUTOMATIC_EVERY: Duration = Duration::hours(1);

/// Why a restore point was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointReason {
    /// Made automatically, at most hourly, while the review changed.
    Automatic,
    /// "Save restore point".
    Manual,
    BeforeImport,
    BeforeMerge,
    BeforeReplace,
    BeforeRestore,
    /// The version another tab stored, kept when this tab's version of the same thing won.
    OtherTab,
}

impl PointReason {
    pub fn label(self) -> &'static str {
        match self {
            PointReason::Automatic => "Automatic",
            PointReason::Manual => "Saved by you",
            PointReason::BeforeImport => "Before an import",
            PointReason::BeforeMerge => "Before a merge",
            PointReason::BeforeReplace => "Before replacing from a file",
            PointReason::BeforeRestore => "Before restoring an earlier point",
            PointReason::OtherTab => "Another tab\u{2019}s version, replaced by this tab\u{2019}s",
        }
    }
}

/// A restore point as listed (its review file is stored beside it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointInfo {
    /// `<review id>/<milliseconds since 1970, 15 digits>`: sorts by review, then time.
    pub key: String,
    pub review: ReviewId,
    pub at: DateTime<Utc>,
    pub reason: PointReason,
    /// What changed since the review's previous point, in a line.
    pub summary: String,
    /// The size of its review file.
    pub bytes: usize,
}

/// The key of a point of `review` made `at`.
pub fn point_key(review: ReviewId, at: DateTime<Utc>) -> String {
    format!("{review}/{:015}", at.timestamp_millis().max(0))
}

/// Whether an automatic point is due, given when the review's last point was made.
pub fn automatic_due(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last.is_none_or(|last| now - last >= AUTOMATIC_EVERY)
}

/// The points to delete so that each review keeps at most `per_review` and all together take
/// at most `total_bytes`: the oldest go first, and each review's newest stays.
pub fn to_thin(points: &[PointInfo], per_review: usize, total_bytes: usize) -> Vec<String> {
    let mut by_age: Vec<&PointInfo> = points.iter().collect();
    by_age.sort_by_key(|p| (p.at, p.key.clone()));
    let mut newest: BTreeMap<ReviewId, &str> = BTreeMap::new();
    let mut count: BTreeMap<ReviewId, usize> = BTreeMap::new();
    for p in &by_age {
        newest.insert(p.review, &p.key);
        *count.entry(p.review).or_default() += 1;
    }
    let mut total: usize = points.iter().map(|p| p.bytes).sum();
    let mut gone = Vec::new();
    for p in &by_age {
        if newest.get(&p.review) == Some(&p.key.as_str()) {
            continue;
        }
        let over_count = count[&p.review] > per_review;
        if over_count || total > total_bytes {
            gone.push(p.key.clone());
            total -= p.bytes;
            *count.get_mut(&p.review).expect("counted") -= 1;
        }
    }
    gone
}

fn noun(kind: RecordKind, n: usize) -> &'static str {
    let one = n == 1;
    match kind {
        RecordKind::Agency => {
            if one {
                "agency"
            } else {
                "agencies"
            }
        }
        RecordKind::Person => {
            if one {
                "person"
            } else {
                "people"
            }
        }
        RecordKind::Event => {
            if one {
                "chronology event"
            } else {
                "chronology events"
            }
        }
        RecordKind::Episode => {
            if one {
                "episode"
            } else {
                "episodes"
            }
        }
        RecordKind::Template => {
            if one {
                "framework"
            } else {
                "frameworks"
            }
        }
        RecordKind::Reflection => {
            if one {
                "reflection"
            } else {
                "reflections"
            }
        }
        RecordKind::Response => {
            if one {
                "answer"
            } else {
                "answers"
            }
        }
        RecordKind::MapNode => {
            if one {
                "map node"
            } else {
                "map nodes"
            }
        }
        RecordKind::MapLink => {
            if one {
                "map link"
            } else {
                "map links"
            }
        }
        RecordKind::Finding => {
            if one {
                "finding"
            } else {
                "findings"
            }
        }
        RecordKind::Action => {
            if one {
                "action"
            } else {
                "actions"
            }
        }
        RecordKind::Briefing => {
            if one {
                "briefing"
            } else {
                "briefings"
            }
        }
        RecordKind::Watchlist => {
            if one {
                "watchlist"
            } else {
                "watchlists"
            }
        }
    }
}

/// What changed from `before` to `after`, in a line: "3 chronology events added, 2 changed;
/// 1 finding removed". `before` is the previous point's content, if there is one.
pub fn summarise_changes(before: Option<&ReviewContent>, after: &ReviewContent) -> String {
    let Some(before) = before else {
        let counts: Vec<String> = RecordKind::ALL
            .into_iter()
            .filter(|k| *k != RecordKind::Watchlist && after.count(*k) > 0)
            .map(|k| format!("{} {}", after.count(k), noun(k, after.count(k))))
            .collect();
        return if counts.is_empty() {
            "The first restore point: the review has no content yet.".into()
        } else {
            format!("The first restore point: {}.", counts.join(", "))
        };
    };
    let mut added: BTreeMap<RecordKind, usize> = BTreeMap::new();
    let mut changed: BTreeMap<RecordKind, usize> = BTreeMap::new();
    let mut removed: BTreeMap<RecordKind, usize> = BTreeMap::new();
    for change in changed_records(before, after) {
        if let crate::content::Change::Put(kind, id) = change {
            if before.ids_of(kind).contains(&id) {
                *changed.entry(kind).or_default() += 1;
            } else {
                *added.entry(kind).or_default() += 1;
            }
        }
    }
    for kind in RecordKind::ALL {
        let now: HashSet<_> = after.ids_of(kind).into_iter().collect();
        let gone = before
            .ids_of(kind)
            .into_iter()
            .filter(|id| !now.contains(id))
            .count();
        if gone > 0 {
            removed.insert(kind, gone);
        }
    }
    let mut parts = Vec::new();
    for kind in RecordKind::ALL
        .into_iter()
        .filter(|k| *k != RecordKind::Watchlist)
    {
        let mut words = Vec::new();
        if let Some(n) = added.get(&kind) {
            words.push(format!("{n} {} added", noun(kind, *n)));
        }
        if let Some(n) = changed.get(&kind) {
            if words.is_empty() {
                words.push(format!("{n} {} changed", noun(kind, *n)));
            } else {
                words.push(format!("{n} changed"));
            }
        }
        if let Some(n) = removed.get(&kind) {
            if words.is_empty() {
                words.push(format!("{n} {} removed", noun(kind, *n)));
            } else {
                words.push(format!("{n} removed"));
            }
        }
        if !words.is_empty() {
            parts.push(words.join(", "));
        }
    }
    if parts.is_empty() {
        "No change to the content since the previous point (the review\u{2019}s details may have changed).".into()
    } else {
        format!("Since the previous point: {}.", parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{generate_review, ReviewSize};
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, hour, 0, 0).unwrap()
    }

    fn point(review: u8, hour: u32, bytes: usize) -> PointInfo {
        let review = ReviewId::from_random_bytes([review; 16]);
        PointInfo {
            key: point_key(review, at(hour)),
            review,
            at: at(hour),
            reason: PointReason::Automatic,
            summary: String::new(),
            bytes,
        }
    }

    #[test]
    fn keys_sort_by_review_then_time() {
        let a = point(1, 9, 0).key;
        let b = point(1, 10, 0).key;
        assert!(a < b);
        assert!(a.ends_with(&format!("{:015}", at(9).timestamp_millis())));
    }

    #[test]
    fn automatic_points_are_at_most_hourly() {
        assert!(automatic_due(None, at(9)));
        assert!(!automatic_due(Some(at(9)), at(9) + Duration::minutes(59)));
        assert!(automatic_due(Some(at(9)), at(10)));
    }

    #[test]
    fn the_oldest_are_thinned_first_and_each_reviews_newest_stays() {
        let points = vec![
            point(1, 1, 40),
            point(2, 2, 40),
            point(1, 3, 40),
            point(2, 4, 40),
            point(1, 5, 40),
        ];
        // Over the size bound: oldest first, never a review's newest.
        assert_eq!(
            to_thin(&points, 10, 100),
            vec![
                points[0].key.clone(),
                points[1].key.clone(),
                points[2].key.clone()
            ]
        );
        // Over the count bound for review 1 only.
        assert_eq!(to_thin(&points, 2, 1_000), vec![points[0].key.clone()]);
        // One huge point alone is kept: it is its review's newest.
        assert!(to_thin(&[point(3, 1, 10_000)], 1, 10).is_empty());
    }

    #[test]
    fn the_summary_says_what_was_added_changed_and_removed() {
        let (_, before) = generate_review(2, ReviewSize::SMALL, at(1));
        let mut after = before.clone();
        after.events[0].what_happened = "Changed".into();
        let removed = after.findings.remove(0);
        let mut extra = after.events[1].clone();
        extra.id = crate::RecordId::from_random_bytes([9; 16]);
        after.events.push(extra);
        assert_eq!(
            summarise_changes(Some(&before), &after),
            "Since the previous point: 1 chronology event added, 1 changed; 1 finding removed."
        );
        assert!(summarise_changes(None, &after).starts_with("The first restore point: 8 agencies"));
        assert!(!summarise_changes(Some(&after), &after).contains("added"));
        let _ = removed;
    }
}
