'use strict';
// The wizard walked as a person walks it, on a phone (360×740, ru-KZ), in each language: every Article 3
// path, a visit and a citizen, from the start screen to the result by clicking, then back to the start
// with the page's own Back link (and once with the browser's back and forward buttons). Along the way:
// the focus lands on each question's heading, each screen kind passes axe-core and is photographed
// (target/e2e/screens/), no console error, no request to another origin. Ends with a report of the
// questions, answers, immigration types and deadlines that no walk reached.
//
// The phone's clock is fixed at 2026-11-22 (Asia/Almaty), so every due date is checked exactly.

const { check, assert, assertNoErrors, assertSameOrigin, writeTargetJson } = require('./lib');
const W = require('./walk');

const ENTRY = '2026-11-20';
const U = 'unknown'; // "I don't know" (or the question's own skip label)

// One row per path. `answers` are given in the order the questions must come; `expect` is the result.
const WALKS = [
  {
    name: 'return_homeland (ethnic Kazakh, kandas certificate)',
    answers: [['citizenship', 'CN'], ['purpose', 'return_homeland'], ['ethnic_kazakh', 'true'], ['entry_date', ENTRY],
      ['document', 'kandas_certificate'], ['kandas_status_granted', '2026-03-01'], ['planned_exit', U], ['address_changed', U]],
    expect: {
      type: 'return_homeland',
      // The kandas certificate shows the arrival was notified and the stay registered (contract v2).
      deadlines: { kandas_status_end: '2027-02-28' },
      rights: ['simplified_citizenship', 'permanent_residence_without_solvency'],
    },
  },
  {
    name: 'family (temporary residence permit, moved)',
    answers: [['citizenship', 'UZ'], ['purpose', 'family'], ['ethnic_kazakh', 'false'], ['entry_date', '2026-09-01'], ['document', 'temporary_residence_permit'],
      ['document_valid_until', '2027-11-01'], ['planned_exit', U], ['address_changed', ENTRY]],
    expect: {
      type: 'family_reunification',
      deadlines: { address_change_registration: '2026-11-27', document_expiry: '2027-11-01' },
    },
  },
  {
    name: 'education (not an ethnic Kazakh, visa)',
    answers: [['citizenship', 'TJ'], ['purpose', 'education'], ['ethnic_kazakh', 'false'], ['entry_date', ENTRY], ['document', 'visa'],
      ['document_valid_until', '2027-06-30'], ['planned_exit', '2027-06-15'], ['address_changed', U], ['host_notified', U],
      ['registered', U]],
    expect: {
      type: 'education',
      deadlines: { host_notification: '2026-11-25', registration: '2026-12-20', document_expiry: '2027-06-30' },
    },
  },
  {
    name: 'labour: eaeu_contract (RU, visa-free: no 90-in-180 end)',
    answers: [['citizenship', 'RU'], ['purpose', 'labour'], ['ethnic_kazakh', 'false'], ['works_for', 'eaeu_contract'], ['entry_date', ENTRY], ['document', 'none'],
      ['planned_exit', U], ['address_changed', U], ['host_notified', U], ['registered', U]],
    expect: {
      type: 'labour',
      deadlines: { host_notification: '2026-11-25', registration: '2026-12-20' },
      rights: ['work_without_permit'],
    },
  },
  {
    name: 'labour: household',
    answers: [['citizenship', 'UZ'], ['purpose', 'labour'], ['ethnic_kazakh', 'false'], ['works_for', 'household'], ['entry_date', ENTRY], ['document', 'visa'],
      ['document_valid_until', U], ['planned_exit', U], ['address_changed', U], ['host_notified', U], ['registered', U]],
    expect: { type: 'labour', deadlines: { host_notification: '2026-11-25', registration: '2026-12-20' } },
  },
  {
    name: 'labour: employer_permit',
    answers: [['citizenship', 'IN'], ['purpose', 'labour'], ['ethnic_kazakh', 'false'], ['works_for', 'employer_permit'], ['entry_date', ENTRY], ['document', 'visa'],
      ['document_valid_until', '2027-11-19'], ['planned_exit', U], ['address_changed', U], ['host_notified', U], ['registered', U]],
    expect: {
      type: 'labour',
      deadlines: { host_notification: '2026-11-25', registration: '2026-12-20', document_expiry: '2027-11-19' },
    },
  },
  {
    name: 'labour: self_employed (temporary residence permit)',
    answers: [['citizenship', 'TR'], ['purpose', 'labour'], ['ethnic_kazakh', 'false'], ['works_for', 'self_employed'], ['entry_date', ENTRY],
      ['document', 'temporary_residence_permit'], ['document_valid_until', '2029-11-19'], ['planned_exit', U], ['address_changed', U]],
    expect: { type: 'labour', deadlines: { document_expiry: '2029-11-19' } },
  },
  {
    name: 'labour: business',
    answers: [['citizenship', 'CN'], ['purpose', 'labour'], ['ethnic_kazakh', 'false'], ['works_for', 'business'], ['entry_date', ENTRY], ['document', 'visa'],
      ['document_valid_until', U], ['planned_exit', U], ['address_changed', U], ['host_notified', U], ['registered', U]],
    expect: {
      type: 'labour',
      deadlines: { host_notification: '2026-11-25', registration: '2026-12-20', business_registration: '2027-01-20' },
    },
  },
  {
    name: 'labour: seasonal',
    answers: [['citizenship', 'TJ'], ['purpose', 'labour'], ['ethnic_kazakh', 'false'], ['works_for', 'seasonal'], ['entry_date', ENTRY], ['document', 'visa'],
      ['document_valid_until', '2027-06-30'], ['planned_exit', '2027-05-31'], ['address_changed', U], ['host_notified', U],
      ['registered', U]],
    expect: {
      type: 'labour',
      deadlines: { host_notification: '2026-11-25', registration: '2026-12-20', document_expiry: '2027-06-30' },
    },
  },
  {
    name: 'humanitarian (visa, validity not known)',
    answers: [['citizenship', 'US'], ['purpose', 'humanitarian'], ['ethnic_kazakh', 'false'], ['entry_date', ENTRY], ['document', 'visa'],
      ['document_valid_until', U], ['planned_exit', U], ['address_changed', U], ['host_notified', U], ['registered', U]],
    expect: { type: 'humanitarian_political', deadlines: { host_notification: '2026-11-25', registration: '2026-12-20' } },
  },
  {
    name: 'political (stateless, temporary residence permit)',
    answers: [['citizenship', 'stateless'], ['purpose', 'political'], ['ethnic_kazakh', 'false'], ['entry_date', ENTRY], ['document', 'temporary_residence_permit'],
      ['document_valid_until', '2027-05-01'], ['planned_exit', U], ['address_changed', U]],
    expect: { type: 'humanitarian_political', deadlines: { document_expiry: '2027-05-01' } },
  },
  {
    name: 'permanent resident (KG, family, residence permit card)',
    answers: [['citizenship', 'KG'], ['purpose', 'family'], ['ethnic_kazakh', 'false'], ['entry_date', ENTRY], ['document', 'permanent_residence'],
      ['document_valid_until', '2034-01-01'], ['planned_exit', U], ['registered', U]],
    expect: { type: 'family_reunification', deadlines: { residence_registration: '2026-11-30', residence_permit_expiry: '2034-01-01' } },
  },
  {
    name: 'visit (DE, visa-free, leaves in 3 weeks, one earlier stay)',
    answers: [['citizenship', 'DE'], ['purpose', 'visit'], ['ethnic_kazakh', 'false'], ['entry_date', ENTRY], ['document', 'none'], ['planned_exit', '2026-12-10'],
      ['previous_stays', '2026-06-01..2026-06-30'], ['host_notified', U]],
    expect: { type: 'none', deadlines: { host_notification: '2026-11-25', visa_free_stay_end: '2026-12-19' } },
  },
  {
    name: 'citizen KZ (moved)',
    answers: [['citizenship', 'KZ'], ['entry_date', ENTRY], ['planned_exit', U], ['registered', U]],
    expect: { type: 'none', deadlines: { residence_registration: '2026-11-30' } },
  },
];

