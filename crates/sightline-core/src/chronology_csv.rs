//! Chronologies to and from CSV, the format every spreadsheet can save.
//!
//! Import happens in steps, and nothing is stored until the person confirms:
//! 1. [`decode_text`] turns the file's bytes into text (UTF-8, or Excel's Windows-1252);
//! 2. [`read_table`] reads the rows, guessing the separator (comma, semicolon or tab);
//! 3. [`guess_mapping`] proposes which column holds which field, for the person to change;
//! 4. [`plan_import`] reads every row with that mapping and lists the rows it cannot read and
//!    why, with the events, agencies and people it would add.

use chrono::{DateTime, Utc};

use crate::content::chronology::{ChronologyFilter, EventForm, Seen};
use crate::content::{Agency, ChronologyEvent, Person, ReviewContent};
use crate::form::FieldError;
use crate::ids::IdSource;
use crate::text::{escape_formula, needs_escape};

/// The largest CSV file read, in bytes. A chronology of tens of thousands of rows is far below.
pub const MAX_CSV_BYTES: usize = 20 * 1024 * 1024;
/// How many rows the mapping step previews.
pub const PREVIEW_ROWS: usize = 5;

/// How a file's text was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    /// Excel's "CSV" on Windows in the UK.
    Windows1252,
    /// Notepad's and Excel's "Unicode" (UTF-16, little-endian, with a byte order mark).
    Utf16Le,
    /// UTF-16, big-endian, with a byte order mark.
    Utf16Be,
}

/// Windows-1252's characters for bytes 0x80 to 0x9F (the rest match Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Text from UTF-16 bytes after their byte order mark; a character that cannot be read (an
/// unpaired surrogate, an odd last byte) becomes U+FFFD.
pub fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks(2).map(|pair| match (pair, little_endian) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Text from a file's bytes: UTF-8 (a byte order mark is dropped); UTF-16 when it starts with
/// a UTF-16 byte order mark (what Notepad and Excel call "Unicode"); otherwise, when the bytes
/// are not UTF-8, Windows-1252, which is what Excel writes as "CSV" on UK Windows laptops.
pub fn decode_text(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (decode_utf16(rest, true), TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (decode_utf16(rest, false), TextEncoding::Utf16Be);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), TextEncoding::Utf8),
        Err(_) => (
            bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect(),
            TextEncoding::Windows1252,
        ),
    }
}

/// Why a CSV file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("The file is empty. Choose the CSV file saved from the chronology spreadsheet.")]
    Empty,
    #[error("The file has a header row but no rows of events under it.")]
    NoRows,
    #[error("The file is larger than 20 MB, which is more than a chronology needs. Check it is the right file.")]
    TooLarge,
    #[error("The file is not a CSV file Sightline can read (line {line}: {reason}). In Excel, use File, Save As, and choose \u{201c}CSV UTF-8\u{201d}.")]
    Unreadable { line: u64, reason: String },
}

/// The cells of a CSV file: the header row and the rows under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvTable {
    pub headers: Vec<String>,
    /// Each row with the line of the file it starts on, as a text editor or spreadsheet
    /// numbers them (the header is line 1), whatever the line endings.
    pub rows: Vec<(u64, Vec<String>)>,
}

fn guess_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.matches(char::from(*d)).count())
        .unwrap_or(b',')
}

/// The physical line numbers of a text: where each line starts, in bytes. A line ends at
/// `\r\n` (Windows, every file Excel writes), `\n` or a lone `\r`, each counting once.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'\r' if bytes.get(at + 1) == Some(&b'\n') => {
                    at += 2;
                    starts.push(at);
                }
                b'\r' | b'\n' => {
                    at += 1;
                    starts.push(at);
                }
                _ => at += 1,
            }
        }
        Self(starts)
    }

    /// The line (from 1) of the record that starts at byte `offset` of `text`. The csv crate
    /// gives a record's start as the end of the line before when that line ended in `\r\n`
    /// (it ends records at the `\r`), so line breaks at `offset` are stepped over first.
    fn line_of(&self, text: &str, offset: usize) -> u64 {
        let skipped = text
            .as_bytes()
            .get(offset..)
            .map(|rest| {
                rest.iter()
                    .take_while(|b| matches!(b, b'\r' | b'\n'))
                    .count()
            })
            .unwrap_or(0);
        self.0.partition_point(|start| *start <= offset + skipped) as u64
    }
}

