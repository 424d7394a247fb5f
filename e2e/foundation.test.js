'use strict';
// Foundation: the release build loads on a phone and on a desktop, shows its start screen in
// every language of rules/languages.toml, logs no errors, stays on its own origin, passes axe-core, and is
// served with the right headers. Also records what the first load transfers (target/first-load.json),
// which scripts/size.py checks against the budget.

const {
  check, assert, openPage, assertNoErrors, assertSameOrigin, assertNoAxeViolations,
  screenshot, writeTargetJson, languages,
} = require('./lib');

/** Path of a URL relative to the served base URL ("" or "/" -> index.html). */
function distPath(url, base) {
  const u = new URL(url);
  const b = new URL(base);
  let p = u.pathname.startsWith(b.pathname) ? u.pathname.slice(b.pathname.length) : u.pathname.replace(/^\//, '');
  if (p === '' || p.endsWith('/')) p += 'index.html';
  return decodeURIComponent(p);
}

module.exports = async function foundation(t) {
  for (const profile of ['phone', 'desktop']) {
    const { page, errors, net, close } = await openPage(t.browser, profile);
    let loaded = false;
    try {
      loaded = await check(`${profile}: app starts and renders its start screen (#qadam h1 visible)`, async () => {
        const resp = await page.goto(t.url, { waitUntil: 'load' });
        assert(resp && resp.ok(), `GET ${t.url} -> ${resp && resp.status()}`);
        // boot-<hash>.js sets this after init() resolved, i.e. the wasm's main() ran and mounted the app
        // (index.html's own static placeholder must not pass for the app).
        await page.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
        const h1 = page.locator('#qadam h1').first();
        await h1.waitFor({ state: 'visible' });
        const text = (await h1.innerText()).trim();
        assert(text.length > 0, '#qadam h1 is empty');
        await page.waitForLoadState('networkidle');
      });

      await check(`${profile}: start screen shows text in ${languages().map((l) => l.code).join(', ')} (rules/languages.toml)`, async () => {
        assert(loaded, 'page did not load');
        // Text counts for a language when it is visible and its nearest lang attribute is that language.
        const langs = await page.evaluate(() => {
          const seen = new Set();
          const walker = document.createTreeWalker(document.getElementById('qadam') || document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent.trim()) continue;
            const el = n.parentElement;
            if (!el || !el.checkVisibility || !el.checkVisibility()) continue;
            const holder = el.closest('[lang]');
            if (holder) seen.add(holder.getAttribute('lang').toLowerCase().split('-')[0]);
          }
          return [...seen];
        });
        const missing = languages().map((l) => l.code.toLowerCase().split('-')[0]).filter((l) => !langs.includes(l));
        assert(missing.length === 0,
          `no visible text marked lang=${missing.join(', ')} (found: ${langs.join(', ') || 'none'})`);
      });

      await check(`${profile}: no console errors, page errors or failed requests`, async () => {
        assertNoErrors(errors);
      });

      await check(`${profile}: every request goes to ${t.origin}`, async () => {
        assert(net.requests.length > 0, 'no requests recorded');
        assertSameOrigin(net.requests, t.origin);
      });

      await check(`${profile}: axe-core reports no violations`, async () => {
        assert(loaded, 'page did not load');
        await assertNoAxeViolations(page);
      });

      await check(`${profile}: screenshot target/e2e/foundation-${profile}.png`, async () => {
        assert(loaded, 'page did not load');
        await screenshot(page, `foundation-${profile}`);
      });

      if (profile === 'phone') {
        // A fresh context has an empty cache, so this is exactly what a first visit downloads.
        const entries = (await net.entries()).filter((e) => /^https?:/.test(e.url));

        await check('phone: first-load files recorded to target/first-load.json', async () => {
          assert(loaded, 'page did not load');
          const files = entries.map((e) => ({
            path: distPath(e.url, t.url),
            url: e.url,
            status: e.status,
            type: e.type,
            content_type: e.headers['content-type'] || null,
            encoding: e.headers['content-encoding'] || null,
            transferred: e.transferred,
          }));
          assert(files.length > 0, 'no responses recorded');
          writeTargetJson('first-load.json', {
            url: t.url,
            profile,
            files,
            total_transferred: files.reduce((s, f) => s + (f.transferred || 0), 0),
          });
        });

        await check('server: headers of the first load (types, encoding, caching, security)', async () => {
          assert(loaded, 'page did not load');
          const problems = [];
          const byType = (re) => entries.filter((e) => re.test(new URL(e.url).pathname));
          const doc = entries.find((e) => e.type === 'document');
          if (!doc) problems.push('no document response');
          else {
            const h = doc.headers;
            if (!/^text\/html/.test(h['content-type'] || '')) problems.push(`html content-type ${h['content-type']}`);
            if (h['cache-control'] !== 'no-store') problems.push(`html cache-control ${h['cache-control']} (the address holds answers: no-store)`);
            const csp = h['content-security-policy'] || '';
            for (const part of ["default-src 'self'", "'wasm-unsafe-eval'", "object-src 'none'", 'frame-ancestors']) {
              if (!csp.includes(part)) problems.push(`CSP lacks ${part}: ${csp}`);
            }
            if (h['x-content-type-options'] !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
            if (h['referrer-policy'] !== 'no-referrer') problems.push('no Referrer-Policy: no-referrer');
          }
          const wasm = byType(/\.wasm$/);
          if (wasm.length !== 1) problems.push(`${wasm.length} wasm responses (expected 1)`);
          for (const e of wasm) {
            if (e.headers['content-type'] !== 'application/wasm') problems.push(`wasm content-type ${e.headers['content-type']}`);
          }
          for (const e of [...wasm, ...byType(/\.(js|css)$/)]) {
            const p = new URL(e.url).pathname;
            if (!['br', 'gzip'].includes(e.headers['content-encoding'])) problems.push(`${p} not compressed (${e.headers['content-encoding']})`);
            if (!/immutable/.test(e.headers['cache-control'] || '')) problems.push(`${p} cache-control ${e.headers['cache-control']}`);
          }
          assert(problems.length === 0, problems.join('\n'));
        });
      }
    } finally {
      await close();
    }
  }
};