// What the walks reached, for the closing report.
const reached = { questions: new Set(), answers: new Set(), types: new Set(), deadlines: new Set() };
// Screen kinds already checked with axe-core and photographed, per language.
const seen = new Set();

async function screenOnce(page, kind, lang) {
  const key = `${kind}-${lang}`;
  if (seen.has(key)) return;
  seen.add(key);
  await W.assertAxe(page, key);
  await W.shot(page, key);
}

/** Forward from the start screen to the result, answering each question; checks the order, focus, result. */
async function forward(page, t, lang, walk) {
  const info = W.rulesInfo();
  await W.openStart(page, t.url, lang);
  await screenOnce(page, 'start', lang);
  await page.click('#start');
  for (const [i, [fact, value]] of walk.answers.entries()) {
    await W.expectScreen(page, W.questionSel(fact), `question ${fact} (answer ${i + 1} of ${walk.answers.length})`);
    await W.assertFocus(page, 'q-title');
    const url = new URL(page.url());
    assert(url.searchParams.get('step') === fact, `the address says step=${url.searchParams.get('step')} on question ${fact}`);
    assert(url.searchParams.get('lang') === lang, `the address says lang=${url.searchParams.get('lang')}`);
    reached.questions.add(fact);
    if (value !== U && info.kinds[fact] !== 'date') reached.answers.add(`${fact}=${value}`);
    await screenOnce(page, `question-${info.kinds[fact]}`, lang);
    await W.answer(page, fact, value);
  }
  await W.expectScreen(page, '#result', 'the result');
  await W.assertFocus(page, 'result-title');
  const got = await W.readResult(page);
  W.assertResult(got, walk.expect);
  reached.types.add(got.type);
  Object.keys(got.deadlines).forEach((d) => reached.deadlines.add(d));
  // Every result passes axe-core (overdue steps, cautions and fines differ by path); one picture per type.
  await W.assertAxe(page, `result of ${walk.name} (${lang})`);
  if (!seen.has(`result-${got.type}-${lang}`)) {
    seen.add(`result-${got.type}-${lang}`);
    await W.shot(page, `result-${got.type}-${lang}`);
  }
}

