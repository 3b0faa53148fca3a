//! Version 1 of Sightline's file format, frozen.
//!
//! These types are the file's schema, separate from the app's model so that the model can
//! change without changing what version 1 files mean. Once a version is released its types
//! never change: a new version gets a new module and a migration from the one before
//! (docs/FILE-FORMAT.md). Optional fields have defaults, so files that leave them out still
//! read.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::content::chronology::{EventDate, Seen};
use crate::content::episodes::PracticeKind;
use crate::content::people::{Participation, PersonKind};
use crate::content::reflections::ReflectionEvent;
use crate::content::{
    Agency, ChronologyEvent, Episode, Participant, Person, Prompt, Reflection, ReflectionTemplate,
    Response,
};
use crate::ids::{RecordId, ReviewId};
use crate::review::lifecycle::{Milestone, Timescales};
use crate::review::{ParallelProceedings, Review, ReviewStatus, ReviewType};

/// The format version these types describe.
pub const VERSION: u32 = 1;

/// A review's details, as version 1 writes them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewV1 {
    pub id: ReviewId,
    pub title: String,
    pub review_type: ReviewType,
    #[serde(default)]
    pub committee: String,
    #[serde(default)]
    pub status: ReviewStatus,
    #[serde(default)]
    pub archived: bool,
    /// Milestone keys (`decision_made`) to dates.
    #[serde(default)]
    pub stage_dates: BTreeMap<String, NaiveDate>,
    #[serde(default)]
    pub timescales: TimescalesV1,
    #[serde(default)]
    pub parallel_proceedings: ParallelProceedingsV1,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimescalesV1 {
    pub decision_weeks: u32,
    pub agency_returns_days: u32,
    pub completion_months: u32,
    pub completion_target_months: u32,
    pub outcome_notice_days: u32,
    pub due_soon_days: u32,
}

