// Benchmark: the systems map with 1,000 nodes and 2,000 links (the large review's map) in
// headless Chromium, against a plain-JavaScript page that draws and drags the same SVG
// (bench/map-baseline.html), measured the same way in the same run. Prints:
//
// 1. first render: from navigating to the map's address to every node drawn;
// 2. dragging one node: frame times (p50, p95) with one pointer move per frame, for the app
//    and the baseline, and their ratio (goal: p95 ≤ 16 ms, and within 1.5× of the baseline);
// 3. panning the canvas: frame times the same way;
// 4. memory: the JavaScript heap, the WebAssembly memory and the number of DOM nodes.
//
//   node bench/map.mjs        (after a release build: scripts/run.sh or trunk build)
import { readFile } from "node:fs/promises";
import { serveFolder } from "../tools/serve.mjs";
import { generateLargeReview, launchChromium, storeLargeReview, median, percentile, ms } from "./large-review-data.mjs";

const FRAMES = 240;

const data = generateLargeReview();
console.log(`map: ${data.map.nodes.length} nodes, ${data.map.links.length} links`);
const server = await serveFolder("dist", 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

/**
 * In the page: presses on `pressSelector`'s centre, then moves the pointer 2 px right each
 * frame for `frames` frames (one pointermove per animation frame), and returns the time
 * between frames and the script time of each move.
 */
const dragInPage = (page, pressSelector, frames) =>
  page.evaluate(
    async ({ pressSelector, frames }) => {
      const svg = document.querySelector("svg[data-testid]");
      const target = document.querySelector(pressSelector);
      const box = target.getBoundingClientRect();
      let x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const event = (type, on) =>
        on.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, pointerType: "mouse", button: 0, buttons: 1, bubbles: true, cancelable: true }));
      event("pointerdown", target);
      const frameTimes = [];
      const work = [];
      let last = await new Promise((r) => requestAnimationFrame(r));
      for (let i = 0; i < frames; i++) {
        const now = await new Promise((resolve) =>
          requestAnimationFrame((t) => {
            x += 2;
            const start = performance.now();
            event("pointermove", svg);
            // The app's reactive updates finish in microtasks; count them too.
            queueMicrotask(() => Promise.resolve().then(() => work.push(performance.now() - start)));
            resolve(t);
          }),
        );
        frameTimes.push(now - last);
        last = now;
      }
      event("pointerup", svg);
      return { frameTimes: frameTimes.slice(1), work };
    },
    { pressSelector, frames },
  );

/**
 * Runs `drag` under a DevTools trace and returns the renderer main thread's busy time in each
 * 16.7 ms window of the drag: the work a frame has to fit in (paint included), which the
 * frame intervals above cannot show below one vsync.
 */
async function busyPerFrame(page, drag) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
  await drag();
  await cdp.send("Tracing.end");
  await done;
  // Each renderer process has a main thread: take the busiest, which is this page's.
  const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const tasksOf = (m) => events.filter((e) => e.ph === "X" && e.name === "RunTask" && e.tid === m.tid && e.pid === m.pid && e.dur);
  const total = (list) => list.reduce((sum, e) => sum + e.dur, 0);
  const tasks = mains.map(tasksOf).sort((a, b) => total(b) - total(a))[0] ?? [];
  if (tasks.length === 0) return [];
  const start = Math.min(...tasks.map((t) => t.ts));
  const end = Math.max(...tasks.map((t) => t.ts + t.dur));
  const window = 16_667; // microseconds
  const busy = new Array(Math.ceil((end - start) / window)).fill(0);
  for (const task of tasks) {
    // Spread each task over the windows it spans.
    let at = task.ts;
    const stop = task.ts + task.dur;
    while (at < stop) {
      const index = Math.floor((at - start) / window);
      const edge = start + (index + 1) * window;
      busy[index] += Math.min(stop, edge) - at;
      at = Math.min(stop, edge);
    }
  }
  // The first and last windows hold the press and the drop, not the drag.
  return busy.slice(1, -1).map((us) => us / 1000);
}

const summary = (label, values) =>
  `${label}: p50 ${ms(percentile(values, 0.5))}, p95 ${ms(percentile(values, 0.95))}, max ${ms(Math.max(...values))}`;

