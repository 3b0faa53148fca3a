//! The file format: round trips, every error, repairs, merging, packs and contributions, and
//! the golden files of every released version, which must always import.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sightline_core::content::{ChronologyEvent, RecordKind, ReviewContent};
use sightline_core::format::merge::{
    changed_records, plan_merge, with_new_ids, ConflictSubject, Side,
};
use sightline_core::format::pack::{
    apply_contribution, make_pack, read_contribution, read_pack, write_contribution, write_pack,
    ContributedAnswer, Contribution,
};
use sightline_core::format::{
    encryption, read_any, read_backup, read_envelope, read_review_file, write_backup,
    write_backup_with_settings, write_review_file, AnyFile, FileError, FileKind, Imported,
    ReviewFile, FORMAT_VERSION,
};
use sightline_core::ids::SeededIds;
use sightline_core::testing::{generate_review, ReviewSize};
use sightline_core::{Milestone, Review};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, hour, 0, 0).unwrap()
}

/// The content with every list sorted by id, to compare regardless of order.
fn sorted(mut c: ReviewContent) -> ReviewContent {
    c.agencies.sort_by_key(|r| r.id);
    c.people.sort_by_key(|r| r.id);
    c.events.sort_by_key(|r| r.id);
    c.episodes.sort_by_key(|r| r.id);
    c.templates.sort_by_key(|r| r.id);
    c.reflections.sort_by_key(|r| r.id);
    c.responses.sort_by_key(|r| r.id);
    c.map_nodes.sort_by_key(|r| r.id);
    c.map_links.sort_by_key(|r| r.id);
    c.findings.sort_by_key(|r| r.id);
    c.actions.sort_by_key(|r| r.id);
    c.briefings.sort_by_key(|r| r.id);
    c
}

fn small(seed: u64) -> (Review, ReviewContent) {
    generate_review(seed, ReviewSize::SMALL, at(9))
}

#[test]
fn a_review_file_reads_back_the_same_review_with_nothing_repaired() {
    let (review, content) = small(1);
    let text = write_review_file(&review, &content, at(10), "0.1.0");
    let read = read_review_file(text.as_bytes(), &mut SeededIds::new(1)).unwrap();
    assert_eq!(read.repairs, Vec::<String>::new());
    assert_eq!(read.info.kind, FileKind::Review);
    assert_eq!(read.info.format_version, 6);
    assert_eq!(read.info.exported_at, Some(at(10)));
    assert!(!read.value.content.findings.is_empty());
    assert!(!read.value.content.actions.is_empty());
    assert_eq!(read.value.content.briefings.len(), 1);
    assert_eq!(read.info.app_version.as_deref(), Some("0.1.0"));
    assert!(!read.value.content.map_nodes.is_empty());
    assert_eq!(read.value.review, review);
    assert_eq!(sorted(read.value.content), sorted(content));
}

#[test]
fn writing_is_deterministic() {
    let (review, content) = small(2);
    let first = write_review_file(&review, &content, at(10), "0.1.0");
    let mut shuffled = content.clone();
    shuffled.events.reverse();
    shuffled.people.reverse();
    assert_eq!(
        write_review_file(&review, &shuffled, at(10), "0.1.0"),
        first
    );
    let read = read_review_file(first.as_bytes(), &mut SeededIds::new(2)).unwrap();
    assert_eq!(
        write_review_file(&read.value.review, &read.value.content, at(10), "0.1.0"),
        first
    );
    assert!(first.starts_with("{\n  \"kind\": \"sightline.review\",\n  \"format_version\": 6,"));
}

#[test]
fn every_kind_of_bad_file_has_its_own_message() {
    let ids = &mut SeededIds::new(3);
    let (review, content) = small(3);
    let good = write_review_file(&review, &content, at(10), "0.1.0");
    let check = |bytes: &[u8], expected: FileError, ids: &mut SeededIds| {
        assert_eq!(read_review_file(bytes, ids).unwrap_err(), expected);
    };
    check(b"", FileError::Empty, ids);
    check(b"  \n ", FileError::Empty, ids);
    check(&vec![b' '; 51 * 1024 * 1024 + 1][..], FileError::Empty, ids);
    let mut large = b"{\"kind\":\"sightline.review\",\"x\":\"".to_vec();
    large.resize(50 * 1024 * 1024 + 10, b'a');
    check(&large, FileError::TooLarge, ids);
    check(&[0x80, 0x81, 0xff, 0x00, 0x01], FileError::NotText, ids);
    check(
        &good.as_bytes()[..good.len() / 2],
        FileError::Truncated,
        ids,
    );
    check(
        b"Date,What happened\n1/1/2025,Visit",
        FileError::NotJson,
        ids,
    );
    check(b"{\"title\": \"Not ours\"}", FileError::NotSightline, ids);
    check(b"[1, 2, 3]", FileError::NotSightline, ids);
    let backup = write_backup(&[(review.clone(), content.clone())], at(10), "0.1.0");
    check(
        backup.as_bytes(),
        FileError::WrongKind {
            expected: FileKind::Review,
            found: FileKind::Backup,
        },
        ids,
    );
    let newer = good
        .replacen("\"format_version\": 6", "\"format_version\": 7", 1)
        .replacen(
            "\"app_version\": \"0.1.0\"",
            "\"app_version\": \"3.1.0\"",
            1,
        );
    let error = read_review_file(newer.as_bytes(), ids).unwrap_err();
    assert_eq!(
        error,
        FileError::NewerVersion {
            version: 7,
            app_version: Some("3.1.0".into())
        }
    );
    assert!(
        error
            .to_string()
            .contains("newer version of Sightline (3.1.0)"),
        "{error}"
    );
    check(
        b"{\"kind\":\"sightline.review\",\"format_version\":1}",
        FileError::Damaged("it has no review in it".into()),
        ids,
    );
    check(
        b"{\"kind\":\"sightline.review\"}",
        FileError::Damaged("it has no format version".into()),
        ids,
    );
    let encrypted =
        encryption::encrypt_with_work_factor(good.as_bytes(), "a long passphrase here", 4);
    check(&encrypted, FileError::PassphraseNeeded, ids);
    // Every message is plain English that says what to do.
    for error in [
        FileError::Empty,
        FileError::Truncated,
        FileError::NotJson,
        FileError::WrongPassphrase,
        FileError::EncryptedDamaged,
    ] {
        let text = error.to_string();
        assert!(text.ends_with('.') && text.len() > 40, "{text}");
    }
    let wrong_kind = FileError::WrongKind {
        expected: FileKind::Review,
        found: FileKind::Backup,
    }
    .to_string();
    assert!(wrong_kind.contains("Restore from backup"), "{wrong_kind}");
}

#[test]
fn the_reader_repairs_what_it_can_and_says_what_it_did() {
    let (review, content) = small(4);
    let text = write_review_file(&review, &content, at(10), "0.1.0");
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let c = value["content"].as_object_mut().unwrap();
    // An event that cannot be read, an event duplicating another's id, a person naming an
    // agency that is not there, and a stage date for an unknown stage.
    let events = c["events"].as_array_mut().unwrap();
    let first = events[0].clone();
    events.push(serde_json::json!({ "id": "not an id", "what_happened": 3 }));
    events.push(first.clone());
    c["people"][0]["agency"] = serde_json::json!("01900000-0000-7000-8000-00000000dead");
    value["review"]["stage_dates"]["a_stage_from_the_future"] = serde_json::json!("2026-01-01");
    let read = read_review_file(value.to_string().as_bytes(), &mut SeededIds::new(4)).unwrap();
    let repairs = read.repairs.join("\n");
    assert!(
        repairs
            .contains("could not be read, so it was left out: its id is not an id Sightline made."),
        "{repairs}"
    );
    let first_date = serde_json::from_value::<sightline_core::content::chronology::EventDate>(
        first["date"].clone(),
    )
    .unwrap()
    .display();
    assert!(
        repairs.contains(&format!("The chronology event of {first_date} had the same id as another record of its kind; it was given a new one, so both are kept.")),
        "{repairs}"
    );
    for internal in ["invalid", "expected", "UUID", "struct", "01900000"] {
        assert!(!repairs.contains(internal), "{internal} in {repairs}");
    }
    assert!(
        repairs.contains("the agency they were linked to is not in the file"),
        "{repairs}"
    );
    assert!(
        repairs.contains("unknown stage (“a_stage_from_the_future”)"),
        "{repairs}"
    );
    assert_eq!(
        read.value.content.events.len(),
        content.events.len() + 1,
        "the duplicate is kept, renumbered"
    );
    let ids: std::collections::BTreeSet<_> =
        read.value.content.events.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), read.value.content.events.len());
}

