//! Sharing the learning (issue 15, item 1): each time the learning is shared — a 7-minute
//! briefing at a team meeting, an online briefing, a training course, a newsletter, a national
//! submission — with when, how, to whom (role groups and agencies), how many people and who
//! delivered it (by role); which of the agencies the learning should reach have not been
//! reached yet; and the "Sharing the learning" stage date that follows from the log.
//!
//! The log is part of the review's details (`Review::dissemination`, file format version 6),
//! keyed by id so that two copies' entries are both kept; it sets the "Sharing the learning"
//! stage date.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lifecycle::Milestone;
use super::Review;
use crate::form::FieldError;
use crate::ids::RecordId;

/// How the learning was shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The 7-minute briefing talked through at a team meeting.
    TeamBriefing,
    OnlineBriefing,
    TrainingCourse,
    Newsletter,
    /// To a national body (the Care Inspectorate's learning hub, a national review group).
    NationalSubmission,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::TeamBriefing,
        Channel::OnlineBriefing,
        Channel::TrainingCourse,
        Channel::Newsletter,
        Channel::NationalSubmission,
        Channel::Other,
    ];

    /// "7-minute briefing at a team meeting".
    pub fn label(self) -> &'static str {
        match self {
            Channel::TeamBriefing => "7-minute briefing at a team meeting",
            Channel::OnlineBriefing => "Online briefing",
            Channel::TrainingCourse => "Training course",
            Channel::Newsletter => "Newsletter or bulletin",
            Channel::NationalSubmission => "National submission",
            Channel::Other => "Another way",
        }
    }
}

/// One time the learning was shared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sharing {
    pub on: NaiveDate,
    pub channel: Channel,
    /// Who it was for, as role groups ("Health visitors", "Team managers").
    pub audience: Vec<String>,
    /// The agencies whose staff it reached.
    pub agencies: BTreeSet<String>,
    /// How many people took part, if known.
    pub people: Option<u32>,
    /// Who delivered it, by role, never a name.
    pub delivered_by: String,
}

/// A sharing as a person fills it in, before it is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharingForm {
    pub on: Option<NaiveDate>,
    pub channel: Option<Channel>,
    /// Role groups, one per line or separated by commas.
    pub audience: String,
    pub agencies: Vec<String>,
    /// How many people, as typed ("", "24").
    pub people: String,
    pub delivered_by: String,
}

/// Each entry of a list a person typed, one per line or separated by commas, trimmed, without
/// empty ones or the same entry twice.
fn entries(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    text.split(['\n', ','])
        .map(|part| part.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|part| !part.is_empty() && seen.insert(agency_key(part)))
        .collect()
}

impl SharingForm {
    /// The sharing, or every problem with the form, in the form's order. `today` bounds the
    /// date: the log records what has happened, not what is planned.
    pub fn validate(&self, today: NaiveDate) -> Result<Sharing, Vec<FieldError>> {
        let mut problems = Vec::new();
        match self.on {
            None => problems.push(FieldError::new(
                "sharing-on",
                "Enter the date the learning was shared",
            )),
            Some(on) if on > today => problems.push(FieldError::new(
                "sharing-on",
                "The date the learning was shared must be today or in the past",
            )),
            Some(_) => {}
        }
        if self.channel.is_none() {
            problems.push(FieldError::new(
                "sharing-channel",
                "Select how the learning was shared",
            ));
        }
        let audience = entries(&self.audience);
        let agencies: BTreeSet<String> = entries(&self.agencies.join("\n")).into_iter().collect();
        if audience.is_empty() && agencies.is_empty() {
            problems.push(FieldError::new(
                "sharing-audience",
                "Enter who it was for (role groups) or choose the agencies it reached",
            ));
        }
        let typed = self.people.trim().replace(',', "");
        let people = if typed.is_empty() {
            None
        } else {
            match typed.parse::<u32>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    problems.push(FieldError::new(
                        "sharing-people",
                        "Enter how many people took part as a whole number, like 12, or leave it empty",
                    ));
                    None
                }
            }
        };
        let delivered_by = self.delivered_by.trim();
        if delivered_by.is_empty() {
            problems.push(FieldError::new(
                "sharing-by",
                "Enter the role of who delivered it",
            ));
        }
        match (self.on, self.channel) {
            (Some(on), Some(channel)) if problems.is_empty() => Ok(Sharing {
                on,
                channel,
                audience,
                agencies,
                people,
                delivered_by: delivered_by.to_owned(),
            }),
            _ => Err(problems),
        }
    }
}

