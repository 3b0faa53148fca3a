// Helpers for journeys that export and open review files, shared by files.spec.mjs and
// defects.spec.mjs.
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { expect } from "./support.mjs";

const CORE_FIXTURES = new URL("../../crates/sightline-core/tests/fixtures/", import.meta.url);
export const coreFixture = (name) => new URL(name, CORE_FIXTURES).pathname;
export const FIXTURE_TITLE = "Generated review 20 (Child K)";
/** The golden review file of the current format version. */
export const REVIEW = "review-v4.sightline.json";
export const PASSPHRASE = "correct horse battery staple";

/** Clicks `button` and returns the file the app offers: its suggested name and bytes. */
export async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const bytes = await readFile(await download.path());
  return { name: download.suggestedFilename(), bytes };
}

/** Opens `file` (a path or { name, buffer }) with "Open a file" on the Reviews page. */
export async function openFile(page, file) {
  if (!page.url().endsWith("/")) await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  const payload = typeof file === "string" ? file : { name: file.name, mimeType: "application/octet-stream", buffer: file.bytes ?? file.buffer };
  await page.getByLabel("Open a file").setInputFiles(payload);
}

/** Imports the golden review file and waits for its Overview. */
export async function importFixtureReview(page) {
  await page.goto("/");
  await openFile(page, coreFixture(REVIEW));
  const summary = page.getByTestId("file-summary");
  await expect(summary.getByRole("heading", { name: `“${FIXTURE_TITLE}”` })).toBeVisible();
  await expect(summary.getByTestId("file-counts")).toContainText("40 chronology events");
  await summary.getByRole("button", { name: "Import review" }).click();
  await expect(page.getByTestId("open-result")).toContainText(`“${FIXTURE_TITLE}” is stored in this browser.`);
  await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: FIXTURE_TITLE })).toBeVisible();
}

/** Exports the review on screen from its Overview, optionally with a passphrase. */
export async function exportReview(page, passphrase) {
  if (passphrase) {
    await page.getByLabel("Protect with a passphrase").check();
    await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
    await page.getByLabel("Confirm passphrase").fill(passphrase);
  }
  const file = await downloadFrom(page, page.getByRole("button", { name: "Export review file" }));
  await expect(page.getByTestId("saved-file")).toContainText(file.name);
  // The export stamps the review as agreed with the file; wait for that to be stored.
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  return file;
}

/** Runs the standard age tool, answering its passphrase prompt (tests/interop/age_tty.py). */
export function age(action, source, target, passphrase) {
  const helper = new URL("../interop/age_tty.py", import.meta.url).pathname;
  execFileSync("python3", [helper, action, source, target, passphrase], { stdio: "pipe", timeout: 60_000 });
}

/** Changes the review's title on its Overview and waits until it is saved. */
export async function rename(page, title) {
  await page.getByRole("button", { name: "Change title" }).click();
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}
