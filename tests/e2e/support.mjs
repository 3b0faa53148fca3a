// Shared fixtures and helpers for the journeys.
//
// Every test's page is watched: at the end, the test fails if the page asked for anything
// outside 127.0.0.1, logged an error (a Content-Security-Policy violation, say) or threw.

import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export { expect };

export const test = base.extend({
  watched: [
    async ({ context }, use) => {
      const outside = [];
      const errors = [];
      const watch = (page) => {
        page.on("console", (message) => {
          if (message.type() === "error") errors.push(message.text());
        });
        page.on("pageerror", (error) => errors.push(error.message));
      };
      context.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith("http://127.0.0.1:") && !url.startsWith("data:") && !url.startsWith("blob:")) {
          outside.push(url);
        }
      });
      context.pages().forEach(watch);
      context.on("page", watch);
      const watched = { outside, errors };
      await use(watched);
      expect(outside, "requests outside 127.0.0.1").toEqual([]);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

/** A date `offsetDays` from today on the UK calendar, as the app's date input and text show it. */
export function ukDate(offsetDays = 0) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "numeric", day: "numeric" })
      .formatToParts(new Date())
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)]),
  );
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + offsetDays));
  return fromUtcDate(date);
}

/** Adds whole calendar months the way the app does: 31 May + 9 months is the end of February. */
export function addMonths(date, months) {
  const start = new Date(Date.UTC(date.year, date.month - 1, 1));
  start.setUTCMonth(start.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).getUTCDate();
  start.setUTCDate(Math.min(date.day, lastDay));
  return fromUtcDate(start);
}

export function addDays(date, days) {
  return fromUtcDate(new Date(Date.UTC(date.year, date.month - 1, date.day + days)));
}

function fromUtcDate(date) {
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  const year = date.getUTCFullYear();
  const text = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(date);
  return { day, month, year, text };
}

/** Fills a GOV.UK date input whose parts have ids `<prefix>-day` and so on. */
export async function fillDate(page, prefix, date) {
  await page.locator(`#${prefix}-day`).fill(String(date.day));
  await page.locator(`#${prefix}-month`).fill(String(date.month));
  await page.locator(`#${prefix}-year`).fill(String(date.year));
}

/** Creates a review through the New review page and waits for its Overview. */
export async function createReview(page, { title, type = "Child protection", notified = ukDate(-10), committee } = {}) {
  await page.goto("/");
  await page.getByRole("link", { name: "New review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New review" })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel(type).check();
  await fillDate(page, "notification", notified);
  if (committee !== undefined) await page.getByLabel("Committee (optional)").fill(committee);
  await page.getByRole("button", { name: "Create review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  return page.url();
}

/** The lifecycle table's row for a milestone (by its key, such as "decision_made"). */
export function milestoneRow(page, key) {
  return page.locator(`tr[data-milestone="${key}"]`);
}

/** Fails on any serious or critical accessibility violation axe-core finds on the page. */
export async function expectAccessible(page, what) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility violations on ${what}`).toEqual([]);
}

/** Waits until the service worker controls the page, so everything is cached for offline use. */
export async function waitForOfflineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
}
