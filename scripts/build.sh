#!/usr/bin/env bash
# Release build of the Qadam web app into dist/ (cleaned first).
#
#   QADAM_FEATURES=pseudo-locale scripts/build.sh   a test build that also speaks the pseudo-locales of
#                                      rules/languages.toml, into dist-pseudo/ (never dist/: they must not
#                                      reach users); QADAM_FEATURES goes to cargo as --features
#   QADAM_DIST=dir                     another output directory
#
#   cargo build --release --target wasm32-unknown-unknown --bin qadam [--features ...]
#   wasm-bindgen --target web          -> qadam.js + qadam_bg.wasm (temp dir)
#   wasm-opt -Oz --converge (binaryen) -> smaller wasm, debug info and producers stripped
#   content-hashed names               -> qadam-<8 hex>.wasm, qadam-<8 hex>.js, qadam-<8 hex>.css,
#                                         boot-<8 hex>.js (the module that calls init, then sets
#                                         <html data-qadam-started>; no inline script, so the page
#                                         works under a strict Content-Security-Policy)
#   rules-<8 hex>.bin                  -> the rule set build.rs bundled (fetched when the interview starts)
#   index.html                         -> {{JS}} {{WASM}} {{CSS}} {{BOOT}} {{RULES}} replaced by those names,
#                                         {{LANG}} by the default language, {{TITLE}} {{NOSCRIPT}}
#                                         {{DESCRIPTION}} by copy texts page_* in the build's languages
#   static/*                           -> copied (qadam.css and frame.js are hashed): embed.js (the host
#                                         pages' snippet, docs/embed.md), manifest.webmanifest, icons;
#                                         in their scripts __QADAM_LANGS__ (the codes as a regular
#                                         expression's alternatives, kk|ru|en), __QADAM_LANG_DEFAULT__ and
#                                         __QADAM_EMBED_TITLES__ are filled from rules/languages.toml and
#                                         rules/copy.toml (the languages are listed nowhere else)
#   frame-<8 hex>.js                   -> static/frame.js: the widget's side of embedding (iframe only)
#   qadam-mount.js                     -> same-origin mounting into [data-qadam] (docs/embed.md)
#   sw.js                              -> static/sw.js with the precache list from dist/build.json and a
#                                         cache name from the build's hashes (offline after one visit)
#   dist/build.json                    -> every file with raw / gzip / brotli sizes, first_load flags
#   the previous build's hashed files  -> kept (scripts/keep-previous.py), for tabs opened before this release
#   .br (brotli -q 11) and .gz (gzip -9) siblings of the text and wasm files
#
# Run scripts/setup.sh first (scripts/run.sh and scripts/test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

FEATURES=${QADAM_FEATURES:-}
PSEUDO=$(python3 -c 'import sys; sys.path.insert(0, "scripts"); from languages import pseudo_build; print(int(pseudo_build(sys.argv[1])))' "$FEATURES")
if ((PSEUDO)); then DEFAULT_DIST=dist-pseudo; else DEFAULT_DIST=dist; fi
DIST=${QADAM_DIST:-$DEFAULT_DIST}   # another directory (QADAM_DIST=...) keeps a second build apart
LANG_DEFAULT=$(python3 scripts/languages.py default)
# The default language as a property of a script's object: .ru, or ['zh-Hant'] for a tag that is no name.
if [[ $LANG_DEFAULT =~ ^[a-z]+$ ]]; then DEFAULT_KEY=".$LANG_DEFAULT"; else DEFAULT_KEY="['$LANG_DEFAULT']"; fi
WASM_OPT=node_modules/.bin/wasm-opt

