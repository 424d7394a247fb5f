'use strict';
// Shared helpers for the end-to-end tests (e2e/*.test.js), run by e2e/run.js.
//
// A test file exports `async function (t)` (or `{ run }`), where `t` is the session made by run.js:
//   t.browser  a launched playwright-core Chromium (Debian's /usr/bin/chromium)
//   t.url      the page under test, served by Caddy, e.g. http://127.0.0.1:41234/ (QADAM_URL overrides)
//   t.origin   its origin
// and uses the helpers below: check(), openPage(), axe(), screenshot(), ...

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const TARGET = path.join(ROOT, process.env.CARGO_TARGET_DIR || 'target');
const OUT = path.join(TARGET, 'e2e');

const CHROMIUM = process.env.QADAM_CHROMIUM || '/usr/bin/chromium';
// The packaged static servers (Debian's caddy and nginx; scripts/setup.sh installs them).
const CADDY = process.env.QADAM_CADDY || '/usr/bin/caddy';
const NGINX = process.env.QADAM_NGINX || '/usr/sbin/nginx';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

// How long one wait for a condition may take before the check fails (a screen, an element, the focus, a
// screenshot). A wait ends as soon as its condition holds, so this only bounds a check that is failing;
// it is set far above what a loaded 2-core machine needs (QADAM_E2E_WAIT_MS overrides).
const WAIT_MS = Number(process.env.QADAM_E2E_WAIT_MS || 120000);

// Browser contexts the suites run in.
const PROFILES = {
  phone: {
    viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true,
    locale: 'ru-KZ', deviceScaleFactor: 2,
  },
  desktop: { viewport: { width: 1280, height: 800 }, locale: 'en-US' },
};

// ---- the languages ---------------------------------------------------------------------------
/**
 * The languages of rules/languages.toml (the one list of them), in the switch's order, read with small
 * regexes (no TOML parser in node): [{ code, name, isDefault, pseudoOf }]. The pseudo-locales (`pseudo_of`,
 * built only by `QADAM_FEATURES=pseudo-locale scripts/build.sh` into dist-pseudo/) only with { pseudo: true }.
 */
function languages({ pseudo = false } = {}) {
  const text = fs.readFileSync(path.join(ROOT, 'rules', 'languages.toml'), 'utf8');
  const all = text.split(/^\[\[language\]\]\s*$/m).slice(1).map((b) => {
    const field = (k) => (b.match(new RegExp(`^${k} = "([^"]*)"`, 'm')) || [])[1];
    return { code: field('code'), name: field('name'), isDefault: /^default = true/m.test(b), pseudoOf: field('pseudo_of') || null };
  });
  assert(all.length > 0 && all.every((l) => l.code && l.name), 'rules/languages.toml: no language, or one without code or name');
  return all.filter((l) => pseudo || !l.pseudoOf);
}

// ---- results -------------------------------------------------------------------------------
const results = { passed: 0, failed: 0, failures: [] };

