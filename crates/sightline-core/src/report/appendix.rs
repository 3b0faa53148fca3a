//! The appendices a reviewer chooses, made at export time from the review as it is: the terms
//! of reference (scope, period and review questions), the full chronology as a table, and the
//! systems map as an image. They go in the full report only: the chronology and the map hold
//! exact dates and the detail the committee needs, which an anonymised report must not.

use super::draft::{agency_name, event_when};
use super::Appendices;
use crate::content::ReviewContent;
use crate::dates::format_uk_date;
use crate::review::Review;

/// One appendix, lettered in the order they are given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppendixPart {
    /// The terms of reference: paragraphs and a numbered list of the review questions.
    Terms {
        title: String,
        paragraphs: Vec<String>,
        questions: Vec<String>,
    },
    /// A table with a header row.
    Table {
        title: String,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The systems map as an SVG document (a picture in Word, drawn by the app).
    Map { title: String, svg: String },
}

impl AppendixPart {
    pub fn title(&self) -> &str {
        match self {
            AppendixPart::Terms { title, .. }
            | AppendixPart::Table { title, .. }
            | AppendixPart::Map { title, .. } => title,
        }
    }
}

/// The appendices `chosen`, made from the review.
pub fn appendices(
    review: &Review,
    content: &ReviewContent,
    chosen: &Appendices,
) -> Vec<AppendixPart> {
    let mut out = Vec::new();
    let letter = |n: usize| char::from(b'A' + (n as u8).min(25));
    if chosen.terms_of_reference {
        let setup = &review.setup;
        let mut paragraphs = Vec::new();
        if !setup.scope.trim().is_empty() {
            paragraphs.push(format!("Scope: {}", setup.scope.trim()));
        }
        match (setup.period_from, setup.period_to) {
            (Some(from), Some(to)) => paragraphs.push(format!(
                "Period under review: {} to {}.",
                format_uk_date(from),
                format_uk_date(to)
            )),
            (Some(from), None) => paragraphs.push(format!(
                "Period under review: from {}.",
                format_uk_date(from)
            )),
            (None, Some(to)) => paragraphs.push(format!(
                "Period under review: up to {}.",
                format_uk_date(to)
            )),
            (None, None) => {}
        }
        paragraphs.push(format!("Review model: {}.", setup.model.label()));
        let questions = setup
            .questions_in_order()
            .into_iter()
            .map(|(_, q)| q.text.trim().to_owned())
            .collect();
        out.push(AppendixPart::Terms {
            title: format!("Appendix {}: Terms of reference", letter(out.len())),
            paragraphs,
            questions,
        });
    }
    if chosen.chronology {
        let mut events: Vec<_> = content.events.iter().collect();
        events.sort_by_key(|e| (e.date.earliest(), e.id));
        let rows = events
            .into_iter()
            .map(|e| {
                vec![
                    match e.date {
                        crate::content::event_date::EventDate::Exact(d) => format_uk_date(d),
                        _ => event_when(e),
                    },
                    agency_name(content, e.agency).unwrap_or_default(),
                    e.what_happened.trim().to_owned(),
                ]
            })
            .collect();
        out.push(AppendixPart::Table {
            title: format!("Appendix {}: The chronology", letter(out.len())),
            header: vec!["When".into(), "Agency".into(), "What happened".into()],
            rows,
        });
    }
    if chosen.map {
        let title = format!("Appendix {}: The systems map", letter(out.len()));
        out.push(AppendixPart::Map {
            svg: crate::map::svg::render_svg(content, &title),
            title,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{generate_review, ReviewSize};
    use chrono::{TimeZone, Utc};

    #[test]
    fn the_chosen_appendices_are_lettered_in_order_with_every_event_in_date_order() {
        let at = Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
        let (mut review, content) = generate_review(3, ReviewSize::SMALL, at);
        review.setup.scope = "From birth to the admission.".into();
        let none = appendices(&review, &content, &Appendices::default());
        assert!(none.is_empty());
        let all = Appendices {
            map: true,
            chronology: true,
            terms_of_reference: true,
        };
        let parts = appendices(&review, &content, &all);
        let titles: Vec<&str> = parts.iter().map(AppendixPart::title).collect();
        assert_eq!(
            titles,
            [
                "Appendix A: Terms of reference",
                "Appendix B: The chronology",
                "Appendix C: The systems map"
            ]
        );
        let AppendixPart::Table { rows, header, .. } = &parts[1] else {
            panic!("a table");
        };
        assert_eq!(header.len(), 3);
        assert_eq!(rows.len(), content.events.len());
        let AppendixPart::Terms { paragraphs, .. } = &parts[0] else {
            panic!("terms");
        };
        assert_eq!(paragraphs[0], "Scope: From birth to the admission.");
        assert!(matches!(&parts[2], AppendixPart::Map { svg, .. } if svg.starts_with("<svg")));
        // Only the map: it is Appendix A.
        let map_only = appendices(
            &review,
            &content,
            &Appendices {
                map: true,
                ..Default::default()
            },
        );
        assert_eq!(map_only[0].title(), "Appendix A: The systems map");
    }
}
