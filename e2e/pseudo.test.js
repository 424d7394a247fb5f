'use strict';
// A fourth language is data: the pseudo-locale of rules/languages.toml (`pseudo_of`, en-XA: every text made
// from English by build.rs, accented, longer, inside ⟦ ⟧) walked through every screen on a 320 px phone.
// It needs the test build `QADAM_FEATURES=pseudo-locale scripts/build.sh` (dist-pseudo/, or
// QADAM_PSEUDO_DIST), served by a second Caddy; scripts/test.sh makes it before the e2e step.
//
// Walked: the start screen (and its language switch), every question of rules/questions.toml (several paths
// by tapping, answers chosen per question so "none of these", "I'm not sure" and "I don't know" are taken
// too), the date field's errors and its "are you sure?", the country search finding nothing, the trip editor's
// error, the results of the contract's examples and the plan's situations by deep link, the answers screen,
// Remember and Forget, and a broken link. On every screen:
//   (a) no untranslated text: every visible word with two Latin letters or more carries the pseudo-locale's
//       marks, but for the allow-list below;
//   (b) no copy id shown instead of words (`start_button`);
//   (c) no horizontal overflow: the page does not scroll sideways, no element ends right of the viewport, and
//       no element cuts its text off sideways (overflow-x other than visible with content wider than the box);
//   (d) axe-core finds nothing.
// And the shipped build (dist/) holds no trace of the pseudo-locale, in any file, compressed or not.

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const {
  ROOT, OUT, WAIT_MS, check, assert, assertNoErrors, assertSameOrigin, startServer, languages, axe, formatViolations,
} = require('./lib');
const W = require('./walk');
const PLAN = require('./plan.test');

const WIDTH = 320;
const PSEUDO = languages({ pseudo: true }).filter((l) => l.pseudoOf);
const DIST = path.resolve(ROOT, process.env.QADAM_DIST || 'dist');
const PSEUDO_DIST = path.resolve(ROOT, process.env.QADAM_PSEUDO_DIST || 'dist-pseudo');

// Words that stay as they are in every language, each for a reason:
//   Qadam       the brand;
//   the language switch's names, each in its own language (the switch's buttons carry their lang=);
//   web and e-mail addresses, phone numbers, and codes: ISO dates, the law's number 477-IV (a Roman IV),
//   document codes in capitals such as RVP and the country codes of the answers list.
const ALLOW_WORDS = new Set(['Qadam']);
const ALLOW_TOKEN = [
  /^(https?:\/\/|www\.)/i, // a web address
  /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i, // an e-mail address
  /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u, // a host name with a path: egov.kz, help.unhcr.org/centralasia
  /^\p{N}+-[IVXLC]+$/u, // a law's number: 477-IV
  /^[A-Z]{2,4}$/, // a code in capitals: RVP, KZ, ЕСУТД's Latin kin
];

/** The screen's texts and boxes, measured in the page: what (a), (b) and (c) judge. */
async function survey(page) {
  return page.evaluate((width) => {
    // Closed <details> hide text a person can open: opened, so their words are judged too.
    for (const d of document.querySelectorAll('details')) d.open = true;
    const describe = (el) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += `#${el.id}`;
      else if (el.classList.length) s += `.${[...el.classList].join('.')}`;
      const parent = el.parentElement && el.parentElement.closest('[id]');
      return parent && parent !== el ? `#${parent.id} ${s}` : s;
    };
    const doc = document.scrollingElement;
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el || el.closest('script, style, noscript, template')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      const own = el.closest('[lang]');
      texts.push({ text: n.textContent, where: describe(el), lang: own ? own.getAttribute('lang') : '' });
    }
    // Words read aloud or shown outside the text: the page's title, labels and placeholders.
    texts.push({ text: document.title, where: '<title>', lang: document.documentElement.lang });
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!el.checkVisibility()) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        const own = el.closest('[lang]');
        if (v && v.trim()) texts.push({ text: v, where: `${describe(el)}[${a}]`, lang: own ? own.getAttribute('lang') : '' });
      }
    }
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) continue; // .visually-hidden text: read aloud, never laid out
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      if (r.right > width + 0.5) wide.push(`${describe(el)} ends at ${Math.round(r.right)} px: "${(el.innerText || el.value || '').trim().slice(0, 60)}"`);
      // Text cut off inside its own box (overflow hidden or scrolled) does not widen the page, but is lost.
      const cs = getComputedStyle(el);
      if (cs.overflowX !== 'visible' && el !== doc && el !== document.body && el.scrollWidth > el.clientWidth + 1) {
        wide.push(`${describe(el)} clips its content (${el.scrollWidth} px in ${el.clientWidth} px, overflow-x: ${cs.overflowX}): "${(el.innerText || '').trim().slice(0, 60)}"`);
      }
    }
    return {
      texts, wide, scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, lang: document.documentElement.lang,
    };
  }, WIDTH);
}

