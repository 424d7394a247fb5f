'use strict';
// Releases and failed loads, each on its own Caddy over its own copy of the build:
// * the server is killed while the glue loads: the static start screen says so, and "Try again" works once
//   the server is back;
// * a release between two visits of an open tab: the tab keeps working on the previous release's files (kept
//   by scripts/keep-previous.py, as scripts/build.sh does), offers "Reload to use the new rules", and the
//   reload brings the new page;
// * a release whose host dropped the previous files: the tab's Start reloads the page, which then works.
// A "release" here is a copy of dist/ whose rule set has another content hash, so another name: the page,
// sw.js and build.json name it, and the worker's cache has another name.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT, check, assert, openPage, startServer } = require('./lib');

const DIST = path.resolve(ROOT, process.env.QADAM_DIST || 'dist');

function copyText(id, lang) {
  const toml = fs.readFileSync(path.join(ROOT, 'rules', 'copy.toml'), 'utf8');
  const entry = toml.split('[[copy]]').find((b) => new RegExp(`^\\s*id = "${id}"\\s*$`, 'm').test(b)) || '';
  return (entry.match(new RegExp(`\\b${lang} = "([^"]+)"`)) || [])[1];
}

/** A new directory holding a copy of dist/. */
function copyOfDist(tag) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `qadam-${tag}-`));
  fs.cpSync(DIST, dir, { recursive: true });
  return dir;
}

