//! What the Reviews page shows of each review, and how it filters and orders them.
//!
//! Summaries are small and kept beside each review in storage, so listing many large reviews
//! never has to read them whole.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::ReviewId;
use crate::review::lifecycle::{current_stage, next_due, Milestone, NextDue, STAGES};
use crate::review::{Review, ReviewStatus, ReviewType};

/// One line of the Reviews page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSummary {
    pub id: ReviewId,
    pub title: String,
    pub review_type: ReviewType,
    #[serde(default)]
    pub committee: String,
    #[serde(default)]
    pub status: ReviewStatus,
    #[serde(default)]
    pub archived: bool,
    /// The number of the stage the review is in; `None` once every milestone has a date.
    #[serde(default)]
    pub stage_number: Option<u8>,
    /// What the review waits for next. Whether it is overdue depends on the day it is read.
    #[serde(default)]
    pub next_due: Option<NextDue>,
    /// The due dates of the review's open actions, so the list can tell which are overdue on
    /// the day it is read.
    #[serde(default)]
    pub open_action_dues: Vec<chrono::NaiveDate>,
    /// The due dates of agency returns not yet received, likewise.
    #[serde(default)]
    pub return_dues: Vec<chrono::NaiveDate>,
    pub updated_at: DateTime<Utc>,
}

impl ReviewSummary {
    /// The summary of a review as it stands.
    pub fn of(review: &Review) -> Self {
        Self {
            id: review.id,
            title: review.title.clone(),
            review_type: review.review_type,
            committee: review.committee.clone(),
            status: review.status,
            archived: review.archived,
            stage_number: current_stage(review).map(|stage| stage.number),
            next_due: next_due(review),
            open_action_dues: Vec::new(),
            // Returns are for the decision: once it is made, none is waited for.
            return_dues: if review.dates.get(Milestone::DecisionMade).is_some() {
                Vec::new()
            } else {
                review
                    .agency_returns
                    .values()
                    .filter(|r| r.received_on.is_none())
                    .map(|r| r.due_on)
                    .collect()
            },
            updated_at: review.updated_at,
        }
    }

    /// The summary with the due dates of open actions (see `learning::actions::open_action_dues`).
    pub fn with_action_dues(self, open_action_dues: Vec<chrono::NaiveDate>) -> Self {
        Self {
            open_action_dues,
            ..self
        }
    }

    /// How many open actions are past their due date on `today`.
    pub fn overdue_actions(&self, today: chrono::NaiveDate) -> usize {
        self.open_action_dues.iter().filter(|d| **d < today).count()
    }

    /// How many agency returns are past their due date on `today`.
    pub fn overdue_returns(&self, today: chrono::NaiveDate) -> usize {
        self.return_dues.iter().filter(|d| **d < today).count()
    }

    /// The stage as the list shows it: "3. Recommendation and decision", or "Complete".
    pub fn stage_label(&self) -> String {
        match self.status {
            ReviewStatus::Complete => return "Complete".to_owned(),
            ReviewStatus::Closed => return ReviewStatus::Closed.label().to_owned(),
            _ => {}
        }
        match self
            .stage_number
            .and_then(|n| STAGES.get(usize::from(n).wrapping_sub(1)))
        {
            Some(stage) => format!("{}. {}", stage.number, stage.name),
            None => "All stages recorded".to_owned(),
        }
    }
}

/// Which reviews to show by what they wait for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DueFilter {
    #[default]
    Any,
    /// Something is past its date: the next milestone, or an open action.
    Overdue,
    /// The next milestone is due within this many days (today included), and nothing is overdue.
    DueWithin(u32),
}

/// How the Reviews page orders what it shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListOrder {
    /// Most recently changed first.
    #[default]
    RecentlyChanged,
    /// The soonest next due date first (the most overdue at the top); reviews waiting for
    /// nothing with a date last.
    NextDue,
}

/// What the person asked the Reviews page to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewListQuery {
    /// Words that must all appear in the title, in any case.
    pub search: String,
    /// Whether archived reviews are listed too.
    pub show_archived: bool,
    /// Drift and delay: only overdue reviews, or those due soon.
    pub due: DueFilter,
    /// Only reviews in this stage (by number).
    pub stage: Option<u8>,
    pub review_type: Option<ReviewType>,
    /// Only reviews of this committee (compared without regard to case or spaces at the ends).
    pub committee: Option<String>,
    pub order: ListOrder,
}

impl ReviewSummary {
    /// Whether anything of the review is past its date on `today`: its next milestone or an
    /// open action.
    pub fn is_overdue(&self, today: chrono::NaiveDate) -> bool {
        self.next_due.is_some_and(|next| next.is_overdue(today))
            || self.overdue_actions(today) > 0
            || self.overdue_returns(today) > 0
    }
}

impl ReviewListQuery {
    /// The summaries that match on `today`, in the order asked for.
    pub fn apply<'a>(
        &self,
        summaries: &'a [ReviewSummary],
        today: chrono::NaiveDate,
    ) -> Vec<&'a ReviewSummary> {
        let words: Vec<String> = self
            .search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let committee = self.committee.as_ref().map(|c| c.trim().to_lowercase());
        let mut shown: Vec<&ReviewSummary> = summaries
            .iter()
            .filter(|s| self.show_archived || !s.archived)
            .filter(|s| {
                let title = s.title.to_lowercase();
                words.iter().all(|word| title.contains(word.as_str()))
            })
            .filter(|s| match self.due {
                DueFilter::Any => true,
                DueFilter::Overdue => s.is_overdue(today),
                DueFilter::DueWithin(days) => {
                    !s.is_overdue(today)
                        && s.next_due
                            .is_some_and(|next| next.days_left(today) <= i64::from(days))
                }
            })
            .filter(|s| self.stage.is_none() || s.stage_number == self.stage)
            .filter(|s| self.review_type.is_none_or(|t| s.review_type == t))
            .filter(|s| {
                committee
                    .as_ref()
                    .is_none_or(|c| s.committee.trim().to_lowercase() == *c)
            })
            .collect();
        match self.order {
            ListOrder::RecentlyChanged => shown.sort_by(|a, b| {
                b.updated_at
                    .cmp(&a.updated_at)
                    .then_with(|| a.title.cmp(&b.title))
            }),
            ListOrder::NextDue => shown.sort_by(|a, b| {
                let due = |s: &ReviewSummary| s.next_due.map(|n| n.due);
                match (due(a), due(b)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
                .then_with(|| a.title.cmp(&b.title))
            }),
        }
        shown
    }

    /// The committees among `summaries`, for the filter's choices: each once, as first written,
    /// in alphabetical order.
    pub fn committees(summaries: &[ReviewSummary]) -> Vec<String> {
        let mut seen = std::collections::BTreeMap::new();
        for s in summaries {
            let name = s.committee.trim();
            if !name.is_empty() {
                seen.entry(name.to_lowercase())
                    .or_insert_with(|| name.to_owned());
            }
        }
        seen.into_values().collect()
    }

    /// How many reviews are hidden because they are archived.
    pub fn hidden_archived(&self, summaries: &[ReviewSummary]) -> usize {
        if self.show_archived {
            0
        } else {
            summaries.iter().filter(|s| s.archived).count()
        }
    }
}
