// Serves a built Sightline (dist/) on 127.0.0.1 with no dependencies beyond Node.js.
//
//   node tools/serve.mjs [folder] [--port 8080]
//
// Any address that is not a file gets index.html, so a review's own address (for example
// /reviews/…) opens the app on reload as well as through the app's links. Used by the README's
// run command and by the end-to-end tests, which start their own servers through serveFolder().

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Starts a server for `folder` on 127.0.0.1:`port` (0 picks a free port). Resolves to it. */
export function serveFolder(folder, port = 0) {
  const root = resolve(folder);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info) {
        // An app address, not a file: the app's router will read it.
        if (extname(path) === "") {
          file = join(root, "index.html");
        } else {
          response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
          return;
        }
      }
      const body = await readFile(file);
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "x-content-type-options": "nosniff",
        // Files with the build's hash in their names never change; everything else (index.html,
        // sw.js, the manifest, icons) is checked with the server each time.
        "cache-control": /-[0-9a-f]{16}(_bg)?\.\w+$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
      };
      response.writeHead(200, headers).end(request.method === "HEAD" ? undefined : body);
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolvePromise(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf("--port");
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 8080;
  const folder = args.find((arg, i) => !arg.startsWith("--") && i !== portIndex + 1) ?? "dist";
  const server = await serveFolder(folder, port);
  const { port: actual } = server.address();
  console.log(`Sightline is running at http://127.0.0.1:${actual}/ (press Ctrl+C to stop)`);
}
