// Issue 5: the systems-factor map, by mouse, by keyboard alone, and through the Outline;
// saved across a reload; exported as SVG and JSON Canvas and imported back.
import { readFile } from "node:fs/promises";
import { test, expect, createReview, expectAccessible } from "./support.mjs";

const CORE_FIXTURES = new URL("../../crates/sightline-core/tests/fixtures/", import.meta.url);

async function openMap(page) {
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Systems map", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Systems map" })).toBeVisible();
}

/** A node on the canvas, by its label (nodes are buttons named "<kind>: <label>. …"). */
const node = (page, label) =>
  page.getByTestId("map-node").and(page.getByRole("button", { name: new RegExp(`: ${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.`) }));
const outlineLevel = (page, key) => page.locator(`[data-testid="outline-level"][data-level="${key}"]`);

/** Fills the node form (already open) and saves it. */
async function fillNodeForm(page, { label, kind, level, polarity, category }) {
  const form = page.getByTestId("node-form");
  await form.getByLabel("Label").fill(label);
  if (kind) await form.getByLabel("Kind").selectOption({ label: kind });
  if (level) await form.getByLabel("Level").selectOption({ label: level });
  if (polarity) await form.getByLabel(polarity).check();
  if (category) await form.getByLabel("Category").selectOption({ label: category });
  await form.getByRole("button", { name: /Add node|Save changes/ }).click();
  await expect(page.getByTestId("node-form")).toHaveCount(0);
}

/** Drags from the middle of `locator` by (dx, dy) screen pixels, in small steps. */
async function drag(page, locator, dx, dy, { shift = false } = {}) {
  await page.getByTestId("map-canvas").scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (shift) await page.keyboard.down("Shift");
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
  if (shift) await page.keyboard.up("Shift");
}

