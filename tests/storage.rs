//! The IndexedDB store in a real browser (headless Chromium through wasm-bindgen-test):
//! create, read, update and delete reviews, the revision check between tabs, settings, and the
//! upgrade from the first storage layout.

#![cfg(target_arch = "wasm32")]

use chrono::{NaiveDate, TimeZone, Utc};
use js_sys::{Object, Reflect};
use rexie::{ObjectStore, Rexie, TransactionMode};
use sightline::platform::storage::{RecordWrite, ReviewStore, StorageError};
use sightline_core::content::encode_from;
use sightline_core::content::RecordKind;
use sightline_core::record::encode_review;
use sightline_core::review::new_review::NewReview;
use sightline_core::testing::{generate_review, ReviewSize};
use sightline_core::{Milestone, Review, ReviewId, ReviewType};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn review(byte: u8, title: &str) -> Review {
    Review::new(
        ReviewId::from_random_bytes([byte; 16]),
        NewReview {
            title: title.into(),
            review_type: ReviewType::AdultSupportAndProtection,
            notification_received: NaiveDate::from_ymd_opt(2026, 10, 5).unwrap(),
            committee: "Example APC".into(),
        },
        Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
    )
}

/// A database name no other test uses, deleted first in case an earlier run left it.
async fn fresh_name(name: &str) -> String {
    let name = format!("sightline-test-{name}");
    Rexie::delete(&name)
        .await
        .expect("test database can be deleted");
    name
}

#[wasm_bindgen_test]
async fn a_review_can_be_created_read_updated_and_deleted() {
    let name = fresh_name("crud").await;
    let store = ReviewStore::open(&name).await.expect("database opens");
    let mut original = review(1, "Review One");

    assert_eq!(store.get(original.id).await.unwrap(), None);
    let revision = store.put(&original, &[], 0, &[]).await.expect("first save");
    assert_eq!(revision, 1);

    let stored = store
        .get(original.id)
        .await
        .unwrap()
        .expect("review is stored");
    assert_eq!(stored.review, original);
    assert_eq!(stored.revision, 1);

    original.rename("Review One, renamed").unwrap();
    original
        .record_date(
            Milestone::DecisionMade,
            NaiveDate::from_ymd_opt(2026, 11, 2),
        )
        .unwrap();
    assert_eq!(
        store
            .put(&original, &[], 1, &[])
            .await
            .expect("second save"),
        2
    );
    let stored = store.get(original.id).await.unwrap().unwrap();
    assert_eq!(stored.review.title, "Review One, renamed");
    assert_eq!(stored.revision, 2);

    let (summaries, unreadable) = store.list_summaries().await.unwrap();
    assert!(unreadable.is_empty());
    assert_eq!(summaries.len(), 1);
    assert_eq!(summaries[0].title, "Review One, renamed");
    // The decision is made, so gathering information for it (never recorded) is not needed:
    // the review is at stage 4, telling the Care Inspectorate.
    assert_eq!(summaries[0].stage_number, Some(4));

    store.delete(original.id).await.unwrap();
    assert_eq!(store.get(original.id).await.unwrap(), None);
    assert!(store.list_summaries().await.unwrap().0.is_empty());
    store.close();
}