/** The next release of `dir`, written into `out`: the rule set renamed (a new hash), and what names it. */
function nextRelease(dir, out) {
  const build = JSON.parse(fs.readFileSync(path.join(dir, 'build.json'), 'utf8'));
  const oldRules = build.rules;
  const newRules = oldRules.replace(/-[0-9a-f]{8}\./, (m) => `-${((parseInt(m.slice(1, 9), 16) ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0')}.`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(dir, out, { recursive: true });
  for (const f of fs.readdirSync(out)) {
    if (f.startsWith(oldRules)) fs.renameSync(path.join(out, f), path.join(out, f.replace(oldRules, newRules)));
  }
  for (const f of ['index.html', 'sw.js', 'build.json']) {
    let text = fs.readFileSync(path.join(out, f), 'utf8').split(oldRules).join(newRules);
    if (f === 'sw.js') text = text.replace(/const CACHE = 'qadam-[0-9a-f]+'/, "const CACHE = 'qadam-0a0a0a0a0a0a'");
    fs.writeFileSync(path.join(out, f), text);
    for (const ext of ['.br', '.gz']) fs.rmSync(path.join(out, f + ext), { force: true });
  }
  for (const f of fs.readdirSync(out)) if (f.startsWith('qadam-mount.js')) fs.rmSync(path.join(out, f));
  return { oldRules, newRules };
}

/** Replaces what `served` holds with `from` (a deploy: the whole directory changes at once). */
function deploy(from, served) {
  for (const f of fs.readdirSync(served)) fs.rmSync(path.join(served, f), { recursive: true, force: true });
  fs.cpSync(from, served, { recursive: true });
}

module.exports = async function release(t) {
  const build = JSON.parse(fs.readFileSync(path.join(DIST, 'build.json'), 'utf8'));

  await check('release: the server is killed while the glue loads; the start screen says so and "Try again" works', async () => {
    let server = await startServer({ dir: DIST });
    const p = await openPage(t.browser, 'phone', { serviceWorkers: 'block' });
    try {
      let killed = false;
      await p.page.route((u) => u.pathname === `/${build.entry.js}`, async (route) => {
        if (!killed) {
          killed = true;
          await server.kill();
        }
        await route.continue().catch(() => {});
      });
      await p.page.goto(`${server.url}?lang=en`, { waitUntil: 'domcontentloaded' });
      const failed = p.page.locator('[data-prerender="en"] [data-boot-failed]');
      await failed.waitFor({ state: 'visible', timeout: 15000 });
      const text = (await failed.innerText()).trim();
      assert(text.startsWith(copyText('app_load_failed', 'en')), `the failure says "${text}"`);
      assert(await p.page.locator('[data-prerender="en"] [data-boot-start]').isVisible(), 'the static Start button is gone');
      await p.page.unrouteAll({ behavior: 'ignoreErrors' });
      server = await startServer({ dir: DIST, port: server.port });
      await p.page.click('[data-prerender="en"] [data-boot-retry]');
      await p.page.locator('html[data-qadam-started]').waitFor({ state: 'attached', timeout: 15000 });
      await p.page.click('#start');
      await p.page.locator('section[data-question]').waitFor({ state: 'visible' });
      const errs = p.errors.page;
      assert(errs.length === 0, errs.join('\n'));
    } finally {
      await p.close();
      await server.stop();
    }
  });

  const served = copyOfDist('served');
  const next = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-next-'));
  const server = await startServer({ dir: served });
  try {
    await check('release: an open tab keeps working across a release, then offers "Reload to use the new rules"', async () => {
      deploy(DIST, served);
      const p = await openPage(t.browser, 'desktop');
      try {
        await p.page.goto(`${server.url}?lang=en`);
        await p.page.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
        await p.page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
        // The release: the new build, with the previous release's hashed files kept as build.sh keeps them.
        const { oldRules, newRules } = nextRelease(DIST, next);
        execFileSync('python3', [path.join(ROOT, 'scripts', 'keep-previous.py'), DIST, next], { stdio: 'pipe' });
        assert(fs.existsSync(path.join(next, oldRules)), `keep-previous.py did not keep ${oldRules}`);
        deploy(next, served);
        // The browser looks for a new worker (as it does on navigations and periodically).
        await p.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
        await p.page.locator('#rules-updated').waitFor({ state: 'visible', timeout: 15000 });
        const notice = (await p.page.innerText('#rules-updated')).trim();
        assert(notice.startsWith(copyText('rules_updated_reload', 'en')), `the notice says "${notice}"`);
        assert((await p.page.innerText('#reload-rules')).trim() === copyText('reload_button', 'en'), 'no reload button');
        // The old page still names the old rule set: Start must work with it.
        await p.page.click('#start');
        await p.page.locator('section[data-question]').waitFor({ state: 'visible' });
        assert(!(await p.page.locator('#load-status .error').count()), 'the rules failed to load');
        await Promise.all([p.page.waitForEvent('load'), p.page.click('#reload-rules')]);
        await p.page.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
        const rules = await p.page.getAttribute('meta[name=qadam-rules]', 'content');
        assert(rules === `./${newRules}`, `after the reload the page names ${rules}, not ./${newRules}`);
        assert(await p.page.locator('#rules-updated').count() === 0, 'the notice is still shown after the reload');
      } finally {
        await p.close();
      }
    });

    await check('release: when the previous rule set is gone, Start reloads the page once and the new one works', async () => {
      deploy(DIST, served);
      const p = await openPage(t.browser, 'desktop', { serviceWorkers: 'block' });
      try {
        await p.page.goto(`${server.url}?lang=en`);
        await p.page.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
        const { newRules } = nextRelease(DIST, next); // no keep-previous.py: the host dropped the old files
        deploy(next, served);
        await Promise.all([p.page.waitForEvent('load', { timeout: 15000 }), p.page.click('#start')]);
        await p.page.waitForFunction((r) => document.querySelector('meta[name=qadam-rules]')?.content === r, `./${newRules}`);
        await p.page.locator('html[data-qadam-started]').waitFor({ state: 'attached' });
        await p.page.click('#start');
        await p.page.locator('section[data-question]').waitFor({ state: 'visible' });
        assert(!(await p.page.locator('#load-status .error').count()), 'the rules failed to load');
      } finally {
        await p.close();
      }
    });
  } finally {
    await server.stop();
    fs.rmSync(served, { recursive: true, force: true });
    fs.rmSync(next, { recursive: true, force: true });
  }
};
