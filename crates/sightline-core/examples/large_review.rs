//! Writes a generated review as the records Sightline keeps in IndexedDB, as JSON on standard
//! output, for the browser benchmarks (`bench/large-review.mjs`) to load straight into storage.
//!
//!     cargo run --release -p sightline-core --example large_review -- [seed] > large-review.json

use chrono::{TimeZone, Utc};
use sightline_core::content::*;
use sightline_core::generate::{generate_review, ReviewSize};
use sightline_core::record::{encode_record, encode_review, encode_summary};
use sightline_core::ReviewSummary;

fn main() {
    let seed = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
    let (review, content) = generate_review(seed, ReviewSize::LARGE, now);
    let mut records: Vec<(String, String)> = Vec::new();
    fn add<T: Record>(
        review: &sightline_core::Review,
        content: &ReviewContent,
        out: &mut Vec<(String, String)>,
    ) {
        for record in T::all(content) {
            out.push((
                format!("{}/{}/{}", review.id, T::KIND.key(), record.id()),
                encode_record(record),
            ));
        }
    }
    add::<Agency>(&review, &content, &mut records);
    add::<Person>(&review, &content, &mut records);
    add::<ChronologyEvent>(&review, &content, &mut records);
    add::<Episode>(&review, &content, &mut records);
    add::<Reflection>(&review, &content, &mut records);
    add::<Response>(&review, &content, &mut records);
    let out = serde_json::json!({
        "id": review.id.to_string(),
        "review": encode_review(&review),
        "summary": encode_summary(&ReviewSummary::of(&review)),
        "reflection": content.reflections.first().map(|r| r.id.to_string()),
        "records": records,
    });
    println!("{out}");
}
