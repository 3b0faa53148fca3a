//! Structured reflection: reflections held at the review's events, and each participant's
//! answers, recorded by role and never by name. The frameworks of prompts they follow are in
//! [`super::templates`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use super::templates::{
    all_templates, built_in, built_in_templates, copy_template, find_template, is_built_in,
    prompt_answered, template_in_use, Prompt, ReflectionTemplate, TemplateError,
};
use super::{record, tidy, RecordKind, ReviewContent};
use crate::form::FieldError;
use crate::ids::RecordId;

/// The review event a reflection comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReflectionEvent {
    /// A one-to-one conversation with the reviewer.
    Conversation,
    /// Practitioners and first-line managers.
    #[default]
    PractitionersEvent,
    /// Strategic managers.
    ManagersEvent,
}

impl ReflectionEvent {
    pub const ALL: [ReflectionEvent; 3] = [
        ReflectionEvent::Conversation,
        ReflectionEvent::PractitionersEvent,
        ReflectionEvent::ManagersEvent,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReflectionEvent::Conversation => "Conversation",
            ReflectionEvent::PractitionersEvent => "Practitioners' event",
            ReflectionEvent::ManagersEvent => "Managers' event",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ReflectionEvent::Conversation => "conversation",
            ReflectionEvent::PractitionersEvent => "practitioners_event",
            ReflectionEvent::ManagersEvent => "managers_event",
        }
    }

    /// The built-in template suggested for this kind of event.
    pub fn suggested_template(self) -> RecordId {
        match self {
            ReflectionEvent::Conversation => built_in::DRISCOLL,
            ReflectionEvent::PractitionersEvent => built_in::PRACTITIONERS,
            ReflectionEvent::ManagersEvent => built_in::MANAGERS,
        }
    }
}

/// Someone answering in a reflection: a role, never a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: RecordId,
    /// How they are referred to: "Health Visitor 1".
    pub role: String,
    /// The person in the register, when there is one.
    #[serde(default)]
    pub person: Option<RecordId>,
}

/// A reflection held at one of the review's events, using one template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    pub id: RecordId,
    #[serde(default)]
    pub event: ReflectionEvent,
    pub template: RecordId,
    pub title: String,
    #[serde(default)]
    pub held_on: Option<NaiveDate>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    pub updated_at: DateTime<Utc>,
}
record!(Reflection, RecordKind::Reflection, reflections, links(reflection, links) {
    links.built_in(RecordKind::Template, &mut reflection.template);
    for participant in &mut reflection.participants {
        links.optional(RecordKind::Person, &mut participant.person);
    }
}, parts(reflection, each) {
    for participant in &mut reflection.participants {
        each(&mut participant.id);
    }
});

/// One participant's answer to one prompt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub id: RecordId,
    pub reflection: RecordId,
    pub prompt: RecordId,
    pub participant: RecordId,
    #[serde(default)]
    pub text: String,
    /// Whether the participant agreed that the answer may be quoted (without their role).
    #[serde(default)]
    pub consent_to_quote: bool,
    /// Key practice episodes the answer is about.
    #[serde(default)]
    pub episodes: Vec<RecordId>,
    /// Chronology events the answer is about.
    #[serde(default)]
    pub events: Vec<RecordId>,
    pub updated_at: DateTime<Utc>,
}
record!(Response, RecordKind::Response, responses, links(response, links) {
    links.required(RecordKind::Reflection, &mut response.reflection);
    links.part(RecordKind::Template, &mut response.prompt);
    links.part(RecordKind::Reflection, &mut response.participant);
    links.list(RecordKind::Episode, &mut response.episodes);
    links.list(RecordKind::Event, &mut response.events);
});

/// Checks a participant's role label: present and not already in the reflection.
pub fn validate_participant_role(
    role: &str,
    reflection: &Reflection,
) -> Result<String, FieldError> {
    let role = tidy(role);
    if role.is_empty() {
        return Err(FieldError::new(
            "participant-role",
            "Enter the participant\u{2019}s role, such as \u{201c}Health Visitor 1\u{201d}, not their name",
        ));
    }
    if reflection
        .participants
        .iter()
        .any(|p| p.role.eq_ignore_ascii_case(&role))
    {
        return Err(FieldError::new(
            "participant-role",
            format!("\u{201c}{role}\u{201d} is already taking part"),
        ));
    }
    Ok(role)
}

