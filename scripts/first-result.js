#!/usr/bin/env node
'use strict';
// Time to what a person waits for, on Lighthouse's mobile profile applied to a real Chromium (Debian's
// /usr/bin/chromium through playwright-core and the DevTools protocol): the static start screen painted on
// the start page, and the first result element visible on a result link. Used by scripts/bench.sh.
//
//   node scripts/first-result.js START_URL RESULT_URL [RUNS]
//
// The profile: Lighthouse 12's "mobile" with applied throttling, i.e. its slow-4G values of 150 ms RTT and
// 1.6 Mbit/s as DevTools applies them (request latency 150 × 3.75 = 562.5 ms, 1.6 Mbit/s × 0.9 down,
// 750 kbit/s × 0.9 up), 4× CPU slowdown, a 412×823 screen at 1.75×. Each run is a fresh browser context
// (empty cache, no service worker); the median of RUNS (default 5) is printed.
// The result element: the first [data-action-id] (the plan's first step) if the page has one, else the first
// [data-deadline-id]; "visible" means laid out, not hidden, and within the first screen, at the animation
// frame that shows it. Writes target/lighthouse/first-result.json.
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, process.env.CARGO_TARGET_DIR || 'target', 'lighthouse');
const CHROMIUM = process.env.QADAM_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic'];
const KBIT = 1024 / 8; // bytes per second in one kbit/s, as Lighthouse counts
const NETWORK = { offline: false, latency: 150 * 3.75, downloadThroughput: 1.6 * 1024 * 0.9 * KBIT, uploadThroughput: 750 * 0.9 * KBIT };
const CPU = 4;
const DEVICE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'ru-KZ' };

// In the page from its first script on: watches every animation frame for the first result element shown.
const WATCH = () => {
  const sel = ['[data-action-id]', '[data-deadline-id]'];
  const tick = () => {
    for (const s of sel) {
      const el = document.querySelector(s);
      if (el && el.checkVisibility() && el.getBoundingClientRect().top < innerHeight && el.getBoundingClientRect().height > 0) {
        window.__qadamFirstResult = { ms: performance.now(), selector: s, top: Math.round(el.getBoundingClientRect().top) };
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function once(browser, url, what) {
  const context = await browser.newContext(DEVICE);
  try {
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await page.goto(url, { waitUntil: 'load', timeout: 600000 });
    if (what === 'start') {
      // The static start screen: the page's first and largest paint (its only content before the widget).
      // Waits for the paint entry (on a slow CPU it can come after the load event).
      return await page.evaluate(() => new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (fcp) {
            observer.disconnect();
            resolve({ ms: fcp.startTime });
          }
        }).observe({ type: 'paint', buffered: true });
      }));
    }
    await page.waitForFunction(() => window.__qadamFirstResult, null, { timeout: 600000, polling: 100 });
    return await page.evaluate(() => window.__qadamFirstResult);
  } finally {
    await context.close();
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const [start, result, runs = '5'] = process.argv.slice(2);
  if (!start || !result) throw new Error('usage: node scripts/first-result.js START_URL RESULT_URL [RUNS]');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const rows = [];
  try {
    for (const [name, url, what] of [['start', start, 'start'], ['result link', result, 'result']]) {
      const got = [];
      for (let i = 0; i < Number(runs); i++) got.push(await once(browser, url, what));
      rows.push({ name, url, what, runs: got, median: median(got.map((g) => g.ms)) });
    }
  } finally {
    await browser.close();
  }
  console.log(`first-result: Lighthouse mobile profile applied (latency ${NETWORK.latency} ms, ${(NETWORK.downloadThroughput / KBIT).toFixed(0)} kbit/s down, ${CPU}× CPU), median of ${runs} cold runs`);
  console.log('| page | until | median | runs |');
  console.log('|---|---|---:|---|');
  for (const r of rows) {
    const until = r.what === 'start' ? 'static start screen painted (first contentful paint)'
      : `first result element visible (${r.runs[0].selector}, top at ${r.runs[0].top} px)`;
    console.log(`| ${r.name} | ${until} | ${sec(r.median)} | ${r.runs.map((g) => sec(g.ms)).join(', ')} |`);
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'first-result.json'), JSON.stringify({ network: NETWORK, cpu: CPU, device: DEVICE, rows }, null, 2) + '\n');
}

main().catch((e) => {
  console.error(`first-result: ${(e && e.stack) || e}`);
  process.exit(1);
});
