//! Stored records: round trips, lenient reading of older records, refusal of newer ones, and the
//! Reviews page's filtering and ordering.

use chrono::{NaiveDate, TimeZone, Utc};
use sightline_core::record::{
    decode_review, decode_summary, encode_review, encode_summary, RecordError,
};
use sightline_core::review::new_review::NewReview;
use sightline_core::{Milestone, Review, ReviewId, ReviewListQuery, ReviewSummary, ReviewType};

fn review(byte: u8, title: &str, hour: u32) -> Review {
    Review::new(
        ReviewId::from_random_bytes([byte; 16]),
        NewReview {
            title: title.into(),
            review_type: ReviewType::ChildProtection,
            notification_received: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            committee: "Example CPC".into(),
        },
        Utc.with_ymd_and_hms(2026, 11, 1, hour, 0, 0).unwrap(),
    )
}

#[test]
fn a_review_survives_a_round_trip_through_its_record() {
    let mut r = review(1, "Review \u{201c}quoted\u{201d}", 9);
    r.record_date(
        Milestone::DecisionMade,
        NaiveDate::from_ymd_opt(2026, 11, 2),
    )
    .unwrap();
    r.parallel_proceedings.criminal_proceedings = true;
    r.parallel_proceedings.liaison_note = "Monthly call with the SIO".into();
    let text = encode_review(&r);
    assert!(text.starts_with("{\"record_version\":4,"));
    assert_eq!(decode_review(&text), Ok(r.clone()));
    // Writing is deterministic.
    assert_eq!(encode_review(&decode_review(&text).unwrap()), text);
}

#[test]
fn an_old_record_without_optional_fields_gets_defaults() {
    let text = r#"{"id":"0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b","title":"Old","review_type":"child_protection",
        "dates":{"notification_received":"2026-01-02"},
        "created_at":"2026-01-02T10:00:00Z","updated_at":"2026-01-02T10:00:00Z"}"#;
    let r = decode_review(text).unwrap();
    assert_eq!(r.title, "Old");
    assert_eq!(r.committee, "");
    assert!(!r.archived);
    assert_eq!(r.timescales.decision_weeks, 6);
    // A record from version 1, before the decision and set-up were stored, reads with them
    // empty, and its timescales gain the two added since.
    let v1 = text.replacen('{', "{\"record_version\":1,", 1);
    let r = decode_review(&v1).unwrap();
    assert!(r.decision.is_none() && r.agency_returns.is_empty() && r.setup.questions.is_empty());
    assert_eq!(r.timescales.report_months, 5);
    // And one from version 2, before the report, reads with an empty report.
    let v2 = text.replacen('{', "{\"record_version\":2,", 1);
    assert_eq!(
        decode_review(&v2).unwrap().report,
        sightline_core::report::Report::default()
    );
}

#[test]
fn newer_and_damaged_records_are_refused_with_a_reason() {
    let newer =
        encode_review(&review(2, "R", 9)).replace("\"record_version\":4", "\"record_version\":7");
    assert_eq!(decode_review(&newer), Err(RecordError::NewerVersion(7)));
    assert!(decode_review(&newer)
        .unwrap_err()
        .to_string()
        .contains("newer version of Sightline"));
    assert!(matches!(
        decode_review("{\"title\":"),
        Err(RecordError::Damaged(_))
    ));
    assert!(matches!(decode_review("{}"), Err(RecordError::Damaged(_))));
}

#[test]
fn a_summary_survives_a_round_trip() {
    let summary = ReviewSummary::of(&review(3, "R", 9));
    assert_eq!(
        decode_summary(&encode_summary(&summary)),
        Ok(summary.clone())
    );
    assert_eq!(
        summary.stage_label(),
        "2. Information gathering for the decision"
    );
    assert_eq!(summary.next_due.unwrap().milestone, Milestone::DecisionMade);
}

#[test]
fn the_list_filters_by_title_words_and_hides_archived_reviews() {
    let mut archived = review(4, "Review Delta", 12);
    archived.archived = true;
    let summaries: Vec<ReviewSummary> = [
        review(1, "Review Alpha (Child A)", 9),
        review(2, "Review Beta", 11),
        review(3, "Learning review Gamma", 10),
        archived,
    ]
    .iter()
    .map(ReviewSummary::of)
    .collect();

    let titles = |query: &ReviewListQuery| -> Vec<String> {
        query
            .apply(&summaries, NaiveDate::from_ymd_opt(2026, 11, 2).unwrap())
            .iter()
            .map(|s| s.title.clone())
            .collect()
    };
    let all = ReviewListQuery::default();
    assert_eq!(
        titles(&all),
        [
            "Review Beta",
            "Learning review Gamma",
            "Review Alpha (Child A)"
        ]
    );
    assert_eq!(all.hidden_archived(&summaries), 1);

    let search = ReviewListQuery {
        search: "  REVIEW  a ".into(),
        show_archived: false,
        ..ReviewListQuery::default()
    };
    assert_eq!(
        titles(&search),
        [
            "Review Beta",
            "Learning review Gamma",
            "Review Alpha (Child A)"
        ]
    );
    let search = ReviewListQuery {
        search: "child a".into(),
        show_archived: false,
        ..ReviewListQuery::default()
    };
    assert_eq!(titles(&search), ["Review Alpha (Child A)"]);

    let with_archived = ReviewListQuery {
        search: String::new(),
        show_archived: true,
        ..ReviewListQuery::default()
    };
    assert_eq!(titles(&with_archived)[0], "Review Delta");
    assert_eq!(with_archived.hidden_archived(&summaries), 0);
}