/** The JSON Canvas 1.0 rules the export must follow. */
function checkJsonCanvas(canvas) {
  const problems = [];
  const ids = new Set();
  for (const n of canvas.nodes) {
    if (ids.has(n.id)) problems.push(`duplicate id ${n.id}`);
    ids.add(n.id);
    if (!["text", "file", "link", "group"].includes(n.type)) problems.push(`bad type ${n.type}`);
    for (const key of ["x", "y", "width", "height"]) if (!Number.isInteger(n[key])) problems.push(`${n.id}.${key} not an integer`);
  }
  for (const e of canvas.edges) {
    if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`);
    ids.add(e.id);
    if (!canvas.nodes.some((n) => n.id === e.fromNode)) problems.push(`edge ${e.id} from missing node`);
    if (!canvas.nodes.some((n) => n.id === e.toNode)) problems.push(`edge ${e.id} to missing node`);
  }
  return problems;
}

test("a small map built with the mouse is there after a reload, with undo and redo", async ({ page }) => {
  // Long: many steps and pages (20-32 s on a 2-core machine); a limit with a wide margin for a busy one.
  test.setTimeout(120_000);
  await createReview(page, { title: "Map by mouse" });
  await openMap(page);
  await expect(page.getByTestId("map-counts")).toHaveText("0 nodes, 0 links");
  await expectAccessible(page, "the empty systems map");

  await page.getByRole("button", { name: "Add node" }).click();
  await expectAccessible(page, "the node form");
  // A label is required.
  await page.getByTestId("node-form").getByRole("button", { name: "Add node" }).click();
  await expect(page.locator("#node-label-error")).toContainText("Enter what the node stands for");
  await fillNodeForm(page, { label: "High caseloads in the team", level: "Team and supervision", category: "Conditions of work" });
  await page.getByRole("button", { name: "Add node" }).click();
  await fillNodeForm(page, { label: "Visit missed", kind: "Outcome or event", level: "Frontline practice" });
  await page.getByRole("button", { name: "Add node" }).click();
  await fillNodeForm(page, { label: "Weekly case discussion", kind: "Protective factor or effective practice", level: "Team and supervision" });
  await expect(page.getByTestId("map-counts")).toHaveText("3 nodes, 0 links");
  await expect(node(page, "Visit missed")).toHaveAttribute("data-level", "frontline");

  // Drag "Weekly case discussion" down into the frontline band.
  await page.getByRole("button", { name: "Fit" }).click();
  await page.getByTestId("map-canvas").scrollIntoViewIfNeeded();
  const band = await page.getByTestId("map-canvas").boundingBox();
  const scale = await page.getByTestId("map-world").evaluate((g) => g.transform.baseVal.consolidate().matrix.a);
  await drag(page, node(page, "Weekly case discussion"), 0, 200 * scale);
  await expect(node(page, "Weekly case discussion")).toHaveAttribute("data-level", "frontline");
  await expect(outlineLevel(page, "frontline")).toContainText("Weekly case discussion");
  expect(band.height).toBeGreaterThan(300);

  // Undo puts it back; redo moves it again.
  await page.getByRole("button", { name: /^Undo/ }).click();
  await expect(node(page, "Weekly case discussion")).toHaveAttribute("data-level", "team_supervision");
  await page.getByRole("button", { name: /^Redo/ }).click();
  await expect(node(page, "Weekly case discussion")).toHaveAttribute("data-level", "frontline");

  // Connect "High caseloads" to "Visit missed" by choosing it by name.
  await node(page, "High caseloads in the team").click();
  await page.getByRole("button", { name: "Connect to…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText("Connect “High caseloads in the team” to…");
  await expectAccessible(page, "the Connect to dialog");
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog.locator("#connect-error")).toContainText("Choose the node to connect to");
  await dialog.getByLabel("Find the node").fill("visit");
  await dialog.getByLabel(/Visit missed/).check();
  await dialog.getByLabel("strong").check();
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("map-counts")).toHaveText("3 nodes, 1 link");
  await expect(page.getByTestId("map-link")).toContainText("contributes to (strong)");
  await expect(page.getByTestId("node-links")).toContainText("contributes to (strong) Visit missed");

  // Shift-click two nodes and drag them together one grid step right.
  await node(page, "Visit missed").click();
  await node(page, "Weekly case discussion").click({ modifiers: ["Shift"] });
  await expect(page.getByText("2 nodes selected.")).toBeVisible();
  const before = await page.getByTestId("map-node").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("transform")));
  await drag(page, node(page, "Visit missed"), 60 * scale, 0);
  const after = await page.getByTestId("map-node").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("transform")));
  expect(after.filter((t, i) => t !== before[i])).toHaveLength(2);

  // A rubber band (Shift and drag on the background) selects every node it touches.
  await page.getByTestId("map-canvas").scrollIntoViewIfNeeded();
  await page.getByTestId("map-canvas").click({ position: { x: 5, y: 5 } });
  await expect(page.getByText("No node selected.")).toBeVisible();
  const canvas = await page.getByTestId("map-canvas").boundingBox();
  await page.keyboard.down("Shift");
  await page.mouse.move(canvas.x + 3, canvas.y + 3);
  await page.mouse.down();
  await page.mouse.move(canvas.x + canvas.width - 3, canvas.y + canvas.height - 3, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(page.getByText("3 nodes selected.")).toBeVisible();

  // Tidy up lays the rows out again, and Undo puts them back.
  const placed = await page.getByTestId("map-node").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("transform")).sort());
  await page.getByRole("button", { name: "Tidy up" }).click();
  await expect(page.getByTestId("map-announcement")).toContainText("Tidied up");
  await page.getByRole("button", { name: "Undo: Tidy up" }).click();
  await expect
    .poll(() => page.getByTestId("map-node").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("transform")).sort()))
    .toEqual(placed);

  // The wheel zooms around the pointer.
  const wheelBefore = await page.getByTestId("map-world").evaluate((g) => g.transform.baseVal.consolidate().matrix.a);
  const canvasBox = await page.getByTestId("map-canvas").boundingBox();
  await page.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height / 2);
  await page.mouse.wheel(0, -200);
  await expect.poll(() => page.getByTestId("map-world").evaluate((g) => g.transform.baseVal.consolidate().matrix.a)).toBeGreaterThan(wheelBefore);

  // Zoom buttons change the scale.
  const zoomBefore = await page.getByTestId("map-world").evaluate((g) => g.transform.baseVal.consolidate().matrix.a);
  await page.getByRole("button", { name: "Zoom in" }).click();
  const zoomAfter = await page.getByTestId("map-world").evaluate((g) => g.transform.baseVal.consolidate().matrix.a);
  expect(zoomAfter).toBeCloseTo(zoomBefore * 1.25, 3);

  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("map-counts")).toHaveText("3 nodes, 1 link");
  await expect(node(page, "Weekly case discussion")).toHaveAttribute("data-level", "frontline");
  await expect(outlineLevel(page, "team_supervision")).toContainText("High caseloads in the team");
  await expect(outlineLevel(page, "team_supervision")).toContainText("contributes to (strong) Visit missed");
  await expectAccessible(page, "the systems map with its outline");
});

test("the same map can be built with the keyboard alone", async ({ page }) => {
  await createReview(page, { title: "Map by keyboard" });
  await openMap(page);
  const press = (key) => page.keyboard.press(key);

  // Add two nodes with the form, by keyboard.
  await page.getByRole("button", { name: "Add node" }).focus();
  await press("Enter");
  await expect(page.getByTestId("node-form").getByLabel("Label")).toBeFocused();
  await page.keyboard.type("High caseloads in the team");
  await press("Tab"); // Kind
  await press("Tab"); // Level
  await page.getByTestId("node-form").getByLabel("Level").selectOption({ label: "Team and supervision" }); // a select, chosen by keyboard in a real browser
  await page.getByTestId("node-form").getByLabel("Label").press("Enter");
  await expect(page.locator(`#${await node(page, "High caseloads in the team").getAttribute("id")}`)).toBeFocused();

  await page.getByRole("button", { name: "Add node" }).focus();
  await press("Enter");
  await expect(page.getByTestId("node-form").getByLabel("Label")).toBeFocused();
  await page.keyboard.type("Visit missed");
  // New nodes start at the focused node's level; this one goes to the front line.
  await page.getByTestId("node-form").getByLabel("Level").selectOption({ label: "Frontline practice" });
  await page.getByTestId("node-form").getByLabel("Label").press("Enter");
  const visit = node(page, "Visit missed");
  await expect(visit).toBeFocused();
  await expect(visit).toHaveAttribute("data-level", "frontline");

  // Tab goes through the nodes in reading order (top band first), then on to the page.
  await node(page, "High caseloads in the team").focus();
  await press("Tab");
  await expect(visit).toBeFocused();
  await press("Shift+Tab");
  await expect(node(page, "High caseloads in the team")).toBeFocused();
  await press("Tab");

  // Arrow keys move focus between nodes; Alt+Page Up moves the focused node up a level.
  await press("ArrowUp");
  await expect(node(page, "High caseloads in the team")).toBeFocused();
  await press("ArrowDown");
  await expect(visit).toBeFocused();
  await press("Alt+PageUp");
  await expect(visit).toHaveAttribute("data-level", "team_supervision");
  await expect(visit).toBeFocused();
  await expect(page.getByTestId("map-announcement")).toContainText("Moved.");
  await press("Control+z");
  await expect(visit).toHaveAttribute("data-level", "frontline");

  // The Move to level menu, by keyboard.
  const moveMenu = page.getByRole("button", { name: "Move to level", exact: true });
  await moveMenu.focus();
  await press("Enter");
  await expect(moveMenu).toHaveAttribute("aria-expanded", "true");
  // Escape closes the menu and returns to its button.
  await page.locator("#map-levels").getByRole("button").first().focus();
  await press("Escape");
  await expect(moveMenu).toBeFocused();
  await expect(moveMenu).toHaveAttribute("aria-expanded", "false");
  await visit.focus();
  await moveMenu.focus();
  await press("Enter");
  await page.locator("#map-levels").getByRole("button", { name: "Agency management" }).focus();
  await press("Enter");
  await expect(visit).toHaveAttribute("data-level", "agency_management");
  await press("Control+z");
  await expect(visit).toHaveAttribute("data-level", "frontline");
  await visit.focus();

  // Alt+arrow moves it along its band.
  const x = async () => (await visit.getAttribute("transform")).match(/translate\(([-\d.]+)/)[1];
  const start = await x();
  await press("Alt+ArrowRight");
  await expect.poll(x).toBe(String(Number(start) + 20));

  // Connect to…, entirely by keyboard.
  await page.getByRole("button", { name: "Connect to…" }).focus();
  await press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Kind of link").selectOption({ label: "made sense because" });
  await dialog.getByLabel("Find the node").fill("caseloads");
  await dialog.getByLabel(/High caseloads in the team/).focus();
  await press("Space");
  await dialog.getByRole("button", { name: "Connect" }).focus();
  await press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("map-counts")).toHaveText("2 nodes, 1 link");
  await expect(outlineLevel(page, "frontline")).toContainText("made sense because High caseloads in the team");

  // Enter changes the focused node; Delete deletes it, and Control+Z brings it back.
  await visit.focus();
  await press("Enter");
  await expect(page.getByTestId("node-form").getByLabel("Label")).toBeFocused();
  await page.getByTestId("node-form").getByLabel("Label").fill("Visit missed and not rearranged");
  await press("Enter");
  await expect(node(page, "Visit missed and not rearranged")).toBeFocused();
  await press("Delete");
  await expect(page.getByTestId("map-counts")).toHaveText("1 node, 0 links");
  await expect(page.getByTestId("map-announcement")).toContainText("Press Undo or Control+Z");
  await press("Control+z");
  await expect(page.getByTestId("map-counts")).toHaveText("2 nodes, 1 link");

  // The Outline does everything too: change a node from it.
  await outlineLevel(page, "team_supervision").getByRole("button", { name: "Change High caseloads in the team" }).click();
  await page.getByTestId("node-form").getByLabel("Kind").selectOption({ label: "Underlying pattern" });
  await page.getByTestId("node-form").getByLabel("Label").press("Enter");
  await expect(outlineLevel(page, "team_supervision")).toContainText("Underlying pattern");

  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("map-counts")).toHaveText("2 nodes, 1 link");
  await expect(outlineLevel(page, "frontline")).toContainText("Visit missed and not rearranged");
});

