//! A review's details field by field.
//!
//! The details (`Review`: title, committee, status, each stage date, each timescale, each
//! parallel-proceedings field, the map's scheme…) are merged field by field, both when a file
//! is merged (`format::merge`) and when two tabs meet (`sync::rebase`), so that a change to
//! one field on one side and to another field on the other are both kept. A *detail field* is
//! a leaf of the details' JSON, named by its path: `title`, `dates.decision_made`,
//! `timescales.decision_weeks`, `parallel_proceedings.liaison_note`. A stage date that is not
//! recorded has no field.
//!
//! Each review keeps when each field last changed (`Review::field_changed_at`, stamped by
//! [`Review::stamp_changes`] on every edit), so that a merge can tell which copy changed a
//! field since the copies last agreed. A review from before these times were kept knows only
//! when the review as a whole last changed, and every one of its fields is taken to have
//! changed then: a merge may then ask about a field nobody changed, but never drops one.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

use crate::dates::format_uk_date;
use crate::factors::CategoryScheme;
use crate::review::lifecycle::Milestone;
use crate::review::{Review, ReviewStatus, ReviewType};

/// Fields of the details' JSON that are not details a person edits: the review's identity
/// and the times kept about it.
const NOT_DETAILS: [&str; 6] = [
    "id",
    "created_at",
    "updated_at",
    "synced_at",
    "field_changed_at",
    "fields_tracked_since",
];

fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, inner, out);
            }
        }
        // A field that is null holds nothing, like one that is not there.
        Value::Null => {}
        leaf => {
            out.insert(prefix.to_owned(), leaf.clone());
        }
    }
}

/// The review's detail fields and their values, by path.
pub fn detail_fields(review: &Review) -> BTreeMap<String, Value> {
    let mut value = serde_json::to_value(review).expect("a review always serialises");
    if let Some(object) = value.as_object_mut() {
        for field in NOT_DETAILS {
            object.remove(field);
        }
    }
    let mut out = BTreeMap::new();
    flatten("", &value, &mut out);
    out
}

fn set_path(object: &mut Map<String, Value>, path: &str, value: Option<&Value>) {
    match path.split_once('.') {
        None => match value {
            Some(value) => {
                object.insert(path.to_owned(), value.clone());
            }
            None => {
                object.remove(path);
            }
        },
        Some((head, rest)) => {
            let inner = object
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            // A part that is not there yet (a decision not made: `null`) is made to hold it.
            if inner.is_null() && value.is_some() {
                *inner = Value::Object(Map::new());
            }
            if let Value::Object(inner) = inner {
                set_path(inner, rest, value);
                // An entry whose last field went is gone (a removed question, say), not an
                // empty one that no longer reads as an entry.
                if value.is_none() && inner.is_empty() {
                    object.remove(head);
                }
            }
        }
    }
}

/// `review` with the detail field at `path` set to `value` (or removed, with `None`). `None`
/// if the value does not fit the field (it came from a file that was not checked).
pub fn with_detail(review: &Review, path: &str, value: Option<&Value>) -> Option<Review> {
    with_details(review, &[(path, value)])
}

/// `review` with every field of `changes` set at once. A list entry that one copy added comes
/// as several fields (`agency_returns.<id>.agency`, `….asked_on`…) that only read as an entry
/// together, so a merge applies all the fields it takes in one go. `None` if the result does
/// not read as a review.
pub fn with_details(review: &Review, changes: &[(&str, Option<&Value>)]) -> Option<Review> {
    let mut json = serde_json::to_value(review).ok()?;
    let object = json.as_object_mut()?;
    for (path, value) in changes {
        set_path(object, path, *value);
    }
    serde_json::from_value(json).ok()
}

/// Applies the fields a merge takes from the other copy: all at once when they read together,
/// else one by one (a field whose value does not fit is left as it is). Returns the paths that
/// were set.
pub fn apply_details(review: &mut Review, changes: &[(String, Option<Value>)]) -> Vec<String> {
    let all: Vec<(&str, Option<&Value>)> = changes
        .iter()
        .map(|(path, value)| (path.as_str(), value.as_ref()))
        .collect();
    if let Some(merged) = with_details(review, &all) {
        *review = merged;
        return changes.iter().map(|(path, _)| path.clone()).collect();
    }
    let mut set = Vec::new();
    for (path, value) in changes {
        if let Some(merged) = with_detail(review, path, value.as_ref()) {
            *review = merged;
            set.push(path.clone());
        }
    }
    set
}

impl Review {
    /// When the detail field at `path` last changed. A field this review has never stamped
    /// last changed when its times began to be kept; in a review from before that, when the
    /// review as a whole last changed (the latest it can have been).
    pub fn field_changed_at(&self, path: &str) -> DateTime<Utc> {
        self.field_changed_at
            .get(path)
            .copied()
            .or(self.fields_tracked_since)
            .unwrap_or(self.updated_at)
    }

