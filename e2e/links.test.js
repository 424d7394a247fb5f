'use strict';
// Links and what a result keeps: the five public examples of the contract opened by URL and finished by
// clicking; deep links with good and bad parameters; a language switch mid-flow; changing an answer from
// the answers list; the .ics download parsed; 320 px without horizontal scrolling; country search in three
// languages; remember/forget; date errors. On the phone profile (360×740, ru-KZ), clock fixed at 2026-11-22.

const { check, assert, assertNoErrors, assertSameOrigin } = require('./lib');
const W = require('./walk');

// The contract's examples (shared/spec/assess.md). `answers`: required facts the example leaves out,
// given by clicking; every optional question left is answered "I don't know".
const EXAMPLES = [
  {
    name: '1: German visitor, crossed Friday 2026-11-20',
    lang: 'ru',
    query: 'on=2026-11-22&citizenship=DE&purpose=visit&entry_date=2026-11-20&document=none',
    expect: { type: 'none', deadlines: { host_notification: '2026-11-25', visa_free_stay_end: '2026-12-19' } },
  },
  {
    name: '2: the same visitor arriving Tuesday 2026-12-15',
    lang: 'kk',
    query: 'on=2026-12-15&citizenship=DE&purpose=visit&entry_date=2026-12-15&document=none',
    expect: { type: 'none', deadlines: { host_notification: '2026-12-21', visa_free_stay_end: '2027-01-13' } },
  },
  {
    name: '3: Kazakh citizen who moved on 2026-11-20',
    lang: 'en',
    query: 'on=2026-11-22&citizenship=KZ&entry_date=2026-11-20',
    expect: { type: 'none', deadlines: { residence_registration: '2026-11-30' } },
  },
  {
    name: '4: ethnic Kazakh from China, kandas status granted 2026-03-01',
    lang: 'ru',
    query: 'on=2026-11-22&citizenship=CN&ethnic_kazakh=true&purpose=return_homeland&kandas_status_granted=2026-03-01',
    answers: { entry_date: '2026-02-10', document: 'kandas_certificate' },
    expect: {
      type: 'return_homeland', deadlines: { kandas_status_end: '2027-02-28' }, exact: false,
      rights: ['simplified_citizenship', 'permanent_residence_without_solvency'],
    },
  },
  {
    name: '5: a foreigner registered in Almaty who moved on Friday 2026-11-20',
    lang: 'kk',
    query: 'on=2026-11-22&citizenship=UZ&purpose=family&entry_date=2026-06-01&document=temporary_residence_permit&address_changed=2026-11-20',
    expect: { type: 'family_reunification', deadlines: { address_change_registration: '2026-11-27' }, exact: false },
  },
];

/** A phone page opened at `?query`; resolves once the app is mounted and the rule set is in. */
async function openLink(t, query, opts = {}) {
  const p = await W.phone(t, opts);
  await p.page.goto(`${t.url}?${query}`);
  await W.started(p.page);
  await W.expectScreen(p.page, 'section[data-question], #result, #answers-title, #start', 'a screen of the wizard');
  return p;
}

/** From wherever the page is, to the result: given answers clicked, optional questions "I don't know". */
async function finish(page, given = {}) {
  // Every foreigner is asked whether they are an ethnic Kazakh; the contract's examples are not.
  const answers = { ethnic_kazakh: 'false', ...given };
  for (let i = 0; i < 15; i++) {
    if (await page.locator('#result').count()) return;
    const fact = await page.getAttribute('section[data-question]', 'data-question');
    assert(fact, `neither a question nor the result: ${await W.where(page)}`);
    if (fact in answers) {
      await W.answer(page, fact, answers[fact]);
    } else {
      assert(await page.locator('#dont-know').count() === 1, `the required question ${fact} is not answered by the link`);
      await page.click('#dont-know');
    }
    await page.waitForFunction((f) => !document.querySelector(`section[data-question="${f}"]`), fact);
  }
  throw new Error(`no result after 15 questions: ${await W.where(page)}`);
}

