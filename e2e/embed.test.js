'use strict';
// Embedding and offline use, with real origins:
//   widget  Caddy over dist/ on its own port, framing allowed for the host (QADAM_FRAME_ANCESTORS)
//   host    a second server on another port: the pages of examples/ (widget address swapped in), a copy
//           of embed.js for the strict-CSP page, and a few generated pages
//   third   a third origin that tries to talk to the host page
// Checked: the iframe follows the content's height from the start screen to a question to the result;
// messages from a third origin, or of the wrong shape, are ignored; data-lang and data-accent take effect;
// the host gets the language and result events (ids only; dates and answers only when it asked, and no
// message to the host page carries more); host CSS does not reach
// the widget; the strict-CSP host page and the widget's own policy report no violation; the harness's
// server (frame-ancestors 'self') refuses a foreign host; qadam-mount.js mounts the widget into
// [data-qadam] of another page of the same origin; after one visit the widget works with the server gone
// and the browser offline, and a new version shows the "rules updated" notice.

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { ROOT, WAIT_MS, check, assert, openPage, startServer } = require('./lib');

const DIST = path.resolve(ROOT, process.env.QADAM_DIST || 'dist');
const EXAMPLES = path.join(ROOT, 'examples');
const PLACEHOLDER = 'http://127.0.0.1:8080';
// Contract example 1 (shared/spec/assess.md): a German visitor, as of 2026-11-22, with the wizard's two
// optional questions answered (leaving: "I don't know"; earlier stays: none), so the link is complete.
const EXAMPLE1 = 'on=2026-11-22&citizenship=DE&purpose=visit&ethnic_kazakh=false&entry_date=2026-11-20&document=none&planned_exit=unknown&previous_stays=&host_notified=unknown';
const EXAMPLE1_DEADLINES = { host_notification: '2026-11-25', visa_free_stay_end: '2026-12-19' };

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

/** A tiny static server on a free port: `route(pathname)` returns [type, body] or null (404). */
function serve(route) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const found = route(new URL(req.url, 'http://x').pathname);
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': found[0], 'Cache-Control': 'no-store' });
      res.end(found[1]);
    });
    server.keepAliveTimeout = 1000;
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ origin, stop: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) });
    });
  });
}

