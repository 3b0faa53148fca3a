//! The due-date rules of DOMAIN.md section 2, at month ends, in leap years and on the UK clock.

use chrono::{NaiveDate, TimeZone, Utc};
use sightline_core::review::lifecycle::{completion_target, current_stage, due_date};
use sightline_core::review::new_review::NewReview;
use sightline_core::{
    lifecycle, next_due, uk_civil_date, DueDate, Milestone, MilestoneState, Review, ReviewId,
    ReviewStatus, ReviewType,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn review(review_type: ReviewType, notified: NaiveDate) -> Review {
    Review::new(
        ReviewId::from_random_bytes([9; 16]),
        NewReview {
            title: "Review".into(),
            review_type,
            notification_received: notified,
            committee: String::new(),
        },
        Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap(),
    )
}

fn state_of(review: &Review, milestone: Milestone, today: NaiveDate) -> MilestoneState {
    lifecycle(review, today)
        .into_iter()
        .find(|row| row.milestone == milestone)
        .unwrap()
        .state
}

#[test]
fn decision_is_due_six_weeks_after_notification() {
    let r = review(ReviewType::ChildProtection, date(2026, 11, 2));
    assert_eq!(
        due_date(&r, Milestone::DecisionMade),
        DueDate::On(date(2026, 12, 14))
    );
}

#[test]
fn decision_due_date_crosses_the_year_end() {
    let r = review(ReviewType::ChildProtection, date(2026, 12, 20));
    assert_eq!(
        due_date(&r, Milestone::DecisionMade),
        DueDate::On(date(2027, 1, 31))
    );
}

#[test]
fn agency_returns_are_due_two_weeks_after_the_request() {
    let mut r = review(ReviewType::AdultSupportAndProtection, date(2026, 2, 10));
    assert_eq!(
        due_date(&r, Milestone::AgencyReturnsReceived),
        DueDate::WaitingFor(Milestone::AgencyInformationRequested)
    );
    r.record_date(
        Milestone::AgencyInformationRequested,
        Some(date(2026, 2, 20)),
    )
    .unwrap();
    // 2026 is not a leap year: 14 days after 20 February is 6 March.
    assert_eq!(
        due_date(&r, Milestone::AgencyReturnsReceived),
        DueDate::On(date(2026, 3, 6))
    );
    let mut leap = review(ReviewType::AdultSupportAndProtection, date(2028, 2, 10));
    leap.record_date(
        Milestone::AgencyInformationRequested,
        Some(date(2028, 2, 20)),
    )
    .unwrap();
    assert_eq!(
        due_date(&leap, Milestone::AgencyReturnsReceived),
        DueDate::On(date(2028, 3, 5))
    );
}

#[test]
fn completion_is_due_nine_months_after_the_decision_with_the_six_month_mark() {
    let mut r = review(ReviewType::ChildProtection, date(2026, 1, 5));
    r.record_date(Milestone::DecisionMade, Some(date(2026, 2, 10)))
        .unwrap();
    assert_eq!(
        due_date(&r, Milestone::SignedOff),
        DueDate::On(date(2026, 11, 10))
    );
    assert_eq!(completion_target(&r), Some(date(2026, 8, 10)));
    let row = lifecycle(&r, date(2026, 3, 1))
        .into_iter()
        .find(|row| row.milestone == Milestone::SignedOff)
        .unwrap();
    assert_eq!(row.note.as_deref(), Some("6-month mark: 10 August 2026"));
}

#[test]
fn months_are_added_to_month_ends_without_spilling_into_the_next_month() {
    let mut r = review(ReviewType::ChildProtection, date(2026, 4, 1));
    // 31 May + 9 months: February has no 31st, so the last day of February.
    r.record_date(Milestone::DecisionMade, Some(date(2026, 5, 31)))
        .unwrap();
    assert_eq!(
        due_date(&r, Milestone::SignedOff),
        DueDate::On(date(2027, 2, 28))
    );
    // In a leap year the same rule lands on the 29th.
    let mut leap = review(ReviewType::ChildProtection, date(2027, 4, 1));
    leap.record_date(Milestone::DecisionMade, Some(date(2027, 5, 31)))
        .unwrap();
    assert_eq!(
        due_date(&leap, Milestone::SignedOff),
        DueDate::On(date(2028, 2, 29))
    );
    // 31 August + 6 months: end of February for the six-month mark.
    let mut mark = review(ReviewType::ChildProtection, date(2026, 8, 1));
    mark.record_date(Milestone::DecisionMade, Some(date(2026, 8, 31)))
        .unwrap();
    assert_eq!(completion_target(&mark), Some(date(2027, 2, 28)));
}

#[test]
fn a_decision_on_29_february_keeps_its_day_where_it_exists() {
    let mut r = review(ReviewType::ChildProtection, date(2028, 1, 20));
    r.record_date(Milestone::DecisionMade, Some(date(2028, 2, 29)))
        .unwrap();
    assert_eq!(
        due_date(&r, Milestone::SignedOff),
        DueDate::On(date(2028, 11, 29))
    );
}

#[test]
fn care_inspectorate_hears_of_an_adult_review_outcome_within_seven_days() {
    let mut adult = review(ReviewType::AdultSupportAndProtection, date(2026, 1, 5));
    let mut child = review(ReviewType::ChildProtection, date(2026, 1, 5));
    for r in [&mut adult, &mut child] {
        r.record_date(Milestone::DecisionMade, Some(date(2026, 2, 1)))
            .unwrap();
        r.record_date(Milestone::SignedOff, Some(date(2026, 9, 28)))
            .unwrap();
    }
    assert_eq!(
        due_date(&adult, Milestone::CareInspectorateToldOfOutcome),
        DueDate::On(date(2026, 10, 5))
    );
    assert_eq!(
        due_date(&child, Milestone::CareInspectorateToldOfOutcome),
        DueDate::NoTimescale
    );
}

#[test]
fn states_move_from_due_to_due_soon_to_overdue_to_done() {
    let mut r = review(ReviewType::ChildProtection, date(2026, 11, 2));
    // Decision due 14 December 2026.
    assert_eq!(
        state_of(&r, Milestone::DecisionMade, date(2026, 11, 26)),
        MilestoneState::Due {
            due: date(2026, 12, 14),
            days_left: 18
        }
    );
    assert_eq!(
        state_of(&r, Milestone::DecisionMade, date(2026, 12, 7)),
        MilestoneState::DueSoon {
            due: date(2026, 12, 14),
            days_left: 7
        }
    );
    let due_today = state_of(&r, Milestone::DecisionMade, date(2026, 12, 14));
    assert_eq!(due_today.detail(), "Due today");
    let overdue = state_of(&r, Milestone::DecisionMade, date(2026, 12, 17));
    assert_eq!(
        overdue,
        MilestoneState::Overdue {
            due: date(2026, 12, 14),
            days_over: 3
        }
    );
    assert_eq!(overdue.label(), "Overdue");
    assert_eq!(overdue.detail(), "3 days overdue");
    r.record_date(Milestone::DecisionMade, Some(date(2026, 12, 16)))
        .unwrap();
    assert_eq!(
        state_of(&r, Milestone::DecisionMade, date(2026, 12, 17)),
        MilestoneState::Done(date(2026, 12, 16))
    );
}

#[test]
fn next_due_is_the_earliest_outstanding_due_date() {
    let mut r = review(ReviewType::AdultSupportAndProtection, date(2026, 11, 2));
    let next = next_due(&r).unwrap();
    assert_eq!(next.milestone, Milestone::DecisionMade);
    assert_eq!(next.due, date(2026, 12, 14));
    assert_eq!(next.countdown(date(2026, 11, 26)), "18 days left");
    // Agency returns requested: due 24 November, earlier than the decision, and overdue.
    r.record_date(
        Milestone::AgencyInformationRequested,
        Some(date(2026, 11, 10)),
    )
    .unwrap();
    let next = next_due(&r).unwrap();
    assert_eq!(next.milestone, Milestone::AgencyReturnsReceived);
    assert!(next.is_overdue(date(2026, 11, 26)));
    assert_eq!(next.countdown(date(2026, 11, 26)), "2 days overdue");
    assert_eq!(next.countdown(date(2026, 11, 25)), "1 day overdue");
}

#[test]
fn a_complete_review_has_nothing_due() {
    let mut r = review(ReviewType::ChildProtection, date(2026, 1, 5));
    r.status = ReviewStatus::Complete;
    assert_eq!(next_due(&r), None);
    assert_eq!(
        state_of(&r, Milestone::DecisionMade, date(2026, 11, 26)),
        MilestoneState::NotRecorded
    );
}

#[test]
fn the_current_stage_is_that_of_the_first_milestone_without_a_date() {
    let mut r = review(ReviewType::ChildProtection, date(2026, 1, 5));
    assert_eq!(current_stage(&r).unwrap().number, 2);
    r.record_date(
        Milestone::AgencyInformationRequested,
        Some(date(2026, 1, 6)),
    )
    .unwrap();
    r.record_date(Milestone::AgencyReturnsReceived, Some(date(2026, 1, 16)))
        .unwrap();
    assert_eq!(
        current_stage(&r).unwrap().name,
        "Recommendation and decision"
    );
}

#[test]
fn overdue_is_judged_on_the_uk_calendar_not_utc() {
    let r = review(ReviewType::ChildProtection, date(2026, 6, 1));
    // Decision due 13 July 2026. At 23:30 UTC on 13 July it is already 14 July in the UK.
    let late_evening = Utc.with_ymd_and_hms(2026, 7, 13, 23, 30, 0).unwrap();
    let today = uk_civil_date(late_evening);
    assert_eq!(today, date(2026, 7, 14));
    assert!(next_due(&r).unwrap().is_overdue(today));
    // In winter the UK clock is UTC, so the same time of day is still the due date.
    let winter = review(ReviewType::ChildProtection, date(2026, 12, 1));
    let winter_evening = Utc.with_ymd_and_hms(2027, 1, 12, 23, 30, 0).unwrap();
    assert_eq!(next_due(&winter).unwrap().due, date(2027, 1, 12));
    assert!(!next_due(&winter)
        .unwrap()
        .is_overdue(uk_civil_date(winter_evening)));
}

#[test]
fn every_milestone_has_a_unique_key_that_finds_it_again() {
    for m in Milestone::ALL {
        assert_eq!(Milestone::from_key(m.key()), Some(m));
    }
    let stages: Vec<u8> = Milestone::ALL.iter().map(|m| m.stage().number).collect();
    let mut sorted = stages.clone();
    sorted.sort();
    assert_eq!(stages, sorted, "milestones are listed in stage order");
    assert_eq!(stages.first(), Some(&1));
    assert_eq!(stages.last(), Some(&13));
}

// Issue 13: returns, the committee's own timescales, and the time taken.

#[test]
fn an_agency_return_is_overdue_by_the_uk_calendar_and_the_list_counts_it_until_the_decision() {
    use sightline_core::review::decision::AgencyReturn;
    use sightline_core::ReviewSummary;
    let mut r = review(ReviewType::ChildProtection, date(2026, 3, 2));
    let t = r.timescales.clone();
    // Asked on the Friday before the clocks go forward: due two weeks on, 10 April.
    r.add_return(
        sightline_core::RecordId::fixed(1),
        AgencyReturn::asked("Health", date(2026, 3, 27), &t),
    );
    let summary = ReviewSummary::of(&r);
    assert_eq!(summary.return_dues, [date(2026, 4, 10)]);
    // 23:30 UTC on 10 April is already 11 April in the UK (BST): one day overdue.
    let late = uk_civil_date(Utc.with_ymd_and_hms(2026, 4, 10, 23, 30, 0).unwrap());
    assert_eq!(summary.overdue_returns(late), 1);
    assert!(summary.is_overdue(late));
    assert_eq!(summary.overdue_returns(date(2026, 4, 10)), 0);
    r.record_date(Milestone::DecisionMade, Some(date(2026, 4, 12)))
        .unwrap();
    assert!(ReviewSummary::of(&r).return_dues.is_empty());
}

#[test]
fn a_review_with_its_own_timescales_has_its_own_due_dates() {
    let mut r = review(ReviewType::AdultSupportAndProtection, date(2028, 1, 4));
    assert_eq!(
        due_date(&r, Milestone::DecisionMade),
        DueDate::On(date(2028, 2, 15))
    );
    r = r.with_timescales(sightline_core::Timescales {
        decision_weeks: 8,
        report_months: 4,
        decision_notice_days: 3,
        ..Default::default()
    });
    assert_eq!(
        due_date(&r, Milestone::DecisionMade),
        DueDate::On(date(2028, 2, 29)),
        "8 weeks from 4 January 2028 is the leap day"
    );
    r.record_date(Milestone::DecisionMade, Some(date(2027, 10, 31)))
        .unwrap();
    assert_eq!(
        due_date(&r, Milestone::CareInspectorateToldOfDecision),
        DueDate::On(date(2027, 11, 3))
    );
    assert_eq!(
        due_date(&r, Milestone::ReportFinalised),
        DueDate::On(date(2028, 2, 29)),
        "31 October plus 4 months is the last day of February"
    );
}

#[test]
fn time_taken_runs_from_the_decision_to_sign_off_against_the_aim_and_the_limit() {
    use sightline_core::review::progress::Pace;
    let mut r = review(ReviewType::ChildProtection, date(2026, 7, 1));
    assert!(r.time_taken(date(2026, 8, 1)).is_none());
    r.record_date(Milestone::DecisionMade, Some(date(2026, 8, 31)))
        .unwrap();
    let on_track = r.time_taken(date(2027, 2, 28)).unwrap();
    assert_eq!(on_track.pace, Pace::OnTrack);
    assert_eq!(
        on_track.taken.text(),
        "6 months",
        "31 August to 28 February is six months"
    );
    assert_eq!(on_track.target, date(2027, 2, 28));
    let late = r.time_taken(date(2027, 3, 1)).unwrap();
    assert_eq!(late.pace, Pace::PastTarget);
    assert!(late
        .sentence(6, 9)
        .contains("past the 6-month aim (28 February 2027); the 9-month limit is 31 May 2027"));
    assert_eq!(
        r.time_taken(date(2027, 6, 1)).unwrap().pace,
        Pace::PastLimit
    );
    r.record_date(Milestone::SignedOff, Some(date(2027, 4, 15)))
        .unwrap();
    let done = r.time_taken(date(2027, 12, 1)).unwrap();
    assert!(done.finished);
    assert_eq!(done.taken.text(), "7 months and 15 days");
    assert!(done
        .sentence(6, 9)
        .starts_with("7 months and 15 days from the decision to sign-off"));
}
