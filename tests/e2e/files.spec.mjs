// Issue 4: review files. Export and import (plain and protected), every kind of bad file,
// keep both, merge with and without conflicts, backup and restore, and a reflection pack
// answered in a second browser and imported back.
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, createReview, expectAccessible } from "./support.mjs";
import { age, downloadFrom, openFile, importFixtureReview, exportReview, FIXTURE_TITLE, REVIEW, PASSPHRASE, coreFixture, rename } from "./files-support.mjs";


/** The parts of a review file that must survive a round trip: everything but its envelope. */
const EMPTY_REPORT = {
  sections: {}, core_data: {}, answers: {},
  appendices: { map: false, chronology: false, terms_of_reference: false },
  versions: {}, comments: {}, dismissals: [], check: null,
};

function body(bytes) {
  const file = JSON.parse(bytes.toString("utf8"));
  // A review imported into this version starts keeping when its details change (for merging
  // field by field) from the moment of the import; that moment is not part of what
  // round-trips.
  const { fields_tracked_since: _since, ...review } = file.review;
  // A file from before version 5 is read with an empty report, which is written back.
  if (!("report" in review)) review.report = EMPTY_REPORT;
  // And one from before version 6 with an empty log of sharing the learning.
  if (!("dissemination" in review)) review.dissemination = {};
  return { review, content: file.content };
}

async function deleteReviewOnScreen(page) {
  await page.getByRole("button", { name: "Delete review" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
}

test("a review exported, deleted and imported again is the same review, and the import survives a reload", async ({ page }) => {
  await importFixtureReview(page);
  const exported = await exportReview(page);
  expect(exported.name).toMatch(/^Generated-review-20-Child-K-\d{4}-\d{2}-\d{2}\.sightline\.json$/);
  const first = JSON.parse(exported.bytes.toString("utf8"));
  expect(first.kind).toBe("sightline.review");
  expect(first.format_version).toBe(6);
  // The file holds what the golden fixture held.
  expect(body(exported.bytes)).toEqual(body(await readFile(coreFixture(REVIEW))));

  await deleteReviewOnScreen(page);
  await expect(page.getByTestId("no-reviews")).toBeVisible();
  await openFile(page, exported);
  await page.getByTestId("file-summary").getByRole("button", { name: "Import review" }).click();
  await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: FIXTURE_TITLE })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: FIXTURE_TITLE })).toBeVisible();
  const again = await exportReview(page);
  expect(body(again.bytes)).toEqual(body(exported.bytes));
  // The second export says when this copy last agreed with a file: when it was imported.
  const basedOn = JSON.parse(again.bytes.toString("utf8")).based_on;
  expect(Date.parse(basedOn)).toBeGreaterThanOrEqual(Date.parse(first.exported_at));
});

test("a protected export opens only with its passphrase, in another browser", async ({ page, browser }) => {
  await importFixtureReview(page);
  // A weak passphrase is refused with a reason, and nothing is saved.
  await page.getByLabel("Protect with a passphrase").check();
  await page.getByLabel("Passphrase", { exact: true }).fill("short");
  await page.getByLabel("Confirm passphrase").fill("short");
  await page.getByRole("button", { name: "Export review file" }).click();
  await expect(page.locator("#passphrase-error")).toContainText("at least 10 characters");
  await expectAccessible(page, "the export panel with a passphrase error");
  const exported = await exportReview(page, PASSPHRASE);
  expect(exported.name).toMatch(/\.sightline\.json\.age$/);
  expect(exported.bytes.subarray(0, 21).toString("latin1")).toBe("age-encryption.org/v1");
  expect(exported.bytes.includes(Buffer.from("Child K"))).toBe(false);

  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  try {
    await openFile(other, exported);
    await expect(other.getByText(`“${exported.name}” is protected with a passphrase.`)).toBeVisible();
    await expect(other.getByLabel("Passphrase")).toBeFocused();
    await other.getByLabel("Passphrase").fill("the wrong passphrase");
    await other.getByRole("button", { name: "Open the file" }).click();
    await expect(other.locator("#open-passphrase-error")).toContainText("Sightline could not open the file with that passphrase. Either it is not the passphrase the file was protected with");
    await expectAccessible(other, "the passphrase prompt with an error");
    await other.getByLabel("Passphrase").fill(PASSPHRASE);
    await other.getByRole("button", { name: "Open the file" }).click();
    await other.getByTestId("file-summary").getByRole("button", { name: "Import review" }).click();
    await other.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
    await expect(other.getByRole("heading", { level: 1, name: FIXTURE_TITLE })).toBeVisible();
    const plain = await exportReview(other);
    expect(body(plain.bytes)).toEqual(body(await readFile(coreFixture(REVIEW))));
  } finally {
    await elsewhere.close();
  }
});

