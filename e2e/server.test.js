'use strict';
// The packaged static servers, from the one source of headers (scripts/headers.toml):
//   caddy   the server the whole suite runs against (t.url), from scripts/server-config.py caddy
//   nginx   Debian's nginx on loopback, from scripts/server-config.py nginx, over the same dist/
// For each, every kind of response — the page (with and without answers in its address), a hashed file, the
// rule set, sw.js, embed.js, the manifest, 404, 405 and 414 — carries every header of [every], the
// Cache-Control of its kind, and the right type and encoding. The configurations shipped in docs/server/ are
// what headers.toml gives, and both servers accept them (caddy validate, nginx -t).

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT, CADDY, NGINX, check, assert, startNginx } = require('./lib');

const DIST = path.resolve(ROOT, process.env.QADAM_DIST || 'dist');

/** The [every], [cache] and [limits] tables of scripts/headers.toml (flat `key = "value"` lines only). */
function headerSource() {
  const out = {};
  let table = null;
  for (const line of fs.readFileSync(path.join(ROOT, 'scripts', 'headers.toml'), 'utf8').split('\n')) {
    const t = line.match(/^\[(\w+)\]\s*$/);
    if (t) { table = out[t[1]] = {}; continue; }
    const kv = line.match(/^([A-Za-z_-]+)\s*=\s*(?:"(.*)"|(\d+))\s*$/);
    if (kv && table) table[kv[1]] = kv[2] !== undefined ? kv[2].replace(/\\"/g, '"') : Number(kv[3]);
  }
  return out;
}

/** One raw HTTP request (Node's http client: no browser cache, no header rewriting). */
function request(origin, target, { method = 'GET', encoding = 'br, gzip' } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(origin);
    const req = http.request({ host: u.hostname, port: u.port, method, path: target, headers: { 'Accept-Encoding': encoding } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

module.exports = async function server(t) {
  const src = headerSource();
  const build = JSON.parse(fs.readFileSync(path.join(DIST, 'build.json'), 'utf8'));
  const every = Object.fromEntries(Object.entries(src.every).map(([k, v]) => [k.toLowerCase(), v.replace('{frame_ancestors}', "'self'")]));
  const long = '/?lang=en&x=' + 'a'.repeat(src.limits.max_uri_bytes);
  // [target, what, expected status, expected Cache-Control kind, expected type (prefix), method]
  const KINDS = [
    ['/', 'the page', 200, 'page', 'text/html'],
    ['/index.html', 'the page as /index.html', 200, 'page', 'text/html'],
    ['/?lang=ru&citizenship=DE&entry_date=2026-11-20&step=result', 'the page with answers', 200, 'page', 'text/html'],
    [`/${build.entry.wasm}`, 'the wasm', 200, 'hashed', 'application/wasm'],
    [`/${build.entry.js}`, 'the glue', 200, 'hashed', 'text/javascript'],
    [`/${build.entry.css}`, 'the stylesheet', 200, 'hashed', 'text/css'],
    [`/${build.rules}`, 'the rule set', 200, 'hashed', 'application/octet-stream'],
    ['/sw.js', 'the service worker', 200, 'other', 'text/javascript'],
    ['/embed.js', 'embed.js', 200, 'embed', 'text/javascript'],
    ['/manifest.webmanifest', 'the manifest', 200, 'other', 'application/manifest+json'],
    ['/no-such-file.js', 'a missing file', 404, 'error', null],
    ['/../../etc/passwd', 'a path outside the root', [400, 404], 'error', null],
    [long, `a request target over ${src.limits.max_uri_bytes} bytes`, 414, 'error', null],
    ['/', 'a POST', 405, 'error', null, 'POST'],
  ];

  async function allKinds(name, origin) {
    const problems = [];
    for (const [target, what, status, kind, type, method] of KINDS) {
      const r = await request(origin, target, { method });
      const h = r.headers;
      const p = (m) => problems.push(`${what} (${method || 'GET'} ${target.slice(0, 50)}): ${m}`);
      if (![].concat(status).includes(r.status)) p(`status ${r.status}, expected ${status}`);
      for (const [k, v] of Object.entries(every)) if (h[k] !== v) p(`${k}: ${h[k]}`);
      if (h['cache-control'] !== src.cache[kind]) p(`cache-control ${h['cache-control']}, expected ${src.cache[kind]} (${kind})`);
      if (type && !(h['content-type'] || '').startsWith(type)) p(`content-type ${h['content-type']}`);
      if (status === 405 && !/GET/.test(h.allow || '')) p(`allow ${h.allow}`);
      if (/^(text|application\/(wasm|javascript))/.test(type || '') && status === 200) {
        const br = fs.existsSync(path.join(DIST, decodeURIComponent(new URL(target, 'http://x').pathname).replace(/^\/$/, '/index.html') + '.br'));
        if (br && h['content-encoding'] !== 'br') p(`content-encoding ${h['content-encoding']} (a .br sibling exists)`);
        if (br && !/accept-encoding/i.test(h.vary || '')) p(`vary ${h.vary}`);
        const gz = await request(origin, target, { encoding: 'gzip' });
        if (br && gz.headers['content-encoding'] !== 'gzip') p(`gzip only: content-encoding ${gz.headers['content-encoding']}`);
        const plain = await request(origin, target, { encoding: 'identity' });
        if (plain.headers['content-encoding']) p(`identity: content-encoding ${plain.headers['content-encoding']}`);
      }
    }
    assert(problems.length === 0, `${name}:\n${problems.join('\n')}`);
  }

  await check('server: Caddy (the suite\'s server) sends every header on every kind of response, errors included', () => allKinds('caddy', t.origin));

  await check('server: nginx, from the same source, sends the same headers on every kind of response', async () => {
    const n = await startNginx({ dir: DIST });
    try {
      await allKinds('nginx', n.origin);
    } finally {
      await n.stop();
    }
  });

  await check('server: docs/server/ holds what scripts/headers.toml gives, and caddy and nginx accept it', async () => {
    execFileSync('python3', [path.join(ROOT, 'scripts', 'server-config.py'), 'docs', '--check'], { stdio: 'pipe' });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-validate-'));
    try {
      const env = { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home };
      execFileSync(CADDY, ['validate', '--adapter', 'caddyfile', '--config', path.join(ROOT, 'docs', 'server', 'Caddyfile')], { stdio: 'pipe', env });
      const brotli = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
      fs.writeFileSync(path.join(home, 'nginx.conf'), [
        fs.existsSync(brotli) ? `load_module ${brotli};` : '', `pid ${home}/nginx.pid;`, `error_log ${home}/error.log;`,
        'events {}', 'http {', `  include ${path.join(ROOT, 'docs', 'server', 'nginx.conf')};`, '}', ''].join('\n'));
      execFileSync(NGINX, ['-t', '-q', '-p', home, '-c', path.join(home, 'nginx.conf')], { stdio: 'pipe' });
    } catch (e) {
      throw new Error(`${e.message}\n${e.stderr || ''}`);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
};
