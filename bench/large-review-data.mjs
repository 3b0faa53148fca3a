// Shared by the benchmarks that need the large review: generating it with the core's seeded
// generator, launching Debian's Chromium, and writing the review into the app's IndexedDB.
import { execFileSync } from "node:child_process";
import { chromium } from "@playwright/test";

/** The large review (seed 1) as the app stores it: `{ id, review, summary, records, reflection }`. */
export function generateLargeReview() {
  console.log("Generating the large review (seed 1)…");
  const data = JSON.parse(
    execFileSync("cargo", ["run", "--release", "--quiet", "-p", "sightline-core", "--features", "testing", "--example", "large_review", "--", "1"], {
      maxBuffer: 256 * 1024 * 1024,
      encoding: "utf8",
    }),
  );
  console.log(`${data.records.length} records, ${(JSON.stringify(data.records).length / 1e6).toFixed(1)} MB of stored JSON`);
  return data;
}

/** Debian's Chromium, headless, never a downloaded browser. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Writes `data` into the app's database on `page`, which must have opened the app already. */
export async function storeLargeReview(page, data) {
  await page.evaluate(async (data) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open("sightline");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(["reviews", "summaries", "records"], "readwrite");
    tx.objectStore("reviews").put({ id: data.id, revision: 1, doc: data.review });
    tx.objectStore("summaries").put({ id: data.id, doc: data.summary });
    const records = tx.objectStore("records");
    for (const [key, doc] of data.records) records.put({ key, doc });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, data);
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
export const percentile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
export const ms = (value) => `${value.toFixed(1)} ms`;

/**
 * Starts timing every keystroke on `page`: for each input event, the app's own work (until the
 * event and the updates it caused have run) in `window.__processing`, and input to paint (until
 * the next frame after it has been drawn) in `window.__latencies`.
 */
export async function timeKeystrokes(page) {
  await page.evaluate(() => {
    window.__latencies = [];
    window.__processing = [];
    document.addEventListener(
      "input",
      (event) => {
        const start = event.timeStamp;
        setTimeout(() => window.__processing.push(performance.now() - start));
        requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start)));
      },
      true,
    );
  });
}
