// "Forget" (ui/dom.rs forget_answers): removes everything of the person's that Qadam stored on this device,
// but the offline copy of the app: Qadam's keys in local and session storage, and every Cache Storage entry
// of Qadam's whose address carries a query (answers; older versions stored the page under the address it
// was opened with). boot-*.js and qadam-mount.js load it (as forget-<hash>.js) only when the person asks.
for (const s of [localStorage, sessionStorage]) {
  for (const k of Object.keys(s)) if (k.startsWith('qadam')) s.removeItem(k);
}
for (const name of await caches.keys()) {
  if (!name.startsWith('qadam-')) continue;
  const c = await caches.open(name);
  for (const req of await c.keys()) {
    const res = await c.match(req);
    if (req.url.includes('?') || (res && res.url.includes('?'))) await c.delete(req);
  }
}
