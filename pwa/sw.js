// Sightline's service worker: keeps every file of one build so the app opens with no network.
//
// tools/post-build.mjs writes this file into each build, replacing BUILD_ID with a hash of
// every built file and ASSETS with their paths. Each build has its own cache, so a page is
// always served entirely from one build: a new build installs beside the old one and waits
// until the person chooses to reload ("skip-waiting"), then the old cache is deleted.

const BUILD_ID = "__BUILD_ID__";
const ASSETS = __ASSETS__;
const CACHE_PREFIX = "sightline-";
const CACHE = CACHE_PREFIX + BUILD_ID;
const INDEX = "/index.html";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload` bypasses the HTTP cache so the new build's files are fetched fresh.
      cache.addAll(ASSETS.map((path) => new Request(path, { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) {
          await caches.delete(key);
        }
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  } else if (event.data === "build-id" && event.source) {
    event.source.postMessage({ buildId: BUILD_ID });
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every page of the app is the same index.html; the app's router reads the address.
      const cached =
        request.mode === "navigate"
          ? await cache.match(INDEX)
          : await cache.match(request, { ignoreSearch: true });
      return cached || fetch(request);
    })(),
  );
});