    /// Records that this copy agrees with another as of `at` (a file was exported from it or
    /// imported into it). A review from before field times were kept starts keeping them
    /// here: every field is as the other copy has it, so none has changed since `at`.
    pub fn mark_synced(&mut self, at: DateTime<Utc>) {
        self.synced_at = Some(at);
        if self.fields_tracked_since.is_none() {
            self.fields_tracked_since = Some(at);
        }
    }

    /// Stamps the one detail field at `path` as changed at `now`, for an edit that is known to
    /// change only that field (typing in a section of the report): the same as
    /// [`Review::stamp_changes`] would do, without comparing every field of two copies on each
    /// key.
    pub fn stamp_field(&mut self, path: &str, now: DateTime<Utc>) {
        if self.fields_tracked_since.is_none() {
            self.fields_tracked_since = Some(self.updated_at);
        }
        self.field_changed_at.insert(path.to_owned(), now);
    }

    /// Stamps every detail field that differs from `before` as changed at `now`. A review
    /// from before field times were kept starts keeping them here, with every other field
    /// taken as changed when the review last changed.
    pub fn stamp_changes(&mut self, before: &Review, now: DateTime<Utc>) {
        let (old, new) = (detail_fields(before), detail_fields(self));
        let paths: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        let changed: Vec<String> = paths
            .into_iter()
            .filter(|path| old.get(*path) != new.get(*path))
            .cloned()
            .collect();
        if changed.is_empty() {
            return;
        }
        if self.fields_tracked_since.is_none() {
            self.fields_tracked_since = Some(before.updated_at);
        }
        for path in changed {
            self.field_changed_at.insert(path, now);
        }
    }
}

/// A detail field's name as a person reads it: "Committee", "Stage date: Decision made".
pub fn detail_label(path: &str) -> String {
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    let words = |key: &str| {
        let mut text = key.replace('_', " ");
        if let Some(first) = text.get(..1) {
            text.replace_range(..1, &first.to_uppercase());
        }
        text
    };
    match head {
        "title" => "Title".into(),
        "committee" => "Committee".into(),
        "status" => "Status".into(),
        "archived" => "Archived".into(),
        "review_type" => "Type of review".into(),
        "map_scheme" => "Systems map categories".into(),
        "dates" => format!(
            "Stage date: {}",
            Milestone::from_key(rest)
                .map(|m| m.label().to_owned())
                .unwrap_or_else(|| words(rest))
        ),
        "timescales" => format!(
            "Timescale: {}",
            match rest {
                "decision_weeks" => "decision due (weeks after the notification)",
                "agency_returns_days" => "agency returns due (days after the request)",
                "completion_months" => "sign-off due (months after the decision)",
                "completion_target_months" => "sign-off aimed for (months after the decision)",
                "outcome_notice_days" => "outcome notice due (days after sign-off)",
                "due_soon_days" => "\u{201c}due soon\u{201d} (days before)",
                "decision_notice_days" => "decision notice due (days after the decision)",
                "report_months" => "final report due (months after the decision)",
                other => return format!("Timescale: {}", words(other).to_lowercase()),
            }
        ),
        "parallel_proceedings" => format!(
            "Parallel proceedings: {}",
            match rest {
                "criminal_proceedings" => "criminal proceedings".to_owned(),
                "fatal_accident_inquiry" => "Fatal Accident Inquiry".to_owned(),
                "other" => "other proceedings".to_owned(),
                "other_details" => "what the other proceedings are".to_owned(),
                "liaison_note" => "liaison note".to_owned(),
                other => words(other).to_lowercase(),
            }
        ),
        "report" => report_label(rest),
        "notification" | "agency_returns" | "recommendation" | "decision" | "notices" | "setup"
        | "delays" | "dissemination" => {
            let section = match head {
                "notification" => "Notification",
                "agency_returns" => "Agency return",
                "recommendation" => "Recommendation",
                "decision" => "Decision",
                "notices" => "Care Inspectorate notice",
                "setup" => "Set-up",
                "dissemination" => "Sharing the learning",
                _ => "Delay log",
            };
            // An entry of a list is named by its id, which means nothing to a person.
            let parts: Vec<String> = rest
                .split('.')
                .filter(|part| !part.is_empty() && crate::ids::RecordId::parse(part).is_none())
                .map(|part| words(part).to_lowercase())
                .collect();
            if parts.is_empty() {
                section.to_owned()
            } else {
                format!("{section}: {}", parts.join(", "))
            }
        }
        other => words(&path.replace('.', ": ").replace(other, &words(other))),
    }
}

