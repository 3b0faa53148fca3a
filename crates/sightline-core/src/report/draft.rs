//! Drafting each section of the report from what the review holds: the notification and
//! decision, the set-up, the lifecycle and delay log, the register, chronology, episodes,
//! reflections, the systems map, findings and the action plan. Every draft is plain text in the
//! report's markup (paragraphs, "- " list items, "### " subheadings) for the reviewer to edit.
//!
//! Drafts never give an exact date of an event (month and year at most) or anyone's name: the
//! register holds roles and pseudonyms only, and the report follows it.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::{CoreItem, Report, SectionKey};
use crate::content::chronology::ChronologyEvent;
use crate::content::event_date::EventDate;
use crate::content::reflections::ReflectionEvent;
use crate::content::systems_map::Level;
use crate::content::{FindingKind, PersonKind, ReviewContent};
use crate::dates::format_uk_date;
use crate::review::lifecycle::Milestone;
use crate::review::setup::{ReviewModel, TeamPart};
use crate::review::Review;

/// A date as the report gives it: month and year, never the day.
fn month_year(date: NaiveDate) -> String {
    EventDate::Month {
        year: date.year(),
        month: date.month(),
    }
    .display()
}

/// An event's date as the report gives it.
pub(super) fn event_when(event: &ChronologyEvent) -> String {
    match event.date {
        EventDate::Exact(date) => month_year(date),
        other => other.display(),
    }
}

pub(super) fn agency_name(
    content: &ReviewContent,
    id: Option<crate::ids::RecordId>,
) -> Option<String> {
    id.and_then(|id| content.agencies.iter().find(|a| a.id == id))
        .map(|a| a.name.clone())
}

/// "Health, Education and Police Scotland".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Every section drafted from the review, in the report's order.
pub fn draft_all(
    review: &Review,
    content: &ReviewContent,
    report: &Report,
    today: NaiveDate,
) -> Vec<(SectionKey, String)> {
    SectionKey::ALL
        .into_iter()
        .map(|key| (key, draft_section(key, review, content, report, today)))
        .collect()
}

/// One section drafted from the review.
pub fn draft_section(
    key: SectionKey,
    review: &Review,
    content: &ReviewContent,
    report: &Report,
    today: NaiveDate,
) -> String {
    match key {
        SectionKey::CoreData => core_data(report),
        SectionKey::Introduction => introduction(review, content, today),
        SectionKey::ReviewProcess => review_process(review, content),
        SectionKey::Facts => facts(review, content),
        SectionKey::Analysis => analysis(content),
        SectionKey::Findings => findings(review, content, report),
        SectionKey::Strategies => strategies(review, content),
        SectionKey::Appendices => appendices(report),
    }
}

fn core_data(report: &Report) -> String {
    let included: Vec<String> = CoreItem::ALL
        .into_iter()
        .filter_map(|item| {
            report
                .core_data
                .get(&item)
                .filter(|e| e.include && !e.value.trim().is_empty())
                .map(|e| format!("- {}: {}", item.label(), e.value.trim()))
        })
        .collect();
    if included.is_empty() {
        "Only the characteristics the learning needs are given. None has been included yet.".into()
    } else {
        included.join("\n")
    }
}