/// An agency's name as compared: case, spacing and the kind of apostrophe do not make two
/// agencies, so "NHS Lothian" typed as "nhs  lothian", or "Children’s Services" as
/// "children's services", is the same agency.
pub fn agency_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['\u{2019}', '\u{2018}', '`', '\u{00b4}'], "'")
        .to_lowercase()
}

/// The log, oldest first (by date, then id).
pub fn sharing_in_order(log: &BTreeMap<RecordId, Sharing>) -> Vec<(RecordId, &Sharing)> {
    let mut list: Vec<_> = log.iter().map(|(id, s)| (*id, s)).collect();
    list.sort_by_key(|(id, s)| (s.on, *id));
    list
}

/// The agencies the learning should reach (the register's and the committee's own list,
/// without the same one twice), as first written.
pub fn target_agencies<'a>(lists: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    lists
        .into_iter()
        .map(|name| name.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|name| !name.is_empty() && seen.insert(agency_key(name)))
        .collect()
}

/// The target agencies no sharing in the log has reached yet, in the targets' order.
pub fn unreached(targets: &[String], log: &BTreeMap<RecordId, Sharing>) -> Vec<String> {
    let reached: BTreeSet<String> = log
        .values()
        .flat_map(|s| s.agencies.iter().map(|a| agency_key(a)))
        .collect();
    targets
        .iter()
        .filter(|t| !reached.contains(&agency_key(t)))
        .cloned()
        .collect()
}

/// The "Sharing the learning" stage date the log gives: when the learning was first shared.
pub fn learning_shared_on(log: &BTreeMap<RecordId, Sharing>) -> Option<NaiveDate> {
    log.values().map(|s| s.on).min()
}

/// How many people the log says were reached, and how many sharings did not say.
pub fn people_reached(log: &BTreeMap<RecordId, Sharing>) -> (u32, usize) {
    let counted = log.values().filter_map(|s| s.people).sum();
    let unknown = log.values().filter(|s| s.people.is_none()).count();
    (counted, unknown)
}

impl Review {
    /// Adds a sharing to the log, and keeps the "Sharing the learning" date in step.
    pub fn log_sharing(&mut self, id: RecordId, sharing: Sharing) {
        self.dissemination.insert(id, sharing);
        self.sync_sharing_date();
    }

    /// Removes a sharing logged by mistake.
    pub fn remove_sharing(&mut self, id: RecordId) {
        self.dissemination.remove(&id);
        self.sync_sharing_date();
    }

    /// Once the review keeps a log, the log is what the stage date says: the learning was
    /// first shared on its earliest entry. Removing the last entry leaves the date as it was.
    fn sync_sharing_date(&mut self) {
        if let Some(first) = learning_shared_on(&self.dissemination) {
            self.dates.set(Milestone::LearningShared, Some(first));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    fn form() -> SharingForm {
        SharingForm {
            on: Some(day(3, 4)),
            channel: Some(Channel::TeamBriefing),
            audience: "Health visitors, team managers\nHealth visitors".into(),
            agencies: vec!["NHS Lothian".into(), " nhs  lothian ".into()],
            people: "1,2".into(),
            delivered_by: " Practice development officer ".into(),
        }
    }

    #[test]
    fn a_sharing_is_read_from_its_form_with_lists_tidied() {
        let sharing = form().validate(day(3, 4)).unwrap();
        assert_eq!(sharing.audience, ["Health visitors", "team managers"]);
        assert_eq!(sharing.agencies.len(), 1, "the same agency typed twice");
        assert_eq!(sharing.people, Some(12));
        assert_eq!(sharing.delivered_by, "Practice development officer");
    }

    #[test]
    fn every_problem_of_the_form_is_named_in_order() {
        let empty = SharingForm::default().validate(day(3, 4)).unwrap_err();
        let fields: Vec<&str> = empty.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "sharing-on",
                "sharing-channel",
                "sharing-audience",
                "sharing-by"
            ]
        );
        let future = SharingForm {
            on: Some(day(3, 5)),
            people: "twelve".into(),
            ..form()
        }
        .validate(day(3, 4))
        .unwrap_err();
        assert_eq!(future.len(), 2);
        assert!(future[0].message.contains("today or in the past"));
        assert!(future[1].message.contains("whole number"));
        for zero in ["0", "-3", "4.5"] {
            let problems = SharingForm {
                people: zero.into(),
                ..form()
            }
            .validate(day(3, 4))
            .unwrap_err();
            assert_eq!(problems[0].field, "sharing-people", "{zero}");
        }
        // How many is optional.
        let unknown = SharingForm {
            people: "  ".into(),
            ..form()
        };
        assert_eq!(unknown.validate(day(3, 4)).unwrap().people, None);
    }