// The link's own keys (the contract's fact keys, lang, step, on): a broken link's message names the key as it
// stands in the link, the same in every language (e2e/privacy.test.js), so there they are not copy ids.
const LINK_KEYS = new Set(['lang', 'step', 'on', ...W.rulesInfo().questions.map((q) => q.fact)]);

/**
 * The words of `text` that are not in the pseudo-locale and not allowed. Outside ⟦ ⟧, a word with two Latin
 * letters or more and none accented is untranslated. Inside, the text went through the pseudo-locale, which
 * doubles and accents every vowel: a plain vowel there is English that came in through a slot (a few
 * consonants it leaves as they are, so MM of a date mask is not a finding).
 */
function untranslated(text, linkKeys = false) {
  const bad = [];
  let depth = 0;
  for (const token of text.split(/(\s+|⟦|⟧)/)) {
    if (token === '⟦') { depth++; continue; }
    if (token === '⟧') { depth = Math.max(0, depth - 1); continue; }
    if (!token.trim()) continue;
    const bare = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}/]+$/gu, '');
    if (ALLOW_TOKEN.some((re) => re.test(bare)) || (linkKeys && LINK_KEYS.has(bare))) continue;
    for (const word of token.match(/\p{L}+/gu) || []) {
      const latin = (word.match(/[A-Za-z]/g) || []).length;
      if (latin < 2 || ALLOW_WORDS.has(word) || /[^\x00-\x7f]/.test(word)) continue;
      if (depth && !/[aeiou]/i.test(word)) continue;
      bad.push(depth ? `${word} (inside ⟦ ⟧)` : word);
    }
  }
  return bad;
}

/** The four checks of one screen: what they found, as one message, or null. */
async function judge(page, code, names, label, stats, kind = label) {
  const s = await survey(page);
  const problems = [];
  if (s.lang !== code) problems.push(`<html lang="${s.lang}">, expected ${code}`);
  const words = [];
  const ids = [];
  for (const t of s.texts) {
    // The language switch names each language in itself: those buttons are the one place of other languages.
    if (t.lang && t.lang !== code && names.has(t.text.trim())) continue;
    const inLinkErrors = t.where.startsWith('#link-errors');
    for (const w of untranslated(t.text, inLinkErrors)) words.push(`"${w}" in ${t.where} ("${t.text.trim().slice(0, 80)}")`);
    for (const m of t.text.matchAll(/\b[a-z]+_[a-z0-9_]+\b/g)) {
      if (!(inLinkErrors && LINK_KEYS.has(m[0]))) ids.push(`${m[0]} in ${t.where}`);
    }
  }
  if (words.length) problems.push(`(a) ${words.length} untranslated word(s):\n  ${words.slice(0, 15).join('\n  ')}`);
  if (ids.length) problems.push(`(b) copy id(s) shown: ${ids.slice(0, 10).join(', ')}`);
  if (s.scrollWidth > s.clientWidth) problems.push(`(c) the page scrolls sideways: scrollWidth ${s.scrollWidth} > clientWidth ${s.clientWidth}`);
  if (s.wide.length) problems.push(`(c) ${s.wide.length} element(s) beyond the right edge (${WIDTH} px) or clipping their text:\n  ${s.wide.slice(0, 10).join('\n  ')}`);
  const res = await axe(page);
  if (res.violations.length) problems.push(`(d) ${res.violations.length} axe violation(s):\n${formatViolations(res.violations)}`);
  // One picture of each kind of screen: target/e2e/pseudo/.
  kind = kind.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  if (!stats.shots.has(kind)) {
    stats.shots.add(kind);
    fs.mkdirSync(path.join(OUT, 'pseudo'), { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'pseudo', `${kind}.png`), fullPage: true, timeout: WAIT_MS });
  }
  stats.screens++;
  stats.texts += s.texts.length;
  return problems.length ? `${label}:\n${problems.join('\n')}` : null;
}