#[test]
fn a_backup_holds_every_review_and_leaves_out_only_what_it_cannot_read() {
    let reviews = vec![small(5), small(6)];
    let text = write_backup(&reviews, at(11), "0.1.0");
    let read = read_backup(text.as_bytes(), &mut SeededIds::new(5)).unwrap();
    assert_eq!(read.value.reviews.len(), 2);
    assert_eq!(read.value.reviews[1].review, reviews[1].0);
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["reviews"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "no": "review" }));
    let read = read_backup(value.to_string().as_bytes(), &mut SeededIds::new(5)).unwrap();
    assert_eq!(read.value.reviews.len(), 2);
    assert_eq!(
        read.repairs,
        ["Review 3 in the backup could not be read and was left out: it has no review in it."]
    );
    assert!(matches!(
        read_review_file(text.as_bytes(), &mut SeededIds::new(5)),
        Err(FileError::WrongKind { .. })
    ));
}

#[test]
fn an_encrypted_file_round_trips_through_age() {
    let (review, content) = small(7);
    let text = write_review_file(&review, &content, at(10), "0.1.0");
    let sealed = encryption::encrypt_with_work_factor(text.as_bytes(), "winter harbour lantern", 4);
    let opened = encryption::decrypt(&sealed, "winter harbour lantern").unwrap();
    assert_eq!(
        read_review_file(&opened, &mut SeededIds::new(7))
            .unwrap()
            .value
            .review,
        review
    );
    assert_eq!(
        encryption::decrypt(&sealed, "winter harbour"),
        Err(FileError::WrongPassphrase)
    );
}

// Merging

/// Edits the review's details as the app does: the fields changed are stamped with `when`.
fn edit_details(review: &mut Review, when: DateTime<Utc>, change: impl FnOnce(&mut Review)) {
    let before = review.clone();
    change(review);
    review.stamp_changes(&before, when);
    review.touch(when);
}

fn event_mut(content: &mut ReviewContent, index: usize) -> &mut ChronologyEvent {
    &mut content.events[index]
}

#[test]
fn edits_to_different_records_merge_without_asking() {
    let (mut here, mut here_content) = small(8);
    // The file was exported at 10:00 from this copy, edited elsewhere, sent back.
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: Some(at(10)),
    };
    // Elsewhere: event 0 changed, and a new event added.
    event_mut(&mut file.content, 0).what_happened = "Changed elsewhere".into();
    event_mut(&mut file.content, 0).updated_at = at(12);
    let mut new_event = file.content.events[1].clone();
    new_event.id = sightline_core::RecordId::fixed(0xABCDEF);
    new_event.updated_at = at(12);
    file.content.events.push(new_event);
    // Here: event 1 changed.
    event_mut(&mut here_content, 1).what_happened = "Changed here".into();
    event_mut(&mut here_content, 1).updated_at = at(13);

    let plan = plan_merge((&here, &here_content), &file);
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    assert_eq!((plan.added, plan.updated), (1, 1));
    let before = here_content.clone();
    let (merged_review, merged) = plan.resolve(&[]);
    assert_eq!(merged.events[0].what_happened, "Changed elsewhere");
    assert_eq!(merged.events[1].what_happened, "Changed here");
    assert_eq!(merged.events.len(), here_content.events.len() + 1);
    // The file's maker does not have event 1's change yet: this copy still agrees with them
    // only as of 10:00, and the taken record keeps the time it was changed elsewhere.
    assert_eq!(merged_review.synced_at, Some(at(10)));
    assert_eq!(merged.events[0].updated_at, at(12));
    let changes = changed_records(&before, &merged);
    assert_eq!(changes.len(), 2);
}

#[test]
fn each_side_is_judged_by_its_own_clock_so_a_slow_clock_loses_no_change() {
    // Here, the review was exported at 10:00 by this computer's clock. The colleague's laptop
    // runs two hours slow: it imported the file at "08:00" and changed two things at "09:00".
    let (mut here, here_content) = small(13);
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: Some(at(8)),
    };
    event_mut(&mut file.content, 0).what_happened = "Changed on the slow laptop".into();
    event_mut(&mut file.content, 0).updated_at = at(9);
    edit_details(&mut file.review, at(9), |r| {
        r.title = "Renamed on the slow laptop".into()
    });

    let plan = plan_merge((&here, &here_content), &file);
    // Judged against one shared time (10:00) their changes would look older than the
    // agreement, and be lost or asked about; judged by their own clock they are theirs.
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    let (review, merged) = plan.resolve(&[]);
    assert_eq!(review.title, "Renamed on the slow laptop");
    assert_eq!(merged.events[0].what_happened, "Changed on the slow laptop");
}

#[test]
fn a_record_changed_on_both_sides_is_a_conflict_the_person_settles() {
    let (mut here, mut here_content) = small(9);
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: Some(at(10)),
    };
    event_mut(&mut file.content, 2).what_happened = "Their wording".into();
    event_mut(&mut file.content, 2).updated_at = at(12);
    event_mut(&mut here_content, 2).what_happened = "Our wording".into();
    event_mut(&mut here_content, 2).updated_at = at(11);
    edit_details(&mut file.review, at(12), |r| {
        r.title = "Renamed elsewhere".into()
    });
    edit_details(&mut here, at(11), |r| r.title = "Renamed here".into());

    let plan = plan_merge((&here, &here_content), &file);
    assert_eq!(plan.conflicts.len(), 2);
    assert_eq!(
        plan.conflicts[0].subject,
        ConflictSubject::Detail("title".into())
    );
    assert_eq!(plan.conflicts[0].label, "The review’s details: Title");
    assert_eq!(plan.conflicts[0].here_text, "Renamed here");
    assert_eq!(plan.conflicts[0].file_text, "Renamed elsewhere");
    let event_conflict = &plan.conflicts[1];
    assert!(matches!(
        event_conflict.subject,
        ConflictSubject::Record(RecordKind::Event, _)
    ));
    assert!(event_conflict.label.starts_with("Chronology event: "));
    assert!(event_conflict.here_text.contains("Our wording"));
    assert!(event_conflict.file_text.contains("Their wording"));

    let (review, content) = plan.clone().resolve(&[Side::Here, Side::File]);
    assert_eq!(review.title, "Renamed here");
    assert_eq!(content.events[2].what_happened, "Their wording");
    let (review, content) = plan.resolve(&[Side::File, Side::Here]);
    assert_eq!(review.title, "Renamed elsewhere");
    assert_eq!(review.id, here.id);
    assert_eq!(review.updated_at, at(12));
    assert_eq!(review.synced_at, Some(at(10)));
    assert_eq!(content.events[2].what_happened, "Our wording");
}

/// Issue 11, item 1: A exports; B opens the file and changes the committee; A only adds a
/// chronology event (which stamps A's review as changed). Merging B's file is no conflict:
/// B's committee and A's event are both kept.
#[test]
fn a_details_change_on_one_side_and_content_added_on_the_other_merge_without_asking() {
    let (mut here, mut here_content) = small(21);
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        // B's own clock, an hour behind.
        based_on: Some(at(9)),
    };
    edit_details(
        &mut file.review,
        at(9) + chrono::Duration::minutes(30),
        |r| r.committee = "B's committee".into(),
    );
    let mut added = here_content.events[0].clone();
    added.id = sightline_core::RecordId::fixed(0x1111);
    added.what_happened = "Added by A".into();
    added.updated_at = at(11);
    here_content.events.push(added);
    here.touch(at(11));

    let plan = plan_merge((&here, &here_content), &file);
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    let (review, content) = plan.resolve(&[]);
    assert_eq!(review.committee, "B's committee");
    assert!(content
        .events
        .iter()
        .any(|e| e.what_happened == "Added by A"));
    assert_eq!(review.synced_at, Some(at(10)));
}

