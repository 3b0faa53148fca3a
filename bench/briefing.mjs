// Benchmark: the 7-minute briefing of the large review (5,000 events, 1,000-node map, 40
// findings, 60 actions) with a 20-entry identifier watchlist, in headless Chromium. Prints:
//
// 1. opening the Briefing page: navigation to the preview shown (cold load of its address);
// 2. typing into a section while the preview and the identifying-details check follow every
//    keystroke: input-to-paint per keystroke, p50 and p95, and the app's own work;
// 3. "Check for identifying details": click to the flags shown;
// 4. each export: click to the download starting (the Word document is built in the page).
//
//   node bench/briefing.mjs        (after a release build: scripts/run.sh or trunk build)
import { serveFolder } from "../tools/serve.mjs";
import { generateLargeReview, launchChromium, storeLargeReview, timeKeystrokes, median, percentile, ms } from "./large-review-data.mjs";

const RUNS = 5;
const KEYSTROKES = 120;

const data = generateLargeReview();
const server = await serveFolder("dist", 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    window.__preview = null;
    const observer = new MutationObserver(() => {
      if (window.__preview === null && document.querySelector('[data-testid="briefing-preview"] h2')) {
        window.__preview = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole("heading", { level: 1, name: "Reviews" }).waitFor();
  await storeLargeReview(page, data);

  // A watchlist of 20 entries, added as a person would.
  await page.goto(`${base}/reviews/${data.id}/people`);
  for (let n = 0; n < 20; n++) {
    await page.getByLabel("Add to the watchlist").fill(`Surname${n} Placename${n}`);
    await page.getByRole("button", { name: "Add to watchlist" }).click();
    await page.getByTestId("watchlist-entries").getByRole("listitem").nth(n).waitFor();
  }
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor();

  // 1. Cold load of the Briefing page.
  const cold = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${base}/reviews/${data.id}/briefing`);
    await page.waitForFunction(() => window.__preview !== null, null, { timeout: 60_000 });
    cold.push(await page.evaluate(() => window.__preview));
  }
  const words = await page.getByTestId("briefing-preview").evaluate((el) => el.innerText.split(/\s+/).length);
  console.log(`\n1. Briefing page of the large review (preview of ${words} words), median of ${RUNS}:`);
  console.log(`   cold load of its address, navigation to the preview shown: ${ms(median(cold))} (min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))})`);

  // 2. Typing into section 3, with the check's results open so they follow the text too.
  await page.getByRole("button", { name: "Check for identifying details" }).click();
  await page.getByTestId("check-summary").waitFor();
  const section = page.locator("#briefing-section-3");
  await timeKeystrokes(page);
  await section.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" and more words".repeat(KEYSTROKES / 15).slice(0, KEYSTROKES), { delay: 50 });
  const typing = await page.evaluate(() => ({
    paint: window.__latencies,
    processing: window.__processing,
    check: performance.getEntriesByName("sightline:check").map((e) => e.duration),
    preview: performance.getEntriesByName("sightline:preview").map((e) => e.duration),
  }));
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor();
  console.log(`\n2. Typing into a section (preview and check live), ${typing.paint.length} keystrokes:`);
  console.log(`   input to paint: p50 ${ms(percentile(typing.paint, 0.5))}, p95 ${ms(percentile(typing.paint, 0.95))}, max ${ms(Math.max(...typing.paint))}`);
  console.log(`   the app's own work per keystroke: p50 ${ms(percentile(typing.processing, 0.5))}, p95 ${ms(percentile(typing.processing, 0.95))}`);
  console.log(`   the check, worked out again once typing pauses: p50 ${ms(percentile(typing.check, 0.5))}, p95 ${ms(percentile(typing.check, 0.95))} (${typing.check.length} runs); the preview's HTML: p50 ${ms(percentile(typing.preview, 0.5))}`);

  // 3. The check on demand.
  const checks = [];
  for (let run = 0; run < RUNS; run++) {
    await page.reload();
    await page.getByRole("button", { name: "Check for identifying details" }).waitFor();
    checks.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Check for identifying details");
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector('[data-testid="check-summary"]')) {
                observer.disconnect();
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            button.click();
          }),
      ),
    );
  }
  const flags = await page.getByTestId("flag").count();
  console.log(`\n3. Check for identifying details (${flags} flags shown), click to results painted: median ${ms(median(checks))} (min ${ms(Math.min(...checks))}, max ${ms(Math.max(...checks))})`);

  // 4. Exports: dismiss every flag and confirm, then time each format.
  while ((await page.getByTestId("flag").count()) > 0) {
    const flag = page.getByTestId("flag").first();
    await flag.getByText("Dismiss this flag").click();
    await flag.getByLabel("Why it does not identify anyone").fill("Benchmark");
    await flag.getByRole("button", { name: "Dismiss flag" }).click();
  }
  await page.getByLabel("Your role").fill("Benchmark");
  await page.getByLabel(/a motivated intruder could not identify/).check();
  await page.getByRole("button", { name: "Confirm the check" }).click();
  await page.getByTestId("check-record").waitFor();
  console.log(`\n4. Export briefing, click to download started (median of ${RUNS}):`);
  for (const [label, what] of [
    ["Web page (a single HTML file)", "web page"],
    ["Online briefing (a slide deck in one HTML file)", "slide deck"],
    ["Markdown", "Markdown"],
    ["Word document (.docx)", "Word"],
  ]) {
    // A fresh page per format: Chromium stops a page's downloads after about ten in a row.
    await page.reload();
    await page.getByLabel(label).check();
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const start = Date.now();
      await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export briefing" }).click()]);
      times.push(Date.now() - start);
    }
    console.log(`   ${what.padEnd(11)} ${ms(median(times))}`);
  }
} finally {
  await browser.close();
  server.close();
}
