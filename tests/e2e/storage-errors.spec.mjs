// Issue 2, "How it is built": storage errors reach the person as plain messages, and nothing
// typed is lost.
import { test, expect, createReview, fillDate, ukDate, expectAccessible } from "./support.mjs";

test("a browser without IndexedDB (some private windows) is told nothing can be saved", async ({ context, page }) => {
  await context.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
  });
  await page.goto("/");
  const status = page.getByTestId("save-status");
  await expect(status).toContainText("Not saved");
  await expect(status).toContainText("This browser is not letting Sightline keep data");
  await expect(page.getByRole("alert")).toContainText("Your reviews cannot be shown");
  await expectAccessible(page, "the Reviews page without storage");

  await page.getByRole("link", { name: "New review" }).click();
  await page.getByLabel("Title").fill("Review that cannot be stored");
  await page.getByLabel("Child protection").check();
  await fillDate(page, "notification", ukDate(-1));
  await page.getByRole("button", { name: "Create review" }).click();
  await expect(page.getByRole("alert")).toContainText("The review was not created. This browser is not letting Sightline keep data");
  await expect(page.getByLabel("Title")).toHaveValue("Review that cannot be stored");
});

test("a full disk stops the save with a message, and the change is saved once there is room", async ({ page }) => {
  await createReview(page, { title: "Quota review" });
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    window.__restorePut = () => (IDBObjectStore.prototype.put = put);
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.getByLabel("Liaison note").fill("Typed while the disk is full.");
  const status = page.getByTestId("save-status");
  await expect(status).toContainText("Not saved");
  await expect(status).toContainText("storage for Sightline is full");
  await expect(page.getByLabel("Liaison note")).toHaveValue("Typed while the disk is full.");

  await page.evaluate(() => window.__restorePut());
  await page.getByLabel("Liaison note").pressSequentially(" More.");
  await expect(status).toHaveText("Saved");
  await page.reload();
  await expect(page.getByLabel("Liaison note")).toHaveValue("Typed while the disk is full. More.");
});
