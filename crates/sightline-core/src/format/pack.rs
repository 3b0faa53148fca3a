//! Reflection packs and contributions: how a practitioner answers on their own laptop.
//!
//! The facilitator exports a **reflection pack** for one reflection: its framework, the roles
//! taking part, the key practice episodes chosen for discussion and, if chosen, a short
//! chronology of those episodes. Never anyone's answers, never anything not chosen. The
//! practitioner opens it, answers as their role and exports **their contribution**. The
//! facilitator imports it: the answers join the reflection under that role. Answers keep their
//! ids, so importing the same contribution again changes nothing.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::v1::{EpisodeV1, ParticipantV1, ReflectionV1, TemplateV1};
use super::{expect_kind, read_envelope, FileError, FileInfo, FileKind, Imported, FORMAT_VERSION};
use crate::content::chronology::compare_events;
use crate::content::reflections::{find_template, Participant};
use crate::content::{
    Change, ChronologyEvent, Episode, RecordKind, Reflection, ReflectionTemplate, Response,
    ReviewContent,
};
use crate::ids::{IdSource, RecordId, ReviewId};
use crate::review::Review;

/// One line of a pack's short chronology.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChronologyLine {
    pub date: String,
    #[serde(default)]
    pub agency: String,
    pub what_happened: String,
}

/// A reflection pack: what a practitioner needs to answer, and nothing more.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReflectionPack {
    pub review_id: ReviewId,
    pub review_title: String,
    /// The reflection, with its participants' roles (never their answers).
    pub reflection: ReflectionV1,
    pub template: TemplateV1,
    #[serde(default)]
    pub episodes: Vec<EpisodeV1>,
    /// A short chronology of the chosen episodes' events, when the facilitator includes it.
    #[serde(default)]
    pub chronology: Option<Vec<ChronologyLine>>,
}

impl ReflectionPack {
    /// The pack's reflection and framework in the app's terms.
    pub fn reflection(&self) -> Reflection {
        self.reflection.clone().into()
    }

    pub fn template(&self) -> ReflectionTemplate {
        self.template.clone().into()
    }

    pub fn episodes(&self) -> Vec<Episode> {
        self.episodes.iter().cloned().map(Episode::from).collect()
    }
}

/// Makes the pack for `reflection`, with the episodes chosen and, if `with_chronology`, their
/// events as a short chronology. `None` if the reflection or its framework is not there.
pub fn make_pack(
    review: &Review,
    content: &ReviewContent,
    reflection: RecordId,
    episodes: &[RecordId],
    with_chronology: bool,
) -> Option<ReflectionPack> {
    let reflection = content.get::<Reflection>(reflection)?;
    let template = find_template(content, reflection.template)?;
    let chosen: Vec<&Episode> = content
        .episodes
        .iter()
        .filter(|e| episodes.contains(&e.id))
        .collect();
    let chronology = with_chronology.then(|| {
        let mut events: Vec<&ChronologyEvent> = chosen
            .iter()
            .flat_map(|e| e.events.iter())
            .filter_map(|id| content.get::<ChronologyEvent>(*id))
            .collect();
        events.sort_by(|a, b| compare_events(a, b));
        events.dedup_by_key(|e| e.id);
        events
            .into_iter()
            .map(|e| ChronologyLine {
                date: e.when(),
                agency: content.agency_name(e.agency).to_owned(),
                what_happened: e.what_happened.clone(),
            })
            .collect()
    });
    Some(ReflectionPack {
        review_id: review.id,
        review_title: review.title.clone(),
        reflection: ReflectionV1::from(reflection),
        template: TemplateV1::from(&template),
        episodes: chosen
            .into_iter()
            .map(|e| EpisodeV1 {
                // The pack carries the episode to discuss, not its links to the chronology.
                events: Vec::new(),
                ..EpisodeV1::from(e)
            })
            .collect(),
        chronology,
    })
}

#[derive(Serialize)]
struct Envelope<'a, T> {
    kind: &'static str,
    format_version: u32,
    exported_at: DateTime<Utc>,
    app_version: &'a str,
    #[serde(flatten)]
    body: &'a T,
}

/// Writes a reflection pack file.
pub fn write_pack(pack: &ReflectionPack, exported_at: DateTime<Utc>, app_version: &str) -> String {
    serde_json::to_string_pretty(&Envelope {
        kind: FileKind::ReflectionPack.tag(),
        format_version: FORMAT_VERSION,
        exported_at,
        app_version,
        body: pack,
    })
    .expect("a pack always serialises")
}

fn read_body<T: for<'de> Deserialize<'de>>(place: &str, body: Value) -> Result<T, FileError> {
    super::json::read_part(place, &body).map_err(FileError::Damaged)
}

/// Reads a reflection pack file.
pub fn read_pack(bytes: &[u8]) -> Result<Imported<ReflectionPack>, FileError> {
    let (info, body) = read_envelope(bytes)?;
    expect_kind(&info, FileKind::ReflectionPack)?;
    pack_from(info, body)
}

pub(super) fn pack_from(
    info: FileInfo,
    body: Value,
) -> Result<Imported<ReflectionPack>, FileError> {
    let pack: ReflectionPack = read_body("the reflection pack", body)?;
    Ok(Imported {
        repairs: info.repairs.clone(),
        info,
        value: pack,
    })
}

/// One answer in a contribution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributedAnswer {
    /// Kept as the answer's id in the review, so a second import finds it.
    pub id: RecordId,
    pub prompt: RecordId,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub consent_to_quote: bool,
    #[serde(default)]
    pub episodes: Vec<RecordId>,
    pub updated_at: DateTime<Utc>,
}