/// Reads a CSV file's text. The first row is taken as the column headings.
pub fn read_table(text: &str) -> Result<CsvTable, CsvError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge);
    }
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let lines = LineStarts::of(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(guess_delimiter(text))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let line_at = |position: Option<&csv::Position>| {
        position
            .map(|p| lines.line_of(text, p.byte() as usize))
            .unwrap_or(1)
    };
    let unreadable = |error: csv::Error| CsvError::Unreadable {
        line: line_at(error.position()),
        reason: match error.kind() {
            csv::ErrorKind::Utf8 { .. } => "characters that are not text".to_owned(),
            _ => "Sightline could not read this row".to_owned(),
        },
    };
    let headers: Vec<String> = match records.next() {
        Some(header) => header
            .map_err(unreadable)?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect(),
        None => return Err(CsvError::Empty),
    };
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(unreadable)?;
        rows.push((
            line_at(record.position()),
            record.iter().map(str::to_owned).collect(),
        ));
    }
    if rows.is_empty() {
        return Err(CsvError::NoRows);
    }
    Ok(CsvTable { headers, rows })
}

/// Why a row's cells cannot be trusted to sit under the right headings, if they cannot: a
/// row with fewer cells than the header has lost some (or was cut short), and a row with more
/// cells that are not empty usually has a comma inside a cell that needed quotes. Extra cells
/// that are all empty are harmless (some programs end every row with separators).
fn column_count_problem(row: &[String], columns: usize) -> Option<String> {
    if row.len() < columns {
        Some(format!(
            "has {} of {columns} columns: a cell is missing, or the row was cut short",
            row.len()
        ))
    } else if row[columns..].iter().any(|cell| !cell.trim().is_empty()) {
        Some(format!(
            "has {} cells where the header has {columns} columns: a comma or semicolon inside a cell probably needs quotes round the cell",
            row.len()
        ))
    } else {
        None
    }
}

/// A field of a chronology event that a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChronologyField {
    Date,
    Agency,
    Person,
    WhatHappened,
    Seen,
    ViewsSought,
    Source,
    Phase,
}

impl ChronologyField {
    pub const ALL: [ChronologyField; 8] = [
        ChronologyField::Date,
        ChronologyField::Agency,
        ChronologyField::Person,
        ChronologyField::WhatHappened,
        ChronologyField::Seen,
        ChronologyField::ViewsSought,
        ChronologyField::Source,
        ChronologyField::Phase,
    ];

    /// The field's name, and the heading Sightline writes when exporting.
    pub fn label(self) -> &'static str {
        match self {
            ChronologyField::Date => "Date",
            ChronologyField::Agency => "Agency",
            ChronologyField::Person => "Role",
            ChronologyField::WhatHappened => "What happened",
            ChronologyField::Seen => "Child or adult seen",
            ChronologyField::ViewsSought => "Views sought",
            ChronologyField::Source => "Source",
            ChronologyField::Phase => "Phase",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ChronologyField::Date => "date",
            ChronologyField::Agency => "agency",
            ChronologyField::Person => "role",
            ChronologyField::WhatHappened => "what",
            ChronologyField::Seen => "seen",
            ChronologyField::ViewsSought => "views",
            ChronologyField::Source => "source",
            ChronologyField::Phase => "phase",
        }
    }

    pub fn from_key(key: &str) -> Option<ChronologyField> {
        ChronologyField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Words in a column heading that suggest this field, most telling first.
    fn heading_words(self) -> &'static [&'static str] {
        match self {
            ChronologyField::Date => &["date", "when", "day"],
            ChronologyField::Agency => &["agency", "organisation", "organization", "service"],
            ChronologyField::Person => &[
                "role",
                "worker",
                "professional",
                "practitioner",
                "staff",
                "who",
            ],
            ChronologyField::WhatHappened => &[
                "what happened",
                "event",
                "description",
                "details",
                "summary",
                "narrative",
                "entry",
                "what",
            ],
            ChronologyField::Seen => &["seen"],
            ChronologyField::ViewsSought => &["views", "voice", "wishes"],
            ChronologyField::Source => &["source", "record", "reference"],
            ChronologyField::Phase => &["phase", "period", "stage"],
        }
    }
}

