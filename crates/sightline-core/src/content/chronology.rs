//! The chronology: what happened, when, which agency and role, whether the child or adult was
//! seen and their views sought, and where the record came from.

use std::cmp::Ordering;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use super::event_date::{DateTextError, EventDate};
use super::people::{find_agency_by_name, find_person_by_label, Agency, Person, PersonKind};
use super::{record, tidy, RecordKind, ReviewContent};
use crate::form::FieldError;
use crate::ids::{IdSource, RecordId};

/// Yes, no, or not known: was the child or adult seen; were their views sought.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seen {
    Yes,
    No,
    #[default]
    Unknown,
}

impl Seen {
    pub const ALL: [Seen; 3] = [Seen::Yes, Seen::No, Seen::Unknown];

    pub fn label(self) -> &'static str {
        match self {
            Seen::Yes => "Yes",
            Seen::No => "No",
            Seen::Unknown => "Not known",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Seen::Yes => "yes",
            Seen::No => "no",
            Seen::Unknown => "unknown",
        }
    }

    /// Reads yes / no / not known as spreadsheets write them ("Y", "TRUE", "n/k", "").
    pub fn parse(text: &str) -> Option<Seen> {
        match text.trim().to_lowercase().as_str() {
            "y" | "yes" | "true" | "1" | "seen" => Some(Seen::Yes),
            "n" | "no" | "false" | "0" | "not seen" => Some(Seen::No),
            "" | "?" | "unknown" | "not known" | "n/k" | "nk" | "unclear" => Some(Seen::Unknown),
            _ => None,
        }
    }
}

/// One event in the chronology.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChronologyEvent {
    pub id: RecordId,
    #[serde(default)]
    pub date: EventDate,
    #[serde(default)]
    pub agency: Option<RecordId>,
    /// The person (by role) from the register.
    #[serde(default)]
    pub person: Option<RecordId>,
    pub what_happened: String,
    /// Was the child or adult seen?
    #[serde(default)]
    pub seen: Seen,
    /// Were their views sought?
    #[serde(default)]
    pub views_sought: Seen,
    /// The record it comes from: "Health visiting notes".
    #[serde(default)]
    pub source: String,
    /// A named period: "Pregnancy", "Before the move".
    #[serde(default)]
    pub phase: String,
    pub updated_at: DateTime<Utc>,
}
record!(ChronologyEvent, RecordKind::Event, events, links(event, links) {
    links.optional(RecordKind::Agency, &mut event.agency);
    links.optional(RecordKind::Person, &mut event.person);
});

impl ChronologyEvent {
    /// When the event happened as people read it: its date ("3 March 2025", "March 2025"), or
    /// for an undated event its phase.
    pub fn when(&self) -> String {
        let date = self.date.display();
        if date.is_empty() {
            self.phase.clone()
        } else {
            date
        }
    }
}

/// The chronology's entry form as typed. Agency and role are typed as text and matched to the
/// register; ones not yet there are added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventForm {
    pub date: String,
    pub agency: String,
    pub person: String,
    pub what_happened: String,
    pub seen: Seen,
    pub views_sought: Seen,
    pub source: String,
    pub phase: String,
}

/// What saving an event form does to the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventEntry {
    pub event: ChronologyEvent,
    /// An agency to add to the register first.
    pub new_agency: Option<Agency>,
    /// A person to add to the register first.
    pub new_person: Option<Person>,
}

/// Field ids of the event form, prefixed by the form's own prefix.
pub const EVENT_FIELDS: [&str; 8] = [
    "date", "agency", "person", "what", "seen", "views", "source", "phase",
];

impl EventForm {
    /// The form filled in from an existing event, for editing.
    pub fn from_event(event: &ChronologyEvent, content: &ReviewContent) -> Self {
        Self {
            date: event.date.display(),
            agency: content.agency_name(event.agency).to_owned(),
            person: content.person_label(event.person).to_owned(),
            what_happened: event.what_happened.clone(),
            seen: event.seen,
            views_sought: event.views_sought,
            source: event.source.clone(),
            phase: event.phase.clone(),
        }
    }

