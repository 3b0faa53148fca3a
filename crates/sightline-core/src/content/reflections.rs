//! Structured reflection: frameworks of prompts (templates), reflections held at the review's
//! events, and each participant's answers, recorded by role and never by name.
//!
//! The built-in templates are data here (DOMAIN.md section 5); a review can copy one and edit
//! its prompts.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{record, tidy, RecordKind, ReviewContent};
use crate::form::FieldError;
use crate::ids::{IdSource, RecordId};

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

/// One question of a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prompt {
    pub id: RecordId,
    pub text: String,
    /// Guidance shown under the question.
    #[serde(default)]
    pub help: String,
}

/// A reflection framework: a named, ordered list of prompts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectionTemplate {
    pub id: RecordId,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub prompts: Vec<Prompt>,
    /// The template this one was copied from.
    #[serde(default)]
    pub copied_from: Option<RecordId>,
    pub updated_at: DateTime<Utc>,
}
record!(ReflectionTemplate, RecordKind::Template, templates, links(template, links) {
    // A copy keeps naming the framework it came from, built in or not, even once that goes.
    links.built_in_optional(RecordKind::Template, &mut template.copied_from);
}, parts(template, each) {
    for prompt in &mut template.prompts {
        each(&mut prompt.id);
    }
});

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

/// The built-in templates' fixed ids, the same in every copy of Sightline, so that answers to
/// them keep their meaning in files shared between committees.
pub mod built_in {
    use crate::ids::RecordId;

    pub const GIBBS: RecordId = RecordId::fixed(0x5170_0000_0000_4000_8000_0000_0000_0100);
    pub const DRISCOLL: RecordId = RecordId::fixed(0x5170_0000_0000_4000_8000_0000_0000_0200);
    pub const WENT_WELL: RecordId = RecordId::fixed(0x5170_0000_0000_4000_8000_0000_0000_0300);
    pub const APPRECIATIVE: RecordId = RecordId::fixed(0x5170_0000_0000_4000_8000_0000_0000_0400);
    pub const SIGNS_OF_SAFETY: RecordId =
        RecordId::fixed(0x5170_0000_0000_4000_8000_0000_0000_0500);
    pub const PRACTITIONERS: RecordId = RecordId::fixed(0x5170_0000_0000_4000_8000_0000_0000_0600);
    pub const MANAGERS: RecordId = RecordId::fixed(0x5170_0000_0000_4000_8000_0000_0000_0700);
}

fn built_in_template(
    id: RecordId,
    name: &str,
    description: &str,
    prompts: &[(&str, &str)],
) -> ReflectionTemplate {
    // Prompt ids follow from the template's: template id + 1, + 2, …
    let base = id.as_u128();
    ReflectionTemplate {
        id,
        name: name.to_owned(),
        description: description.to_owned(),
        prompts: prompts
            .iter()
            .enumerate()
            .map(|(i, (text, help))| Prompt {
                id: RecordId::fixed(base + i as u128 + 1),
                text: (*text).to_owned(),
                help: (*help).to_owned(),
            })
            .collect(),
        copied_from: None,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
    }
}

/// The templates that come with Sightline (DOMAIN.md section 5 and the prompt sets in
/// research/domain-notes.md section (f)).
pub fn built_in_templates() -> Vec<ReflectionTemplate> {
    vec![
        built_in_template(
            built_in::PRACTITIONERS,
            "Practitioners' event prompts",
            "For practitioners and first-line managers: how things looked at the time, and why acting as they did made sense.",
            &[
                ("Thinking back to this episode, what did you know, and what were you trying to achieve at the time?", "How it looked then, not with hindsight."),
                ("What made that feel like the right, or the only, option then?", "Workload, tools, supervision, how the family presented."),
                ("What was working well, for the child or adult and for the team?", ""),
                ("What information did you have, or not have, from other agencies?", ""),
                ("How did the work affect you emotionally, and what support did you have?", ""),
                ("Where would you have put the situation on a scale of 0 to 10 then, and what would have moved it up one point?", "0: so unsafe the child or adult could not stay; 10: safe enough to close."),
                ("What one thing would most help practice in situations like this now?", ""),
            ],
        ),
        built_in_template(
            built_in::MANAGERS,
            "Managers' event prompts",
            "For strategic managers: single- and multi-agency implications of what practitioners described.",
            &[
                ("Which patterns from the practitioners' event recur elsewhere in our system?", ""),
                ("Which tools, policies, performance measures or resource decisions shaped frontline choices?", ""),
                ("What enabled the effective practice we saw, and how do we protect it?", ""),
                ("What needs to change, who owns it, by when, and how will we know it worked?", ""),
                ("Are there single-agency or multi-agency implications, and resource issues for chief officers?", ""),
            ],
        ),
        built_in_template(
            built_in::GIBBS,
            "Gibbs' reflective cycle",
            "Six stages from what happened to what to do next time.",
            &[
                ("Description: what happened?", ""),
                ("Feelings: what were you thinking and feeling?", ""),
                ("Evaluation: what was good and what was difficult about it?", ""),
                ("Analysis: why did it happen this way?", ""),
                ("Conclusion: what did you learn, and what else could have been done?", ""),
                ("Action plan: what would you do next time?", ""),
            ],
        ),
        built_in_template(
            built_in::DRISCOLL,
            "Driscoll: What? So what? Now what?",
            "Three questions, from the facts to what they mean to what follows.",
            &[
                ("What? Describe the situation: what happened, who was involved, what you did.", ""),
                ("So what? What does it mean: what was significant, what made it happen this way?", ""),
                ("Now what? What follows: what would help, what would you do differently?", ""),
            ],
        ),
        built_in_template(
            built_in::WENT_WELL,
            "What went well / even better if",
            "A short debrief.",
            &[
                ("What went well, and why?", ""),
                ("It would have been even better if\u{2026}", ""),
                ("What got in the way?", ""),
            ],
        ),
        built_in_template(
            built_in::APPRECIATIVE,
            "Appreciative inquiry",
            "Discover, dream, design, deliver: building on what works.",
            &[
                ("Discover: tell me about a time when this work went well. What made it work?", ""),
                ("Dream: what would it look like if that happened every time?", ""),
                ("Design: what would need to be in place, in systems and support, to get there?", ""),
                ("Deliver: what will we do first, and who will do it?", ""),
            ],
        ),
        built_in_template(
            built_in::SIGNS_OF_SAFETY,
            "Signs of Safety",
            "Worries, what is working well, what needs to happen, and a 0 to 10 scale.",
            &[
                ("What were we worried about?", "Harm that had happened, danger in the future, complicating factors."),
                ("What was working well?", "Existing strengths and existing safety."),
                ("What needed to happen?", "Safety goals and next steps."),
                ("On a scale of 0 to 10, where was the situation, and why that number?", "10: safe enough to close; 0: so unsafe the child or adult could not stay."),
            ],
        ),
    ]
}