/// Which field each column holds: `None` for a column to leave out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMapping(pub Vec<Option<ChronologyField>>);

/// Proposes a mapping from the column headings. Each field goes to at most one column.
pub fn guess_mapping(headers: &[String]) -> ColumnMapping {
    let mut mapping = vec![None; headers.len()];
    let lowered: Vec<String> = headers.iter().map(|h| h.to_lowercase()).collect();
    // "Views sought" must not be taken as "seen", nor "child seen" as the person: check the
    // narrower fields first.
    let order = [
        ChronologyField::ViewsSought,
        ChronologyField::Seen,
        ChronologyField::Date,
        ChronologyField::Agency,
        ChronologyField::Phase,
        ChronologyField::Source,
        ChronologyField::WhatHappened,
        ChronologyField::Person,
    ];
    for field in order {
        let found = field.heading_words().iter().find_map(|word| {
            lowered
                .iter()
                .enumerate()
                .find(|(i, heading)| mapping[*i].is_none() && heading.contains(word))
                .map(|(i, _)| i)
        });
        if let Some(column) = found {
            mapping[column] = Some(field);
        }
    }
    ColumnMapping(mapping)
}

/// A row the import cannot read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The row's line in the file (the header row is line 1).
    pub line: u64,
    pub message: String,
}

/// What importing would add to the review, worked out in full before anything is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    pub events: Vec<ChronologyEvent>,
    /// Agencies named in the file that are not in the register yet.
    pub agencies: Vec<Agency>,
    /// Roles named in the file that are not in the register yet.
    pub people: Vec<Person>,
    /// Rows that cannot be read; they are left out.
    pub problems: Vec<RowProblem>,
    /// Rows with nothing in them, skipped without fuss.
    pub blank_rows: usize,
}

impl ColumnMapping {
    /// Checks the mapping: "What happened" must be chosen, and no field twice.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        for field in ChronologyField::ALL {
            if self.0.iter().filter(|f| **f == Some(field)).count() > 1 {
                errors.push(FieldError::new(
                    "column-0",
                    format!(
                        "\u{201c}{}\u{201d} is chosen for more than one column: choose it once",
                        field.label()
                    ),
                ));
            }
        }
        if !self.0.contains(&Some(ChronologyField::WhatHappened)) {
            errors.push(FieldError::new(
                "column-0",
                "Choose the column that says what happened",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn cell<'a>(&self, row: &'a [String], field: ChronologyField) -> &'a str {
        self.0
            .iter()
            .position(|f| *f == Some(field))
            .and_then(|column| row.get(column))
            .map(|cell| unescape_formula(cell.trim()))
            .unwrap_or("")
    }
}

/// Undoes [`escape_formula`] exactly: one apostrophe comes off a cell that Sightline would
/// have escaped.
fn unescape_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_escape(rest) => rest,
        _ => cell,
    }
}

