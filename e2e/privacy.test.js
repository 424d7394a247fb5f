'use strict';
// Nothing of a person's answers is kept where they did not ask, and a crafted link cannot speak for Qadam:
// * after a result link (answers in the address), neither Cache Storage nor the HTTP cache holds them;
// * "Forget" removes everything of the person's that Qadam stored (local and session storage, cache
//   entries with answers from older versions), and leaves the offline copy of the app;
// * a spoofing link's words are not echoed (only the contract's keys are named, the rest counted);
// * hundreds of junk parameters give a short alert, not a page of errors;
// * a repeated key (citizenship=DE…&citizenship=KZ) is named and neither value is used;
// * a result for another day than today says so, on the first screen.

const fs = require('node:fs');
const path = require('node:path');
const { ROOT, check, assert, assertNoErrors } = require('./lib');
const W = require('./walk');

const EXAMPLE1 = 'on=2026-11-22&citizenship=DE&purpose=visit&entry_date=2026-11-20&document=none&planned_exit=unknown&previous_stays=';

function copyText(id, lang) {
  const toml = fs.readFileSync(path.join(ROOT, 'rules', 'copy.toml'), 'utf8');
  const entry = toml.split('[[copy]]').find((b) => new RegExp(`^\\s*id = "${id}"\\s*$`, 'm').test(b)) || '';
  return (entry.match(new RegExp(`\\b${lang} = "([^"]+)"`)) || [])[1];
}

/** Every Cache Storage entry of the page's origin: cache name, request URL, response URL, response Date. */
async function cacheEntries(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      for (const req of await c.keys()) {
        const res = await c.match(req);
        out.push({ name, req: req.url, res: res ? res.url : null, date: res ? res.headers.get('date') : null });
      }
    }
    return out;
  });
}