#[wasm_bindgen_test]
async fn a_save_from_a_stale_tab_is_refused_and_changes_nothing() {
    let name = fresh_name("conflict").await;
    let store = ReviewStore::open(&name).await.unwrap();
    let mut first_tab = review(2, "Shared review");
    store.put(&first_tab, &[], 0, &[]).await.unwrap();
    let mut second_tab = first_tab.clone();

    second_tab.rename("Saved by the second tab").unwrap();
    assert_eq!(store.put(&second_tab, &[], 1, &[]).await.unwrap(), 2);

    first_tab.rename("Stale edit").unwrap();
    // A stale save with a content record: the refusal must undo the record's write too.
    let (_, generated) = generate_review(
        6,
        ReviewSize::SMALL,
        Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
    );
    let event = &generated.events[0];
    let stale_write = RecordWrite::Put {
        kind: RecordKind::Event,
        id: event.id,
        doc: encode_from(&generated, RecordKind::Event, event.id).unwrap(),
    };
    assert_eq!(
        store.put(&first_tab, &[], 1, &[stale_write]).await,
        Err(StorageError::ChangedElsewhere)
    );
    let stored = store.get(first_tab.id).await.unwrap().unwrap();
    assert_eq!(stored.review.title, "Saved by the second tab");
    assert!(
        stored.content.events.is_empty(),
        "the stale save wrote nothing"
    );

    store.delete(first_tab.id).await.unwrap();
    assert_eq!(
        store.put(&second_tab, &[], 2, &[]).await,
        Err(StorageError::DeletedElsewhere)
    );
    assert_eq!(store.get(first_tab.id).await.unwrap(), None);
    store.close();
}

/// Every record of `content` as writes: the app's own, so the test follows every kind.
fn all_writes(content: &sightline_core::ReviewContent) -> Vec<RecordWrite> {
    sightline::platform::storage::all_writes(content)
}

#[wasm_bindgen_test]
async fn a_review_is_stored_with_its_content_and_a_save_writes_only_what_changed() {
    let name = fresh_name("content").await;
    let store = ReviewStore::open(&name).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    let (review, mut content) = generate_review(4, ReviewSize::SMALL, now);
    let dues = sightline_core::content::actions::open_action_dues(&content);
    assert!(!dues.is_empty());
    store
        .put(&review, &dues, 0, &all_writes(&content))
        .await
        .unwrap();
    let stored = store.get(review.id).await.unwrap().unwrap();
    assert!(stored.unreadable.is_empty());
    // The list's summary carries the open actions' due dates, for "overdue" on the Reviews page.
    let summaries = store.list_summaries().await.unwrap();
    assert_eq!(summaries.0[0].open_action_dues, dues);
    assert_eq!(stored.content.events.len(), content.events.len());
    assert_eq!(stored.content.responses.len(), content.responses.len());

    // One changed event and one removed answer.
    let event = content.events[3].id;
    content.events[3].what_happened = "Changed in a later save".into();
    let answer = content.responses[0].id;
    content.responses.remove(0);
    let writes = vec![
        RecordWrite::Put {
            kind: RecordKind::Event,
            id: event,
            doc: encode_from(&content, RecordKind::Event, event).unwrap(),
        },
        RecordWrite::Delete {
            kind: RecordKind::Response,
            id: answer,
        },
    ];
    store.put(&review, &[], 1, &writes).await.unwrap();
    let stored = store.get(review.id).await.unwrap().unwrap();
    let mut expected = content.clone();
    let mut actual = stored.content.clone();
    for c in [&mut expected, &mut actual] {
        c.events.sort_by_key(|e| e.id);
        c.responses.sort_by_key(|r| r.id);
        c.people.sort_by_key(|p| p.id);
        c.agencies.sort_by_key(|a| a.id);
        c.episodes.sort_by_key(|e| e.id);
        c.reflections.sort_by_key(|r| r.id);
        c.map_nodes.sort_by_key(|n| n.id);
        c.map_links.sort_by_key(|l| l.id);
        c.findings.sort_by_key(|f| f.id);
        c.actions.sort_by_key(|a| a.id);
        c.briefings.sort_by_key(|b| b.id);
    }
    assert!(!actual.map_nodes.is_empty(), "the map is stored too");
    assert!(!actual.findings.is_empty(), "and the learning");
    assert_eq!(actual, expected);

    // Another review's records are not mixed in, and deleting takes all the content.
    let (other, other_content) = generate_review(5, ReviewSize::SMALL, now);
    store
        .put(&other, &[], 0, &all_writes(&other_content))
        .await
        .unwrap();
    assert_eq!(
        store
            .get(review.id)
            .await
            .unwrap()
            .unwrap()
            .content
            .events
            .len(),
        content.events.len()
    );
    store.delete(review.id).await.unwrap();
    assert_eq!(store.get(review.id).await.unwrap(), None);
    let remaining = store.get(other.id).await.unwrap().unwrap();
    assert_eq!(remaining.content.events.len(), other_content.events.len());
    store.close();
}