/** A host page made for a check: one embed.js tag with these attributes. */
function hostPage(src, attrs) {
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main>
<h1>Host page</h1><div id="box"><script src="${src}"${a} async></script></div><p id="after">after</p></main></body></html>`;
}

// Runs in every frame of every page (host and widget) before its own scripts. The host page's "analytics"
// also listens to every message the page receives, as any script of the host can.
function collector() {
  window.__q = { events: [], csp: [], messages: [] };
  window.addEventListener('message', (e) => { try { window.__q.messages.push(JSON.stringify(e.data)); } catch (err) { /* not JSON */ } });
  document.addEventListener('securitypolicyviolation', (e) => window.__q.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  for (const name of ['qadam:result', 'qadam:language']) {
    window.addEventListener(name, (e) => window.__q.events.push({ name, detail: JSON.parse(JSON.stringify(e.detail)) }));
  }
}

async function openHost(t, url, opts = {}) {
  const p = await openPage(t.browser, opts.profile || 'desktop', { timezoneId: 'Asia/Almaty', ...(opts.extra || {}) });
  const cspConsole = [];
  p.page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) cspConsole.push(m.text()); });
  p.cspConsole = cspConsole;
  await p.context.addInitScript(collector);
  await p.page.goto(url);
  return p;
}

/** The widget's frame once the app started in it. */
async function widgetFrame(page, origin) {
  const handle = await page.waitForSelector('iframe');
  const deadline = Date.now() + WAIT_MS;
  let frame = null;
  while (Date.now() < deadline) {
    frame = await handle.contentFrame();
    if (frame && frame.url().startsWith(origin)) break;
    await page.waitForTimeout(50);
  }
  assert(frame && frame.url().startsWith(origin), `no widget frame from ${origin}`);
  await frame.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
  await frame.locator('#qadam h1').first().waitFor({ state: 'visible' });
  return { handle, frame };
}

/** Waits until the iframe's height equals the widget's content height; resolves to that height. */
async function heightFollows(page, w, what) {
  let last = null;
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const outer = await w.handle.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await w.frame.evaluate(() => document.body.offsetHeight);
    last = { outer, inner };
    if (inner > 100 && Math.abs(outer - inner) <= 1) return inner;
    await page.waitForTimeout(50);
  }
  throw new Error(`${what}: the iframe is ${last && last.outer} px high, its content ${last && last.inner} px`);
}

async function events(page, name) {
  return (await page.evaluate(() => window.__q.events)).filter((e) => !name || e.name === name);
}

async function violations(p) {
  const out = [];
  for (const f of p.page.frames()) {
    const v = await f.evaluate(() => (window.__q ? window.__q.csp : [])).catch(() => []);
    out.push(...v.map((x) => `${f.url()}: ${x}`));
  }
  return out.concat(p.cspConsole.map((x) => `console: ${x}`));
}

/** The result the widget shows, read from its DOM (section#result and its deadlines). */
/** Waits in a host page for the widget's result and its `qadam:result` event: what the widget shows, and the
 * event's detail as the host page received it. */
async function resultEvent(p, widgetOrigin) {
  const w = await widgetFrame(p.page, widgetOrigin);
  const shown = await shownResult(w.frame);
  await p.page.waitForFunction(() => window.__q.events.some((e) => e.name === 'qadam:result'));
  return { shown, got: (await events(p.page, 'qadam:result')).pop().detail };
}

async function shownResult(frame) {
  await frame.locator('section#result').waitFor({ state: 'visible' });
  return frame.evaluate(() => ({
    immigration_type: document.querySelector('section#result').getAttribute('data-immigration-type'),
    deadlines: [...document.querySelectorAll('li[data-deadline-id]')].map((li) => ({ id: li.dataset.deadlineId, due: li.dataset.due })),
  }));
}

module.exports = async function embed(t) {
  assert(fs.existsSync(path.join(DIST, 'embed.js')), `${DIST}/embed.js missing: run scripts/build.sh`);
  const embedJs = fs.readFileSync(path.join(DIST, 'embed.js'));
  let widget = null;
  const third = await serve((p) => (p === '/evil.html' ? [TYPES['.html'], '<!doctype html><title>third</title><p>third</p>'] : null));
  const host = await serve((p) => {
    const name = p.replace(/^\//, '');
    if (name === 'embed.js') return [TYPES['.js'], embedJs];
    if (name.startsWith('t/')) {
      const page = pages[name.slice(2)];
      return page ? [TYPES['.html'], page()] : null;
    }
    const file = path.join(EXAMPLES, name);
    if (!/^[a-z-]+\.(html|css)$/.test(name) || !fs.existsSync(file)) return null;
    return [TYPES[path.extname(name)], fs.readFileSync(file, 'utf8').split(PLACEHOLDER).join(widget.origin)];
  });
  const pages = {
    facts: () => hostPage(`${widget.origin}/embed.js`, { 'data-lang': 'en', 'data-facts': EXAMPLE1 }),
    share: () => hostPage(`${widget.origin}/embed.js`, { 'data-lang': 'en', 'data-facts': EXAMPLE1, 'data-share-facts': 'true' }),
    dates: () => hostPage(`${widget.origin}/embed.js`, { 'data-lang': 'en', 'data-facts': EXAMPLE1, 'data-share': 'dates' }),
    pale: () => hostPage(`${widget.origin}/embed.js`, { 'data-lang': 'en', 'data-accent': '#ffee00' }),
    // The harness's own server keeps the default frame-ancestors 'self'.
    foreign: () => hostPage(`${t.origin}/embed.js`, { 'data-lang': 'en' }),
  };
  const saved = process.env.QADAM_FRAME_ANCESTORS;
  process.env.QADAM_FRAME_ANCESTORS = `'self' ${host.origin}`;
  try {
    const started = await startServer({ dir: DIST });
    let stopped = null;
    widget = { ...started, stop: () => (stopped = stopped || started.stop()) };
  } finally {
    if (saved === undefined) delete process.env.QADAM_FRAME_ANCESTORS;
    else process.env.QADAM_FRAME_ANCESTORS = saved;
  }
  const W = widget.origin;

  try {
    // ---- the plain NGO page: start -> question -> result ----------------------------------------
    {
      const p = await openHost(t, `${host.origin}/ngo.html`);
      const { page } = p;
      let w = null;
      try {
        await check('embed: one tag on an NGO page (another origin) inserts the widget in place', async () => {
          w = await widgetFrame(page, W);
          const info = await page.evaluate(() => {
            const f = document.querySelector('iframe');
            const s = getComputedStyle(f);
            return {
              afterScript: f.previousElementSibling && f.previousElementSibling.tagName,
              title: f.title, border: s.borderTopWidth, width: f.getBoundingClientRect().width,
              box: f.parentElement.getBoundingClientRect().width, src: f.src,
            };
          });
          assert(info.afterScript === 'SCRIPT', `iframe not right after the script tag (${info.afterScript})`);
          assert(info.title.length > 0, 'iframe has no title');
          assert(info.border === '0px', `iframe border ${info.border}`);
          assert(Math.abs(info.width - info.box) <= 1, `iframe ${info.width} px wide in a ${info.box} px box`);
          const u = new URL(info.src);
          assert(u.searchParams.get('embed') === '1' && u.searchParams.get('host') === host.origin, `iframe src ${info.src}`);
        });

        await check('embed: data-lang="kk" and data-accent take effect inside the widget', async () => {
          assert(w, 'no widget');
          const got = await w.frame.evaluate(() => ({
            lang: document.documentElement.lang,
            start: document.getElementById('start') && document.getElementById('start').textContent.trim(),
            accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
            embed: document.documentElement.hasAttribute('data-embed'),
            errors: !!document.getElementById('link-errors'),
          }));
          assert(got.lang === 'kk', `widget lang ${got.lang}`);
          assert(got.start === 'Бастау', `start button says ${got.start}`);
          assert(got.accent === '#5b2a86', `--accent is ${got.accent}`);
          assert(got.embed, 'no <html data-embed>');
          assert(!got.errors, 'the frame parameters were reported as bad link parameters');
        });

        const heights = [];
        await check('embed: the iframe height follows the content: start screen', async () => {
          assert(w, 'no widget');
          heights.push(await heightFollows(page, w, 'start'));
        });
        await check('embed: the iframe height follows the content: first question', async () => {
          assert(w, 'no widget');
          await w.frame.click('#start');
          await w.frame.waitForFunction(() => /step=/.test(location.search) && !document.getElementById('start'));
          const q = await w.frame.evaluate(() => new URLSearchParams(location.search));
          heights.push(await heightFollows(page, w, 'question'));
          const params = await w.frame.evaluate(() => location.search);
          assert(/embed=1/.test(params) && /host=/.test(params), `the widget's address lost its frame parameters: ${params} ${q}`);
        });
        await check('embed: the iframe height follows the content: result, and the host gets qadam:result', async () => {
          assert(w, 'no widget');
          await w.frame.evaluate((q) => {
            history.pushState(null, '', `?lang=kk&${q}&step=result`);
            dispatchEvent(new PopStateEvent('popstate'));
          }, EXAMPLE1);
          const shown = await shownResult(w.frame);
          heights.push(await heightFollows(page, w, 'result'));
          assert(new Set(heights).size > 1, `the height never changed: ${heights.join(', ')}`);
          await page.waitForFunction(() => window.__q.events.some((e) => e.name === 'qadam:result'));
          const got = (await events(page, 'qadam:result')).pop().detail;
          assert(got.immigration_type === shown.immigration_type, `event type ${got.immigration_type}, shown ${shown.immigration_type}`);
          assert(JSON.stringify(got.deadlines) === JSON.stringify(shown.deadlines.map((d) => ({ id: d.id }))),
            `event deadlines ${JSON.stringify(got.deadlines)}, shown ${JSON.stringify(shown.deadlines)}`);
          for (const id of Object.keys(EXAMPLE1_DEADLINES)) {
            assert(got.deadlines.some((d) => d.id === id), `no ${id} in ${JSON.stringify(got.deadlines)}`);
          }
          assert(!('facts' in got), 'the event carries the answers, which the host did not ask for');
          // The host's analytics, listening to every message and event: ids only, no date, no answer.
          const seen = (await page.evaluate(() => window.__q.messages)).concat((await events(page)).map((e) => JSON.stringify(e.detail)));
          const leaks = seen.filter((m) => /\d{4}-\d{2}-\d{2}|citizenship|entry_date|"DE"/.test(m));
          assert(leaks.length === 0, `the host page can read dates or answers:\n${leaks.join('\n')}`);
        });

        await check('embed: the host gets qadam:language when the person switches language', async () => {
          assert(w, 'no widget');
          await w.frame.click('.langs button[lang=en]');
          await page.waitForFunction(() => window.__q.events.some((e) => e.name === 'qadam:language'));
          const langs = (await events(page, 'qadam:language')).map((e) => e.detail.lang);
          assert(JSON.stringify(langs) === '["en"]', `language events ${JSON.stringify(langs)}`);
          assert((await w.handle.evaluate((f) => f.title)).startsWith('Qadam'), 'iframe title lost');
        });

        await check('embed: messages from a third origin, the host itself or of the wrong shape are ignored', async () => {
          assert(w, 'no widget');
          const before = await w.handle.evaluate((f) => f.getBoundingClientRect().height);
          const nResults = (await events(page, 'qadam:result')).length;
          await page.evaluate((src) => new Promise((resolve) => {
            const f = document.createElement('iframe');
            f.src = src;
            f.onload = resolve;
            document.body.append(f);
          }), `${third.origin}/evil.html`);
          const evil = page.frames().find((f) => f.url().startsWith(third.origin));
          assert(evil, 'third-origin frame missing');
          const fake = { type: 'qadam:height', height: 4321 };
          const fakeResult = { type: 'qadam:result', immigration_type: 'labour', deadlines: [{ id: 'x', due: '2030-01-01' }] };
          await evil.evaluate(([a, b]) => { parent.postMessage(a, '*'); parent.postMessage(b, '*'); }, [fake, fakeResult]);
          await page.evaluate(([a, b]) => { window.postMessage(a, '*'); window.postMessage(b, '*'); }, [fake, fakeResult]);
          // The widget's own frame, but not the expected shape.
          await w.frame.evaluate(() => {
            parent.postMessage({ type: 'qadam:height', height: '4321px' }, '*');
            parent.postMessage({ type: 'qadam:height', height: -5 }, '*');
            parent.postMessage('qadam:height 4321', '*');
          });
          await page.waitForTimeout(400);
          const after = await w.handle.evaluate((f) => f.getBoundingClientRect().height);
          assert(after === before, `iframe height went from ${before} to ${after}`);
          assert((await events(page, 'qadam:result')).length === nResults, 'a forged result event reached the host');
        });

        await check('embed: the widget does not touch the host page (title, styles, content after it)', async () => {
          const got = await page.evaluate(() => ({
            title: document.title,
            sheets: document.styleSheets.length,
            after: document.getElementById('after-widget') && document.getElementById('after-widget').checkVisibility(),
          }));
          assert(/Көші-қон/.test(got.title), `host title changed to ${got.title}`);
          assert(got.sheets === 1, `${got.sheets} stylesheets on the host page`);
          assert(got.after, 'the host text after the widget is not visible');
        });
      } finally {
        await p.close();
      }
    }

    // ---- starting facts, shared answers, a pale accent -------------------------------------------
    await check('embed: data-facts opens at the result; the event has the type and deadline ids only', async () => {
      const p = await openHost(t, `${host.origin}/t/facts`);
      try {
        const { shown, got } = await resultEvent(p, W);
        const ids = { immigration_type: shown.immigration_type, deadlines: shown.deadlines.map((d) => ({ id: d.id })) };
        assert(JSON.stringify(got) === JSON.stringify(ids), `event ${JSON.stringify(got)}, shown ${JSON.stringify(shown)}`);
        assert(shown.immigration_type === 'none', `type ${shown.immigration_type}`);
      } finally {
        await p.close();
      }
    });

    await check('embed: data-share-facts="true" adds the answers to the result event', async () => {
      const p = await openHost(t, `${host.origin}/t/share`);
      try {
        const { got } = await resultEvent(p, W);
        assert(got.facts && got.facts.citizenship === 'DE' && got.facts.entry_date === '2026-11-20', `facts ${JSON.stringify(got.facts)}`);
        for (const [id, due] of Object.entries(EXAMPLE1_DEADLINES)) {
          assert(got.deadlines.some((d) => d.id === id && d.due === due), `no ${id} due ${due} in ${JSON.stringify(got.deadlines)}`);
        }
      } finally {
        await p.close();
      }
    });

    await check('embed: data-share="dates" adds the due dates, not the answers', async () => {
      const p = await openHost(t, `${host.origin}/t/dates`);
      try {
        const { shown, got } = await resultEvent(p, W);
        assert(JSON.stringify(got) === JSON.stringify(shown), `event ${JSON.stringify(got)}, shown ${JSON.stringify(shown)}`);
        assert(!('facts' in got), 'the answers were shared at the dates level');
        const leaks = (await p.page.evaluate(() => window.__q.messages)).filter((m) => /citizenship|entry_date/.test(m));
        assert(leaks.length === 0, `the host page can read the answers:\n${leaks.join('\n')}`);
      } finally {
        await p.close();
      }
    });

    await check('embed: an accent too pale for white text (#ffee00) is ignored', async () => {
      const p = await openHost(t, `${host.origin}/t/pale`);
      try {
        const w = await widgetFrame(p.page, W);
        const accent = await w.frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
        assert(accent === '#00778b', `--accent is ${accent}`);
      } finally {
        await p.close();
      }
    });

    // ---- host CSS ---------------------------------------------------------------------------------
    await check('embed: a dark host page with careless CSS: the iframe keeps its size, the widget its look', async () => {
      const p = await openHost(t, `${host.origin}/dark.html`);
      try {
        const w = await widgetFrame(p.page, W);
        await heightFollows(p.page, w, 'dark host');
        const frameBox = await p.page.evaluate(() => {
          const f = document.querySelector('iframe');
          const s = getComputedStyle(f);
          return { border: s.borderTopWidth, width: f.getBoundingClientRect().width, box: f.parentElement.clientWidth - 8, title: f.title };
        });
        assert(frameBox.border === '0px', `iframe border ${frameBox.border}`);
        assert(Math.abs(frameBox.width - frameBox.box) <= 1, `iframe ${frameBox.width} px in a ${frameBox.box} px box`);
        assert(frameBox.title === 'Qadam: check your migration status', `title ${frameBox.title}`);
        const look = await w.frame.evaluate(() => {
          const b = getComputedStyle(document.getElementById('start'));
          return { bg: b.backgroundColor, font: getComputedStyle(document.body).fontFamily };
        });
        assert(look.bg === 'rgb(11, 92, 173)', `start button background ${look.bg} (data-accent #0b5cad)`);
        assert(!/Courier/.test(look.font), `host font reached the widget: ${look.font}`);
        const hostButton = await p.page.evaluate(() => getComputedStyle(document.querySelector('#after-widget button')).backgroundColor);
        assert(hostButton === 'rgb(255, 105, 180)', `the host's own button changed: ${hostButton}`);
      } finally {
        await p.close();
      }
    });

    // ---- CSP ----------------------------------------------------------------------------------------
    await check('embed: strict-CSP host page (frame-src only) and the widget\'s own policy: no violation', async () => {
      const p = await openHost(t, `${host.origin}/strict-csp.html`);
      try {
        const w = await widgetFrame(p.page, W);
        await heightFollows(p.page, w, 'strict host');
        const lang = await w.frame.evaluate(() => document.documentElement.lang);
        assert(lang === 'ru', `widget lang ${lang}`);
        await w.frame.click('#start');
        await w.frame.waitForFunction(() => /step=/.test(location.search));
        await heightFollows(p.page, w, 'strict host, question');
        await w.frame.evaluate((q) => {
          history.pushState(null, '', `?lang=ru&${q}&step=result`);
          dispatchEvent(new PopStateEvent('popstate'));
        }, EXAMPLE1);
        await shownResult(w.frame);
        await heightFollows(p.page, w, 'strict host, result');
        const v = await violations(p);
        assert(v.length === 0, `CSP violations:\n${v.join('\n')}`);
        const meta = await p.page.evaluate(() => document.querySelector('meta[http-equiv]').content);
        assert(/frame-src http:\/\/127\.0\.0\.1:\d+;/.test(meta) && /script-src 'self';/.test(meta), `host policy ${meta}`);
      } finally {
        await p.close();
      }
    });

    await check("embed: the widget's frame-ancestors refuses a host it does not list", async () => {
      const p = await openHost(t, `${host.origin}/t/foreign`);
      try {
        await p.page.waitForSelector('iframe');
        await p.page.waitForTimeout(1500);
        const started = await Promise.all(p.page.frames().filter((f) => f.url().startsWith(t.origin))
          .map((f) => f.evaluate(() => document.documentElement.hasAttribute('data-qadam-started')).catch(() => false)));
        assert(!started.includes(true), 'the widget ran inside a host that frame-ancestors does not allow');
        const h = await p.page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
        assert(h === 600, `iframe height ${h}, expected the untouched 600`);
      } finally {
        await p.close();
      }
    });

    // ---- offline --------------------------------------------------------------------------------------
    await check('offline: after one visit, with the server gone and the browser offline, the widget loads and reaches a result', async () => {
      const p = await openPage(t.browser, 'phone', { timezoneId: 'Asia/Almaty' });
      try {
        await p.page.goto(`${W}/`);
        await p.page.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
        await p.page.evaluate(() => navigator.serviceWorker.ready);
        await p.page.waitForFunction(() => !!navigator.serviceWorker.controller);
        const cached = await p.page.evaluate(async () => {
          const keys = [];
          for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) keys.push(new URL(r.url).pathname);
          return keys;
        });
        assert(cached.some((k) => /\/rules-[0-9a-f]{8}\.bin$/.test(k)), `rules not precached: ${cached.join(' ')}`);
        await widget.stop();
        await p.context.setOffline(true);
        await p.page.reload();
        await p.page.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
        await p.page.locator('#start').waitFor({ state: 'visible' });
        await p.page.goto(`${W}/?lang=en&${EXAMPLE1}&step=result`);
        const shown = await shownResult(p.page.mainFrame());
        for (const [id, due] of Object.entries(EXAMPLE1_DEADLINES)) {
          assert(shown.deadlines.some((d) => d.id === id && d.due === due), `offline result lacks ${id} ${due}: ${JSON.stringify(shown)}`);
        }
        const notice = await p.page.locator('#rules-updated').count();
        assert(notice === 0, 'a "rules updated" notice on a first install');
      } finally {
        await p.close();
      }
    });

    // A copy of the build on its own server: a page added to it, and later a new sw.js.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-copy-'));
    fs.cpSync(DIST, dir, { recursive: true });
    const copy = await startServer({ dir });
    try {
      // ---- same origin, no frame: qadam-mount.js into [data-qadam], under the widget's strict CSP ----
      await check('same-origin: qadam-mount.js mounts the widget into [data-qadam] of another page', async () => {
        fs.writeFileSync(path.join(dir, 'mount.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>NGO</title>'
          + '<link rel="icon" href="data:,"></head><body><h1>NGO page</h1><section id="box" data-qadam><p>Loading</p></section>'
          + '<p id="after">after</p><script type="module" src="./qadam-mount.js"></script></body></html>');
        const m = await openHost(t, `${copy.origin}/mount.html?lang=en`);
        try {
          await m.page.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
          await m.page.locator('#box.qadam #start').waitFor({ state: 'visible' });
          await m.page.click('#start');
          await m.page.waitForFunction(() => /step=/.test(location.search) && !document.getElementById('start'));
          assert(await m.page.locator('#after').isVisible(), 'the page content after the widget is gone');
          const v = await violations(m);
          assert(v.length === 0, `CSP violations:\n${v.join('\n')}`);
          const errs = [...m.errors.console, ...m.errors.page];
          assert(errs.length === 0, errs.join('\n'));
        } finally {
          await m.close();
        }
      });

      await check('offline: a new version takes over and shows the quiet "rules updated" notice', async () => {
        const p = await openPage(t.browser, 'desktop', { timezoneId: 'Asia/Almaty' });
        try {
          await p.page.goto(`${copy.origin}/?lang=en`);
          await p.page.waitForFunction(() => !!navigator.serviceWorker.controller);
          // A new build: another cache name (the precache list is the same here).
          const sw = path.join(dir, 'sw.js');
          fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const CACHE = 'qadam-[0-9a-f]+'/, "const CACHE = 'qadam-0a0a0a0a0a0a'"));
          for (const ext of ['.br', '.gz']) fs.rmSync(sw + ext, { force: true });
          await p.page.reload();
          await p.page.locator('#rules-updated').waitFor({ state: 'visible' });
          const text = (await p.page.locator('#rules-updated').innerText()).trim();
          const copyToml = fs.readFileSync(path.join(ROOT, 'rules', 'copy.toml'), 'utf8');
          const en = (id) => ((copyToml.split('[[copy]]').find((b) => new RegExp(`id = "${id}"`).test(b)) || '').match(/en = "([^"]+)"/) || [])[1];
          const want = `${en('rules_updated_reload')} ${en('reload_button')}`;
          assert(en('rules_updated_reload') && text === want, `notice says "${text}", rules/copy.toml says "${want}"`);
          const role = await p.page.locator('#rules-updated').getAttribute('role');
          assert(role === 'status', `notice role ${role}`);
        } finally {
          await p.close();
        }
      });
    } finally {
      await copy.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await host.stop();
    await third.stop();
    await widget.stop();
  }
};