    /// Checks the form and makes the event with `id` (a new one, or a replacement). Field ids
    /// in errors are `<prefix>-<field>`.
    pub fn to_entry(
        &self,
        id: RecordId,
        content: &ReviewContent,
        ids: &mut dyn IdSource,
        at: DateTime<Utc>,
        prefix: &str,
    ) -> Result<EventEntry, Vec<FieldError>> {
        let mut errors = Vec::new();
        let field = |name: &str| format!("{prefix}-{name}");
        let date = match EventDate::parse(&self.date) {
            Ok(date) => date,
            Err(error) => {
                errors.push(FieldError::new(field("date"), error.to_string()));
                EventDate::Undated
            }
        };
        let phase = tidy(&self.phase);
        if date == EventDate::Undated && phase.is_empty() && errors.is_empty() {
            errors.push(FieldError::new(
                field("date"),
                "Enter a date, a month such as March 2025, or a year; or leave it empty and give the phase",
            ));
        }
        let what_happened = self.what_happened.trim().to_owned();
        if what_happened.is_empty() {
            errors.push(FieldError::new(field("what"), "Enter what happened"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let (agency, new_agency) = resolve_agency(&self.agency, content, ids, at);
        let (person, new_person) = resolve_person(&self.person, agency, content, ids, at);
        Ok(EventEntry {
            event: ChronologyEvent {
                id,
                date,
                agency,
                person,
                what_happened,
                seen: self.seen,
                views_sought: self.views_sought,
                source: tidy(&self.source),
                phase,
                updated_at: at,
            },
            new_agency,
            new_person,
        })
    }
}

/// Matches agency text to the register, or makes a new agency for it.
pub(crate) fn resolve_agency(
    name: &str,
    content: &ReviewContent,
    ids: &mut dyn IdSource,
    at: DateTime<Utc>,
) -> (Option<RecordId>, Option<Agency>) {
    let name = tidy(name);
    if name.is_empty() {
        return (None, None);
    }
    match find_agency_by_name(&content.agencies, &name) {
        Some(agency) => (Some(agency.id), None),
        None => {
            let agency = Agency {
                id: ids.record_id(),
                name,
                updated_at: at,
            };
            (Some(agency.id), Some(agency))
        }
    }
}

/// Matches a role label to the register, or makes a new professional for it.
pub(crate) fn resolve_person(
    label: &str,
    agency: Option<RecordId>,
    content: &ReviewContent,
    ids: &mut dyn IdSource,
    at: DateTime<Utc>,
) -> (Option<RecordId>, Option<Person>) {
    let label = tidy(label);
    if label.is_empty() {
        return (None, None);
    }
    match find_person_by_label(&content.people, &label) {
        Some(person) => (Some(person.id), None),
        None => {
            let mut person = Person::blank(ids.record_id(), at);
            person.kind = PersonKind::Professional;
            // "Health Visitor 2" → role "Health Visitor".
            person.role = label
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .to_owned();
            person.label = label;
            person.agency = agency;
            (Some(person.id), Some(person))
        }
    }
}

/// Orders events by date (a year before its months, a month before its days), undated events
/// last by phase, and otherwise in the order they were entered.
pub fn compare_events(a: &ChronologyEvent, b: &ChronologyEvent) -> Ordering {
    match (a.date.earliest(), b.date.earliest()) {
        (Some(x), Some(y)) => x
            .cmp(&y)
            .then(a.date.precision_rank().cmp(&b.date.precision_rank())),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The phases used in the chronology, in the order they first appear when sorted by date.
pub fn phases(content: &ReviewContent) -> Vec<String> {
    let mut ordered: Vec<&ChronologyEvent> = content.events.iter().collect();
    ordered.sort_by(|a, b| compare_events(a, b));
    let mut phases: Vec<String> = Vec::new();
    for event in ordered {
        let phase = event.phase.trim();
        if !phase.is_empty() && !phases.iter().any(|p| p.eq_ignore_ascii_case(phase)) {
            phases.push(phase.to_owned());
        }
    }
    phases
}

/// What the chronology page shows: an agency, a phase and words to look for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChronologyFilter {
    pub agency: Option<RecordId>,
    pub phase: Option<String>,
    pub text: String,
    /// Newest first instead of oldest first.
    pub newest_first: bool,
}

impl ChronologyFilter {
    /// The events that match, in order: indices into `content.events`.
    pub fn apply(&self, content: &ReviewContent) -> Vec<usize> {
        let words: Vec<String> = self
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let phase_order = phases(content);
        let phase_rank = |phase: &str| {
            phase_order
                .iter()
                .position(|p| p.eq_ignore_ascii_case(phase.trim()))
                .unwrap_or(usize::MAX)
        };
        let mut shown: Vec<usize> = content
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| self.agency.is_none_or(|a| e.agency == Some(a)))
            .filter(|(_, e)| {
                self.phase
                    .as_ref()
                    .is_none_or(|p| e.phase.trim().eq_ignore_ascii_case(p.trim()))
            })
            .filter(|(_, e)| {
                if words.is_empty() {
                    return true;
                }
                let haystack = format!(
                    "{} {} {} {} {} {}",
                    e.what_happened,
                    e.source,
                    e.phase,
                    content.agency_name(e.agency),
                    content.person_label(e.person),
                    e.date.display()
                )
                .to_lowercase();
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        shown.sort_by(|&i, &j| {
            let (a, b) = (&content.events[i], &content.events[j]);
            let order = compare_events(a, b).then_with(|| {
                if a.date == EventDate::Undated && b.date == EventDate::Undated {
                    phase_rank(&a.phase).cmp(&phase_rank(&b.phase))
                } else {
                    Ordering::Equal
                }
            });
            if self.newest_first {
                order.reverse()
            } else {
                order
            }
        });
        shown
    }
}

/// One event on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineMark {
    pub id: RecordId,
    /// The lane (agency) it sits in.
    pub lane: usize,
    /// Across the timeline, from 0 (the first date) to 1 (the last).
    pub position: f64,
    /// What a pointer over it shows: "12 March 2025, Health: Home visit".
    pub label: String,
}

/// The timeline of some events: one lane per agency, in order of their first event.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub lanes: Vec<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub marks: Vec<TimelineMark>,
    /// Years that start within the span, with their position, for the scale.
    pub years: Vec<(i32, f64)>,
    /// Events with no date, which have no place on the timeline.
    pub undated: usize,
}

/// Lays out `events` (ids, in chronology order) on a timeline. `None` when none has a date.
pub fn timeline_layout(content: &ReviewContent, events: &[RecordId]) -> Option<TimelineLayout> {
    let by_id: std::collections::HashMap<RecordId, &ChronologyEvent> =
        content.events.iter().map(|e| (e.id, e)).collect();
    let chosen: Vec<&ChronologyEvent> = events
        .iter()
        .filter_map(|id| by_id.get(id).copied())
        .collect();
    let dated: Vec<(&ChronologyEvent, NaiveDate)> = chosen
        .iter()
        .filter_map(|e| e.date.earliest().map(|d| (*e, d)))
        .collect();
    let start = dated.iter().map(|(_, d)| *d).min()?;
    let end = dated.iter().map(|(_, d)| *d).max()?;
    let span = (end - start).num_days().max(1) as f64;
    let position = |date: NaiveDate| (date - start).num_days() as f64 / span;
    let mut lanes: Vec<String> = Vec::new();
    let mut marks = Vec::with_capacity(dated.len());
    let mut ordered = dated.clone();
    ordered.sort_by_key(|(_, d)| *d);
    for (event, date) in &ordered {
        let name = match content.agency_name(event.agency) {
            "" => "No agency",
            name => name,
        };
        let lane = match lanes.iter().position(|l| l == name) {
            Some(lane) => lane,
            None => {
                lanes.push(name.to_owned());
                lanes.len() - 1
            }
        };
        let what: String = event.what_happened.chars().take(120).collect();
        marks.push(TimelineMark {
            id: event.id,
            lane,
            position: position(*date),
            label: format!("{}, {name}: {what}", event.date.display()),
        });
    }
    let years = ((start.year() + 1)..=end.year())
        .filter_map(|year| NaiveDate::from_ymd_opt(year, 1, 1).map(|d| (year, position(d))))
        .collect();
    Some(TimelineLayout {
        lanes,
        start,
        end,
        marks,
        years,
        undated: chosen.len() - dated.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::SeededIds;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> EventDate {
        EventDate::Exact(NaiveDate::from_ymd_opt(y, m, day).unwrap())
    }

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
    }

    #[test]
    fn reads_dates_as_people_and_spreadsheets_write_them() {
        assert_eq!(EventDate::parse("12/03/2025"), Ok(d(2025, 3, 12)));
        assert_eq!(EventDate::parse("12-3-25"), Ok(d(2025, 3, 12)));
        assert_eq!(EventDate::parse("12.03.2025"), Ok(d(2025, 3, 12)));
        assert_eq!(EventDate::parse("2025-03-12"), Ok(d(2025, 3, 12)));
        assert_eq!(EventDate::parse("2025-03-12 00:00:00"), Ok(d(2025, 3, 12)));
        assert_eq!(EventDate::parse("12 March 2025"), Ok(d(2025, 3, 12)));
        assert_eq!(EventDate::parse("12th Mar 2025"), Ok(d(2025, 3, 12)));
        assert_eq!(EventDate::parse("1 Sept 2025"), Ok(d(2025, 9, 1)));
        assert_eq!(EventDate::parse("45728"), Ok(d(2025, 3, 12)));
        assert_eq!(
            EventDate::parse("March 2025"),
            Ok(EventDate::Month {
                year: 2025,
                month: 3
            })
        );
        assert_eq!(
            EventDate::parse("03/2025"),
            Ok(EventDate::Month {
                year: 2025,
                month: 3
            })
        );
        assert_eq!(
            EventDate::parse("2025-03"),
            Ok(EventDate::Month {
                year: 2025,
                month: 3
            })
        );
        assert_eq!(EventDate::parse("2019"), Ok(EventDate::Year(2019)));
        assert_eq!(EventDate::parse("  "), Ok(EventDate::Undated));
    }

    #[test]
    fn impossible_and_unreadable_dates_are_refused_with_the_text() {
        for text in [
            "31/02/2025",
            "13/13/2025",
            "soon",
            "12 Smarch 2025",
            "1/2/3/4",
            "123",
        ] {
            let error = EventDate::parse(text).unwrap_err();
            assert!(error.to_string().contains(text), "{text}");
        }
    }

    #[test]
    fn dates_display_as_the_chronology_shows_them() {
        assert_eq!(d(2025, 3, 12).display(), "12 March 2025");
        assert_eq!(
            EventDate::Month {
                year: 2025,
                month: 3
            }
            .display(),
            "March 2025"
        );
        assert_eq!(EventDate::Year(2019).display(), "2019");
        assert_eq!(EventDate::Undated.display(), "");
    }

    #[test]
    fn seen_reads_yes_no_and_not_known() {
        assert_eq!(Seen::parse("Y"), Some(Seen::Yes));
        assert_eq!(Seen::parse("FALSE"), Some(Seen::No));
        assert_eq!(Seen::parse(""), Some(Seen::Unknown));
        assert_eq!(Seen::parse("n/k"), Some(Seen::Unknown));
        assert_eq!(Seen::parse("maybe"), None);
    }

    fn event(id: u128, date: EventDate, phase: &str, agency: Option<RecordId>) -> ChronologyEvent {
        ChronologyEvent {
            id: RecordId::fixed(id),
            date,
            agency,
            person: None,
            what_happened: format!("Event {id}"),
            seen: Seen::Unknown,
            views_sought: Seen::Unknown,
            source: String::new(),
            phase: phase.into(),
            updated_at: at(),
        }
    }

    #[test]
    fn events_sort_by_date_with_coarser_dates_first_and_undated_last_by_phase() {
        let content = ReviewContent {
            events: vec![
                event(1, EventDate::Undated, "After the move", None),
                event(2, d(2025, 3, 12), "Before the move", None),
                event(
                    3,
                    EventDate::Month {
                        year: 2025,
                        month: 3,
                    },
                    "",
                    None,
                ),
                event(4, EventDate::Year(2025), "", None),
                event(5, EventDate::Undated, "Before the move", None),
                event(6, d(2024, 12, 1), "", None),
                event(7, d(2025, 6, 1), "After the move", None),
            ],
            ..Default::default()
        };
        let order: Vec<RecordId> = ChronologyFilter::default()
            .apply(&content)
            .into_iter()
            .map(|i| content.events[i].id)
            .collect();
        assert_eq!(order, [6, 4, 3, 2, 7, 5, 1].map(RecordId::fixed));
        assert_eq!(phases(&content), ["Before the move", "After the move"]);
        let newest: Vec<usize> = ChronologyFilter {
            newest_first: true,
            ..Default::default()
        }
        .apply(&content);
        assert_eq!(content.events[newest[0]].id, RecordId::fixed(1));
    }

    #[test]
    fn the_filter_narrows_by_agency_phase_and_words() {
        let police = RecordId::fixed(100);
        let mut content = ReviewContent::default();
        content.agencies.push(Agency {
            id: police,
            name: "Police Scotland".into(),
            updated_at: at(),
        });
        content.events = vec![
            event(1, d(2025, 1, 1), "Early", Some(police)),
            event(2, d(2025, 1, 2), "Early", None),
            event(3, d(2025, 1, 3), "Later", Some(police)),
        ];
        content.events[2].what_happened = "Home visit, nobody answered".into();
        let by_agency = ChronologyFilter {
            agency: Some(police),
            ..Default::default()
        };
        assert_eq!(by_agency.apply(&content), [0, 2]);
        let by_phase = ChronologyFilter {
            phase: Some("early".into()),
            ..Default::default()
        };
        assert_eq!(by_phase.apply(&content), [0, 1]);
        let by_words = ChronologyFilter {
            text: "HOME police".into(),
            ..Default::default()
        };
        assert_eq!(by_words.apply(&content), [2]);
    }

    #[test]
    fn the_timeline_has_a_lane_per_agency_and_places_events_by_date() {
        let police = RecordId::fixed(100);
        let mut content = ReviewContent {
            events: vec![
                event(1, d(2024, 1, 1), "", Some(police)),
                event(2, d(2026, 1, 1), "", None),
                event(
                    3,
                    EventDate::Month {
                        year: 2025,
                        month: 1,
                    },
                    "",
                    Some(police),
                ),
                event(4, EventDate::Undated, "Later", None),
            ],
            ..Default::default()
        };
        content.agencies.push(Agency {
            id: police,
            name: "Police Scotland".into(),
            updated_at: at(),
        });
        let ids: Vec<RecordId> = content.events.iter().map(|e| e.id).collect();
        let layout = timeline_layout(&content, &ids).unwrap();
        assert_eq!(layout.lanes, ["Police Scotland", "No agency"]);
        assert_eq!(layout.undated, 1);
        assert_eq!(layout.marks.len(), 3);
        assert_eq!(layout.marks[0].position, 0.0);
        assert_eq!(layout.marks[2].position, 1.0);
        assert_eq!(layout.marks[2].lane, 1);
        let middle = layout.marks[1].position;
        assert!(middle > 0.49 && middle < 0.51, "{middle}");
        assert_eq!(
            layout.years.iter().map(|(y, _)| *y).collect::<Vec<_>>(),
            [2025, 2026]
        );
        assert!(timeline_layout(&content, &[RecordId::fixed(4)]).is_none());
    }

    #[test]
    fn the_entry_form_checks_fields_and_adds_new_agencies_and_roles_to_the_register() {
        let mut ids = SeededIds::new(3);
        let content = ReviewContent::default();
        let empty = EventForm::default();
        let errors = empty
            .to_entry(RecordId::fixed(1), &content, &mut ids, at(), "new-event")
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["new-event-date", "new-event-what"]);

        let bad_date = EventForm {
            date: "31/02/2025".into(),
            what_happened: "Visit".into(),
            ..Default::default()
        };
        let errors = bad_date
            .to_entry(RecordId::fixed(1), &content, &mut ids, at(), "e")
            .unwrap_err();
        assert!(errors[0].message.contains("31/02/2025"));

        let phase_only = EventForm {
            phase: "Pregnancy".into(),
            what_happened: "Booking appointment missed".into(),
            agency: "Health".into(),
            person: "Midwife 1".into(),
            ..Default::default()
        };
        let entry = phase_only
            .to_entry(RecordId::fixed(1), &content, &mut ids, at(), "e")
            .unwrap();
        assert_eq!(entry.event.date, EventDate::Undated);
        let agency = entry.new_agency.unwrap();
        assert_eq!(agency.name, "Health");
        let person = entry.new_person.unwrap();
        assert_eq!(person.label, "Midwife 1");
        assert_eq!(person.role, "Midwife");
        assert_eq!(person.agency, Some(agency.id));
        assert_eq!(entry.event.agency, Some(agency.id));
        assert_eq!(entry.event.person, Some(person.id));
    }

    #[test]
    fn the_entry_form_reuses_agencies_and_people_already_in_the_register() {
        let mut ids = SeededIds::new(4);
        let mut content = ReviewContent::default();
        let health = RecordId::fixed(10);
        content.agencies.push(Agency {
            id: health,
            name: "Health".into(),
            updated_at: at(),
        });
        let mut hv = Person::blank(RecordId::fixed(11), at());
        hv.label = "Health Visitor 1".into();
        content.people.push(hv);
        let form = EventForm {
            date: "March 2025".into(),
            agency: " health".into(),
            person: "health visitor 1".into(),
            what_happened: "Visit".into(),
            ..Default::default()
        };
        let entry = form
            .to_entry(RecordId::fixed(1), &content, &mut ids, at(), "e")
            .unwrap();
        assert_eq!(entry.new_agency, None);
        assert_eq!(entry.new_person, None);
        assert_eq!(entry.event.agency, Some(health));
        assert_eq!(entry.event.person, Some(RecordId::fixed(11)));
        // And back into a form for editing.
        let again = EventForm::from_event(&entry.event, &content);
        assert_eq!(again.date, "March 2025");
        assert_eq!(again.agency, "Health");
        assert_eq!(again.person, "Health Visitor 1");
    }
}