#[wasm_bindgen_test]
async fn settings_are_kept() {
    let name = fresh_name("settings").await;
    let store = ReviewStore::open(&name).await.unwrap();
    assert_eq!(store.get_setting("example").await.unwrap(), None);
    store.put_setting("example", "value one").await.unwrap();
    store.put_setting("example", "value two").await.unwrap();
    assert_eq!(
        store.get_setting("example").await.unwrap().as_deref(),
        Some("value two")
    );
    store.close();
}

/// Everything from notification to set-up is part of the stored review, and its summary counts
/// the returns still out; the committee's settings are kept as JSON in the settings store.
#[wasm_bindgen_test]
async fn the_decision_and_set_up_are_stored_with_the_review() {
    use sightline_core::review::decision::{AgencyReturn, Criterion, Decision, Outcome};
    use sightline_core::review::settings::CommitteeSettings;
    use sightline_core::RecordId;
    let name = fresh_name("decision").await;
    let store = ReviewStore::open(&name).await.unwrap();
    let mut original = review(7, "Review with a decision");
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    original.notification.criteria = [Criterion::AdultSeriouslyHarmed].into();
    let t = original.timescales.clone();
    original.add_return(
        RecordId::fixed(1),
        AgencyReturn::asked("Health", day(10, 6), &t),
    );
    original.add_return(
        RecordId::fixed(2),
        AgencyReturn::asked("Police Scotland", day(10, 6), &t),
    );
    original.receive_return(RecordId::fixed(1), Some(day(10, 15)));
    original
        .setup
        .add_question(RecordId::fixed(3), "Was the adult heard?")
        .unwrap();
    store.put(&original, &[], 0, &[]).await.unwrap();
    let (summaries, _) = store.list_summaries().await.unwrap();
    assert_eq!(summaries[0].overdue_returns(day(10, 21)), 1);
    original.record_decision(
        Decision {
            outcome: Outcome::NoReview,
            reasons: "Single-agency learning.".into(),
            decided_by: "Adult Protection Committee".into(),
            ratified_on: None,
        },
        day(10, 30),
    );
    store.put(&original, &[], 1, &[]).await.unwrap();
    let stored = store.get(original.id).await.unwrap().unwrap();
    assert_eq!(stored.review, original);
    let (summaries, _) = store.list_summaries().await.unwrap();
    assert_eq!(summaries[0].status, sightline_core::ReviewStatus::Closed);
    assert_eq!(summaries[0].overdue_returns(day(11, 21)), 0);

    let settings = CommitteeSettings {
        committees: vec!["Example Public Protection Committee".into()],
        chief_officers_group: "Example Chief Officers\u{2019} Group".into(),
        timescales: sightline_core::Timescales {
            decision_weeks: 8,
            ..Default::default()
        },
    };
    store
        .put_setting(
            "committee_settings",
            &serde_json::to_string(&settings).unwrap(),
        )
        .await
        .unwrap();
    let text = store
        .get_setting("committee_settings")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        serde_json::from_str::<CommitteeSettings>(&text).unwrap(),
        settings
    );
    store.close();
}