/** Runs `fn(page)` on a fresh page at `?query`, then checks no console error and no other origin. */
async function withLink(t, query, fn, opts) {
  const p = await openLink(t, query, opts);
  try {
    await fn(p.page, p);
    assertNoErrors(p.errors);
    assertSameOrigin(p.net.requests, t.origin);
  } finally {
    await p.close();
  }
}

// ---- the .ics file -------------------------------------------------------------------------------------
function parseIcs(buf) {
  const raw = buf.toString('utf8');
  const problems = [];
  if (!raw.endsWith('\r\n')) problems.push('does not end with CRLF');
  const physical = raw.split('\r\n').slice(0, -1);
  physical.forEach((l, i) => {
    if (l.includes('\n') || l.includes('\r')) problems.push(`line ${i + 1} has a bare LF or CR`);
    const n = Buffer.byteLength(l, 'utf8');
    if (n > 75) problems.push(`line ${i + 1} is ${n} octets`);
  });
  // Unfold (RFC 5545 §3.1), then nest the components.
  const lines = [];
  for (const l of physical) {
    if (/^[ \t]/.test(l) && lines.length) lines[lines.length - 1] += l.slice(1);
    else lines.push(l);
  }
  const root = { name: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const l of lines) {
    const m = l.match(/^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/);
    if (!m) { problems.push(`not a content line: ${l.slice(0, 40)}`); continue; }
    const [, name, params, value] = m;
    if (name === 'BEGIN') {
      const c = { name: value, props: [], children: [] };
      stack[stack.length - 1].children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      const c = stack.pop();
      if (!c || c.name !== value) problems.push(`END:${value} closes ${c && c.name}`);
    } else {
      stack[stack.length - 1].props.push({ name, params, value });
    }
  }
  if (stack.length !== 1) problems.push('unclosed component');
  return { root, problems };
}