/** JS heap and DOM nodes from the DevTools protocol, and the app's WebAssembly memory. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
  return { heap: get("JSHeapUsedSize"), nodes: get("Nodes"), wasm };
}
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (event) => {
      window.__wasmMemory = event.detail?.wasm?.memory;
    });
  });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole("heading", { level: 1, name: "Reviews" }).waitFor();
  await storeLargeReview(page, data);

  // 1. First render, cold: from navigation start to every node drawn and painted.
  const firsts = [];
  for (let run = 0; run < 3; run++) {
    await page.goto(`${base}/reviews/${data.id}/map`);
    const at = await page.evaluate(
      (count) =>
        new Promise((resolve) => {
          const check = () => {
            if (document.querySelectorAll('[data-testid="map-node"]').length >= count) {
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
              return true;
            }
            return false;
          };
          if (!check()) {
            const observer = new MutationObserver(() => check() && observer.disconnect());
            observer.observe(document.body, { childList: true, subtree: true });
          }
        }),
      data.map.nodes.length,
    );
    firsts.push(at);
  }
  const links = await page.getByTestId("map-link").count();
  console.log(`\n1. First render of the map (${data.map.nodes.length} nodes, ${links} links), navigation to all drawn, median of 3: ${ms(median(firsts))} (min ${ms(Math.min(...firsts))}, max ${ms(Math.max(...firsts))})`);

  // Zoom to 75 %, where links' words are drawn, as on the baseline page; show the first node.
  await page.getByTestId("map-canvas").scrollIntoViewIfNeeded();
  const scale = () => page.getByTestId("map-world").evaluate((g) => g.transform.baseVal.consolidate().matrix.a);
  while ((await scale()) < 0.7) await page.getByRole("button", { name: "Zoom in" }).click();
  // Large levels of the outline start closed; open the top one to reach its first node.
  await page.locator('[data-testid="outline-level"][data-level="national"] summary').click();
  await page.getByTestId("outline-node").first().getByRole("button", { name: /^Show on map/ }).click();
  const firstNode = await page.getByTestId("outline-node").first().locator("strong").textContent();
  const nodeId = await page.getByTestId("map-node").evaluateAll(
    (nodes, label) => nodes.find((n) => n.getAttribute("aria-label").includes(`: ${label}.`))?.id,
    firstNode,
  );
  const shownLabels = await page.locator(".app-map-link__label").count();
  console.log(`   drawn at ${(await scale()).toFixed(2)}× with ${shownLabels} link labels; DOM nodes on the page: ${(await memory(page)).nodes}`);

  // 2. Dragging one node.
  const appDrag = await dragInPage(page, `#${nodeId}`, FRAMES);
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor();
  // 3. Panning: press on a band (the background) and move.
  const appPanTimes = await dragInPage(page, 'svg[data-testid="map-canvas"] .app-map-band', FRAMES);
  const appMemory = await memory(page);

  const baseline = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await baseline.setContent(await readFile(new URL("./map-baseline.html", import.meta.url), "utf8"));
  const built = await baseline.evaluate((map) => window.buildBaseline(map), data.map);
  const firstBaselineId = data.map.nodes[0].id;
  const baseDrag = await dragInPage(baseline, `[data-node="${firstBaselineId}"]`, FRAMES);
  const baseMemory = await memory(baseline);

  // Main-thread work per frame while dragging, from a trace of a second drag on each page.
  const appBusy = await busyPerFrame(page, () => dragInPage(page, `#${nodeId}`, 120));
  const baseBusy = await busyPerFrame(baseline, () => dragInPage(baseline, `[data-node="${firstBaselineId}"]`, 120));

  const appP95 = percentile(appDrag.frameTimes, 0.95);
  const baseP95 = percentile(baseDrag.frameTimes, 0.95);
  console.log(`\n2. Dragging one node, one pointer move per frame, ${FRAMES} frames:`);
  console.log(`   app      ${summary("frame time", appDrag.frameTimes)}; ${summary("script per move", appDrag.work)}`);
  console.log(`   baseline ${summary("frame time", baseDrag.frameTimes)}; ${summary("script per move", baseDrag.work)}   (${built.nodes} nodes, ${built.links} links)`);
  console.log(`   ratio of frame time p95, app to baseline: ${(appP95 / baseP95).toFixed(2)}×   (goal p95 ≤ 16 ms and ≤ 1.5×; frames are 16.7 ms at 60 Hz)`);
  console.log(`   ratio of script per move p95: ${(percentile(appDrag.work, 0.95) / percentile(baseDrag.work, 0.95)).toFixed(2)}×`);
  console.log(`   main-thread work per 16.7 ms frame (trace, paint included): app ${summary("", appBusy).slice(2)}; baseline ${summary("", baseBusy).slice(2)}`);
  console.log(`   ratio of work per frame p95, app to baseline: ${(percentile(appBusy, 0.95) / percentile(baseBusy, 0.95)).toFixed(2)}×`);
  console.log(`\n3. Panning the canvas, ${FRAMES} frames: ${summary("frame time", appPanTimes.frameTimes)}; ${summary("script per move", appPanTimes.work)}`);
  console.log(`\n4. Memory after a garbage collection:`);
  console.log(`   app: JS heap ${mb(appMemory.heap)}, WebAssembly memory ${mb(appMemory.wasm)}, ${appMemory.nodes} DOM nodes`);
  console.log(`   baseline: JS heap ${mb(baseMemory.heap)}, ${baseMemory.nodes} DOM nodes`);
} finally {
  await browser.close();
  server.close();
}
