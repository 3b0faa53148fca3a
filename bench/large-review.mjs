// Benchmark: Sightline with a large review (5,000 chronology events, 60 people, 300 reflection
// answers) in headless Chromium. Prints:
//
// 1. opening the chronology: from navigation to the first rows shown (a cold load of the
//    page), and from clicking "Chronology" on the review's Overview (already loaded);
// 2. typing into a reflection answer: input-to-paint time per keystroke, p50 and p95
//    (goal: p95 ≤ 16 ms);
// 3. autosave of one edit, and its ratio to a raw IndexedDB put of the same stored bytes done
//    in the same page (goal: ≤ 1.5×).
//
//   node bench/large-review.mjs        (after a release build: scripts/run.sh or trunk build)
//
// The review comes from the core's seeded generator (`cargo run --example large_review`) and is
// written straight into IndexedDB in the app's own layout before the app opens it.
import { serveFolder } from "../tools/serve.mjs";
import { generateLargeReview, launchChromium, storeLargeReview, timeKeystrokes, median, percentile, ms } from "./large-review-data.mjs";

const RUNS = 5;
const KEYSTROKES = 120;

const data = generateLargeReview();
const server = await serveFolder("dist", 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Notes when the first chronology row appears, measured from the page's navigation start.
  await context.addInitScript(() => {
    window.__firstRows = null;
    const watch = () => {
      const observer = new MutationObserver(() => {
        if (window.__firstRows === null && document.querySelector('[data-testid="event-row"]')) {
          window.__firstRows = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    };
    window.__watchRows = () => {
      window.__firstRows = null;
      watch();
    };
    watch();
  });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole("heading", { level: 1, name: "Reviews" }).waitFor();
  // The app has created its database; write the review into it in the app's layout.
  await storeLargeReview(page, data);

  // 1a. A cold load of the chronology's address.
  const cold = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${base}/reviews/${data.id}/chronology`);
    await page.waitForFunction(() => window.__firstRows !== null, null, { timeout: 60_000 });
    cold.push(await page.evaluate(() => window.__firstRows));
  }
  // 1b. From the review's Overview, already open, to the chronology's first rows.
  const warm = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${base}/reviews/${data.id}`);
    await page.getByRole("heading", { level: 2, name: "Lifecycle" }).waitFor();
    const elapsed = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const link = [...document.querySelectorAll('nav[aria-label="Review sections"] a')].find((a) => a.textContent.trim() === "Chronology");
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-testid="event-row"]')) {
              observer.disconnect();
              // Until the frame with the rows is painted.
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
          link.click();
        }),
    );
    warm.push(elapsed);
  }
  const rows = await page.getByTestId("event-row").count();
  console.log(`\n1. Chronology of 5,000 events (first ${rows} rows drawn), median of ${RUNS}:`);
  console.log(`   cold load of its address, navigation to first rows: ${ms(median(cold))} (min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))})`);
  console.log(`   from the Overview, click to first rows painted:     ${ms(median(warm))} (min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))})`);

  // 2. Typing into an answer on a reflection with 70 answers, the whole review loaded.
  await page.goto(`${base}/reviews/${data.id}/reflections/${data.reflection}`);
  const answer = page.locator("textarea[id^=answer-]").first();
  await answer.waitFor();
  const answerCount = await page.locator("textarea[id^=answer-]").count();
  const responseId = (await answer.getAttribute("id")).replace("answer-", "");
  await answer.click();
  await page.keyboard.press("End");
  const measureTyping = async (target) => {
    await page.evaluate(() => performance.clearMeasures("sightline:save"));
    await timeKeystrokes(page);
    await target.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" and more words".repeat(KEYSTROKES / 15).slice(0, KEYSTROKES), { delay: 50 });
    return page.evaluate(() => ({ paint: window.__latencies, processing: window.__processing }));
  };
  const typing = await measureTyping(answer);
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor();
  const latencies = typing.paint;
  // Single edits, each saved before the next, as someone pausing between thoughts.
  await page.evaluate(() => performance.clearMeasures("sightline:save"));
  for (let i = 0; i < 20; i++) {
    await page.keyboard.type(".");
    await page.getByTestId("save-status").filter({ hasText: /^Saving/ }).waitFor();
    await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor();
  }
  const saves = await page.evaluate(() => performance.getEntriesByName("sightline:save").map((e) => e.duration));
  // The same typing into a bare textarea on an empty page of the same site: what the browser
  // itself takes, frame timing included.
  await page.goto(`${base}/icons/icon.svg`);
  await page.setContent("<!doctype html><textarea id=bare rows=5 cols=60>Some text</textarea>");
  const bare = await measureTyping(page.locator("#bare"));
  console.log(`\n2. Typing into an answer (${answerCount} answers on the page, whole review loaded), ${latencies.length} keystrokes:`);
  console.log(`   input to paint: p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))}, max ${ms(Math.max(...latencies))}   (goal p95 ≤ 16 ms)`);
  console.log(`   slowest keystrokes: ${[...latencies].sort((a, b) => b - a).slice(0, 10).map((v) => v.toFixed(1)).join(", ")}`);
  console.log(`   the app's own work per keystroke: p50 ${ms(percentile(typing.processing, 0.5))}, p95 ${ms(percentile(typing.processing, 0.95))}`);
  console.log(`   a bare textarea, same machine: input to paint p50 ${ms(percentile(bare.paint, 0.5))}, p95 ${ms(percentile(bare.paint, 0.95))}; work p50 ${ms(percentile(bare.processing, 0.5))}, p95 ${ms(percentile(bare.processing, 0.95))}`);

  // 3. The saves made while typing, against raw puts of the same stored bytes.
  await page.goto(`${base}/reviews/${data.id}`);
  await page.getByRole("heading", { level: 2, name: "Lifecycle" }).waitFor();
  const raw = await page.evaluate(
    async ({ reviewId, responseId }) => {
      const done = (tx) =>
        new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      const app = await new Promise((resolve, reject) => {
        const request = indexedDB.open("sightline");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const read = app.transaction(["reviews", "summaries", "records"], "readonly");
      const get = (store, key) =>
        new Promise((resolve) => {
          const request = read.objectStore(store).get(key);
          request.onsuccess = () => resolve(request.result);
        });
      const header = await get("reviews", reviewId);
      const summary = await get("summaries", reviewId);
      const record = await get("records", `${reviewId}/response/${responseId}`);
      await done(read);
      app.close();
      // Into the app's own stores (same size of store), putting back exactly what is there.
      const scratch = await new Promise((resolve, reject) => {
        const request = indexedDB.open("sightline");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const times = [];
      for (let i = 0; i < 20; i++) {
        const start = performance.now();
        const tx = scratch.transaction(["reviews", "summaries", "records"], "readwrite");
        tx.objectStore("reviews").put({ ...header });
        tx.objectStore("summaries").put({ ...summary });
        tx.objectStore("records").put({ ...record });
        await done(tx);
        times.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      scratch.close();
      const bytes = header.doc.length + summary.doc.length + record.doc.length;
      return { times, bytes };
    },
    { reviewId: data.id, responseId },
  );
  const appSave = median(saves);
  const rawPut = median(raw.times);
  console.log(`\n3. Autosave of one edit (${saves.length} single edits, each saved before the next; ${raw.bytes} bytes of stored JSON each):`);
  console.log(`   app save, encoding to commit: median ${ms(appSave)}, p95 ${ms(percentile(saves, 0.95))}`);
  console.log(`   raw IndexedDB put of the same bytes in the same page: median ${ms(rawPut)}`);
  console.log(`   ratio: ${(appSave / rawPut).toFixed(2)}×   (goal ≤ 1.5×)`);
} finally {
  await browser.close();
  server.close();
}