#[test]
fn every_content_record_survives_a_round_trip_through_storage() {
    use sightline_core::content::RecordKind;
    use sightline_core::content::{encode_from, load_record};
    use sightline_core::testing::{generate_review, ReviewSize};
    use sightline_core::ReviewContent;

    let (_, content) = generate_review(
        3,
        ReviewSize::SMALL,
        Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
    );
    let mut content = content;
    let mut watchlist = sightline_core::anonymise::Watchlist::new(
        sightline_core::RecordId::from_random_bytes([5; 16]),
        [6; 16],
        Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
    );
    watchlist
        .add(
            "Real Name",
            sightline_core::RecordId::from_random_bytes([7; 16]),
            Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
        )
        .unwrap();
    content.put(watchlist);
    let keys: Vec<(RecordKind, sightline_core::RecordId)> = content
        .every_record()
        .into_iter()
        .map(|change| match change {
            sightline_core::content::Change::Put(kind, id) => (kind, id),
            sightline_core::content::Change::Removed(..) => unreachable!("only puts"),
        })
        .collect();
    // (A generated review uses the built-in frameworks, so it has no templates of its own.)
    for kind in RecordKind::ALL
        .into_iter()
        .filter(|k| *k != RecordKind::Template)
    {
        assert!(keys.iter().any(|(k, _)| *k == kind), "{kind:?}");
    }
    let mut loaded = ReviewContent::default();
    for (kind, id) in keys {
        let text = encode_from(&content, kind, id).unwrap();
        load_record(&mut loaded, kind, &text).unwrap();
    }
    assert_eq!(loaded, content);
    assert!(load_record(&mut loaded, RecordKind::Event, "{\"record_version\":9}").is_err());
}

/// A review notified on `notified` (so its decision is due six weeks later), of `review_type`
/// and `committee`.
fn notified(
    byte: u8,
    title: &str,
    notified: NaiveDate,
    review_type: ReviewType,
    committee: &str,
) -> ReviewSummary {
    ReviewSummary::of(&Review::new(
        ReviewId::from_random_bytes([byte; 16]),
        NewReview {
            title: title.into(),
            review_type,
            notification_received: notified,
            committee: committee.into(),
        },
        Utc.with_ymd_and_hms(2026, 11, 1, u32::from(byte), 0, 0)
            .unwrap(),
    ))
}

#[test]
fn drift_and_delay_the_list_shows_overdue_or_soon_due_reviews_soonest_first() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let today = day(2026, 12, 3);
    let summaries = vec![
        // Decision due 12 November: 21 days overdue.
        notified(
            1,
            "Overdue",
            day(2026, 10, 1),
            ReviewType::ChildProtection,
            "East CPC",
        ),
        // Due 10 December: 7 days left.
        notified(
            2,
            "Due in a week",
            day(2026, 10, 29),
            ReviewType::AdultSupportAndProtection,
            "east cpc ",
        ),
        // Due 17 December: exactly 14 days left.
        notified(
            3,
            "Due in two weeks",
            day(2026, 11, 5),
            ReviewType::ChildProtection,
            "West APC",
        ),
        // Due 14 January: 42 days left.
        notified(
            4,
            "Due later",
            day(2026, 12, 3),
            ReviewType::ChildProtection,
            "West APC",
        ),
    ];
    let titles = |query: ReviewListQuery| -> Vec<String> {
        query
            .apply(&summaries, today)
            .iter()
            .map(|s| s.title.clone())
            .collect()
    };
    use sightline_core::review::summary::{DueFilter, ListOrder};
    assert_eq!(
        titles(ReviewListQuery {
            due: DueFilter::Overdue,
            ..Default::default()
        }),
        ["Overdue"]
    );
    assert_eq!(
        titles(ReviewListQuery {
            due: DueFilter::DueWithin(14),
            order: ListOrder::NextDue,
            ..Default::default()
        }),
        ["Due in a week", "Due in two weeks"]
    );
    assert_eq!(
        titles(ReviewListQuery {
            order: ListOrder::NextDue,
            ..Default::default()
        }),
        ["Overdue", "Due in a week", "Due in two weeks", "Due later"]
    );
    // By type and committee (case and spaces at the ends do not matter), and by stage.
    assert_eq!(
        titles(ReviewListQuery {
            review_type: Some(ReviewType::AdultSupportAndProtection),
            ..Default::default()
        }),
        ["Due in a week"]
    );
    assert_eq!(
        titles(ReviewListQuery {
            committee: Some("EAST CPC".into()),
            order: ListOrder::NextDue,
            ..Default::default()
        }),
        ["Overdue", "Due in a week"]
    );
    let stage = summaries[0].stage_number;
    assert_eq!(
        titles(ReviewListQuery {
            stage,
            ..Default::default()
        })
        .len(),
        4
    );
    assert!(titles(ReviewListQuery {
        stage: Some(9),
        ..Default::default()
    })
    .is_empty());
    assert_eq!(
        ReviewListQuery::committees(&summaries),
        ["East CPC", "West APC"]
    );
    // An overdue action makes a review overdue though its next milestone is not.
    let with_action = summaries[3]
        .clone()
        .with_action_dues(vec![day(2026, 12, 1)]);
    assert!(with_action.is_overdue(today));
    assert!(!summaries[3].is_overdue(today));
}