/// A practitioner's answers to a reflection pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub review_id: ReviewId,
    pub reflection_id: RecordId,
    /// The role they answered as: "Health Visitor 1". Never a name.
    pub role: String,
    /// The participant in the pack they chose, when they chose one.
    #[serde(default)]
    pub participant: Option<RecordId>,
    pub answers: Vec<ContributedAnswer>,
}

/// Writes a contribution file.
pub fn write_contribution(
    contribution: &Contribution,
    exported_at: DateTime<Utc>,
    app_version: &str,
) -> String {
    serde_json::to_string_pretty(&Envelope {
        kind: FileKind::Contribution.tag(),
        format_version: FORMAT_VERSION,
        exported_at,
        app_version,
        body: contribution,
    })
    .expect("a contribution always serialises")
}

/// Reads a contribution file.
pub fn read_contribution(bytes: &[u8]) -> Result<Imported<Contribution>, FileError> {
    let (info, body) = read_envelope(bytes)?;
    expect_kind(&info, FileKind::Contribution)?;
    contribution_from(info, body)
}

pub(super) fn contribution_from(
    info: FileInfo,
    body: Value,
) -> Result<Imported<Contribution>, FileError> {
    let contribution: Contribution = read_body("the contribution", body)?;
    if contribution.role.trim().is_empty() {
        return Err(FileError::Damaged(
            "it does not say which role answered".into(),
        ));
    }
    Ok(Imported {
        repairs: info.repairs.clone(),
        info,
        value: contribution,
    })
}

/// What importing a contribution did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContributionOutcome {
    /// The reflection the answers went to.
    pub reflection: Option<RecordId>,
    pub role: String,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Answers left out, and why.
    pub left_out: Vec<String>,
    /// The records written, for storage.
    pub changes: Vec<Change>,
}

impl ContributionOutcome {
    /// Whether the answers went to a reflection other than `reflection`.
    pub fn reflection_differs(&self, reflection: RecordId) -> bool {
        self.reflection.is_some_and(|r| r != reflection)
    }
}

/// Adds a contribution's answers to `content`: to its reflection, under its role (the
/// participant it names, or the one with that role, or a new participant). An answer already
/// there is replaced only by a newer version of itself.
pub fn apply_contribution(
    review_id: ReviewId,
    content: &mut ReviewContent,
    contribution: &Contribution,
    ids: &mut dyn IdSource,
    at: DateTime<Utc>,
) -> Result<ContributionOutcome, FileError> {
    if contribution.review_id != review_id {
        return Err(FileError::Damaged(
            "this contribution answers a reflection in a different review".into(),
        ));
    }
    let Some(reflection) = content
        .get::<Reflection>(contribution.reflection_id)
        .cloned()
    else {
        return Err(FileError::Damaged(
            "this contribution answers a reflection that is not in this review (it may have been deleted)".into(),
        ));
    };
    let template = find_template(content, reflection.template)
        .ok_or_else(|| FileError::Damaged("the reflection\u{2019}s framework is missing".into()))?;
    let role = contribution.role.trim().to_owned();
    let mut outcome = ContributionOutcome {
        role: role.clone(),
        ..Default::default()
    };

    let existing = reflection
        .participants
        .iter()
        .find(|p| Some(p.id) == contribution.participant)
        .or_else(|| {
            reflection
                .participants
                .iter()
                .find(|p| p.role.eq_ignore_ascii_case(&role))
        })
        .map(|p| p.id);
    let participant = match existing {
        Some(id) => id,
        None => {
            let id = contribution.participant.unwrap_or_else(|| ids.record_id());
            let mut updated = reflection.clone();
            updated.participants.push(Participant {
                id,
                role: role.clone(),
                person: None,
            });
            updated.updated_at = at;
            content.put(updated);
            outcome
                .changes
                .push(Change::Put(RecordKind::Reflection, reflection.id));
            id
        }
    };
    for answer in &contribution.answers {
        if !template.prompts.iter().any(|p| p.id == answer.prompt) {
            outcome.left_out.push(format!(
                "An answer was to a question the reflection\u{2019}s framework no longer has: \u{201c}{}\u{201d}",
                answer.text.chars().take(60).collect::<String>()
            ));
            continue;
        }
        let episodes: Vec<RecordId> = answer
            .episodes
            .iter()
            .copied()
            .filter(|e| content.get::<Episode>(*e).is_some())
            .collect();
        let incoming = Response {
            id: answer.id,
            reflection: reflection.id,
            prompt: answer.prompt,
            participant,
            text: answer.text.clone(),
            consent_to_quote: answer.consent_to_quote,
            episodes,
            events: Vec::new(),
            updated_at: answer.updated_at,
        };
        match content.get::<Response>(answer.id) {
            Some(current) if current == &incoming => outcome.unchanged += 1,
            Some(current) if current.updated_at >= incoming.updated_at => outcome.unchanged += 1,
            Some(current) => {
                // Keep links the facilitator added to chronology events.
                let merged = Response {
                    events: current.events.clone(),
                    ..incoming
                };
                content.put(merged);
                outcome.updated += 1;
                outcome
                    .changes
                    .push(Change::Put(RecordKind::Response, answer.id));
            }
            None => {
                content.put(incoming);
                outcome.added += 1;
                outcome
                    .changes
                    .push(Change::Put(RecordKind::Response, answer.id));
            }
        }
    }
    Ok(outcome)
}

/// The participant choices a pack offers: its participants' roles.
pub fn pack_roles(pack: &ReflectionPack) -> Vec<ParticipantV1> {
    pack.reflection.participants.clone()
}
