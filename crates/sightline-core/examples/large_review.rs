//! Writes a generated review as the records Sightline keeps in IndexedDB, as JSON on standard
//! output, for the browser benchmarks (`bench/`) to load straight into storage. The map is also
//! given plainly (`map`), for the map benchmark's plain-JavaScript baseline page.
//!
//!     cargo run --release -p sightline-core --example large_review -- [seed] > large-review.json

use chrono::{TimeZone, Utc};
use sightline_core::content::encode_from;
use sightline_core::content::Change;
use sightline_core::record::{encode_review, encode_summary};
use sightline_core::testing::{generate_review, ReviewSize};
use sightline_core::ReviewSummary;

fn main() {
    let seed = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
    let (review, content) = generate_review(seed, ReviewSize::LARGE, now);
    let records: Vec<(String, String)> = content
        .every_record()
        .into_iter()
        .filter_map(|change| match change {
            Change::Put(kind, id) => Some((
                format!("{}/{}/{}", review.id, kind.key(), id),
                encode_from(&content, kind, id)?,
            )),
            Change::Removed(..) => None,
        })
        .collect();
    let nodes: Vec<_> = content
        .map_nodes
        .iter()
        .map(|n| {
            serde_json::json!({
                "id": n.id.to_string(), "x": n.x, "y": n.y, "label": n.label,
                "kind": n.kind.caption(), "sign": n.polarity.sign(),
            })
        })
        .collect();
    let links: Vec<_> = content
        .map_links
        .iter()
        .map(|l| serde_json::json!({ "from": l.from.to_string(), "to": l.to.to_string(), "caption": l.caption() }))
        .collect();
    let out = serde_json::json!({
        "id": review.id.to_string(),
        "review": encode_review(&review),
        "summary": encode_summary(&ReviewSummary::of(&review)),
        "reflection": content.reflections.first().map(|r| r.id.to_string()),
        "records": records,
        "map": { "nodes": nodes, "links": links },
    });
    println!("{out}");
}