/// Different fields changed on each side are each kept; only the field both changed
/// differently is asked about, and either answer keeps every other change.
#[test]
fn details_merge_field_by_field_and_only_the_same_field_is_a_conflict() {
    let (mut here, here_content) = small(22);
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: Some(at(10)),
    };
    let decision = chrono::NaiveDate::from_ymd_opt(2026, 11, 20);
    edit_details(&mut here, at(11), |r| {
        r.title = "Title from A".into();
        r.parallel_proceedings.liaison_note = "Note from A".into();
        r.timescales.decision_weeks = 8;
    });
    edit_details(&mut file.review, at(12), |r| {
        r.committee = "Committee from B".into();
        r.record_date(sightline_core::Milestone::DecisionMade, decision)
            .unwrap();
        r.status = sightline_core::ReviewStatus::Paused;
        r.parallel_proceedings.liaison_note = "Note from B".into();
    });
    // The same value set on both sides is no conflict.
    edit_details(&mut here, at(11), |r| r.archived = true);
    edit_details(&mut file.review, at(12), |r| r.archived = true);

    let plan = plan_merge((&here, &here_content), &file);
    let subjects: Vec<_> = plan.conflicts.iter().map(|c| c.subject.clone()).collect();
    assert_eq!(
        subjects,
        [ConflictSubject::Detail(
            "parallel_proceedings.liaison_note".into()
        )]
    );
    assert_eq!(
        plan.conflicts[0].label,
        "The review’s details: Parallel proceedings: liaison note"
    );
    for (side, note) in [(Side::Here, "Note from A"), (Side::File, "Note from B")] {
        let (review, _) = plan.clone().resolve(&[side]);
        assert_eq!(review.parallel_proceedings.liaison_note, note);
        assert_eq!(review.title, "Title from A");
        assert_eq!(review.timescales.decision_weeks, 8);
        assert_eq!(review.committee, "Committee from B");
        assert_eq!(
            review.dates.get(sightline_core::Milestone::DecisionMade),
            decision
        );
        assert_eq!(review.status, sightline_core::ReviewStatus::Paused);
        assert!(review.archived);
    }
    // Merging the result again with the same file asks nothing more once settled.
    let (review, content) = plan.resolve(&[Side::File]);
    let again = plan_merge((&review, &content), &file);
    assert!(again.conflicts.is_empty(), "{:?}", again.conflicts);
}

/// A stage date removed on one side and left alone on the other is removed; one removed on
/// one side and changed on the other is asked about.
#[test]
fn a_stage_date_removed_on_one_side_merges_like_any_other_field() {
    let (mut here, here_content) = small(23);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 20);
    edit_details(&mut here, at(9), |r| {
        r.record_date(sightline_core::Milestone::DecisionMade, date)
            .unwrap();
        r.record_date(sightline_core::Milestone::SetUpComplete, date)
            .unwrap();
    });
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: Some(at(10)),
    };
    edit_details(&mut file.review, at(12), |r| {
        r.record_date(sightline_core::Milestone::DecisionMade, None)
            .unwrap();
        r.record_date(sightline_core::Milestone::SetUpComplete, None)
            .unwrap();
    });
    edit_details(&mut here, at(11), |r| {
        r.record_date(
            sightline_core::Milestone::SetUpComplete,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 21),
        )
        .unwrap()
    });
    let plan = plan_merge((&here, &here_content), &file);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.conflicts[0].file_text, "Not recorded");
    assert_eq!(plan.conflicts[0].here_text, "21 November 2026");
    assert_eq!(
        plan.review
            .dates
            .get(sightline_core::Milestone::DecisionMade),
        None
    );
    let (review, _) = plan.resolve(&[Side::File]);
    assert_eq!(
        review.dates.get(sightline_core::Milestone::SetUpComplete),
        None
    );
}

/// The issue's journey with a review from before field times were kept: its first export
/// (here) and import (there) start them, so a committee changed there and an event added here
/// still merge without asking.
#[test]
fn a_review_from_before_field_times_merges_field_by_field_after_its_first_exchange() {
    let (mut here, mut here_content) = small(26);
    here.fields_tracked_since = None;
    here.updated_at = at(9);
    // Exported here at 10:00; imported there at 08:00 by a slow clock.
    here.mark_synced(at(10));
    let mut theirs = here.clone();
    theirs.synced_at = None;
    theirs.mark_synced(at(8));
    let file_content = here_content.clone();
    edit_details(&mut theirs, at(8) + chrono::Duration::minutes(20), |r| {
        r.committee = "Theirs".into()
    });
    let file = ReviewFile {
        based_on: theirs.synced_at,
        review: theirs,
        content: file_content,
    };
    let mut added = here_content.events[0].clone();
    added.id = sightline_core::RecordId::fixed(0x2222);
    added.updated_at = at(11);
    here_content.events.push(added);
    here.touch(at(11));
    let plan = plan_merge((&here, &here_content), &file);
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    assert_eq!(plan.resolve(&[]).0.committee, "Theirs");
}

/// Copies from before field times were kept cannot say which fields changed: every field
/// that differs is asked about on its own, and nothing is taken or dropped unasked.
#[test]
fn copies_without_field_times_ask_about_each_differing_field_and_drop_nothing() {
    let (mut here, here_content) = small(24);
    here.fields_tracked_since = None;
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: Some(at(10)),
    };
    file.review.committee = "Theirs".into();
    file.review.updated_at = at(12);
    here.title = "Mine".into();
    here.updated_at = at(11);
    let plan = plan_merge((&here, &here_content), &file);
    let subjects: Vec<_> = plan.conflicts.iter().map(|c| c.subject.clone()).collect();
    assert_eq!(
        subjects,
        [
            ConflictSubject::Detail("committee".into()),
            ConflictSubject::Detail("title".into())
        ]
    );
    let (review, _) = plan.resolve(&[Side::File, Side::Here]);
    assert_eq!(
        (review.committee.as_str(), review.title.as_str()),
        ("Theirs", "Mine")
    );
}

/// A file carries each field's change time and reads it back; a file without them (every
/// file written before) still reads, with none.
#[test]
fn field_times_travel_in_the_file() {
    let (mut review, content) = small(25);
    edit_details(&mut review, at(12), |r| r.committee = "Changed".into());
    let text = write_review_file(&review, &content, at(13), "test");
    assert!(text.contains("\"field_changed_at\""));
    let read = read_review_file(text.as_bytes(), &mut SeededIds::new(1)).unwrap();
    assert_eq!(read.value.review.field_changed_at("committee"), at(12));
    assert_eq!(read.value.review, review);
}

#[test]
fn without_a_shared_point_every_difference_is_a_conflict_and_nothing_is_dropped() {
    let (here, here_content) = small(10);
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: None,
    };
    event_mut(&mut file.content, 0).what_happened = "Different".into();
    // The file no longer has one event: it is kept, not deleted.
    file.content.events.remove(3);
    let plan = plan_merge((&here, &here_content), &file);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.content.events.len(), here_content.events.len());
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let (here, here_content) = small(11);
    let file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: here.synced_at,
    };
    let plan = plan_merge((&here, &here_content), &file);
    assert!(plan.conflicts.is_empty());
    assert_eq!((plan.added, plan.updated), (0, 0));
    let (_, merged) = plan.resolve(&[]);
    assert!(changed_records(&here_content, &merged).is_empty());
}

#[test]
fn keep_both_gives_the_review_and_every_record_new_ids_with_links_intact() {
    let (review, content) = small(12);
    let copy = with_new_ids(
        ReviewFile {
            review: review.clone(),
            content: content.clone(),
            based_on: None,
        },
        &mut SeededIds::new(99),
    );
    assert_ne!(copy.review.id, review.id);
    assert_eq!(copy.review.title, format!("{} (copy)", review.title));
    let old: std::collections::BTreeSet<_> = content.events.iter().map(|e| e.id).collect();
    assert!(copy.content.events.iter().all(|e| !old.contains(&e.id)));
    // Nothing needed repairing: every link followed its record.
    let mut repaired = copy.content.clone();
    assert_eq!(
        sightline_core::format::restore::repair_content(&mut repaired, &mut SeededIds::new(1)),
        Vec::<String>::new()
    );
    assert_eq!(repaired.responses.len(), content.responses.len());
    assert_eq!(
        copy.content.episodes[0].events.len(),
        content.episodes[0].events.len()
    );
}