#[wasm_bindgen_test]
async fn the_report_is_stored_with_the_review_with_its_versions_and_comments() {
    use sightline_core::report::SectionKey;
    use sightline_core::RecordId;
    let name = fresh_name("report").await;
    let store = ReviewStore::open(&name).await.unwrap();
    let mut original = review(8, "Review with a report");
    original.report.redraft(&[
        (SectionKey::Introduction, "Drafted introduction.".to_owned()),
        (SectionKey::Facts, "Drafted facts.".to_owned()),
    ]);
    original
        .report
        .sections
        .get_mut(&SectionKey::Facts)
        .unwrap()
        .body = "Facts as the reviewer wrote them \u{2014} with an \u{e9}.".into();
    let at = original.updated_at;
    original
        .report
        .issue(RecordId::fixed(1), false, "Lead reviewer", at)
        .unwrap();
    original
        .report
        .add_comment(
            RecordId::fixed(2),
            SectionKey::Facts,
            "Chair",
            "Shorter, please.",
            at,
        )
        .unwrap();
    store.put(&original, &[], 0, &[]).await.unwrap();
    let stored = store.get(original.id).await.unwrap().unwrap();
    assert_eq!(stored.review.report, original.report);
    assert!(stored.review.report.sections[&SectionKey::Facts].edited());
    assert_eq!(stored.review.report.versions.len(), 1);
    store.close();
}

#[wasm_bindgen_test]
async fn a_database_in_the_first_layout_is_upgraded_with_its_reviews_kept() {
    let name = fresh_name("upgrade").await;
    let old_review = review(3, "Kept from layout 1");
    // Layout 1: one `reviews` store, records without a revision, no summaries or settings.
    {
        let old = Rexie::builder(&name)
            .version(1)
            .add_object_store(ObjectStore::new("reviews").key_path("id"))
            .build()
            .await
            .unwrap();
        let tx = old
            .transaction(&["reviews"], TransactionMode::ReadWrite)
            .unwrap();
        let record = Object::new();
        Reflect::set(&record, &"id".into(), &old_review.id.to_string().into()).unwrap();
        Reflect::set(&record, &"doc".into(), &encode_review(&old_review).into()).unwrap();
        tx.store("reviews")
            .unwrap()
            .put(&record.into(), None)
            .await
            .unwrap();
        tx.done().await.unwrap();
        old.close();
    }

    let store = ReviewStore::open(&name)
        .await
        .expect("the old database upgrades");
    let (summaries, unreadable) = store.list_summaries().await.unwrap();
    assert!(unreadable.is_empty());
    assert_eq!(
        summaries.len(),
        1,
        "the upgrade builds the list's summaries"
    );
    assert_eq!(summaries[0].title, "Kept from layout 1");
    let stored = store.get(old_review.id).await.unwrap().unwrap();
    assert_eq!(stored.review, old_review);
    assert_eq!(stored.revision, 0, "layout 1 records count as revision 0");
    assert_eq!(
        store
            .get_setting("layout_version")
            .await
            .unwrap()
            .as_deref(),
        Some(
            sightline::platform::storage::SCHEMA_VERSION
                .to_string()
                .as_str()
        )
    );
    // The first save after the upgrade replaces revision 0.
    assert_eq!(store.put(&stored.review, &[], 0, &[]).await.unwrap(), 1);
    store.close();
}

#[wasm_bindgen_test]
async fn a_database_from_a_newer_version_is_refused_with_a_message() {
    let name = fresh_name("newer").await;
    let newer = Rexie::builder(&name)
        .version(99)
        .add_object_store(ObjectStore::new("reviews").key_path("id"))
        .build()
        .await
        .unwrap();
    newer.close();
    let result = ReviewStore::open(&name).await;
    assert_eq!(result.err(), Some(StorageError::NewerVersion));
    assert!(StorageError::NewerVersion
        .to_string()
        .contains("Reload the page"));
}