/// A field of the report (`sections.analysis.body`) as a person reads it.
fn report_label(rest: &str) -> String {
    use crate::report::{CoreItem, SectionKey};
    let parts: Vec<&str> = rest.split('.').collect();
    let what = match parts.as_slice() {
        ["sections", key, field, ..] => {
            let section = SectionKey::from_key(key).map_or_else(
                || key.replace('_', " "),
                |k| {
                    format!(
                        "section {}, {}",
                        k.number(),
                        k.heading(crate::review::setup::ReviewModel::NotChosen)
                    )
                },
            );
            if *field == "drafted" {
                format!("{section} (the text Sightline last drafted)")
            } else {
                section
            }
        }
        ["core_data", item, ..] => format!(
            "core data, {}",
            CoreItem::ALL
                .into_iter()
                .find(|i| i.key() == *item)
                .map_or_else(|| item.replace('_', " "), |i| i.label().to_lowercase())
        ),
        ["answers", ..] => "an answer to a review question".into(),
        ["appendices", which, ..] => format!("appendices, {}", which.replace('_', " ")),
        ["versions", ..] => "an issued version".into(),
        ["comments", _, field, ..] => format!("a comment ({})", field.replace('_', " ")),
        ["dismissals", ..] => "the flags dismissed in the identifying-details check".into(),
        ["check", ..] => "the identifying-details check".into(),
        _ => rest.replace(['.', '_'], " "),
    };
    format!("Report: {what}")
}

