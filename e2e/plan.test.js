'use strict';
// The result leads with the plan (contract: actions): for each situation of the engine issue, a walk by tapping
// from the start screen in kk and ru, and a deep link in en; the first action card is the expected one and its
// date and what-to-do lie within the first 740 px of a 360×740 phone; axe finds nothing; no console error; no
// request to another origin.

const fs = require('node:fs');
const path = require('node:path');
const { check, assert, assertNoErrors, assertSameOrigin, OUT, WAIT_MS } = require('./lib');
const W = require('./walk');

const SITUATIONS = [
  {
    name: 'Tajik nanny with a permit to a labour immigrant', today: '2026-11-26',
    answers: [['citizenship', 'TJ'], ['purpose', 'labour'], ['ethnic_kazakh', 'false'], ['works_for', 'household'],
      ['entry_date', '2026-03-01'], ['document', 'labour_immigrant_permit'], ['document_valid_until', '2026-12-31'],
      ['planned_exit', 'unknown'], ['address_changed', 'unknown']],
    first: ['leave_or_extend', 'upcoming', '2026-12-31'], also: ['pay_income_tax_advance'],
  },
  {
    name: 'Uzbek builder without a permit, host has notified', today: '2026-11-26',
    answers: [['citizenship', 'UZ'], ['purpose', 'labour'], ['ethnic_kazakh', 'false'], ['works_for', 'none'],
      ['entry_date', '2026-11-02'], ['document', 'none'], ['planned_exit', 'unknown'], ['previous_stays', ''],
      ['address_changed', 'unknown'], ['host_notified', 'true'], ['registered', 'false']],
    first: ['register_stay', 'upcoming', '2026-12-02'], also: ['get_work_permit'], absent: ['notify_arrival'],
  },
  {
    name: 'Afghan asylum seeker', today: '2026-11-26',
    answers: [['citizenship', 'AF'], ['purpose', 'political'], ['ethnic_kazakh', 'false'], ['entry_date', '2026-11-24'],
      ['document', 'none'], ['planned_exit', 'unknown'], ['previous_stays', '']],
    first: ['apply_for_asylum', 'upcoming', '2026-11-29'], help: 'help.unhcr.org/centralasia',
  },
  {
    name: 'kandas whose status ends in 4 days', today: '2026-11-25',
    answers: [['citizenship', 'CN'], ['purpose', 'return_homeland'], ['ethnic_kazakh', 'true'], ['entry_date', '2025-06-01'],
      ['document', 'kandas_certificate'], ['kandas_status_granted', '2025-11-30'], ['planned_exit', 'unknown'],
      ['address_changed', 'unknown']],
    first: ['get_citizenship_or_extend_status', 'upcoming', '2026-11-29'], absent: ['notify_arrival', 'register_stay'],
  },
  {
    name: 'tourist who plans to leave after her last lawful day', today: '2026-11-26',
    answers: [['citizenship', 'DE'], ['purpose', 'visit'], ['ethnic_kazakh', 'false'], ['entry_date', '2026-11-20'],
      ['document', 'none'], ['planned_exit', '2026-12-25'], ['previous_stays', '2026-08-01..2026-09-15'], ['host_notified', 'true']],
    first: ['leave_or_extend', 'upcoming', '2026-12-19'], caution: 'planned_exit_after_lawful_end',
  },
  {
    name: 'visitor who overstayed by 6 days', today: '2026-11-05',
    answers: [['citizenship', 'DE'], ['purpose', 'visit'], ['ethnic_kazakh', 'false'], ['entry_date', '2026-10-01'],
      ['document', 'none'], ['planned_exit', 'unknown'], ['previous_stays', ''], ['host_notified', 'true']],
    first: ['resolve_overstay', 'overdue', null], absent: ['leave_or_extend'],
  },
  {
    name: 'EAEU worker with a contract', today: '2026-11-05',
    answers: [['citizenship', 'KG'], ['purpose', 'labour'], ['ethnic_kazakh', 'false'], ['works_for', 'eaeu_contract'],
      ['entry_date', '2026-11-02'], ['document', 'none'], ['planned_exit', 'unknown'], ['address_changed', 'unknown'],
      ['host_notified', 'true'], ['registered', 'false']],
    first: ['register_stay', 'upcoming', '2026-12-02'], absent: ['leave_or_extend'],
  },
  {
    name: 'ethnic Kazakh returning, no status yet', today: '2026-11-22',
    answers: [['citizenship', 'MN'], ['purpose', 'return_homeland'], ['ethnic_kazakh', 'true'], ['entry_date', '2026-11-10'],
      ['document', 'none'], ['kandas_status_granted', 'unknown'], ['planned_exit', 'unknown'], ['previous_stays', ''],
      ['host_notified', 'true']],
    first: ['apply_for_kandas_status', 'upcoming', '2026-12-09'], also: ['leave_or_extend'],
  },
  {
    name: 'family member with a temporary residence permit', today: '2026-11-26',
    answers: [['citizenship', 'UZ'], ['purpose', 'family'], ['ethnic_kazakh', 'false'], ['entry_date', '2026-10-01'],
      ['document', 'temporary_residence_permit'], ['document_valid_until', '2027-10-01'], ['planned_exit', 'unknown'],
      ['address_changed', 'unknown']],
    first: ['leave_or_extend', 'upcoming', '2027-10-01'], absent: ['notify_arrival', 'register_stay'],
  },
  {
    name: 'permanent resident whose card has expired', today: '2026-11-26',
    answers: [['citizenship', 'CN'], ['purpose', 'family'], ['ethnic_kazakh', 'false'], ['entry_date', '2020-01-10'],
      ['document', 'permanent_residence'], ['document_valid_until', '2026-11-01'], ['planned_exit', 'unknown'], ['registered', 'true']],
    first: ['renew_residence_permit', 'overdue', '2026-11-01'], absent: ['resolve_overstay'],
  },
];