say() { printf 'build: %s\n' "$*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
hash8() { sha256sum "$1" | cut -c1-8; }

[[ -f index.html ]] || { say "index.html (the page template) is missing"; exit 1; }
if ((PSEUDO)) && [[ $(realpath -m "$DIST") == "$(realpath -m dist)" ]]; then
  say "a build with the pseudo-locales (QADAM_FEATURES=$FEATURES) must not go to dist/, the shipped build"; exit 1
fi
[[ -x "$WASM_OPT" ]] || { say "$WASM_OPT missing: run scripts/setup.sh"; exit 1; }
command -v wasm-bindgen >/dev/null || { say "wasm-bindgen missing: run scripts/setup.sh"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

t0=$(now)
t=$(now)
# Which wasm and which build.rs output (rules.postcard, startup.html) belong to this build is taken from
# cargo's own messages: each feature set has an out/ directory of its own, and the newest one need not be
# this build's (cargo reports both, fresh or rebuilt).
cargo build --release --target wasm32-unknown-unknown --bin qadam ${FEATURES:+--features "$FEATURES"} \
  --message-format=json-render-diagnostics > "$tmp/cargo.json"
read -r WASM_IN OUT_DIR < <(python3 - "$tmp/cargo.json" <<'EOF'
import json, sys
msgs = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
# The package is the one whose bin target `qadam` was built; its build script's out/ is this build's.
bins = [m for m in msgs if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "qadam" and "bin" in m["target"]["kind"]]
wasm = next((f for m in bins for f in m["filenames"] if f.endswith(".wasm")), "-")
pid = bins[-1]["package_id"] if bins else None
out = next((m["out_dir"] for m in msgs if m.get("reason") == "build-script-executed" and m["package_id"] == pid), "-")
print(wasm, out)
EOF
)
[[ -f $WASM_IN && -d $OUT_DIR ]] || { say "cargo reported no qadam.wasm or no build.rs output (got '$WASM_IN' '$OUT_DIR')"; exit 1; }
say "cargo build${FEATURES:+ --features $FEATURES}: $(since "$t")"

t=$(now)
wasm-bindgen --target web --no-typescript --out-dir "$tmp" "$WASM_IN"
"$WASM_OPT" -Oz --converge --merge-similar-functions --strip-debug --strip-producers "$tmp/qadam_bg.wasm" -o "$tmp/qadam.opt.wasm"
say "wasm-bindgen + wasm-opt: $(since "$t")"

# The previous build is set aside: its hashed files are carried into the new one (scripts/keep-previous.py)
# so that a tab opened before this release keeps working.
rm -rf "$DIST.previous"
if [[ -d "$DIST" ]]; then mv "$DIST" "$DIST.previous"; fi
mkdir -p "$DIST"

# Static files first (so the generated names below win any clash), then the hashed ones.
if [[ -d static ]]; then
  cp -R static/. "$DIST/"
  rm -f "$DIST/qadam.css"
  find "$DIST" -name '.*' -exec rm -rf {} +   # .gitkeep and the like are not served
fi

# The languages into the static scripts (embed.js, frame.js, prerender.js; sw.js below): this build's
# languages of rules/languages.toml (the pseudo-locales only in a pseudo build), the default, and the embed
# frame's title in each (rules/copy.toml page_embed_title). Texts come from build.rs's copy.json, which has
# every language of this build, a pseudo-locale's included.
QADAM_FEATURES="$FEATURES" python3 - "$DIST" "$OUT_DIR/copy.json" <<'EOF'
import glob, json, os, re, sys
sys.path.insert(0, "scripts")
from languages import languages, pseudo_build, copy_text, default_first, page_description
dist = sys.argv[1]
langs = languages(pseudo_build(os.environ["QADAM_FEATURES"]))
for l in langs:
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", l["code"]):
        sys.exit(f"build: rules/languages.toml: {l['code']!r} is not a language tag this build can use")
fill = {
    "LANGS": "|".join(l["code"] for l in langs),
    "LANG_DEFAULT": next(l["code"] for l in langs if l.get("default")),
    "EMBED_TITLES": json.dumps(copy_text(sys.argv[2], "page_embed_title", langs), ensure_ascii=False, separators=(",", ":")),
}
later = {"FILES", "BUILD", "UPDATED"}   # sw.js's, filled once the file list is known
for p in glob.glob(os.path.join(dist, "*.js")):
    s = open(p, encoding="utf-8").read()
    def sub(m):
        key = m.group(1)
        if key in fill:
            return fill[key]
        if os.path.basename(p) == "sw.js" and key in later:
            return m.group(0)
        sys.exit(f"build: static/{os.path.basename(p)}: unknown placeholder {m.group(0)}")
    out = re.sub(r"__QADAM_([A-Z_]+?)__", sub, s)
    if out != s:
        open(p, "w", encoding="utf-8").write(out)
# The installed app's name and description in the default language, with the names of all the languages.
manifest_path = os.path.join(dist, "manifest.webmanifest")
manifest = json.load(open(manifest_path, encoding="utf-8"))
first = default_first(langs)
manifest["lang"] = first[0]["code"]
manifest["name"] = "Qadam — " + copy_text(sys.argv[2], "page_title", first)[first[0]["code"]]
manifest["description"] = page_description(sys.argv[2], langs)
open(manifest_path, "w", encoding="utf-8").write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
print(f"build: languages {fill['LANGS']} (default {fill['LANG_DEFAULT']})")
EOF

wasm_name="qadam-$(hash8 "$tmp/qadam.opt.wasm").wasm"
cp "$tmp/qadam.opt.wasm" "$DIST/$wasm_name"

# The glue's default wasm URL (used only when init() gets no module_or_path) points at the hashed file.
sed "s/qadam_bg\.wasm/$wasm_name/g" "$tmp/qadam.js" > "$tmp/glue.js"
js_name="qadam-$(hash8 "$tmp/glue.js").js"
cp "$tmp/glue.js" "$DIST/$js_name"

# Host-page integration inside an iframe (static/frame.js, docs/embed.md), hashed; loaded by boot only
# in a frame opened with embed=1, so other visitors never download it.
frame_name=""
if [[ -f static/frame.js ]]; then
  frame_name="frame-$(hash8 "$DIST/frame.js").js"
  mv "$DIST/frame.js" "$DIST/$frame_name"
fi

# boot-<hash>.js: sets <html data-qadam-started> once the wasm has been instantiated and main() ran (the
# e2e tests wait for it). Before that:
# * a link that carries answers needs the rule set at once: it is preloaded alongside the wasm, instead of
#   after the wasm has started;
# * in a host's iframe (embed=1), frame-<hash>.js is started first (it reads the frame's settings before
#   the widget rewrites the address; the wasm is already being fetched through index.html's preload);
# * as the top-level page only, the service worker is registered after the load event, and its "new
#   version took over" message (with the rules_updated_reload text of rules/copy.toml) is shown as a quiet
#   notice before the widget, in the page's language (or the default one, should a new release have
#   dropped the page's).
# Two events of the widget (ui/dom.rs), handled in boot and in qadam-mount.js:
# * qadam:forget ("Forget") loads forget-<hash>.js (static/forget.js), which removes the rest of what Qadam
#   stored; nobody else downloads it;
# * qadam:rules-gone (the page's rule set is 404 after a release) reloads the page, once for that rule set.
forget_name="forget-$(hash8 "$DIST/forget.js").js"
mv "$DIST/forget.js" "$DIST/$forget_name"
EVENTS="addEventListener('qadam:forget', () => import('./$forget_name'));
addEventListener('qadam:rules-gone', () => { try { const u = document.querySelector('meta[name=qadam-rules]').content; if (sessionStorage.getItem('qadam.reloaded-for') !== u) { sessionStorage.setItem('qadam.reloaded-for', u); location.reload(); } } catch (e) {} });"
cat > "$tmp/boot.js" <<BOOT
// The static start screen (index.html) is painted first; only then are the glue and the wasm fetched, so on
// a slow line they do not compete with what the person sees first. At most 500 ms of waiting for the paint.
await new Promise((r) => {
  const t = setTimeout(r, 500);
  try {
    new PerformanceObserver((l, o) => { o.disconnect(); clearTimeout(t); r(); }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) { clearTimeout(t); r(); }
});
$EVENTS
if (self !== top && '$frame_name' && new URLSearchParams(location.search).get('embed') === '1') (await import('./$frame_name')).start();
if (location.search.slice(1).split('&').some((p) => p && !/^(lang|embed|host|accent|share)=/.test(p))) {
  const m = document.querySelector('meta[name=qadam-rules]');
  if (m) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: m.content }));
}
if (self === top && 'serviceWorker' in navigator) {
  // A new release took over while this tab was open: the tab still runs the old rules until it reloads, so
  // the notice says so and offers the reload (the answers are in the address and survive it).
  navigator.serviceWorker.addEventListener('message', (e) => {
    const m = e.data && e.data.type === 'qadam:updated' && e.data;
    const main = document.getElementById('qadam');
    if (!m || !m.text || !m.button || !main || document.getElementById('rules-updated')) return;
    const lang = document.documentElement.lang;
    const p = Object.assign(document.createElement('p'), { id: 'rules-updated', className: 'notice', textContent: (m.text[lang] || m.text$DEFAULT_KEY) + ' ' });
    p.setAttribute('role', 'status');
    const b = Object.assign(document.createElement('button'), { type: 'button', id: 'reload-rules', className: 'secondary', textContent: m.button[lang] || m.button$DEFAULT_KEY });
    b.addEventListener('click', () => location.reload());
    p.append(b);
    const aside = document.createElement('aside');
    aside.append(p);
    main.before(aside);
  });
  const sw = () => navigator.serviceWorker.register('./sw.js').catch(() => {});
  if (document.readyState === 'complete') sw(); else addEventListener('load', sw);
}
// The glue and the wasm. If either does not arrive (a dropped line, a server restarting), the static start
// screen says so and its Start and "Try again" buttons try again: a failed module import is remembered by
// the browser under its address, so a retry asks for the same file under a new one (?retry=N).
let attempt = 0;
const run = async () => {
  const shown = document.querySelectorAll('[data-boot-failed]');
  try {
    const { default: init } = await import('./$js_name' + (attempt ? '?retry=' + attempt : ''));
    await init({ module_or_path: new URL('./$wasm_name', import.meta.url) });
    document.documentElement.setAttribute('data-qadam-started', '');
  } catch (e) {
    attempt++;
    for (const el of shown) el.hidden = false;
    document.documentElement.setAttribute('data-qadam-failed', String(attempt));
  }
};
for (const b of document.querySelectorAll('[data-boot-retry], [data-boot-start]')) {
  b.addEventListener('click', () => {
    if (!document.documentElement.hasAttribute('data-qadam-failed')) return;
    document.documentElement.removeAttribute('data-qadam-failed');
    for (const el of document.querySelectorAll('[data-boot-failed]')) el.hidden = true;
    run();
  });
}
await run();
BOOT
# Fetched on every first visit: its comments stay here, not in the file.
sed -i '/^[[:space:]]*\/\//d' "$tmp/boot.js"
boot_name="boot-$(hash8 "$tmp/boot.js").js"
cp "$tmp/boot.js" "$DIST/$boot_name"

