//! Reflection frameworks (templates): named, ordered lists of prompts. The built-in ones are
//! data here (DOMAIN.md section 5), with fixed ids; a review can copy one and edit its prompts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{record, tidy, RecordKind, ReviewContent};
use crate::form::FieldError;
use crate::ids::{IdSource, RecordId};

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