/** The answers screen lists every answer with a change button; its own Back returns to the result. */
async function answersScreen(page, lang, walk) {
  await page.click('#show-answers');
  await W.expectScreen(page, '#answers-title', 'the answers screen');
  const listed = await page.$$eval('li[data-answer]', (els) => els.map((e) => e.dataset.answer));
  const want = walk.answers.map(([f]) => f);
  assert(JSON.stringify(listed) === JSON.stringify(want), `answers listed ${listed.join(',')}, expected ${want.join(',')}`);
  for (const f of want) {
    assert(await page.locator(`li[data-answer="${f}"] button`).count() === 1, `no change button for ${f}`);
  }
  await screenOnce(page, 'answers', lang);
  await page.click('#back');
  await W.expectScreen(page, '#result', 'the result again after Back on the answers screen');
}

/** Backward from the result to the start screen with `goBack` (a click on #back, or the browser's). */
async function backward(page, walk, goBack) {
  for (const [fact, value] of [...walk.answers].reverse()) {
    await goBack();
    await W.expectScreen(page, W.questionSel(fact), `question ${fact} on the way back`);
    await W.assertFilled(page, fact, value);
  }
  await goBack();
  await W.expectScreen(page, '#start', 'the start screen after the first question');
}

/** Every walk in one language, in one phone context (each walk opens the start page afresh). */
async function walkAll(t, lang) {
  const { page, errors, net, close } = await W.phone(t);
  try {
    for (const [n, walk] of WALKS.entries()) {
      const before = { console: errors.console.length, page: errors.page.length, failed: errors.failed.length };
      const fwd = await check(`walk ${lang}: ${walk.name}: start → result`, () => forward(page, t, lang, walk));
      if (fwd && n === 0) await check(`walk ${lang}: ${walk.name}: answers screen`, () => answersScreen(page, lang, walk));
      if (fwd) {
        await check(`walk ${lang}: ${walk.name}: result → start with the page's Back`,
          () => backward(page, walk, () => page.click('#back')));
      }
      await check(`walk ${lang}: ${walk.name}: no console error, no other origin`, async () => {
        assertNoErrors({
          console: errors.console.slice(before.console), page: errors.page.slice(before.page), failed: errors.failed.slice(before.failed),
        });
        assertSameOrigin(net.requests, t.origin);
      });
    }
  } finally {
    await close();
  }
}

module.exports = async function wizard(t) {
  // The three languages walk side by side (the walks wait on the page far more than they compute).
  await Promise.all(W.LANGS.map((lang) => walkAll(t, lang)));

  // The browser's own back button, then forward again to the result.
  {
    const walk = WALKS[0];
    const { page, errors, close } = await W.phone(t);
    try {
      const fwd = await check(`browser buttons: ${walk.name}: start → result`, () => forward(page, t, 'ru', walk));
      if (fwd) {
        await check('browser buttons: back (page.goBack) to the start, each answer filled in', () => backward(page, walk, () => page.goBack()));
        await check('browser buttons: forward (page.goForward) to the result again', async () => {
          for (const [fact, value] of walk.answers) {
            await page.goForward();
            await W.expectScreen(page, W.questionSel(fact), `question ${fact} on the way forward`);
            await W.assertFilled(page, fact, value);
          }
          await page.goForward();
          await W.expectScreen(page, '#result', 'the result');
          W.assertResult(await W.readResult(page), walk.expect);
          assertNoErrors(errors);
        });
      }
    } finally {
      await close();
    }
  }

  // What no walk reached.
  const info = W.rulesInfo();
  const missed = {
    questions: info.questions.map((q) => q.fact).filter((f) => !reached.questions.has(f)),
    answers: info.questions.flatMap((q) => q.options.map((o) => `${q.fact}=${o}`)).filter((a) => !reached.answers.has(a)),
    types: [...info.types, 'none'].filter((x) => !reached.types.has(x)),
    deadlines: info.deadlines.filter((d) => !reached.deadlines.has(d)),
  };
  const list = (xs) => (xs.length ? xs.join(', ') : 'none');
  console.log(`  report: ${WALKS.length} paths × ${W.LANGS.length} languages walked; not reached: questions: ${list(missed.questions)}; `
    + `answers: ${list(missed.answers)}; immigration types: ${list(missed.types)}; deadlines: ${list(missed.deadlines)}`);
  writeTargetJson('e2e/unreached.json', missed);
};

module.exports.WALKS = WALKS;