// Packs and contributions

#[test]
fn a_pack_carries_the_framework_and_chosen_episodes_but_no_answers() {
    let (review, content) = small(13);
    let reflection = content.reflections[0].id;
    let episode = content.episodes[0].id;
    let pack = make_pack(&review, &content, reflection, &[episode], true).unwrap();
    let text = write_pack(&pack, at(10), "0.1.0");
    assert!(
        !text.contains(&content.responses[0].text),
        "no one's answers travel in a pack"
    );
    let read = read_pack(text.as_bytes()).unwrap();
    assert_eq!(read.value, pack);
    assert_eq!(pack.episodes.len(), 1);
    assert!(
        pack.episodes[0].events.is_empty(),
        "episodes travel without their links"
    );
    assert!(!pack.chronology.as_ref().unwrap().is_empty());
    assert_eq!(
        pack.template.prompts.len(),
        sightline_core::content::reflections::find_template(
            &content,
            content.reflections[0].template
        )
        .unwrap()
        .prompts
        .len()
    );
    let without = make_pack(&review, &content, reflection, &[], false).unwrap();
    assert!(without.episodes.is_empty() && without.chronology.is_none());
    assert!(matches!(
        read_pack(write_review_file(&review, &content, at(10), "0.1.0").as_bytes()),
        Err(FileError::WrongKind { .. })
    ));
}

#[test]
fn a_contribution_joins_the_reflection_under_its_role_and_a_second_import_changes_nothing() {
    let (review, mut content) = small(14);
    let reflection = content.reflections[0].clone();
    let template =
        sightline_core::content::reflections::find_template(&content, reflection.template).unwrap();
    let contribution = Contribution {
        review_id: review.id,
        reflection_id: reflection.id,
        role: "Speech and Language Therapist 1".into(),
        participant: None,
        answers: vec![
            ContributedAnswer {
                id: sightline_core::RecordId::fixed(0x5151),
                prompt: template.prompts[0].id,
                text: "We offered two sessions.".into(),
                consent_to_quote: true,
                episodes: vec![content.episodes[0].id],
                updated_at: at(10),
            },
            ContributedAnswer {
                id: sightline_core::RecordId::fixed(0x5152),
                prompt: sightline_core::RecordId::fixed(0x999),
                text: "A question that is not there".into(),
                consent_to_quote: false,
                episodes: vec![],
                updated_at: at(10),
            },
        ],
    };
    let text = write_contribution(&contribution, at(11), "0.1.0");
    let read = read_contribution(text.as_bytes()).unwrap();
    assert_eq!(read.value, contribution);
    let ids = &mut SeededIds::new(14);
    let first = apply_contribution(review.id, &mut content, &read.value, ids, at(12)).unwrap();
    assert_eq!((first.added, first.updated, first.unchanged), (1, 0, 0));
    assert_eq!(first.left_out.len(), 1);
    let updated = content
        .get::<sightline_core::content::Reflection>(reflection.id)
        .unwrap();
    let participant = updated
        .participants
        .iter()
        .find(|p| p.role == "Speech and Language Therapist 1")
        .unwrap();
    let answer = content
        .get::<sightline_core::content::Response>(sightline_core::RecordId::fixed(0x5151))
        .unwrap();
    assert_eq!(answer.participant, participant.id);
    assert!(answer.consent_to_quote);

    let before = content.clone();
    let again = apply_contribution(review.id, &mut content, &read.value, ids, at(13)).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 1));
    assert!(again.changes.is_empty());
    assert_eq!(content, before);

    // A newer version of the same answer replaces it.
    let mut newer = read.value.clone();
    newer.answers[0].text = "We offered three sessions.".into();
    newer.answers[0].updated_at = at(14);
    let third = apply_contribution(review.id, &mut content, &newer, ids, at(15)).unwrap();
    assert_eq!(third.updated, 1);
    // For another review it is refused.
    assert!(apply_contribution(
        sightline_core::ReviewId::from_random_bytes([1; 16]),
        &mut content,
        &newer,
        ids,
        at(15)
    )
    .is_err());
}

// Golden files: every released version must always import.

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_version_1_review_file_still_imports() {
    let read =
        read_review_file(&fixture("review-v1.sightline.json"), &mut SeededIds::new(1)).unwrap();
    assert_eq!(read.repairs, Vec::<String>::new());
    assert_eq!(read.info.format_version, 1);
    let review = &read.value.review;
    assert_eq!(review.title, "Generated review 20 (Child K)");
    assert_eq!(
        review.dates.get(Milestone::NotificationReceived),
        NaiveDate::from_ymd_opt(2025, 7, 14)
    );
    let content = &read.value.content;
    assert_eq!(content.events.len(), 40);
    assert_eq!(content.people.len(), 12);
    assert_eq!(content.responses.len(), 20);
    assert_eq!(content.reflections.len(), 1);
}

#[test]
fn the_version_1_backup_pack_and_contribution_still_import() {
    let backup = read_backup(&fixture("backup-v1.sightline.json"), &mut SeededIds::new(1)).unwrap();
    assert_eq!(backup.value.reviews.len(), 2);
    assert!(backup.repairs.is_empty());
    let pack = read_pack(&fixture("reflection-pack-v1.sightline.json")).unwrap();
    assert_eq!(pack.value.review_title, "Generated review 20 (Child K)");
    let contribution = read_contribution(&fixture("contribution-v1.sightline.json")).unwrap();
    assert_eq!(contribution.value.role, "Health Visitor 7");
    let (info, _) = read_envelope(&fixture("review-v1.sightline.json")).unwrap();
    assert_eq!(info.exported_at, Some(at(10)));
}

#[test]
fn the_version_2_golden_files_all_import() {
    let review =
        read_review_file(&fixture("review-v2.sightline.json"), &mut SeededIds::new(1)).unwrap();
    assert_eq!(review.info.format_version, 2);
    assert_eq!(review.value.content.map_links.len(), 16);
    let backup = read_backup(&fixture("backup-v2.sightline.json"), &mut SeededIds::new(1)).unwrap();
    assert_eq!(backup.value.reviews.len(), 2);
    assert!(backup.repairs.is_empty());
    assert!(read_pack(&fixture("reflection-pack-v2.sightline.json")).is_ok());
    assert!(read_contribution(&fixture("contribution-v2.sightline.json")).is_ok());
}

/// A backup's reviews as they are stored: each with the time its copy last agreed with the
/// file.
fn backup_reviews(files: Vec<ReviewFile>) -> Vec<(Review, ReviewContent)> {
    files
        .into_iter()
        .map(|file| {
            let mut review = file.review;
            review.synced_at = file.based_on;
            (review, file.content)
        })
        .collect()
}

/// A review file, as read, written again by this version, as JSON.
fn review_written_again(read: &Imported<ReviewFile>) -> serde_json::Value {
    let written = write_review_file(
        &read.value.review,
        &read.value.content,
        read.info.exported_at.unwrap(),
        read.info.app_version.as_deref().unwrap(),
    );
    serde_json::from_str(&written).unwrap()
}

/// A backup with its settings read and written again by this version, as JSON.
fn backup_written_again(bytes: &[u8]) -> serde_json::Value {
    let read = read_backup(bytes, &mut SeededIds::new(1)).unwrap();
    let settings = read
        .value
        .settings
        .clone()
        .expect("the backup carries settings");
    let reviews = backup_reviews(read.value.reviews);
    let written = write_backup_with_settings(
        &reviews,
        Some(&settings),
        read.info.exported_at.unwrap(),
        read.info.app_version.as_deref().unwrap(),
    );
    serde_json::from_str(&written).unwrap()
}

