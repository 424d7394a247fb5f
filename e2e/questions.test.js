'use strict';
// The question screens beyond a list of choices, on the phone profile (360×740, ru-KZ, clock at 2026-11-22):
// the country search with the spellings people type; dates typed as day, month and year (each error, the
// order of arrival and departure, "are you sure?" for an unusual arrival) in three languages; the counter
// "Question n of about N"; the trip editor and a date question at 200 % zoom; Start tapped on a slow network
// before the wasm has arrived.

const fs = require('node:fs');
const path = require('node:path');
const { ROOT, check, assert, assertNoErrors, assertSameOrigin } = require('./lib');
const W = require('./walk');

/** A copy text of rules/copy.toml in a language, read with a regex (no TOML parser in node). */
function copyText(id, lang) {
  const text = fs.readFileSync(path.join(ROOT, 'rules', 'copy.toml'), 'utf8');
  const block = text.split(/^\[\[copy\]\]\s*$/m).find((b) => new RegExp(`^id = "${id}"$`, 'm').test(b));
  assert(block, `no copy ${id} in rules/copy.toml`);
  const m = block.match(new RegExp(`${lang} = "((?:[^"\\\\]|\\\\.)*)"`));
  assert(m, `copy ${id} has no ${lang} text`);
  return m[1].replace(/\\"/g, '"');
}

/** The text of a template before its first {slot}. */
const before = (template) => template.split('{')[0];

/** Runs `fn(page, p)` on a fresh phone page at `?query` once the widget shows a screen; then no console error
 * and no request to another origin. */
async function withLink(t, query, fn, opts = {}) {
  const p = await W.phone(t, opts);
  try {
    await p.page.goto(`${t.url}?${query}`);
    await W.started(p.page);
    await W.expectScreen(p.page, 'section[data-question], #result, #start', 'a screen of the wizard');
    await fn(p.page, p);
    assertNoErrors(p.errors);
    assertSameOrigin(p.net.requests, t.origin);
  } finally {
    await p.close();
  }
}

/** Opens `url` with the wasm's response held back, and returns once static/prerender.js has run (a tap is
 * kept from then on; in the round trip before it arrives the screen may already be painted: a known gap).
 * The returned function lets the wasm through, so that "before the wasm" holds however slow the machine. */
async function openBeforeTheWasm(page, url) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => { await released; await route.continue(); });
  const prerendered = page.waitForEvent('requestfinished', (r) => /\/prerender-[0-9a-f]+\.js$/.test(r.url()));
  await page.goto(url, { waitUntil: 'commit' });
  await prerendered;
  return release;
}

async function errorText(page) {
  await W.expectScreen(page, '#q-error', 'an error under the question');
  return (await page.innerText('#q-error')).trim();
}

async function invalidFields(page, prefix = 'q-date') {
  const out = [];
  for (const part of ['day', 'month', 'year']) {
    if (await page.getAttribute(`#${prefix}-${part}`, 'aria-invalid') === 'true') out.push(part);
  }
  return out.join(',');
}

