// Issue 7: hostile files and hostile text. No file, however malformed, crashes the app or
// changes stored data; each gets a clear message. No text typed or imported runs anywhere —
// not in the app, not in any export — and nothing is requested from anywhere else (every
// journey also fails on a request outside 127.0.0.1 or on any console error, which is where a
// Content-Security-Policy violation would show).
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, createReview } from "./support.mjs";
import { malformedFiles } from "./malformed-files.mjs";

const PAYLOADS = JSON.parse(await readFile(new URL("../fixtures/xss-payloads.json", import.meta.url), "utf8"));
const FIXTURE = new URL("../../crates/sightline-core/tests/fixtures/review-v3.sightline.json", import.meta.url);
/** The text fields of a review file, by key, that the app shows and exports. */
const TEXT_FIELDS = new Set([
  "title", "committee", "name", "label", "role", "notes", "support_offered", "what_happened", "source", "phase",
  "span_note", "how_it_looked", "description", "text", "help", "statement", "detail", "owner_role", "dropped_reason",
  "completion_evidence", "impact_measure", "note", "heading", "body", "audience", "approved_by", "liaison_note", "other_details",
]);

/** Catches any payload that runs: an alert, or a write to window.__pwned. */
async function watchForScripts(page) {
  const ran = [];
  page.on("dialog", async (dialog) => {
    // Leaving a page while a save is due asks first; that one is the app's own.
    if (dialog.type() === "beforeunload") return dialog.accept();
    ran.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    Object.defineProperty(window, "__pwned", { set: (v) => window.__ran?.push(`__pwned=${v}`), configurable: true });
    window.__ran = [];
  });
  return ran;
}