/// An older file as this version writes it: the current format version, and `additions` to
/// the details of each review in it (a review file's one, or every one of a backup's).
fn upgraded(bytes: &[u8], additions: fn(&mut serde_json::Value)) -> serde_json::Value {
    let mut expected: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    expected["format_version"] = FORMAT_VERSION.into();
    match expected.get_mut("reviews").and_then(|r| r.as_array_mut()) {
        Some(reviews) => reviews.iter_mut().for_each(|r| additions(&mut r["review"])),
        None => additions(&mut expected["review"]),
    }
    expected
}

/// The version 4 additions to a review's details, at their defaults, as a version 3 file
/// read and written again gains them.
fn v4_additions(review: &mut serde_json::Value) {
    review["timescales"]["decision_notice_days"] = 0.into();
    review["timescales"]["report_months"] = 5.into();
    review["notification"] = serde_json::json!({
        "notified_by_role": "", "notified_by_agency": "", "criteria": [], "case_outline": ""
    });
    review["agency_returns"] = serde_json::json!({});
    review["recommendation"] = serde_json::json!({ "text": "", "by": "", "on": null });
    review["decision"] = serde_json::Value::Null;
    review["notices"] = serde_json::json!({
        "decision": { "reference": "", "what_was_sent": "" },
        "outcome": { "reference": "", "what_was_sent": "" }
    });
    review["setup"] = serde_json::json!({
        "team": {}, "model": "not_chosen", "model_other": "", "scope": "",
        "period_from": null, "period_to": null, "questions": {},
        "family_liaison": { "liaison_by": "", "agreed": "", "contacts": {} },
        "staff_support": ""
    });
    review["delays"] = serde_json::json!({});
    v5_additions(review);
}

/// The version 5 addition to a review's details, at its default: an empty report.
fn v5_additions(review: &mut serde_json::Value) {
    review["report"] = serde_json::json!({
        "sections": {}, "core_data": {}, "answers": {},
        "appendices": { "map": false, "chronology": false, "terms_of_reference": false },
        "versions": {}, "comments": {}, "dismissals": [], "check": null
    });
    v6_additions(review);
}

/// The version 6 addition to a review's details, at its default: an empty log of sharing.
fn v6_additions(review: &mut serde_json::Value) {
    review["dissemination"] = serde_json::json!({});
}

/// A version 3 file migrates to version 4: read and written again, it is the version 3 file
/// with the version 4 additions at their defaults and nothing else changed.
#[test]
fn a_version_3_file_migrates_to_version_4_with_nothing_else_changed() {
    let bytes = fixture("review-v3.sightline.json");
    let read = read_review_file(&bytes, &mut SeededIds::new(1)).unwrap();
    assert!(read.repairs.is_empty(), "{:?}", read.repairs);
    assert_eq!(read.info.format_version, 3);
    assert_eq!(read.value.content.map_nodes.len(), 12);
    assert_eq!(read.value.content.findings.len(), 4);
    assert!(read.value.review.decision.is_none());
    let written = write_review_file(
        &read.value.review,
        &read.value.content,
        read.info.exported_at.unwrap(),
        read.info.app_version.as_deref().unwrap(),
    );
    let mut expected: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    expected["format_version"] = 6.into();
    v4_additions(&mut expected["review"]);
    let written: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(written, expected);

    let bytes = fixture("backup-v3.sightline.json");
    let read = read_backup(&bytes, &mut SeededIds::new(1)).unwrap();
    assert_eq!(read.value.settings, None);
    let reviews = backup_reviews(read.value.reviews);
    let written = write_backup(
        &reviews,
        read.info.exported_at.unwrap(),
        read.info.app_version.as_deref().unwrap(),
    );
    let mut expected: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    expected["format_version"] = 6.into();
    for review in expected["reviews"].as_array_mut().unwrap() {
        v4_additions(&mut review["review"]);
    }
    let written: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(written, expected);
    let pack = read_pack(&fixture("reflection-pack-v3.sightline.json")).unwrap();
    assert_eq!(pack.info.format_version, 3);
    let contribution = read_contribution(&fixture("contribution-v3.sightline.json")).unwrap();
    assert_eq!(contribution.value.role, "Health Visitor 7");
}

/// A version 4 file migrates to version 5: read and written again, it is the version 4 file
/// with an empty report and nothing else changed (the review and the backup's settings).
#[test]
fn a_version_4_file_migrates_to_version_5_with_an_empty_report() {
    let bytes = fixture("review-v4.sightline.json");
    let read = read_review_file(&bytes, &mut SeededIds::new(1)).unwrap();
    assert!(read.repairs.is_empty(), "{:?}", read.repairs);
    assert_eq!(read.info.format_version, 4);
    let review = &read.value.review;
    assert_eq!(review.agency_returns.len(), 3);
    assert_eq!(review.setup.questions.len(), 2);
    assert!(review.decision.is_some());
    assert_eq!(review.report, sightline_core::report::Report::default());
    assert_eq!(
        review_written_again(&read),
        upgraded(&bytes, v5_additions),
        "the review file"
    );
    let bytes = fixture("backup-v4.sightline.json");
    assert_eq!(
        backup_written_again(&bytes),
        upgraded(&bytes, v5_additions),
        "the backup"
    );
    assert!(read_pack(&fixture("reflection-pack-v4.sightline.json")).is_ok());
    assert!(read_contribution(&fixture("contribution-v4.sightline.json")).is_ok());
}

/// A version 5 file migrates to version 6: read and written again, it is the version 5 file
/// with an empty log of sharing the learning and nothing else changed.
#[test]
fn a_version_5_file_migrates_to_version_6_with_an_empty_log() {
    let bytes = fixture("review-v5.sightline.json");
    let read = read_review_file(&bytes, &mut SeededIds::new(1)).unwrap();
    assert!(read.repairs.is_empty(), "{:?}", read.repairs);
    assert_eq!(read.info.format_version, 5);
    let report = &read.value.review.report;
    assert_eq!(report.versions.len(), 1);
    assert_eq!(report.comments.len(), 2);
    assert!(report.sections[&sightline_core::report::SectionKey::Facts].edited());
    assert_eq!(report.answers.len(), 1);
    assert_eq!(
        review_written_again(&read),
        upgraded(&bytes, v6_additions),
        "the review file"
    );
    let bytes = fixture("backup-v5.sightline.json");
    assert_eq!(
        backup_written_again(&bytes),
        upgraded(&bytes, v6_additions),
        "the backup"
    );
    assert!(read_pack(&fixture("reflection-pack-v5.sightline.json")).is_ok());
    assert!(read_contribution(&fixture("contribution-v5.sightline.json")).is_ok());
}

/// The current writer still writes the current version's golden files byte for byte. The
/// frozen schemas share some small types with the model (dates of events, "seen", kinds of
/// person and of map node, version 3's learning records, version 4's decision and set-up and
/// version 5's report and version 6's log of sharing); this is what stops a change to one of them from silently changing a
/// released version.
#[test]
fn the_version_6_golden_files_are_still_written_byte_for_byte() {
    let bytes = fixture("review-v6.sightline.json");
    let read = read_review_file(&bytes, &mut SeededIds::new(1)).unwrap();
    assert!(read.repairs.is_empty(), "{:?}", read.repairs);
    assert_eq!(read.info.format_version, 6);
    assert_eq!(read.value.review.dissemination.len(), 2);
    let report = &read.value.review.report;
    assert_eq!(report.versions.len(), 1);
    assert_eq!(report.comments.len(), 2);
    assert!(report.sections[&sightline_core::report::SectionKey::Facts].edited());
    assert_eq!(report.answers.len(), 1);
    let written = write_review_file(
        &read.value.review,
        &read.value.content,
        read.info.exported_at.unwrap(),
        read.info.app_version.as_deref().unwrap(),
    );
    assert_eq!(written, String::from_utf8(bytes).unwrap());

    let bytes = fixture("backup-v6.sightline.json");
    let read = read_backup(&bytes, &mut SeededIds::new(1)).unwrap();
    let settings = read
        .value
        .settings
        .clone()
        .expect("the backup carries settings");
    let reviews = backup_reviews(read.value.reviews);
    let written = write_backup_with_settings(
        &reviews,
        Some(&settings),
        read.info.exported_at.unwrap(),
        read.info.app_version.as_deref().unwrap(),
    );
    assert_eq!(written, String::from_utf8(bytes).unwrap());
    assert!(read_pack(&fixture("reflection-pack-v6.sightline.json")).is_ok());
    assert!(read_contribution(&fixture("contribution-v6.sightline.json")).is_ok());
}

