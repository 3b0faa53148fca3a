// Issue 7: two tabs on one review never silently overwrite each other. Changes in one show in
// the other; a save based on a stale revision brings the other tab's changes in and saves on
// top; the same thing changed in both at once is kept from this tab and said out loud.
import { test, expect, createReview } from "./support.mjs";

const EDITS_PER_TAB = 100;

async function openChronology(page, url) {
  await page.goto(`${url}/chronology`);
  await expect(page.getByRole("heading", { level: 1, name: "Chronology" })).toBeVisible();
}

async function addEvent(page, what) {
  await page.locator("#new-event-phase").fill("Early years");
  await page.locator("#new-event-what").fill(what);
  await page.locator("#new-event-what").press("Enter");
  await expect(page.locator("#new-event-what")).toHaveValue("");
}

test("200 edits made in turn in two tabs are all kept", async ({ context, page }) => {
  test.setTimeout(180_000);
  const url = await createReview(page, { title: "Two busy tabs" });
  const other = await context.newPage();
  await openChronology(page, url);
  await openChronology(other, url);
  // Each tab adds its own events, in turn, without waiting for the other's saves.
  for (let n = 1; n <= EDITS_PER_TAB; n++) {
    await addEvent(page, `First tab event ${n}`);
    await addEvent(other, `Second tab event ${n}`);
  }
  for (const p of [page, other]) await expect(p.getByTestId("save-status")).toHaveText("Saved", { timeout: 20_000 });
  // Stored: every edit from both tabs, once.
  const stored = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("sightline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("records", "readonly");
          tx.objectStore("records").getAll().onsuccess = (e) => {
            resolve(e.target.result.filter((r) => r.key.includes("/event/")).map((r) => JSON.parse(r.doc).what_happened));
            open.result.close();
          };
        };
      }),
  );
  const expected = [];
  for (let n = 1; n <= EDITS_PER_TAB; n++) expected.push(`First tab event ${n}`, `Second tab event ${n}`);
  expect(stored.sort()).toEqual(expected.sort());
  // Both tabs show all of them, and neither reports a conflict: they changed different things.
  for (const p of [page, other]) {
    await p.reload();
    await expect(p.getByTestId("event-row")).toHaveCount(100);
    await expect(p.getByTestId("event-count")).toHaveText("200 events");
    await expect(p.getByTestId("sync-notice")).toHaveCount(0);
  }
});

test("the same field changed in two tabs at once keeps this tab's version and says so", async ({ context, page }) => {
  const url = await createReview(page, { title: "Clashing tabs" });
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByLabel("Liaison note")).toBeVisible();
  // Both type before either has saved.
  await Promise.all([
    page.getByLabel("Liaison note").fill("Written in the first tab."),
    other.getByLabel("Liaison note").fill("Written in the second tab."),
  ]);
  for (const p of [page, other]) await expect(p.getByTestId("save-status")).toHaveText("Saved");
  // One tab's save came second: it brought the other's in, kept its own and said so.
  const notices = await Promise.all(
    [page, other].map(async (p) => ((await p.getByTestId("sync-notice").count()) ? p.getByTestId("sync-notice").getAttribute("data-conflict") : null)),
  );
  expect(notices).toContain("true");
  const loser = notices[0] === "true" ? page : other;
  await expect(loser.getByTestId("sync-notice")).toContainText("changed here and in another tab or window at the same time");
  await expect(loser.getByTestId("sync-notice")).toContainText("parallel proceedings");
  // Nothing silently lost: what is stored is one tab's text, and the other tab now shows it too.
  const kept = await loser.getByLabel("Liaison note").inputValue();
  const winner = loser === page ? other : page;
  await expect(winner.getByLabel("Liaison note")).toHaveValue(kept);
  // The other tab's version is kept as a restore point.
  await loser.reload();
  await expect(loser.getByTestId("restore-point").filter({ hasText: "Another tab’s version" })).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel("Liaison note")).toHaveValue(kept);
});