test("a map exports as SVG and JSON Canvas, and the .canvas comes back as the same map", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Open a file").setInputFiles(new URL("review-v2.sightline.json", CORE_FIXTURES).pathname);
  await page.getByTestId("file-summary").getByRole("button", { name: "Import review" }).click();
  await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
  await openMap(page);
  await expect(page.getByTestId("map-counts")).toHaveText("12 nodes, 16 links");
  const labels = await page.getByTestId("outline-node").locator("strong").allTextContents();
  expect(labels).toHaveLength(12);

  await page.getByRole("button", { name: "Export map" }).click();
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  };
  const svg = await save("SVG image");
  expect(svg.name).toMatch(/-map-\d{4}-\d{2}-\d{2}\.svg$/);
  const svgText = svg.bytes.toString("utf8");
  expect(svgText.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
  for (const label of labels.slice(0, 3)) expect(svgText).toContain(label.slice(0, 10));

  const png = await save("PNG image");
  expect(png.name).toMatch(/\.png$/);
  expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");

  const canvasFile = await save("JSON Canvas (.canvas)");
  expect(canvasFile.name).toMatch(/\.canvas$/);
  const canvas = JSON.parse(canvasFile.bytes.toString("utf8"));
  expect(checkJsonCanvas(canvas)).toEqual([]);
  expect(canvas.nodes.filter((n) => n.type === "text")).toHaveLength(12);
  expect(canvas.edges).toHaveLength(16);

  // Import it back: it replaces the map (after asking), keeping every node and link.
  await page.getByLabel("Import a .canvas file").setInputFiles({ name: canvasFile.name, mimeType: "application/json", buffer: canvasFile.bytes });
  const confirm = page.getByRole("dialog");
  await expect(confirm.getByRole("heading")).toHaveText("Replace the map with the file’s?");
  await confirm.getByRole("button", { name: "Replace the map" }).click();
  await expect(page.getByTestId("map-file-status")).toContainText("Imported 12 nodes and 16 links.");
  await expect(page.getByTestId("map-counts")).toHaveText("12 nodes, 16 links");
  const labelsBack = await page.getByTestId("outline-node").locator("strong").allTextContents();
  expect(labelsBack.sort()).toEqual([...labels].sort());
  // Not a canvas: a plain message, and the map is untouched.
  await page.getByLabel("Import a .canvas file").setInputFiles({ name: "notes.canvas", mimeType: "application/json", buffer: Buffer.from('{"kind": "sightline.review"}') });
  await expect(page.locator("#map-import-error")).toContainText("it has no list of nodes");
  await expect(page.getByTestId("map-counts")).toHaveText("12 nodes, 16 links");
});