# The rule set (the law as data) that build.rs bundled for this build: fetched by the widget when the person
# starts, so the start screen does not wait for it. From the out/ directory cargo reported for this build.
rules_src="$OUT_DIR/rules.postcard"
[[ -f "$rules_src" ]] || { say "no rules.postcard from build.rs in $OUT_DIR"; exit 1; }
rules_name="rules-$(hash8 "$rules_src").bin"
cp "$rules_src" "$DIST/$rules_name"
# The start screen as static HTML in this build's languages from the same build (build.rs), put into
# index.html, with the small classic script that shows it in the person's language before the first paint.
startup_html="$OUT_DIR/startup.html"
# Fetched before the first paint: its comments and indentation off (static/prerender.js keeps them).
python3 - "$DIST/prerender.js" <<'EOF'
import sys
p = sys.argv[1]
lines = [l.strip() for l in open(p, encoding="utf-8")]
open(p, "w", encoding="utf-8").write("\n".join(l for l in lines if l and not l.startswith("//")) + "\n")
EOF
prerender_name="prerender-$(hash8 "$DIST/prerender.js").js"
mv "$DIST/prerender.js" "$DIST/$prerender_name"

css_name=""
if [[ -f static/qadam.css ]]; then
  css_name="qadam-$(hash8 static/qadam.css).css"
  cp static/qadam.css "$DIST/$css_name"