/// Reads every row of `table` with `mapping` against the review's `content`.
pub fn plan_import(
    table: &CsvTable,
    mapping: &ColumnMapping,
    content: &ReviewContent,
    ids: &mut dyn IdSource,
    at: DateTime<Utc>,
) -> Result<ImportPlan, Vec<FieldError>> {
    mapping.check()?;
    // A working register, so that an agency or role new to the review but named on many rows
    // is added once.
    let mut register = ReviewContent {
        agencies: content.agencies.clone(),
        people: content.people.clone(),
        ..Default::default()
    };
    let mut plan = ImportPlan {
        events: Vec::new(),
        agencies: Vec::new(),
        people: Vec::new(),
        problems: Vec::new(),
        blank_rows: 0,
    };
    for (line, row) in &table.rows {
        if row.iter().all(|cell| cell.trim().is_empty()) {
            plan.blank_rows += 1;
            continue;
        }
        if let Some(message) = column_count_problem(row, table.headers.len()) {
            plan.problems.push(RowProblem {
                line: *line,
                message: format!("The row {message}"),
            });
            continue;
        }
        let mut problems = Vec::new();
        let mut yes_no = |field: ChronologyField| {
            let text = mapping.cell(row, field);
            Seen::parse(text).unwrap_or_else(|| {
                problems.push(format!(
                    "{}: \u{201c}{text}\u{201d} is not yes, no or not known",
                    field.label()
                ));
                Seen::Unknown
            })
        };
        let seen = yes_no(ChronologyField::Seen);
        let views_sought = yes_no(ChronologyField::ViewsSought);
        let form = EventForm {
            date: mapping.cell(row, ChronologyField::Date).to_owned(),
            agency: mapping.cell(row, ChronologyField::Agency).to_owned(),
            person: mapping.cell(row, ChronologyField::Person).to_owned(),
            what_happened: mapping.cell(row, ChronologyField::WhatHappened).to_owned(),
            seen,
            views_sought,
            source: mapping.cell(row, ChronologyField::Source).to_owned(),
            phase: mapping.cell(row, ChronologyField::Phase).to_owned(),
        };
        let id = ids.record_id();
        match form.to_entry(id, &register, ids, at, "row") {
            Ok(entry) if problems.is_empty() => {
                if let Some(agency) = entry.new_agency {
                    register.agencies.push(agency.clone());
                    plan.agencies.push(agency);
                }
                if let Some(person) = entry.new_person {
                    register.people.push(person.clone());
                    plan.people.push(person);
                }
                plan.events.push(entry.event);
            }
            Ok(_) => plan.problems.push(RowProblem {
                line: *line,
                message: problems.join("; "),
            }),
            Err(errors) => {
                problems.extend(errors.into_iter().map(|e| e.message));
                plan.problems.push(RowProblem {
                    line: *line,
                    message: problems.join("; "),
                });
            }
        }
    }
    Ok(plan)
}

