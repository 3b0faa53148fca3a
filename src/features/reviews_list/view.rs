//! How the person has chosen to see the Reviews list (drift and delay: overdue, due soon, by
//! stage, type and committee, soonest first), kept in this browser so it survives a reload.

use serde::{Deserialize, Serialize};
use sightline_core::review::summary::{DueFilter, ListOrder};
use sightline_core::{ReviewListQuery, ReviewType};

/// The "due within" window the list offers.
pub const DUE_SOON_DAYS: u32 = 14;

/// The preference's key in this browser's settings.
pub const KEY: &str = "sightline.reviews-view";

/// The list's filters and order, as kept. Unknown or old values fall back to showing all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListView {
    /// "all", "overdue" or "soon".
    pub show: String,
    /// A review type's key, or empty for any.
    pub review_type: String,
    /// A committee's name, or empty for any.
    pub committee: String,
    /// A stage number, or none for any.
    pub stage: Option<u8>,
    /// "changed" (most recently changed first) or "due" (soonest due first).
    pub order: String,
}

impl ListView {
    /// The query for the list, with the title search and the archived choice.
    pub fn query(&self, search: String, show_archived: bool) -> ReviewListQuery {
        ReviewListQuery {
            search,
            show_archived,
            due: match self.show.as_str() {
                "overdue" => DueFilter::Overdue,
                "soon" => DueFilter::DueWithin(DUE_SOON_DAYS),
                _ => DueFilter::Any,
            },
            stage: self.stage.filter(|n| (1..=13).contains(n)),
            review_type: ReviewType::from_key(&self.review_type),
            committee: (!self.committee.trim().is_empty()).then(|| self.committee.clone()),
            order: if self.order == "due" {
                ListOrder::NextDue
            } else {
                ListOrder::RecentlyChanged
            },
        }
    }

    /// The "Show" choice as the list reads it: "all" for anything it does not know.
    pub fn show_key(&self) -> &'static str {
        match self.query(String::new(), false).due {
            DueFilter::Overdue => "overdue",
            DueFilter::DueWithin(_) => "soon",
            DueFilter::Any => "all",
        }
    }

    /// Whether any filter narrows the list (the order does not).
    pub fn filters(&self) -> bool {
        let query = self.query(String::new(), false);
        query.due != DueFilter::Any
            || query.stage.is_some()
            || query.review_type.is_some()
            || query.committee.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kept_view_becomes_the_list_query() {
        let view = ListView {
            show: "soon".into(),
            review_type: "adult_support_and_protection".into(),
            committee: "East CPC".into(),
            stage: Some(3),
            order: "due".into(),
        };
        let query = view.query("alpha".into(), true);
        assert_eq!(query.due, DueFilter::DueWithin(14));
        assert_eq!(
            query.review_type,
            Some(ReviewType::AdultSupportAndProtection)
        );
        assert_eq!(query.committee.as_deref(), Some("East CPC"));
        assert_eq!(query.stage, Some(3));
        assert_eq!(query.order, ListOrder::NextDue);
        assert_eq!(
            (query.search.as_str(), query.show_archived),
            ("alpha", true)
        );
        assert!(view.filters());
    }

    #[test]
    fn an_empty_old_or_strange_view_shows_everything_most_recent_first() {
        for view in [
            ListView::default(),
            ListView {
                show: "everything".into(),
                review_type: "other".into(),
                committee: "  ".into(),
                stage: Some(40),
                order: "x".into(),
            },
        ] {
            let query = view.query(String::new(), false);
            assert_eq!(query, ReviewListQuery::default());
            assert!(!view.filters());
        }
        let kept: ListView = serde_json::from_str(r#"{"show":"overdue","unknown":1}"#).unwrap();
        assert_eq!(kept.query(String::new(), false).due, DueFilter::Overdue);
    }
}