fi

# The same-origin alternative to embed.js (docs/embed.md): another page of this origin mounts the widget
# into its [data-qadam] element with <script type="module" src=".../qadam-mount.js">. Unhashed.
css_line=""
[[ -n $css_name ]] && css_line="add('link', { rel: 'stylesheet', href: here('./$css_name') });"
cat > "$DIST/qadam-mount.js" <<MOUNT
// Mounts Qadam into the page's [data-qadam] element (same origin; see docs/embed.md). Generated by build.sh.
import init from './$js_name';
const here = (p) => new URL(p, import.meta.url).href;
const add = (tag, props) => document.head.append(Object.assign(document.createElement(tag), props));
$EVENTS
if (!document.querySelector('meta[name=qadam-rules]')) add('meta', { name: 'qadam-rules', content: here('./$rules_name') });
$css_line
await init({ module_or_path: here('./$wasm_name') });
document.documentElement.setAttribute('data-qadam-started', '');
MOUNT

# Fill the page template; refuse unknown placeholders and inline scripts (the CSP forbids them).
QADAM_JS="$js_name" QADAM_WASM="$wasm_name" QADAM_CSS="$css_name" QADAM_BOOT="$boot_name" QADAM_RULES="$rules_name" \
QADAM_STARTUP="$(cat "$startup_html")" QADAM_PRERENDER="$prerender_name" QADAM_LANG="$LANG_DEFAULT" \
QADAM_FEATURES="$FEATURES" python3 - index.html "$DIST/index.html" "$OUT_DIR/copy.json" <<'EOF'
import html as h, os, re, sys
sys.path.insert(0, "scripts")
from languages import languages, pseudo_build, copy_text, default_first, page_description
src, dst = sys.argv[1], sys.argv[2]
html = open(src, encoding="utf-8").read()
names = {k: os.environ["QADAM_" + k] for k in ("JS", "WASM", "CSS", "BOOT", "RULES", "STARTUP", "PRERENDER", "LANG")}
# The page's title and no-script line in every language of the build, the default first (rules/copy.toml
# page_title, page_noscript); the description in the default language (page_description).
langs = default_first(languages(pseudo_build(os.environ["QADAM_FEATURES"])))
text = lambda cid: list(copy_text(sys.argv[3], cid, langs).values())
names["TITLE"] = h.escape("Qadam — " + " / ".join(text("page_title")))
names["NOSCRIPT"] = h.escape(" / ".join(text("page_noscript")))
names["DESCRIPTION"] = h.escape(page_description(sys.argv[3], langs))
def fill(m):
    key = m.group(1)
    if key not in names:
        sys.exit(f"build: index.html: unknown placeholder {{{{{key}}}}}")
    if not names[key]:
        sys.exit(f"build: index.html uses {{{{{key}}}}} but static/qadam.css does not exist")
    return names[key]
