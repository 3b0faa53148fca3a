//! What the Reviews page shows of each review, and how it filters and orders them.
//!
//! Summaries are small and kept beside each review in storage, so listing many large reviews
//! never has to read them whole.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::ReviewId;
use crate::review::lifecycle::{current_stage, next_due, NextDue, STAGES};
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

    /// The stage as the list shows it: "3. Recommendation and decision", or "Complete".
    pub fn stage_label(&self) -> String {
        if self.status == ReviewStatus::Complete {
            return "Complete".to_owned();
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

/// What the person asked the Reviews page to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewListQuery {
    /// Words that must all appear in the title, in any case.
    pub search: String,
    /// Whether archived reviews are listed too.
    pub show_archived: bool,
}

impl ReviewListQuery {
    /// The summaries that match, most recently changed first.
    pub fn apply<'a>(&self, summaries: &'a [ReviewSummary]) -> Vec<&'a ReviewSummary> {
        let words: Vec<String> = self
            .search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let mut shown: Vec<&ReviewSummary> = summaries
            .iter()
            .filter(|s| self.show_archived || !s.archived)
            .filter(|s| {
                let title = s.title.to_lowercase();
                words.iter().all(|word| title.contains(word.as_str()))
            })
            .collect();
        shown.sort_by(|a, b| {
            b.updated_at
                .cmp(&a.updated_at)
                .then_with(|| a.title.cmp(&b.title))
        });
        shown
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