module.exports = async function questions(t) {
  // ---- the country ----------------------------------------------------------------------------------------
  const TYPED = [['Kitay', 'CN'], ['Китаи', 'CN'], ['Xitoy', 'CN'], ['Afgan', 'AF'], ['Узбекистон', 'UZ'], ['Mongoliya', 'MN'],
    ['Тажикистан', 'TJ'], ['Kirgizstan', 'KG'], ['Rossiya', 'RU'], ['kazakstan', 'KZ'], ['Tadjikistan', 'TJ']];
  for (const lang of ['ru', 'kk']) {
    await check(`country search (${lang}): the spellings people type find their country, never "stateless" alone`, () => withLink(t, `lang=${lang}&step=citizenship`, async (page) => {
      await W.expectScreen(page, W.questionSel('citizenship'), 'the country question');
      const problems = [];
      for (const [typed, code] of TYPED) {
        await page.fill('#country-search', typed);
        try {
          await page.locator(`#opt-citizenship-${code}`).waitFor();
        } catch (e) {
          problems.push(`"${typed}" does not offer ${code} (offers ${(await page.$$eval('input[name=citizenship]', (xs) => xs.map((x) => x.value))).join(',')})`);
          continue;
        }
        const first = await page.$$eval('input[name=citizenship]', (xs) => xs.slice(0, 3).map((x) => x.value));
        if (!first.includes(code)) problems.push(`"${typed}": ${code} is not among the first three (${first.join(',')})`);
      }
      assert(problems.length === 0, problems.join('; '));
      // Nothing found: a word that says so, and the common countries to choose from.
      await page.fill('#country-search', 'zzzzq');
      await page.locator('#country-none:not(:empty)').waitFor();
      const offered = await page.$$eval('input[name=citizenship]', (xs) => xs.map((x) => x.value));
      assert(offered.length >= 10 && offered.includes('UZ'), `after "zzzzq" only ${offered.join(',')} are offered`);
      await W.assertAxe(page, `country search, nothing found (${lang})`);
      await page.fill('#country-search', '');
      const common = await page.$$eval('input[name=citizenship]', (xs) => xs.map((x) => x.value));
      assert(common.includes('KZ') && common.includes('UZ'), `the common countries are ${common.join(',')}`);
      await W.shot(page, `country-common-${lang}`);
    }));
  }

  // ---- dates ----------------------------------------------------------------------------------------------
  for (const lang of W.LANGS) {
    await check(`date fields (${lang}): each mistake named in the page's language, the wrong field marked`, () => withLink(t, `lang=${lang}&on=2026-11-22&citizenship=UZ&purpose=family&step=entry_date`, async (page) => {
      await W.expectScreen(page, W.questionSel('entry_date'), 'entry_date');
      for (const part of ['day', 'month', 'year']) {
        assert(await page.getAttribute(`#q-date-${part}`, 'inputmode') === 'numeric', `#q-date-${part} does not ask for the digit keyboard`);
        const label = (await page.innerText(`label[for=q-date-${part}]`)).trim();
        assert(label === copyText(`date_${part}`, lang), `the ${part} field is labelled "${label}"`);
      }
      const CASES = [
        [['', '', ''], 'date_missing', 'day,month,year'],
        [['', '11', '2026'], 'date_missing_day', 'day'],
        [['20', '', '2026'], 'date_missing_month', 'month'],
        [['20', '11', ''], 'date_missing_year', 'year'],
        [['20', '13', '2026'], 'date_bad_month', 'month'],
        [['32', '11', '2026'], 'date_bad_day', 'day'],
        [['20', '11', '26'], 'date_bad_year', 'year'],
        [['31', '4', '2026'], 'date_no_such_day', 'day,month,year'],
        [['29', '2', '2026'], 'date_no_such_day', 'day,month,year'],
      ];
      for (const [[d, m, y], id, marked] of CASES) {
        await page.fill('#q-date-day', d);
        await page.fill('#q-date-month', m);
        await page.fill('#q-date-year', y);
        await page.click('#continue');
        await page.waitForFunction((want) => {
          const e = document.getElementById('q-error');
          return e && e.textContent.trim() === want;
        }, copyText(id, lang)).catch(async () => {
          throw new Error(`${d}.${m}.${y}: the error says "${await page.innerText('#q-error').catch(() => 'nothing')}", expected ${id}`);
        });
        assert(await invalidFields(page) === marked, `${d}.${m}.${y}: fields marked ${await invalidFields(page)}, expected ${marked}`);
        assert(new URL(page.url()).searchParams.get('step') === 'entry_date', `${d}.${m}.${y} was taken as an answer`);
      }
      assert((await page.getAttribute('#q-date-day', 'aria-describedby')).includes('q-error'), 'the fields are not described by the error');
      await W.assertAxe(page, `date error (${lang})`);
      await W.shot(page, `date-error-${lang}`);
      await W.fillDate(page, 'q-date', '2026-11-20');
      await page.click('#continue');
      await W.expectScreen(page, 'section[data-question]:not([data-question=entry_date])', 'the next question after a good date');
      assert(new URL(page.url()).searchParams.get('entry_date') === '2026-11-20', `the address has entry_date=${new URL(page.url()).searchParams.get('entry_date')}`);
    }));

    await check(`date order (${lang}): leaving before arriving is named as such, not as "no such date"`, () => withLink(t,
      `lang=${lang}&on=2026-11-22&citizenship=UZ&purpose=visit&entry_date=2026-11-20&document=visa&document_valid_until=unknown&step=planned_exit`, async (page) => {
        await W.expectScreen(page, W.questionSel('planned_exit'), 'planned_exit');
        await W.fillDate(page, 'q-date', '2026-11-01');
        await page.click('#continue');
        const text = await errorText(page);
        assert(text.startsWith(before(copyText('date_before_arrival', lang))), `the error says "${text}"`);
        assert(!text.includes(copyText('date_invalid', lang)), `the error says the date does not exist: "${text}"`);
        assert(/2026/.test(text), `the error does not give the arrival day: "${text}"`);
        assert(await invalidFields(page) === 'day,month,year', 'the date is not marked');
      }));
  }

  await check('an arrival in the future asks "are you sure?"; Continue again confirms it (en)', () => withLink(t, 'lang=en&on=2026-11-22&citizenship=UZ&purpose=visit&step=entry_date', async (page) => {
    await W.expectScreen(page, W.questionSel('entry_date'), 'entry_date');
    await W.fillDate(page, 'q-date', '2027-05-01');
    await page.click('#continue');
    await W.expectScreen(page, '#q-sure', 'the question whether the date is right');
    const text = await page.innerText('#q-sure');
    assert(text.includes(before(copyText('date_sure_future', 'en'))) && text.includes('2027'), `#q-sure says "${text}"`);
    assert(new URL(page.url()).searchParams.get('step') === 'entry_date', 'the date was taken without asking');
    await W.assertAxe(page, '"are you sure?"');
    await W.shot(page, 'date-sure-en');
    // Changing the date withdraws the question.
    await page.fill('#q-date-year', '2028');
    await page.locator('#q-sure').waitFor({ state: 'detached' });
    await page.fill('#q-date-year', '2027');
    await page.click('#continue');
    await W.expectScreen(page, '#q-sure', 'the question again');
    await page.click('#continue');
    await W.expectScreen(page, 'section[data-question]:not([data-question=entry_date])', 'the next question after Continue again');
    assert(new URL(page.url()).searchParams.get('entry_date') === '2027-05-01', `entry_date=${new URL(page.url()).searchParams.get('entry_date')}`);
  }));

  await check('an arrival before 1990 asks "are you sure?"; Continue again confirms it (kk)', () => withLink(t, 'lang=kk&on=2026-11-22&citizenship=UZ&purpose=visit&step=entry_date', async (page) => {
    await W.expectScreen(page, W.questionSel('entry_date'), 'entry_date');
    await W.fillDate(page, 'q-date', '1988-03-08');
    await page.click('#continue');
    await W.expectScreen(page, '#q-sure', 'the question whether the date is right');
    const text = await page.innerText('#q-sure');
    assert(text.includes(before(copyText('date_sure_old', 'kk'))), `#q-sure says "${text}"`);
    await page.click('#continue');
    await W.expectScreen(page, 'section[data-question]:not([data-question=entry_date])', 'the next question after Continue again');
    assert(new URL(page.url()).searchParams.get('entry_date') === '1988-03-08', 'the date was not kept');
  }));

  await check('trip editor: a trip that ends before it begins is named (ru)', () => withLink(t,
    'lang=ru&on=2026-11-22&citizenship=DE&purpose=visit&entry_date=2026-11-20&document=none&planned_exit=unknown&step=previous_stays', async (page) => {
      await W.expectScreen(page, W.questionSel('previous_stays'), 'previous_stays');
      await page.click('#add-stay');
      await W.fillDate(page, 'stay-0-entry', '2026-06-10');
      await W.fillDate(page, 'stay-0-exit', '2026-06-01');
      await page.click('#continue');
      const text = await errorText(page);
      assert(text === copyText('stays_order', 'ru'), `the error says "${text}"`);
      await W.fillDate(page, 'stay-0-exit', '2026-06-30');
      await page.click('#continue');
      await W.expectScreen(page, 'section[data-question]:not([data-question=previous_stays]), #result', 'the next screen');
      assert(new URL(page.url()).searchParams.get('previous_stays') === '2026-06-10..2026-06-30', `previous_stays=${new URL(page.url()).searchParams.get('previous_stays')}`);
    }));

  await check('trip editor: a day typed wrong is named at its fields, and the trip is kept (kk)', () => withLink(t,
    'lang=kk&on=2026-11-22&citizenship=DE&purpose=visit&entry_date=2026-11-20&document=none&planned_exit=unknown&step=previous_stays', async (page) => {
      await W.expectScreen(page, W.questionSel('previous_stays'), 'previous_stays');
      await page.click('#add-stay');
      await W.fillDate(page, 'stay-0-entry', '2026-06-10');
      await page.fill('#stay-0-exit-day', '31');
      await page.fill('#stay-0-exit-month', '6');
      await page.fill('#stay-0-exit-year', '2026');
      await page.click('#continue');
      const text = await errorText(page);
      assert(text === copyText('date_no_such_day', 'kk'), `the error says "${text}"`);
      const invalid = await page.$$eval('input[id^="stay-0-"]', (els) => els.filter((e) => e.getAttribute('aria-invalid') === 'true').map((e) => e.id));
      assert(JSON.stringify(invalid) === '["stay-0-exit-day","stay-0-exit-month","stay-0-exit-year"]', `marked: ${invalid}`);
      assert(new URL(page.url()).searchParams.get('step') === 'previous_stays', 'the wrong day was sent');
      await page.fill('#stay-0-exit-day', '30');
      await page.click('#continue');
      await W.expectScreen(page, 'section[data-question]:not([data-question=previous_stays]), #result', 'the next screen');
      assert(new URL(page.url()).searchParams.get('previous_stays') === '2026-06-10..2026-06-30', `previous_stays=${new URL(page.url()).searchParams.get('previous_stays')}`);
    }));

  // ---- the counter ----------------------------------------------------------------------------------------
  await check('counter: "Question n of about N" in kk, ru and en, N from the questions that apply', async () => {
    const counts = {};
    for (const lang of W.LANGS) {
      // [name, link, question, its place: exactly, or at least]
      for (const [name, query, fact, n, exact] of [
        ['start', 'step=citizenship', 'citizenship', 1, true],
        ['citizen', 'on=2026-11-22&citizenship=KZ&step=entry_date', 'entry_date', 2, true],
        ['worker', 'on=2026-11-22&citizenship=UZ&purpose=labour&step=works_for', 'works_for', 3, false],
      ]) {
        await withLink(t, `lang=${lang}&${query}`, async (page) => {
          await W.expectScreen(page, W.questionSel(fact), fact);
          const text = (await page.innerText('#q-count')).trim();
          const re = new RegExp(`^${copyText('question_of_total', lang).replace('{n}', '(\\d+)').replace('{total}', '(\\d+)')}$`);
          const m = text.match(re);
          assert(m, `${lang} ${name}: the counter says "${text}"`);
          const [at, total] = [Number(m[1]), Number(m[2])];
          assert(exact ? at === n : at >= n, `${lang} ${name}: ${fact} is question ${at}, expected ${exact ? '' : 'at least '}${n}`);
          assert(total >= at, `${lang} ${name}: question ${at} of about ${total}`);
          const key = `${at}/${total}`;
          if (counts[name] !== undefined) assert(counts[name].key === key, `${name}: ${key} in ${lang}, ${counts[name].key} in another language`);
          counts[name] = { key, total };
        });
      }
    }
    assert(counts.citizen.total < counts.worker.total, `a citizen is told of ${counts.citizen.total} questions, a worker of ${counts.worker.total}`);
  });

  // ---- 200 % zoom ----------------------------------------------------------------------------------------
  for (const lang of W.LANGS) {
    await check(`200 % zoom (180 px, ${lang}): the trip editor and a date question fit, no word broken inside`, async () => {
      const p = await W.phone(t, { extra: { viewport: { width: 180, height: 370 } } });
      try {
        const { page } = p;
        await page.goto(`${t.url}?lang=${lang}&on=2026-11-22&citizenship=DE&purpose=visit&entry_date=2026-11-20&document=none&planned_exit=unknown&step=previous_stays`);
        await W.expectScreen(page, W.questionSel('previous_stays'), 'previous_stays');
        await page.click('#add-stay');
        await page.click('#add-stay');
        await W.fillDate(page, 'stay-0-entry', '2026-06-01');
        await W.fillDate(page, 'stay-0-exit', '2026-06-30');
        await W.noHorizontalScroll(page, 180);
        await W.noBrokenWords(page, 'main');
        await W.shot(page, `zoom-200-trips-${lang}`);
        await page.goto(`${t.url}?lang=${lang}&on=2026-11-22&citizenship=UZ&purpose=visit&step=entry_date`);
        await W.expectScreen(page, W.questionSel('entry_date'), 'entry_date');
        await page.click('#continue');
        await W.expectScreen(page, '#q-error', 'the error');
        await W.noHorizontalScroll(page, 180);
        await W.noBrokenWords(page, 'main');
        assertNoErrors(p.errors);
      } finally {
        await p.close();
      }
    });
  }

  // ---- Start on a slow network -----------------------------------------------------------------------------
  // Chromium's own network throttling (DevTools protocol), slower than the slowest line of the issue: the
  // static start screen is painted long before the wasm has arrived, and a tap on it then must not be lost.
  // The wasm's response is also held until the tap is made, so that "before" holds however slow the machine.
  const SLOW = { offline: false, latency: 300, downloadThroughput: (250 * 1000) / 8, uploadThroughput: (250 * 1000) / 8 };
  for (const [what, lang] of [['Start', null], ['Қазақша, then Start,', 'kk']]) {
    await check(`slow network (250 kbit/s): ${what} tapped before the wasm arrives is kept, "loading" shown, the first question follows`, async () => {
      const p = await W.phone(t);
      try {
        const { page } = p;
        const cdp = await p.context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', SLOW);
        const tapped = await openBeforeTheWasm(page, t.url);
        const block = page.locator('[data-prerender]:not([hidden])');
        if (lang) {
          await block.locator(`nav button[lang=${lang}]`).tap();
          await page.locator(`[data-prerender=${lang}]:not([hidden])`).waitFor();
        }
        await block.locator('button[data-start]').tap();
        const now = await page.evaluate(() => {
          const s = document.querySelector('[data-prerender]:not([hidden]) [data-loading]');
          return {
            started: document.documentElement.hasAttribute('data-qadam-started'),
            text: s && s.textContent.trim(),
            want: s && s.getAttribute('data-loading'),
            visible: !!s && s.checkVisibility(),
          };
        });
        tapped();
        assert(!now.started, 'the wasm had started before the tap: the test did not tap early');
        assert(now.visible && now.text && now.text === now.want, `no visible "loading" after the tap: ${JSON.stringify(now)}`);
        // No second tap: the first question comes by itself once the wasm and the rule set are in.
        await W.expectScreen(page, W.questionSel('citizenship'), 'the first question');
        await W.assertFocus(page, 'q-title');
        const want = lang || 'ru';
        assert(await page.getAttribute('html', 'lang') === want, `<html lang> is ${await page.getAttribute('html', 'lang')}, expected ${want}`);
        assert(new URL(page.url()).searchParams.get('lang') === want, `the address says lang=${new URL(page.url()).searchParams.get('lang')}`);
        assertNoErrors(p.errors);
        assertSameOrigin(p.net.requests, t.origin);
      } finally {
        await p.close();
      }
    });
  }
  await check('a language tapped on the static start screen before the wasm arrives is shown at once, keeps the focus, and the widget starts in it', async () => {
    const p = await W.phone(t);
    try {
      const { page } = p;
      const tapped = await openBeforeTheWasm(page, `${t.url}?lang=ru`);
      await page.locator('[data-prerender=ru]:not([hidden]) nav button[lang=kk]').tap();
      const now = await page.evaluate(() => ({
        started: document.documentElement.hasAttribute('data-qadam-started'),
        shown: [...document.querySelectorAll('[data-prerender]:not([hidden])')].map((b) => b.dataset.prerender),
        lang: document.documentElement.lang,
        focus: document.activeElement && document.activeElement.closest('[data-prerender]') && `${document.activeElement.closest('[data-prerender]').dataset.prerender}/${document.activeElement.lang}`,
        title: document.title,
      }));
      tapped();
      assert(!now.started, 'the wasm had started before the tap: the test did not tap early');
      assert(JSON.stringify(now.shown) === '["kk"]' && now.lang === 'kk', `after the tap: ${JSON.stringify(now)}`);
      assert(now.focus === 'kk/kk', `the focus is not on the Kazakh button of the Kazakh screen: ${now.focus}`);
      assert(/[әғқңөұүһі]/i.test(now.title), `the tab's title is not Kazakh: ${now.title}`);
      // The widget, once in, starts in Kazakh although the link says ru.
      await page.locator('html[data-qadam-started] button[lang=kk][aria-pressed=true]').waitFor();
      assert(await page.getAttribute('html', 'lang') === 'kk', `<html lang> is ${await page.getAttribute('html', 'lang')}`);
      assertNoErrors(p.errors);
    } finally {
      await p.close();
    }
  });
};