async function checkIcs(page) {
  const result = await W.readResult(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#add-calendar')]);
  assert(/\.ics$/.test(download.suggestedFilename()), `downloaded ${download.suggestedFilename()}`);
  const fs = require('node:fs');
  const buf = fs.readFileSync(await download.path());
  const { root, problems } = parseIcs(buf);
  assert(problems.length === 0, `ics: ${problems.join('; ')}`);
  // Calendar services keep what they are given: no result link, so none of the answers.
  const unfolded = buf.toString('utf8').replace(/\r\n[ \t]/g, '');
  assert(!/https?:\/\/127\.0\.0\.1|citizenship=|entry_date=/.test(unfolded), `ics carries the result link: ${(unfolded.match(/.{0,40}citizenship=.{0,40}/) || [''])[0]}`);
  const cal = root.children;
  assert(cal.length === 1 && cal[0].name === 'VCALENDAR', `ics: top level is ${cal.map((c) => c.name).join(',')}, not one VCALENDAR`);
  const prop = (c, n) => c.props.filter((p) => p.name === n);
  assert(prop(cal[0], 'VERSION')[0]?.value === '2.0', 'ics: no VERSION:2.0');
  assert(prop(cal[0], 'PRODID').length === 1, 'ics: no PRODID');
  const events = cal[0].children.filter((c) => c.name === 'VEVENT');
  // One event per step still ahead (an overdue step has no place in a calendar).
  const want = (await page.$$eval('[data-action-id][data-status=upcoming][data-due]', (xs) => xs.map((x) => x.dataset.due)))
    .map((d) => d.replace(/-/g, '')).sort();
  assert(events.length === want.length, `ics: ${events.length} VEVENTs for ${want.length} steps still ahead`);
  const got = [];
  for (const e of events) {
    const start = prop(e, 'DTSTART');
    assert(start.length === 1 && start[0].params === ';VALUE=DATE' && /^\d{8}$/.test(start[0].value),
      `ics: DTSTART is ${JSON.stringify(start)}`);
    got.push(start[0].value);
    assert(prop(e, 'UID').length === 1 && prop(e, 'DTSTAMP').length === 1, 'ics: a VEVENT lacks UID or DTSTAMP');
    assert(prop(e, 'SUMMARY')[0]?.value, 'ics: a VEVENT has no SUMMARY');
    const alarms = e.children.filter((c) => c.name === 'VALARM');
    assert(alarms.length === 1, `ics: ${alarms.length} VALARMs in an event`);
    assert(prop(alarms[0], 'TRIGGER')[0]?.value === '-P2D', 'ics: the alarm is not TRIGGER:-P2D');
    assert(prop(alarms[0], 'ACTION')[0]?.value === 'DISPLAY', 'ics: the alarm has no ACTION:DISPLAY');
  }
  got.sort();
  assert(JSON.stringify(got) === JSON.stringify(want), `ics: DTSTART ${got.join(',')} vs data-due ${want.join(',')}`);
  return events.length;
}

// ---- the suite ---------------------------------------------------------------------------------------
module.exports = async function links(t) {
  // 1. The contract's public examples.
  for (const ex of EXAMPLES) {
    await check(`example ${ex.name} (${ex.lang}): data-due equals the contract`, () => withLink(t, `lang=${ex.lang}&${ex.query}`, async (page) => {
      await finish(page, ex.answers);
      W.assertResult(await W.readResult(page), ex.expect);
      // The same result in the other languages: the dates do not move.
      for (const l of W.LANGS.filter((x) => x !== ex.lang)) {
        await page.click(`nav button[lang=${l}]`);
        await page.locator(`nav button[lang=${l}][aria-pressed=true]`).waitFor();
        await W.expectScreen(page, '#result', `the result after switching to ${l}`);
        W.assertResult(await W.readResult(page), ex.expect);
        assert(new URL(page.url()).searchParams.get('lang') === l, `the address keeps lang=${new URL(page.url()).searchParams.get('lang')}`);
      }
    }, { today: ex.query.match(/on=([\d-]+)/)[1] }));
  }

  // 2. A language switch in the middle keeps the answers, the place and the choice not yet sent.
  await check('language switch mid-flow keeps answers and place', () => withLink(t, 'lang=ru&citizenship=UZ&purpose=labour&ethnic_kazakh=false', async (page) => {
    await W.expectScreen(page, W.questionSel('works_for'), 'the works_for question');
    const ruTitle = await page.innerText('#q-title');
    await page.check('#opt-works_for-household');
    await page.click('nav button[lang=kk]');
    await page.locator('nav button[lang=kk][aria-pressed=true]').waitFor();
    await W.expectScreen(page, W.questionSel('works_for'), 'the same question in Kazakh');
    const kkTitle = await page.innerText('#q-title');
    assert(kkTitle !== ruTitle, `the title stayed "${ruTitle}"`);
    assert(await page.getAttribute('html', 'lang') === 'kk', '<html lang> is not kk');
    assert(await page.isChecked('#opt-works_for-household'), 'the choice made before the switch is lost');
    const q = new URL(page.url()).searchParams;
    assert(q.get('lang') === 'kk' && q.get('citizenship') === 'UZ' && q.get('purpose') === 'labour' && q.get('step') === 'works_for',
      `the address is ${page.url()}`);
    await page.click('#continue');
    await W.expectScreen(page, W.questionSel('entry_date'), 'entry_date after Continue');
    await W.assertFocus(page, 'q-title');
    await page.click('nav button[lang=en]');
    await W.expectScreen(page, W.questionSel('entry_date'), 'entry_date in English');
    assert((await page.innerText('#q-title')) === 'When did you arrive?', `English title is ${await page.innerText('#q-title')}`);
    await page.click('#back');
    await W.expectScreen(page, W.questionSel('works_for'), 'works_for after Back');
    await W.assertFilled(page, 'works_for', 'household');
    await page.click('#back');
    await W.expectScreen(page, W.questionSel('ethnic_kazakh'), 'ethnic_kazakh after Back');
    await W.assertFilled(page, 'ethnic_kazakh', 'false');
    await page.click('#back');
    await W.expectScreen(page, W.questionSel('purpose'), 'purpose after Back');
    await W.assertFilled(page, 'purpose', 'labour');
    assert(new URL(page.url()).searchParams.get('lang') === 'en', 'the language went back with the step');
  }));

  // 3. Deep links with good parameters open at the right step.
  const DEEP = [
    ['lang=en&citizenship=UZ', 'section[data-question="purpose"]', 'purpose (next unanswered)'],
    ['lang=kk&citizenship=UZ&purpose=labour&step=purpose', 'section[data-question="purpose"]', 'purpose (step=)', ['purpose', 'labour']],
    ['lang=ru&on=2026-11-22&citizenship=DE&purpose=visit&ethnic_kazakh=false&entry_date=2026-11-20&document=none&planned_exit=unknown',
      'section[data-question="previous_stays"]', 'previous_stays (unknown answers count as answered)'],
    ['lang=en&on=2026-11-22&citizenship=DE&purpose=visit&ethnic_kazakh=false&entry_date=2026-11-20&document=none&planned_exit=unknown&previous_stays=2026-06-01..2026-06-30&step=previous_stays',
      'section[data-question="previous_stays"]', 'previous_stays with a row filled', ['previous_stays', '2026-06-01..2026-06-30']],
    ['lang=ru&on=2026-11-22&citizenship=KZ&entry_date=2026-11-20&planned_exit=unknown&registered=unknown', '#result', 'the result (all answered)'],
    ['lang=kk&on=2026-11-22&citizenship=KZ&entry_date=2026-11-20&planned_exit=unknown&step=result', '#result', 'the result (step=result)'],
    ['lang=en&on=2026-11-22&citizenship=KZ&entry_date=2026-11-20&planned_exit=unknown&step=answers', '#answers-title', 'the answers (step=answers)'],
  ];
  for (const [query, sel, what, filled] of DEEP) {
    await check(`deep link ?${query.slice(0, 70)}${query.length > 70 ? '…' : ''} opens at ${what}`, () => withLink(t, query, async (page) => {
      await W.expectScreen(page, sel, what);
      if (await page.locator('#link-errors').count()) throw new Error(`link errors: ${await page.innerText('#link-errors')}`);
      const lang = new URLSearchParams(query).get('lang');
      assert(await page.getAttribute('html', 'lang') === lang, `<html lang> is not ${lang}`);
      if (filled) await W.assertFilled(page, ...filled);
    }));
  }
  await check('deep link at a question: the page\'s Back walks to the earlier question, then to the start', () => withLink(t, 'lang=en&citizenship=UZ&purpose=labour&ethnic_kazakh=false', async (page) => {
    await W.expectScreen(page, W.questionSel('works_for'), 'works_for');
    await page.click('#back');
    await W.expectScreen(page, W.questionSel('ethnic_kazakh'), 'ethnic_kazakh after Back');
    await page.click('#back');
    await W.expectScreen(page, W.questionSel('purpose'), 'purpose after Back');
    await W.assertFilled(page, 'purpose', 'labour');
    await page.click('#back');
    await W.expectScreen(page, W.questionSel('citizenship'), 'citizenship after Back');
    await W.assertFilled(page, 'citizenship', 'UZ');
    await page.click('#back');
    await W.expectScreen(page, '#start', 'the start screen');
  }));

  // 4. Bad parameters are named on the page and ignored; the page still works.
  const long = 'A'.repeat(5000);
  const BAD = [
    ['citizenship=XX', ['citizenship']],
    ['citizenship=UZ&entry_date=2026-02-30', ['entry_date']],
    ['citizenship=UZ&purpose=holiday', ['purpose']],
    // A name outside the contract is not echoed, only counted.
    ['citizenship=UZ&foo=bar', ['1 другая часть ссылки не учтена.']],
    [`citizenship=UZ&document=${long}`, ['document']],
    [`citizenship=XX&entry_date=2026-02-30&purpose=holiday&foo=bar&${'x'.repeat(5000)}=1`, ['citizenship', 'entry_date', 'purpose', '2 другие части ссылки не учтены.']],
  ];
  for (const [query, keys] of BAD) {
    await check(`bad link ?${query.slice(0, 60)}${query.length > 60 ? '…' : ''}: named in #link-errors, page works`, () => withLink(t, `lang=ru&${query}`, async (page) => {
      await W.expectScreen(page, '#link-errors', '#link-errors');
      const text = await page.innerText('#link-errors');
      for (const k of keys) assert(text.includes(k), `#link-errors does not name ${k.slice(0, 20)}: ${text.slice(0, 300)}`);
      assert(text.length < 2000, `#link-errors is ${text.length} characters long (the bad value is echoed whole)`);
      // With no good answer left the link opens at the start screen, which must still start.
      if (await page.locator('#start').count()) await page.click('#start');
      await W.expectScreen(page, 'section[data-question]', 'a question');
      const fact = await page.getAttribute('section[data-question]', 'data-question');
      const next = fact === 'citizenship' ? 'UZ' : 'visit';
      await W.answer(page, fact, next);
      await page.waitForFunction((f) => !document.querySelector(`section[data-question="${f}"]`), fact);
      await W.expectScreen(page, 'section[data-question]', 'the next question');
      await W.noHorizontalScroll(page, 360);
    }));
  }
  await check('bad link: axe-core passes with #link-errors shown', () => withLink(t, 'lang=kk&citizenship=XX&foo=bar', async (page) => {
    await W.expectScreen(page, '#link-errors', '#link-errors');
    await W.assertAxe(page, 'link errors');
    await W.shot(page, 'link-errors-kk');
  }));

  // 5. The .ics file, in each language.
  const FULL = 'on=2026-11-22&citizenship=CN&purpose=return_homeland&ethnic_kazakh=true&entry_date=2026-11-20'
    + '&document=kandas_certificate&kandas_status_granted=2026-03-01&planned_exit=unknown&address_changed=2026-11-20';
  for (const lang of W.LANGS) {
    await check(`.ics (${lang}): VCALENDAR, one VEVENT per step still ahead on its data-due, VALARM -P2D, CRLF, ≤ 75 octets`, () => withLink(t, `lang=${lang}&${FULL}`, async (page) => {
      await W.expectScreen(page, '#result', 'the result');
      const n = await checkIcs(page);
      assert(n >= 2, `only ${n} events`);
    }));
  }

  // 6. 320 px wide: no horizontal scrolling on the start screen, a question and the result.
  for (const lang of W.LANGS) {
    await check(`320 px (${lang}): no horizontal scroll on start, questions and result`, async () => {
      const extra = { viewport: { width: 320, height: 640 } };
      const p = await W.phone(t, { extra });
      try {
        await W.openStart(p.page, t.url, lang);
        await W.noHorizontalScroll(p.page, 320);
        await p.page.click('#start');
        await W.expectScreen(p.page, W.questionSel('citizenship'), 'the country question');
        await W.noHorizontalScroll(p.page, 320);
        for (const [query, sel] of [
          ['citizenship=UZ&purpose=labour&ethnic_kazakh=false', W.questionSel('works_for')],
          ['citizenship=DE&purpose=visit&ethnic_kazakh=false&entry_date=2026-11-20&document=none&planned_exit=unknown', W.questionSel('previous_stays')],
          [FULL, '#result'],
        ]) {
          await p.page.goto(`${t.url}?lang=${lang}&${query}`);
          await W.expectScreen(p.page, sel, sel);
          if (sel.includes('previous_stays')) await p.page.click('#add-stay');
          await W.noHorizontalScroll(p.page, 320);
        }
        assertNoErrors(p.errors);
      } finally {
        await p.close();
      }
    });
  }

  // 6b. 200 % zoom on a 360 px phone (180 CSS px): no horizontal scroll, and the language buttons keep whole words.
  await check('200 % zoom (180 px, kk): result without horizontal scroll, language names unbroken', async () => {
    const p = await W.phone(t, { extra: { viewport: { width: 180, height: 370 } } });
    try {
      await p.page.goto(`${t.url}?lang=kk&${FULL}`);
      await W.expectScreen(p.page, '#result', 'the result');
      await W.noHorizontalScroll(p.page, 180);
      const heights = await p.page.$$eval('nav button[lang]', (bs) => bs.map((b) => [b.textContent, b.getBoundingClientRect().height]));
      const one = heights[0][1];
      assert(heights.every(([, h]) => Math.abs(h - one) < 2), `language buttons wrap inside a word: ${JSON.stringify(heights)}`);
      assertNoErrors(p.errors);
    } finally {
      await p.close();
    }
  });

  // 7. Country search by name in each language, by alias and by code.
  await check('country search: by name in kk, ru, en, by alias and by code', () => withLink(t, 'lang=en&step=citizenship', async (page) => {
    await W.expectScreen(page, W.questionSel('citizenship'), 'the country question');
    for (const [typed, code] of [['Қытай', 'CN'], ['Китай', 'CN'], ['china', 'CN'], ['Deutschland', 'DE'], ['uz', 'UZ'], ['Германия', 'DE']]) {
      await page.fill('#country-search', typed);
      await page.locator(`#opt-citizenship-${code}`).waitFor().catch(() => {
        throw new Error(`typing "${typed}" does not offer ${code}`);
      });
    }
    await page.fill('#country-search', 'zzzz');
    await page.locator('#opt-citizenship-stateless').waitFor();
    await page.fill('#country-search', '');
    assert(await page.locator('#opt-citizenship-UZ').count() === 1, 'Uzbekistan is not among the common countries');
  }));

  // 8. Changing an answer from the answers list drops what it made irrelevant.
  await check('change purpose from the answers list: works_for is dropped, the new path is asked', () => withLink(t,
    'lang=ru&on=2026-11-22&citizenship=UZ&purpose=labour&ethnic_kazakh=false&works_for=household&entry_date=2026-11-20&document=visa&document_valid_until=unknown&planned_exit=unknown&address_changed=unknown&host_notified=unknown&registered=unknown&step=answers',
    async (page) => {
      await W.expectScreen(page, '#answers-title', 'the answers');
      assert(await page.locator('li[data-answer="works_for"]').count() === 1, 'works_for is not listed');
      await page.click('li[data-answer="purpose"] button');
      await W.expectScreen(page, W.questionSel('purpose'), 'the purpose question');
      await W.assertFilled(page, 'purpose', 'labour');
      await W.assertFocus(page, 'q-title');
      await W.answer(page, 'purpose', 'visit');
      await page.waitForFunction(() => !document.querySelector('section[data-question="purpose"]'));
      assert(!new URL(page.url()).searchParams.has('works_for'), `works_for still in the address: ${page.url()}`);
      await finish(page, { previous_stays: '' });
      const r = await W.readResult(page);
      assert(r.type === 'none', `type ${r.type} after changing to a visit`);
      await page.click('#show-answers');
      await W.expectScreen(page, '#answers-title', 'the answers');
      assert(await page.locator('li[data-answer="works_for"]').count() === 0, 'works_for is still listed');
      await page.click('#restart');
      await W.expectScreen(page, '#start', 'the start screen after Start again');
      const q = new URL(page.url()).searchParams;
      assert(!q.has('citizenship') && !q.has('purpose'), `answers left in the address after Start again: ${page.url()}`);
    }));

  // 9. Dates: a missing date and an exit before the entry are explained under the question.
  await check('date question: missing date and exit before entry give a message, focus stays usable', () => withLink(t,
    'lang=en&on=2026-11-22&citizenship=UZ&purpose=family&step=entry_date', async (page) => {
      await W.expectScreen(page, W.questionSel('entry_date'), 'entry_date');
      await page.click('#continue');
      await W.expectScreen(page, '#q-error', 'an error message for a missing date');
      assert((await page.getAttribute('#q-date-day', 'aria-describedby')).includes('q-error'), 'the date fields are not described by the error');
      await W.assertAxe(page, 'date error');
      await W.answer(page, 'entry_date', '2026-11-20');
      await W.expectScreen(page, W.questionSel('document'), 'document');
      await W.answer(page, 'document', 'visa');
      await W.expectScreen(page, W.questionSel('document_valid_until'), 'document_valid_until');
      await W.answer(page, 'document_valid_until', 'unknown');
      await W.expectScreen(page, W.questionSel('planned_exit'), 'planned_exit');
      await W.answer(page, 'planned_exit', '2026-11-01');
      await W.expectScreen(page, '#q-error', 'an error for an exit before the entry');
    }));

  // 10. Keyboard only: Start, search a country, choose with the arrow keys, send with Enter.
  await check('keyboard only: start, country search, radio choice with arrows, Enter to continue', () => withLink(t, 'lang=en&on=2026-11-22', async (page) => {
    const tabTo = async (sel) => {
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), sel)) return;
      }
      throw new Error(`Tab never reached ${sel}`);
    };
    await W.expectScreen(page, '#start', 'the start screen');
    await tabTo('#start');
    await page.keyboard.press('Enter');
    await W.expectScreen(page, W.questionSel('citizenship'), 'the country question');
    await W.assertFocus(page, 'q-title');
    await tabTo('#country-search');
    await page.keyboard.type('Uzbek');
    await page.locator('#opt-citizenship-UZ').waitFor();
    await tabTo('#opt-citizenship-UZ');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await W.expectScreen(page, W.questionSel('purpose'), 'the purpose question');
    await W.assertFocus(page, 'q-title');
    await tabTo('input[name=purpose]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await W.expectScreen(page, W.questionSel('ethnic_kazakh'), 'the ethnic_kazakh question');
    await W.assertFocus(page, 'q-title');
    await tabTo('input[name=ethnic_kazakh]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await W.expectScreen(page, W.questionSel('entry_date'), 'the entry_date question');
    const q = new URL(page.url()).searchParams;
    assert(q.get('citizenship') === 'UZ' && q.get('purpose') === 'family', `the address is ${page.url()}`);
  }));

  // 11. Remember on this device only when asked; forget clears it; no cookies.
  await check('remember / forget: saved only on request, reopened from the device, forgotten', async () => {
    const p = await W.phone(t);
    try {
      const { page, context } = p;
      await page.goto(`${t.url}?lang=en&on=2026-11-22&citizenship=KZ&entry_date=2026-11-20&planned_exit=unknown&registered=unknown`);
      await W.expectScreen(page, '#result', 'the result');
      assert(await page.evaluate(() => localStorage.length) === 0, 'something was stored before "remember"');
      await page.click('#remember');
      await page.locator('#forget').waitFor();
      assert(await page.evaluate(() => localStorage.length) === 1, 'nothing stored after "remember"');
      await page.goto(t.url);
      await W.expectScreen(page, '#result', 'the remembered result on a plain visit');
      await page.click('#forget');
      await page.locator('#remember').waitFor();
      assert(await page.evaluate(() => localStorage.length) === 0, 'still stored after "forget"');
      assert((await context.cookies()).length === 0, 'cookies were set');
      assertNoErrors(p.errors);
    } finally {
      await p.close();
    }
  });
};

module.exports.EXAMPLES = EXAMPLES;
