// Issue 7: restore points — made automatically after the first save, on request, before a
// restore — listed with what changed, and restoring one (itself undoable).
import { test, expect, createReview, expectAccessible } from "./support.mjs";

const points = (page) => page.getByTestId("restore-point");

test("a restore point brings a review back, and the restore can be undone", async ({ page }) => {
  await createReview(page, { title: "Review with history" });
  await page.getByLabel("Liaison note").fill("First version of the note.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  // The first save made an automatic point; the list shows it after a reload.
  await page.reload();
  await expect(points(page)).toHaveCount(1);
  await expect(points(page).first()).toContainText("Automatic");
  await expect(points(page).first()).toContainText("The first restore point");

  await page.getByRole("button", { name: "Save restore point" }).click();
  await expect(page.getByTestId("restore-point-message")).toContainText("Restore point saved");
  await expect(points(page)).toHaveCount(2);
  await expect(points(page).first()).toContainText("Saved by you");
  await expectAccessible(page, "the Overview with its restore points");

  await page.getByLabel("Liaison note").fill("Second version, written later.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Restore the point saved by hand: the note goes back, and how it was is kept.
  await points(page).filter({ hasText: "Saved by you" }).getByRole("button", { name: /Restore/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("restored")).toContainText("The review is back as it was at");
  await expect(page.getByLabel("Liaison note")).toHaveValue("First version of the note.");
  await expect(points(page).first()).toContainText("Before restoring an earlier point");

  // Undo: restore the point made just before restoring.
  await points(page).first().getByRole("button", { name: /Restore/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("restored")).toBeVisible();
  await expect(page.getByLabel("Liaison note")).toHaveValue("Second version, written later.");

  // The Storage page shows the bound.
  await page.goto("/storage");
  await expect(page.getByTestId("restore-point-bound")).toContainText(/\d+ restore points kept, taking .*The limit is 200(\.0)? MB in all and 30 per review/);
});