/// A report that does not read (a hand-edited file, a damaged copy) does not stop the review
/// opening: it opens without the report, and the repair says so plainly.
#[test]
fn a_damaged_report_opens_the_review_without_it_and_says_so() {
    let bytes = fixture("review-v5.sightline.json");
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    value["review"]["report"]["versions"] = serde_json::json!("not a list of versions");
    let read = read_review_file(value.to_string().as_bytes(), &mut SeededIds::new(1)).unwrap();
    assert_eq!(
        read.value.review.report,
        sightline_core::report::Report::default()
    );
    assert_eq!(read.repairs.len(), 1, "{:?}", read.repairs);
    assert!(read.repairs[0].contains("report"), "{}", read.repairs[0]);
    assert_eq!(
        read.value.review.setup.questions.len(),
        2,
        "the rest is read"
    );
}

/// A version 2 file is migrated to version 3: the same review, with no findings, actions or
/// briefings. Written out again, it is the version 2 file with the version 3 additions and
/// nothing else changed.
#[test]
fn a_version_2_file_migrates_to_version_3_with_no_learning_yet() {
    for name in ["review-v2.sightline.json", "backup-v2.sightline.json"] {
        let bytes = fixture(name);
        let mut expected: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        expected["format_version"] = 6.into();
        let written = if name.starts_with("review") {
            let read = read_review_file(&bytes, &mut SeededIds::new(1)).unwrap();
            assert_eq!(read.info.format_version, 2);
            assert!(read.repairs.is_empty());
            for field in ["findings", "actions", "briefings"] {
                expected["content"][field] = serde_json::json!([]);
            }
            v4_additions(&mut expected["review"]);
            write_review_file(
                &read.value.review,
                &read.value.content,
                read.info.exported_at.unwrap(),
                read.info.app_version.as_deref().unwrap(),
            )
        } else {
            let read = read_backup(&bytes, &mut SeededIds::new(1)).unwrap();
            for review in expected["reviews"].as_array_mut().unwrap() {
                for field in ["findings", "actions", "briefings"] {
                    review["content"][field] = serde_json::json!([]);
                }
                v4_additions(&mut review["review"]);
            }
            let reviews: Vec<(Review, ReviewContent)> = read
                .value
                .reviews
                .into_iter()
                .map(|file| {
                    let mut review = file.review;
                    review.synced_at = file.based_on;
                    (review, file.content)
                })
                .collect();
            write_backup(
                &reviews,
                read.info.exported_at.unwrap(),
                read.info.app_version.as_deref().unwrap(),
            )
        };
        let written: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(written, expected, "{name}");
    }
}

/// A version 1 file is migrated through version 2 to version 3: the same review, with an empty
/// map and no learning. Written out again, it is the version 1 file with the additions of
/// versions 2 and 3 and nothing else changed.
#[test]
fn a_version_1_file_migrates_to_version_2_with_an_empty_map() {
    let bytes = fixture("review-v1.sightline.json");
    let read = read_review_file(&bytes, &mut SeededIds::new(1)).unwrap();
    assert_eq!(read.info.format_version, 1);
    assert!(read.repairs.is_empty());
    assert!(read.value.content.map_nodes.is_empty());
    assert_eq!(
        read.value.review.map_scheme,
        sightline_core::map::CategoryScheme::Scie
    );
    let written = write_review_file(
        &read.value.review,
        &read.value.content,
        read.info.exported_at.unwrap(),
        read.info.app_version.as_deref().unwrap(),
    );
    let mut expected: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    expected["format_version"] = 6.into();
    expected["review"]["map_scheme"] = "scie".into();
    v4_additions(&mut expected["review"]);
    for field in ["findings", "actions", "briefings"] {
        expected["content"][field] = serde_json::json!([]);
    }
    expected["content"]["map_nodes"] = serde_json::json!([]);
    expected["content"]["map_links"] = serde_json::json!([]);
    let written: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(written, expected);
}

#[test]
fn any_file_is_read_as_the_kind_it_says_and_the_same_as_its_own_reader() {
    let ids = || SeededIds::new(1);
    let review = fixture("review-v1.sightline.json");
    let AnyFile::Review(any) = read_any(&review, &mut ids()).unwrap() else {
        panic!("not read as a review");
    };
    assert_eq!(any, read_review_file(&review, &mut ids()).unwrap());
    let backup = fixture("backup-v1.sightline.json");
    let AnyFile::Backup(any) = read_any(&backup, &mut ids()).unwrap() else {
        panic!("not read as a backup");
    };
    assert_eq!(any, read_backup(&backup, &mut ids()).unwrap());
    let pack = fixture("reflection-pack-v1.sightline.json");
    assert_eq!(
        read_any(&pack, &mut ids()).unwrap(),
        AnyFile::ReflectionPack(read_pack(&pack).unwrap())
    );
    let contribution = fixture("contribution-v1.sightline.json");
    assert_eq!(
        read_any(&contribution, &mut ids()).unwrap().kind(),
        FileKind::Contribution
    );
    assert_eq!(read_any(b"", &mut ids()), Err(FileError::Empty));
}

/// Gives a generated review everything version 4 adds: a notification, three returns (one
/// still out), a recommendation and decision, notices, a set-up and a delay.
fn with_decision_and_setup(review: &mut Review) {
    use sightline_core::review::decision::{AgencyReturn, Criterion, Decision, Outcome};
    use sightline_core::review::setup::{ReviewModel, TeamMember, TeamPart};
    let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    let id =
        |n: u128| sightline_core::RecordId::fixed(0x0190_0000_0000_7000_8000_0000_0004_0000 + n);
    review.timescales.decision_weeks = 8;
    review.notification.notified_by_role = "Team manager".into();
    review.notification.notified_by_agency = "Children\u{2019}s Services".into();
    review.notification.criteria = [Criterion::ChildSignificantlyHarmed].into();
    review.notification.case_outline =
        "Child K, aged 4, was admitted to hospital with injuries.".into();
    let t = review.timescales.clone();
    for (n, agency) in [(1, "Health"), (2, "Police Scotland"), (3, "Education")] {
        review.add_return(id(n), AgencyReturn::asked(agency, day(7, 21), &t));
    }
    review.receive_return(id(1), Some(day(7, 30)));
    review.receive_return(id(2), Some(day(8, 1)));
    review.recommendation.text = "Hold a Learning Review: the criteria are met.".into();
    review.recommendation.by = "Case review sub-group".into();
    review.recommendation.on = Some(day(8, 20));
    review.record_decision(
        Decision {
            outcome: Outcome::LearningReview,
            reasons: "Significant harm, and concern about how agencies worked together.".into(),
            decided_by: "Child Protection Committee (chair)".into(),
            ratified_on: None,
        },
        day(8, 27),
    );
    review.notices.decision.reference = "CI-2025-0142".into();
    review.notices.decision.what_was_sent = "The decision, with its reasons".into();
    let _ = review.record_date(
        sightline_core::Milestone::CareInspectorateToldOfDecision,
        Some(day(8, 28)),
    );
    for (n, role, part) in [
        (10, "Head of service", TeamPart::Chair),
        (11, "Independent reviewer", TeamPart::Reviewer),
        (12, "Named nurse", TeamPart::Member),
    ] {
        review
            .setup
            .add_member(
                id(n),
                TeamMember {
                    role: role.into(),
                    agency: "Example partnership".into(),
                    part,
                },
            )
            .unwrap();
    }
    review.setup.model = ReviewModel::LearningTogether;
    review.setup.scope = "Agency involvement from the pregnancy to the admission.".into();
    review.setup.period_from = Some(day(1, 1));
    review.setup.period_to = Some(day(7, 14));
    review
        .setup
        .add_question(id(20), "How well did agencies share what they knew?")
        .unwrap();
    review
        .setup
        .add_question(id(21), "Was the child\u{2019}s experience seen?")
        .unwrap();
    review.setup.family_liaison.liaison_by = "Independent reviewer".into();
    review.setup.family_liaison.agreed = "Mother will meet the reviewer once, at home.".into();
    review
        .setup
        .log_contact(id(30), Some(day(9, 3)), "Letter explaining the review")
        .unwrap();
    review.setup.staff_support = "Each agency offers its own staff a debrief.".into();
    review
        .log_delay(
            id(40),
            Some(day(10, 1)),
            "Police Scotland asked for interviews to wait until charges are decided",
        )
        .unwrap();
}

