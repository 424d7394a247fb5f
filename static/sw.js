// Qadam's service worker. Template: scripts/build.sh writes dist/sw.js from it, with the file list of
// dist/build.json and a cache name from the build's hashes, so the list never goes stale.
// Hashed files: cache first. The page: network first, the cached copy offline. A new version
// takes over at once, drops the old cache and tells open pages (boot-*.js shows the notice).
const CACHE = 'qadam-__QADAM_BUILD__';
// The notice for open pages, from rules/copy.toml (rules_updated) in kk, ru and en.
const UPDATED = __QADAM_UPDATED__;
const FILES = __QADAM_FILES__;
const HASHED = /-[0-9a-f]{8}\.[a-z]+$/;
const PAGE = new URL('./', location).href;

addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => skipWaiting()));
});

addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    const old = (await caches.keys()).filter((k) => k.startsWith('qadam-') && k !== CACHE);
    await Promise.all(old.map((k) => caches.delete(k)));
    await clients.claim();
    if (old.length) {
      for (const c of await clients.matchAll({ type: 'window' })) c.postMessage({ type: 'qadam:updated', text: UPDATED });
    }
  })());
});

addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) return;
  const page = url.href.split('?')[0];
  if (page === PAGE || page === PAGE + 'index.html') {
    e.respondWith(fetch(req).then((res) => {
      if (res.ok) {
        const copy = res.clone();
        e.waitUntil(caches.open(CACHE).then((c) => c.put(PAGE, copy)));
      }
      return res;
    }).catch(() => caches.match(PAGE, { ignoreVary: true })));
  } else if (HASHED.test(url.pathname)) {
    e.respondWith(caches.match(req, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(req).then((res) => {
      if (res.ok) {
        const copy = res.clone();
        e.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)));
      }
      return res;
    })));
  } else {
    e.respondWith(fetch(req).catch(() => caches.match(req, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || Response.error())));
  }
});