/// The template with `id`: one of the review's own, or a built-in one.
pub fn find_template(content: &ReviewContent, id: RecordId) -> Option<ReflectionTemplate> {
    content
        .get::<ReflectionTemplate>(id)
        .cloned()
        .or_else(|| built_in_templates().into_iter().find(|t| t.id == id))
}

/// Every template a reflection can use: the built-in ones, then the review's own.
pub fn all_templates(content: &ReviewContent) -> Vec<ReflectionTemplate> {
    let mut all = built_in_templates();
    all.extend(content.templates.iter().cloned());
    all
}

/// Whether `id` is a built-in template (which cannot be edited, only copied).
pub fn is_built_in(id: RecordId) -> bool {
    built_in_templates().iter().any(|t| t.id == id)
}

/// A copy of `source` for the review to edit, with new ids for it and its prompts.
pub fn copy_template(
    source: &ReflectionTemplate,
    ids: &mut dyn IdSource,
    at: DateTime<Utc>,
) -> ReflectionTemplate {
    ReflectionTemplate {
        id: ids.record_id(),
        name: format!("{} (our version)", source.name),
        description: source.description.clone(),
        prompts: source
            .prompts
            .iter()
            .map(|p| Prompt {
                id: ids.record_id(),
                text: p.text.clone(),
                help: p.help.clone(),
            })
            .collect(),
        copied_from: Some(source.id),
        updated_at: at,
    }
}

/// Why a template edit was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("This question has answers in a reflection, so it cannot be removed. Edit its wording instead, or copy the template again.")]
    PromptAnswered,
    #[error("A template needs at least one question.")]
    LastPrompt,
    #[error("This template is used by a reflection, so it cannot be deleted.")]
    InUse,
}

/// Whether any answer refers to `prompt`.
pub fn prompt_answered(content: &ReviewContent, prompt: RecordId) -> bool {
    content.responses.iter().any(|r| r.prompt == prompt)
}

/// Whether any reflection uses template `id`.
pub fn template_in_use(content: &ReviewContent, id: RecordId) -> bool {
    content.reflections.iter().any(|r| r.template == id)
}

impl ReflectionTemplate {
    /// Checks and sets the template's name and each prompt's wording.
    pub fn rename_and_reword(
        &mut self,
        name: &str,
        prompts: &[String],
        at: DateTime<Utc>,
    ) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = tidy(name);
        if name.is_empty() {
            errors.push(FieldError::new(
                "template-name",
                "Enter a name for the template",
            ));
        }
        for (i, text) in prompts.iter().enumerate() {
            if text.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("prompt-{}", i + 1),
                    format!("Enter the wording of question {}", i + 1),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.name = name;
        for (prompt, text) in self.prompts.iter_mut().zip(prompts) {
            prompt.text = text.trim().to_owned();
        }
        self.updated_at = at;
        Ok(())
    }

    /// Adds a question at the end.
    pub fn add_prompt(&mut self, id: RecordId, text: &str, at: DateTime<Utc>) {
        self.prompts.push(Prompt {
            id,
            text: text.trim().to_owned(),
            help: String::new(),
        });
        self.updated_at = at;
    }

    /// Removes a question, unless it has answers or is the last one.
    pub fn remove_prompt(
        &mut self,
        prompt: RecordId,
        content: &ReviewContent,
        at: DateTime<Utc>,
    ) -> Result<(), TemplateError> {
        if prompt_answered(content, prompt) {
            return Err(TemplateError::PromptAnswered);
        }
        if self.prompts.len() <= 1 {
            return Err(TemplateError::LastPrompt);
        }
        self.prompts.retain(|p| p.id != prompt);
        self.updated_at = at;
        Ok(())
    }

    /// Moves a question one place up (`-1`) or down (`1`); does nothing at either end.
    pub fn move_prompt(&mut self, prompt: RecordId, by: isize, at: DateTime<Utc>) {
        let Some(from) = self.prompts.iter().position(|p| p.id == prompt) else {
            return;
        };
        let to = from as isize + by;
        if to < 0 || to as usize >= self.prompts.len() {
            return;
        }
        self.prompts.swap(from, to as usize);
        self.updated_at = at;
    }
}

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
