// Issue 15, item 1: the log of sharing the learning, the agencies not reached yet, and the
// "Sharing the learning" stage date that follows the log; kept after a reload and in a file.
import { test, expect, expectAccessible, fillDate, milestoneRow } from "./support.mjs";
import { importFixtureReview, exportReview } from "./files-support.mjs";

const nav = (page, name) =>
  page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name, exact: true }).click();

test("two sharings of the learning are logged, the unreached agencies shown, and the stage date follows", async ({ page }) => {
  await importFixtureReview(page);
  await nav(page, "Sharing");
  await expect(page.getByRole("heading", { level: 1, name: "Sharing the learning" })).toBeVisible();
  const notReached = page.getByTestId("not-reached").getByRole("listitem");
  const agencies = await notReached.allTextContents();
  expect(agencies.length).toBeGreaterThanOrEqual(2);

  // Nothing chosen: every problem is named.
  await page.getByRole("button", { name: "Log the sharing" }).click();
  const summary = page.locator(".app-error-summary");
  await expect(summary).toContainText("Select how the learning was shared");
  await expect(summary).toContainText("Enter who it was for");
  await expect(summary).toContainText("Enter the role of who delivered it");

  // The first: a briefing to one agency, with a count typed with a comma.
  await fillDate(page, "sharing-on", { day: 3, month: 11, year: 2026 });
  await page.getByLabel("7-minute briefing at a team meeting").check();
  await page.getByLabel("Who was it for? (role groups)").fill("Team managers, health visitors");
  await page.locator("#add-sharing, [data-testid=add-sharing]").getByLabel(agencies[0], { exact: true }).check();
  await page.getByLabel("How many people took part? (optional)").fill("1,2");
  await page.getByLabel("Who delivered it? (their role)").fill("Practice development officer");
  await page.getByRole("button", { name: "Log the sharing" }).click();
  await expect(page.getByTestId("sharing-logged")).toHaveText("Logged: 7-minute briefing at a team meeting on 3 November 2026.");
  await expect(page.getByTestId("sharing")).toHaveCount(1);
  await expect(notReached).toHaveText(agencies.slice(1));

  // The second, earlier, to the other agencies typed by hand in another case and spacing.
  await fillDate(page, "sharing-on", { day: 20, month: 10, year: 2026 });
  await page.getByLabel("Training course").check();
  await page.getByLabel("Other agencies").fill(agencies.slice(1).map((a) => `  ${a.toUpperCase()} `).join("\n"));
  await page.getByRole("button", { name: "Log the sharing" }).click();
  await expect(page.getByTestId("sharing")).toHaveCount(2);
  await expect(page.getByTestId("not-reached")).toHaveText("Every agency in the register has been reached.");
  await expect(page.getByTestId("sharing-totals")).toHaveText("Shared 2 times with at least 12 people (1 without a count).");
  await expect(page.getByTestId("sharing").first()).toContainText("20 October 2026");
  await expectAccessible(page, "the Sharing page");

  // The stage date is the first time logged, after a reload too.
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("sharing")).toHaveCount(2);
  await nav(page, "Overview");
  await expect(milestoneRow(page, "learning_shared")).toContainText("20 October 2026");

  // And it travels in the review file.
  const file = await exportReview(page);
  const json = JSON.parse(file.bytes.toString("utf8"));
  expect(json.format_version).toBe(6);
  const logged = Object.values(json.review.dissemination);
  expect(logged.map((s) => s.channel).sort()).toEqual(["team_briefing", "training_course"]);
  expect(logged.find((s) => s.channel === "team_briefing").people).toBe(12);
});