module.exports = async function privacy(t) {
  const link = `${t.url}?lang=en&${EXAMPLE1}&step=result`;
  const page0 = new URL('./', t.url).href;

  {
    const p = await W.phone(t);
    const { page } = p;
    try {
      await check('privacy: after a result link, Cache Storage and the HTTP cache hold no answers', async () => {
        const first = await page.goto(link);
        assert(first.headers()['cache-control'] === 'no-store', `the page is sent with Cache-Control: ${first.headers()['cache-control']}`);
        await W.expectScreen(page, '#result', 'the result');
        await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
        // The worker now answers the page. Visit the link again until the server's Date differs from the
        // precached copy's, then wait until the worker has stored this visit's page (its Date).
        const precached = (await cacheEntries(page)).find((e) => e.req === page0);
        assert(precached, 'the worker did not precache ./');
        let navDate = null;
        for (let i = 0; i < 20 && (!navDate || navDate === precached.date); i++) {
          const r = await page.goto(link);
          navDate = r.headers().date;
          await W.expectScreen(page, '#result', 'the result (through the worker)');
        }
        assert(navDate !== precached.date, `the server's Date stayed ${navDate}`);
        await page.waitForFunction(async ([u, d]) => {
          for (const name of await caches.keys()) {
            const res = await (await caches.open(name)).match(u);
            if (res && res.headers.get('date') === d) return true;
          }
          return false;
        }, [page0, navDate], { timeout: 10000 });
        const entries = await cacheEntries(page);
        const leaks = entries.filter((e) => /[?]|citizenship|entry_date/.test(`${e.req} ${e.res}`));
        assert(leaks.length === 0, `Cache Storage keeps the answers:\n${leaks.map((e) => `${e.name}: ${e.req} -> ${e.res}`).join('\n')}`);
        assertNoErrors(p.errors);
      });

      await check('privacy: "Forget" removes the saved answers, Qadam\'s storage keys and cache entries with answers', async () => {
        await W.expectScreen(page, '#remember', 'the Remember button');
        await page.click('#remember');
        await page.waitForFunction(() => !!localStorage.getItem('qadam.answers'));
        // What an older version left: the page stored under the address it was opened with.
        await page.evaluate(async (u) => {
          const name = (await caches.keys()).find((k) => k.startsWith('qadam-'));
          await (await caches.open(name)).put(u, new Response('<!doctype html><title>old</title>'));
          sessionStorage.setItem('qadam.reloaded-for', './rules-00000000.bin');
        }, `${page0}?lang=en&citizenship=DE&entry_date=2026-11-20`);
        await page.click('#forget');
        await page.waitForFunction(async () => {
          const keys = [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('qadam'));
          if (keys.length) return false;
          for (const name of await caches.keys()) {
            for (const req of await (await caches.open(name)).keys()) if (req.url.includes('?')) return false;
          }
          return true;
        }, null, { timeout: 10000 });
        const left = await cacheEntries(page);
        assert(left.some((e) => /\/rules-[0-9a-f]{8}\.bin$/.test(e.req)), 'Forget also removed the offline copy of the app');
        const status = (await page.innerText('#status')).trim();
        assert(status === copyText('forgotten', 'en'), `status says "${status}"`);
      });
    } finally {
      await p.close();
    }
  }

  const open = async (query, fn, opts) => {
    const p = await W.phone(t, opts);
    try {
      await p.page.goto(`${t.url}?${query}`);
      await W.started(p.page);
      await fn(p.page);
      assertNoErrors(p.errors);
    } finally {
      await p.close();
    }
  };

  await check('links: a spoofing link\'s words are not echoed; the alert counts the other parts (ru)', () => open(
    'lang=ru&' + encodeURIComponent('ВНИМАНИЕ: ваш статус аннулирован. Звоните +7 777 000 00 00') + '=1&'
      + encodeURIComponent('Штраф 500 000 тенге') + '=&citizenship=XX',
    async (page) => {
      await W.expectScreen(page, '#link-errors', '#link-errors');
      const body = await page.innerText('body');
      for (const w of ['ВНИМАНИЕ', 'аннулирован', '+7 777', 'Штраф 500']) assert(!body.includes(w), `the page shows "${w}":\n${body.slice(0, 400)}`);
      const alert = await page.innerText('#link-errors');
      assert(alert.includes('citizenship'), `the contract's key is not named: ${alert}`);
      const want = '2 другие части ссылки не учтены.';
      assert((await page.innerText('#link-ignored')).trim() === want, `#link-ignored says "${await page.innerText('#link-ignored')}", expected "${want}"`);
    }));

  await check('links: hundreds of junk parameters give a short alert, and the page still works', () => {
    const junk = Array.from({ length: 900 }, (_, i) => `j${i}=${i}`).join('&');
    return open(`lang=en&citizenship=XX&purpose=holiday&purpose=visit&${junk}`, async (page) => {
      await W.expectScreen(page, '#link-errors', '#link-errors');
      const lines = await page.locator('#link-errors p').count();
      const height = await page.evaluate(() => document.getElementById('link-errors').getBoundingClientRect().height);
      assert(lines <= 9, `${lines} lines in the alert`);
      assert(height < 500, `the alert is ${height} px high`);
      const text = await page.innerText('#link-errors');
      assert(/\d+ other parts of the link were ignored\./.test(text), `no count of the ignored parts: ${text.slice(0, 300)}`);
      assert(!/\bj\d+\b/.test(text), `a junk name is echoed: ${text.slice(0, 300)}`);
      assert((text.match(/purpose/g) || []).length === 1, `purpose named more than once: ${text}`);
      if (await page.locator('#start').count()) await page.click('#start');
      await W.expectScreen(page, 'section[data-question="citizenship"]', 'the citizenship question');
    });
  });

  await check('links: a repeated key (citizenship=DE…&citizenship=KZ) is named and neither value is used', () => open(
    `lang=en&${EXAMPLE1}&citizenship=KZ&step=result`,
    async (page) => {
      await W.expectScreen(page, '#link-errors', '#link-errors');
      const text = await page.innerText('#link-errors');
      assert(text.includes('citizenship') && text.includes(copyText('err_repeated', 'en')), `alert: ${text}`);
      await W.expectScreen(page, 'section[data-question="citizenship"]', 'the citizenship question, asked again');
    }));

  await check('links: a result for another day says so plainly, next to the date it is counted for', () => open(
    `lang=en&${EXAMPLE1.replace('on=2026-11-22', 'on=2027-06-01')}&step=result`,
    async (page) => {
      await W.expectScreen(page, '#result', 'the result');
      await W.expectScreen(page, '#not-today', 'the not-today notice');
      const text = await page.innerText('#not-today');
      assert(/1 June 2027/.test(text) && /22 November 2026/.test(text), `notice: ${text}`);
      const asOf = await page.getAttribute('#result', 'data-as-of');
      assert(asOf === '2027-06-01', `data-as-of ${asOf}`);
      const top = await page.evaluate(() => document.getElementById('not-today').getBoundingClientRect().top);
      assert(top < 740, `the notice is ${top} px down the page, below the first screen`);
    }));

  await check('links: a result as of today shows no not-today notice', () => open(`lang=en&${EXAMPLE1}&step=result`, async (page) => {
    await W.expectScreen(page, '#result', 'the result');
    assert(await page.locator('#not-today').count() === 0, 'a not-today notice on today\'s result');
  }));
};
