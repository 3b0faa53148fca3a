// Issue 13: from notification to decision and set-up, and the committee's own timescales.
import { test, expect, ukDate, addDays, fillDate, createReview, milestoneRow, expectAccessible } from "./support.mjs";
import { exportReview, downloadFrom } from "./files-support.mjs";

const decisionTab = (page) => page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Decision" });
const setUpTab = (page) => page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Set-up" });

test("a notification with criteria, three returns with one overdue, and no review with reasons closes the review", async ({ page }) => {
  await createReview(page, { title: "Review 2027-01 (Child A)", notified: ukDate(-30), committee: "Example Child Protection Committee" });
  await decisionTab(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notification and decision" })).toBeVisible();

  // Notification: who (by role), the criteria in the guidance's words, a brief outline.
  await page.getByLabel("Role of the person who notified").fill("Team manager");
  await page.getByLabel("Their agency").fill("Children’s Services");
  await expect(page.getByTestId("no-criteria")).toBeVisible();
  await page.getByLabel(/The child has been significantly harmed/).check();
  await expect(page.getByTestId("no-criteria")).toHaveCount(0);
  await expect(page.getByLabel(/The adult is or was subject/)).toHaveCount(0);
  await page.getByLabel("Brief case outline").fill("Child A was taken to hospital from a flat at EH6 7QR.");
  await expect(page.getByTestId("outline-flags")).toContainText("EH6 7QR");

  // Three returns asked 20 days ago: due after 14 days, so each is overdue until it comes in.
  const asked = ukDate(-20);
  for (const agency of ["Health", "Police Scotland", "Education"]) {
    await page.getByLabel("Agency", { exact: true }).fill(agency);
    await fillDate(page, "return-asked", asked);
    await page.getByRole("button", { name: "Add the request" }).click();
    await expect(page.getByTestId("agency-return").filter({ hasText: agency })).toBeVisible();
  }
  await expect(page.getByTestId("returns-summary")).toHaveText("0 of 3 received. 3 are overdue.");
  await page.getByRole("button", { name: "Received today from Health" }).click();
  // A return that came in earlier is recorded on its own date, checked against the request.
  await page.getByRole("button", { name: "Received on another date from Police Scotland" }).click();
  const receivedPrefix = await page.locator("[id^=received-on-][id$=-day]").getAttribute("id");
  const prefix = receivedPrefix.replace(/-day$/, "");
  await fillDate(page, prefix, addDays(asked, -1));
  await page.getByRole("button", { name: "Save date received" }).click();
  await expect(page.getByText(`The date received must be on or after the date asked, ${asked.text}`)).toBeVisible();
  await fillDate(page, prefix, addDays(asked, 3));
  await page.getByRole("button", { name: "Save date received" }).click();
  await expect(page.getByTestId("agency-return").filter({ hasText: "Police Scotland" })).toContainText(`on ${addDays(asked, 3).text}`);
  await expect(page.getByTestId("returns-summary")).toHaveText("2 of 3 received. 1 is overdue.");
  const education = page.getByTestId("agency-return").filter({ hasText: "Education" });
  await expect(education).toHaveAttribute("data-state", "overdue");
  await expect(education).toContainText("Overdue by 6 days");
  await expect(education).toContainText(addDays(asked, 14).text);
  await expect(page.getByTestId("overdue-returns-banner")).toHaveText(/1 agency return overdue/);
  await expect(page.getByTestId("next-due")).toContainText("Agency returns received");
  await page.goto("/");
  await expect(page.getByTestId("review-row").getByTestId("overdue-returns-tag")).toHaveText("1 agency return overdue");
  await page.getByRole("link", { name: "Review 2027-01 (Child A)" }).click();
  await decisionTab(page).click();

  // The request text to copy names the agency and the date, never the case.
  await page.getByRole("button", { name: "Copy the request to Education" }).click();
  const request = page.getByLabel("Request to copy into an email (no case details)");
  await expect(request).toHaveValue(/asks Education for a brief account/);
  await expect(request).toHaveValue(new RegExp(`Please reply by ${addDays(asked, 14).text}`));
  expect(await request.inputValue()).not.toContain("hospital");

  // An empty decision says every problem; then no review, with reasons.
  await page.getByRole("button", { name: "Record the decision" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link")).toHaveText([
    "Select what the committee decided",
    "Enter the reasons for the decision",
    "Enter who made the decision",
    "Enter the date of the decision",
  ]);
  await page.getByLabel("No review").check();
  await page.getByLabel("Reasons for the decision").fill("Single-agency learning is already under way in Health.");
  await page.getByLabel("Who decided").fill("Child Protection Committee (chair)");
  await fillDate(page, "decision-date", ukDate(-2));
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByTestId("decision-outcome")).toHaveText("No review");
  await expect(page.getByTestId("decision-recorded")).toContainText("The decision notice to the Care Inspectorate is still due.");
  await expectAccessible(page, "the Decision page");

  // The lifecycle follows: closed, later stages not needed, the decision notice overdue.
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("Closed: no review");
  await expect(milestoneRow(page, "signed_off").getByTestId("state")).toContainText("Not needed");
  await expect(milestoneRow(page, "practitioners_event_held").getByTestId("state")).toContainText("Not needed");
  await expect(milestoneRow(page, "decision_made").getByTestId("recorded")).toContainText(ukDate(-2).text);
  await expect(milestoneRow(page, "care_inspectorate_told_of_decision").getByTestId("state")).toContainText("Overdue");
  await expect(page.getByTestId("next-due")).toContainText("Care Inspectorate told of the decision");
  await expect(page.getByTestId("time-taken")).toContainText("no time is counted");

  // Everything survives a reload.
  await page.reload();
  await decisionTab(page).click();
  await expect(page.getByLabel("Role of the person who notified")).toHaveValue("Team manager");
  await expect(page.getByLabel(/The child has been significantly harmed/)).toBeChecked();
  await expect(page.getByTestId("agency-return")).toHaveCount(3);
  await expect(page.getByTestId("decision-outcome")).toHaveText("No review");

  // The notice is recorded; nothing else is due.
  await fillDate(page, "notice-decision-sent", ukDate(-1));
  await page.getByLabel("Reference", { exact: true }).first().fill("CI-2027-0042");
  await expect(page.getByTestId("next-due")).toContainText("nothing with a set timescale is waiting");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Another approach instead: the review opens again, only the events are not needed.
  await page.getByRole("button", { name: "Change the decision" }).click();
  await page.getByLabel("Use another review or learning approach").check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter which review or learning approach will be used");
  await page.getByLabel("Which approach?").fill("Single-agency review");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByTestId("decision-outcome")).toHaveText("Use another review approach: Single-agency review");
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("Open");
  await expect(milestoneRow(page, "practitioners_event_held").getByTestId("state")).toContainText("Not needed");
  await expect(milestoneRow(page, "report_finalised").getByTestId("state")).not.toContainText("Not needed");
});

