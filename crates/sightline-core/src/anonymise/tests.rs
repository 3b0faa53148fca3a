use chrono::{DateTime, Utc};

use super::*;
use crate::content::Person;
use crate::ids::RecordId;

fn at() -> DateTime<Utc> {
    "2026-11-26T10:00:00Z".parse().unwrap()
}

fn id(n: u8) -> RecordId {
    RecordId::from_random_bytes([n; 16])
}

fn person(n: u8, kind: PersonKind, label: &str, role: &str) -> Person {
    Person {
        id: id(n),
        kind,
        label: label.into(),
        role: role.into(),
        agency: None,
        age_band: String::new(),
        took_part_in: Default::default(),
        support_offered: String::new(),
        notes: String::new(),
        updated_at: at(),
    }
}

fn content() -> ReviewContent {
    let mut content = ReviewContent::default();
    content.put(person(1, PersonKind::Subject, "Child A", ""));
    content.put(person(2, PersonKind::Family, "Mother", "Mother"));
    content.put(person(
        3,
        PersonKind::Professional,
        "Health Visitor 1",
        "Health Visitor",
    ));
    content.put(person(
        4,
        PersonKind::Professional,
        "Keyworker 2",
        "Keyworker",
    ));
    content
}

/// What the check flags in `text`, as (kind, words).
fn flags(content: &ReviewContent, text: &str) -> Vec<(FlagKind, String)> {
    let part = TextPart {
        anchor: "a".into(),
        place: "A".into(),
        text: text.into(),
    };
    Checker::new(content)
        .check(&[part])
        .into_iter()
        .map(|f| (f.kind, f.matched))
        .collect()
}

fn kinds(text: &str) -> Vec<FlagKind> {
    flags(&content(), text)
        .into_iter()
        .map(|(k, _)| k)
        .collect()
}

#[test]
fn roles_relationships_and_ordinary_words_are_not_flagged() {
    let clean = "Mother told Health Visitor 1 that Child A was unwell. The Keyworker 2 visit was in March 2025, \
                 two weeks before the Core Group meeting. Police Scotland and the NHS shared information. \
                 However, the Social Worker felt the plan made sense at the time.";
    assert_eq!(flags(&content(), clean), vec![]);
}

#[test]
fn names_and_places_that_look_like_names_are_flagged() {
    assert_eq!(
        flags(
            &content(),
            "Jane told the GP at Glenmuir surgery about O'Neill's worries."
        ),
        vec![
            (FlagKind::NameLike, "Jane".to_owned()),
            (FlagKind::NameLike, "Glenmuir".to_owned()),
            (FlagKind::NameLike, "O'Neill".to_owned()),
        ]
    );
    assert_eq!(kinds("Seen by McAllister."), [FlagKind::NameLike]);
    assert!(
        kinds("The CAMHS and SCRA teams.").is_empty(),
        "capitals are abbreviations"
    );
}

#[test]
fn exact_dates_are_flagged_but_month_and_year_are_not() {
    for text in [
        "On 12 March 2025 the school called.",
        "On 3rd of June the school called.",
        "On March 12, 2025 the school called.",
        "On 12/03/2025 the school called.",
        "On 12.3.25 the school called.",
        "On 2025-03-12 the school called.",
    ] {
        assert_eq!(kinds(text), [FlagKind::ExactDate], "{text}");
    }
    for text in [
        "In March 2025 the school called.",
        "In month 3 the school called.",
        "We made 2 visits",
    ] {
        assert!(kinds(text).is_empty(), "{text}");
    }
}

#[test]
fn postcodes_phones_emails_and_health_numbers_are_flagged() {
    assert_eq!(kinds("Lives at G12 8QQ now."), [FlagKind::Postcode]);
    assert_eq!(kinds("Lives at eh1 1yz now."), [FlagKind::Postcode]);
    assert_eq!(
        kinds("Call 0141 496 0000 or 07700 900123."),
        [FlagKind::PhoneNumber, FlagKind::PhoneNumber]
    );
    assert_eq!(kinds("Call +44 7700 900123."), [FlagKind::PhoneNumber]);
    assert_eq!(
        kinds("Email duty.team@example.gov.uk today."),
        [FlagKind::Email]
    );
    // A CHI number starts with the date of birth; an NHS number has a check digit.
    assert_eq!(kinds("CHI 1203151234 noted."), [FlagKind::ChiOrNhsNumber]);
    assert_eq!(
        kinds("NHS number 943 476 5919 noted."),
        [FlagKind::ChiOrNhsNumber]
    );
    for text in [
        "Seen 3 times in 2024.",
        "The 10 agencies met 12 times.",
        "Room 101.",
    ] {
        assert!(kinds(text).is_empty(), "{text}");
    }
}

#[test]
fn exact_ages_are_flagged_with_an_age_band() {
    let content = content();
    let checker = Checker::new(&content);
    let found = checker.check(&[TextPart {
        anchor: "a".into(),
        place: "A".into(),
        text: "Child A, aged 7, and a 15-year-old sibling; the baby was 6 months old.".into(),
    }]);
    let what: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f.matched.as_str(), f.suggestion.as_str()))
        .collect();
    assert_eq!(what.len(), 3, "{what:?}");
    assert!(what[0].0 == "aged 7" && what[0].1.contains("5 to 11"));
    assert!(what[1].0 == "15-year-old" && what[1].1.contains("12 to 15"));
    assert!(what[2].0 == "6 months old" && what[2].1.contains("under 1"));
    assert!(kinds("A review of 7 years of work.").is_empty());
    for band in [
        "Child A, aged 5 to 9.",
        "Aged 16-17 then.",
        "Aged 85 and over.",
    ] {
        assert!(kinds(band).is_empty(), "{band}");
    }
}

#[test]
fn watchlist_matches_are_flagged_where_they_are() {
    let mut content = content();
    let mut list = Watchlist::new(id(9), [3; 16], at());
    list.add("Siobhán Kerr", id(10), at()).unwrap();
    list.add("Kilbarchan", id(11), at()).unwrap();
    content.put(list);
    let text = "Later siobhan  KERR moved to kilbarchan.";
    let found = Checker::new(&content).check(&[TextPart {
        anchor: "briefing-section-3".into(),
        place: "Section 3".into(),
        text: text.into(),
    }]);
    let watch: Vec<&Flag> = found
        .iter()
        .filter(|f| f.kind == FlagKind::Watchlist)
        .collect();
    assert_eq!(watch.len(), 2);
    assert_eq!(&text[watch[0].range.clone()], "siobhan  KERR");
    assert_eq!(watch[1].matched, "kilbarchan");
    assert_eq!(watch[0].anchor, "briefing-section-3");
    assert!(watch[0].before.ends_with("Later "));
    // The key does not hold the words.
    assert!(!watch[0].key.contains("kerr"));
}

#[test]
fn a_flag_keeps_its_key_when_the_text_around_it_changes() {
    let content = content();
    let checker = Checker::new(&content);
    let part = |text: &str| TextPart {
        anchor: "a".into(),
        place: "A".into(),
        text: text.into(),
    };
    let first = checker.check(&[part("Jane called.")]);
    let second = checker.check(&[part("Later, Jane called again.")]);
    assert_eq!(first[0].key, second[0].key);
    assert_ne!(
        text_hash(&[part("Jane called.")]),
        text_hash(&[part("Jane called")])
    );
}