test("a protected file opens with the standard age tool, and a file age protects opens here", async ({ page, browser }) => {
  const dir = await mkdtemp(join(tmpdir(), "sightline-age-"));
  await importFixtureReview(page);
  const exported = await exportReview(page, PASSPHRASE);
  await writeFile(join(dir, exported.name), exported.bytes);
  age("decrypt", join(dir, exported.name), join(dir, "opened.json"), PASSPHRASE);
  const opened = await readFile(join(dir, "opened.json"));
  expect(body(opened)).toEqual(body(await readFile(coreFixture(REVIEW))));

  // The other way: a file protected with `age -p` (its own, stronger work factor).
  age("encrypt", coreFixture(REVIEW), join(dir, "from-age.json.age"), PASSPHRASE);
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  try {
    await openFile(other, join(dir, "from-age.json.age"));
    await other.getByLabel("Passphrase").fill(PASSPHRASE);
    await other.getByRole("button", { name: "Open the file" }).click();
    await other.getByTestId("file-summary").getByRole("button", { name: "Import review" }).click();
    await other.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
    await expect(other.getByRole("heading", { level: 1, name: FIXTURE_TITLE })).toBeVisible();
  } finally {
    await elsewhere.close();
  }
});

test("every kind of bad file gets a clear message and the reviews already here are untouched", async ({ page }) => {
  await createReview(page, { title: "Review that must survive" });
  await page.goto("/");
  await expect(page.getByTestId("review-count")).toHaveText("Showing 1 of 1 review");
  const good = await readFile(coreFixture(REVIEW));
  const sealed = await (async () => {
    // A protected file made by the app itself, then damaged.
    await page.getByRole("link", { name: "Review that must survive" }).click();
    const file = await exportReview(page, PASSPHRASE);
    await page.goto("/");
    return file.bytes;
  })();
  const tampered = Buffer.from(sealed);
  tampered[tampered.length - 20] ^= 0x55;
  const newer = JSON.parse(good.toString("utf8"));
  newer.format_version = 7;
  newer.app_version = "9.0.0";

  const cases = [
    ["empty.sightline.json", Buffer.alloc(0), "The file is empty."],
    ["cut-short.sightline.json", good.subarray(0, good.length / 2), "The file ends too early"],
    ["notes.json", Buffer.from("these are my notes, not a review"), "Sightline could not read it as JSON"],
    ["photo.json", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]), "it is not text"],
    ["other.json", Buffer.from('{"name": "a different app"}'), "it has no Sightline kind tag"],
    ["future.sightline.json", Buffer.from(JSON.stringify(newer)), "made by a newer version of Sightline (9.0.0)"],
  ];
  const error = page.locator("#open-file-error");
  for (const [name, bytes, message] of cases) {
    await openFile(page, { name, bytes });
    await expect(error, name).toContainText(message);
    await expect(page.getByLabel("Open a file")).toHaveAttribute("aria-describedby", "open-file-hint open-file-error");
  }
  await expectAccessible(page, "the Reviews page with a file error");

  // A damaged protected file: the passphrase is right but the contents were changed.
  await openFile(page, { name: "damaged.sightline.json.age", bytes: tampered });
  await page.getByLabel("Passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the file" }).click();
  await expect(error).toContainText("The protected file is damaged or has been changed");

  // Far too large: refused before it is read.
  const dir = await mkdtemp(join(tmpdir(), "sightline-e2e-"));
  const huge = join(dir, "huge.sightline.json");
  await writeFile(huge, Buffer.alloc(51 * 1024 * 1024, 0x20));
  await openFile(page, huge);
  await expect(error).toContainText("larger than 50 MB");

  // The wrong kind of file where only a backup will do.
  await page.goto("/storage");
  await page.getByLabel("Restore from backup").setInputFiles(coreFixture(REVIEW));
  await expect(page.locator("#restore-file-error")).toContainText("This is a review file (not a backup of every review). Open it with “Open a file” on the Reviews page.");

  await page.goto("/");
  await expect(page.getByTestId("review-count")).toHaveText("Showing 1 of 1 review");
  await page.getByRole("link", { name: "Review that must survive" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review that must survive" })).toBeVisible();
});

