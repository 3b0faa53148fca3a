// Benchmark: review files with the large review (5,000 chronology events, 60 people, 300
// reflection answers) in headless Chromium. Prints, each the median of several runs:
//
// 1. exporting the review file: from the click to the download offered (User Timing
//    "sightline:export"), plain and protected with a passphrase ("sightline:encrypt" is the
//    age encryption alone);
// 2. opening the file: reading it (checks, repairs, everything: "sightline:import-read"),
//    against a bare `JSON.parse` of the same bytes in the same page; unlocking the
//    protected file ("sightline:decrypt"); and storing the imported review, click to done.
//
//   node bench/files.mjs        (after a release build: scripts/run.sh or trunk build)
import { serveFolder } from "../tools/serve.mjs";
import { generateLargeReview, launchChromium, storeLargeReview, median, ms } from "./large-review-data.mjs";

const RUNS = 5;
const PASSPHRASE = "correct horse battery staple";

const data = generateLargeReview();
const server = await serveFolder("dist", 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

/** The durations of the User Timing measures called `name` on `page`, then forgets them. */
const measures = (page, name) =>
  page.evaluate((name) => {
    const found = performance.getEntriesByName(name, "measure").map((e) => e.duration);
    performance.clearMeasures(name);
    return found;
  }, name);

async function exportOnce(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export review file" }).click()]);
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(await download.path());
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor();
  return { name: download.suggestedFilename(), bytes };
}

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole("heading", { level: 1, name: "Reviews" }).waitFor();
  await storeLargeReview(page, data);
  await page.goto(`${base}/reviews/${data.id}`);
  await page.getByRole("heading", { level: 2, name: "Lifecycle" }).waitFor();

  // 1. Exports.
  let plain;
  for (let run = 0; run < RUNS; run++) plain = await exportOnce(page);
  const plainExport = await measures(page, "sightline:export");
  await page.getByLabel("Protect with a passphrase").check();
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Confirm passphrase").fill(PASSPHRASE);
  let sealed;
  for (let run = 0; run < RUNS; run++) sealed = await exportOnce(page);
  const sealedExport = await measures(page, "sightline:export");
  const encrypt = await measures(page, "sightline:encrypt");
  console.log(`\n1. Exporting the review file (${(plain.bytes.length / 1e6).toFixed(2)} MB; protected ${(sealed.bytes.length / 1e6).toFixed(2)} MB), median of ${RUNS}:`);
  console.log(`   plain:     ${ms(median(plainExport))} (min ${ms(Math.min(...plainExport))}, max ${ms(Math.max(...plainExport))})`);
  console.log(`   protected: ${ms(median(sealedExport))}, of which age encryption ${ms(median(encrypt))}`);

  // 2. Opening the file in a browser that does not have the review.
  const reads = [];
  const parses = [];
  const stores = [];
  const decrypts = [];
  for (let run = 0; run < RUNS; run++) {
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(`${base}/`);
    await other.getByRole("heading", { level: 1, name: "Reviews" }).waitFor();
    await other.getByLabel("Open a file").setInputFiles({ name: plain.name, mimeType: "application/json", buffer: plain.bytes });
    await other.getByTestId("file-summary").waitFor();
    reads.push(...(await measures(other, "sightline:import-read")));
    // A bare JSON.parse of the same bytes, as the app receives them (a Uint8Array).
    parses.push(
      await other.evaluate((text) => {
        const bytes = new TextEncoder().encode(text);
        const times = [];
        for (let i = 0; i < 5; i++) {
          const start = performance.now();
          JSON.parse(new TextDecoder().decode(bytes));
          times.push(performance.now() - start);
        }
        return times.sort((a, b) => a - b)[2];
      }, plain.bytes.toString("utf8")),
    );
    stores.push(
      await other.evaluate(
        () =>
          new Promise((resolve) => {
            const button = [...document.querySelectorAll('[data-testid="file-summary"] button')].find((b) => b.textContent.trim() === "Import review");
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector('[data-testid="open-result"]')) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            button.click();
          }),
      ),
    );
    await other.getByLabel("Open a file").setInputFiles({ name: sealed.name, mimeType: "application/octet-stream", buffer: sealed.bytes });
    await other.getByLabel("Passphrase").fill(PASSPHRASE);
    await other.getByRole("button", { name: "Open the file" }).click();
    await other.getByTestId("file-summary").waitFor();
    decrypts.push(...(await measures(other, "sightline:decrypt")));
    await fresh.close();
  }
  const read = median(reads);
  const parse = median(parses);
  console.log(`\n2. Opening the file in a browser without the review, median of ${RUNS}:`);
  console.log(`   reading it (checks and repairs included): ${ms(read)} (min ${ms(Math.min(...reads))}, max ${ms(Math.max(...reads))})`);
  console.log(`   a bare JSON.parse of the same bytes:       ${ms(parse)}`);
  console.log(`   ratio: ${(read / parse).toFixed(2)}×`);
  console.log(`   unlocking the protected copy (age, scrypt work factor 2^16): ${ms(median(decrypts))}`);
  console.log(`   storing the imported review, click to "stored": ${ms(median(stores))}`);
} finally {
  await browser.close();
  server.close();
}
