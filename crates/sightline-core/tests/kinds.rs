//! Every kind of record in `RecordKind::ALL` goes through everything done to every kind:
//! storage, counting, removal with what points at it, new ids for a copy, merging, renumbering
//! duplicates and dropping links to records that are not there. A kind added to the list is
//! checked here without a line of this file changing.

use std::collections::BTreeSet;

use chrono::{TimeZone, Utc};
use sightline_core::anonymise::Watchlist;
use sightline_core::content::kinds::list_name;
use sightline_core::content::{encode_from, load_record, ContentRecord, KindFn};
use sightline_core::format::merge::{changed_records, plan_merge, with_new_ids};
use sightline_core::format::restore::repair_content;
use sightline_core::format::ReviewFile;
use sightline_core::ids::SeededIds;
use sightline_core::record::LinkRule;
use sightline_core::testing::{generate_review, ReviewSize};
use sightline_core::{IdSource, RecordKind, Review, ReviewContent};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap()
}

/// A review with at least one record of every kind.
fn full_review() -> (Review, ReviewContent) {
    let (review, mut content) = generate_review(7, ReviewSize::SMALL, now());
    let mut ids = SeededIds::new(99);
    if content.watchlists.is_empty() {
        content
            .watchlists
            .push(Watchlist::new(ids.record_id(), ids.random_bytes(), now()));
    }
    if content.templates.is_empty() {
        let built_in = &sightline_core::content::reflections::built_in_templates()[0];
        content
            .templates
            .push(sightline_core::content::reflections::copy_template(
                built_in,
                &mut ids,
                now(),
            ));
    }
    for kind in RecordKind::ALL {
        assert!(content.count(kind) > 0, "the test review has no {kind:?}");
    }
    (review, content)
}

/// Every link that points at a record of a kind that is stored (not a part, not a built-in).
fn dangling(content: &ReviewContent) -> Vec<String> {
    let there = content.all_ids();
    content
        .every_link()
        .into_iter()
        .filter(|l| !matches!(l.rule, LinkRule::BuiltIn | LinkRule::Part))
        .filter(|l| !there[&l.to].contains(&l.id))
        .map(|l| format!("{:?} {} -> {:?} {}", l.holder, l.holder_id, l.to, l.id))
        .collect()
}

#[test]
fn each_kind_is_bound_to_the_type_whose_kind_it_is() {
    struct Check(RecordKind);
    impl KindFn for Check {
        type Output = ();
        fn call<T: ContentRecord>(self) {
            assert_eq!(T::KIND, self.0);
            assert_eq!(T::LIST, list_name(self.0));
        }
    }
    for kind in RecordKind::ALL {
        kind.with(Check(kind));
    }
    let lists: BTreeSet<_> = RecordKind::ALL.iter().map(|k| list_name(*k)).collect();
    assert_eq!(lists.len(), RecordKind::ALL.len());
}

#[test]
fn every_record_of_every_kind_is_stored_and_read_back_as_it_was() {
    let (_, content) = full_review();
    let mut read = ReviewContent::default();
    for kind in RecordKind::ALL {
        for id in content.ids_of(kind) {
            let text = encode_from(&content, kind, id).expect("the record is there");
            load_record(&mut read, kind, &text).expect("it reads back");
        }
        assert_eq!(read.count(kind), content.count(kind), "{kind:?}");
    }
    assert_eq!(read, content);
    assert_eq!(
        content.every_record().len(),
        RecordKind::ALL
            .iter()
            .map(|k| content.count(*k))
            .sum::<usize>()
    );
}

#[test]
fn the_test_review_links_every_kind_that_can_link() {
    let (_, content) = full_review();
    let holders: BTreeSet<RecordKind> = content.every_link().iter().map(|l| l.holder).collect();
    for kind in [
        RecordKind::Person,
        RecordKind::Event,
        RecordKind::Episode,
        RecordKind::Reflection,
        RecordKind::Response,
        RecordKind::MapNode,
        RecordKind::MapLink,
        RecordKind::Finding,
        RecordKind::Action,
    ] {
        assert!(holders.contains(&kind), "no {kind:?} holds a link");
    }
    assert!(dangling(&content).is_empty(), "{:?}", dangling(&content));
}