html = re.sub(r"\{\{\s*([A-Z]+)\s*\}\}", fill, html)
for tag in re.findall(r"<script\b[^>]*>", html, flags=re.I):
    if not re.search(r"\bsrc\s*=", tag, flags=re.I):
        sys.exit("build: index.html has an inline <script>; the Content-Security-Policy blocks it. "
                 "Use <script type=\"module\" src=\"./{{BOOT}}\"></script>")
if "{{BOOT}}" not in open(src, encoding="utf-8").read():
    print("build: warning: index.html has no {{BOOT}} placeholder, so nothing starts the app", file=sys.stderr)
open(dst, "w", encoding="utf-8").write(html)
EOF

# Pre-compressed siblings of everything compressible (kept only when smaller than the file).
compressible() { [[ "$1" =~ \.(html|js|mjs|wasm|bin|css|json|webmanifest|svg|ics|txt|xml|map)$ ]]; }
compress() {
  local f=$1
  brotli -q 11 -c -- "$f" > "$f.br"
  gzip -9 -n -c -- "$f" > "$f.gz"
  local raw; raw=$(stat -c %s "$f")
  for c in "$f.br" "$f.gz"; do
    (( $(stat -c %s "$c") < raw )) || rm -f "$c"
  done
}
t=$(now)
while IFS= read -r -d '' f; do
  compressible "$f" && compress "$f"