    #[test]
    fn unreached_agencies_ignore_case_spacing_and_the_kind_of_apostrophe() {
        let targets = target_agencies([
            "NHS Lothian",
            "Children\u{2019}s Services",
            "Police Scotland",
            "nhs lothian",
            "  ",
            "Education",
        ]);
        assert_eq!(
            targets,
            [
                "NHS Lothian",
                "Children\u{2019}s Services",
                "Police Scotland",
                "Education"
            ]
        );
        let mut log = BTreeMap::new();
        assert_eq!(unreached(&targets, &log).len(), 4);
        let mut first = form().validate(day(3, 4)).unwrap();
        first.agencies = ["nhs  LOTHIAN".to_owned(), "Children's services".to_owned()].into();
        log.insert(RecordId::fixed(2), first);
        let mut second = form().validate(day(3, 4)).unwrap();
        second.on = day(2, 20);
        second.people = None;
        second.agencies = ["Police Scotland".to_owned()].into();
        log.insert(RecordId::fixed(1), second);
        assert_eq!(unreached(&targets, &log), ["Education"]);
        assert_eq!(learning_shared_on(&log), Some(day(2, 20)));
        assert_eq!(people_reached(&log), (12, 1));
        let order: Vec<RecordId> = sharing_in_order(&log).iter().map(|(id, _)| *id).collect();
        assert_eq!(order, [RecordId::fixed(1), RecordId::fixed(2)]);
        assert_eq!(learning_shared_on(&BTreeMap::new()), None);
    }

    #[test]
    fn the_log_sets_the_sharing_the_learning_date_to_its_earliest_entry() {
        use crate::review::new_review::NewReview;
        use crate::review::ReviewType;
        use chrono::{TimeZone, Utc};
        let mut review = Review::new(
            crate::ids::ReviewId::from_random_bytes([3; 16]),
            NewReview {
                title: "R".into(),
                review_type: ReviewType::ChildProtection,
                notification_received: day(1, 2),
                committee: String::new(),
            },
            Utc.with_ymd_and_hms(2027, 1, 2, 9, 0, 0).unwrap(),
        );
        let mut sharing = form().validate(day(3, 4)).unwrap();
        review.log_sharing(RecordId::fixed(1), sharing.clone());
        assert_eq!(review.dates.get(Milestone::LearningShared), Some(day(3, 4)));
        sharing.on = day(2, 1);
        review.log_sharing(RecordId::fixed(2), sharing);
        assert_eq!(review.dates.get(Milestone::LearningShared), Some(day(2, 1)));
        // One logged by mistake and removed: the date follows the log.
        review.remove_sharing(RecordId::fixed(2));
        assert_eq!(review.dates.get(Milestone::LearningShared), Some(day(3, 4)));
        review.remove_sharing(RecordId::fixed(1));
        assert_eq!(review.dates.get(Milestone::LearningShared), Some(day(3, 4)));
    }

    #[test]
    fn every_channel_has_a_name() {
        for channel in Channel::ALL {
            assert!(!channel.label().is_empty());
        }
    }
}
