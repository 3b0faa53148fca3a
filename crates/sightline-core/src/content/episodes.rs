//! Key practice episodes: moments in the work that the review looks at closely, each made of
//! chronology events, with how it looked to the people involved at the time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::chronology::{compare_events, ChronologyEvent, EventDate};
use super::{record, tidy, RecordKind, ReviewContent};
use crate::form::FieldError;
use crate::ids::RecordId;

/// Whether an episode shows effective practice, a problem, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeKind {
    #[default]
    NotYetDecided,
    Effective,
    Problem,
    Both,
}

impl PracticeKind {
    pub const ALL: [PracticeKind; 4] = [
        PracticeKind::Effective,
        PracticeKind::Problem,
        PracticeKind::Both,
        PracticeKind::NotYetDecided,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PracticeKind::Effective => "Effective practice",
            PracticeKind::Problem => "A problem in practice",
            PracticeKind::Both => "Both",
            PracticeKind::NotYetDecided => "Not yet decided",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            PracticeKind::Effective => "effective",
            PracticeKind::Problem => "problem",
            PracticeKind::Both => "both",
            PracticeKind::NotYetDecided => "undecided",
        }
    }
}

/// A key practice episode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Episode {
    pub id: RecordId,
    pub title: String,
    /// The chronology events it is made of.
    #[serde(default)]
    pub events: Vec<RecordId>,
    /// Words for its time span when the events' dates do not say it well ("Over the summer").
    #[serde(default)]
    pub span_note: String,
    #[serde(default)]
    pub what_happened: String,
    /// How it looked to those involved at the time, and why acting as they did made sense.
    #[serde(default)]
    pub how_it_looked: String,
    #[serde(default)]
    pub practice: PracticeKind,
    pub updated_at: DateTime<Utc>,
}
record!(Episode, RecordKind::Episode, episodes, links(episode, links) {
    links.list(RecordKind::Event, &mut episode.events);
});

impl Episode {
    /// The episode's events, in chronology order (missing ones left out).
    pub fn ordered_events<'a>(&self, content: &'a ReviewContent) -> Vec<&'a ChronologyEvent> {
        let mut events: Vec<&ChronologyEvent> = self
            .events
            .iter()
            .filter_map(|id| content.get::<ChronologyEvent>(*id))
            .collect();
        events.sort_by(|a, b| compare_events(a, b));
        events
    }

    /// The time span as dates: "12 March 2025 to 3 June 2025", one date, or the span note.
    pub fn span(&self, content: &ReviewContent) -> String {
        if !self.span_note.trim().is_empty() {
            return self.span_note.trim().to_owned();
        }
        let dated: Vec<&EventDate> = self
            .ordered_events(content)
            .into_iter()
            .map(|e| &e.date)
            .filter(|d| **d != EventDate::Undated)
            .collect();
        match (dated.first(), dated.last()) {
            (Some(first), Some(last)) if first.display() == last.display() => first.display(),
            (Some(first), Some(last)) => format!("{} to {}", first.display(), last.display()),
            _ => String::new(),
        }
    }
}

/// The episodes an event belongs to.
pub fn episodes_of(content: &ReviewContent, event: RecordId) -> Vec<&Episode> {
    content
        .episodes
        .iter()
        .filter(|episode| episode.events.contains(&event))
        .collect()
}

/// The episode form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpisodeForm {
    pub title: String,
    pub span_note: String,
    pub what_happened: String,
    pub how_it_looked: String,
    pub practice: PracticeKind,
}

impl EpisodeForm {
    pub fn from_episode(episode: &Episode) -> Self {
        Self {
            title: episode.title.clone(),
            span_note: episode.span_note.clone(),
            what_happened: episode.what_happened.clone(),
            how_it_looked: episode.how_it_looked.clone(),
            practice: episode.practice,
        }
    }

    /// Checks the form and writes it into `episode`.
    pub fn apply(&self, episode: &mut Episode, at: DateTime<Utc>) -> Result<(), Vec<FieldError>> {
        let title = tidy(&self.title);
        if title.is_empty() {
            return Err(vec![FieldError::new(
                "episode-title",
                "Enter a title for the episode, such as \u{201c}Missed health appointments\u{201d}",
            )]);
        }
        if title.chars().count() > 120 {
            return Err(vec![FieldError::new(
                "episode-title",
                "The title must be 120 characters or fewer",
            )]);
        }
        episode.title = title;
        episode.span_note = tidy(&self.span_note);
        episode.what_happened = self.what_happened.trim_end().to_owned();
        episode.how_it_looked = self.how_it_looked.trim_end().to_owned();
        episode.practice = self.practice;
        episode.updated_at = at;
        Ok(())
    }
}

/// A new episode made of `events`, with an empty title for the form to fill.
pub fn new_episode(id: RecordId, events: Vec<RecordId>, at: DateTime<Utc>) -> Episode {
    Episode {
        id,
        title: String::new(),
        events,
        span_note: String::new(),
        what_happened: String::new(),
        how_it_looked: String::new(),
        practice: PracticeKind::NotYetDecided,
        updated_at: at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::chronology::Seen;
    use chrono::{NaiveDate, TimeZone};

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
    }

    fn event(id: u128, date: EventDate) -> ChronologyEvent {
        ChronologyEvent {
            id: RecordId::fixed(id),
            date,
            agency: None,
            person: None,
            what_happened: String::new(),
            seen: Seen::Unknown,
            views_sought: Seen::Unknown,
            source: String::new(),
            phase: String::new(),
            updated_at: at(),
        }
    }

    #[test]
    fn an_episode_spans_its_events_and_events_know_their_episodes() {
        let mut content = ReviewContent {
            events: vec![
                event(
                    1,
                    EventDate::Exact(NaiveDate::from_ymd_opt(2025, 6, 3).unwrap()),
                ),
                event(
                    2,
                    EventDate::Month {
                        year: 2025,
                        month: 3,
                    },
                ),
                event(3, EventDate::Undated),
            ],
            ..Default::default()
        };
        let mut episode = new_episode(
            RecordId::fixed(10),
            vec![
                RecordId::fixed(1),
                RecordId::fixed(2),
                RecordId::fixed(3),
                RecordId::fixed(99),
            ],
            at(),
        );
        assert_eq!(episode.span(&content), "March 2025 to 3 June 2025");
        assert_eq!(
            episode.ordered_events(&content).len(),
            3,
            "a missing event is left out"
        );
        episode.span_note = "Spring 2025".into();
        assert_eq!(episode.span(&content), "Spring 2025");
        content.episodes.push(episode);
        assert_eq!(episodes_of(&content, RecordId::fixed(2)).len(), 1);
        assert!(episodes_of(&content, RecordId::fixed(5)).is_empty());
    }

    #[test]
    fn an_episode_needs_a_title() {
        let mut episode = new_episode(RecordId::fixed(1), vec![], at());
        let errors = EpisodeForm::default()
            .apply(&mut episode, at())
            .unwrap_err();
        assert_eq!(errors[0].field, "episode-title");
        let form = EpisodeForm {
            title: " Missed appointments ".into(),
            practice: PracticeKind::Both,
            ..Default::default()
        };
        form.apply(&mut episode, at()).unwrap();
        assert_eq!(episode.title, "Missed appointments");
        assert_eq!(episode.practice, PracticeKind::Both);
    }
}