/// A report part-way through: drafted, one section edited, a question answered, Draft 1
/// issued, two comments (one resolved).
fn with_report(review: &mut Review) {
    use sightline_core::report::SectionKey;
    let id = sightline_core::RecordId::fixed;
    let report = &mut review.report;
    report.redraft(&[
        (SectionKey::Introduction, "An introduction.".to_owned()),
        (SectionKey::Facts, "- Event one\n- Event two".to_owned()),
    ]);
    report.sections.get_mut(&SectionKey::Facts).unwrap().body =
        "- Event one, as the reviewer put it\n- Event two".into();
    let question = *review.setup.questions.keys().next().unwrap();
    report
        .answers
        .insert(question, "Partly: see finding 2.".into());
    report.core_data.insert(
        sightline_core::report::CoreItem::AgeBand,
        sightline_core::report::CoreEntry {
            value: "0-4".into(),
            include: true,
        },
    );
    report.appendices.terms_of_reference = true;
    report.issue(id(50), false, "Lead reviewer", at(9)).unwrap();
    report
        .add_comment(
            id(51),
            SectionKey::Facts,
            "Health",
            "Add the GP visit.",
            at(9),
        )
        .unwrap();
    report
        .add_comment(id(52), SectionKey::Introduction, "Chair", "Fine.", at(10))
        .unwrap();
    report.comments.get_mut(&id(52)).unwrap().resolved = true;
}

/// The learning shared twice.
fn with_sharing(review: &mut Review) {
    use sightline_core::review::dissemination::{Channel, SharingForm};
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    for (n, on, channel, agencies) in [
        (
            60,
            day(11, 20),
            Channel::TeamBriefing,
            vec!["Health".to_owned()],
        ),
        (
            61,
            day(11, 25),
            Channel::TrainingCourse,
            vec!["Education".to_owned(), "Police Scotland".to_owned()],
        ),
    ] {
        let sharing = SharingForm {
            on: Some(on),
            channel: Some(channel),
            audience: "Team managers".into(),
            agencies,
            people: "14".into(),
            delivered_by: "Learning and development officer".into(),
        }
        .validate(day(12, 1))
        .unwrap();
        review.log_sharing(sightline_core::RecordId::fixed(n), sharing);
    }
}

/// Writes the golden files. Run once for a new format version, then never again for it:
/// `SIGHTLINE_WRITE_FIXTURES=1 cargo test -p sightline-core --test format write_fixtures`.
#[test]
fn write_fixtures() {
    if std::env::var("SIGHTLINE_WRITE_FIXTURES").is_err() {
        return;
    }
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let (mut review, content) = small(20);
    with_decision_and_setup(&mut review);
    with_report(&mut review);
    with_sharing(&mut review);
    std::fs::write(
        format!("{dir}/review-v6.sightline.json"),
        write_review_file(&review, &content, at(10), "0.1.0"),
    )
    .unwrap();
    let settings = sightline_core::review::settings::CommitteeSettings {
        committees: vec![
            "East Lothian and Midlothian Public Protection Committee".into(),
            "Example Adult Protection Committee".into(),
        ],
        chief_officers_group: "Example Chief Officers\u{2019} Group".into(),
        timescales: sightline_core::Timescales {
            decision_weeks: 8,
            ..Default::default()
        },
    };
    std::fs::write(
        format!("{dir}/backup-v6.sightline.json"),
        write_backup_with_settings(
            &[(review.clone(), content.clone()), small(21)],
            Some(&settings),
            at(10),
            "0.1.0",
        ),
    )
    .unwrap();
    let pack = make_pack(
        &review,
        &content,
        content.reflections[0].id,
        &[content.episodes[0].id],
        true,
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/reflection-pack-v6.sightline.json"),
        write_pack(&pack, at(10), "0.1.0"),
    )
    .unwrap();
    let reflection = &content.reflections[0];
    let template =
        sightline_core::content::reflections::find_template(&content, reflection.template).unwrap();
    let contribution = Contribution {
        review_id: review.id,
        reflection_id: reflection.id,
        role: "Health Visitor 7".into(),
        participant: None,
        answers: vec![ContributedAnswer {
            id: sightline_core::RecordId::fixed(0x0190_0000_0000_7000_8000_0000_0000_0001),
            prompt: template.prompts[0].id,
            text: "An answer.".into(),
            consent_to_quote: true,
            episodes: vec![],
            updated_at: at(10),
        }],
    };
    std::fs::write(
        format!("{dir}/contribution-v6.sightline.json"),
        write_contribution(&contribution, at(10), "0.1.0"),
    )
    .unwrap();
}

// Generated round trips

mod generated {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Export then import gives back an equal review, for generated reviews with any text.
        #[test]
        fn export_then_import_gives_back_the_same_review(
            seed in any::<u64>(),
            title in "\\PC{1,60}",
            what in proptest::collection::vec("\\PC{0,200}", 1..5),
            hours in 0u32..23,
        ) {
            let (mut review, mut content) = generate_review(seed, ReviewSize::SMALL, at(hours));
            review.title = title;
            for (event, text) in content.events.iter_mut().zip(&what) {
                event.what_happened = text.clone();
            }
            let text = write_review_file(&review, &content, at(hours), "0.1.0");
            let read = read_review_file(text.as_bytes(), &mut SeededIds::new(seed)).unwrap();
            prop_assert!(read.repairs.is_empty(), "{:?}", read.repairs);
            prop_assert_eq!(&read.value.review, &review);
            prop_assert_eq!(sorted(read.value.content.clone()), sorted(content.clone()));
            prop_assert_eq!(write_review_file(&read.value.review, &read.value.content, at(hours), "0.1.0"), text);
        }

        /// Any title gives a file name a file system takes: letters, digits and hyphens, no
        /// direction control or separator, at most 80 characters before the date, never empty.
        #[test]
        fn any_title_gives_a_safe_file_name(title in "\\PC{0,400}") {
            let date = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
            let name = sightline_core::format::file_name(&title, date, ".sightline.json", true);
            let stem = name.strip_suffix("-2026-12-02.sightline.json.age").unwrap();
            prop_assert!(!stem.is_empty() && stem.chars().count() <= 80, "{}", name);
            prop_assert!(stem.chars().all(|c| c.is_alphanumeric() || c == '-'), "{}", name);
            prop_assert!(!stem.starts_with('-') && !stem.ends_with('-') && !stem.contains("--"), "{}", name);
        }

        /// Whatever the bytes, reading returns an answer rather than panicking.
        #[test]
        fn reading_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = read_review_file(&bytes, &mut SeededIds::new(1));
            let _ = read_backup(&bytes, &mut SeededIds::new(1));
            let _ = read_pack(&bytes);
            let _ = read_contribution(&bytes);
        }

        /// Damaging any single byte of a file gives an error or a repaired review, never a panic.
        #[test]
        fn a_damaged_file_never_panics(position in 0usize..4000, byte in any::<u8>()) {
            let (review, content) = small(30);
            let mut text = write_review_file(&review, &content, at(10), "0.1.0").into_bytes();
            let position = position % text.len();
            text[position] = byte;
            let _ = read_review_file(&text, &mut SeededIds::new(1));
        }
    }
}

