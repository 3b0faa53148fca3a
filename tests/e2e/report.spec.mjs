// Issue 14, first step: the Reviewer's report drafted from the review under the national
// headings, the quality check, and the full report downloaded as Word and as a web page.
import mammoth from "mammoth";
import JSZip from "jszip";
import { test, expect, expectAccessible } from "./support.mjs";
import { importFixtureReview, downloadFrom } from "./files-support.mjs";

test("the report is drafted from the review, checked, and downloaded as Word and a web page, marked Restricted", async ({ page }) => {
  await importFixtureReview(page);
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The Reviewer’s report" })).toBeVisible();

  // Every national heading, numbered; a Learning Together review states findings, not recommendations.
  const headings = page.getByTestId("report-section").locator("h3");
  await expect(headings).toHaveText([
    "1. Core data",
    "2. Introduction",
    "3. The review process",
    "4. The facts",
    "5. Analysis",
    "6. Findings and learning",
    "7. Findings for the committee to consider",
    "8. Appendices",
  ]);
  const section = (key) => page.locator(`[data-testid=report-section][data-section=${key}]`);
  await expect(section("review_process")).toContainText("Learning Together");
  await expect(section("review_process")).toContainText("Head of service, Example partnership (chair)");
  await expect(section("review_process")).toContainText("40 events");
  await expect(section("findings")).toContainText("1. How well did agencies share what they knew?");
  await expect(section("introduction")).toContainText("Time taken");
  await expect(section("introduction")).toContainText("Police Scotland asked for interviews to wait");

  // The quality check names what is missing and links to where it is put right.
  const answers = page.getByTestId("quality-task").filter({ hasText: "Each review question is answered" });
  await expect(answers).toHaveAttribute("data-done", "false");
  await expect(answers.getByRole("link")).toHaveText(["Question 1 is not answered", "Question 2 is not answered"]);
  await expectAccessible(page, "the Report page");

  // Word: real headings, read back by mammoth; the header says RESTRICTED; pages are numbered.
  const word = await downloadFrom(page, page.getByRole("button", { name: "Download as Word (.docx)" }));
  expect(word.name).toMatch(/-report-\d{4}-\d{2}-\d{2}\.docx$/);
  const html = (await mammoth.convertToHtml({ buffer: word.bytes })).value;
  expect(html).toContain("<h1>1. Core data</h1>");
  expect(html).toContain("<h1>7. Findings for the committee to consider</h1>");
  expect(html).toContain("<li>");
  const zip = await JSZip.loadAsync(word.bytes);
  const parts = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith("word/header")).map((n) => zip.file(n).async("string")));
  expect(parts.join("")).toContain("RESTRICTED");

  // The web page: self-contained, no script, marked.
  const web = await downloadFrom(page, page.getByRole("button", { name: "Download as a web page (.html)" }));
  const text = web.bytes.toString("utf8");
  expect(text).toContain('data-marking="restricted"');
  expect(text).not.toMatch(/<script/i);
  expect(text).toContain("default-src 'none'");
  expect(text).toContain("6. Findings and learning");
});