done < <(find "$DIST" -type f ! -name '*.br' ! -name '*.gz' -print0)

# dist/build.json: every file (not the siblings), its sizes and whether the first page load fetches it.
QADAM_FIRST_LOAD="index.html $prerender_name $boot_name $js_name $wasm_name $css_name" QADAM_RULES="$rules_name" \
QADAM_JS="$js_name" QADAM_WASM="$wasm_name" QADAM_CSS="$css_name" QADAM_BOOT="$boot_name" \
python3 - "$DIST" <<'EOF'
import hashlib, json, os, sys
dist = sys.argv[1]
first = set(os.environ["QADAM_FIRST_LOAD"].split())
js, wasm, css, boot = (os.environ["QADAM_" + k] for k in ("JS", "WASM", "CSS", "BOOT"))
def size(p):
    return os.path.getsize(p) if os.path.exists(p) else None
files = []
for root, _, names in os.walk(dist):
    for n in names:
        if n.endswith((".br", ".gz")):
            continue
        p = os.path.join(root, n)
        rel = os.path.relpath(p, dist).replace(os.sep, "/")
        raw = os.path.getsize(p)
        files.append({
            "path": rel,
            "raw": raw,
            # what a client accepting that encoding receives (raw when no smaller sibling exists)
            "gzip": size(p + ".gz") or raw,
            "brotli": size(p + ".br") or raw,
            "sha256": hashlib.sha256(open(p, "rb").read()).hexdigest(),
            "first_load": rel in first,
        })
files.sort(key=lambda f: (not f["first_load"], f["path"]))
fl = [f for f in files if f["first_load"]]
doc = {
    "entry": {"html": "index.html", "boot": boot, "js": js, "wasm": wasm, "css": css or None},
    "first_load_total": {k: sum(f[k] for f in fl) for k in ("raw", "gzip", "brotli")},
    # Starting the interview (or opening a link with answers) adds the rule set.
    "rules": os.environ["QADAM_RULES"],
    "with_rules_total": {k: sum(f[k] for f in files if f["first_load"] or f["path"] == os.environ["QADAM_RULES"]) for k in ("raw", "gzip", "brotli")},
    "files": files,
}
with open(os.path.join(dist, "build.json"), "w") as fh:
    json.dump(doc, fh, indent=2)
    fh.write("\n")
EOF

# dist/sw.js: the template static/sw.js with the precache list taken from dist/build.json (every file
# but build.json, sw.js and the host-side scripts; index.html as ./) and a cache name from their hashes,
# so a new build is a new cache. Its entry in build.json is then brought up to date.
QADAM_FEATURES="$FEATURES" OUT_DIR="$OUT_DIR" python3 - "$DIST" <<'EOF'
import hashlib, json, os, subprocess, sys
sys.path.insert(0, "scripts")
from languages import languages, pseudo_build, copy_text
dist = sys.argv[1]
path = os.path.join(dist, "build.json")
doc = json.load(open(path))
skip = {"build.json", "sw.js", "embed.js", "qadam-mount.js"} | {f["path"] for f in doc["files"] if f["path"].startswith("frame-")}
files = sorted((f for f in doc["files"] if f["path"] not in skip), key=lambda f: f["path"])
build = hashlib.sha256("".join(f["path"] + f["sha256"] for f in files).encode()).hexdigest()[:12]
urls = ["./" if f["path"] == "index.html" else "./" + f["path"] for f in files]
sw_path = os.path.join(dist, "sw.js")
template = open(sw_path).read()
if "__QADAM_FILES__" not in template or "__QADAM_BUILD__" not in template:
    sys.exit("build: static/sw.js lacks __QADAM_FILES__ or __QADAM_BUILD__")