/// Direction controls, separators and reserved characters never reach a file name, and a
/// title far longer than a name can be is cut at a hyphen-free end.
#[test]
fn file_names_drop_direction_controls_and_are_cut_to_a_usable_length() {
    use sightline_core::format::file_name;
    let date = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    assert_eq!(
        file_name("Child A \u{202E}fdp.exe\u{2066}", date, ".csv", false),
        "Child-A-fdp-exe-2026-12-02.csv"
    );
    assert_eq!(
        file_name("../..\\etc/passwd: <x>|?*", date, ".md", false),
        "etc-passwd-x-2026-12-02.md"
    );
    assert_eq!(
        file_name("\u{202E}\u{200F}", date, ".md", false),
        "review-2026-12-02.md"
    );
    let long = file_name(&"Review of ".repeat(1000), date, ".sightline.json", false);
    let stem = long.strip_suffix("-2026-12-02.sightline.json").unwrap();
    assert!(stem.chars().count() <= 80, "{long}");
    assert!(
        stem.starts_with("Review-of-Review-of") && !stem.ends_with('-'),
        "{long}"
    );
}

/// Two laptops set the same review up at once: each adds questions, team members and returns,
/// and one records the decision. Every entry of both is kept, entry by entry, and only the same
/// field changed on both sides asks.
#[test]
fn the_decision_and_set_up_merge_entry_by_entry_without_losing_either_side() {
    use sightline_core::review::decision::{AgencyReturn, Decision, Outcome};
    use sightline_core::review::setup::{TeamMember, TeamPart};
    let (mut here, here_content) = small(23);
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: Some(at(10)),
    };
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let id =
        |n: u128| sightline_core::RecordId::fixed(0x0190_0000_0000_7000_8000_0000_0013_0000 + n);
    let t = here.timescales.clone();
    edit_details(&mut here, at(11), |r| {
        r.setup.add_question(id(1), "Question from A").unwrap();
        r.add_return(id(2), AgencyReturn::asked("Health", day(2), &t));
        r.setup.scope = "Scope from A".into();
    });
    edit_details(&mut file.review, at(12), |r| {
        r.setup.add_question(id(3), "Question from B").unwrap();
        r.setup
            .add_member(
                id(4),
                TeamMember {
                    role: "Independent reviewer".into(),
                    agency: "Commissioned".into(),
                    part: TeamPart::Reviewer,
                },
            )
            .unwrap();
        r.add_return(id(5), AgencyReturn::asked("Education", day(3), &t));
        r.record_decision(
            Decision {
                outcome: Outcome::LearningReview,
                reasons: "Criteria met.".into(),
                decided_by: "Child Protection Committee".into(),
                ratified_on: None,
            },
            day(20),
        );
        r.setup.scope = "Scope from B".into();
    });
    let plan = plan_merge((&here, &here_content), &file);
    let subjects: Vec<_> = plan.conflicts.iter().map(|c| c.subject.clone()).collect();
    // Both set the scope, and the date agencies were first asked: only those two ask.
    assert_eq!(
        subjects,
        [
            ConflictSubject::Detail("dates.agency_information_requested".into()),
            ConflictSubject::Detail("setup.scope".into())
        ]
    );
    assert!(
        plan.conflicts.iter().all(|c| !c.label.contains("0190")),
        "labels name no ids"
    );
    let (review, _) = plan.resolve(&[Side::File; 2]);
    let texts: Vec<&str> = review
        .setup
        .questions
        .values()
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.contains(&"Question from A") && texts.contains(&"Question from B"));
    assert_eq!(review.agency_returns.len(), 2);
    assert_eq!(review.setup.team.len(), 1);
    assert_eq!(review.setup.scope, "Scope from B");
    assert_eq!(
        review.decision.as_ref().map(|d| &d.outcome),
        Some(&Outcome::LearningReview)
    );
    assert_eq!(
        review.dates.get(sightline_core::Milestone::DecisionMade),
        Some(day(20))
    );
}

/// Two laptops work on the report at once: each edits a different section, adds a comment and
/// issues a draft; one resolves a comment both had. Everything of both is kept, and only the
/// same section edited on both sides asks, with a label that names the section, not an id.
#[test]
fn the_report_merges_section_by_section_and_keeps_both_sides_comments_and_versions() {
    use sightline_core::report::SectionKey;
    let (mut here, here_content) = small(24);
    let id =
        |n: u128| sightline_core::RecordId::fixed(0x0190_0000_0000_7000_8000_0000_0014_0000 + n);
    edit_details(&mut here, at(9), |r| {
        r.report.redraft(&[
            (SectionKey::Introduction, "Intro".to_owned()),
            (SectionKey::Facts, "Facts".to_owned()),
            (SectionKey::Analysis, "Analysis".to_owned()),
        ]);
        r.report
            .add_comment(id(1), SectionKey::Facts, "Chair", "Shorter?", at(9))
            .unwrap();
    });
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: Some(at(10)),
    };
    edit_details(&mut here, at(11), |r| {
        r.report.sections.get_mut(&SectionKey::Facts).unwrap().body = "Facts by A".into();
        r.report
            .sections
            .get_mut(&SectionKey::Analysis)
            .unwrap()
            .body = "Analysis by A".into();
        r.report
            .add_comment(id(2), SectionKey::Facts, "Health", "From A", at(11))
            .unwrap();
        r.report
            .issue(id(3), false, "Lead reviewer", at(11))
            .unwrap();
    });
    edit_details(&mut file.review, at(12), |r| {
        r.report
            .sections
            .get_mut(&SectionKey::Introduction)
            .unwrap()
            .body = "Intro by B".into();
        r.report
            .sections
            .get_mut(&SectionKey::Analysis)
            .unwrap()
            .body = "Analysis by B".into();
        r.report
            .add_comment(id(4), SectionKey::Introduction, "Police", "From B", at(12))
            .unwrap();
        r.report.comments.get_mut(&id(1)).unwrap().resolved = true;
        r.report.issue(id(5), false, "Reviewer", at(12)).unwrap();
    });
    let plan = plan_merge((&here, &here_content), &file);
    let subjects: Vec<_> = plan.conflicts.iter().map(|c| c.subject.clone()).collect();
    assert_eq!(
        subjects,
        [ConflictSubject::Detail(
            "report.sections.analysis.body".into()
        )]
    );
    assert!(
        plan.conflicts[0].label.contains("Analysis"),
        "{}",
        plan.conflicts[0].label
    );
    let (review, _) = plan.resolve(&[Side::File]);
    let report = &review.report;
    assert_eq!(report.body(SectionKey::Facts), "Facts by A");
    assert_eq!(report.body(SectionKey::Introduction), "Intro by B");
    assert_eq!(report.body(SectionKey::Analysis), "Analysis by B");
    assert_eq!(report.comments.len(), 3);
    assert!(report.comments[&id(1)].resolved);
    assert_eq!(report.versions.len(), 2, "both issued drafts are kept");
}

/// Two laptops each log a sharing of the learning: both are kept, and the stage date is the
/// earliest of them.
#[test]
fn two_laptops_logs_of_sharing_the_learning_merge_without_losing_either() {
    use sightline_core::review::dissemination::{Channel, SharingForm};
    let (mut here, here_content) = small(25);
    here.synced_at = Some(at(10));
    let mut file = ReviewFile {
        review: here.clone(),
        content: here_content.clone(),
        based_on: Some(at(10)),
    };
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let sharing = |on, agency: &str| {
        SharingForm {
            on: Some(on),
            channel: Some(Channel::OnlineBriefing),
            audience: String::new(),
            agencies: vec![agency.to_owned()],
            people: String::new(),
            delivered_by: "Lead officer".into(),
        }
        .validate(day(30))
        .unwrap()
    };
    let id =
        |n: u128| sightline_core::RecordId::fixed(0x0190_0000_0000_7000_8000_0000_0015_0000 + n);
    edit_details(&mut here, at(11), |r| {
        r.log_sharing(id(1), sharing(day(20), "Health"))
    });
    edit_details(&mut file.review, at(12), |r| {
        r.log_sharing(id(2), sharing(day(12), "Education"))
    });
    let plan = plan_merge((&here, &here_content), &file);
    let subjects: Vec<_> = plan.conflicts.iter().map(|c| c.subject.clone()).collect();
    // Both set the stage date: that one field asks, labelled in words.
    assert_eq!(
        subjects,
        [ConflictSubject::Detail("dates.learning_shared".into())]
    );
    let (review, _) = plan.resolve(&[Side::File]);
    assert_eq!(review.dissemination.len(), 2);
    assert_eq!(
        review.dates.get(sightline_core::Milestone::LearningShared),
        Some(day(12))
    );
}
