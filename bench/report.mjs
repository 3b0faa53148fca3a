// Benchmark: the Reviewer's report of the large review (5,000 events, 1,000-node map, 40
// findings, 60 actions), in headless Chromium. Prints, median of 5 cold loads of the Report
// page's address:
//
// 1. navigation to the drafted sections shown;
// 2. the app's own main-thread work drafting the report ("sightline:report-draft") and running
//    the quality check ("sightline:report-check"), as the page measures them;
// 3. building the Word document: click to the download starting.
//
//   node bench/report.mjs        (after a release build: scripts/run.sh or trunk build)
import { serveFolder } from "../tools/serve.mjs";
import { generateLargeReview, launchChromium, storeLargeReview, median, ms } from "./large-review-data.mjs";

const RUNS = 5;
const data = generateLargeReview();
const server = await serveFolder("dist", 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    window.__shown = null;
    const observer = new MutationObserver(() => {
      if (window.__shown === null && document.querySelectorAll('[data-testid="report-section"]').length === 8) {
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
  const drafting = [];
  const checking = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${base}/reviews/${data.id}/report`);
    await page.waitForFunction(() => window.__shown !== null, null, { timeout: 60_000 });
    shown.push(await page.evaluate(() => window.__shown));
    const work = await page.evaluate(() => ({
      draft: performance.getEntriesByName("sightline:report-draft").map((e) => e.duration),
      check: performance.getEntriesByName("sightline:report-check").map((e) => e.duration),
    }));
    drafting.push(Math.max(...work.draft));
    checking.push(Math.max(...work.check));
  }
  const words = await page.locator('[data-testid="report-section"]').evaluateAll((els) => els.map((e) => e.innerText).join(" ").split(/\s+/).length);
  console.log(`\nThe report of the large review (a draft of ${words} words), median of ${RUNS}:`);
  console.log(`1. cold load of the Report page, navigation to the draft shown: ${ms(median(shown))} (min ${ms(Math.min(...shown))}, max ${ms(Math.max(...shown))})`);
  console.log(`2. drafting every section: ${ms(median(drafting))} (max ${ms(Math.max(...drafting))}); the quality check: ${ms(median(checking))}`);

  const word = [];
  for (let run = 0; run < RUNS; run++) {
    const start = Date.now();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download as Word (.docx)" }).click();
    await download;
    word.push(Date.now() - start);
  }
  console.log(`3. the Word document, click to the download starting: ${ms(median(word))}`);
} finally {
  await browser.close();
  server.close();
}
