// Trunk post-build hook (see Trunk.toml). Runs on the staging folder of every build:
//
// 1. Content-Security-Policy: computes the sha256 of each inline <script> Trunk wrote (its
//    module loader) and writes the hashes into the CSP meta tag in place of SCRIPT_HASHES, so
//    the policy allows exactly those scripts and never 'unsafe-inline'.
// 2. Service worker: writes sw.js from pwa/sw.js with the list of every built file and a
//    build id made from their contents, so each build gets its own cache.
//
// Fails the build if anything is missing, so a broken policy or worker never ships.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run this through Trunk.");
  process.exit(1);
}

// 1. Hash the inline scripts into the CSP.
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
if (inlineScripts.length === 0) {
  console.error("post-build: no inline loader script found in index.html.");
  process.exit(1);
}
const hashes = inlineScripts.map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
const placeholder = "'wasm-unsafe-eval' SCRIPT_HASHES;";
if (html.split(placeholder).length !== 2) {
  console.error("post-build: the CSP in index.html must hold the script-src placeholder exactly once.");
  process.exit(1);
}
html = html.replace(placeholder, `'wasm-unsafe-eval' ${hashes.join(" ")};`);
if (/https?:\/\//.test(html.replace(/<!--[\s\S]*?-->/g, ""))) {
  console.error("post-build: index.html refers to an external address; the app must be self-contained.");
  process.exit(1);
}
writeFileSync(indexPath, html);

// 2. Write the service worker with this build's files.
function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
const files = listFiles(staging)
  .map((path) => relative(staging, path).split(sep).join("/"))
  .filter((path) => path !== "sw.js")
  .sort();
const buildHash = createHash("sha256");
for (const file of files) {
  buildHash.update(file);
  buildHash.update(readFileSync(join(staging, file)));
}
const buildId = buildHash.digest("hex").slice(0, 16);
const assets = files.map((file) => "/" + file);
const worker = readFileSync(join(source, "pwa", "sw.js"), "utf8")
  .replace("__BUILD_ID__", buildId)
  .replace("__ASSETS__", JSON.stringify(assets, null, 2));
writeFileSync(join(staging, "sw.js"), worker);
console.log(`post-build: ${hashes.length} inline script hash(es) in the CSP; sw.js caches ${assets.length} files as build ${buildId}.`);