/** Words of the program, not of a person: serde's messages and Rust's type names. */
const INTERNALS = /invalid type|invalid value|expected (struct|a string|a map|a sequence|one of|u\d+|i\d+)|UUID|serde|Review(V\d|File)|missing field|unknown variant|`/;

test("more than 100 malformed files each get a clear message and change nothing stored", async ({ page }) => {
  test.setTimeout(240_000);
  await createReview(page, { title: "Review that must survive" });
  await page.goto("/");
  await expect(page.getByTestId("review-count")).toHaveText("Showing 1 of 1 review");
  const files = malformedFiles();
  expect(files.length).toBeGreaterThanOrEqual(100);
  const error = page.locator("#open-file-error");
  const summary = page.getByTestId("file-summary");
  const outcomes = { refused: 0, repaired: 0, read: 0 };
  // The opener counts what it has shown, so each file's outcome is told apart from the message
  // the file before left on the page (on a busy machine the old one is still there for a while).
  const panel = page.getByTestId("open-file-panel");
  const outcome = async (before, name) => {
    await expect(panel, name).not.toHaveAttribute("data-outcomes", String(before), { timeout: 15_000 });
    return Number(await panel.getAttribute("data-outcomes"));
  };
  for (const file of files) {
    const before = Number(await panel.getAttribute("data-outcomes"));
    await page.getByLabel("Open a file").setInputFiles({ name: file.name, mimeType: "application/json", buffer: file.bytes });
    const passphrase = page.getByLabel("Passphrase", { exact: true });
    const shown = await outcome(before, file.name);
    await expect(error.or(summary).or(passphrase), file.name).toBeVisible();
    if (await passphrase.isVisible()) {
      // It says it is protected: a passphrase is asked for, and the damage is then reported.
      await passphrase.fill("not the passphrase at all");
      await page.getByRole("button", { name: "Open the file" }).click();
      await outcome(shown, file.name);
      await expect(error, file.name).toBeVisible();
    }
    if (await error.isVisible()) {
      const message = (await error.textContent()).replace(/^Error:\s*/, "");
      // Says what is wrong and what to do, in words, not a program's error.
      expect(message, file.name).toMatch(/\.\s.+\.$|\.$/);
      expect(message, file.name).not.toMatch(/panicked|RuntimeError|undefined|unreachable/);
      // Issue 11: no program internals (serde's and Rust's words) reach the page.
      expect(message, file.name).not.toMatch(INTERNALS);
      // A file that says it is Sightline's is damaged, not the wrong file.
      if (file.bytes.includes('"kind"') && file.bytes.includes('"sightline.')) {
        expect(message, file.name).not.toContain("Check you chose the right file");
      }
      outcomes.refused++;
    } else {
      // Read with repairs (each listed) or whole; then left without importing.
      if (await page.getByTestId("file-repairs").count()) {
        outcomes.repaired++;
        const repairs = await page.getByTestId("file-repairs").textContent();
        expect(repairs, file.name).not.toMatch(INTERNALS);
        // Records are named by what they are, never by their ids.
        expect(repairs, file.name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      } else outcomes.read++;
      await summary.getByRole("button", { name: "Cancel" }).first().click();
    }
  }
  console.log(`Malformed files: ${files.length}; refused with a message ${outcomes.refused}, read with repairs listed ${outcomes.repaired}, read whole ${outcomes.read}`);
  expect(outcomes.refused).toBeGreaterThan(80);
  await page.reload();
  await expect(page.getByTestId("review-count")).toHaveText("Showing 1 of 1 review");
  await page.getByRole("link", { name: "Review that must survive" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review that must survive" })).toBeVisible();
});

test("a review whose every text is a hostile payload runs nothing, in every page and every export", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const ran = await watchForScripts(page);
  // The golden review with a payload in every text field, in turn through the list.
  const review = JSON.parse(await readFile(FIXTURE, "utf8"));
  let n = 0;
  const poison = (value) => {
    if (Array.isArray(value)) return value.map(poison);
    if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        value[key] = TEXT_FIELDS.has(key) && typeof inner === "string" ? PAYLOADS[n++ % PAYLOADS.length] : poison(inner);
      }
    }
    return value;
  };
  poison(review.review);
  poison(review.content);
  expect(n, "payloads placed").toBeGreaterThan(PAYLOADS.length);
  const title = review.review.title;
  await page.goto("/");
  await page.getByLabel("Open a file").setInputFiles({ name: "hostile.sightline.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(review)) });
  await page.getByTestId("file-summary").getByRole("button", { name: "Import review" }).click();
  await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const base = page.url();

  // Every page of the review, and the things on them that open.
  const pages = ["", "/people", "/chronology", "/episodes", "/reflections", "/map", "/findings", "/actions", "/briefing"];
  for (const path of pages) {
    await page.goto(base + path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  }
  for (const [list, link] of [["/episodes", "episode-row"], ["/findings", "finding-row"], ["/actions", "action-row"], ["/reflections", null]]) {
    await page.goto(base + list);
    const first = link ? page.getByTestId(link).first().getByRole("link").first() : page.locator("main a[href*='/reflections/']").first();
    if (await first.count()) {
      await first.click();
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    }
  }
  await page.goto(`${base}/search?q=${encodeURIComponent("script")}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("script");

  // Every export the review offers.
  const downloads = [];
  const save = async (button) => {
    const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
    downloads.push({ name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8").catch(() => "") });
  };
  await page.goto(base);
  await save(page.getByRole("button", { name: "Export review file" }));
  await page.goto(`${base}/chronology`);
  await save(page.getByRole("button", { name: "Export CSV" }));
  await page.goto(`${base}/actions`);
  await save(page.getByRole("button", { name: "Export action plan (CSV)" }));
  await page.goto(`${base}/map`);
  for (const name of ["SVG image", "JSON Canvas (.canvas)"]) {
    const option = page.getByRole("button", { name });
    if (!(await option.isVisible())) await page.getByRole("button", { name: "Export map" }).click();
    await save(option);
  }
  // The briefing: dismiss every flag (the payloads trip several detectors), confirm, export all.
  await page.goto(`${base}/briefing`);
  await page.getByRole("button", { name: "Check for identifying details" }).click();
  await expect(page.getByTestId("check-summary")).toBeVisible();
  for (let guard = 0; guard < 300 && (await page.getByTestId("flag").count()) > 0; guard++) {
    const flag = page.getByTestId("flag").first();
    await flag.getByText("Dismiss this flag").click();
    await flag.getByLabel("Why it does not identify anyone").fill("Test text, not a person");
    await flag.getByRole("button", { name: "Dismiss flag" }).click();
    await expect(page.getByTestId("flag")).toHaveCount(Math.max(0, (await page.getByTestId("flag").count())));
  }
  await page.getByLabel("Your role").fill("Tester");
  await page.getByLabel(/a motivated intruder could not identify/).check();
  await page.getByRole("button", { name: "Confirm the check" }).click();
  for (const label of ["Web page (a single HTML file)", "Online briefing (a slide deck in one HTML file)", "Markdown"]) {
    await page.getByLabel(label).check();
    await save(page.getByRole("button", { name: "Export briefing" }));
  }
  await save(page.getByRole("button", { name: "Download team return form" }));

  // Open each HTML and SVG export from disk, in a browser context of its own: nothing runs
  // but the deck's navigation, nothing is requested, nothing is refused by the file's CSP.
  const dir = await mkdtemp(join(tmpdir(), "sightline-hostile-"));
  const context = await browser.newContext();
  for (const file of downloads.filter((d) => /\.(html|svg)$/.test(d.name))) {
    const path = join(dir, file.name);
    await writeFile(path, file.text);
    const other = await context.newPage();
    const otherRan = await watchForScripts(other);
    const requests = [];
    const problems = [];
    other.on("request", (r) => r.url() !== `file://${path}` && requests.push(r.url()));
    other.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    other.on("pageerror", (e) => problems.push(e.message));
    await other.goto(`file://${path}`);
    expect(otherRan, file.name).toEqual([]);
    expect(await other.evaluate(() => window.__ran), file.name).toEqual([]);
    expect(requests, file.name).toEqual([]);
    expect(problems, file.name).toEqual([]);
    await other.close();
  }
  await context.close();
  expect(downloads.length).toBeGreaterThanOrEqual(8);
  expect(ran, "scripts that ran").toEqual([]);
  expect(await page.evaluate(() => window.__ran)).toEqual([]);
});