#[test]
fn removing_any_record_of_any_kind_leaves_nothing_pointing_at_it() {
    let (_, content) = full_review();
    for kind in RecordKind::ALL {
        for id in content.ids_of(kind).into_iter().take(3) {
            let mut after = content.clone();
            let changes = after.remove_with_references(kind, id, now());
            assert!(!after.contains(kind, id), "{kind:?} still there");
            assert_eq!(
                changes[0],
                sightline_core::content::Change::Removed(kind, id)
            );
            assert!(
                dangling(&after).is_empty(),
                "after removing {kind:?}: {:?}",
                dangling(&after)
            );
            // Storage is told of every record that changed.
            let told: BTreeSet<_> = changes.iter().copied().collect();
            for change in changed_records(&content, &after) {
                assert!(
                    told.contains(&change),
                    "{change:?} changed but was not reported"
                );
            }
            for other in RecordKind::ALL {
                for gone in content.ids_of(other) {
                    if !after.contains(other, gone) {
                        assert!(
                            told.contains(&sightline_core::content::Change::Removed(other, gone))
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_copy_gives_every_record_of_every_kind_a_new_id_and_its_links_follow() {
    let (review, content) = full_review();
    let file = ReviewFile {
        review,
        content: content.clone(),
        based_on: None,
    };
    let copy = with_new_ids(file, &mut SeededIds::new(5));
    let old: BTreeSet<_> = RecordKind::ALL
        .iter()
        .flat_map(|k| content.ids_of(*k))
        .collect();
    for kind in RecordKind::ALL {
        assert_eq!(copy.content.count(kind), content.count(kind));
        for id in copy.content.ids_of(kind) {
            assert!(!old.contains(&id), "a {kind:?} kept its id");
        }
    }
    assert!(
        dangling(&copy.content).is_empty(),
        "{:?}",
        dangling(&copy.content)
    );
    for link in copy.content.every_link() {
        if link.rule != LinkRule::BuiltIn {
            assert!(
                !old.contains(&link.id),
                "{link:?} still points at the original"
            );
        }
    }
}

#[test]
fn merging_a_file_into_an_empty_copy_adds_every_record_of_every_kind_files_carry() {
    let (review, content) = full_review();
    let file = ReviewFile {
        review: review.clone(),
        content: content.clone(),
        based_on: None,
    };
    let plan = plan_merge((&review, &ReviewContent::default()), &file);
    for kind in RecordKind::ALL {
        let expected = if kind.in_files() {
            content.count(kind)
        } else {
            0
        };
        assert_eq!(plan.content.count(kind), expected, "{kind:?}");
    }
}

#[test]
fn a_duplicate_id_of_any_kind_is_renumbered_and_both_records_kept() {
    let (_, content) = full_review();
    for kind in RecordKind::ALL {
        let mut doubled = content.clone();
        let first = content.ids_of(kind)[0];
        let text = encode_from(&content, kind, first).unwrap();
        // A second record with the same id, added after the others.
        let mut extra = ReviewContent::default();
        load_record(&mut extra, kind, &text).unwrap();
        struct Append<'a>(&'a mut ReviewContent, &'a ReviewContent);
        impl KindFn for Append<'_> {
            type Output = ();
            fn call<T: ContentRecord>(self) {
                let more = T::all(self.1).clone();
                T::all_mut(self.0).extend(more);
            }
        }
        kind.with(Append(&mut doubled, &extra));
        let repairs = repair_content(&mut doubled, &mut SeededIds::new(11));
        let ids = doubled.ids_of(kind);
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{kind:?} ids still repeat");
        // A map link that joins the same two nodes the same way as another is a repeat, which
        // the map's own repair drops; every other kind keeps both records.
        let kept = if kind == RecordKind::MapLink { 0 } else { 1 };
        assert_eq!(
            ids.len(),
            content.count(kind) + kept,
            "{kind:?} lost a record"
        );
        assert!(
            repairs.iter().any(|r| r.contains("had the same id")),
            "{kind:?}: {repairs:?}"
        );
    }
}

#[test]
fn repairing_content_whose_linked_records_of_any_kind_are_gone_leaves_no_dangling_link() {
    let (_, content) = full_review();
    for kind in RecordKind::ALL {
        let mut damaged = content.clone();
        for id in content.ids_of(kind) {
            damaged.remove_record(kind, id);
        }
        repair_content(&mut damaged, &mut SeededIds::new(3));
        assert!(
            dangling(&damaged).is_empty(),
            "without {kind:?}: {:?}",
            dangling(&damaged)
        );
    }
}
