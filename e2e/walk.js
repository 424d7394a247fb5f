'use strict';
// Helpers for the wizard's end-to-end tests (wizard.test.js, links.test.js): what the rule set asks,
// a phone page with a fixed clock, answering one question the way a person does, reading the result.

const fs = require('node:fs');
const path = require('node:path');
const { ROOT, OUT, WAIT_MS, assert, openPage, axe, formatViolations, screenshot, languages } = require('./lib');

/** The languages the shipped build speaks (rules/languages.toml, without the pseudo-locales). */
const LANGS = languages().map((l) => l.code);
/** "Today" on the phone: the contract's examples are made as of this day. */
const TODAY = '2026-11-22';

// ---- the rule set, read from its TOML with small regexes (no TOML parser in node) -----------------
function blocks(file, header) {
  const text = fs.readFileSync(path.join(ROOT, 'rules', file), 'utf8');
  return text.split(new RegExp(`^\\[\\[${header}\\]\\]\\s*$`, 'm')).slice(1);
}

let info = null;
/** { questions: [{fact, kind, options:[...]}], kinds: {fact: kind}, types: [...], deadlines: [...] } */
function rulesInfo() {
  if (info) return info;
  const questions = blocks('questions.toml', 'question').map((b) => ({
    fact: b.match(/^fact = "(\w+)"/m)[1],
    kind: b.match(/^kind = "(\w+)"/m)[1],
    mayNotKnow: /^may_not_know = true/m.test(b),
    options: [...b.matchAll(/\{ value = "(\w+)"/g)].map((m) => m[1]),
  }));
  const ids = (file, header) => [...new Set(blocks(file, header).map((b) => b.match(/^id = "(\w+)"/m)[1]))];
  info = {
    questions,
    kinds: Object.fromEntries(questions.map((q) => [q.fact, q.kind])),
    types: ids('immigration_types.toml', 'immigration_type'),
    deadlines: ids('deadlines.toml', 'deadline'),
  };
  return info;
}

// ---- pages -------------------------------------------------------------------------------------------
/** A phone page (or other profile) whose clock reads TODAY in Almaty, so results are reproducible. */
async function phone(t, { profile = 'phone', today = TODAY, extra = {} } = {}) {
  const p = await openPage(t.browser, profile, { timezoneId: 'Asia/Almaty', reducedMotion: 'reduce', ...extra });
  await p.page.clock.setFixedTime(new Date(`${today}T10:00:00+05:00`));
  return p;
}

/** Waits until the wasm app is mounted. */
async function started(page) {
  await page.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
}

/** What the page shows now, in words, for error messages. */
async function where(page) {
  return page.evaluate(() => {
    const q = document.querySelector('section[data-question]');
    const r = document.getElementById('result');
    const err = document.getElementById('q-error');
    const le = document.getElementById('link-errors');
    let s = q ? `question ${q.dataset.question}` : r ? 'result' : document.getElementById('start') ? 'start'
      : document.getElementById('answers-title') ? 'answers' : `something else: ${document.body.innerText.slice(0, 200)}`;
    if (err) s += ` (error: ${err.innerText})`;
    if (le) s += ` (link errors: ${le.innerText})`;
    return `${s} at ${location.search}`;
  });
}

/** Waits for a selector; on timeout the error says what is shown instead. */
async function expectScreen(page, selector, what, timeout = WAIT_MS) {
  try {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout });
  } catch (e) {
    throw new Error(`expected ${what}, but the page shows ${await where(page)}`);
  }
}

const questionSel = (fact) => `section[data-question="${fact}"]`;

/** Opens the start screen and switches to `lang` with the header's buttons. */
async function openStart(page, url, lang) {
  await page.goto(url);
  await started(page);
  await expectScreen(page, '#start', 'the start screen');
  await page.click(`nav button[lang=${lang}]`);
  await page.locator(`nav button[lang=${lang}][aria-pressed=true]`).waitFor();
  const htmlLang = await page.getAttribute('html', 'lang');
  assert(htmlLang === lang, `<html lang> is ${htmlLang} after choosing ${lang}`);
}

/** Answers the question on screen; `value` 'unknown' presses "I don't know" where the question offers it
 * (`document=unknown` is an answer of its own). */
async function answer(page, fact, value, kind = rulesInfo().kinds[fact]) {
  const q = rulesInfo().questions.find((x) => x.fact === fact);
  if (value === 'unknown' && (!q || q.mayNotKnow)) {
    await page.click('#dont-know');
    return;
  }
  switch (kind) {
    case 'country':
      if (value !== 'stateless') await page.fill('#country-search', value);
      await page.check(`#opt-citizenship-${value}`);
      break;
    case 'choice':
    case 'yes_no':
      await page.check(`#opt-${fact}-${value}`);
      break;
    case 'date':
      await fillDate(page, 'q-date', value);
      break;
    case 'stays': {
      const pairs = value ? value.split(',').map((p) => p.split('..')) : [];
      for (const [i, [a, b]] of pairs.entries()) {
        await page.click('#add-stay');
        await fillDate(page, `stay-${i}-entry`, a);
        await fillDate(page, `stay-${i}-exit`, b);
      }
      break;
    }
    default:
      throw new Error(`no way to answer a ${kind} question (${fact})`);
  }
  await page.click('#continue');
}

/** Types a date (YYYY-MM-DD, or '' for none) into the day, month and year fields `#PREFIX-day` …, as a
 * person does: without leading zeros. */
async function fillDate(page, prefix, value) {
  const [y, m, d] = value ? value.split('-').map((x) => String(Number(x))) : ['', '', ''];
  await page.fill(`#${prefix}-day`, d);
  await page.fill(`#${prefix}-month`, m);
  await page.fill(`#${prefix}-year`, y);
}

