// Issue 6: findings linked to their evidence both ways, the action plan with overdue actions and
// its CSV, the identifier watchlist, and the 7-minute briefing: drafted, checked for identifying
// details (a planted real name blocks the export until it is fixed), printed to a one- or
// two-page A4 PDF and exported as a web page, a slide deck, Markdown and Word, each read back by
// an independent reader.
import { execFile } from "node:child_process";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import mammoth from "mammoth";
import { test, expect, createReview, expectAccessible, ukDate, fillDate } from "./support.mjs";

const run = promisify(execFile);
const CORE_FIXTURES = new URL("../../crates/sightline-core/tests/fixtures/", import.meta.url);
const FIXTURE_TITLE = "Generated review 20 (Child K)";
const VNU = new URL("../../node_modules/vnu-jar/build/dist/vnu.jar", import.meta.url).pathname;
const SECTIONS = [
  "Background",
  "Why it matters",
  "What the review found",
  "Why it made sense at the time",
  "What worked well",
  "What needs to change",
  "Questions for your team and what to do",
];

const nav = (page, name) =>
  page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name, exact: true }).click();

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function importFixture(page) {
  await page.goto("/");
  await page.getByLabel("Open a file").setInputFiles(new URL("review-v3.sightline.json", CORE_FIXTURES).pathname);
  await page.getByTestId("file-summary").getByRole("button", { name: "Import review" }).click();
  await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: FIXTURE_TITLE })).toBeVisible();
}

/** Every stored record's text, as IndexedDB holds it. */
async function storedText(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("sightline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["records", "reviews", "summaries"], "readonly");
          const parts = [];
          for (const name of ["records", "reviews", "summaries"]) {
            tx.objectStore(name).getAll().onsuccess = (e) => parts.push(JSON.stringify(e.target.result));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(parts.join("\n"));
          };
        };
      }),
  );
}

/** Runs the Nu Html Checker on `html`; returns its error messages. */
async function validateHtml(html, name) {
  const dir = await mkdtemp(join(tmpdir(), "sightline-vnu-"));
  const path = join(dir, name);
  await writeFile(path, html);
  try {
    await run("java", ["-jar", VNU, "--errors-only", "--format", "text", path]);
    return [];
  } catch (error) {
    return String(error.stderr || error.stdout || error).split("\n").filter((l) => l.trim());
  }
}