fn agencies_involved(content: &ReviewContent) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for event in &content.events {
        if let Some(name) = agency_name(content, event.agency) {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut names: Vec<String> = content.agencies.iter().map(|a| a.name.clone()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(counts.get(n).copied().unwrap_or(0)));
    names
}

fn introduction(review: &Review, content: &ReviewContent, today: NaiveDate) -> String {
    let mut parts = Vec::new();
    let outline = review.notification.case_outline.trim();
    parts.push(if outline.is_empty() {
        "[A brief synopsis of the case.]".to_owned()
    } else {
        outline.to_owned()
    });
    let kind = review.review_type.label().to_lowercase();
    let decided = review
        .dates
        .get(Milestone::DecisionMade)
        .map(|d| format!(" on {}", format_uk_date(d)))
        .unwrap_or_default();
    parts.push(format!(
        "This is a Learning Review under the national guidance for {kind} reviews. The {} decided to hold it{decided}.",
        if review.committee.trim().is_empty() { "committee" } else { review.committee.trim() }
    ));
    let scope = review.setup.scope.trim();
    if !scope.is_empty() {
        parts.push(format!("Its purpose and focus: {scope}"));
    }
    if let (Some(from), Some(to)) = (review.setup.period_from, review.setup.period_to) {
        parts.push(format!(
            "The period under review is {} to {}.",
            month_year(from),
            month_year(to)
        ));
    }
    let agencies = agencies_involved(content);
    if !agencies.is_empty() {
        parts.push(format!(
            "The agencies involved were {}.",
            and_list(&agencies)
        ));
    }
    let liaison = &review.setup.family_liaison;
    if !liaison.liaison_by.trim().is_empty() || !liaison.contacts.is_empty() {
        parts.push(format!(
            "The family were involved through the Family Liaison Strategy{}{}.",
            if liaison.liaison_by.trim().is_empty() {
                String::new()
            } else {
                format!(", led by the {}", liaison.liaison_by.trim().to_lowercase())
            },
            match liaison.contacts.len() {
                0 => String::new(),
                n => format!(" ({})", plural(n, "contact", "contacts")),
            }
        ));
    }
    let mut time = String::from("### Time taken\n");
    match review.time_taken(today) {
        Some(taken) => time.push_str(&taken.sentence(
            review.timescales.completion_target_months,
            review.timescales.completion_months,
        )),
        None => time.push_str("The time taken is counted from the decision."),
    }
    let delays = review.delays_in_order();
    if !delays.is_empty() {
        time.push_str("\n\nThe review was delayed by:");
        for (_, delay) in delays {
            time.push_str(&format!("\n- {} ({})", delay.reason, month_year(delay.on)));
        }
    }
    parts.push(time);
    parts.join("\n\n")
}

fn review_process(review: &Review, content: &ReviewContent) -> String {
    let mut parts = Vec::new();
    let model = match review.setup.model {
        ReviewModel::NotChosen => "[The review model.]".to_owned(),
        _ => review.setup.model_text(),
    };
    parts.push(format!("The review used {model}."));
    let team = review.setup.team_in_order();
    if !team.is_empty() {
        let mut lines = vec!["### The Review Team".to_owned()];
        for (_, member) in team {
            let part = match member.part {
                TeamPart::Member => String::new(),
                other => format!(" ({})", other.label().to_lowercase()),
            };
            lines.push(format!("- {}, {}{part}", member.role, member.agency));
        }
        parts.push(lines.join("\n"));
    }
    let mut by_agency: BTreeMap<String, usize> = BTreeMap::new();
    for event in &content.events {
        let name =
            agency_name(content, event.agency).unwrap_or_else(|| "No agency recorded".into());
        *by_agency.entry(name).or_default() += 1;
    }
    if !content.events.is_empty() {
        let mut lines = vec![format!(
            "### Chronologies\nThe merged chronology holds {}:",
            plural(content.events.len(), "event", "events")
        )];
        let mut counts: Vec<(String, usize)> = by_agency.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (agency, n) in counts {
            lines.push(format!("- {agency}: {n}"));
        }
        parts.push(lines.join("\n"));
    }
    let mut events = Vec::new();
    for kind in [
        ReflectionEvent::Conversation,
        ReflectionEvent::PractitionersEvent,
        ReflectionEvent::ManagersEvent,
    ] {
        let held: Vec<_> = content
            .reflections
            .iter()
            .filter(|r| r.event == kind)
            .collect();
        if held.is_empty() {
            continue;
        }
        let people: usize = held.iter().map(|r| r.participants.len()).sum();
        let mut roles: BTreeMap<String, usize> = BTreeMap::new();
        for participant in held.iter().flat_map(|r| &r.participants) {
            *roles.entry(participant.role.trim().to_owned()).or_default() += 1;
        }
        let groups: Vec<String> = roles
            .into_iter()
            .filter(|(role, _)| !role.is_empty())
            .map(|(role, n)| format!("{role} ({n})"))
            .collect();
        events.push(format!(
            "- {}: {}, {} taking part{}",
            kind.label(),
            plural(held.len(), "held", "held"),
            people,
            if groups.is_empty() {
                String::new()
            } else {
                format!(": {}", groups.join(", "))
            }
        ));
    }
    if !events.is_empty() {
        parts.push(format!(
            "### Conversations and events\n{}",
            events.join("\n")
        ));
    }
    let subject = content
        .people
        .iter()
        .find(|p| p.kind == PersonKind::Subject);
    parts.push(format!(
        "### How {} and the family were involved\n{}",
        subject.map_or("the child or adult".to_owned(), |s| s.label.clone()),
        if review.setup.family_liaison.agreed.trim().is_empty() {
            "[How the child or adult and their family took part.]".to_owned()
        } else {
            review.setup.family_liaison.agreed.trim().to_owned()
        }
    ));
    parts.join("\n\n")
}

fn facts(review: &Review, content: &ReviewContent) -> String {
    let mut parts =
        vec!["### Background".to_owned() + "\n" + "[The background the learning needs.]"];
    let agencies = agencies_involved(content);
    if !agencies.is_empty() {
        parts.push(format!(
            "### Agency involvement\n{} were involved with the family during the period under review.",
            and_list(&agencies)
        ));
    }
    // A succinct chronology: only the events the key practice episodes rest on.
    let mut chosen: Vec<&ChronologyEvent> = content
        .events
        .iter()
        .filter(|e| content.episodes.iter().any(|ep| ep.events.contains(&e.id)))
        .collect();
    chosen.sort_by_key(|e| e.date.earliest());
    if !chosen.is_empty() {
        let mut lines = vec!["### Key events".to_owned()];
        for event in chosen {
            let agency = agency_name(content, event.agency)
                .map(|a| format!(" ({a})"))
                .unwrap_or_default();
            lines.push(format!(
                "- {}{agency}: {}",
                event_when(event),
                event.what_happened.trim()
            ));
        }
        parts.push(lines.join("\n"));
    }
    let _ = review;
    parts.join("\n\n")
}

fn analysis(content: &ReviewContent) -> String {
    let mut parts = Vec::new();
    if !content.episodes.is_empty() {
        let mut lines = vec!["### Key practice episodes".to_owned()];
        for (n, episode) in content.episodes.iter().enumerate() {
            lines.push(format!("#### Episode {}: {}", n + 1, episode.title.trim()));
            if !episode.what_happened.trim().is_empty() {
                lines.push(episode.what_happened.trim().to_owned());
            }
            if !episode.how_it_looked.trim().is_empty() {
                lines.push(format!(
                    "How it looked at the time: {}",
                    episode.how_it_looked.trim()
                ));
            }
        }
        parts.push(lines.join("\n\n"));
    }
    let mut levels = Vec::new();
    for level in Level::ALL {
        let nodes: Vec<_> = content
            .map_nodes
            .iter()
            .filter(|n| n.level == level)
            .collect();
        if nodes.is_empty() {
            continue;
        }
        let mut lines = vec![format!("#### {}", level.label())];
        for node in nodes {
            let evidence = node.evidence.len();
            lines.push(format!(
                "- {} ({}{})",
                node.label.trim(),
                node.polarity.label().to_lowercase(),
                if evidence == 0 {
                    String::new()
                } else {
                    format!(
                        "; {}",
                        plural(evidence, "piece of evidence", "pieces of evidence")
                    )
                }
            ));
        }
        levels.push(lines.join("\n"));
    }
    if !levels.is_empty() {
        parts.push(format!("### Systems factors\n\n{}", levels.join("\n\n")));
    }
    if parts.is_empty() {
        "[The key practice episodes and the systems factors.]".into()
    } else {
        parts.join("\n\n")
    }
}

fn findings(review: &Review, content: &ReviewContent, report: &Report) -> String {
    let mut parts = Vec::new();
    for (kind, heading) in [
        (FindingKind::EffectivePractice, "### Effective practice"),
        (FindingKind::AreaForImprovement, "### Areas for improvement"),
    ] {
        let items: Vec<String> = content
            .findings
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| {
                let evidence = f.episodes.len() + f.map_nodes.len() + f.reflections.len();
                format!(
                    "- {} ({})",
                    f.statement.trim(),
                    if evidence == 0 {
                        "no evidence linked yet".to_owned()
                    } else {
                        plural(evidence, "piece of evidence", "pieces of evidence")
                    }
                )
            })
            .collect();
        if !items.is_empty() {
            parts.push(format!("{heading}\n{}", items.join("\n")));
        }
    }
    let questions = review.setup.questions_in_order();
    if !questions.is_empty() {
        let mut lines = vec!["### The review questions".to_owned()];
        for (id, question) in questions {
            lines.push(format!(
                "#### {}. {}",
                question.number,
                question.text.trim()
            ));
            lines.push(
                report
                    .answers
                    .get(&id)
                    .map(|a| a.trim())
                    .filter(|a| !a.is_empty())
                    .unwrap_or("[The answer to this question.]")
                    .to_owned(),
            );
        }
        parts.push(lines.join("\n\n"));
    }
    if parts.is_empty() {
        "[The review's findings.]".into()
    } else {
        parts.join("\n\n")
    }
}