test("evidence links a node to an episode, and the episode shows the node; search finds nodes", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Open a file").setInputFiles(new URL("review-v2.sightline.json", CORE_FIXTURES).pathname);
  await page.getByTestId("file-summary").getByRole("button", { name: "Import review" }).click();
  await page.getByTestId("open-result").getByRole("link", { name: "Open the review" }).click();
  await openMap(page);
  await page.getByRole("button", { name: "Add node" }).click();
  const form = page.getByTestId("node-form");
  await form.getByLabel("Label").fill("Referral held in a queue");
  await form.getByLabel("Episode 2: multi-agency meeting held").check();
  await form.getByLabel("Find an event").fill("neighbour");
  await form.getByTestId("event-matches").getByRole("button", { name: /^Add/ }).first().click();
  await expect(form.getByTestId("chosen-events").locator("li")).toHaveCount(1);
  await form.getByRole("button", { name: "Add node" }).click();
  const evidence = page.getByTestId("node-evidence");
  await expect(evidence).toContainText("Key practice episode: Episode 2: multi-agency meeting held");
  await expect(evidence).toContainText("Chronology event:");
  await expectAccessible(page, "a node's details with evidence");
  await evidence.getByRole("link", { name: /Episode 2/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Episode 2: multi-agency meeting held" })).toBeVisible();
  const cited = page.getByTestId("episode-map-nodes");
  await expect(cited).toContainText("Referral held in a queue");
  await cited.getByRole("link", { name: "Referral held in a queue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Systems map" })).toBeVisible();
  await expect(page.getByTestId("node-details-heading")).toHaveText("Referral held in a queue");

  await page.getByLabel("Search this review").fill("queue");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Systems map" })).toBeVisible();
  await page.getByRole("link", { name: /Referral held in a queue/ }).click();
  await expect(page.getByTestId("node-details-heading")).toHaveText("Referral held in a queue");
  await expect(node(page, "Referral held in a queue")).toBeFocused();
});