impl Default for TimescalesV1 {
    fn default() -> Self {
        Timescales::default().into()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParallelProceedingsV1 {
    pub criminal_proceedings: bool,
    pub fatal_accident_inquiry: bool,
    pub other: bool,
    pub other_details: String,
    pub liaison_note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgencyV1 {
    pub id: RecordId,
    pub name: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonV1 {
    pub id: RecordId,
    #[serde(default)]
    pub kind: PersonKind,
    pub label: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub agency: Option<RecordId>,
    #[serde(default)]
    pub age_band: String,
    #[serde(default)]
    pub took_part_in: Vec<Participation>,
    #[serde(default)]
    pub support_offered: String,
    #[serde(default)]
    pub notes: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventV1 {
    pub id: RecordId,
    #[serde(default)]
    pub date: EventDate,
    #[serde(default)]
    pub agency: Option<RecordId>,
    #[serde(default)]
    pub person: Option<RecordId>,
    pub what_happened: String,
    #[serde(default)]
    pub seen: Seen,
    #[serde(default)]
    pub views_sought: Seen,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub phase: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpisodeV1 {
    pub id: RecordId,
    pub title: String,
    #[serde(default)]
    pub events: Vec<RecordId>,
    #[serde(default)]
    pub span_note: String,
    #[serde(default)]
    pub what_happened: String,
    #[serde(default)]
    pub how_it_looked: String,
    #[serde(default)]
    pub practice: PracticeKind,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PromptV1 {
    pub id: RecordId,
    pub text: String,
    #[serde(default)]
    pub help: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateV1 {
    pub id: RecordId,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub prompts: Vec<PromptV1>,
    #[serde(default)]
    pub copied_from: Option<RecordId>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantV1 {
    pub id: RecordId,
    pub role: String,
    #[serde(default)]
    pub person: Option<RecordId>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReflectionV1 {
    pub id: RecordId,
    #[serde(default)]
    pub event: ReflectionEvent,
    pub template: RecordId,
    pub title: String,
    #[serde(default)]
    pub held_on: Option<NaiveDate>,
    #[serde(default)]
    pub participants: Vec<ParticipantV1>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponseV1 {
    pub id: RecordId,
    pub reflection: RecordId,
    pub prompt: RecordId,
    pub participant: RecordId,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub consent_to_quote: bool,
    #[serde(default)]
    pub episodes: Vec<RecordId>,
    #[serde(default)]
    pub events: Vec<RecordId>,
    pub updated_at: DateTime<Utc>,
}

/// A review's content, as version 1 writes it: each kind of record in a list, sorted by id.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ContentV1 {
    pub agencies: Vec<AgencyV1>,
    pub people: Vec<PersonV1>,
    pub events: Vec<EventV1>,
    pub episodes: Vec<EpisodeV1>,
    pub templates: Vec<TemplateV1>,
    pub reflections: Vec<ReflectionV1>,
    pub responses: Vec<ResponseV1>,
}

// Conversions between the frozen schema and the model.

impl From<Timescales> for TimescalesV1 {
    fn from(t: Timescales) -> Self {
        Self {
            decision_weeks: t.decision_weeks,
            agency_returns_days: t.agency_returns_days,
            completion_months: t.completion_months,
            completion_target_months: t.completion_target_months,
            outcome_notice_days: t.outcome_notice_days,
            due_soon_days: t.due_soon_days,
        }
    }
}

impl From<TimescalesV1> for Timescales {
    fn from(t: TimescalesV1) -> Self {
        Self {
            decision_weeks: t.decision_weeks,
            agency_returns_days: t.agency_returns_days,
            completion_months: t.completion_months,
            completion_target_months: t.completion_target_months,
            outcome_notice_days: t.outcome_notice_days,
            due_soon_days: t.due_soon_days,
            // Timescales version 4 added take their defaults.
            ..Timescales::default()
        }
    }
}

impl From<&Review> for ReviewV1 {
    fn from(r: &Review) -> Self {
        let p = &r.parallel_proceedings;
        Self {
            id: r.id,
            title: r.title.clone(),
            review_type: r.review_type,
            committee: r.committee.clone(),
            status: r.status,
            archived: r.archived,
            stage_dates: Milestone::ALL
                .into_iter()
                .filter_map(|m| r.dates.get(m).map(|d| (m.key().to_owned(), d)))
                .collect(),
            timescales: r.timescales.clone().into(),
            parallel_proceedings: ParallelProceedingsV1 {
                criminal_proceedings: p.criminal_proceedings,
                fatal_accident_inquiry: p.fatal_accident_inquiry,
                other: p.other,
                other_details: p.other_details.clone(),
                liaison_note: p.liaison_note.clone(),
            },
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl ReviewV1 {
    /// The review this describes, with a note for each stage date it could not place.
    pub fn into_review(self, repairs: &mut Vec<String>) -> Review {
        let mut review = Review {
            id: self.id,
            title: self.title,
            review_type: self.review_type,
            committee: self.committee,
            status: self.status,
            archived: self.archived,
            dates: Default::default(),
            timescales: self.timescales.into(),
            parallel_proceedings: ParallelProceedings {
                criminal_proceedings: self.parallel_proceedings.criminal_proceedings,
                fatal_accident_inquiry: self.parallel_proceedings.fatal_accident_inquiry,
                other: self.parallel_proceedings.other,
                other_details: self.parallel_proceedings.other_details,
                liaison_note: self.parallel_proceedings.liaison_note,
            },
            created_at: self.created_at,
            updated_at: self.updated_at,
            synced_at: None,
            map_scheme: Default::default(),
            field_changed_at: Default::default(),
            fields_tracked_since: None,
            notification: Default::default(),
            agency_returns: Default::default(),
            recommendation: Default::default(),
            decision: None,
            notices: Default::default(),
            setup: Default::default(),
            delays: Default::default(),
            report: Default::default(),
            dissemination: Default::default(),
        };
        for (key, date) in self.stage_dates {
            match Milestone::from_key(&key) {
                Some(milestone) => {
                    let _ = review.record_date(milestone, Some(date));
                }
                None => repairs.push(format!(
                    "A date for an unknown stage (\u{201c}{key}\u{201d}) was left out."
                )),
            }
        }
        if review.dates.get(Milestone::NotificationReceived).is_none() {
            let date = review.created_at.date_naive();
            let _ = review.record_date(Milestone::NotificationReceived, Some(date));
            repairs.push(
                "The date the notification was received was missing; the date the review was created is used."
                    .to_owned(),
            );
        }
        review
    }
}

impl From<&Agency> for AgencyV1 {
    fn from(a: &Agency) -> Self {
        Self {
            id: a.id,
            name: a.name.clone(),
            updated_at: a.updated_at,
        }
    }
}

impl From<AgencyV1> for Agency {
    fn from(a: AgencyV1) -> Self {
        Self {
            id: a.id,
            name: a.name,
            updated_at: a.updated_at,
        }
    }
}

impl From<&Person> for PersonV1 {
    fn from(p: &Person) -> Self {
        Self {
            id: p.id,
            kind: p.kind,
            label: p.label.clone(),
            role: p.role.clone(),
            agency: p.agency,
            age_band: p.age_band.clone(),
            took_part_in: p.took_part_in.iter().copied().collect(),
            support_offered: p.support_offered.clone(),
            notes: p.notes.clone(),
            updated_at: p.updated_at,
        }
    }
}

impl From<PersonV1> for Person {
    fn from(p: PersonV1) -> Self {
        Self {
            id: p.id,
            kind: p.kind,
            label: p.label,
            role: p.role,
            agency: p.agency,
            age_band: p.age_band,
            took_part_in: p.took_part_in.into_iter().collect(),
            support_offered: p.support_offered,
            notes: p.notes,
            updated_at: p.updated_at,
        }
    }
}

impl From<&ChronologyEvent> for EventV1 {
    fn from(e: &ChronologyEvent) -> Self {
        Self {
            id: e.id,
            date: e.date,
            agency: e.agency,
            person: e.person,
            what_happened: e.what_happened.clone(),
            seen: e.seen,
            views_sought: e.views_sought,
            source: e.source.clone(),
            phase: e.phase.clone(),
            updated_at: e.updated_at,
        }
    }
}

impl From<EventV1> for ChronologyEvent {
    fn from(e: EventV1) -> Self {
        Self {
            id: e.id,
            date: e.date,
            agency: e.agency,
            person: e.person,
            what_happened: e.what_happened,
            seen: e.seen,
            views_sought: e.views_sought,
            source: e.source,
            phase: e.phase,
            updated_at: e.updated_at,
        }
    }
}

impl From<&Episode> for EpisodeV1 {
    fn from(e: &Episode) -> Self {
        Self {
            id: e.id,
            title: e.title.clone(),
            events: e.events.clone(),
            span_note: e.span_note.clone(),
            what_happened: e.what_happened.clone(),
            how_it_looked: e.how_it_looked.clone(),
            practice: e.practice,
            updated_at: e.updated_at,
        }
    }
}

impl From<EpisodeV1> for Episode {
    fn from(e: EpisodeV1) -> Self {
        Self {
            id: e.id,
            title: e.title,
            events: e.events,
            span_note: e.span_note,
            what_happened: e.what_happened,
            how_it_looked: e.how_it_looked,
            practice: e.practice,
            updated_at: e.updated_at,
        }
    }
}

impl From<&ReflectionTemplate> for TemplateV1 {
    fn from(t: &ReflectionTemplate) -> Self {
        Self {
            id: t.id,
            name: t.name.clone(),
            description: t.description.clone(),
            prompts: t
                .prompts
                .iter()
                .map(|p| PromptV1 {
                    id: p.id,
                    text: p.text.clone(),
                    help: p.help.clone(),
                })
                .collect(),
            copied_from: t.copied_from,
            updated_at: t.updated_at,
        }
    }
}

impl From<TemplateV1> for ReflectionTemplate {
    fn from(t: TemplateV1) -> Self {
        Self {
            id: t.id,
            name: t.name,
            description: t.description,
            prompts: t
                .prompts
                .into_iter()
                .map(|p| Prompt {
                    id: p.id,
                    text: p.text,
                    help: p.help,
                })
                .collect(),
            copied_from: t.copied_from,
            updated_at: t.updated_at,
        }
    }
}

impl From<&Reflection> for ReflectionV1 {
    fn from(r: &Reflection) -> Self {
        Self {
            id: r.id,
            event: r.event,
            template: r.template,
            title: r.title.clone(),
            held_on: r.held_on,
            participants: r
                .participants
                .iter()
                .map(|p| ParticipantV1 {
                    id: p.id,
                    role: p.role.clone(),
                    person: p.person,
                })
                .collect(),
            updated_at: r.updated_at,
        }
    }
}

impl From<ReflectionV1> for Reflection {
    fn from(r: ReflectionV1) -> Self {
        Self {
            id: r.id,
            event: r.event,
            template: r.template,
            title: r.title,
            held_on: r.held_on,
            participants: r
                .participants
                .into_iter()
                .map(|p| Participant {
                    id: p.id,
                    role: p.role,
                    person: p.person,
                })
                .collect(),
            updated_at: r.updated_at,
        }
    }
}

impl From<&Response> for ResponseV1 {
    fn from(r: &Response) -> Self {
        Self {
            id: r.id,
            reflection: r.reflection,
            prompt: r.prompt,
            participant: r.participant,
            text: r.text.clone(),
            consent_to_quote: r.consent_to_quote,
            episodes: r.episodes.clone(),
            events: r.events.clone(),
            updated_at: r.updated_at,
        }
    }
}

impl From<ResponseV1> for Response {
    fn from(r: ResponseV1) -> Self {
        Self {
            id: r.id,
            reflection: r.reflection,
            prompt: r.prompt,
            participant: r.participant,
            text: r.text,
            consent_to_quote: r.consent_to_quote,
            episodes: r.episodes,
            events: r.events,
            updated_at: r.updated_at,
        }
    }
}

/// Content in version 1 form, each list sorted by id so the same review writes the same bytes.
pub fn content_v1(content: &crate::content::ReviewContent) -> ContentV1 {
    let mut out = ContentV1 {
        agencies: content.agencies.iter().map(AgencyV1::from).collect(),
        people: content.people.iter().map(PersonV1::from).collect(),
        events: content.events.iter().map(EventV1::from).collect(),
        episodes: content.episodes.iter().map(EpisodeV1::from).collect(),
        templates: content.templates.iter().map(TemplateV1::from).collect(),
        reflections: content.reflections.iter().map(ReflectionV1::from).collect(),
        responses: content.responses.iter().map(ResponseV1::from).collect(),
    };

    out.agencies.sort_by_key(|r| r.id);
    out.people.sort_by_key(|r| r.id);
    out.events.sort_by_key(|r| r.id);
    out.episodes.sort_by_key(|r| r.id);
    out.templates.sort_by_key(|r| r.id);
    out.reflections.sort_by_key(|r| r.id);
    out.responses.sort_by_key(|r| r.id);
    out
}