/// How far a reflection's answers have got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// For each prompt, in order: how many participants have answered it.
    pub by_prompt: Vec<(RecordId, usize)>,
    /// For each participant, in order: how many prompts they have answered.
    pub by_participant: Vec<(RecordId, usize)>,
    /// Answers given (non-empty), out of prompts × participants.
    pub answered: usize,
    pub possible: usize,
    /// Each (prompt, participant) pair that has a non-empty answer.
    pub answered_pairs: std::collections::BTreeSet<(RecordId, RecordId)>,
}

impl Progress {
    /// Whether participant `who` has answered `prompt`.
    pub fn has_answer(responses: &[&Response], prompt: RecordId, who: RecordId) -> bool {
        responses
            .iter()
            .any(|r| r.prompt == prompt && r.participant == who && !r.text.trim().is_empty())
    }
}

/// The answers to a reflection.
pub fn responses_of(content: &ReviewContent, reflection: RecordId) -> Vec<&Response> {
    content
        .responses
        .iter()
        .filter(|r| r.reflection == reflection)
        .collect()
}

/// How far `reflection`'s answers have got, against its template.
pub fn progress(
    reflection: &Reflection,
    template: &ReflectionTemplate,
    content: &ReviewContent,
) -> Progress {
    let responses = responses_of(content, reflection.id);
    let by_prompt: Vec<(RecordId, usize)> = template
        .prompts
        .iter()
        .map(|prompt| {
            let count = reflection
                .participants
                .iter()
                .filter(|p| Progress::has_answer(&responses, prompt.id, p.id))
                .count();
            (prompt.id, count)
        })
        .collect();
    let by_participant: Vec<(RecordId, usize)> = reflection
        .participants
        .iter()
        .map(|participant| {
            let count = template
                .prompts
                .iter()
                .filter(|prompt| Progress::has_answer(&responses, prompt.id, participant.id))
                .count();
            (participant.id, count)
        })
        .collect();
    let answered_pairs = responses
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .filter(|r| {
            reflection
                .participants
                .iter()
                .any(|p| p.id == r.participant)
        })
        .filter(|r| template.prompts.iter().any(|p| p.id == r.prompt))
        .map(|r| (r.prompt, r.participant))
        .collect();
    Progress {
        answered: by_prompt.iter().map(|(_, n)| n).sum(),
        possible: template.prompts.len() * reflection.participants.len(),
        by_prompt,
        by_participant,
        answered_pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::IdSource;
    use crate::ids::SeededIds;
    use chrono::TimeZone;
    use std::collections::BTreeSet;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
    }

    #[test]
    fn built_in_templates_cover_the_frameworks_with_unique_stable_ids() {
        let all = built_in_templates();
        let names: Vec<&str> = all.iter().map(|t| t.name.as_str()).collect();
        for expected in [
            "Gibbs' reflective cycle",
            "Driscoll: What? So what? Now what?",
            "What went well / even better if",
            "Appreciative inquiry",
            "Signs of Safety",
            "Practitioners' event prompts",
            "Managers' event prompts",
        ] {
            assert!(names.contains(&expected), "{expected}");
        }
        let mut ids = BTreeSet::new();
        for template in &all {
            assert!(ids.insert(template.id));
            for prompt in &template.prompts {
                assert!(ids.insert(prompt.id), "prompt ids are unique");
            }
        }
        assert_eq!(all, built_in_templates(), "the same every time");
        assert_eq!(
            all.iter()
                .find(|t| t.id == built_in::GIBBS)
                .unwrap()
                .prompts
                .len(),
            6
        );
        assert_eq!(
            all.iter()
                .find(|t| t.id == built_in::PRACTITIONERS)
                .unwrap()
                .prompts
                .len(),
            7
        );
    }

    #[test]
    fn a_copied_template_has_new_ids_and_can_be_edited() {
        let mut ids = SeededIds::new(5);
        let gibbs = find_template(&ReviewContent::default(), built_in::GIBBS).unwrap();
        let mut copy = copy_template(&gibbs, &mut ids, at());
        assert_ne!(copy.id, gibbs.id);
        assert_eq!(copy.copied_from, Some(gibbs.id));
        assert!(copy
            .prompts
            .iter()
            .zip(&gibbs.prompts)
            .all(|(a, b)| a.id != b.id && a.text == b.text));
        assert!(is_built_in(gibbs.id) && !is_built_in(copy.id));

        let mut wording: Vec<String> = copy.prompts.iter().map(|p| p.text.clone()).collect();
        wording[0] = "  What happened, in your words? ".into();
        copy.rename_and_reword("Our Gibbs", &wording, at()).unwrap();
        assert_eq!(copy.prompts[0].text, "What happened, in your words?");
        wording[1] = " ".into();
        let errors = copy.rename_and_reword("", &wording, at()).unwrap_err();
        assert_eq!(errors[0].field, "template-name");
        assert_eq!(errors[1].field, "prompt-2");

        let first = copy.prompts[0].id;
        copy.move_prompt(first, 1, at());
        assert_eq!(copy.prompts[1].id, first);
        copy.move_prompt(first, -5, at());
        assert_eq!(
            copy.prompts[1].id, first,
            "moves beyond the ends do nothing"
        );
        copy.add_prompt(ids.record_id(), "Anything else?", at());
        assert_eq!(copy.prompts.len(), 7);
    }

    #[test]
    fn answered_or_last_questions_cannot_be_removed() {
        let mut ids = SeededIds::new(6);
        let source = find_template(&ReviewContent::default(), built_in::WENT_WELL).unwrap();
        let mut template = copy_template(&source, &mut ids, at());
        let mut content = ReviewContent::default();
        content.responses.push(Response {
            id: ids.record_id(),
            reflection: ids.record_id(),
            prompt: template.prompts[0].id,
            participant: ids.record_id(),
            text: "Answer".into(),
            consent_to_quote: false,
            episodes: vec![],
            events: vec![],
            updated_at: at(),
        });
        let answered = template.prompts[0].id;
        assert_eq!(
            template.remove_prompt(answered, &content, at()),
            Err(TemplateError::PromptAnswered)
        );
        let second = template.prompts[1].id;
        template.remove_prompt(second, &content, at()).unwrap();
        let third = template.prompts[1].id;
        template.remove_prompt(third, &content, at()).unwrap();
        let mut lone = template.clone();
        lone.prompts.truncate(1);
        assert_eq!(
            lone.remove_prompt(lone.prompts[0].id, &ReviewContent::default(), at()),
            Err(TemplateError::LastPrompt)
        );
    }

    #[test]
    fn progress_counts_answers_by_prompt_and_participant() {
        let mut ids = SeededIds::new(8);
        let template = find_template(&ReviewContent::default(), built_in::DRISCOLL).unwrap();
        let (a, b) = (ids.record_id(), ids.record_id());
        let reflection = Reflection {
            id: ids.record_id(),
            event: ReflectionEvent::PractitionersEvent,
            template: template.id,
            title: "Practitioners' event".into(),
            held_on: None,
            participants: vec![
                Participant {
                    id: a,
                    role: "Health Visitor 1".into(),
                    person: None,
                },
                Participant {
                    id: b,
                    role: "Social Worker 1".into(),
                    person: None,
                },
            ],
            updated_at: at(),
        };
        let mut content = ReviewContent::default();
        let mut answer = |prompt: usize, who: RecordId, text: &str| {
            content.responses.push(Response {
                id: ids.record_id(),
                reflection: reflection.id,
                prompt: template.prompts[prompt].id,
                participant: who,
                text: text.into(),
                consent_to_quote: true,
                episodes: vec![],
                events: vec![],
                updated_at: at(),
            })
        };
        answer(0, a, "We visited twice.");
        answer(0, b, "I was not told.");
        answer(2, a, "More time.");
        answer(1, b, "   ");
        let progress = progress(&reflection, &template, &content);
        assert_eq!(progress.possible, 6);
        assert_eq!(progress.answered, 3);
        assert_eq!(
            progress
                .by_prompt
                .iter()
                .map(|(_, n)| *n)
                .collect::<Vec<_>>(),
            [2, 0, 1]
        );
        assert_eq!(progress.by_participant, vec![(a, 2), (b, 1)]);
        assert!(progress
            .answered_pairs
            .contains(&(template.prompts[0].id, b)));
        assert!(
            !progress
                .answered_pairs
                .contains(&(template.prompts[1].id, b)),
            "blank answers do not count"
        );
    }

    #[test]
    fn participants_are_roles_that_do_not_repeat() {
        let reflection = Reflection {
            id: RecordId::fixed(1),
            event: ReflectionEvent::Conversation,
            template: built_in::DRISCOLL,
            title: "Conversation".into(),
            held_on: None,
            participants: vec![Participant {
                id: RecordId::fixed(2),
                role: "Health Visitor 1".into(),
                person: None,
            }],
            updated_at: at(),
        };
        assert!(validate_participant_role(" ", &reflection).is_err());
        assert!(validate_participant_role("health visitor 1", &reflection).is_err());
        assert_eq!(
            validate_participant_role(" Social Worker 2 ", &reflection).unwrap(),
            "Social Worker 2"
        );
    }
}
