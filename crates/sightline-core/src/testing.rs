//! Realistic generated reviews for tests and benchmarks, the same for the same seed.
//!
//! The default large review has 5,000 chronology events over three and a half years, 60 people
//! across eight agencies, 25 key practice episodes, 300 reflection answers and a systems map of
//! 1,000 nodes and 2,000 links. Every name in it is a role or a code: no generated text looks
//! like a real person.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::content::chronology::{ChronologyEvent, EventDate, Seen};
use crate::content::episodes::{Episode, PracticeKind};
use crate::content::people::{Agency, Participation, Person, PersonKind};
use crate::content::reflections::{
    built_in, find_template, Participant, Reflection, ReflectionEvent, Response,
};
use crate::content::ReviewContent;
use crate::content::{Action, ActionStatus, Finding, FindingKind};
use crate::ids::{IdSource, SeededIds};
use crate::review::new_review::NewReview;
use crate::review::{Review, ReviewType};

/// How big a generated review is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewSize {
    pub events: usize,
    pub people: usize,
    pub episodes: usize,
    /// Reflection answers.
    pub responses: usize,
    /// Systems map nodes and links.
    pub map_nodes: usize,
    pub map_links: usize,
    pub findings: usize,
    pub actions: usize,
}

impl ReviewSize {
    /// The large review the issues ask for: 5,000 events, 60 people, 300 reflection answers,
    /// and a systems map of 1,000 nodes and 2,000 links.
    pub const LARGE: ReviewSize = ReviewSize {
        events: 5_000,
        people: 60,
        episodes: 25,
        responses: 300,
        map_nodes: 1_000,
        map_links: 2_000,
        findings: 40,
        actions: 60,
    };

    /// A small review for quick tests.
    pub const SMALL: ReviewSize = ReviewSize {
        events: 40,
        people: 12,
        episodes: 3,
        responses: 20,
        map_nodes: 12,
        map_links: 16,
        findings: 4,
        actions: 5,
    };
}

const AGENCIES: [&str; 8] = [
    "Health",
    "Police Scotland",
    "Social Work",
    "Education",
    "Housing",
    "GP practice",
    "Third sector",
    "Adult mental health",
];

/// Roles by agency (index into AGENCIES).
const ROLES: [(&str, usize); 14] = [
    ("Health Visitor", 0),
    ("Midwife", 0),
    ("School Nurse", 0),
    ("Police Constable", 1),
    ("Detective Sergeant", 1),
    ("Social Worker", 2),
    ("Team Manager", 2),
    ("Family Support Worker", 2),
    ("Teacher", 3),
    ("Head Teacher", 3),
    ("Housing Officer", 4),
    ("GP", 5),
    ("Support Worker", 6),
    ("Community Psychiatric Nurse", 7),
];

const FAMILY: [&str; 6] = [
    "Mother",
    "Father",
    "Stepfather",
    "Grandmother",
    "Older sibling",
    "Aunt",
];

const PHASES: [&str; 4] = [
    "Pregnancy and birth",
    "Early years",
    "Nursery",
    "Primary school",
];

const OPENINGS: [&str; 12] = [
    "Home visit arranged",
    "Telephone call to the family",
    "Referral received",
    "Multi-agency meeting held",
    "Appointment not attended",
    "Concern raised by a neighbour",
    "Letter sent to the family",
    "Child's plan reviewed",
    "Information shared with partner agencies",
    "Supervision discussion",
    "Unannounced visit",
    "Case note entered",
];

const DETAILS: [&str; 14] = [
    "nobody answered the door and a card was left",
    "the mother said things were settled at home",
    "the child was described as quiet and tired",
    "the house was cold and there was little food in the cupboards",
    "the worker was covering for a colleague on leave",
    "the family asked for help with rent arrears",
    "the grandmother said she was worried about the new partner",
    "the school reported poor attendance over the previous month",
    "no interpreter was available so the visit was shortened",
    "the worker recorded that the child's bedroom was not seen",
    "the record was not shared because consent was unclear",
    "a follow-up was planned for the next fortnight",
    "the caseload that week was higher than usual",
    "the manager agreed to review the plan at the next meeting",
];

const ANSWERS: [&str; 10] = [
    "At the time it felt like the family were engaging, and the plan seemed to be working.",
    "I had twenty-eight families on my caseload that month and the visits were hard to fit in.",
    "We did not know about the police call-outs until much later; nobody had shared them.",
    "Supervision was mostly about deadlines rather than about how the child was doing.",
    "What worked well was the relationship the nursery had built with the mother.",
    "It was upsetting to hear what happened, and the support from the team helped.",
    "I would put it at four then; a shared chronology would have moved it up a point.",
    "The referral form did not have a place to record what the child had said.",
    "Looking back, the missed appointments were a pattern, but each one looked explainable.",
    "One thing that would help is a single place where every agency can see the plan.",
];