/// The chronology as CSV, in date order, with headings that import reads back. Starts with a
/// UTF-8 byte order mark so that Excel shows every character correctly.
pub fn export_csv(content: &ReviewContent) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(ChronologyField::ALL.map(ChronologyField::label))
        .expect("writing to memory cannot fail");
    for index in ChronologyFilter::default().apply(content) {
        let event = &content.events[index];
        let cells = [
            event.date.display(),
            content.agency_name(event.agency).to_owned(),
            content.person_label(event.person).to_owned(),
            event.what_happened.clone(),
            event.seen.label().to_owned(),
            event.views_sought.label().to_owned(),
            event.source.clone(),
            event.phase.clone(),
        ];
        writer
            .write_record(cells.iter().map(|c| escape_formula(c)))
            .expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    format!(
        "\u{feff}{}",
        String::from_utf8(bytes).expect("the cells were text")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::chronology::EventDate;
    use crate::ids::SeededIds;
    use chrono::{NaiveDate, TimeZone};

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
    }

    const SAMPLE: &str =
        "Date,Agency,Worker,Event details,Child seen?,Child's views sought,Source record,Phase\n\
12/03/2025,Health,Health Visitor 1,Home visit,Y,N,HV notes,Early\n\
March 2025,Police Scotland,,Concern report,n/k,,Police system,Early\n\
,,,,,,,\n\
31/02/2025,Health,Health Visitor 1,Impossible date,Y,Y,HV notes,\n\
14/03/2025,Health,Health Visitor 2,Phone call,maybe,N,HV notes,\n\
15/03/2025,Education,,,,,,\n";

    #[test]
    fn decodes_utf8_with_or_without_a_byte_order_mark_and_windows_1252() {
        assert_eq!(
            decode_text("Café".as_bytes()),
            ("Café".into(), TextEncoding::Utf8)
        );
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFDate"),
            ("Date".into(), TextEncoding::Utf8)
        );
        assert_eq!(
            decode_text(b"Caf\xE9 \x93quoted\x94 \x80"),
            ("Café “quoted” €".into(), TextEncoding::Windows1252)
        );
    }

    #[test]
    fn reads_rows_with_their_line_numbers_and_guesses_the_separator() {
        let table = read_table(SAMPLE).unwrap();
        assert_eq!(table.headers.len(), 8);
        assert_eq!(table.rows.len(), 6);
        assert_eq!(table.rows[0].0, 2);
        let semicolons = read_table("Date;What happened\n1/1/2025;Visit\n").unwrap();
        assert_eq!(semicolons.rows[0].1, ["1/1/2025", "Visit"]);
        let tabs = read_table("Date\tWhat happened\n1/1/2025\t\"Visit, late\"\n").unwrap();
        assert_eq!(tabs.rows[0].1[1], "Visit, late");
    }

    #[test]
    fn empty_and_header_only_files_say_what_is_wrong() {
        assert_eq!(read_table(""), Err(CsvError::Empty));
        assert_eq!(read_table(" \n"), Err(CsvError::Empty));
        assert_eq!(read_table("Date,What happened\n"), Err(CsvError::NoRows));
        let error = read_table("Date,What\n\"unclosed,quote\n1,2\n");
        // The csv crate reads an unclosed quote to the end: one long cell, not an error.
        assert!(error.is_ok());
    }

    #[test]
    fn guesses_which_column_holds_which_field() {
        let table = read_table(SAMPLE).unwrap();
        let mapping = guess_mapping(&table.headers);
        assert_eq!(
            mapping.0,
            vec![
                Some(ChronologyField::Date),
                Some(ChronologyField::Agency),
                Some(ChronologyField::Person),
                Some(ChronologyField::WhatHappened),
                Some(ChronologyField::Seen),
                Some(ChronologyField::ViewsSought),
                Some(ChronologyField::Source),
                Some(ChronologyField::Phase),
            ]
        );
        let odd = guess_mapping(&["Notes".into(), "When".into()]);
        assert_eq!(odd.0, vec![None, Some(ChronologyField::Date)]);
    }

    #[test]
    fn a_mapping_needs_what_happened_and_each_field_once() {
        let errors = ColumnMapping(vec![Some(ChronologyField::Date), None])
            .check()
            .unwrap_err();
        assert_eq!(
            errors[0].message,
            "Choose the column that says what happened"
        );
        let errors = ColumnMapping(vec![
            Some(ChronologyField::Date),
            Some(ChronologyField::Date),
            Some(ChronologyField::WhatHappened),
        ])
        .check()
        .unwrap_err();
        assert!(errors[0].message.contains("more than one column"));
    }

    #[test]
    fn plans_an_import_listing_every_row_it_cannot_read_and_why() {
        let table = read_table(SAMPLE).unwrap();
        let mapping = guess_mapping(&table.headers);
        let mut ids = SeededIds::new(11);
        let plan =
            plan_import(&table, &mapping, &ReviewContent::default(), &mut ids, at()).unwrap();
        assert_eq!(plan.events.len(), 2);
        assert_eq!(plan.blank_rows, 1);
        let problems: Vec<(u64, &str)> = plan
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(problems.len(), 3);
        assert_eq!(problems[0].0, 5);
        assert!(problems[0].1.contains("31/02/2025"), "{}", problems[0].1);
        assert_eq!(problems[1].0, 6);
        assert!(
            problems[1].1.contains("Child or adult seen: “maybe”"),
            "{}",
            problems[1].1
        );
        assert_eq!(problems[2], (7, "Enter what happened"));
        // Agencies and roles new to the review are added once, however many rows name them.
        let agencies: Vec<&str> = plan.agencies.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(agencies, ["Health", "Police Scotland"]);
        assert_eq!(plan.people.len(), 1);
        assert_eq!(plan.people[0].label, "Health Visitor 1");
        assert_eq!(
            plan.events[0].date,
            EventDate::Exact(NaiveDate::from_ymd_opt(2025, 3, 12).unwrap())
        );
        assert_eq!(plan.events[0].seen, Seen::Yes);
        assert_eq!(plan.events[0].views_sought, Seen::No);
        assert_eq!(
            plan.events[1].date,
            EventDate::Month {
                year: 2025,
                month: 3
            }
        );
    }

    #[test]
    fn an_exported_chronology_imports_back_the_same() {
        let table = read_table(SAMPLE).unwrap();
        let mapping = guess_mapping(&table.headers);
        let mut ids = SeededIds::new(12);
        let plan =
            plan_import(&table, &mapping, &ReviewContent::default(), &mut ids, at()).unwrap();
        let mut content = ReviewContent {
            agencies: plan.agencies.clone(),
            people: plan.people.clone(),
            events: plan.events.clone(),
            ..Default::default()
        };
        content.events[0].what_happened = "=HYPERLINK(\"x\") and, a \"quote\"".into();
        let csv = export_csv(&content);
        assert!(csv.starts_with('\u{feff}'));
        assert!(
            csv.contains("'=HYPERLINK"),
            "formulas are neutralised: {csv}"
        );
        let (text, _) = decode_text(csv.as_bytes());
        let again = read_table(&text).unwrap();
        let mapping = guess_mapping(&again.headers);
        assert!(
            mapping.0.iter().all(Option::is_some),
            "Sightline's own headings map fully"
        );
        let plan = plan_import(&again, &mapping, &content, &mut ids, at()).unwrap();
        assert!(plan.problems.is_empty());
        assert!(
            plan.agencies.is_empty() && plan.people.is_empty(),
            "the register is reused"
        );
        let strip = |e: &ChronologyEvent| {
            (
                e.date,
                e.agency,
                e.person,
                e.what_happened.clone(),
                e.seen,
                e.views_sought,
                e.source.clone(),
                e.phase.clone(),
            )
        };
        // Export writes the chronology in date order: March 2025 before 12 March 2025.
        let in_date_order: Vec<_> = ChronologyFilter::default()
            .apply(&content)
            .into_iter()
            .map(|i| strip(&content.events[i]))
            .collect();
        assert_eq!(
            plan.events.iter().map(strip).collect::<Vec<_>>(),
            in_date_order
        );
    }

    /// The sample with Windows line endings, as Excel writes it.
    fn crlf(text: &str) -> String {
        text.replace('\n', "\r\n")
    }

    #[test]
    fn line_numbers_are_the_lines_a_person_sees_whatever_the_line_endings() {
        // A quoted cell over two lines pushes the rows after it down a line.
        let text = "Date,What happened\n1/1/2025,One\n2/1/2025,\"Two\nlines\"\n3/1/2025,Three\n";
        for variant in [text.to_owned(), crlf(text), text.replace('\n', "\r")] {
            let table = read_table(&variant).unwrap();
            let lines: Vec<u64> = table.rows.iter().map(|(line, _)| *line).collect();
            assert_eq!(lines, [2, 3, 5], "{variant:?}");
        }
        // Problems name the same lines for LF and CRLF files.
        let lf = plan(SAMPLE);
        let windows = plan(&crlf(SAMPLE));
        assert_eq!(lf, windows);
        assert_eq!(lf.iter().map(|p| p.0).collect::<Vec<_>>(), [5, 6, 7]);
    }

    fn plan(text: &str) -> Vec<(u64, String)> {
        let table = read_table(text).unwrap();
        let mapping = guess_mapping(&table.headers);
        plan_import(
            &table,
            &mapping,
            &ReviewContent::default(),
            &mut SeededIds::new(3),
            at(),
        )
        .unwrap()
        .problems
        .into_iter()
        .map(|p| (p.line, p.message))
        .collect()
    }

    #[test]
    fn a_row_with_too_few_or_too_many_cells_is_a_problem_with_its_line() {
        let text = "Date,Agency,Role,What happened,Seen,Views,Source\n\
1/1/2025,Health,Nurse 1,Visit,Y,N,Notes\n\
2/1/2025,Health,Visit\n\
3/1/2025,Health,Nurse 1,Visit, late,Y,N,Notes\n\
4/1/2025,Health,Nurse 1,Visit,Y,N,Notes,,\n";
        for variant in [text.to_owned(), crlf(text)] {
            let problems = plan(&variant);
            assert_eq!(problems.len(), 2, "{problems:?}");
            assert_eq!(problems[0].0, 3);
            assert!(
                problems[0].1.contains("has 3 of 7 columns"),
                "{}",
                problems[0].1
            );
            assert_eq!(problems[1].0, 4);
            assert!(
                problems[1].1.contains("has 8 cells where the header has 7"),
                "{}",
                problems[1].1
            );
        }
    }

    #[test]
    fn utf16_files_with_a_byte_order_mark_are_read() {
        let text = "Date\tWhat happened\r\n1/1/2025\tCafé visit “quoted” 😀\r\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(&le), (text.to_owned(), TextEncoding::Utf16Le));
        assert_eq!(decode_text(&be), (text.to_owned(), TextEncoding::Utf16Be));
        let table = read_table(&decode_text(&le).0).unwrap();
        assert_eq!(
            table.rows[0],
            (2, vec!["1/1/2025".into(), "Café visit “quoted” 😀".into()])
        );
    }

    #[test]
    fn formula_escaping_reads_back_exactly() {
        for cell in [
            "=SUM(A1)",
            "'=SUM(A1)",
            "''=x",
            "+44 131",
            "-5 degrees",
            "@home",
            "\tindented",
            "\rcarriage",
            "'plain apostrophe",
            "'",
            "''",
            "it's fine",
            "",
        ] {
            let escaped = escape_formula(cell);
            assert!(
                !escaped.starts_with(crate::text::FORMULA_STARTS),
                "{escaped:?} would run as a formula"
            );
            assert_eq!(unescape_formula(&escaped), cell, "{cell:?} via {escaped:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_typed_into_an_event_comes_back_the_same_from_its_csv(
            what in "['=+@\\-\t]{0,3}[a-z ,\"'\n\r=\t]{1,20}",
            source in "['=+@\\-]{0,3}[a-z ,\"']{0,12}",
        ) {
            let what = what.trim().to_owned();
            let source = source.trim().to_owned();
            proptest::prop_assume!(!what.is_empty());
            let event = ChronologyEvent {
                id: crate::ids::RecordId::from_random_bytes([1; 16]),
                date: EventDate::Year(2025),
                agency: None,
                person: None,
                what_happened: what.clone(),
                seen: Seen::Unknown,
                views_sought: Seen::Unknown,
                source: source.clone(),
                phase: String::new(),
                updated_at: at(),
            };
            let content = ReviewContent { events: vec![event], ..Default::default() };
            let csv = export_csv(&content);
            let table = read_table(&decode_text(csv.as_bytes()).0).unwrap();
            let mapping = guess_mapping(&table.headers);
            let plan = plan_import(&table, &mapping, &content, &mut SeededIds::new(5), at()).unwrap();
            proptest::prop_assert!(plan.problems.is_empty(), "{:?}", plan.problems);
            proptest::prop_assert_eq!(&plan.events[0].what_happened, &what);
            proptest::prop_assert_eq!(&plan.events[0].source, &source);
        }
    }
}
