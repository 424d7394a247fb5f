// Qadam's service worker. Template: scripts/build.sh writes dist/sw.js from it, with the file list of
// dist/build.json and a cache name from the build's hashes, so the list never goes stale.
// Hashed files: cache first. The page: network first, the cached copy offline. A new version
// takes over at once, drops the old cache and tells open pages (boot-*.js shows the notice and a reload).
// Nothing of a person's answers is written: the page is kept under ./ only, as a response without the
// address it was opened with (?citizenship=…&entry_date=… would otherwise sit in Cache Storage).
const CACHE = 'qadam-__QADAM_BUILD__';
// The notice for open pages, from rules/copy.toml (rules_updated_reload, reload_button) in every language
// of rules/languages.toml that this build speaks.
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
      for (const c of await clients.matchAll({ type: 'window' })) c.postMessage({ type: 'qadam:updated', text: UPDATED.text, button: UPDATED.button });
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
      if (res.ok) e.waitUntil(keepPage(res.clone()));
      return res;
    }).catch(() => caches.match(PAGE, { ignoreSearch: true, ignoreVary: true })));
  } else if (HASHED.test(url.pathname)) {
    e.respondWith(caches.match(req, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(req).then((res) => {
      if (res.ok) {
        const copy = res.clone();
        e.waitUntil(caches.open(CACHE).then((c) => c.put(url.origin + url.pathname, copy)));
      }
      return res;
    })));
  } else {
    e.respondWith(fetch(req).catch(() => caches.match(req, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || Response.error())));
  }
});

// The page as a new response: same body and headers, but no URL of its own (a fetched response keeps the
// address it came from, answers included, and Cache Storage would store it).
async function keepPage(res) {
  const clean = new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers });
  await (await caches.open(CACHE)).put(PAGE, clean);
}
