// Issue 14: the Reviewer's report, drafted from the review under the national headings, edited
// and kept with the review, drafted again without losing edits, issued as numbered drafts and
// compared, commented on, checked, and exported as Word, a web page and a printed PDF; the
// anonymised report is blocked until the identifying-details check passes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import JSZip from "jszip";
import { test, expect, expectAccessible, createReview } from "./support.mjs";
import { importFixtureReview, downloadFrom } from "./files-support.mjs";

const nav = (page, name) =>
  page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name, exact: true }).click();
const sectionBox = (page, key) => page.locator(`#report-section-${key}`);

async function openReport(page) {
  await nav(page, "Report");
  await expect(page.getByRole("heading", { level: 1, name: "The Reviewer’s report" })).toBeVisible();
}

async function draft(page) {
  await page.getByTestId("draft-report").click();
  await expect(page.getByTestId("draft-outcome")).not.toBeEmpty();
}

/** The text of a PDF, page by page, and its page count (poppler's pdfinfo and pdftotext). */
function readPdf(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "sightline-pdf-"));
  const file = join(dir, "report.pdf");
  writeFileSync(file, bytes);
  const info = execFileSync("pdfinfo", [file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  return { pages, text, byPage: text.split("\f").filter((p, i, all) => i < all.length - 1 || p.trim()) };
}

test("the report is drafted from the review, checked, and exported as Word, a web page and a printed PDF, marked Restricted", async ({ page }) => {
  await importFixtureReview(page);
  await openReport(page);
  await expect(page.getByTestId("report-stage")).toHaveText("Not drafted yet.");
  await draft(page);
  await expect(page.getByTestId("draft-outcome")).toHaveText("The report is drafted. Edit each section below.");

  // Every national heading, numbered; a Learning Together review states findings, not recommendations.
  await expect(page.getByTestId("report-section").locator("h3")).toHaveText([
    "1. Core data",
    "2. Introduction",
    "3. The review process",
    "4. The facts",
    "5. Analysis",
    "6. Findings and learning",
    "7. Findings for the committee to consider",
    "8. Appendices",
  ]);
  await expect(sectionBox(page, "review_process")).toHaveValue(/Learning Together/);
  await expect(sectionBox(page, "review_process")).toHaveValue(/Head of service, Example partnership \(chair\)/);
  await expect(sectionBox(page, "review_process")).toHaveValue(/40 events/);
  await expect(sectionBox(page, "findings")).toHaveValue(/1\. How well did agencies share what they knew\?/);
  await expect(sectionBox(page, "introduction")).toHaveValue(/Time taken/);
  await expect(sectionBox(page, "introduction")).toHaveValue(/Police Scotland asked for interviews to wait/);

  // The quality check names what is missing; an answer's link goes to its box on this page.
  const answersTask = page.getByTestId("quality-task").filter({ hasText: "Each review question is answered" });
  await expect(answersTask).toHaveAttribute("data-done", "false");
  await expect(answersTask.getByRole("link")).toHaveText(["Question 1 is not answered", "Question 2 is not answered"]);
  await answersTask.getByRole("link", { name: "Question 1 is not answered" }).click();
  const answer1 = page.getByLabel("1. How well did agencies share what they knew?");
  await expect(answer1).toBeFocused();
  await answer1.fill("Partly: health and education shared, housing was not asked.");
  await answer1.blur();
  // The answer goes into section 6, and the task list follows.
  await expect(sectionBox(page, "findings")).toHaveValue(/Partly: health and education shared, housing was not asked\./);
  await expect(answersTask.getByRole("link")).toHaveText(["Question 2 is not answered"]);

  // Core data: each line is left out unless included.
  await page.locator("#core-age_band").fill("0 to 4");
  await page.locator("#core-age_band").blur();
  await page.locator("#core-gender").fill("Not given");
  await page.locator("#core-gender").blur();
  await page.locator("#core-age_band-include").check();
  await expect(sectionBox(page, "core_data")).toHaveValue(/Age band: 0 to 4/);
  await expect(sectionBox(page, "core_data")).not.toHaveValue(/Not given/);
  await expectAccessible(page, "the Report page");

  // Appendices as chosen: section 8 lists them; the exports carry them.
  await page.getByLabel("The full chronology, as a table").check();
  await page.getByLabel("The systems map, as an image").check();
  await page.getByLabel(/The terms of reference/).check();
  await expect(sectionBox(page, "appendices")).toHaveValue(/- Appendix A: Terms of reference\n- Appendix B: The chronology\n- Appendix C: The systems map/);

  // Word: real headings, read back by mammoth; the header says RESTRICTED; pages are numbered.
  const word = await downloadFrom(page, page.getByRole("button", { name: "Download as Word (.docx)" }));
  expect(word.name).toMatch(/-report-Working-copy-\d{4}-\d{2}-\d{2}\.docx$/);
  const html = (await mammoth.convertToHtml({ buffer: word.bytes })).value;
  expect(html).toContain("<h1>1. Core data</h1>");
  expect(html).toContain("<h1>7. Findings for the committee to consider</h1>");
  expect(html).toContain("Partly: health and education shared");
  expect(html).toContain("<li>");
  const zip = await JSZip.loadAsync(word.bytes);
  const headers = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith("word/header")).map((n) => zip.file(n).async("string")));
  expect(headers.join("")).toContain("RESTRICTED");
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith("word/footer")).map((n) => zip.file(n).async("string")));
  expect(footers.join("")).toContain("PAGE");
  const documentXml = await zip.file("word/document.xml").async("string");
  expect(documentXml).toContain("<w:tbl>");
  expect(html).toContain("Appendix B: The chronology");
  expect(Object.keys(zip.files).some((n) => n.startsWith("word/media/"))).toBe(true);

  // The web page: self-contained, no script, marked; printed, every page is marked and numbered.
  const web = await downloadFrom(page, page.getByRole("button", { name: "Download as a web page (.html)" }));
  const text = web.bytes.toString("utf8");
  expect(text).toContain('data-marking="restricted"');
  expect(text).not.toMatch(/<script/i);
  expect(text).toContain("default-src 'none'");
  expect((text.match(/<tr>/g) ?? []).length).toBe(41);
  expect(text).toContain("<svg");
  const printed = await page.context().newPage();
  await printed.setContent(text);
  const exported = readPdf(await printed.pdf({ format: "A4", preferCSSPageSize: true }));
  await printed.close();
  expect(exported.pages).toBeGreaterThanOrEqual(9);
  expect(exported.byPage.length).toBe(exported.pages);
  for (const [n, pageText] of exported.byPage.entries()) {
    expect(pageText, `page ${n + 1}`).toContain("RESTRICTED");
    expect(pageText, `page ${n + 1}`).toContain(`Page ${n + 1} of ${exported.pages}`);
  }
  expect(exported.text).toContain("Contents");
  expect(exported.text).toContain("6. Findings and learning");

  // The Report page itself prints the report alone: no buttons, no navigation, no forms. Its
  // printed copy follows the text once typing pauses.
  await expect(page.getByTestId("printed-report")).toContainText("Appendix A: Terms of reference");
  const own = readPdf(await page.pdf({ format: "A4", preferCSSPageSize: true }));
  expect(own.pages).toBeGreaterThanOrEqual(9);
  for (const [n, pageText] of own.byPage.entries()) {
    expect(pageText, `page ${n + 1}`).toContain("RESTRICTED");
    expect(pageText, `page ${n + 1}`).toContain(`Page ${n + 1} of ${own.pages}`);
  }
  for (const heading of ["Contents", "1. Core data", "5. Analysis", "8. Appendices", "Partly: health and education shared"]) {
    expect(own.text).toContain(heading);
  }
  for (const chrome of ["Draft again", "Quality check", "Issue a version", "Review sections", "Download as Word", "Add comment"]) {
    expect(own.text).not.toContain(chrome);
  }
});