/// A detail field's value as a person reads it: a date in UK style, "Yes" or "No", a label.
pub fn detail_value_text(path: &str, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "Not recorded".into();
    };
    let parsed = |value: &Value| -> Option<String> {
        match path.split_once('.').map(|(head, _)| head).unwrap_or(path) {
            "status" => serde_json::from_value::<ReviewStatus>(value.clone())
                .ok()
                .map(|s| s.label().to_owned()),
            "review_type" => serde_json::from_value::<ReviewType>(value.clone())
                .ok()
                .map(|t| t.label().to_owned()),
            "map_scheme" => serde_json::from_value::<CategoryScheme>(value.clone())
                .ok()
                .map(|s| s.label().to_owned()),
            "dates" => serde_json::from_value::<NaiveDate>(value.clone())
                .ok()
                .map(format_uk_date),
            // Dates inside the newer sections read as dates too.
            _ => value
                .as_str()
                .filter(|text| text.len() == 10)
                .and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
                .map(format_uk_date),
        }
    };
    if let Some(text) = parsed(value) {
        return text;
    }
    match value {
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::String(text) if text.trim().is_empty() => "(empty)".into(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ReviewId;
    use crate::review::new_review::NewReview;
    use chrono::TimeZone;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, minute, 0).unwrap()
    }

    fn review() -> Review {
        Review::new(
            ReviewId::from_random_bytes([4; 16]),
            NewReview {
                title: "Review 2026-04".into(),
                review_type: ReviewType::ChildProtection,
                notification_received: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
                committee: "Example CPC".into(),
            },
            at(0),
        )
    }

    #[test]
    fn every_detail_a_person_edits_is_a_field_and_times_are_not() {
        let fields = detail_fields(&review());
        for path in [
            "title",
            "committee",
            "status",
            "archived",
            "review_type",
            "map_scheme",
            "dates.notification_received",
            "timescales.decision_weeks",
            "timescales.due_soon_days",
            "parallel_proceedings.liaison_note",
            "parallel_proceedings.criminal_proceedings",
        ] {
            assert!(fields.contains_key(path), "{path}: {fields:?}");
            assert!(!detail_label(path).contains('_'), "{}", detail_label(path));
        }
        for path in ["id", "created_at", "updated_at", "synced_at"] {
            assert!(!fields.contains_key(path));
        }
    }

    #[test]
    fn a_field_can_be_set_and_removed_by_its_path() {
        let review = review();
        let date = Value::String("2026-11-02".into());
        let with = with_detail(&review, "dates.decision_made", Some(&date)).unwrap();
        assert_eq!(
            with.dates.get(Milestone::DecisionMade),
            NaiveDate::from_ymd_opt(2026, 11, 2)
        );
        let without = with_detail(&with, "dates.decision_made", None).unwrap();
        assert_eq!(without, review);
        assert!(with_detail(&review, "timescales.decision_weeks", Some(&"x".into())).is_none());
    }

    #[test]
    fn an_edit_stamps_only_the_fields_it_changed() {
        let before = review();
        let mut after = before.clone();
        after.committee = "Another committee".into();
        after
            .record_date(
                Milestone::DecisionMade,
                NaiveDate::from_ymd_opt(2026, 11, 2),
            )
            .unwrap();
        after.stamp_changes(&before, at(5));
        assert_eq!(after.field_changed_at("committee"), at(5));
        assert_eq!(after.field_changed_at("dates.decision_made"), at(5));
        assert_eq!(
            after.field_changed_at("title"),
            at(0),
            "unchanged since creation"
        );
    }

    /// Stamping the one known field gives the same times as comparing the two copies: the
    /// shortcut for typing in a report section must not change what a merge sees. (Only for a
    /// section that exists: a new one also brings its `drafted` field.)
    #[test]
    fn stamping_one_known_field_is_the_same_as_comparing_the_copies() {
        use crate::report::SectionKey;
        for tracked in [true, false] {
            let mut before = review();
            if !tracked {
                before.fields_tracked_since = None;
                before.updated_at = at(3);
            }
            before
                .report
                .redraft(&[(SectionKey::Facts, "Drafted".to_owned())]);
            let mut compared = before.clone();
            compared
                .report
                .sections
                .get_mut(&SectionKey::Facts)
                .unwrap()
                .body = "Typed".into();
            let mut stamped = compared.clone();
            compared.stamp_changes(&before, at(7));
            stamped.stamp_field("report.sections.facts.body", at(7));
            assert_eq!(compared, stamped, "tracked since creation: {tracked}");
        }
    }

    #[test]
    fn a_review_from_before_field_times_takes_every_field_as_changed_when_it_last_changed() {
        let mut legacy = review();
        legacy.fields_tracked_since = None;
        legacy.updated_at = at(3);
        assert_eq!(legacy.field_changed_at("title"), at(3));
        let before = legacy.clone();
        legacy.title = "Renamed".into();
        legacy.stamp_changes(&before, at(9));
        assert_eq!(legacy.field_changed_at("title"), at(9));
        assert_eq!(legacy.field_changed_at("committee"), at(3));
    }

    #[test]
    fn a_review_from_before_field_times_keeps_them_from_its_first_export_or_import() {
        let mut legacy = review();
        legacy.fields_tracked_since = None;
        legacy.updated_at = at(3);
        legacy.mark_synced(at(5));
        assert_eq!(legacy.field_changed_at("committee"), at(5));
        // A later sync does not move it: fields unchanged since the first stay so.
        legacy.mark_synced(at(8));
        assert_eq!(legacy.field_changed_at("committee"), at(5));
        assert_eq!(legacy.synced_at, Some(at(8)));
    }

    #[test]
    fn values_read_as_people_write_them() {
        assert_eq!(
            detail_value_text("dates.decision_made", Some(&"2027-01-07".into())),
            "7 January 2027"
        );
        assert_eq!(
            detail_value_text("status", Some(&"paused".into())),
            "Paused"
        );
        assert_eq!(detail_value_text("archived", Some(&true.into())), "Yes");
        assert_eq!(detail_value_text("dates.signed_off", None), "Not recorded");
        assert_eq!(
            detail_label("dates.decision_made"),
            "Stage date: Decision made"
        );
    }

    #[test]
    fn the_newer_sections_are_labelled_without_their_ids_and_dates_read_as_dates() {
        let id = "0190aaaa-0000-7000-8000-000000000001";
        assert_eq!(
            detail_label(&format!("agency_returns.{id}.received_on")),
            "Agency return: received on"
        );
        assert_eq!(
            detail_label(&format!("setup.questions.{id}.text")),
            "Set-up: questions, text"
        );
        assert_eq!(detail_label("decision.reasons"), "Decision: reasons");
        assert_eq!(
            detail_value_text(&format!("delays.{id}.on"), Some(&"2027-01-07".into())),
            "7 January 2027"
        );
    }

    #[test]
    fn a_removed_entry_goes_whole_and_an_absent_part_is_made_to_hold_a_field() {
        let mut review = review();
        review
            .setup
            .add_question(crate::ids::RecordId::fixed(1), "A question")
            .unwrap();
        let paths: Vec<String> = detail_fields(&review)
            .into_keys()
            .filter(|p| p.starts_with("setup.questions."))
            .collect();
        assert_eq!(paths.len(), 2);
        let removals: Vec<(&str, Option<&Value>)> =
            paths.iter().map(|p| (p.as_str(), None)).collect();
        let without = with_details(&review, &removals).unwrap();
        assert!(without.setup.questions.is_empty());
        let reasons = Value::String("Criteria met".into());
        let outcome = Value::String("learning_review".into());
        let by = Value::String("Committee".into());
        let with = with_details(
            &without,
            &[
                ("decision.outcome.outcome", Some(&outcome)),
                ("decision.reasons", Some(&reasons)),
                ("decision.decided_by", Some(&by)),
            ],
        )
        .unwrap();
        assert_eq!(with.decision.unwrap().reasons, "Criteria met");
        // One field alone does not read as a decision, so it is refused rather than guessed.
        assert!(with_detail(&without, "decision.reasons", Some(&reasons)).is_none());
    }
}