fn strategies(review: &Review, content: &ReviewContent) -> String {
    let actions = crate::content::actions::plan_order(content);
    let intro = match review.setup.model {
        ReviewModel::LearningTogether => "Learning Together states findings for the committee to consider rather than recommendations. The committee\u{2019}s action plan responds to them:",
        _ => "The review suggests these strategies for improvement, each answering a finding:",
    };
    if actions.is_empty() {
        return format!(
            "{intro}\n\n[The actions, each with its owner, date and how impact will be measured.]"
        );
    }
    let mut lines = vec![intro.to_owned()];
    for action in actions {
        let owner = action.owner(content);
        let due = action
            .due
            .map(month_year)
            .unwrap_or_else(|| "no date yet".into());
        let measure = if action.impact_measure.trim().is_empty() {
            String::new()
        } else {
            format!(" Impact measured by: {}", action.impact_measure.trim())
        };
        lines.push(format!(
            "- {} (owner: {}; by {due}).{measure}",
            action.text.trim(),
            if owner.trim().is_empty() {
                "not yet named"
            } else {
                owner.trim()
            }
        ));
    }
    lines.join("\n")
}

fn appendices(report: &Report) -> String {
    // The same names and letters as the appendices the full report carries (`appendix`).
    let chosen = &report.appendices;
    let names = [
        (chosen.terms_of_reference, "Terms of reference"),
        (chosen.chronology, "The chronology"),
        (chosen.map, "The systems map"),
    ];
    let lines: Vec<String> = names
        .iter()
        .filter(|(on, _)| *on)
        .enumerate()
        .map(|(n, (_, name))| format!("- Appendix {}: {name}", char::from(b'A' + n as u8)))
        .collect();
    if lines.is_empty() {
        "No appendices.".into()
    } else {
        format!(
            "The full report has these appendices, made from the review when it is exported:\n{}",
            lines.join("\n")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{generate_review, ReviewSize};
    use chrono::{TimeZone, Utc};

    #[test]
    fn every_section_is_drafted_from_a_generated_review_without_exact_dates() {
        let (mut review, content) = generate_review(
            4,
            ReviewSize::SMALL,
            Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
        );
        review.setup.model = ReviewModel::LearningTogether;
        review
            .setup
            .add_question(crate::ids::RecordId::fixed(1), "Was the child seen?")
            .unwrap();
        let today = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let drafts = draft_all(&review, &content, &Report::default(), today);
        assert_eq!(drafts.len(), SectionKey::ALL.len());
        let text = |k: SectionKey| drafts.iter().find(|(key, _)| *key == k).unwrap().1.clone();
        assert!(text(SectionKey::ReviewProcess).contains("Learning Together"));
        assert!(
            text(SectionKey::ReviewProcess).contains(&format!("{} events", content.events.len()))
        );
        assert!(text(SectionKey::Findings).contains("Was the child seen?"));
        assert!(text(SectionKey::Findings).contains("[The answer to this question.]"));
        assert!(text(SectionKey::Strategies).starts_with("Learning Together states findings"));
        assert!(text(SectionKey::Introduction).contains("### Time taken"));
        // Key events are given by month and year only.
        let facts = text(SectionKey::Facts);
        for event in &content.events {
            if let EventDate::Exact(date) = event.date {
                assert!(!facts.contains(&format_uk_date(date)), "{facts}");
            }
        }
        assert_eq!(
            text(SectionKey::CoreData),
            "Only the characteristics the learning needs are given. None has been included yet."
        );
    }

    #[test]
    fn core_data_gives_only_what_is_included() {
        let mut report = Report::default();
        report.core_data.insert(
            CoreItem::AgeBand,
            super::super::CoreEntry {
                value: "0-4".into(),
                include: true,
            },
        );
        report.core_data.insert(
            CoreItem::Gender,
            super::super::CoreEntry {
                value: "Female".into(),
                include: false,
            },
        );
        assert_eq!(core_data(&report), "- Age band: 0-4");
    }
}