test("a file of a review already here can be kept as a separate copy", async ({ page }) => {
  await importFixtureReview(page);
  await openFile(page, coreFixture(REVIEW));
  const summary = page.getByTestId("file-summary");
  await expect(summary).toContainText(`This review is already in this browser, as “${FIXTURE_TITLE}”.`);
  await expectAccessible(page, "the choice for a review already here");
  await summary.getByRole("button", { name: "Keep both" }).click();
  await expect(page.getByTestId("open-result")).toContainText(`“${FIXTURE_TITLE} (copy)” is stored in this browser.`);
  await expect(page.getByTestId("review-count")).toHaveText("Showing 2 of 2 reviews");
  await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${FIXTURE_TITLE} (copy)` })).toBeVisible();
  // The copy has its own identity: deleting it leaves the original.
  await deleteReviewOnScreen(page);
  await expect(page.getByTestId("review-count")).toHaveText("Showing 1 of 1 review");
  await expect(page.getByTestId("review-row")).toContainText(FIXTURE_TITLE);
});

test("Replace puts the file's copy in place of the review here", async ({ page }) => {
  await importFixtureReview(page);
  await rename(page, "Renamed after import");
  await openFile(page, coreFixture(REVIEW));
  const summary = page.getByTestId("file-summary");
  await expect(summary).toContainText("This review is already in this browser, as “Renamed after import”.");
  await summary.getByRole("button", { name: "Replace" }).click();
  await expect(page.getByTestId("open-result")).toContainText(`“${FIXTURE_TITLE}” is stored in this browser.`);
  await expect(page.getByTestId("review-count")).toHaveText("Showing 1 of 1 review");
  await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: FIXTURE_TITLE })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: FIXTURE_TITLE })).toBeVisible();
});

test("a file dropped onto the Reviews page opens, and what the reader repaired is listed first", async ({ page }) => {
  // A version 1 file: old files keep opening.
  const file = JSON.parse(await readFile(coreFixture("review-v1.sightline.json"), "utf8"));
  // An event that names an agency the file does not hold.
  file.content.events[0].agency = "0b8f3c1e-0000-4000-8000-000000000000";
  await page.goto("/");
  await expect(page.getByTestId("no-reviews")).toBeVisible();
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "dropped.sightline.json", { type: "application/json" }));
    return transfer;
  }, JSON.stringify(file));
  await page.dispatchEvent(".app-drop-zone", "dragover", { dataTransfer });
  await page.dispatchEvent(".app-drop-zone", "drop", { dataTransfer });
  const summary = page.getByTestId("file-summary");
  await expect(summary.getByRole("heading", { name: `“${FIXTURE_TITLE}”` })).toBeVisible();
  await expect(summary).toContainText("review file, format version 1");
  await expect(summary).toContainText("by Sightline 0.1.0");
  const repairs = summary.getByTestId("file-repairs");
  await expect(repairs).toContainText("1 thing had to be repaired as it was read");
  await expect(repairs).toContainText(/The chronology event of \d+ \w+ \d{4} named an agency that is not in the file; the link was dropped\./);
  await expectAccessible(page, "the summary of a file with repairs");
  // Nothing is stored until the person chooses.
  await page.reload();
  await expect(page.getByTestId("no-reviews")).toBeVisible();
});

test("changes made in two browsers merge, and a change made in both asks which to keep", async ({ page, browser }) => {
  await importFixtureReview(page);
  const shared = await exportReview(page);

  const elsewhere = await browser.newContext();
  const colleague = await elsewhere.newPage();
  try {
    // The colleague works on the shared file and sends it back.
    await openFile(colleague, shared);
    await colleague.getByTestId("file-summary").getByRole("button", { name: "Import review" }).click();
    await colleague.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
    await rename(colleague, "Child K review, agreed title");
    const returned = await exportReview(colleague);

    // Nothing changed here since: the merge takes their change without asking.
    await openFile(page, returned);
    await page.getByTestId("file-summary").getByRole("button", { name: "Merge" }).click();
    const merge = page.getByTestId("merge");
    await expect(merge).toContainText("The file adds 0 records and updates 1 record. Nothing was changed on both sides.");
    await merge.getByRole("button", { name: "Finish merging" }).click();
    await expect(page.getByTestId("open-result")).toContainText("Merged:");
    await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Child K review, agreed title" })).toBeVisible();

    // Now both change the title.
    await rename(page, "Title chosen here");
    await rename(colleague, "Title chosen by the colleague");
    const conflicting = await exportReview(colleague);
    await openFile(page, conflicting);
    await page.getByTestId("file-summary").getByRole("button", { name: "Merge" }).click();
    await expect(merge).toContainText("1 thing was changed in both copies: choose which version to keep.");
    const conflict = merge.getByTestId("conflict");
    // The conflict names the one field both changed, with both values.
    await expect(conflict.locator("legend")).toHaveText("The review’s details: Title");
    await expect(conflict).toContainText("Title chosen here");
    await expect(conflict).toContainText("Title chosen by the colleague");
    await expectAccessible(page, "the merge with a conflict");
    await merge.getByRole("button", { name: "Finish merging" }).click();
    await expect(page.locator("#open-file-error")).toContainText("Choose which version to keep for every difference below.");
    await conflict.getByLabel("Take the version in the file").check();
    await merge.getByRole("button", { name: "Finish merging" }).click();
    await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Title chosen by the colleague" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Title chosen by the colleague" })).toBeVisible();
  } finally {
    await elsewhere.close();
  }
});

test("everything backed up can be restored into an empty browser, and the last backup is shown", async ({ page, browser }) => {
  await createReview(page, { title: "First review in the backup" });
  await createReview(page, { title: "Second review in the backup" });
  await page.goto("/storage");
  await expect(page.getByTestId("last-backup")).toHaveText("You have not backed up from this browser yet.");
  await expect(page.getByTestId("backup-reminder")).toBeVisible();
  const backup = await downloadFrom(page, page.getByRole("button", { name: "Back up everything" }));
  expect(backup.name).toMatch(/^Sightline-backup-\d{4}-\d{2}-\d{2}\.sightline\.json$/);
  expect(JSON.parse(backup.bytes.toString("utf8")).reviews).toHaveLength(2);
  await expect(page.getByTestId("last-backup")).toContainText("Last backup:");
  await expect(page.getByTestId("backup-reminder")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("last-backup")).toContainText("Last backup:");
  await page.goto("/");
  await expect(page.getByTestId("review-count")).toHaveText("Showing 2 of 2 reviews");
  await expect(page.getByTestId("backup-reminder")).toHaveCount(0);
  // Eight days on, both pages remind.
  await page.clock.setFixedTime(new Date(Date.now() + 8 * 24 * 60 * 60 * 1000));
  await page.reload();
  await expect(page.getByTestId("backup-reminder")).toContainText("Your last backup was 8 days ago.");
  await page.goto("/storage");
  await expect(page.getByTestId("backup-reminder")).toContainText("Your last backup was 8 days ago.");

  const elsewhere = await browser.newContext();
  const fresh = await elsewhere.newPage();
  try {
    await fresh.goto("/storage");
    await fresh.getByLabel("Restore from backup").setInputFiles({ name: backup.name, mimeType: "application/json", buffer: backup.bytes });
    const summary = fresh.getByTestId("backup-summary");
    await expect(summary.getByTestId("file-counts")).toHaveText("2 reviews");
    await expectAccessible(fresh, "the backup restore choices");
    await summary.getByLabel(/Second review in the backup/).uncheck();
    await summary.getByRole("button", { name: "Restore chosen reviews" }).click();
    await expect(fresh.getByTestId("open-result")).toContainText("Restored 1 review.");
    await fresh.goto("/");
    await expect(fresh.getByTestId("review-row")).toHaveCount(1);
    await expect(fresh.getByTestId("review-row")).toContainText("First review in the backup");
  } finally {
    await elsewhere.close();
  }
});

test("a reflection pack answered in another browser comes back as a contribution, once", async ({ page, browser }) => {
  // Long: many steps and pages (20-32 s on a 2-core machine); a limit with a wide margin for a busy one.
  test.setTimeout(120_000);
  await importFixtureReview(page);
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Reflections", exact: true }).click();
  await page.getByRole("link", { name: "Practitioners' event 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Practitioners' event 1" })).toBeVisible();
  await page.getByLabel("Episode 1: information shared with partner agencies").check();
  await expectAccessible(page, "the reflection pack panel");
  const pack = await downloadFrom(page, page.getByRole("button", { name: "Export reflection pack" }));
  const packJson = JSON.parse(pack.bytes.toString("utf8"));
  expect(packJson.kind).toBe("sightline.reflection-pack");
  // A pack never carries anyone's answers.
  expect(JSON.stringify(packJson)).not.toContain("responses");

  const elsewhere = await browser.newContext();
  const practitioner = await elsewhere.newPage();
  let contribution;
  let protectedContribution;
  try {
    await openFile(practitioner, pack);
    await expect(practitioner.getByRole("heading", { level: 1, name: "Practitioners' event 1" })).toBeVisible();
    await expect(practitioner.getByText("Episode 1: information shared with partner agencies").first()).toBeVisible();
    await practitioner.getByRole("button", { name: "Export my contribution" }).click();
    await expect(practitioner.locator("#pack-role-error")).toContainText("Choose or enter the role you are answering as");
    await practitioner.getByLabel("School Nurse 1").check();
    const firstAnswer = practitioner.locator("textarea").first();
    await firstAnswer.fill("We did not hear about the neighbour's concern until weeks later.");
    await practitioner.getByLabel("I agree this answer may be quoted (without my role)").first().check();
    await expect(practitioner.getByTestId("save-status")).toHaveText("Saved");
    // The draft survives a reload.
    await practitioner.reload();
    await expect(practitioner.locator("textarea").first()).toHaveValue("We did not hear about the neighbour's concern until weeks later.");
    await expectAccessible(practitioner, "the reflection pack page");
    contribution = await downloadFrom(practitioner, practitioner.getByRole("button", { name: "Export my contribution" }));
    expect(JSON.parse(contribution.bytes.toString("utf8")).kind).toBe("sightline.contribution");
    // Later, an edited answer, sent protected.
    await practitioner.locator("textarea").first().fill(`${"We did not hear about the neighbour's concern until weeks later."} We raised it at supervision.`);
    await expect(practitioner.getByTestId("save-status")).toHaveText("Saved");
    await practitioner.getByLabel("Protect with a passphrase").check();
    await practitioner.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await practitioner.getByLabel("Confirm passphrase").fill(PASSPHRASE);
    protectedContribution = await downloadFrom(practitioner, practitioner.getByRole("button", { name: "Export my contribution" }));
    expect(protectedContribution.name).toMatch(/\.sightline\.json\.age$/);
    // Sent: the practitioner removes the pack and their answers from their laptop.
    await practitioner.goto("/");
    await expect(practitioner.getByTestId("packs")).toContainText("Practitioners' event 1");
    await practitioner.getByTestId("packs").getByRole("link").click();
    await practitioner.getByRole("button", { name: "Remove this pack" }).click();
    await expect(practitioner.getByRole("dialog")).toContainText("Your answers are removed too.");
    await practitioner.getByRole("dialog").getByRole("button", { name: "Remove this pack" }).click();
    await expect(practitioner.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
    await expect(practitioner.getByRole("alert")).toContainText("The pack “Practitioners' event 1” and your answers were removed from this browser");
    await expect(practitioner.getByTestId("packs")).toHaveCount(0);
  } finally {
    await elsewhere.close();
  }

  const input = page.getByLabel("Import contributions");
  const answer = "We did not hear about the neighbour's concern until weeks later.";
  const answersReading = () => page.locator("textarea").evaluateAll((boxes, text) => boxes.filter((b) => b.value === text).length, answer);
  await input.setInputFiles({ name: contribution.name, mimeType: "application/json", buffer: contribution.bytes });
  const results = page.getByTestId("contribution-results");
  await expect(results).toContainText(`${contribution.name}: from School Nurse 1, 1 added, 0 updated, 0 already here.`);
  await expect.poll(answersReading).toBe(1);
  await input.setInputFiles({ name: contribution.name, mimeType: "application/json", buffer: contribution.bytes });
  await expect(results).toContainText(`${contribution.name}: from School Nurse 1, 0 added, 0 updated, 1 already here.`);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Practitioners' event 1" })).toBeVisible();
  await expect.poll(answersReading).toBe(1);

  // The protected, edited contribution updates the same answer rather than adding another.
  await input.setInputFiles({ name: protectedContribution.name, mimeType: "application/octet-stream", buffer: protectedContribution.bytes });
  await expect(page.getByLabel("Passphrase", { exact: true })).toBeFocused();
  await page.getByLabel("Passphrase", { exact: true }).fill("not the passphrase");
  await page.getByRole("button", { name: "Open the file" }).click();
  await expect(page.locator("#contribution-passphrase-error")).toContainText("Sightline could not open the file with that passphrase. Either it is not the passphrase the file was protected with");
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the file" }).click();
  await expect(results).toContainText(`${protectedContribution.name}: from School Nurse 1, 0 added, 1 updated, 0 already here.`);
  const edited = `${answer} We raised it at supervision.`;
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Practitioners' event 1" })).toBeVisible();
  await expect.poll(() => page.locator("textarea").evaluateAll((boxes, text) => boxes.filter((b) => b.value === text).length, edited)).toBe(1);
  await expect.poll(answersReading).toBe(0);
});