/** The date the three fields `#PREFIX-day` … show, as YYYY-MM-DD ('' when all are empty). */
async function readDate(page, prefix) {
  const [d, m, y] = await Promise.all(['day', 'month', 'year'].map((p) => page.inputValue(`#${prefix}-${p}`)));
  if (!d && !m && !y) return '';
  return `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Throws unless the question on screen shows `value` filled in. */
async function assertFilled(page, fact, value, kind = rulesInfo().kinds[fact]) {
  if (value === 'unknown') {
    if (kind === 'date') {
      const v = await readDate(page, 'q-date');
      assert(v === '', `${fact} was answered "I don't know" but the date box shows ${v}`);
    }
    return;
  }
  switch (kind) {
    case 'country':
    case 'choice':
    case 'yes_no': {
      const id = kind === 'country' ? `#opt-citizenship-${value}` : `#opt-${fact}-${value}`;
      const box = page.locator(id);
      assert(await box.count() === 1, `${fact}: the answer ${value} is not among the options shown`);
      assert(await box.isChecked(), `${fact}: the answer ${value} is not checked`);
      break;
    }
    case 'date': {
      const v = await readDate(page, 'q-date');
      assert(v === value, `${fact}: the date box shows "${v}", expected ${value}`);
      break;
    }
    case 'stays': {
      const pairs = value ? value.split(',').map((p) => p.split('..')) : [];
      const rows = await page.locator('input[id^="stay-"][id$="-entry-day"]').count();
      assert(rows === pairs.length, `${fact}: ${rows} rows shown, expected ${pairs.length}`);
      for (const [i, [a, b]] of pairs.entries()) {
        const [va, vb] = [await readDate(page, `stay-${i}-entry`), await readDate(page, `stay-${i}-exit`)];
        assert(va === a && vb === b, `${fact}: row ${i + 1} shows ${va}..${vb}, expected ${a}..${b}`);
      }
      break;
    }
    default:
  }
}

/** Resolves when the focus is on the element with this id; throws with the focused element otherwise. */
async function assertFocus(page, id, timeout = WAIT_MS) {
  try {
    await page.waitForFunction((x) => document.activeElement && document.activeElement.id === x, id, { timeout });
  } catch (e) {
    const got = await page.evaluate(() => {
      const a = document.activeElement;
      return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}` : 'nothing';
    });
    throw new Error(`focus is on ${got}, expected #${id}`);
  }
}

/** The result as the page states it: { type, deadlines: {id: due}, rights: [...] }. */
async function readResult(page) {
  return page.evaluate(() => {
    const r = document.getElementById('result');
    const deadlines = {};
    for (const li of r.querySelectorAll('li[data-deadline-id]')) deadlines[li.dataset.deadlineId] = li.dataset.due;
    return {
      type: r.dataset.immigrationType,
      deadlines,
      rights: [...r.querySelectorAll('[data-right-id]')].map((x) => x.dataset.rightId),
    };
  });
}

/** Throws unless the result has this type and exactly these deadlines ({id: due} or [id, ...]). */
function assertResult(got, expect) {
  assert(got.type === expect.type, `data-immigration-type is ${got.type}, expected ${expect.type}`);
  const want = Array.isArray(expect.deadlines)
    ? Object.fromEntries(expect.deadlines.map((d) => [d, null])) : expect.deadlines;
  const problems = [];
  for (const [id, due] of Object.entries(want)) {
    if (!(id in got.deadlines)) problems.push(`missing ${id}`);
    else if (due && got.deadlines[id] !== due) problems.push(`${id} due ${got.deadlines[id]}, expected ${due}`);
  }
  if (expect.exact !== false) {
    for (const id of Object.keys(got.deadlines)) if (!(id in want)) problems.push(`unexpected ${id} (${got.deadlines[id]})`);
  }
  for (const id of expect.rights || []) if (!got.rights.includes(id)) problems.push(`right ${id} missing`);
  assert(problems.length === 0, `deadlines: ${problems.join('; ')} (page: ${JSON.stringify(got.deadlines)})`);
}

async function assertAxe(page, what) {
  const res = await axe(page);
  assert(res.violations.length === 0,
    `${what}: ${res.violations.length} axe violation(s):\n${formatViolations(res.violations)}`);
}

/** Screenshot of the whole page to target/e2e/screens/NAME.png. */
async function shot(page, name) {
  fs.mkdirSync(path.join(OUT, 'screens'), { recursive: true });
  return screenshot(page, `screens/${name}`);
}

async function noHorizontalScroll(page, width) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  if (sw > width) {
    const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).split(' ')[0] : ''} (right ${Math.round(e.getBoundingClientRect().right)})`), width);
    throw new Error(`scrollWidth ${sw} > ${width}: ${wide.join(', ')}`);
  }
}

/**
 * Throws when a word of the visible text under `selector` is split over two lines (a break inside a word, as
 * `overflow-wrap: anywhere` makes when the box is too narrow). Web addresses may break.
 */
async function noBrokenWords(page, selector = 'body') {
  const broken = await page.evaluate((sel) => {
    const out = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !el.checkVisibility() || el.closest('a, .cite')) continue;
        for (const m of n.textContent.matchAll(/[^\s\u00a0\u202f\-\u2010-\u2014/]+/g)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
          if (tops.size > 1) out.push(`"${m[0]}" in ${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`);
        }
      }
    }
    return out;
  }, selector);
  assert(broken.length === 0, `words broken over two lines: ${broken.slice(0, 10).join(', ')}`);
}

module.exports = {
  LANGS, TODAY, rulesInfo, phone, started, where, expectScreen, questionSel, openStart, answer, assertFilled,
  assertFocus, readResult, assertResult, assertAxe, shot, noHorizontalScroll, noBrokenWords, fillDate, readDate,
};