#[wasm_bindgen_test]
async fn an_upgrade_held_back_by_another_tab_says_so() {
    let name = fresh_name("blocked").await;
    // Another tab running older code: a version 1 connection that does not close when asked.
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.open_with_u32(&name, 1).unwrap();
    let opened = js_sys::Promise::new(&mut |resolve, _| {
        request.set_onsuccess(Some(&resolve));
    });
    wasm_bindgen_futures::JsFuture::from(opened).await.unwrap();
    let old_connection: web_sys::IdbDatabase = request.result().unwrap().into();

    let result = ReviewStore::open_within(&name, 500).await;
    assert_eq!(result.err(), Some(StorageError::Blocked));
    assert!(StorageError::Blocked
        .to_string()
        .contains("Close the other Sightline tabs"));

    old_connection.close();
}

#[wasm_bindgen_test]
async fn restore_points_are_kept_listed_read_back_and_thinned() {
    use sightline_core::restore_points::{point_key, PointInfo, PointReason};
    let name = fresh_name("points").await;
    let store = ReviewStore::open(&name).await.unwrap();
    let review = ReviewId::from_random_bytes([4; 16]);
    let other = ReviewId::from_random_bytes([5; 16]);
    let point = |review: ReviewId, hour: u32| PointInfo {
        key: point_key(
            review,
            Utc.with_ymd_and_hms(2026, 11, 26, hour, 0, 0).unwrap(),
        ),
        review,
        at: Utc.with_ymd_and_hms(2026, 11, 26, hour, 0, 0).unwrap(),
        reason: PointReason::Automatic,
        summary: format!("point at {hour}"),
        bytes: 10,
    };
    for hour in [9, 10, 11] {
        store
            .add_restore_point(&point(review, hour), &format!("file {hour}"), |_| {
                Vec::new()
            })
            .await
            .unwrap();
    }
    store
        .add_restore_point(&point(other, 12), "other file", |_| Vec::new())
        .await
        .unwrap();
    let listed = store.restore_points(Some(review)).await.unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|p| p.summary.as_str())
            .collect::<Vec<_>>(),
        ["point at 9", "point at 10", "point at 11"],
        "a review's own points, oldest first"
    );
    assert_eq!(store.restore_points(None).await.unwrap().len(), 4);
    assert_eq!(
        store
            .restore_point_file(&listed[1].key)
            .await
            .unwrap()
            .as_deref(),
        Some("file 10")
    );
    // Thinning removes the chosen points and their files, in the same transaction as the add.
    let oldest = listed[0].key.clone();
    let doomed = oldest.clone();
    store
        .add_restore_point(&point(review, 13), "file 13", move |_| vec![doomed])
        .await
        .unwrap();
    assert_eq!(store.restore_point_file(&oldest).await.unwrap(), None);
    assert_eq!(store.restore_points(Some(review)).await.unwrap().len(), 3);
    store.close();
}

#[wasm_bindgen_test]
async fn replacing_a_review_leaves_exactly_the_new_content_and_keeps_the_watchlist() {
    let name = fresh_name("replace").await;
    let store = ReviewStore::open(&name).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    let (review, mut content) = generate_review(6, ReviewSize::SMALL, now);
    let mut watchlist = sightline_core::anonymise::Watchlist::new(
        sightline_core::RecordId::from_random_bytes([8; 16]),
        [9; 16],
        now,
    );
    watchlist
        .add(
            "A Name",
            sightline_core::RecordId::from_random_bytes([10; 16]),
            now,
        )
        .unwrap();
    content.put(watchlist.clone());
    store
        .put(&review, &[], 0, &all_writes(&content))
        .await
        .unwrap();
    // The file's copy: fewer events, no watchlist (files never carry one).
    let (_, mut replacement) = generate_review(6, ReviewSize::SMALL, now);
    replacement.events.truncate(3);
    store.replace(&review, &replacement).await.unwrap();
    let stored = store.get(review.id).await.unwrap().unwrap();
    assert_eq!(stored.content.events.len(), 3, "the old records are gone");
    assert_eq!(stored.content.watchlists, vec![watchlist]);
    assert_eq!(stored.revision, 2);
    store.close();
}