test("a change to the committee's decision timescale reaches new reviews, and running ones only when chosen", async ({ page }) => {
  const notified = ukDate(-10);
  await createReview(page, { title: "Review A (running)", notified });
  await expect(milestoneRow(page, "decision_made").getByTestId("due")).toContainText(addDays(notified, 42).text);

  await page.getByRole("banner").getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await page.getByLabel("Committee names").fill("East Lothian Child Protection Committee\nMidlothian Adult Protection Committee\n east lothian child protection committee ");
  await page.getByLabel("Chief officers’ group").fill("Example Chief Officers’ Group");
  const weeks = page.getByLabel("Decision due after the notification");
  await weeks.fill("eight");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("enter a whole number of weeks, such as 6");
  await weeks.fill("8");
  await page.getByRole("button", { name: "Save settings" }).click();
  // The running review follows the current defaults, so the person is asked; here, no.
  const affected = page.getByTestId("affected-reviews");
  await expect(affected).toContainText("1 running review uses the current default timescales");
  await expect(affected.getByLabel("Review A (running)")).not.toBeChecked();
  await affected.getByRole("button", { name: "Save for new reviews only" }).click();
  await expect(page.getByTestId("settings-outcome")).toHaveText("Settings saved. Reviews already running keep their timescales.");
  await expectAccessible(page, "the Settings page");

  // A new review takes 8 weeks; the committees named are offered.
  await page.goto("/reviews/new");
  await expect(page.getByLabel("Committee (optional)")).toHaveValue(/.*/);
  await expect(page.getByTestId("committee-choices").getByRole("button")).toHaveText([
    "East Lothian Child Protection Committee",
    "Midlothian Adult Protection Committee",
  ]);
  await page.getByTestId("committee-choices").getByRole("button", { name: "Midlothian Adult Protection Committee" }).click();
  await expect(page.getByLabel("Committee (optional)")).toHaveValue("Midlothian Adult Protection Committee");
  await page.getByLabel("Title").fill("Review B (new)");
  await page.getByLabel("Child protection").check();
  await fillDate(page, "notification", notified);
  await page.getByRole("button", { name: "Create review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review B (new)" })).toBeVisible();
  await expect(milestoneRow(page, "decision_made").getByTestId("due")).toContainText(addDays(notified, 56).text);
  const reviewB = page.url();

  // The running review keeps its own 6 weeks.
  await page.goto("/");
  await page.getByRole("link", { name: "Review A (running)" }).click();
  await expect(milestoneRow(page, "decision_made").getByTestId("due")).toContainText(addDays(notified, 42).text);
  await page.getByTestId("review-timescales").locator("summary").click();
  await expect(page.getByTestId("timescales-follow")).toContainText("its own timescales");

  // Ten weeks: only review B follows the current defaults, and this time it is chosen.
  await page.getByRole("banner").getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Decision due after the notification")).toHaveValue("8");
  await expect(page.getByLabel("Committee names")).toHaveValue("East Lothian Child Protection Committee\nMidlothian Adult Protection Committee");
  await page.getByLabel("Decision due after the notification").fill("10");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(affected.getByRole("checkbox")).toHaveCount(1);
  await affected.getByLabel("Review B (new)").check();
  await affected.getByRole("button", { name: "Save, and change 1 running review" }).click();
  await expect(page.getByTestId("settings-outcome")).toContainText("1 running review takes the new timescales");

  await page.goto(reviewB);
  await expect(milestoneRow(page, "decision_made").getByTestId("due")).toContainText(addDays(notified, 70).text);
  await page.goto("/");
  await page.getByRole("link", { name: "Review A (running)" }).click();
  await expect(milestoneRow(page, "decision_made").getByTestId("due")).toContainText(addDays(notified, 42).text);

  // A review can override its own timescales; its due dates follow at once.
  await page.getByTestId("review-timescales").locator("summary").click();
  await page.getByLabel("Decision due after the notification (weeks)").fill("4");
  await page.getByRole("button", { name: "Save this review’s timescales" }).click();
  await expect(milestoneRow(page, "decision_made").getByTestId("due")).toContainText(addDays(notified, 28).text);
  await page.reload();
  await expect(milestoneRow(page, "decision_made").getByTestId("due")).toContainText(addDays(notified, 28).text);
});