/** Run one named check; an exception (or rejected promise) is a failure. Never throws. */
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ok   ${name} (${Date.now() - t0} ms)`);
    return true;
  } catch (err) {
    results.failed++;
    results.failures.push(name);
    const msg = String((err && err.message) || err).split('\n').map((l) => '       ' + l).join('\n');
    console.log(`  FAIL ${name}\n${msg}`);
    return false;
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message || 'assertion failed');
}

// ---- browser and server --------------------------------------------------------------------
function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once an HTTP request to `url` gets any answer; rejects when `child` exits or after `ms`. */
function whenAnswering(url, child, name, log, ms = WAIT_MS) {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`${name} exited (${code}) before it answered:\n${log()}`));
    child.once('exit', onExit);
    const attempt = () => {
      const req = http.get(url, (res) => {
        res.resume();
        child.off('exit', onExit);
        resolve();
      });
      req.on('error', () => {
        if (child.exitCode !== null) return;
        if (Date.now() > deadline) {
          child.off('exit', onExit);
          child.kill('SIGKILL');
          reject(new Error(`${name} did not answer at ${url} within ${ms} ms:\n${log()}`));
        } else {
          setTimeout(attempt, 50);
        }
      });
    };
    attempt();
  });
}

/** stop (SIGTERM) and kill (SIGKILL) for a server process; both then remove its state directory `home`. */
function stopper(child, home) {
  const stop = (signal = 'SIGTERM') => new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res();
    child.once('exit', () => res());
    child.kill(signal);
  });
  const clean = () => fs.rmSync(home, { recursive: true, force: true });
  return { stop: () => stop('SIGTERM').then(clean), kill: () => stop('SIGKILL').then(clean) };
}

/**
 * Serve `dir` (default: dist/, or QADAM_DIST, a second build made with `QADAM_DIST=... scripts/build.sh`) with
 * Debian's Caddy, from the configuration scripts/server-config.py writes out of scripts/headers.toml (the
 * frame-ancestors from QADAM_FRAME_ANCESTORS), on a free loopback port or `port`. QADAM_URL: test that URL
 * instead. Resolves to { url, origin, port, stop, kill }: stop ends Caddy, kill ends it at once (SIGKILL).
 */
async function startServer({ dir = path.resolve(ROOT, process.env.QADAM_DIST || 'dist'), port = null } = {}) {
  if (process.env.QADAM_URL) {
    const url = new URL(process.env.QADAM_URL).href;
    return { url, origin: new URL(url).origin, stop: async () => {}, kill: async () => {} };
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-caddy-'));
  for (let tries = 0; ; tries++) {
    const p = port || await freePort();
    const listen = `127.0.0.1:${p}`;
    const config = path.join(home, 'Caddyfile');
    fs.writeFileSync(config, execFileSync('python3', [path.join(ROOT, 'scripts', 'server-config.py'), 'caddy', '--root', dir, '--listen', listen]));
    // Caddy keeps its state under $HOME / $XDG_*: a directory of this run, not the user's.
    const env = { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home };
    const child = spawn(CADDY, ['run', '--adapter', 'caddyfile', '--config', config], { stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    child.stderr.on('data', (d) => { err = (err + d).slice(-20000); });
    const url = `http://${listen}/`;
    try {
      await whenAnswering(url, child, 'caddy', () => err);
    } catch (e) {
      if (!port && tries < 3 && /address already in use/.test(err)) continue;
      throw e;
    }
    return { url, origin: `http://${listen}`, port: p, ...stopper(child, home), log: () => err };
  }
}

/**
 * Serve `dir` with Debian's nginx from the server block scripts/server-config.py writes (the same headers as
 * Caddy), on a free loopback port; nginx's own files go to a temporary directory. Resolves like startServer.
 */