langs = languages(pseudo_build(os.environ["QADAM_FEATURES"]))
copy_json = os.path.join(os.environ["OUT_DIR"], "copy.json")
updated = {"text": copy_text(copy_json, "rules_updated_reload", langs), "button": copy_text(copy_json, "reload_button", langs)}
sw = template.replace("__QADAM_BUILD__", build).replace("__QADAM_FILES__", json.dumps(urls))
sw = sw.replace("__QADAM_UPDATED__", json.dumps(updated, ensure_ascii=False))
# Fetched on every first visit: comments and indentation off (the template keeps them).
sw = "// Generated by scripts/build.sh from static/sw.js\n" + "\n".join(
    l.strip() for l in sw.splitlines() if l.strip() and not l.lstrip().startswith("//")) + "\n"
open(sw_path, "w").write(sw)
raw = os.path.getsize(sw_path)
sizes = {"raw": raw}
for key, ext, cmd in (("brotli", ".br", ["brotli", "-q", "11", "-c", sw_path]), ("gzip", ".gz", ["gzip", "-9", "-n", "-c", sw_path])):
    out = subprocess.run(cmd, check=True, capture_output=True).stdout
    if len(out) < raw:
        open(sw_path + ext, "wb").write(out)
        sizes[key] = len(out)
    else:
        if os.path.exists(sw_path + ext):
            os.remove(sw_path + ext)
        sizes[key] = raw
for f in doc["files"]:
    if f["path"] == "sw.js":
        f.update(sizes, sha256=hashlib.sha256(open(sw_path, "rb").read()).hexdigest())
doc["service_worker"] = {
    "cache": "qadam-" + build,
    "precache": urls,
    "precache_total": {k: sum(f[k] for f in files) for k in ("raw", "gzip", "brotli")},
}
# Fetched on a first visit besides the page's own requests: the worker script and the manifest. The
# worker then precaches the rest in the background, after the page's load event.
doc["background"] = [p for p in ("sw.js", "manifest.webmanifest") if any(f["path"] == p for f in doc["files"])]
# What this build speaks, and with which cargo features (the shipped dist/ has none of the pseudo-locales).
doc["languages"] = [l["code"] for l in langs]
doc["features"] = os.environ["QADAM_FEATURES"]
with open(path, "w") as fh:
    json.dump(doc, fh, indent=2)
    fh.write("\n")
EOF
python3 scripts/keep-previous.py "$DIST.previous" "$DIST"
rm -rf "$DIST.previous"
compress "$DIST/build.json"
say "compress + build.json + sw.js: $(since "$t")"

python3 - "$DIST/build.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["files"]:
    if f["first_load"]:
        print(f"build:   {f['path']:<28} {f['raw']:>9,} raw {f['gzip']:>8,} gz {f['brotli']:>8,} br")
t = d["first_load_total"]
print(f"build:   {'first load total':<28} {t['raw']:>9,} raw {t['gzip']:>8,} gz {t['brotli']:>8,} br")
r = next(f for f in d["files"] if f["path"] == d["rules"])
print(f"build:   {r['path']:<28} {r['raw']:>9,} raw {r['gzip']:>8,} gz {r['brotli']:>8,} br  (fetched on start)")
t = d["with_rules_total"]
print(f"build:   {'with the rule set':<28} {t['raw']:>9,} raw {t['gzip']:>8,} gz {t['brotli']:>8,} br")
for p in d.get("background", []):
    f = next(f for f in d["files"] if f["path"] == p)
    print(f"build:   {p:<28} {f['raw']:>9,} raw {f['gzip']:>8,} gz {f['brotli']:>8,} br  (first visit, background)")
t = d["service_worker"]["precache_total"]
print(f"build:   {'precached by sw.js':<28} {t['raw']:>9,} raw {t['gzip']:>8,} gz {t['brotli']:>8,} br  (after load)")
EOF
say "done in $(since "$t0") -> $DIST/"