fn pick<'a>(ids: &mut SeededIds, items: &'a [&'a str]) -> &'a str {
    items[(ids.next_u64() % items.len() as u64) as usize]
}

/// Generates a review of `size` from `seed`, created at `now`.
pub fn generate_review(seed: u64, size: ReviewSize, now: DateTime<Utc>) -> (Review, ReviewContent) {
    let mut ids = SeededIds::new(seed);
    let review = Review::new(
        ids.review_id(),
        NewReview {
            title: format!("Generated review {seed} (Child K)"),
            review_type: ReviewType::ChildProtection,
            notification_received: NaiveDate::from_ymd_opt(2025, 7, 14).expect("a real date"),
            committee: "Example Child Protection Committee".into(),
        },
        now,
    );
    let mut content = ReviewContent::default();

    for name in AGENCIES {
        content.agencies.push(Agency {
            id: ids.record_id(),
            name: name.into(),
            updated_at: now,
        });
    }

    // People: the subject, family, then professionals numbered by role.
    let mut subject = Person::blank(ids.record_id(), now);
    subject.kind = PersonKind::Subject;
    subject.label = "Child K".into();
    subject.age_band = "5 to 9".into();
    content.people.push(subject);
    for relation in FAMILY
        .iter()
        .take(size.people.saturating_sub(1).min(FAMILY.len()))
    {
        let mut person = Person::blank(ids.record_id(), now);
        person.kind = PersonKind::Family;
        person.label = (*relation).into();
        person.role = (*relation).into();
        content.people.push(person);
    }
    let mut numbers = [0u32; ROLES.len()];
    while content.people.len() < size.people {
        let index = (ids.next_u64() % ROLES.len() as u64) as usize;
        let (role, agency) = ROLES[index];
        numbers[index] += 1;
        let mut person = Person::blank(ids.record_id(), now);
        person.kind = PersonKind::Professional;
        person.role = role.into();
        person.label = format!("{role} {}", numbers[index]);
        person.agency = Some(content.agencies[agency].id);
        if ids.next_u64().is_multiple_of(3) {
            person
                .took_part_in
                .insert(Participation::PractitionersEvent);
            person.support_offered =
                "Offered a debrief with their line manager and the staff counselling service."
                    .into();
        }
        content.people.push(person);
    }
    let professionals: Vec<usize> = (0..content.people.len())
        .filter(|&i| content.people[i].kind == PersonKind::Professional)
        .collect();

    // Events: spread over three and a half years; mostly exact dates, some months, a few
    // undated and placed by phase.
    let start = NaiveDate::from_ymd_opt(2022, 1, 1).expect("a real date");
    let span_days = 1_276_i64;
    for n in 0..size.events {
        let day = start + Duration::days((n as i64 * span_days) / size.events.max(1) as i64);
        let roll = ids.next_u64() % 100;
        let date = match roll {
            0..=84 => EventDate::Exact(day),
            85..=95 => EventDate::Month {
                year: chrono::Datelike::year(&day),
                month: chrono::Datelike::month(&day),
            },
            _ => EventDate::Undated,
        };
        let phase = PHASES[((n * PHASES.len()) / size.events.max(1)).min(PHASES.len() - 1)];
        let person_index = if professionals.is_empty() {
            None
        } else {
            Some(professionals[(ids.next_u64() % professionals.len() as u64) as usize])
        };
        let (person, agency) = match person_index {
            Some(i) => (Some(content.people[i].id), content.people[i].agency),
            None => (None, None),
        };
        let mut what = format!(
            "{}: {}.",
            pick(&mut ids, &OPENINGS),
            pick(&mut ids, &DETAILS)
        );
        if ids.next_u64().is_multiple_of(3) {
            what.push(' ');
            let more = pick(&mut ids, &DETAILS);
            what.push_str(&more[..1].to_uppercase());
            what.push_str(&more[1..]);
            what.push('.');
        }
        let seen = [Seen::Yes, Seen::No, Seen::Unknown][(ids.next_u64() % 3) as usize];
        let views = [Seen::Yes, Seen::No, Seen::Unknown][(ids.next_u64() % 3) as usize];
        content.events.push(ChronologyEvent {
            id: ids.record_id(),
            date,
            agency,
            person,
            what_happened: what,
            seen,
            views_sought: views,
            source: format!("{} records", content.agency_name(agency)),
            phase: phase.into(),
            updated_at: now,
        });
    }

    // Key practice episodes, each a run of nearby events.
    for n in 0..size.episodes {
        if content.events.is_empty() {
            break;
        }
        let first = (ids.next_u64() % content.events.len() as u64) as usize;
        let length = 3 + (ids.next_u64() % 10) as usize;
        let events = content.events[first..(first + length).min(content.events.len())]
            .iter()
            .map(|e| e.id)
            .collect();
        let practice = PracticeKind::ALL[(ids.next_u64() % 3) as usize];
        content.episodes.push(Episode {
            id: ids.record_id(),
            title: format!(
                "Episode {}: {}",
                n + 1,
                pick(&mut ids, &OPENINGS).to_lowercase()
            ),
            events,
            span_note: String::new(),
            what_happened: format!("{}.", pick(&mut ids, &DETAILS)),
            how_it_looked: pick(&mut ids, &ANSWERS).into(),
            practice,
            updated_at: now,
        });
    }

    // Reflections until there are enough answers: practitioners' events with many
    // participants, then a managers' event, then conversations.
    let plan = [
        (
            ReflectionEvent::PractitionersEvent,
            built_in::PRACTITIONERS,
            10,
        ),
        (ReflectionEvent::PractitionersEvent, built_in::GIBBS, 8),
        (ReflectionEvent::ManagersEvent, built_in::MANAGERS, 6),
        (ReflectionEvent::Conversation, built_in::DRISCOLL, 1),
    ];
    let mut round = 0;
    while content.responses.len() < size.responses && !professionals.is_empty() {
        let (event, template_id, count) = plan[round % plan.len()];
        round += 1;
        let template = find_template(&content, template_id).expect("a built-in template");
        // Each professional takes part once: a role appears once in a reflection.
        let participants: Vec<Participant> = (0..count.min(professionals.len()))
            .map(|k| {
                let person = &content.people[professionals[(round * 7 + k) % professionals.len()]];
                Participant {
                    id: ids.record_id(),
                    role: person.label.clone(),
                    person: Some(person.id),
                }
            })
            .collect();
        let reflection = Reflection {
            id: ids.record_id(),
            event,
            template: template_id,
            title: format!("{} {round}", event.label()),
            held_on: Some(start + Duration::days(1_300 + round as i64 * 7)),
            participants,
            updated_at: now,
        };
        'answers: for prompt in &template.prompts {
            for participant in &reflection.participants {
                if content.responses.len() >= size.responses {
                    break 'answers;
                }
                let mut text = String::new();
                for _ in 0..(1 + ids.next_u64() % 4) {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(pick(&mut ids, &ANSWERS));
                }
                let episode = content
                    .episodes
                    .get((ids.next_u64() % 40) as usize)
                    .map(|e| e.id);
                content.responses.push(Response {
                    id: ids.record_id(),
                    reflection: reflection.id,
                    prompt: prompt.id,
                    participant: participant.id,
                    text,
                    consent_to_quote: ids.next_u64().is_multiple_of(2),
                    episodes: episode.into_iter().collect(),
                    events: Vec::new(),
                    updated_at: now,
                });
            }
        }
        content.reflections.push(reflection);
    }
    generate_map(&mut content, &mut ids, size, now);
    generate_learning(&mut content, &mut ids, size, now);
    let briefing_id = ids.record_id();
    content
        .briefings
        .push(crate::content::briefing::draft_briefing(
            &review,
            &content,
            briefing_id,
            now,
        ));
    (review, content)
}