test("the set-up holds the team, model, scope, questions and family liaison, and survives a reload and a file", async ({ page }) => {
  await createReview(page, { title: "Review 2027-02 (Adult B)", type: "Adult support and protection" });
  await setUpTab(page).click();
  await expect(page.getByTestId("setup-missing")).toContainText("a chair of the Review Team");

  await page.getByRole("button", { name: "Add to the team" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" }).getByRole("link")).toHaveText([
    "Enter the member’s role, not their name",
    "Enter the member’s agency",
  ]);
  for (const [role, agency, part] of [
    ["Named nurse", "NHS Lothian", "Member"],
    ["Head of adult services", "Midlothian Council", "Chair"],
    ["Independent reviewer", "Commissioned", "Reviewer"],
  ]) {
    await page.getByLabel("Role", { exact: true }).fill(role);
    await page.getByLabel("Agency", { exact: true }).fill(agency);
    await page.getByLabel("Part in the team").selectOption({ label: part });
    await page.getByRole("button", { name: "Add to the team" }).click();
    await expect(page.getByTestId("team-member").filter({ hasText: role })).toBeVisible();
  }
  await expect(page.getByTestId("team-member").first()).toContainText("Head of adult services");

  await page.getByLabel("Learning Together (SCIE systems model)").check();
  await page.getByLabel("Scope").fill("Agency contact in the two years before the fall.");
  await fillDate(page, "period-from", { day: 1, month: 3, year: 2026 });
  await fillDate(page, "period-to", { day: 28, month: 2, year: 2026 });
  await expect(page.getByText("The end of the period must be on or after its start, 1 March 2026")).toBeVisible();
  await fillDate(page, "period-to", { day: 30, month: 9, year: 2026 });
  await expect(page.getByText("The end of the period must be on or after its start")).toHaveCount(0);

  for (const question of ["How well did services share what they knew?", "Was Adult B’s own view heard?", "A question added by mistake"]) {
    await page.getByLabel("Add a review question").fill(question);
    await page.getByRole("button", { name: "Add the question" }).click();
  }
  await page.getByRole("button", { name: "Remove question 3" }).click();
  await page.getByRole("button", { name: "Move question 2 up" }).click();
  await expect(page.getByTestId("review-question")).toHaveText([/Was Adult B’s own view heard\?/, /How well did services share/]);

  await page.getByLabel("Who liaises with the family").fill("Independent reviewer");
  await page.getByLabel("What was agreed with the family").fill("Her son will meet the reviewer once.");
  await page.getByRole("button", { name: "Log the contact" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter the date of the contact");
  // A date typed wrongly says what is wrong with it, not "enter the date".
  await fillDate(page, "contact-date", { day: 31, month: 2, year: 2026 });
  await page.getByRole("button", { name: "Log the contact" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" }).getByRole("link")).toHaveText([
    "The date of the contact must be a real date",
    "Enter what was discussed or agreed",
  ]);
  await fillDate(page, "contact-date", ukDate(-3));
  await page.getByLabel("What was discussed or agreed").fill("Letter explaining the review");
  await page.getByRole("button", { name: "Log the contact" }).click();
  await expect(page.getByTestId("family-contact")).toContainText(ukDate(-3).text);
  await page.getByLabel("How staff involved are supported through the review").fill("Each agency offers a debrief.");
  await expect(page.getByTestId("setup-missing")).toContainText("The set-up has everything the guidance asks for.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expectAccessible(page, "the Set-up page");

  await page.reload();
  await expect(page.getByTestId("team-member")).toHaveCount(3);
  await expect(page.getByLabel("Learning Together (SCIE systems model)")).toBeChecked();
  await expect(page.getByTestId("review-question")).toHaveCount(2);
  await expect(page.locator("#period-to-month")).toHaveValue("9");
  await expect(page.getByTestId("family-contact")).toHaveCount(1);

  // The review file carries it all, by role and agency only.
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Overview" }).click();
  const file = await exportReview(page);
  const json = JSON.parse(file.bytes.toString("utf8"));
  expect(json.format_version).toBe(6);
  expect(Object.values(json.review.setup.questions).map((q) => q.text).sort()).toEqual([
    "How well did services share what they knew?",
    "Was Adult B’s own view heard?",
  ]);
  expect(Object.values(json.review.setup.team).map((m) => m.part).sort()).toEqual(["chair", "member", "reviewer"]);
  expect(json.review.setup.model).toBe("learning_together");
});

test("the Overview shows the time taken against six to nine months and keeps a delay log", async ({ page }) => {
  await createReview(page, { title: "Review 2027-03", notified: ukDate(-250) });
  await expect(page.getByTestId("time-taken")).toContainText("counted from the decision");
  await milestoneRow(page, "decision_made").getByRole("button", { name: /Add date/ }).click();
  await fillDate(page, "date-decision_made", ukDate(-220));
  await page.getByRole("button", { name: "Save date" }).click();
  await expect(page.getByTestId("time-taken")).toContainText("Past the aim");
  await expect(page.getByTestId("time-taken")).toContainText("since the decision");

  await page.getByTestId("delay-log").locator("summary").click();
  await page.getByRole("button", { name: "Log the delay" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter the reason for the delay");
  await page.getByLabel("Reason for the delay").fill("Interviews waited for the criminal trial");
  await page.getByRole("button", { name: "Log the delay" }).click();
  await expect(page.getByTestId("delay")).toContainText("Interviews waited for the criminal trial");
  await page.reload();
  await expect(page.getByTestId("delay-log").locator("summary")).toHaveText("Delay log (1 reason recorded)");
});

test("the committee's settings travel in a backup and are restored in a browser that has none", async ({ page, browser }) => {
  await createReview(page, { title: "Review kept in the backup" });
  await page.goto("/settings");
  await page.getByLabel("Committee names").fill("Example Public Protection Committee");
  await page.getByLabel("Agency returns due after the request").fill("10");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByTestId("affected-reviews").getByRole("button", { name: "Save for new reviews only" }).click();
  await expect(page.getByTestId("settings-outcome")).toContainText("Settings saved.");

  await page.goto("/storage");
  const backup = await downloadFrom(page, page.getByRole("button", { name: "Back up everything" }));
  const json = JSON.parse(backup.bytes.toString("utf8"));
  expect(json.format_version).toBe(6);
  expect(json.settings.committees).toEqual(["Example Public Protection Committee"]);
  expect(json.settings.timescales.agency_returns_days).toBe(10);

  const elsewhere = await browser.newContext();
  const fresh = await elsewhere.newPage();
  try {
    await fresh.goto("/storage");
    await fresh.getByLabel("Restore from backup").setInputFiles({ name: backup.name, mimeType: "application/json", buffer: backup.bytes });
    await expect(fresh.getByTestId("backup-settings")).toBeVisible();
    await fresh.getByTestId("backup-summary").getByRole("button", { name: "Restore chosen reviews" }).click();
    await expect(fresh.getByTestId("open-result")).toContainText("Restored 1 review. The committee settings were restored too.");
    await fresh.goto("/settings");
    await expect(fresh.getByLabel("Committee names")).toHaveValue("Example Public Protection Committee");
    await expect(fresh.getByLabel("Agency returns due after the request")).toHaveValue("10");
  } finally {
    await elsewhere.close();
  }
});