/** A check's screens: judge() each, keep going after a finding, and throw with all of them at the end. */
function screens(judgeOne) {
  const found = [];
  return {
    screen: async (page, label) => {
      const f = await judgeOne(page, label);
      if (f) found.push(f);
    },
    done: () => assert(found.length === 0, `${found.length} screen(s) with findings:\n${found.join('\n')}`),
  };
}

/** What is on screen, as a short name: "question entry_date", "result", ... */
async function screenName(page) {
  return page.evaluate(() => {
    const q = document.querySelector('section[data-question]');
    if (q) return `question ${q.dataset.question}`;
    if (document.getElementById('result')) return 'result';
    if (document.getElementById('answers-title')) return 'answers';
    if (document.getElementById('start')) return 'start';
    return 'other';
  });
}

// Paths by tapping: together they ask every question of rules/questions.toml (the walk reports any it did not
// see). Per question the answer to give; a question not listed is answered "I don't know", or from DEFAULTS.
const PATHS = [
  {
    name: 'visitor (DE, visa-free, one earlier trip), with the date errors',
    // previous_stays: the one trip is typed backwards first, then put right (see the errors below).
    answers: { citizenship: 'DE', purpose: 'visit', ethnic_kazakh: 'false', entry_date: '2026-11-20', document: 'none',
      planned_exit: '2026-12-10', previous_stays: '', host_notified: 'unknown' },
    errors: true,
  },
  {
    name: 'worker without a known basis (UZ, "none of these", "I\'m not sure" of the document)',
    answers: { citizenship: 'UZ', purpose: 'labour', ethnic_kazakh: 'false', works_for: 'none', entry_date: '2026-11-02',
      document: 'unknown', planned_exit: 'unknown', previous_stays: '', address_changed: 'unknown', host_notified: 'true', registered: 'false' },
  },
  {
    name: 'ethnic Kazakh returning (CN, kandas certificate)',
    answers: { citizenship: 'CN', purpose: 'return_homeland', ethnic_kazakh: 'true', entry_date: '2026-02-10',
      document: 'kandas_certificate', kandas_status_granted: '2026-03-01', planned_exit: 'unknown', address_changed: '2026-11-20' },
  },
  {
    name: 'household worker with a visa (TJ)',
    answers: { citizenship: 'TJ', purpose: 'labour', ethnic_kazakh: 'false', works_for: 'household', entry_date: '2026-11-20',
      document: 'visa', document_valid_until: '2027-06-30', planned_exit: 'unknown', address_changed: 'unknown',
      host_notified: 'unknown', registered: 'unknown' },
  },
];

const DEFAULTS = { citizenship: 'UZ', purpose: 'visit', ethnic_kazakh: 'false', works_for: 'none', entry_date: '2026-11-20', document: 'none' };

