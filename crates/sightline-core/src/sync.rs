//! Two tabs on one review: bringing this tab's unsaved changes onto what another tab stored.
//!
//! Each tab saves against the revision it last read; a save against an older revision is
//! refused by storage. The refused tab then *rebases*: it takes the stored review and content
//! and puts its own pending changes back on top, record by record, and saves again. A change
//! made in only one tab is kept whichever tab made it. A record (or a field of the review's
//! details) changed in both tabs since they last agreed is a *conflict*: this tab's version
//! is kept, and the conflict is reported so that the page can say so and keep the other
//! version as a restore point.
//!
//! Both tabs run on one computer, so "changed since they last agreed" compares each record's
//! `updated_at` with the moment this tab last read or wrote storage, on the same clock.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::content::{encode_from, load_record};
use crate::content::{RecordKind, ReviewContent};
use crate::ids::RecordId;
use crate::review::details::{apply_details, detail_fields};
use crate::review::Review;

/// What this tab has changed and not yet stored, record by record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PendingChange {
    Put(RecordKind, RecordId),
    Delete(RecordKind, RecordId),
}

/// Something both tabs changed; this tab's version was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncConflict {
    /// A field of the review's details, by its path (`title`, `dates.decision_made`…).
    Detail(String),
    Record(RecordKind, RecordId),
}

/// The review and content to carry on with, and what both tabs changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Rebased {
    pub review: Review,
    pub content: ReviewContent,
    pub conflicts: Vec<SyncConflict>,
}

/// The review's details, merged field by field (`crate::review::details`): a field this tab changed
/// since `base` keeps this tab's value and change time; any other field takes the stored one.
fn rebase_details(base: &Review, local: &Review, stored: &Review) -> (Review, Vec<SyncConflict>) {
    let (was, mine, theirs) = (
        detail_fields(base),
        detail_fields(local),
        detail_fields(stored),
    );
    let paths: BTreeSet<&String> = was.keys().chain(mine.keys()).collect();
    let mut review = stored.clone();
    let mut conflicts = Vec::new();
    let mut mine_to_keep = Vec::new();
    for path in paths {
        let (before, value) = (was.get(path), mine.get(path));
        if value == before {
            continue;
        }
        let other = theirs.get(path);
        if other != before && other != value {
            conflicts.push(SyncConflict::Detail(path.clone()));
        }
        mine_to_keep.push((path.clone(), value.cloned()));
    }
    // This tab's fields go on together, so a list entry it added reads as one.
    for path in apply_details(&mut review, &mine_to_keep) {
        let at = local.field_changed_at(&path);
        review.field_changed_at.insert(path, at);
    }
    if local.synced_at != base.synced_at {
        review.synced_at = local.synced_at;
    }
    if review.fields_tracked_since.is_none() {
        review.fields_tracked_since = local.fields_tracked_since;
    }
    // The later change time of the two.
    review.updated_at = local.updated_at.max(stored.updated_at);
    (review, conflicts)
}

/// The stored review with this tab's pending changes on top.
///
/// `base` is the review's details as this tab last read or wrote them, and `since` when; the
/// pending changes are the records this tab changed after that.
pub fn rebase(
    base: &Review,
    since: DateTime<Utc>,
    local: (&Review, &ReviewContent),
    stored: (&Review, &ReviewContent),
    pending: &[PendingChange],
) -> Rebased {
    let (review, mut conflicts) = rebase_details(base, local.0, stored.0);
    let mut content = stored.1.clone();
    for change in pending {
        match *change {
            PendingChange::Put(kind, id) => {
                let theirs = encode_from(stored.1, kind, id);
                let Some(mine) = encode_from(local.1, kind, id) else {
                    continue;
                };
                if let Some(theirs) = &theirs {
                    if *theirs != mine && changed_since(theirs, since) {
                        conflicts.push(SyncConflict::Record(kind, id));
                    }
                }
                // Encoded by this build a moment ago, so it reads back.
                let _ = load_record(&mut content, kind, &mine);
            }
            PendingChange::Delete(kind, id) => {
                if let Some(theirs) = encode_from(stored.1, kind, id) {
                    if changed_since(&theirs, since) {
                        // Changed there, deleted here: keep it, so nothing is lost.
                        conflicts.push(SyncConflict::Record(kind, id));
                        continue;
                    }
                }
                // Only the record: references this tab removed are pending puts of their own.
                content.remove_record(kind, id);
            }
        }
    }
    Rebased {
        review,
        content,
        conflicts,
    }
}

