//! The quality check before a version is issued, as a GOV.UK task list: each finding has
//! evidence; each review question is answered; each action answers a finding and has an owner
//! and a date; the time taken is explained when it is past the aim.

use chrono::NaiveDate;

use super::Report;
use crate::content::ReviewContent;
use crate::review::progress::Pace;
use crate::review::Review;

/// Where a task's missing part is put right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixAt {
    Finding(crate::ids::RecordId),
    Action(crate::ids::RecordId),
    /// The answer to a review question, on the report page.
    Answer(crate::ids::RecordId),
    DelayLog,
    SetUp,
}

/// One task of the check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QualityTask {
    /// "Each finding has its evidence".
    pub task: &'static str,
    /// What is missing, each with where to put it right; empty when done.
    pub missing: Vec<(String, FixAt)>,
}

impl QualityTask {
    pub fn done(&self) -> bool {
        self.missing.is_empty()
    }
}

/// The check of the report and the review behind it on `today`.
pub fn check(
    review: &Review,
    content: &ReviewContent,
    report: &Report,
    today: NaiveDate,
) -> Vec<QualityTask> {
    let findings = QualityTask {
        task: "Each finding has its evidence",
        missing: content
            .findings
            .iter()
            .filter(|f| f.episodes.is_empty() && f.map_nodes.is_empty() && f.reflections.is_empty())
            .map(|f| {
                (
                    format!(
                        "\u{201c}{}\u{201d} has no evidence linked",
                        f.statement.trim()
                    ),
                    FixAt::Finding(f.id),
                )
            })
            .collect(),
    };
    let questions = review.setup.questions_in_order();
    let mut unanswered: Vec<(String, FixAt)> = questions
        .iter()
        .filter(|(id, _)| report.answers.get(id).is_none_or(|a| a.trim().is_empty()))
        .map(|(id, q)| {
            (
                format!("Question {} is not answered", q.number),
                FixAt::Answer(*id),
            )
        })
        .collect();
    if questions.is_empty() {
        unanswered.push((
            "The review has no questions in its set-up".into(),
            FixAt::SetUp,
        ));
    }
    let answers = QualityTask {
        task: "Each review question is answered",
        missing: unanswered,
    };
    let mut action_gaps = Vec::new();
    for action in crate::content::actions::plan_order(content) {
        let name = format!("\u{201c}{}\u{201d}", action.text.trim());
        let mut lacks = Vec::new();
        if action
            .finding
            .is_none_or(|f| !content.findings.iter().any(|x| x.id == f))
        {
            lacks.push("a finding it answers");
        }
        if action.owner_role.trim().is_empty() {
            lacks.push("an owner");
        }
        if action.due.is_none() {
            lacks.push("a date");
        }
        if !lacks.is_empty() {
            let mut what = lacks.join(", ");
            if let Some(last) = what.rfind(", ") {
                what.replace_range(last..last + 2, " and ");
            }
            action_gaps.push((format!("{name} needs {what}"), FixAt::Action(action.id)));
        }
    }
    let actions = QualityTask {
        task: "Each recommendation answers a finding and has an owner and a date",
        missing: action_gaps,
    };
    let late = review
        .time_taken(today)
        .is_some_and(|t| t.pace != Pace::OnTrack);
    let time = QualityTask {
        task: "The time taken is explained if it is over the aim",
        missing: if late && review.delays.is_empty() {
            vec![(
                format!(
                    "The review is past its {}-month aim and the delay log gives no reason",
                    review.timescales.completion_target_months
                ),
                FixAt::DelayLog,
            )]
        } else {
            Vec::new()
        },
    };
    vec![findings, answers, actions, time]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::RecordId;
    use crate::review::lifecycle::Milestone;
    use crate::testing::{generate_review, ReviewSize};
    use chrono::{TimeZone, Utc};

    #[test]
    fn each_task_names_what_is_missing_and_where_to_fix_it() {
        let (mut review, mut content) = generate_review(
            5,
            ReviewSize::SMALL,
            Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap(),
        );
        let mut report = Report::default();
        let today = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        review
            .record_date(Milestone::DecisionMade, NaiveDate::from_ymd_opt(2026, 6, 1))
            .unwrap();
        review.record_date(Milestone::SignedOff, None).unwrap();
        content.findings[0].episodes.clear();
        content.findings[0].map_nodes.clear();
        content.findings[0].reflections.clear();
        content.actions[0].owner_role.clear();
        content.actions[0].due = None;
        let tasks = check(&review, &content, &report, today);
        assert_eq!(tasks.len(), 4);
        assert!(!tasks[0].done());
        assert_eq!(
            tasks[0].missing[0].1,
            FixAt::Finding(content.findings[0].id)
        );
        assert_eq!(tasks[1].missing[0].1, FixAt::SetUp);
        assert!(
            tasks[2]
                .missing
                .iter()
                .any(|(text, at)| text.ends_with("needs an owner and a date")
                    && *at == FixAt::Action(content.actions[0].id)),
            "{:?}",
            tasks[2].missing
        );
        assert_eq!(tasks[3].missing[0].1, FixAt::DelayLog);

        review
            .setup
            .add_question(RecordId::fixed(7), "Was the child seen?")
            .unwrap();
        assert_eq!(
            check(&review, &content, &report, today)[1].missing[0].1,
            FixAt::Answer(RecordId::fixed(7))
        );
        report
            .answers
            .insert(RecordId::fixed(7), "Rarely alone.".into());
        review
            .log_delay(RecordId::fixed(8), Some(today), "Trial")
            .unwrap();
        let tasks = check(&review, &content, &report, today);
        assert!(tasks[1].done() && tasks[3].done());
    }
}