async function startNginx({ dir = path.resolve(ROOT, process.env.QADAM_DIST || 'dist') } = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-nginx-'));
  const p = await freePort();
  const listen = `127.0.0.1:${p}`;
  const server = path.join(home, 'qadam.conf');
  fs.writeFileSync(server, execFileSync('python3', [path.join(ROOT, 'scripts', 'server-config.py'), 'nginx', '--root', dir, '--listen', listen]));
  const brotli = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
  const main = [
    fs.existsSync(brotli) ? `load_module ${brotli};` : '',
    // As root, the workers would switch to an unprivileged user; the test's files are root's.
    process.getuid && process.getuid() === 0 ? 'user root;' : '',
    'worker_processes 1;', 'daemon off;', `pid ${home}/nginx.pid;`, `error_log ${home}/error.log warn;`,
    'events { worker_connections 64; }',
    'http {', '  access_log off;', `  client_body_temp_path ${home}/body;`, `  proxy_temp_path ${home}/proxy;`,
    `  include ${server};`, '}', '',
  ].join('\n');
  fs.writeFileSync(path.join(home, 'nginx.conf'), main);
  const child = spawn(NGINX, ['-p', home, '-c', path.join(home, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err = (err + d).slice(-20000); });
  const log = () => err + (fs.existsSync(`${home}/error.log`) ? fs.readFileSync(`${home}/error.log`, 'utf8') : '');
  const url = `http://${listen}/`;
  await whenAnswering(url, child, 'nginx', log);
  return { url, origin: `http://${listen}`, port: p, ...stopper(child, home), log };
}

// ---- page helpers --------------------------------------------------------------------------
/**
 * New context + page for a profile name (see PROFILES) or an options object, with collectors:
 *   errors.console  console messages of type "error"
 *   errors.page     uncaught exceptions and unhandled rejections
 *   errors.failed   requests that failed at the network level
 *   net.requests    every request { url, method, type }
 *   net.entries()   the finished responses with their transferred sizes (await it)
 */
async function openPage(browser, profile, extra = {}) {
  const options = typeof profile === 'string' ? PROFILES[profile] : profile;
  const context = await browser.newContext({ ...options, ...extra });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  const page = await context.newPage();
  const errors = { console: [], page: [], failed: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      errors.console.push(`${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (e) => errors.page.push(String(e && e.stack ? e.stack : e)));
  page.on('requestfailed', (r) => errors.failed.push(`${r.url()}: ${r.failure() && r.failure().errorText}`));

  const requests = [];
  const pending = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), type: r.resourceType() }));
  page.on('response', (resp) => {
    pending.push((async () => {
      const req = resp.request();
      await resp.finished().catch(() => {});
      const sizes = await req.sizes().catch(() => null);
      const headers = await resp.allHeaders().catch(() => resp.headers());
      return {
        url: resp.url(),
        status: resp.status(),
        type: req.resourceType(),
        headers,
        transferred: sizes ? sizes.responseBodySize : null,
        headersSize: sizes ? sizes.responseHeadersSize : null,
      };
    })());
  });
  const net = { requests, entries: () => Promise.all(pending) };
  return { context, page, errors, net, close: () => context.close() };
}

/** Throws when any console error, page error or failed request was collected. */
function assertNoErrors(errors) {
  const all = [
    ...errors.console.map((e) => `console: ${e}`),
    ...errors.page.map((e) => `page error: ${e}`),
    ...errors.failed.map((e) => `request failed: ${e}`),
  ];
  assert(all.length === 0, `${all.length} error(s):\n${all.join('\n')}`);
}

/** Throws when a request went to another origin than `origin` (data:, blob: and about: are local). */
function assertSameOrigin(requests, origin) {
  const foreign = requests
    .map((r) => r.url)
    .filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== origin);
  assert(foreign.length === 0, `requests to other origins:\n${[...new Set(foreign)].join('\n')}`);
}

let axeSource = null;

/**
 * Run axe-core in the page; resolves to its results ({ violations, ... }).
 * The page's CSP forbids inline scripts, so page.addScriptTag({ path }) would be blocked: the source
 * is evaluated through the DevTools protocol instead, which CSP does not govern, and the app's own
 * CSP stays enforced (no bypassCSP).
 */
async function axe(page, context = null) {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) {
    axeSource = axeSource || fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate((ctx) => window.axe.run(ctx || document, { resultTypes: ['violations'] }), context);
}

function formatViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\n/g, ' ')}`);
    return `    [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
  }).join('\n');
}

async function assertNoAxeViolations(page) {
  const res = await axe(page);
  assert(res.violations.length === 0,
    `${res.violations.length} axe violation(s):\n${formatViolations(res.violations)}`);
}

/** Full-page screenshot to target/e2e/<name>.png; returns the path. */
async function screenshot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, timeout: WAIT_MS });
  return file;
}

/** Write a JSON file under target/ (creating directories); returns the path. */
function writeTargetJson(rel, data) {
  const file = path.join(TARGET, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

module.exports = {
  ROOT, TARGET, OUT, PROFILES, CHROMIUM, CHROMIUM_ARGS, WAIT_MS, CADDY, NGINX,
  languages, results, check, assert,
  launch, startServer, startNginx, freePort, openPage,
  assertNoErrors, assertSameOrigin, axe, formatViolations, assertNoAxeViolations,
  screenshot, writeTargetJson,
};
