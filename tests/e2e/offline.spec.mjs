// Issue 2, items 6–8: autosave that survives closing the tab, the installable app that works
// with the network gone, clean updates to a new build, and the Storage page.
import { readFile, writeFile, mkdtemp, cp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, createReview, waitForOfflineReady, expectAccessible, ukDate } from "./support.mjs";
import { serveFolder } from "../../tools/serve.mjs";

test("a change that showed Saved is there after the tab is closed and reopened", async ({ context, page }) => {
  const url = await createReview(page, { title: "Autosave review" });
  await page.getByLabel("Liaison note").fill("Typed just before closing the tab.");
  await expect(page.getByTestId("save-status")).toHaveText("Saving…");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(reopened.getByLabel("Liaison note")).toHaveValue("Typed just before closing the tab.");
});

test("a change is kept when the person leaves the review before its save was due", async ({ page }) => {
  const url = await createReview(page, { title: "Quick exit review" });
  await page.getByLabel("Liaison note").fill("Typed, then straight back to the list.");
  // No wait for "Saved": leave at once, within the save delay.
  await page.getByRole("link", { name: "All reviews" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.goto(url);
  await expect(page.getByLabel("Liaison note")).toHaveValue("Typed, then straight back to the list.");
});

test("a change saved in another tab shows in this one at once, and this tab's next change is saved on top of it", async ({ context, page }) => {
  const url = await createReview(page, { title: "Two tabs review" });
  const other = await context.newPage();
  await other.goto(url);
  await other.getByLabel("Liaison note").fill("Saved from the second tab.");
  await expect(other.getByTestId("save-status")).toHaveText("Saved");

  // The first tab hears of the save and shows it without a reload.
  await expect(page.getByLabel("Liaison note")).toHaveValue("Saved from the second tab.");
  await expect(page.getByTestId("sync-notice")).toContainText("changed in another tab or window");
  await page.getByLabel("Liaison note").fill("Then typed in the first tab.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(other.getByLabel("Liaison note")).toHaveValue("Then typed in the first tab.");

  await page.reload();
  await expect(page.getByLabel("Liaison note")).toHaveValue("Then typed in the first tab.");
});

test("the app installs: a web manifest with name, icons, theme colour and standalone display", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href)).json();
  expect(manifest.name).toBe("Sightline");
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.start_url).toBe("/");
  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe(icon.type);
  }
});

test("after the first visit the app works with the network gone", async ({ context, page }) => {
  await page.goto("/");
  await waitForOfflineReady(page);
  const url = await createReview(page, { title: "Offline review" });
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Offline review" })).toBeVisible();
    // A review's own address opens offline too, and work carries on.
    await page.goto("/");
    await page.goto(url);
    await page.getByLabel("Liaison note").fill("Written with no network.");
    await expect(page.getByTestId("save-status")).toHaveText("Saved");
    await page.goto("/storage");
    await expect(page.getByTestId("offline-ready")).toContainText("Yes");
  } finally {
    await context.setOffline(false);
  }
  await page.goto(url);
  await expect(page.getByLabel("Liaison note")).toHaveValue("Written with no network.");
});

test("the Storage page shows the browser's answer, the space used and the advice to export", async ({ page }) => {
  await createReview(page, { title: "Counted review" });
  await page.getByRole("link", { name: "Storage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Storage" })).toBeVisible();
  await expect(page.getByTestId("persistence")).toHaveText(/^(Yes|Not yet|This browser cannot be asked)/);
  await expect(page.getByTestId("estimate")).toContainText(/used of about .* available to Sightline/);
  await expect(page.getByTestId("review-total")).toHaveText("1");
  await expect(page.getByText("Export your reviews to files regularly")).toBeVisible();
  await expectAccessible(page, "the Storage page");
});

test.describe("a new build", () => {
  let folder;
  let server;
  test.beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "sightline-update-"));
    await cp("dist", folder, { recursive: true });
    server = await serveFolder(folder, 0);
  });
  test.afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(folder, { recursive: true, force: true });
  });

  test("is announced, waits for the person, and then replaces the old one whole", async ({ page }) => {
    const base = `http://127.0.0.1:${server.address().port}`;
    await page.goto(`${base}/`);
    await waitForOfflineReady(page);
    const cachesBefore = await page.evaluate(() => caches.keys());
    expect(cachesBefore).toHaveLength(1);
    const url = await (async () => {
      await page.goto(`${base}/reviews/new`);
      await page.getByLabel("Title").fill("Review before the update");
      await page.getByLabel("Child protection").check();
      const d = ukDate(-5);
      await page.locator("#notification-day").fill(String(d.day));
      await page.locator("#notification-month").fill(String(d.month));
      await page.locator("#notification-year").fill(String(d.year));
      await page.getByRole("button", { name: "Create review" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Review before the update" })).toBeVisible();
      return page.url();
    })();

    // Publish a "new build": same files, a different build id in the worker.
    const workerPath = join(folder, "sw.js");
    const worker = await readFile(workerPath, "utf8");
    const oldId = worker.match(/const BUILD_ID = "([0-9a-f]+)"/)[1];
    await writeFile(workerPath, worker.replace(oldId, "feedfacefeedface"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

    const banner = page.getByRole("region", { name: "New version" });
    await expect(banner).toContainText("A new version of Sightline is ready");
    // Until the person chooses, the page is still served by the old build.
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([`sightline-${oldId}`]));
    await expectAccessible(page, "the new version banner");

    // The page reloads itself once the new build is in control.
    await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Reload to update" }).click()]);
    expect(page.url()).toBe(url);
    await expect(page.getByRole("heading", { level: 1, name: "Review before the update" })).toBeVisible();
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(["sightline-feedfacefeedface"]);
    await expect(page.getByRole("region", { name: "New version" })).toHaveCount(0);
  });
});