test("findings link to their evidence both ways, and actions that are overdue show on the plan, the review and the Reviews page", async ({ page }) => {
  // Long: many steps and pages (20-32 s on a 2-core machine); a limit with a wide margin for a busy one.
  test.setTimeout(120_000);
  await importFixture(page);
  // The fixture's open actions were due in early 2026: four are overdue.
  await expect(page.getByTestId("overdue-actions-banner")).toContainText("4 actions overdue");

  await nav(page, "Findings");
  await expect(page.getByRole("heading", { level: 1, name: "Findings" })).toBeVisible();
  await expect(page.getByTestId("finding-row")).toHaveCount(4);
  await expectAccessible(page, "the Findings page");
  await page.getByRole("link", { name: /^Worries held by one agency/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Finding" })).toBeVisible();
  const evidence = page.getByTestId("finding-evidence");
  await expect(evidence).toContainText("Episode 1: information shared with partner agencies");
  // Link a map node as well, then follow the episode and come back the other way.
  const nodePicker = page.getByLabel("Map node");
  const firstNode = await nodePicker.locator("option").nth(1).textContent();
  await nodePicker.selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add map node" }).click();
  await expect(evidence.getByRole("listitem")).toHaveCount(3);
  await expect(evidence).toContainText(firstNode.replace(/ \([^)]*\)$/, ""));
  await expectAccessible(page, "a finding's page");
  await evidence.getByRole("link", { name: "Episode 1: information shared with partner agencies" }).click();
  const citing = page.getByTestId("citing-findings");
  await expect(citing).toContainText("Worries held by one agency were not shared");
  await citing.getByRole("link", { name: /^Worries held by one agency/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Finding" })).toBeVisible();

  // A new finding: the form says what is missing, then opens the new finding.
  await nav(page, "Findings");
  await page.getByRole("button", { name: "Add finding" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the learning statement");
  await page.getByLabel("Learning statement").fill("Escalation routes were unclear to frontline staff.");
  await page.getByLabel("Pattern or category (optional)").selectOption({ label: "Pattern: Human–management system" });
  await page.getByRole("button", { name: "Add finding" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Finding" })).toBeVisible();
  await expect(page.getByLabel("Learning statement")).toHaveValue("Escalation routes were unclear to frontline staff.");

  // The action plan: the form lists every problem, then adds an action due yesterday.
  await nav(page, "Action plan");
  await expect(page.getByRole("heading", { level: 1, name: "Action plan" })).toBeVisible();
  await expect(page.getByTestId("overdue-actions")).toContainText("4 actions are overdue.");
  await expect(page.locator('[data-testid="action-row"][data-overdue="true"]')).toHaveCount(4);
  const form = page.getByTestId("action-form");
  await form.getByRole("button", { name: "Add action" }).click();
  const problems = form.getByRole("alert");
  await expect(problems).toContainText("Enter what will be done");
  await expect(problems).toContainText("Enter the role of the person who owns the action");
  await expect(problems).toContainText("Enter the date the action is due");
  await form.getByLabel("What will be done").fill("Publish a one-page escalation guide");
  await form.getByLabel("The finding it answers (optional)").selectOption({ label: "Escalation routes were unclear to frontline staff." });
  await form.getByLabel("Owner’s role").fill("Lead Officer, Child Protection");
  await form.getByLabel("Owner’s agency (optional)").selectOption({ index: 1 });
  await fillDate(page, "action-due", ukDate(-1));
  await form.getByLabel("How impact will be measured (optional)").fill("Staff survey in six months");
  await form.getByRole("button", { name: "Add action" }).click();
  const row = page.getByTestId("action-row").filter({ hasText: "Publish a one-page escalation guide" });
  await expect(row).toHaveAttribute("data-overdue", "true");
  await expect(row).toContainText("Overdue (not started)");
  await expect(row).toContainText("Answers: Escalation routes were unclear");
  await expect(page.getByTestId("overdue-actions-banner")).toContainText("5 actions overdue");
  await expectAccessible(page, "the Action plan");

  // Marking it dropped needs a reason; once dropped it is no longer overdue.
  await row.getByRole("link", { name: "Publish a one-page escalation guide" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change the action" })).toBeVisible();
  await expectAccessible(page, "an action's page");
  await page.getByLabel("Dropped").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter why the action was dropped");
  await page.getByLabel("Why it was dropped").fill("Replaced by the national guidance");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("action-saved")).toBeVisible();
  await expect(page.getByTestId("overdue-actions-banner")).toContainText("4 actions overdue");

  await nav(page, "Action plan");
  const csv = await download(page, page.getByRole("button", { name: "Export action plan (CSV)" }));
  expect(csv.name).toMatch(/action-plan-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = csv.bytes.toString("utf8");
  expect(text.split("\n")[0]).toContain("Action,Finding,Owner role,Owner agency,Due,Status");
  expect(text).toContain("Publish a one-page escalation guide");
  expect(text).toContain("Replaced by the national guidance");

  // Everything survives a reload, and the Reviews page shows the overdue actions.
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("action-row")).toHaveCount(6);
  await page.goto("/");
  const reviewRow = page.getByTestId("review-row").filter({ hasText: FIXTURE_TITLE });
  await expect(reviewRow.getByTestId("overdue-actions-tag")).toHaveText("4 actions overdue");
});

test("a planted real name blocks the briefing's export until it is fixed, and no export holds a watchlist entry", async ({ page, browser }) => {
  // Long: many steps and pages (20-32 s on a 2-core machine); a limit with a wide margin for a busy one.
  test.setTimeout(120_000);
  await createReview(page, { title: "Review of learning 2026", committee: "Northshire Child Protection Committee" });
  // The watchlist keeps only hashes: the name is not stored anywhere in the browser.
  await nav(page, "People");
  await page.getByLabel("Add to the watchlist").fill("Siobhán Kerr");
  await page.getByRole("button", { name: "Add to watchlist" }).click();
  await expect(page.getByTestId("watchlist-entries")).toContainText("Entry 1: 2 words");
  await expect(page.getByLabel("Add to the watchlist")).toHaveValue("");
  await page.getByLabel("Add to the watchlist").fill("one two three four five");
  await page.getByRole("button", { name: "Add to watchlist" }).click();
  await expect(page.locator("#watchlist-entry-error")).toContainText("An entry can have at most 4 words");
  await page.getByLabel("Add to the watchlist").fill("");
  await expectAccessible(page, "the People page with its watchlist");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  expect((await storedText(page)).toLowerCase()).not.toContain("kerr");

  // A finding that names her.
  await nav(page, "Findings");
  await page.getByLabel("Learning statement").fill("Siobhan KERR was not told about the plan on 12 March 2025; Bowlby's ideas on attachment were not used.");
  await page.getByRole("button", { name: "Add finding" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Finding" })).toBeVisible();

  await nav(page, "Briefing");
  await page.getByRole("button", { name: "Draft the briefing from the review" }).click();
  const preview = page.getByTestId("briefing-preview");
  await expect(preview.getByRole("heading", { level: 2 })).toHaveCount(7);
  await expect(preview).toContainText("Siobhan KERR was not told");
  await expect(page.locator("#briefing-section-3")).toHaveValue(/Siobhan KERR/);

  // Export is refused, and the flags say where the problems are.
  await page.getByRole("button", { name: "Export briefing" }).click();
  await expect(page.getByTestId("export-blocked")).toContainText("The briefing cannot be exported yet");
  const watchFlag = page.locator('[data-testid="flag"][data-kind="watchlist"]');
  await expect(watchFlag).toHaveCount(1);
  await expect(watchFlag).toContainText("Section 3: What the review found");
  await expect(watchFlag.locator("mark")).toHaveText("Siobhan KERR");
  await expect(page.locator('[data-testid="flag"][data-kind="date"] mark')).toHaveText("12 March 2025");
  // The committee's own name (in the drafted background) is not taken for a person's name.
  await expect(page.locator('[data-testid="flag"][data-kind="name"]').filter({ hasText: "Northshire" })).toHaveCount(0);
  await expect(page.locator('[data-testid="flag"][data-kind="name"] mark').first()).toHaveText("Bowlby");
  await expectAccessible(page, "the Briefing page with its flags");
  // "Section 3" takes the person to the words in the text box.
  await watchFlag.getByRole("button", { name: "Section 3: What the review found" }).click();
  const section3 = page.locator("#briefing-section-3");
  await expect(section3).toBeFocused();
  expect(await section3.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe("Siobhan KERR");

  // Fix the name and the date in the text; dismiss the committee's name with a reason.
  const fixed = (await section3.inputValue()).replace("Siobhan KERR", "Mother").replace("on 12 March 2025", "in month 3");
  await section3.fill(fixed);
  const nameFlag = page.locator('[data-testid="flag"][data-kind="name"]').filter({ hasText: "Bowlby" }).first();
  await nameFlag.getByText("Dismiss this flag").click();
  await nameFlag.getByLabel("Why it does not identify anyone").fill("Bowlby wrote attachment theory; he is no one in the review");
  await nameFlag.getByRole("button", { name: "Dismiss flag" }).click();
  await page.getByRole("button", { name: "Check for identifying details" }).click();
  await expect(page.getByTestId("check-summary")).toContainText("No flags left to deal with (1 dismissed).");

  // Still blocked until someone answers the motivated intruder question.
  await page.getByRole("button", { name: "Export briefing" }).click();
  await expect(page.getByTestId("export-blocked")).toContainText("confirm the check");
  await page.getByLabel("Your role").fill("Lead Reviewer");
  await page.getByLabel(/a motivated intruder could not identify/).check();
  await page.getByRole("button", { name: "Confirm the check" }).click();
  await expect(page.getByTestId("check-record")).toContainText("By Lead Reviewer on");
  await expect(page.getByTestId("check-record")).toContainText("1 dismissed with a reason");

  // Every format exports, and none holds the watchlist entry.
  const formats = {};
  for (const [label, key] of [
    ["Web page (a single HTML file)", "html"],
    ["Online briefing (a slide deck in one HTML file)", "slides"],
    ["Markdown", "md"],
    ["Word document (.docx)", "docx"],
  ]) {
    await page.getByLabel(label).check();
    formats[key] = await download(page, page.getByRole("button", { name: "Export briefing" }));
    await expect(page.getByTestId("export-outcome")).toContainText(formats[key].name);
  }
  expect(formats.html.name).toMatch(/\.html$/);
  expect(formats.slides.name).toMatch(/-slides\.html$/);
  expect(formats.md.name).toMatch(/\.md$/);
  expect(formats.docx.name).toMatch(/\.docx$/);
  const teamReturn = await download(page, page.getByRole("button", { name: "Download team return form" }));

  const docx = await mammoth.convertToHtml({ buffer: formats.docx.bytes });
  const docxText = (await mammoth.extractRawText({ buffer: formats.docx.bytes })).value;
  for (const [what, text] of [
    ["web page", formats.html.bytes.toString("utf8")],
    ["slides", formats.slides.bytes.toString("utf8")],
    ["Markdown", formats.md.bytes.toString("utf8")],
    ["Word", docxText],
    ["team return", teamReturn.bytes.toString("utf8")],
  ]) {
    expect(text.toLowerCase(), what).not.toContain("kerr");
    expect(text.toLowerCase(), what).not.toContain("siobh");
  }
  // The Word document has real headings and lists (read back by mammoth, not by Sightline).
  const h1 = [...docx.value.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]);
  for (const [n, heading] of SECTIONS.entries()) expect(h1, "Word headings").toContain(`${n + 1}. ${heading}`);
  expect(docx.value).toContain("<ul><li>");
  expect(docxText).toContain("Mother was not told about the plan in month 3; Bowlby's ideas on attachment were not used.");
  // Markdown: a heading per section.
  for (const [n, heading] of SECTIONS.entries()) expect(formats.md.bytes.toString("utf8")).toContain(`## ${n + 1}\\. ${heading}`);

  // The web page, the slide deck and the team return form are valid HTML (Nu Html Checker).
  expect(await validateHtml(formats.html.bytes.toString("utf8"), "briefing.html"), "web page").toEqual([]);
  expect(await validateHtml(formats.slides.bytes.toString("utf8"), "slides.html"), "slide deck").toEqual([]);
  expect(await validateHtml(teamReturn.bytes.toString("utf8"), "team-return.html"), "team return form").toEqual([]);

  // The slide deck works by keyboard and by click, opened from disk, and asks for nothing.
  const dir = await mkdtemp(join(tmpdir(), "sightline-deck-"));
  const deckPath = join(dir, formats.slides.name);
  await writeFile(deckPath, formats.slides.bytes);
  const context = await browser.newContext();
  const deck = await context.newPage();
  const requests = [];
  const problems = [];
  deck.on("request", (r) => r.url() !== `file://${deckPath}` && requests.push(r.url()));
  deck.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  deck.on("pageerror", (e) => problems.push(e.message));
  await deck.goto(`file://${deckPath}`);
  await expect(deck.locator("#deck-where")).toHaveText("Slide 1 of 8");
  await expect(deck.locator(".slide:visible")).toHaveCount(1);
  await deck.keyboard.press("ArrowRight");
  await expect(deck.locator(".slide:visible h2")).toHaveText("1 Background");
  await deck.getByRole("button", { name: "Next" }).click();
  await expect(deck.locator(".slide:visible h2")).toHaveText("2 Why it matters");
  await deck.keyboard.press("End");
  await expect(deck.locator("#deck-where")).toHaveText("Slide 8 of 8");
  await expect(deck.getByRole("button", { name: "Next" })).toBeDisabled();
  await deck.keyboard.press("ArrowLeft");
  await expect(deck.locator("#deck-where")).toHaveText("Slide 7 of 8");
  expect(requests, "requests from the deck").toEqual([]);
  expect(problems, "errors in the deck").toEqual([]);
  await context.close();

  // Printed, the briefing is one or two A4 pages with all seven sections.
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.emulateMedia({ media: "print" });
  const pdfPath = join(dir, "briefing.pdf");
  await page.pdf({ path: pdfPath, format: "A4", preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });
  const info = (await run("pdfinfo", [pdfPath])).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
  expect(info).toMatch(/Page size:.*\(A4\)/);
  const pdfText = (await run("pdftotext", ["-layout", pdfPath, "-"])).stdout.replace(/\s+/g, " ");
  for (const heading of SECTIONS) expect(pdfText).toContain(heading);
  expect(pdfText).not.toContain("Write the briefing");
  expect(pdfText).not.toContain("Review sections");

  // A change after the check asks for a new one.
  await page.getByLabel("Who it is for").fill("Team managers");
  await expect(page.getByTestId("check-record")).toContainText("The text has changed since");
  await page.getByRole("button", { name: "Export briefing" }).click();
  await expect(page.getByTestId("export-blocked")).toBeVisible();

  // It all survives a reload.
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByLabel("Who it is for")).toHaveValue("Team managers");
  await expect(page.getByTestId("check-record")).toContainText("By Lead Reviewer");
  await nav(page, "People");
  await expect(page.getByTestId("watchlist-entries")).toContainText("Entry 1: 2 words");
});