const FINDINGS: [(&str, FindingKind); 6] = [
    ("Worries held by one agency were not shared with the others, so no one saw the whole picture.", FindingKind::AreaForImprovement),
    ("Plans were reviewed by the same people who made them, which left little room for challenge.", FindingKind::AreaForImprovement),
    ("The nursery keyworker noticed small changes and recorded them carefully.", FindingKind::EffectivePractice),
    ("High caseloads meant home visits were kept short and focused on tasks.", FindingKind::AreaForImprovement),
    ("The family were seldom asked what help they wanted.", FindingKind::AreaForImprovement),
    ("Supervision gave the health visitor time to think about the child's daily life.", FindingKind::EffectivePractice),
];

const ACTIONS: [&str; 5] = [
    "Agree a shared chronology template across agencies",
    "Add reflective supervision to the multi-agency training programme",
    "Audit core group minutes for the child's voice",
    "Review caseload weighting in the children and families teams",
    "Publish guidance on professional challenge and escalation",
];

/// Adds findings citing episodes and map nodes, and actions answering them.
fn generate_learning(
    content: &mut ReviewContent,
    ids: &mut SeededIds,
    size: ReviewSize,
    now: DateTime<Utc>,
) {
    for n in 0..size.findings {
        let (statement, kind) = FINDINGS[n % FINDINGS.len()];
        let mut finding = Finding::new(ids.record_id(), now);
        finding.statement = if n < FINDINGS.len() {
            statement.to_owned()
        } else {
            format!("{statement} ({})", n + 1)
        };
        finding.kind = kind;
        finding.pattern = Some("scie.pattern.multi_agency_longer_term".to_owned());
        if let Some(episode) = content.episodes.get(n % content.episodes.len().max(1)) {
            finding.episodes.push(episode.id);
        }
        if let Some(node) = content.map_nodes.get(n % content.map_nodes.len().max(1)) {
            finding.map_nodes.push(node.id);
        }
        content.findings.push(finding);
    }
    for n in 0..size.actions {
        let mut action = Action::new(ids.record_id(), now);
        action.text = ACTIONS[n % ACTIONS.len()].to_owned();
        action.finding = content
            .findings
            .get(n % content.findings.len().max(1))
            .map(|f| f.id);
        action.owner_role = "Lead Officer".to_owned();
        action.owner_agency = content
            .agencies
            .get(n % content.agencies.len().max(1))
            .map(|a| a.id);
        action.due = NaiveDate::from_ymd_opt(2026, 1 + (n % 12) as u32, 28);
        action.status = match ids.next_u64() % 4 {
            0 => ActionStatus::InProgress,
            1 => ActionStatus::Done,
            _ => ActionStatus::NotStarted,
        };
        action.impact_measure = "Audit of a sample of cases a year on".to_owned();
        content.actions.push(action);
    }
}