// Results by deep link: the contract's examples 1–5 (shared/spec/assess.md; 6–8 are among the plan's
// situations), then every situation of e2e/plan.test.js. Questions a link leaves open are answered on the way.
const EXAMPLES = [
  ['contract example 1', '2026-11-22', 'citizenship=DE&purpose=visit&entry_date=2026-11-20&document=none'],
  ['contract example 2', '2026-12-15', 'citizenship=DE&purpose=visit&entry_date=2026-12-15&document=none'],
  ['contract example 3', '2026-11-22', 'citizenship=KZ&entry_date=2026-11-20'],
  ['contract example 4', '2026-11-22', 'citizenship=CN&ethnic_kazakh=true&purpose=return_homeland&kandas_status_granted=2026-03-01&entry_date=2026-02-10&document=kandas_certificate'],
  ['contract example 5', '2026-11-22', 'citizenship=UZ&purpose=family&entry_date=2026-06-01&document=temporary_residence_permit&address_changed=2026-11-20'],
  ...PLAN.SITUATIONS.map((s) => [`plan: ${s.name}`, s.today,
    s.answers.filter(([, v]) => v !== 'unknown' && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')]),
];

/** The shipped build's files, each with its bytes (a .br or .gz sibling decompressed). */
function* builtFiles(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { yield* builtFiles(p); continue; }
    let bytes = fs.readFileSync(p);
    if (e.name.endsWith('.br')) bytes = zlib.brotliDecompressSync(bytes);
    else if (e.name.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
    yield [path.relative(dir, p), bytes];
  }
}

/** Where the pseudo-locale's traces (its code, its name, the ⟦ mark) occur in a build: ["file: trace", ...]. */
function traces(dir) {
  const needles = [...PSEUDO.flatMap((l) => [l.code, l.name]), '⟦'].map((s) => [s, Buffer.from(s, 'utf8')]);
  const found = [];
  for (const [file, bytes] of builtFiles(dir)) {
    for (const [s, b] of needles) if (bytes.includes(b)) found.push(`${file}: ${s}`);
  }
  return found;
}

/** The newest source the pseudo build is made from (rules, code, static files, the build script). */
function newestSource() {
  let newest = { file: null, mtime: 0 };
  const visit = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) { for (const n of fs.readdirSync(p)) visit(path.join(p, n)); return; }
    if (st.mtimeMs > newest.mtime) newest = { file: path.relative(ROOT, p), mtime: st.mtimeMs };
  };
  for (const p of ['src', 'rules', 'static', 'index.html', 'build.rs', 'Cargo.toml', 'scripts/build.sh']) {
    if (fs.existsSync(path.join(ROOT, p))) visit(path.join(ROOT, p));
  }
  return newest;
}

module.exports = async function pseudo(t) {
  await check(`pseudo-locale: rules/languages.toml has one (${PSEUDO.map((l) => `${l.code} of ${l.pseudoOf}`).join(', ')})`, async () => {
    assert(PSEUDO.length > 0, 'no language with pseudo_of in rules/languages.toml: nothing proves a fourth language works');
  });
  if (!PSEUDO.length) return;

  // ---- the shipped build holds none of it ----------------------------------------------------------------
  await check('pseudo-locale: the shipped dist/ has no trace of it (code, name, ⟦) in any file, .br and .gz decompressed', async () => {
    const build = JSON.parse(fs.readFileSync(path.join(DIST, 'build.json'), 'utf8'));
    assert(Array.isArray(build.languages), 'dist/build.json lists no languages (built by an older scripts/build.sh?)');
    const shipped = languages().map((l) => l.code);
    assert(JSON.stringify(build.languages) === JSON.stringify(shipped), `dist/ speaks ${build.languages.join(', ')}, expected ${shipped.join(', ')}`);
    const found = traces(DIST);
    assert(found.length === 0, `the pseudo-locale reached the shipped build:\n${found.slice(0, 20).join('\n')}`);
  });

  if (process.env.QADAM_URL && !process.env.QADAM_PSEUDO_URL) {
    console.log('  skip pseudo-locale walk: QADAM_URL is set; QADAM_PSEUDO_URL names a served pseudo build');
    return;
  }
  const ready = await check(`pseudo-locale: ${path.relative(ROOT, PSEUDO_DIST)}/ is a pseudo build of the current sources`, async () => {
    const file = path.join(PSEUDO_DIST, 'build.json');
    assert(fs.existsSync(file), `${file} is missing: run QADAM_FEATURES=pseudo-locale scripts/build.sh (scripts/test.sh does)`);
    const build = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const l of PSEUDO) assert((build.languages || []).includes(l.code), `${path.relative(ROOT, PSEUDO_DIST)}/ does not speak ${l.code} (languages: ${build.languages})`);
    const src = newestSource();
    assert(fs.statSync(file).mtimeMs >= src.mtime, `${path.relative(ROOT, PSEUDO_DIST)}/ is older than ${src.file}: run QADAM_FEATURES=pseudo-locale scripts/build.sh`);
    // The scan of dist/ above would find these traces: here they must be.
    assert(traces(PSEUDO_DIST).length > 0, 'no trace of the pseudo-locale in its own build: the scan of dist/ proves nothing');
  });
  if (!ready) return;

  const server = process.env.QADAM_PSEUDO_URL
    ? { url: new URL(process.env.QADAM_PSEUDO_URL).href, origin: new URL(process.env.QADAM_PSEUDO_URL).origin, stop: async () => {} }
    : await startServer({ dir: PSEUDO_DIST });
  const site = { browser: t.browser, url: server.url, origin: server.origin };
  const stats = { screens: 0, texts: 0, seen: new Set(), shots: new Set() };
  const T0 = Date.now();
  try {
    for (const lang of PSEUDO) {
      const code = lang.code;
      const names = new Set(languages({ pseudo: true }).map((l) => l.name));
      const judgeOne = (page, label) => judge(page, code, names, `${label} (${code}, ${WIDTH} px)`, stats, label.replace(/^.*?: /, ''));
      const phone = (today) => W.phone(site, { today, extra: { viewport: { width: WIDTH, height: 640 } } });

      // Answers whatever the screen asks until the result, judging every screen on the way.
      const drive = async (page, screen, answers, label, onQuestion = async () => {}) => {
        for (let steps = 0; steps < 40; steps++) {
          await W.expectScreen(page, 'section[data-question], #result', 'a question or the result');
          const name = await screenName(page);
          if (name === 'result') return;
          const fact = name.replace('question ', '');
          stats.seen.add(fact);
          await screen(page, `${label}: ${name}`);
          await onQuestion(page, fact);
          const q = W.rulesInfo().questions.find((x) => x.fact === fact);
          let value = answers[fact];
          if (value === undefined) value = q && q.mayNotKnow ? 'unknown' : DEFAULTS[fact];
          assert(value !== undefined, `${label}: no answer for the question ${fact} (add it to the path or to DEFAULTS)`);
          await W.answer(page, fact, value);
          await page.waitForFunction((f) => !document.querySelector(`section[data-question="${f}"]`), fact);
        }
        throw new Error(`${label}: no result after 40 screens (${await W.where(page)})`);
      };

      // The judge can fail: the language the pseudo-locale is made from, shown by the same build, is judged
      // untranslated (its words are found, and its <html lang> is not the pseudo-locale's); then, on the
      // pseudo-locale's own start screen, a copy id, a box wider than the screen, a box that cuts its text off
      // and an image without a text alternative are each found.
      await check(`pseudo ${code}: the judge finds ${lang.pseudoOf} words, a copy id, overflow, clipping and an axe violation`, async () => {
        const { page, close } = await phone();
        const none = { screens: 0, texts: 0, shots: new Set(['self-test']) };
        try {
          await page.goto(`${site.url}?lang=${lang.pseudoOf}`);
          await W.started(page);
          await W.expectScreen(page, '#start', 'the start screen');
          const english = await judge(page, code, names, `${lang.pseudoOf} start screen`, none, 'self-test');
          assert(english && /\(a\) \d+ untranslated/.test(english) && /<html lang/.test(english), `the judge passed ${lang.pseudoOf}: ${english}`);
          await page.goto(`${site.url}?lang=${code}`);
          await W.started(page);
          await W.expectScreen(page, '#start', 'the start screen');
          assert(await judge(page, code, names, 'clean', none, 'self-test') === null, 'the start screen itself has findings');
          await page.evaluate(() => {
            const main = document.getElementById('qadam');
            const id = Object.assign(document.createElement('p'), { textContent: 'start_button' });
            const wide = document.createElement('div');
            wide.style.width = '400px'; // CSSOM: allowed by the page's style-src 'self'
            wide.textContent = '⟦ŵîîđéé⟧';
            const clip = Object.assign(document.createElement('p'), { textContent: '⟦' + 'ççļîîƥƥéé '.repeat(20) + '⟧' });
            clip.style.overflow = 'hidden';
            clip.style.whiteSpace = 'nowrap';
            const img = Object.assign(document.createElement('img'), { src: 'icon-192.png' });
            main.append(id, wide, clip, img);
          });
          const found = await judge(page, code, names, 'injected', none, 'self-test');
          const want = [/\(b\) copy id\(s\) shown: start_button/, /\(c\) the page scrolls sideways/, /ends at 4\d\d px/, /clips its content/, /\(d\) \d+ axe violation/];
          const missed = want.filter((re) => !re.test(found || ''));
          assert(missed.length === 0, `the judge missed ${missed.join(', ')}: ${found}`);
        } finally {
          await close();
        }
      });

      // ---- the start screen, the switch, every question by tapping -----------------------------------------
      await check(`pseudo ${code}: the static start screen (index.html, prerender.js from ?lang=${code}) passes (a)–(d) before the wasm runs`, async () => {
        const { page, errors, close } = await phone();
        const { screen, done } = screens(judgeOne);
        try {
          // The wasm is held back until the static screen has been judged.
          let release;
          const held = new Promise((r) => { release = r; });
          await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
          await page.goto(`${site.url}?lang=${code}`);
          await W.expectScreen(page, `[data-prerender="${code}"]`, `the static start screen in ${code}`);
          assert(!(await page.evaluate(() => document.documentElement.hasAttribute('data-qadam-started'))), 'the widget ran before the wasm was let through');
          await screen(page, 'static start screen (before the wasm)');
          release();
          await W.started(page);
          done();
          assertNoErrors(errors);
        } finally {
          await close();
        }
      });

      for (const [i, p] of PATHS.entries()) {
        await check(`pseudo ${code}: ${p.name}: start → every question → result → answers, all screens pass (a)–(d)`, async () => {
          const { page, errors, net, close } = await phone();
          const { screen, done } = screens(judgeOne);
          try {
            if (i === 0) {
              await page.goto(`${site.url}?lang=${code}`);
              await W.started(page);
              await W.expectScreen(page, '#start', 'the start screen');
              await screen(page, 'start screen from ?lang=');
              // And the language switch: away to the default language and back with the fourth button.
              await W.openStart(page, site.url, languages().find((l) => l.isDefault).code);
            }
            await W.openStart(page, site.url, code);
            if (i === 0) await screen(page, 'start screen after the switch');
            await page.click('#start');
            await drive(page, screen, p.answers, p.name, async (pg, fact) => {
              if (!p.errors) return;
              if (fact === 'citizenship') {
                await pg.fill('#country-search', 'zzzzq');
                await pg.locator('#country-none:not(:empty)').waitFor();
                await screen(pg, 'country search: nothing found');
                await pg.fill('#country-search', '');
              } else if (fact === 'entry_date') {
                for (const [d, m, y, what] of [['', '', '', 'missing'], ['20', '13', '2026', 'bad month'], ['31', '4', '2026', 'no such day'], ['20', '11', '26', 'bad year']]) {
                  await pg.fill('#q-date-day', d);
                  await pg.fill('#q-date-month', m);
                  await pg.fill('#q-date-year', y);
                  await pg.click('#continue');
                  await W.expectScreen(pg, '#q-error', `the error of a ${what} date`);
                  await screen(pg, `entry_date: error, ${what}`);
                }
                await W.fillDate(pg, 'q-date', '2027-05-01');
                await pg.click('#continue');
                await W.expectScreen(pg, '#q-sure', '"are you sure?"');
                await screen(pg, 'entry_date: "are you sure?" (a future arrival)');
              } else if (fact === 'planned_exit') {
                await W.fillDate(pg, 'q-date', '2026-11-01');
                await pg.click('#continue');
                await W.expectScreen(pg, '#q-error', 'the error of a departure before the arrival');
                await screen(pg, 'planned_exit: error, before the arrival');
              } else if (fact === 'previous_stays') {
                await pg.click('#add-stay');
                await W.fillDate(pg, 'stay-0-entry', '2026-06-10');
                await W.fillDate(pg, 'stay-0-exit', '2026-06-01');
                await pg.click('#continue');
                await W.expectScreen(pg, '#q-error', 'the error of a trip that ends before it begins');
                await screen(pg, 'previous_stays: error, a trip backwards');
                await W.fillDate(pg, 'stay-0-entry', '2026-06-01');
                await W.fillDate(pg, 'stay-0-exit', '2026-06-30');
              }
            });
            await W.expectScreen(page, '#result', 'the result');
            await screen(page, `${p.name}: result`);
            await page.click('#show-answers');
            await W.expectScreen(page, '#answers-title', 'the answers screen');
            await screen(page, `${p.name}: answers`);
            done();
            assertNoErrors(errors);
            assertSameOrigin(net.requests, site.origin);
          } finally {
            await close();
          }
        });
      }

      await check(`pseudo ${code}: every question of rules/questions.toml was seen`, async () => {
        const missed = W.rulesInfo().questions.map((q) => q.fact).filter((f) => !stats.seen.has(f));
        assert(missed.length === 0, `not seen: ${missed.join(', ')} (add a path that asks them)`);
      });

      // ---- results by deep link ----------------------------------------------------------------------------
      for (const [name, today, query] of EXAMPLES) {
        await check(`pseudo ${code}: ${name} by deep link: result passes (a)–(d)`, async () => {
          const { page, errors, net, close } = await phone(today);
          const { screen, done } = screens(judgeOne);
          try {
            await page.goto(`${site.url}?lang=${code}&on=${today}&${query}&step=result`);
            await W.started(page);
            await drive(page, screen, {}, name);
            await screen(page, `${name}: result`);
            done();
            assertNoErrors(errors);
            assertSameOrigin(net.requests, site.origin);
          } finally {
            await close();
          }
        });
      }

      // ---- Remember and Forget ---------------------------------------------------------------------------
      await check(`pseudo ${code}: Remember, then Forget: the result and its status lines pass (a)–(d)`, async () => {
        const { page, errors, close } = await phone();
        const { screen, done } = screens(judgeOne);
        try {
          await page.goto(`${site.url}?lang=${code}&on=2026-11-22&${EXAMPLES[0][2]}&ethnic_kazakh=false&planned_exit=unknown&previous_stays=&host_notified=unknown&step=result`);
          await W.expectScreen(page, '#remember', 'the Remember button');
          await page.click('#remember');
          await page.locator('#status:not(:empty)').waitFor();
          const remembered = await page.innerText('#status');
          await screen(page, 'result after Remember');
          await W.expectScreen(page, '#forget', 'the Forget button');
          await page.click('#forget');
          await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('qadam')));
          await page.waitForFunction((before) => document.getElementById('status').innerText !== before, remembered);
          await screen(page, 'result after Forget');
          done();
          assertNoErrors(errors);
        } finally {
          await close();
        }
      });

      // ---- a broken link ------------------------------------------------------------------------------------
      await check(`pseudo ${code}: a broken link: #link-errors passes (a)–(d)`, async () => {
        const { page, close } = await phone();
        const { screen, done } = screens(judgeOne);
        try {
          await page.goto(`${site.url}?lang=${code}&citizenship=XX&entry_date=2026-02-30&purpose=holiday&foo=bar`);
          await W.started(page);
          await W.expectScreen(page, '#link-errors', '#link-errors');
          await screen(page, 'broken link');
          done();
        } finally {
          await close();
        }
      });
    }
  } finally {
    await server.stop();
  }
  console.log(`  report: pseudo-locale ${PSEUDO.map((l) => l.code).join(', ')}: ${stats.screens} screens judged (${stats.texts} text nodes), `
    + `${stats.seen.size} of ${W.rulesInfo().questions.length} questions seen, ${EXAMPLES.length} results by link, in ${((Date.now() - T0) / 1000).toFixed(1)} s`);
};
