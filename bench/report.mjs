// Benchmark: the Reviewer's report of the large review (5,000 events, 1,000-node map, 40
// findings, 60 actions), in headless Chromium. Prints, median of 5:
//
// 1. a cold load of the Report page's address: navigation to the eight section boxes shown;
// 2. "Draft the report from the review": the app's own main-thread work drafting every section
//    ("sightline:report-draft") and the quality check ("sightline:report-check");
// 3. typing into a drafted section (the whole report in the review, its printed copy following
//    every key): input-to-paint per keystroke, p50 and p95, and the app's own work;
// 4. building the Word document with every appendix (the 5,000-event chronology as a table,
//    the map as a picture): click to the download starting.
//
//   node bench/report.mjs        (after a release build: scripts/run.sh or trunk build)
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
    window.__shown = null;
    const observer = new MutationObserver(() => {
      if (window.__shown === null && document.querySelectorAll('textarea.app-textarea--report').length === 8) {
        window.__shown = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole("heading", { level: 1, name: "Reviews" }).waitFor();
  await storeLargeReview(page, data);

  const shown = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${base}/reviews/${data.id}/report`);
    await page.waitForFunction(() => window.__shown !== null, null, { timeout: 60_000 });
    shown.push(await page.evaluate(() => window.__shown));
  }
  console.log(`\nThe report of the large review, median of ${RUNS}:`);
  console.log(`1. cold load of the Report page, navigation to the section boxes shown: ${ms(median(shown))} (min ${ms(Math.min(...shown))}, max ${ms(Math.max(...shown))})`);

  // Drafting again with nothing edited takes every new draft: the same work each time.
  for (let run = 0; run < RUNS; run++) {
    await page.getByTestId("draft-report").click();
    await page.getByTestId("draft-outcome").filter({ hasText: /\S/ }).waitFor();
  }
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 60_000 });
  const work = await page.evaluate(() => ({
    draft: performance.getEntriesByName("sightline:report-draft").map((e) => e.duration),
    check: performance.getEntriesByName("sightline:report-check").map((e) => e.duration),
  }));
  const words = await page.locator('textarea.app-textarea--report').evaluateAll((els) => els.map((e) => e.value).join(" ").split(/\s+/).length);
  console.log(`2. drafting every section (${words} words): ${ms(median(work.draft))} (max ${ms(Math.max(...work.draft))}); the quality check: ${ms(median(work.check))} (max ${ms(Math.max(...work.check))})`);

  // 3. Typing at the end of section 5 (Analysis, the longest).
  const section = page.locator("#report-section-analysis");
  await timeKeystrokes(page);
  await section.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" and more words".repeat(KEYSTROKES / 15).slice(0, KEYSTROKES), { delay: 50 });
  const typing = await page.evaluate(() => ({ paint: window.__latencies, processing: window.__processing }));
  console.log(`3. typing into a section, ${typing.paint.length} keystrokes: input to paint p50 ${ms(percentile(typing.paint, 0.5))}, p95 ${ms(percentile(typing.paint, 0.95))}, max ${ms(Math.max(...typing.paint))}; the app's own work p50 ${ms(percentile(typing.processing, 0.5))}, p95 ${ms(percentile(typing.processing, 0.95))}`);
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 60_000 });

  for (const label of ["The systems map, as an image", "The full chronology, as a table", /The terms of reference/]) {
    await page.getByLabel(label).check();
  }
  const word = [];
  for (let run = 0; run < RUNS; run++) {
    const start = Date.now();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download as Word (.docx)" }).click();
    await download;
    word.push(Date.now() - start);
  }
  console.log(`4. the Word document with every appendix, click to the download starting: ${ms(median(word))} (max ${ms(Math.max(...word))})`);
} finally {
  await browser.close();
  server.close();
}