function link(s, lang) {
  const q = s.answers.filter(([, v]) => v !== 'unknown' && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `?lang=${lang}&on=${s.today}&${q.join('&')}&step=result`;
}

/** The plan as the page shows it, and where the first card's date and sentence end on screen. */
async function readPlan(page) {
  await W.expectScreen(page, '#result', 'the result', 15000);
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll('#plan [data-action-id]')];
    const first = cards[0];
    const bottom = (sel) => (first && first.querySelector(sel) ? first.querySelector(sel).getBoundingClientRect().bottom : null);
    return {
      ids: cards.map((c) => c.dataset.actionId),
      first: first ? [first.dataset.actionId, first.dataset.status, first.dataset.due || null] : null,
      top: first ? first.getBoundingClientRect().top : null,
      whenBottom: bottom('.when'),
      whatBottom: bottom('.what'),
      cautions: [...document.querySelectorAll('#plan [data-caution-id]')].map((c) => c.dataset.cautionId),
      help: [...document.querySelectorAll('.help a')].map((a) => a.textContent),
      scrollY: window.scrollY,
    };
  });
}

function assertPlan(got, s) {
  assert(got.first, 'no action card on the result');
  assert(JSON.stringify(got.first) === JSON.stringify(s.first), `first card ${JSON.stringify(got.first)}, expected ${JSON.stringify(s.first)} (plan: ${got.ids.join(', ')})`);
  assert(got.scrollY === 0, `the page is scrolled to ${got.scrollY}`);
  assert(got.whatBottom <= 740 && got.whenBottom <= 740, `the first card's date and step end at ${got.whenBottom}/${got.whatBottom} px, below the 740 px screen`);
  for (const id of s.also || []) assert(got.ids.includes(id), `${id} missing from the plan (${got.ids.join(', ')})`);
  for (const id of s.absent || []) assert(!got.ids.includes(id), `${id} is in the plan but should not be (${got.ids.join(', ')})`);
  if (s.caution) assert(got.cautions.includes(s.caution), `caution ${s.caution} not beside its step (${got.cautions.join(', ')})`);
  if (s.help) assert(got.help.includes(s.help), `help contact ${s.help} missing (${got.help.join(', ')})`);
}

/** Opens a phone at the situation's day, reaches the result with `reach(page)`, and checks the plan, axe, the
 * console and the origin of every request; `after(page)` runs last (a screenshot). */
async function checkPlan(t, s, what, reach, after = async () => {}) {
  const { page, context, errors, net } = await W.phone(t, { today: s.today });
  try {
    await reach(page);
    assertPlan(await readPlan(page), s);
    await W.assertAxe(page, `${s.name} (${what})`);
    assertNoErrors(errors);
    assertSameOrigin(net.requests, t.origin);
    await after(page);
  } finally {
    await context.close();
  }
}

module.exports = async function plan(t) {
  for (const s of SITUATIONS) {
    for (const lang of ['kk', 'ru']) {
      await check(`plan: ${s.name}, tapped from the start in ${lang}: first card ${s.first[0]} above the fold`, () => checkPlan(t, s, lang,
        async (page) => {
          await W.openStart(page, t.url, lang);
          await page.click('#start');
          for (const [fact, value] of s.answers) {
            await W.expectScreen(page, W.questionSel(fact), `question ${fact}`);
            await W.answer(page, fact, value);
          }
        },
        async (page) => {
          // What the person sees first, without scrolling: target/e2e/first-screen/.
          fs.mkdirSync(path.join(OUT, 'first-screen'), { recursive: true });
          await page.screenshot({ path: path.join(OUT, 'first-screen', `${s.first[0]}-${s.answers[0][1]}-${lang}.png`), timeout: WAIT_MS });
        }));
    }
    await check(`plan: ${s.name}, deep link in en: first card ${s.first[0]} above the fold`, () => checkPlan(t, s, 'deep link',
      (page) => page.goto(t.url + link(s, 'en'))));
  }
};
// The situations, for the pseudo-locale's walk (e2e/pseudo.test.js).
module.exports.SITUATIONS = SITUATIONS;
