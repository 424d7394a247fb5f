#!/usr/bin/env node
'use strict';
// Runs every e2e/*.test.js (alphabetically, or only those named on the command line) against the
// release build in dist/, served by Debian's Caddy on a free port from the configuration scripts/server-config.py
// makes of scripts/headers.toml (QADAM_URL: test that URL instead).
// Ends with the line "e2e: N passed, N failed" and exits 1 on any failure.
//
//   node e2e/run.js                  all suites
//   node e2e/run.js foundation       only e2e/foundation.test.js

const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

// A last guard against a hung browser, not a speed limit: far above a slow run (the whole suite takes
// minutes even on a loaded 2-core machine); each wait inside the suites ends when its condition holds.
const TIMEOUT_MS = Number(process.env.QADAM_E2E_TIMEOUT_MS || 60 * 60 * 1000);

async function main() {
  const only = process.argv.slice(2).map((a) => path.basename(a).replace(/\.test\.js$/, ''));
  const files = fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.test\.js$/, '')))
    .sort();
  if (files.length === 0) throw new Error(`no e2e/*.test.js matched ${only.join(' ')}`);

  const server = await lib.startServer();
  let browser;
  try {
    browser = await lib.launch();
    console.log(`e2e: ${server.url} in ${lib.CHROMIUM} ${browser.version()}`);
    for (const file of files) {
      console.log(`e2e: ${file}`);
      let suite = require(path.join(__dirname, file));
      if (typeof suite !== 'function') suite = suite.run;
      try {
        await suite({ browser, url: server.url, origin: server.origin });
      } catch (err) {
        // Anything a suite throws outside check() counts as one failed check.
        lib.results.failed++;
        lib.results.failures.push(`${file} (stopped early)`);
        console.log(`  FAIL ${file} stopped early: ${(err && err.stack) || err}`);
      }
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
}

const timer = setTimeout(() => {
  lib.results.failed++;
  console.log(`  FAIL e2e timed out after ${TIMEOUT_MS} ms`);
  finish();
}, TIMEOUT_MS);
timer.unref();

const T0 = Date.now();

function finish() {
  const { passed, failed, failures } = lib.results;
  console.log(`e2e: took ${((Date.now() - T0) / 1000).toFixed(1)} s`);
  if (failures.length) console.log(`e2e: failed: ${failures.join('; ')}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

main().then(finish, (err) => {
  lib.results.failed++;
  console.log(`  FAIL e2e harness: ${(err && err.stack) || err}`);
  finish();
});
