// Issue 3: the review's working content — register, chronology (keyboard entry, CSV import
// and export, timeline), key practice episodes, reflections and search.
import { readFile } from "node:fs/promises";
import { test, expect, createReview, expectAccessible } from "./support.mjs";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const fixture = (name) => new URL(name, FIXTURES).pathname;

async function openSection(page, name) {
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name, exact: true }).click();
}

async function addPerson(page, { kind, role, label }) {
  await page.getByRole("button", { name: "Add person" }).click();
  await page.getByLabel(kind).check();
  if (role) await page.getByLabel("Role or relationship").fill(role);
  if (label) await page.getByLabel("Referred to as").fill(label);
  await page.getByRole("button", { name: "Save person" }).click();
  await expect(page.getByTestId("person-form")).toHaveCount(0);
}

/** Types an event into the quick entry row and presses Enter. */
async function typeEvent(page, { date = "", agency = "", person = "", what, phase = "" }) {
  await page.locator("#new-event-date").fill(date);
  await page.locator("#new-event-agency").fill(agency);
  await page.locator("#new-event-person").fill(person);
  await page.locator("#new-event-phase").fill(phase);
  await page.locator("#new-event-what").fill(what);
  await page.locator("#new-event-what").press("Enter");
  await expect(page.locator("#new-event-what")).toHaveValue("");
  // Focus returns to the date, ready for the next event.
  await expect(page.locator("#new-event-date")).toBeFocused();
}

async function importCsv(page, file) {
  await page.getByRole("button", { name: "Import CSV" }).click();
  await page.getByLabel("Choose a CSV file").setInputFiles(fixture(file));
  await expect(page.getByRole("heading", { name: "Which column holds what?" })).toBeVisible();
}

