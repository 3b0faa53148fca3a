// Issue 2, items 4 and 5: the Overview's lifecycle and due dates, editing stage dates, parallel
// proceedings, and renaming, pausing, completing, archiving and deleting a review.
import { test, expect, ukDate, addDays, addMonths, fillDate, createReview, milestoneRow, expectAccessible } from "./support.mjs";

test("the lifecycle lists every stage with its date, due date and state", async ({ page }) => {
  const notified = ukDate(-10);
  await createReview(page, { title: "Lifecycle review", type: "Adult support and protection", notified });
  const table = page.getByTestId("lifecycle");
  await expect(table.locator("tbody > tr")).toHaveCount(14);
  await expect(milestoneRow(page, "notification_received").getByTestId("recorded")).toHaveText(notified.text);
  await expect(milestoneRow(page, "notification_received").getByTestId("state")).toContainText("Done");
  const decision = milestoneRow(page, "decision_made");
  await expect(decision.getByTestId("due")).toHaveText(addDays(notified, 42).text);
  await expect(decision.getByTestId("state")).toContainText("Due");
  await expect(decision.getByTestId("state")).toContainText("32 days left");
  await expect(milestoneRow(page, "signed_off").getByTestId("state")).toContainText("Due date set once “Decision made” has a date");
  await expectAccessible(page, "the Overview");
});

test("recording dates works out the next due dates, including the 6-month mark and the adult outcome notice", async ({ page }) => {
  const notified = ukDate(-60);
  await createReview(page, { title: "Dates review", type: "Adult support and protection", notified });

  // Agency returns: 2 weeks after the request.
  const requested = ukDate(-50);
  await milestoneRow(page, "agency_information_requested").getByRole("button", { name: /Add date/ }).click();
  await fillDate(page, "date-agency_information_requested", requested);
  await page.getByRole("button", { name: "Save date" }).click();
  await expect(milestoneRow(page, "agency_returns_received").getByTestId("due")).toHaveText(addDays(requested, 14).text);
  await expect(milestoneRow(page, "agency_returns_received").getByTestId("state")).toContainText("Overdue");
  await expect(page.getByTestId("next-due")).toContainText("Agency returns received");

  // Decision: sign-off due 9 months later, with the 6-month mark; the Care Inspectorate is told at decision.
  const decided = ukDate(-20);
  await milestoneRow(page, "decision_made").getByRole("button", { name: /Add date/ }).click();
  await fillDate(page, "date-decision_made", decided);
  await page.getByRole("button", { name: "Save date" }).click();
  const signOff = milestoneRow(page, "signed_off");
  await expect(signOff.getByTestId("due")).toContainText(addMonths(decided, 9).text);
  await expect(signOff.getByTestId("due")).toContainText(`6-month mark: ${addMonths(decided, 6).text}`);
  await expect(milestoneRow(page, "care_inspectorate_told_of_decision").getByTestId("due")).toHaveText(decided.text);

  // Sign-off: for an adult review the Care Inspectorate gets the outcome within 7 days.
  const signed = ukDate(-2);
  await signOff.getByRole("button", { name: /Add date/ }).click();
  await fillDate(page, "date-signed_off", signed);
  await page.getByRole("button", { name: "Save date" }).click();
  const outcome = milestoneRow(page, "care_inspectorate_told_of_outcome");
  await expect(outcome.getByTestId("due")).toHaveText(addDays(signed, 7).text);
  await expect(outcome.getByTestId("state")).toContainText("Due soon");
  await expect(outcome.getByTestId("state")).toContainText("5 days left");

  // Everything survives a reload.
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(milestoneRow(page, "decision_made").getByTestId("recorded")).toHaveText(decided.text);
  await expect(outcome.getByTestId("due")).toHaveText(addDays(signed, 7).text);
});