fn changed_since(encoded: &str, since: DateTime<Utc>) -> bool {
    serde_json::from_str::<Value>(encoded)
        .ok()
        .and_then(|v| v.get("updated_at").cloned())
        .and_then(|v| serde_json::from_value::<DateTime<Utc>>(v).ok())
        .is_none_or(|at| at > since)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ChronologyEvent;
    use crate::testing::{generate_review, ReviewSize};
    use chrono::TimeZone;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, minute, 0).unwrap()
    }

    /// Two tabs that last agreed at minute 1, each changing something after.
    fn two_tabs() -> (Review, ReviewContent, Review, ReviewContent) {
        let (review, content) = generate_review(3, ReviewSize::SMALL, at(0));
        (review.clone(), content.clone(), review, content)
    }

    fn edit_event(
        content: &mut ReviewContent,
        n: usize,
        text: &str,
        when: DateTime<Utc>,
    ) -> RecordId {
        let event: &mut ChronologyEvent = &mut content.events[n];
        event.what_happened = text.into();
        event.updated_at = when;
        event.id
    }

    #[test]
    fn changes_to_different_records_and_fields_are_all_kept() {
        let (base, base_content, mut local, mut local_content) = two_tabs();
        let (mut stored, mut stored_content) = (base.clone(), base_content.clone());
        // The other tab changed event 0 and the committee; this one changed event 1 and the title.
        let theirs = edit_event(&mut stored_content, 0, "Theirs", at(2));
        stored.committee = "Their committee".into();
        let mine = edit_event(&mut local_content, 1, "Mine", at(3));
        local.title = "My title".into();
        let gone = local_content.events[2].id;
        local_content.remove_record(RecordKind::Event, gone);
        let pending = [
            PendingChange::Put(RecordKind::Event, mine),
            PendingChange::Delete(RecordKind::Event, gone),
        ];
        let rebased = rebase(
            &base,
            at(1),
            (&local, &local_content),
            (&stored, &stored_content),
            &pending,
        );
        assert_eq!(rebased.conflicts, vec![]);
        assert_eq!(rebased.review.title, "My title");
        assert_eq!(rebased.review.committee, "Their committee");
        let text = |id| {
            rebased
                .content
                .get::<ChronologyEvent>(id)
                .map(|e| e.what_happened.clone())
        };
        assert_eq!(text(theirs).as_deref(), Some("Theirs"));
        assert_eq!(text(mine).as_deref(), Some("Mine"));
        assert_eq!(text(gone), None);
    }

    #[test]
    fn a_record_changed_in_both_tabs_keeps_this_tabs_version_and_is_reported() {
        let (base, base_content, mut local, mut local_content) = two_tabs();
        let (mut stored, mut stored_content) = (base.clone(), base_content.clone());
        let id = edit_event(&mut stored_content, 0, "Theirs", at(2));
        edit_event(&mut local_content, 0, "Mine", at(3));
        stored.title = "Their title".into();
        local.title = "My title".into();
        // Deleted here but changed there: kept.
        let kept = edit_event(&mut stored_content, 1, "Changed there", at(2));
        local_content.remove_record(RecordKind::Event, kept);
        let pending = [
            PendingChange::Put(RecordKind::Event, id),
            PendingChange::Delete(RecordKind::Event, kept),
        ];
        let rebased = rebase(
            &base,
            at(1),
            (&local, &local_content),
            (&stored, &stored_content),
            &pending,
        );
        assert_eq!(
            rebased.conflicts,
            vec![
                SyncConflict::Detail("title".into()),
                SyncConflict::Record(RecordKind::Event, id),
                SyncConflict::Record(RecordKind::Event, kept),
            ]
        );
        assert_eq!(rebased.review.title, "My title");
        assert_eq!(
            rebased
                .content
                .get::<ChronologyEvent>(id)
                .unwrap()
                .what_happened,
            "Mine"
        );
        assert!(rebased.content.get::<ChronologyEvent>(kept).is_some());
    }

    #[test]
    fn two_tabs_recording_different_stage_dates_keep_both() {
        use crate::review::lifecycle::Milestone;
        let (base, base_content, mut local, local_content) = two_tabs();
        let (mut stored, stored_content) = (base.clone(), base_content.clone());
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20);
        let before = stored.clone();
        stored.record_date(Milestone::DecisionMade, day).unwrap();
        stored.stamp_changes(&before, at(2));
        let before = local.clone();
        local.record_date(Milestone::SetUpComplete, day).unwrap();
        local.timescales.decision_weeks = 7;
        local.stamp_changes(&before, at(3));
        let rebased = rebase(
            &base,
            at(1),
            (&local, &local_content),
            (&stored, &stored_content),
            &[],
        );
        assert!(rebased.conflicts.is_empty(), "{:?}", rebased.conflicts);
        assert_eq!(rebased.review.dates.get(Milestone::DecisionMade), day);
        assert_eq!(rebased.review.dates.get(Milestone::SetUpComplete), day);
        assert_eq!(rebased.review.timescales.decision_weeks, 7);
        assert_eq!(
            rebased.review.field_changed_at("dates.decision_made"),
            at(2)
        );
        assert_eq!(
            rebased.review.field_changed_at("dates.set_up_complete"),
            at(3)
        );
    }

    #[test]
    fn two_tabs_adding_list_entries_to_the_set_up_keep_every_entry_whole() {
        let (base, base_content, mut local, local_content) = two_tabs();
        let (mut stored, stored_content) = (base.clone(), base_content.clone());
        let before = stored.clone();
        stored
            .setup
            .add_question(RecordId::fixed(1), "From the other tab")
            .unwrap();
        stored.stamp_changes(&before, at(2));
        let before = local.clone();
        local
            .setup
            .add_question(RecordId::fixed(2), "From this tab")
            .unwrap();
        local
            .setup
            .log_contact(
                RecordId::fixed(3),
                chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
                "Letter sent",
            )
            .unwrap();
        local.stamp_changes(&before, at(3));
        let rebased = rebase(
            &base,
            at(1),
            (&local, &local_content),
            (&stored, &stored_content),
            &[],
        );
        assert!(rebased.conflicts.is_empty(), "{:?}", rebased.conflicts);
        let mut texts: Vec<&str> = rebased
            .review
            .setup
            .questions
            .values()
            .map(|q| q.text.as_str())
            .collect();
        texts.sort();
        assert_eq!(texts, ["From the other tab", "From this tab"]);
        assert_eq!(rebased.review.setup.family_liaison.contacts.len(), 1);
    }

    #[test]
    fn with_nothing_pending_the_stored_review_is_taken_whole() {
        let (base, base_content, local, local_content) = two_tabs();
        let (mut stored, mut stored_content) = (base.clone(), base_content.clone());
        stored.title = "Renamed there".into();
        edit_event(&mut stored_content, 4, "There", at(2));
        let rebased = rebase(
            &base,
            at(1),
            (&local, &local_content),
            (&stored, &stored_content),
            &[],
        );
        assert_eq!(rebased.review, stored);
        assert_eq!(rebased.content, stored_content);
        assert!(rebased.conflicts.is_empty());
    }
}