test("a small review built through every section is all there after a reload, and search finds it", async ({ page }) => {
  // Long: many steps and pages (20-32 s on a 2-core machine); a limit with a wide margin for a busy one.
  test.setTimeout(120_000);
  const url = await createReview(page, { title: "Content review" });

  // Register: the subject's code is suggested; professionals are numbered by role.
  await openSection(page, "People");
  await expect(page).toHaveTitle("People and agencies – Sightline");
  await page.getByRole("button", { name: "Add person" }).click();
  await page.getByLabel("Subject of the review").check();
  const code = await page.getByLabel("Referred to as").inputValue();
  expect(code).toMatch(/^Child [ABCDEFGHJKLMNPRSTUVWY]$/);
  await page.getByLabel("Age band").fill("5 to 9");
  await page.getByRole("button", { name: "Save person" }).click();
  await addPerson(page, { kind: "Family member or carer", role: "Mother" });
  await page.getByRole("button", { name: "Add person" }).click();
  await page.getByLabel("Professional").check();
  await page.getByLabel("Role or relationship").fill("Health Visitor");
  await expect(page.getByLabel("Referred to as")).toHaveValue("Health Visitor 1");
  await page.getByLabel("Support offered").fill("Debrief with their team leader");
  await page.getByLabel("Practitioners' event").check();
  await page.getByRole("button", { name: "Save person" }).click();
  await page.getByRole("button", { name: "Add agency" }).click();
  await page.getByLabel("Agency name").fill("Health");
  await page.getByRole("button", { name: "Save agency" }).click();
  await expect(page.getByTestId("person-row")).toHaveCount(3);
  await expect(page.getByTestId("person-row").filter({ hasText: "Health Visitor 1" })).toContainText("Debrief with their team leader");
  await expectAccessible(page, "the People page");

  // Chronology: eight events typed, two by CSV.
  await openSection(page, "Chronology");
  await typeEvent(page, { date: "12/03/2025", agency: "Health", person: "Health Visitor 1", what: "Home visit, nobody at home", phase: "Early" });
  await typeEvent(page, { date: "March 2025", agency: "Police Scotland", what: "Concern call from a neighbour", phase: "Early" });
  await typeEvent(page, { date: "2/4/2025", agency: "Education", person: "Teacher 1", what: "Attendance below 80 per cent" });
  await typeEvent(page, { date: "3 April 2025", agency: "Health", person: "Health Visitor 1", what: "Telephone call to the mother" });
  await typeEvent(page, { date: "2025", agency: "Housing", what: "Rent arrears letter" });
  await typeEvent(page, { date: "10/05/2025", agency: "Social Work", person: "Social Worker 1", what: "Referral received" });
  await typeEvent(page, { date: "11/05/2025", agency: "Social Work", person: "Social Worker 1", what: "Unannounced visit, child seen" });
  await typeEvent(page, { agency: "Health", what: "Booking appointment missed", phase: "Pregnancy" });
  await importCsv(page, "chronology-good.csv");
  await page.getByRole("button", { name: "Check the rows" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("2 events can be imported");
  await page.getByRole("button", { name: "Import 2 events" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 events" })).toBeVisible();
  await expect(page.getByTestId("event-count")).toHaveText("10 events");
  // Oldest first: 2025 (a year) sorts before March 2025, before 12 March 2025; undated last.
  const rows = page.getByTestId("event-row");
  await expect(rows.first()).toContainText("Rent arrears letter");
  await expect(rows.nth(1)).toContainText("Concern call");
  await expect(rows.last()).toContainText("Booking appointment missed");
  await expectAccessible(page, "the Chronology page");

  // An episode from two events.
  await rows.filter({ hasText: "Home visit, nobody at home" }).getByRole("checkbox").check();
  await rows.filter({ hasText: "Telephone call to the mother" }).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Create episode" }).click();
  await page.getByLabel("Episode title").fill("Missed contact with the family");
  await page.getByRole("button", { name: "Create episode" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Missed contact with the family" })).toBeVisible();
  await expect(page.getByLabel("Time span")).toHaveAttribute("aria-describedby", "episode-span-hint");
  await expect(page.locator("#episode-span-hint")).toContainText("12 March 2025 to 3 April 2025");
  await page.getByLabel("How it looked to those involved at the time").fill("It looked like the family were simply out.");
  await page.getByLabel("A problem in practice").check();
  await expect(page.getByTestId("episode-events").locator("li")).toHaveCount(2);
  // More events found by the chronology's own search: an agency's name finds its events, the
  // ones already in the episode are not offered, and words that match nothing say so.
  const picker = page.getByTestId("episode-picker");
  await page.getByLabel("Add events: find them by their words").fill("police");
  await expect(picker.locator("li")).toHaveCount(2); // by its agency, and by its source
  await picker.getByRole("button", { name: /^Add to episode\s*: March 2025: Concern call from a neighbour$/ }).click();
  await expect(page.getByTestId("episode-events").locator("li")).toHaveCount(3);
  await expect(picker.locator("li")).toHaveCount(1);
  await page.getByLabel("Add events: find them by their words").fill("home visit");
  await expect(picker.locator("li")).toHaveCount(0); // the home visit is in the episode already
  await expect(page.getByText("No events match.")).toBeVisible();
  await expectAccessible(page, "an episode's page");

  // A reflection with two participants.
  await openSection(page, "Reflections");
  await page.getByRole("button", { name: "Start a reflection" }).click();
  await page.getByLabel("Practitioners' event").check();
  await page.getByRole("button", { name: "Start reflection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Practitioners' event" })).toBeVisible();
  for (const role of ["Health Visitor 1", "Social Worker 1"]) {
    await page.getByLabel("Add a participant by role").fill(role);
    await page.getByRole("button", { name: "Add participant" }).click();
  }
  const first = page.locator("section.app-prompt").first();
  await first.getByLabel("Answer from", { exact: true }).selectOption({ label: "Health Visitor 1" });
  await first.getByRole("button", { name: "Add response" }).click();
  // Typed once the new answer's box has focus (a space typed on the button would add another).
  await expect(first.locator("textarea:focus")).toHaveValue("");
  await page.keyboard.type("We thought the family were engaging at the time.");
  await first.getByLabel("Health Visitor 1 agrees this answer may be quoted (without their role)").check();
  await first.getByText("What it is about").click();
  await first.getByLabel("Missed contact with the family").check();
  await first.getByLabel("Answer from", { exact: true }).selectOption({ label: "Social Worker 1" });
  await first.getByRole("button", { name: "Add response" }).click();
  // Typed once the new answer's box has focus (a space typed on the button would add another).
  await expect(first.locator("textarea:focus")).toHaveValue("");
  await page.keyboard.type("I was not told about the missed appointments.");
  await expect(page.getByTestId("progress-summary")).toHaveText("2 of 14 answers given.");
  await expectAccessible(page, "a reflection's page");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Everything is there after a reload.
  await page.goto(url);
  await openSection(page, "People");
  await expect(page.getByTestId("person-row")).toHaveCount(5, { timeout: 5000 }); // + Teacher 1 and Social Worker 1 from the chronology
  await openSection(page, "Chronology");
  await expect(page.getByTestId("event-count")).toHaveText("10 events");
  await expect(page.getByTestId("event-row").filter({ hasText: "Home visit, nobody at home" })).toContainText("Episode: Missed contact with the family");
  await openSection(page, "Episodes");
  await expect(page.getByTestId("episode-row")).toContainText("A problem in practice");
  await page.getByRole("link", { name: "Missed contact with the family" }).click();
  await expect(page.getByLabel("How it looked to those involved at the time")).toHaveValue("It looked like the family were simply out.");
  await expect(page.locator("li.app-quote")).toContainText("We thought the family were engaging at the time.");
  await openSection(page, "Reflections");
  await expect(page.getByTestId("reflection-row")).toContainText("2 of 14");
  await page.getByRole("link", { name: "Practitioners' event" }).click();
  await expect(page.locator("textarea[id^=answer-]")).toHaveCount(2);
  await expect(page.locator("textarea[id^=answer-]").first()).toHaveValue("We thought the family were engaging at the time.");

  // Search, grouped by section, and each hit goes to its record.
  await page.getByLabel("Search this review").fill("family");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search results for “family”");
  const sections = page.getByTestId("search-section").locator("h2");
  await expect(sections).toHaveText(["Episodes (1)", "Reflections (1)"]);
  await expectAccessible(page, "search results");
  await page.getByLabel("Search this review").fill("nobody");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(sections).toHaveText(["Chronology (1)"]);
  await page.getByTestId("search-section").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Chronology" })).toBeVisible();
  await expect(page.getByTestId("event-row").filter({ hasText: "Home visit, nobody at home" })).toBeFocused();
});

test("a CSV with bad rows says which rows and why, and nothing is stored until confirmed", async ({ page }) => {
  await createReview(page, { title: "CSV review" });
  await openSection(page, "Chronology");
  await importCsv(page, "chronology-bad.csv");
  await expect(page.getByTestId("csv-preview").locator("tbody tr")).toHaveCount(4);
  await expectAccessible(page, "the CSV column mapping");
  // Without "What happened" chosen, the mapping is refused.
  await page.getByLabel("“Event details” holds").selectOption({ label: "Leave out" });
  await page.getByRole("button", { name: "Check the rows" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose the column that says what happened");
  await page.getByLabel("“Event details” holds").selectOption({ label: "What happened" });
  await page.getByRole("button", { name: "Check the rows" }).click();
  const problems = page.getByTestId("row-problems");
  await expect(problems).toContainText("3 rows cannot be read");
  await expect(problems).toContainText("Row 2: “31/02/2025” is not a date Sightline can read");
  await expect(problems).toContainText("Row 3: Child or adult seen: “maybe” is not yes, no or not known");
  await expect(problems).toContainText("Row 4: Enter what happened");
  await expect(page.getByTestId("import-summary")).toContainText("1 event can be imported");
  await expectAccessible(page, "the CSV check step");
  // Nothing is stored yet.
  await expect(page.getByTestId("no-events")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("csv-import")).toHaveCount(0);
  await expect(page.getByTestId("no-events")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("no-events")).toBeVisible();
});

test("a file that is not a chronology gets a clear message", async ({ page }) => {
  await createReview(page, { title: "Wrong file review" });
  await openSection(page, "Chronology");
  await page.getByRole("button", { name: "Import CSV" }).click();
  await page.getByLabel("Choose a CSV file").setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("") });
  await expect(page.getByRole("alert")).toContainText("The file is empty");
  await page.getByLabel("Choose a CSV file").setInputFiles({ name: "headings.csv", mimeType: "text/csv", buffer: Buffer.from("Date,What happened\n") });
  await expect(page.getByRole("alert")).toContainText("no rows of events");
});

test("an Excel CSV in Windows-1252 with semicolons reads correctly", async ({ page }) => {
  await createReview(page, { title: "Excel review" });
  await openSection(page, "Chronology");
  await importCsv(page, "chronology-cp1252.csv");
  await expect(page.getByTestId("csv-preview")).toContainText("Café meeting “quoted”");
  await page.getByRole("button", { name: "Check the rows" }).click();
  await page.getByRole("button", { name: "Import 1 event" }).click();
  await expect(page.getByTestId("event-row")).toContainText("Santé");
});

test("an event can be entered with the keyboard alone", async ({ page }) => {
  await createReview(page, { title: "Keyboard review" });
  await openSection(page, "Chronology");
  await page.locator("#new-event-date").focus();
  await page.keyboard.type("14/02/2025");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Health");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Midwife 1");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Antenatal appointment attended");
  await page.keyboard.press("Tab");
  await expect(page.locator("#new-event-seen")).toBeFocused();
  await page.keyboard.press("ArrowUp"); // "Not known" → "No"
  for (let i = 0; i < 4; i++) await page.keyboard.press("Tab"); // views, source, phase, the button
  await expect(page.getByRole("button", { name: "Add event" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("event-row")).toHaveCount(1);
  await expect(page.getByTestId("event-row")).toContainText("14 February 2025");
  await expect(page.getByTestId("event-row")).toContainText("Midwife 1");
  await expect(page.getByTestId("event-row").locator("td").nth(4)).toHaveText("No");
  await expect(page.locator("#new-event-date")).toBeFocused();
  await expect(page.locator("#new-event-agency")).toHaveValue("Health");
  // An error is said beside the field, and focus goes to it.
  await page.keyboard.type("30/02/2025");
  await page.keyboard.press("Enter");
  await expect(page.locator("#new-event-date-error")).toContainText("“30/02/2025” is not a date Sightline can read");
  await expect(page.locator("#new-event-date")).toBeFocused();
  await expect(page.getByTestId("event-row")).toHaveCount(1);
});

test("events can be changed, deleted, filtered and found on the timeline, and exported", async ({ page }) => {
  await createReview(page, { title: "Filter review" });
  await openSection(page, "Chronology");
  await typeEvent(page, { date: "01/01/2025", agency: "Health", what: "First health contact", phase: "Early" });
  await typeEvent(page, { date: "01/06/2025", agency: "Police Scotland", what: "Police attended the home", phase: "Later" });
  await typeEvent(page, { date: "01/09/2025", agency: "Health", what: "Second health contact", phase: "Later" });

  await page.getByLabel("Agency", { exact: true }).and(page.locator("#filter-agency")).selectOption({ label: "Health" });
  await expect(page.getByTestId("event-count")).toHaveText("2 of 3 events match");
  await page.locator("#filter-agency").selectOption({ label: "All agencies" });
  await page.locator("#filter-phase").selectOption("Later");
  await expect(page.getByTestId("event-count")).toHaveText("2 of 3 events match");
  await page.locator("#filter-phase").selectOption("");
  await page.getByLabel("Words").fill("police");
  await expect(page.getByTestId("event-row")).toHaveCount(1);
  await page.getByLabel("Words").fill("");
  await page.getByLabel("Order").selectOption("newest");
  await expect(page.getByTestId("event-row").first()).toContainText("Second health contact");
  await page.getByLabel("Order").selectOption("oldest");

  // Change an event in place.
  const police = page.getByTestId("event-row").filter({ hasText: "Police attended the home" });
  await police.getByRole("button", { name: /Change/ }).click();
  await page.locator("#edit-event-what").fill("Police attended the home after a 999 call");
  await page.locator("#edit-event-seen").selectOption("yes");
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByTestId("event-row").filter({ hasText: "after a 999 call" })).toContainText("Yes");

  // The timeline has a lane per agency; a mark shows its event in the list.
  await page.getByText("Timeline", { exact: true }).click();
  await expect(page.getByTestId("timeline").locator("circle")).toHaveCount(3);
  await expect(page.getByTestId("timeline").locator(".app-timeline__lane-label")).toHaveText(["Health", "Police Scotland"]);
  await expectAccessible(page, "the chronology with its timeline");
  await page.getByTestId("timeline").locator("circle").nth(1).click();
  await expect(page.getByTestId("event-row").filter({ hasText: "after a 999 call" })).toBeFocused();

  // Export: a CSV with Sightline's headings, in date order.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Filter-review-chronology-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("Date,Agency,Role,What happened,Child or adult seen,Views sought,Source,Phase");
  expect(lines[1]).toContain("1 January 2025,Health");
  expect(lines[2]).toContain("Police attended the home after a 999 call,Yes");

  // Delete after confirming.
  await page.getByTestId("event-row").filter({ hasText: "First health contact" }).getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByRole("dialog")).toContainText("First health contact");
  await page.getByRole("dialog").getByRole("button", { name: "Delete event" }).click();
  await expect(page.getByTestId("event-row")).toHaveCount(2);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("event-row")).toHaveCount(2);

  // Events on the same day keep the order they were entered in, after a reload too.
  for (const what of ["Same day: first", "Same day: second", "Same day: third"]) {
    await typeEvent(page, { date: "15/07/2025", agency: "Health", what });
  }
  const sameDay = page.getByTestId("event-row").filter({ hasText: "Same day" });
  await expect(sameDay).toHaveText([/first/, /second/, /third/]);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(sameDay).toHaveText([/first/, /second/, /third/]);
});

test("a framework can be copied, its questions reworded, moved and removed, and used", async ({ page }) => {
  await createReview(page, { title: "Framework review" });
  await openSection(page, "Reflections");
  await page.getByTestId("frameworks").locator("li").filter({ hasText: "Gibbs' reflective cycle" }).getByRole("button", { name: /Copy and edit/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gibbs' reflective cycle (our version)" })).toBeVisible();
  await expectAccessible(page, "the framework editor");
  await page.getByLabel("Name").fill("Gibbs for our panel");
  await page.getByLabel("Question 1", { exact: true }).fill("What happened, in your own words?");
  await page.getByRole("button", { name: "Move down question 1" }).click();
  await expect(page.getByLabel("Question 2", { exact: true })).toHaveValue("What happened, in your own words?");
  await page.getByRole("button", { name: "Remove question 6" }).click();
  await expect(page.getByTestId("question")).toHaveCount(5);
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page.getByLabel("Question 6", { exact: true })).toBeFocused();
  await page.getByLabel("Question 6", { exact: true }).fill("Anything else?");
  await page.getByRole("link", { name: "Back to reflections" }).click();
  await expect(page.getByTestId("frameworks")).toContainText("Gibbs for our panel");

  await page.getByRole("button", { name: "Start a reflection" }).click();
  await page.getByLabel("Conversation").check();
  await page.getByLabel("Framework", { exact: true }).selectOption({ label: "Gibbs for our panel" });
  await page.getByRole("button", { name: "Start reflection" }).click();
  await expect(page.locator("section.app-prompt h3")).toHaveText([
    "1. Feelings: what were you thinking and feeling?",
    "2. What happened, in your own words?",
    "3. Evaluation: what was good and what was difficult about it?",
    "4. Analysis: why did it happen this way?",
    "5. Conclusion: what did you learn, and what else could have been done?",
    "6. Anything else?",
  ]);
  await page.getByLabel("Add a participant by role").fill("");
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the participant’s role");
});

test("an item stored by a newer version is reported, kept, and the rest of the review opens", async ({ page }) => {
  const url = await createReview(page, { title: "Damaged review" });
  await openSection(page, "Chronology");
  await typeEvent(page, { date: "01/01/2025", agency: "Health", what: "An event that reads fine" });
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const reviewId = url.split("/").pop();
  // Add a record from a "newer version" beside it, as a later Sightline might write.
  await page.evaluate(async (reviewId) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open("sightline");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(["records"], "readwrite");
    tx.objectStore("records").put({ key: `${reviewId}/event/01900000-0000-7000-8000-000000000001`, doc: '{"record_version":99,"id":"x"}' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, reviewId);
  await page.reload();
  await expect(page.getByTestId("unreadable-records")).toContainText("1 stored item of this review could not be read");
  await expect(page.getByTestId("event-row")).toHaveCount(1);
  await expect(page.getByTestId("event-row")).toContainText("An event that reads fine");
  await expectAccessible(page, "a review with an unreadable item");
});