test("a stage date in the future or before the notification is refused, and a date can be removed", async ({ page }) => {
  const notified = ukDate(-30);
  await createReview(page, { title: "Validation review", notified });
  const row = milestoneRow(page, "practitioners_event_held");
  await row.getByRole("button", { name: /Add date/ }).click();
  await fillDate(page, "date-practitioners_event_held", ukDate(3));
  await page.getByRole("button", { name: "Save date" }).click();
  await expect(page.locator("#date-practitioners_event_held-error")).toContainText("must be today or in the past");
  await expectAccessible(page, "a stage date with an error");
  await fillDate(page, "date-practitioners_event_held", ukDate(-31));
  await page.getByRole("button", { name: "Save date" }).click();
  await expect(page.locator("#date-practitioners_event_held-error")).toContainText(`must be the same as or after ${notified.text}`);
  await fillDate(page, "date-practitioners_event_held", ukDate(-1));
  await page.getByRole("button", { name: "Save date" }).click();
  await expect(row.getByTestId("recorded")).toHaveText(ukDate(-1).text);

  await row.getByRole("button", { name: /Change/ }).click();
  await page.getByRole("button", { name: "Remove date" }).click();
  await expect(row.getByTestId("recorded")).toHaveText("Not recorded");
});

test("parallel proceedings and the liaison note save as they are typed and survive a reload", async ({ page }) => {
  await createReview(page, { title: "Proceedings review" });
  await page.getByLabel("Criminal proceedings").check();
  await page.getByLabel("Other proceedings").check();
  await page.getByLabel("What are the other proceedings?").fill("Significant case review in England");
  await page.getByLabel("Liaison note").fill("Monthly call with the senior investigating officer.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByLabel("Criminal proceedings")).toBeChecked();
  await expect(page.getByLabel("Fatal Accident Inquiry")).not.toBeChecked();
  await expect(page.getByLabel("What are the other proceedings?")).toHaveValue("Significant case review in England");
  await expect(page.getByLabel("Liaison note")).toHaveValue("Monthly call with the senior investigating officer.");
});

test("a review can be renamed, paused, completed and archived, and the list follows", async ({ page }) => {
  await createReview(page, { title: "Status review" });
  await page.getByRole("button", { name: "Change title" }).click();
  await page.getByLabel("Title").fill("   ");
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a title for the review");
  await page.getByLabel("Title").fill("Status review, renamed");
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Status review, renamed");

  await page.getByRole("button", { name: "Pause review" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("Paused");
  await expect(page.getByTestId("next-due")).toContainText("Paused");
  await page.getByRole("button", { name: "Resume review" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("Open");
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("Complete");
  await expect(page.getByTestId("next-due")).toHaveText("This review is complete.");

  await page.getByRole("button", { name: "Archive review" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("Complete (archived)");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.getByRole("link", { name: "All reviews" }).click();
  await expect(page.getByTestId("review-row")).toHaveCount(0);
  await expect(page.getByTestId("review-count")).toContainText("1 archived hidden");
  await page.getByLabel("Show archived reviews").check();
  await expect(page.getByTestId("review-row")).toHaveCount(1);
  await expect(page.getByTestId("review-row")).toContainText("Status review, renamed");
  await expect(page.getByTestId("review-row")).toContainText("Archived");
  await expect(page.getByTestId("review-row")).toContainText("Complete");
});

test("deleting asks for confirmation naming the review; cancelling keeps it", async ({ page }) => {
  await createReview(page, { title: "Review to keep" });
  const url = await createReview(page, { title: "Review to delete" });
  await page.getByRole("button", { name: "Delete review" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading")).toHaveText("Delete “Review to delete”?");
  await expectAccessible(page, "the delete confirmation");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review to delete");

  await page.getByRole("button", { name: "Delete review" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Review “Review to delete” deleted");
  await expect(page.getByTestId("review-row")).toHaveCount(1);
  await expect(page.getByTestId("review-row")).toContainText("Review to keep");

  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Review not found" })).toBeVisible();
  await expectAccessible(page, "Review not found");
});

test("each review has its own address that survives reload and the back button", async ({ page }) => {
  const first = await createReview(page, { title: "First review" });
  await page.getByRole("link", { name: "All reviews" }).click();
  await page.getByRole("link", { name: "First review" }).click();
  await expect(page).toHaveURL(first);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "First review" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: "First review" })).toBeVisible();
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(page, "Page not found");
});
