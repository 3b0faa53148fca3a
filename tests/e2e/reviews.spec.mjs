// Issue 2, items 1–3: the app opens as Sightline, lists reviews, and creates them with GOV.UK
// style validation that saves nothing until the form is right.
import { test, expect, ukDate, addDays, fillDate, createReview, expectAccessible } from "./support.mjs";

test("the app opens on the Reviews page, titled Sightline", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Reviews – Sightline");
  await expect(page.getByRole("banner")).toContainText("Sightline");
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  await expect(page.getByTestId("no-reviews")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expectAccessible(page, "the empty Reviews page");
});

test("the page allows scripts only from its own origin, by a strict Content-Security-Policy", async ({ page, request }) => {
  const html = await (await request.get("/")).text();
  const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
  expect(policy).toBeTruthy();
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("'wasm-unsafe-eval'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  // The app starts under that policy (a violation would be a console error, failing the test).
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
});

test("an empty form shows every problem in an error summary and saves nothing", async ({ page }) => {
  await page.goto("/reviews/new");
  await page.getByRole("button", { name: "Create review" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Enter a title for the review",
    "Select the type of review",
    "Enter the date the notification was received",
  ]);
  // Each message links to its field.
  await summary.getByRole("link", { name: "Select the type of review" }).click();
  await expect(page.getByLabel("Child protection")).toBeFocused();
  await expectAccessible(page, "the New review page with errors");
  await page.getByRole("link", { name: "Back to reviews" }).click();
  await expect(page.getByTestId("no-reviews")).toBeVisible();
});

test("future and impossible dates are refused with what to fix, keeping what was typed", async ({ page }) => {
  await page.goto("/reviews/new");
  await page.getByLabel("Title").fill("Review 2026-07");
  await page.getByLabel("Adult support and protection").check();
  await fillDate(page, "notification", ukDate(1));
  await page.getByRole("button", { name: "Create review" }).click();
  await expect(page.getByRole("alert")).toContainText("Date notification received must be today or in the past");

  await page.locator("#notification-day").fill("31");
  await page.locator("#notification-month").fill("2");
  await page.getByRole("button", { name: "Create review" }).click();
  await expect(page.getByRole("alert")).toContainText("Date notification received must be a real date");
  await expect(page.getByLabel("Title")).toHaveValue("Review 2026-07");
  await expect(page.getByLabel("Adult support and protection")).toBeChecked();

  await page.locator("#notification-month").fill("");
  await page.getByRole("button", { name: "Create review" }).click();
  await expect(page.getByRole("alert")).toContainText("Date notification received must include a month");

  await page.goto("/");
  await expect(page.getByTestId("no-reviews")).toBeVisible();
});

test("a new review opens on its Overview at its own address, and the committee is remembered", async ({ page }) => {
  const notified = ukDate(-10);
  const url = await createReview(page, { title: "Review 2026-01 (Child A)", notified, committee: "Example Child Protection Committee" });
  expect(url).toMatch(/\/reviews\/[0-9a-f-]{36}$/);
  await expect(page).toHaveTitle("Overview: Review 2026-01 (Child A) – Sightline");
  await expect(page.getByText("Child protection review")).toBeVisible();
  await expect(page.locator(".app-summary-list")).toContainText("Example Child Protection Committee");
  await expect(page.getByTestId("next-due")).toContainText(`Decision made by ${addDays(notified, 42).text}`);

  await page.goto("/reviews/new");
  await expect(page.getByLabel("Committee (optional)")).toHaveValue("Example Child Protection Committee");
});

test("the list shows each review's type, stage and next due date, flags overdue ones, and searches titles", async ({ page }) => {
  const longAgo = ukDate(-100);
  await createReview(page, { title: "Review Alpha", notified: longAgo });
  await createReview(page, { title: "Review Beta", type: "Adult support and protection", notified: ukDate(-3) });
  await page.getByRole("link", { name: "All reviews" }).click();

  const rows = page.getByTestId("review-row");
  await expect(rows).toHaveCount(2);
  // Newest activity first.
  await expect(rows.nth(0)).toContainText("Review Beta");
  await expect(rows.nth(0)).toContainText("Adult support and protection");
  await expect(rows.nth(0)).toContainText("2. Information gathering for the decision");
  await expect(rows.nth(0)).toContainText(addDays(ukDate(-3), 42).text);
  await expect(rows.nth(0)).not.toContainText("Overdue");
  await expect(rows.nth(1)).toContainText("Review Alpha");
  await expect(rows.nth(1)).toContainText("Child protection");
  await expect(rows.nth(1).getByTestId("next-due-cell")).toContainText("Overdue");
  await expect(rows.nth(1)).toContainText("58 days overdue");

  await page.getByLabel("Search by title").fill("alpha");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Review Alpha");
  await page.getByLabel("Search by title").fill("gamma");
  await expect(page.getByTestId("no-matches")).toHaveText("No reviews match “gamma”.");
  await page.getByLabel("Search by title").fill("");
  await expect(rows).toHaveCount(2);
  await expectAccessible(page, "the Reviews page with reviews");
});

test("drift and delay: the list shows overdue reviews or those due soon, by type and committee, soonest first, and keeps the choice after a reload", async ({ page }) => {
  test.setTimeout(120_000);
  await createReview(page, { title: "Review Overdue", notified: ukDate(-100), committee: "East CPC" });
  await createReview(page, { title: "Review Soon", type: "Adult support and protection", notified: ukDate(-35), committee: "West APC" });
  await createReview(page, { title: "Review Later", notified: ukDate(-3), committee: "East CPC" });
  await page.getByRole("link", { name: "All reviews" }).click();
  const rows = page.getByTestId("review-row");
  await expect(rows).toHaveCount(3);

  // The decision is due six weeks after the notification: 58 days late, 7 days left, 39 days left.
  await page.getByLabel("Show", { exact: true }).selectOption({ label: "Overdue" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Review Overdue");
  await page.getByLabel("Show", { exact: true }).selectOption({ label: "Due within 14 days" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Review Soon");
  await page.getByLabel("Show", { exact: true }).selectOption({ label: "All reviews" });
  await page.getByLabel("Order").selectOption({ label: "Soonest due first" });
  await expect(rows.nth(0)).toContainText("Review Overdue");
  await expect(rows.nth(1)).toContainText("Review Soon");
  await expect(rows.nth(2)).toContainText("Review Later");
  await page.getByLabel("Committee").selectOption({ label: "East CPC" });
  await expect(rows).toHaveCount(2);
  await page.getByLabel("Type").selectOption({ label: "Adult support and protection" });
  await expect(page.getByTestId("no-matches")).toContainText("No reviews match the filters.");
  await page.getByLabel("Type").selectOption({ label: "Any" });
  await expectAccessible(page, "the Reviews page with filters");

  // Kept in this browser: after a reload the list is filtered and ordered the same way.
  await page.reload();
  await expect(page.getByLabel("Committee")).toHaveValue("East CPC");
  await expect(page.getByLabel("Order")).toHaveValue("due");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Review Overdue");
  await expect(rows.nth(1)).toContainText("Review Later");
});