test("an edit survives drafting again and a reload; drafts are issued, compared and commented on", async ({ page }) => {
  await importFixtureReview(page);
  await openReport(page);
  await draft(page);

  // Edit section 6 and section 2.
  const findings = sectionBox(page, "findings");
  const edited = `${await findings.inputValue()}\n\nThe reviewer's own closing paragraph.`;
  await findings.fill(edited);
  await expect(page.locator("[data-section=findings] [data-testid=section-edited]")).toBeVisible();
  await page.locator("#issue-by").fill("Lead reviewer");
  await page.getByTestId("issue").click();
  await expect(page.getByTestId("issue-outcome")).toHaveText("Draft 1 issued. It is kept as it is now; later edits go into the working copy.");
  await expect(page.getByTestId("version")).toHaveCount(1);
  await expect(page.getByTestId("version").first()).toContainText("Draft 1");
  await expect(page.getByTestId("version").first()).toContainText("Lead reviewer");

  // A comment from the Review Team, by role.
  const comments = page.locator("[data-section=introduction] [data-testid=section-comments]");
  await comments.locator("summary").click();
  await comments.getByRole("button", { name: "Add comment on section 2" }).click();
  await expect(comments.locator(".app-error-message")).toContainText("Enter the comment");
  await page.locator("#comment-introduction-by").fill("Health representative");
  await page.locator("#comment-introduction-text").fill("Say when the GP was told.");
  await comments.getByRole("button", { name: "Add comment on section 2" }).click();
  await expect(comments.getByTestId("comment")).toHaveCount(1);
  await expect(comments.getByTestId("comment")).toContainText("Health representative");
  await expect(page.getByTestId("open-comments")).toHaveText("1");

  // A new finding changes what section 6 would say.
  await nav(page, "Findings");
  await page.getByLabel("Learning statement").fill("Housing was not part of the core group.");
  await page.getByRole("button", { name: "Add finding" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Finding" })).toBeVisible();
  await openReport(page);
  await expect(findings).toHaveValue(edited);
  await draft(page);
  await expect(page.getByTestId("draft-outcome")).toHaveText("Drafted again. You edited 1 section whose draft has changed: choose below what to keep.");
  const offer = page.locator("[data-testid=redraft-offer][data-section=findings]");
  await expect(offer.getByTestId("offer-kept")).toContainText("The reviewer's own closing paragraph.");
  await expect(offer.getByTestId("offer-drafted")).toContainText("Housing was not part of the core group.");
  // Not overwritten while the choice waits.
  await expect(findings).toHaveValue(edited);
  await offer.getByRole("button", { name: "Keep my text for section 6" }).click();
  await expect(page.getByTestId("redraft-offers")).toHaveCount(0);
  await expect(findings).toHaveValue(edited);
  // Drafting again now offers nothing: the same draft is not offered twice.
  await draft(page);
  await expect(page.getByTestId("draft-outcome")).toHaveText("Drafted again: every section you had not edited now follows the review.");

  // Add a line by hand, resolve the comment, issue Draft 2.
  await findings.fill(`${edited}\n\nHousing was not part of the core group.`);
  await comments.locator("summary").click();
  await comments.getByRole("button", { name: "Mark as resolved" }).click();
  await expect(page.getByTestId("open-comments")).toHaveText("0");
  // The role last given is offered again (here the comment's), kept in this browser.
  await expect(page.locator("#issue-by")).toHaveValue("Health representative");
  await page.locator("#issue-by").fill("Lead reviewer");
  await page.getByTestId("issue").click();
  await expect(page.getByTestId("issue-outcome")).toContainText("Draft 2 issued.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Everything survives a reload.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "The Reviewer’s report" })).toBeVisible();
  await expect(findings).toHaveValue(`${edited}\n\nHousing was not part of the core group.`);
  await expect(page.getByTestId("version")).toHaveCount(2);
  await expect(page.getByTestId("report-stage")).toContainText(/^Draft 2 issued by Lead reviewer at \d\d:\d\d on \d{1,2} \w+ \d{4}\. Changes since then are in the working copy\.$/);
  await expect(comments.locator("summary")).toHaveText("Comments (1, all resolved)");
  await comments.locator("summary").click();
  await expect(comments.getByTestId("comment")).toHaveAttribute("data-resolved", "true");

  // Compare Draft 1 with Draft 2: section 6 gained the line; the rest did not change.
  await page.locator("#compare-from").selectOption({ label: "Draft 1" });
  await page.locator("#compare-to").selectOption({ label: "Draft 2" });
  const compared = page.locator("[data-testid=compared-section][data-section=findings]");
  await expect(compared).toHaveAttribute("data-changed", "true");
  await expect(compared.getByTestId("change-summary")).toHaveText("1 line added");
  await expect(compared.getByTestId("line-added")).toHaveText("Added: Housing was not part of the core group.");
  await expect(page.locator("[data-testid=compared-section][data-changed=true]")).toHaveCount(1);
  await expectAccessible(page, "the Report page with versions and a comparison");

  // The final version needs the quality check complete.
  await page.locator("#issue-final").check();
  await page.getByTestId("issue").click();
  await expect(page.locator("#issue-error")).toContainText("The final version cannot be issued until the quality check is complete");
  await expect(page.getByTestId("version")).toHaveCount(2);
});

test("the anonymised report is blocked while a real name is in it, and leaves once it is fixed and the check is confirmed", async ({ page }) => {
  await importFixtureReview(page);
  await openReport(page);
  await draft(page);
  // Keep the drafted text short and plain, then plant a name and a postcode.
  for (const key of ["core_data", "introduction", "review_process", "facts", "analysis", "findings", "strategies", "appendices"]) {
    await sectionBox(page, key).fill(`Plain text for this section.`);
  }
  await sectionBox(page, "facts").fill("The family moved in month 3.\n\nMargaret Thomson visited at EH6 7QR.");

  await page.getByTestId("anonymised-docx").click();
  await expect(page.getByTestId("anonymised-blocked")).toContainText("The anonymised report cannot be downloaded yet");
  const flags = page.getByTestId("flag");
  await expect(flags.first()).toBeVisible();
  await expect(page.locator('[data-testid="flag"][data-kind="postcode"]')).toContainText("Section 4: The facts");
  await expect(page.locator('[data-testid="flag"][data-kind="name"] mark').first()).toHaveText("Margaret");
  await expectAccessible(page, "the Report page with the check's flags");

  // The flag takes the person to the words in the section's box.
  await page.locator('[data-testid="flag"][data-kind="postcode"]').getByRole("button", { name: "Section 4: The facts" }).click();
  const facts = sectionBox(page, "facts");
  await expect(facts).toBeFocused();
  expect(await facts.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe("EH6 7QR");

  // Fixed in the text: no flags, but still blocked until someone confirms.
  await facts.fill("The family moved in month 3.\n\nA health visitor visited at home.");
  await page.getByRole("button", { name: "Check for identifying details" }).click();
  await expect(page.getByTestId("check-summary")).toHaveText("No identifying details found.");
  await page.getByTestId("anonymised-html").click();
  await expect(page.getByTestId("anonymised-blocked")).toContainText("confirm the check");
  await page.locator("#check-confirmed-by").fill("Lead reviewer");
  await page.getByLabel(/a motivated intruder could not identify/).check();
  await page.getByRole("button", { name: "Confirm the check" }).click();
  await expect(page.getByTestId("check-record")).toContainText("By Lead reviewer on");

  // Now both formats leave, with no Restricted marking and none of the planted details.
  const word = await downloadFrom(page, page.getByTestId("anonymised-docx"));
  expect(word.name).toMatch(/-anonymised-report-Working-copy-\d{4}-\d{2}-\d{2}\.docx$/);
  const wordText = (await mammoth.extractRawText({ buffer: word.bytes })).value;
  expect(wordText).toContain("A health visitor visited at home.");
  expect(wordText).not.toContain("Margaret");
  const zip = await JSZip.loadAsync(word.bytes);
  const headers = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith("word/header")).map((n) => zip.file(n).async("string")));
  expect(headers.join("")).not.toContain("RESTRICTED");
  const web = await downloadFrom(page, page.getByTestId("anonymised-html"));
  const text = web.bytes.toString("utf8");
  expect(text).toContain("anonymised report");
  expect(text).not.toContain("RESTRICTED");
  expect(text).not.toContain("EH6");

  // Any change after the confirmation blocks it again.
  await facts.fill("The family moved in month 3.\n\nA health visitor visited at home twice.");
  await page.getByTestId("anonymised-docx").click();
  await expect(page.getByTestId("anonymised-blocked")).toContainText("confirm the check");
  await expect(page.getByTestId("check-record")).toContainText("The text has changed since");
});

test("the final version is issued once the quality check is complete, and the report is then read-only, after a reload too", async ({ page }) => {
  await createReview(page, { title: "Review with a final report" });
  await nav(page, "Set-up");
  await page.getByLabel("Add a review question").fill("Was the child seen?");
  await page.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByTestId("review-question")).toHaveCount(1);
  await openReport(page);
  await draft(page);
  // The final version waits for the answer; then nothing is outstanding.
  await page.locator("#issue-by").fill("Chair of the committee");
  await page.locator("#issue-final").check();
  await page.getByTestId("issue").click();
  await expect(page.locator("#issue-error")).toContainText("1 task is still to do");
  await page.getByLabel("1. Was the child seen?").fill("Yes, at every visit.");
  await page.getByLabel("1. Was the child seen?").blur();
  await expect(page.locator("[data-testid=quality-task][data-done=false]")).toHaveCount(0);
  await sectionBox(page, "introduction").fill("The introduction as agreed.");
  await expect(page.getByTestId("issue")).toHaveText("Issue the final version");
  await page.getByTestId("issue").click();
  await expect(page.getByTestId("issue-outcome")).toContainText("Final issued.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("report-stage")).toContainText("Final issued by Chair of the committee");
  await expect(page.getByTestId("report-stage")).toContainText("The report is final and can no longer be changed.");
  await expect(sectionBox(page, "introduction")).toHaveValue("The introduction as agreed.");
  await expect(sectionBox(page, "introduction")).toHaveAttribute("readonly", "");
  await expect(page.getByTestId("draft-report")).toBeDisabled();
  await expect(page.getByTestId("issue-version")).toHaveCount(0);
  await expect(page.locator("#core-age_band")).toBeDisabled();
});