/// What generated map nodes say, by level (top to bottom).
const MAP_LABELS: [&[&str]; 6] = [
    &[
        "National guidance silent on shared chronologies",
        "Inspection focus on timescales",
        "Funding cut to early help",
    ],
    &[
        "No multi-agency audit of neglect cases",
        "Information-sharing protocol out of date",
        "Learning from earlier reviews not followed up",
    ],
    &[
        "Vacancies in the health visiting team",
        "Case recording system does not flag missed visits",
        "Referral form has no place for the child's words",
    ],
    &[
        "Supervision focused on deadlines",
        "High caseloads in the team",
        "Weekly case discussion kept going",
    ],
    &[
        "Visit missed and not rearranged",
        "Worker covering a colleague on leave",
        "Nursery built a trusting relationship with the mother",
    ],
    &[
        "Family moved house twice in a year",
        "Grandmother raised concerns",
        "Rent arrears and cold house",
    ],
];

/// Adds a systems map of `size.map_nodes` nodes and `size.map_links` links, placed in rows in
/// their bands, with evidence from the episodes and events.
fn generate_map(
    content: &mut ReviewContent,
    ids: &mut SeededIds,
    size: ReviewSize,
    now: DateTime<Utc>,
) {
    use crate::map::{
        geometry, CategoryScheme, EvidenceKind, EvidenceRef, Level, LinkKind, MapLink, MapNode,
        NodeKind, Polarity, Strength,
    };
    let mut per_level = [0i32; 6];
    for n in 0..size.map_nodes {
        // More nodes near the front line than at national level.
        let level_index = match ids.next_u64() % 10 {
            0 => 0,
            1 => 1,
            2 | 3 => 2,
            4 | 5 => 3,
            6..=8 => 4,
            _ => 5,
        };
        let level = Level::ALL[level_index];
        let kind = match (level, ids.next_u64() % 6) {
            (Level::Frontline, 0) => NodeKind::Outcome,
            (Level::Frontline, 1) => NodeKind::Episode,
            (_, 2) => NodeKind::UnderlyingPattern,
            (_, 3) => NodeKind::Protective,
            (Level::Committee | Level::AgencyManagement, 4) => NodeKind::Action,
            _ => NodeKind::ContributoryFactor,
        };
        let polarity = match ids.next_u64() % 5 {
            0 => Polarity::Both,
            _ => kind.usual_polarity(),
        };
        let categories = CategoryScheme::Scie.categories();
        let category = categories[(ids.next_u64() % categories.len() as u64) as usize].key;
        let slot = per_level[level_index];
        per_level[level_index] += 1;
        let (x, y) = geometry::place(
            level,
            geometry::NODE_GAP + slot * (geometry::NODE_WIDTH + geometry::NODE_GAP),
            geometry::band_top(level) + 60,
        );
        let mut evidence = Vec::new();
        if !content.episodes.is_empty() && ids.next_u64().is_multiple_of(3) {
            let episode =
                &content.episodes[(ids.next_u64() % content.episodes.len() as u64) as usize];
            evidence.push(EvidenceRef {
                kind: EvidenceKind::Episode,
                id: episode.id,
            });
        }
        if !content.events.is_empty() && ids.next_u64().is_multiple_of(4) {
            let event = &content.events[(ids.next_u64() % content.events.len() as u64) as usize];
            evidence.push(EvidenceRef {
                kind: EvidenceKind::Event,
                id: event.id,
            });
        }
        let base = pick(ids, MAP_LABELS[level_index]);
        content.map_nodes.push(MapNode {
            id: ids.record_id(),
            kind,
            label: if n < 18 {
                base.to_owned()
            } else {
                format!("{base} ({})", n + 1)
            },
            level,
            category: Some(category.to_owned()),
            polarity,
            note: String::new(),
            evidence,
            x,
            y,
            updated_at: now,
        });
    }
    let count = content.map_nodes.len();
    if count < 2 {
        return;
    }
    let mut joined = std::collections::HashSet::new();
    let mut attempts = 0;
    while content.map_links.len() < size.map_links && attempts < size.map_links * 10 {
        attempts += 1;
        let a = (ids.next_u64() % count as u64) as usize;
        // Mostly to a node at the next level down, near it across the map.
        let b = (a + 1 + (ids.next_u64() % 7) as usize) % count;
        let (from, to) = if content.map_nodes[a].level <= content.map_nodes[b].level {
            (a, b)
        } else {
            (b, a)
        };
        let (from, to) = (content.map_nodes[from].id, content.map_nodes[to].id);
        if from == to || !joined.insert((from, to)) {
            continue;
        }
        let kind = match ids.next_u64() % 8 {
            0 => LinkKind::Mitigates,
            1 => LinkKind::MadeSenseBecause,
            2 => LinkKind::AddressedBy,
            _ => LinkKind::ContributesTo,
        };
        let strength = match ids.next_u64() % 4 {
            0 => Some(Strength::Strong),
            1 => Some(Strength::Weak),
            _ => None,
        };
        content.map_links.push(MapLink {
            id: ids.record_id(),
            from,
            to,
            kind,
            strength,
            note: String::new(),
            updated_at: now,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::episodes::episodes_of;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
    }

    #[test]
    fn the_large_review_has_the_sizes_the_benchmarks_need() {
        let (review, content) = generate_review(1, ReviewSize::LARGE, now());
        assert!(review.title.contains("Child K"));
        assert_eq!(content.events.len(), 5_000);
        assert_eq!(content.people.len(), 60);
        assert_eq!(content.responses.len(), 300);
        assert_eq!(content.episodes.len(), 25);
        assert_eq!(content.agencies.len(), 8);
        assert_eq!(content.map_nodes.len(), 1_000);
        assert_eq!(content.map_links.len(), 2_000);
        for node in &content.map_nodes {
            assert_eq!(crate::map::geometry::level_at(node.y as f64), node.level);
            for evidence in &node.evidence {
                assert!(evidence.exists(&content));
            }
        }
    }

    #[test]
    fn generation_repeats_for_a_seed_and_differs_between_seeds() {
        let a = generate_review(5, ReviewSize::SMALL, now());
        let b = generate_review(5, ReviewSize::SMALL, now());
        let c = generate_review(6, ReviewSize::SMALL, now());
        assert_eq!(a, b);
        assert_ne!(a.1, c.1);
    }

    #[test]
    fn generated_links_point_at_records_that_exist() {
        let (_, content) = generate_review(9, ReviewSize::LARGE, now());
        for event in &content.events {
            if let Some(agency) = event.agency {
                assert!(content.get::<Agency>(agency).is_some());
            }
            if let Some(person) = event.person {
                assert!(content.get::<Person>(person).is_some());
            }
        }
        for episode in &content.episodes {
            assert!(!episode.events.is_empty());
            assert!(!episodes_of(&content, episode.events[0]).is_empty());
        }
        for response in &content.responses {
            let reflection = content.get::<Reflection>(response.reflection).unwrap();
            assert!(reflection
                .participants
                .iter()
                .any(|p| p.id == response.participant));
            let template = find_template(&content, reflection.template).unwrap();
            assert!(template.prompts.iter().any(|p| p.id == response.prompt));
        }
    }
}
