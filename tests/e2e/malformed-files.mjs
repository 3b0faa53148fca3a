// At least 100 malformed files, made from the version 3 golden review file: cut short at many
// points, wrong types, deep nesting, huge strings, duplicate ids, wrong references, binary junk
// and other kinds of file. Shared by the hostile-file journey.
import { readFileSync } from "node:fs";

const good = readFileSync(new URL("../../crates/sightline-core/tests/fixtures/review-v3.sightline.json", import.meta.url));
const json = () => JSON.parse(good.toString("utf8"));
const text = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value));

/** A seeded stream of bytes, so the junk is the same every run. */
function junk(seed, length) {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = x & 0xff;
  }
  return out;
}

export function malformedFiles() {
  const files = [];
  const add = (name, bytes) => files.push({ name: `${String(files.length + 1).padStart(3, "0")}-${name}.sightline.json`, bytes });
  // Cut short at 40 points through the file.
  for (let i = 1; i <= 40; i++) add(`cut-at-${i}`, good.subarray(0, Math.floor((good.length * i) / 41)));
  // Binary junk of several sizes, and junk after a good start.
  for (let i = 1; i <= 12; i++) add(`junk-${i}`, junk(i, 16 * i * i));
  add("junk-after-json", Buffer.concat([good.subarray(0, 200), junk(99, 500)]));
  add("png-header", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  add("zip-header", Buffer.concat([Buffer.from("PK\u0003\u0004"), junk(7, 300)]));
  add("utf16", Buffer.from(`\ufeff${good.toString("utf8").slice(0, 2000)}`, "utf16le"));
  add("latin1", Buffer.from("{\"kind\": \"sightline.review\", \"title\": \"caf\xe9\"}", "latin1"));
  // Not Sightline files, or nothing.
  for (const [name, value] of [
    ["empty", ""], ["spaces", "   \n\t "], ["null", "null"], ["number", "42"], ["string", "\"a review\""],
    ["array", "[]"], ["object", "{}"], ["other-app", { name: "not sightline" }], ["kind-number", { kind: 7, format_version: 3 }],
    ["kind-unknown", { kind: "sightline.unknown", format_version: 3 }], ["html", "<!doctype html><script>alert(1)</script>"],
    ["csv", "date,what\n12/03/2025,visit"], ["age-header-only", "age-encryption.org/v1\n-> scrypt AAAA 18\n"],
  ]) add(name, text(value));
  // Versions that cannot be read.
  for (const [name, version] of [["version-0", 0], ["version-negative", -1], ["version-string", "3"], ["version-float", 2.5], ["version-huge", 1e12], ["version-missing", undefined], ["version-future", 99]]) {
    const v = json();
    v.format_version = version;
    add(name, text(v));
  }
  // Wrong types where the reader expects something else.
  const wrong = [
    ["review-array", (v) => (v.review = [])], ["review-string", (v) => (v.review = "x")], ["review-missing", (v) => delete v.review],
    ["content-string", (v) => (v.content = "x")], ["events-object", (v) => (v.content.events = {})], ["events-number", (v) => (v.content.events = 5)],
    ["event-id-number", (v) => (v.content.events[0].id = 12)], ["event-date-wrong", (v) => (v.content.events[0].date = "yesterday")],
    ["title-number", (v) => (v.review.title = 7)], ["title-null", (v) => (v.review.title = null)], ["type-unknown", (v) => (v.review.review_type = "murder mystery")],
    ["dates-array", (v) => (v.review.stage_dates = [1, 2])], ["created-not-a-date", (v) => (v.review.created_at = "soon")],
    ["map-node-level-unknown", (v) => (v.content.map_nodes[0].level = "moon")], ["finding-kind-unknown", (v) => (v.content.findings[0].kind = 3)],
    ["action-due-not-a-date", (v) => (v.content.actions[0].due = "next week")], ["briefing-sections-string", (v) => (v.content.briefings[0].sections = "seven")],
    ["people-null", (v) => (v.content.people = null)], ["responses-mixed", (v) => (v.content.responses = [1, "two", null, {}])],
    ["exported-at-number", (v) => (v.exported_at = 5)],
  ];
  for (const [name, change] of wrong) {
    const v = json();
    change(v);
    add(name, text(v));
  }
  // Duplicate ids and references to records that are not there (repaired, and said so).
  {
    const v = json();
    v.content.events[1].id = v.content.events[0].id;
    add("duplicate-event-ids", text(v));
    const w = json();
    w.content.episodes[0].events.push("00000000-0000-7000-8000-000000000000");
    add("episode-to-missing-event", text(w));
    const x = json();
    x.content.map_links[0].to = "00000000-0000-7000-8000-000000000001";
    add("link-to-missing-node", text(x));
    const y = json();
    y.content.findings[0].episodes = ["00000000-0000-7000-8000-000000000002"];
    add("finding-to-missing-episode", text(y));
    const z = json();
    z.content.actions[0].finding = "00000000-0000-7000-8000-000000000003";
    add("action-to-missing-finding", text(z));
  }
  // Deep nesting and huge strings.
  add("deep-arrays", text("[".repeat(100_000)));
  add("deep-objects", text('{"a":'.repeat(20_000) + "1" + "}".repeat(20_000)));
  {
    const v = json();
    v.content.events[0].what_happened = { a: { b: { c: { d: [[[[[[[[[["deep"]]]]]]]]]] } } } };
    add("deep-in-a-record", text(v));
    const w = json();
    w.review.title = "T".repeat(5_000_000);
    add("huge-title", text(w));
    const x = json();
    x.content.events[0].what_happened = "\u0000".repeat(100_000);
    add("nul-characters", text(x));
    const y = json();
    y.content.events = Array.from({ length: 20_000 }, () => ({ id: "not-an-id" }));
    add("many-bad-events", text(y));
  }
  return files;
}
