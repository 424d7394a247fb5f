#!/usr/bin/env bash
# Release build of the Qadam web app into dist/ (cleaned first).
#
#   cargo build --release --target wasm32-unknown-unknown --bin qadam
#   wasm-bindgen --target web          -> qadam.js + qadam_bg.wasm (temp dir)
#   wasm-opt -Oz (npm binaryen)        -> smaller wasm, debug info and producers stripped
#   content-hashed names               -> qadam-<8 hex>.wasm, qadam-<8 hex>.js, qadam-<8 hex>.css,
#                                         boot-<8 hex>.js (the module that calls init, then sets
#                                         <html data-qadam-started>; no inline script, so the page
#                                         works under a strict Content-Security-Policy)
#   rules-<8 hex>.bin                  -> the rule set build.rs bundled (fetched when the interview starts)
#   index.html                         -> {{JS}} {{WASM}} {{CSS}} {{BOOT}} {{RULES}} replaced by those names
#   static/*                           -> copied (qadam.css is the hashed one)
#   dist/build.json                    -> every file with raw / gzip / brotli sizes, first_load flags
#   .br (brotli -q 11) and .gz (gzip -9) siblings of the text and wasm files
#
# Run scripts/setup.sh first (scripts/run.sh and scripts/test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

DIST=dist
TARGET_DIR=${CARGO_TARGET_DIR:-target}
WASM_IN="$TARGET_DIR/wasm32-unknown-unknown/release/qadam.wasm"
WASM_OPT=node_modules/.bin/wasm-opt

say() { printf 'build: %s\n' "$*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
hash8() { sha256sum "$1" | cut -c1-8; }

[[ -f index.html ]] || { say "index.html (the page template) is missing"; exit 1; }
[[ -x "$WASM_OPT" ]] || { say "$WASM_OPT missing: run scripts/setup.sh"; exit 1; }
command -v wasm-bindgen >/dev/null || { say "wasm-bindgen missing: run scripts/setup.sh"; exit 1; }

t0=$(now)
t=$(now)
cargo build --release --target wasm32-unknown-unknown --bin qadam
say "cargo build: $(since "$t")"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

t=$(now)
wasm-bindgen --target web --no-typescript --out-dir "$tmp" "$WASM_IN"
"$WASM_OPT" -Oz --strip-debug --strip-producers "$tmp/qadam_bg.wasm" -o "$tmp/qadam.opt.wasm"
say "wasm-bindgen + wasm-opt: $(since "$t")"

rm -rf "$DIST"
mkdir -p "$DIST"

# Static files first (so the generated names below win any clash), then the hashed ones.
if [[ -d static ]]; then
  cp -R static/. "$DIST/"
  rm -f "$DIST/qadam.css"
  find "$DIST" -name '.*' -exec rm -rf {} +   # .gitkeep and the like are not served
fi

wasm_name="qadam-$(hash8 "$tmp/qadam.opt.wasm").wasm"
cp "$tmp/qadam.opt.wasm" "$DIST/$wasm_name"

# The glue's default wasm URL (used only when init() gets no module_or_path) points at the hashed file.
sed "s/qadam_bg\.wasm/$wasm_name/g" "$tmp/qadam.js" > "$tmp/glue.js"
js_name="qadam-$(hash8 "$tmp/glue.js").js"
cp "$tmp/glue.js" "$DIST/$js_name"

# <html data-qadam-started> once the wasm has been instantiated and main() ran (the e2e tests wait for it).
printf "import init from './%s';\nawait init({ module_or_path: new URL('./%s', import.meta.url) });\ndocument.documentElement.setAttribute('data-qadam-started', '');\n" \
  "$js_name" "$wasm_name" > "$tmp/boot.js"
boot_name="boot-$(hash8 "$tmp/boot.js").js"
cp "$tmp/boot.js" "$DIST/$boot_name"

# The rule set (the law as data) that build.rs bundled for this build: fetched by the widget when the person
# starts, so the start screen does not wait for it. The newest is the one this cargo run used.
rules_src=$(ls -t "$TARGET_DIR"/wasm32-unknown-unknown/release/build/qadam-*/out/rules.postcard 2>/dev/null | head -n 1)
[[ -n "$rules_src" ]] || { say "no rules.postcard from build.rs under $TARGET_DIR"; exit 1; }
rules_name="rules-$(hash8 "$rules_src").bin"
cp "$rules_src" "$DIST/$rules_name"

css_name=""
if [[ -f static/qadam.css ]]; then
  css_name="qadam-$(hash8 static/qadam.css).css"
  cp static/qadam.css "$DIST/$css_name"
fi

# Fill the page template; refuse unknown placeholders and inline scripts (the CSP forbids them).
QADAM_JS="$js_name" QADAM_WASM="$wasm_name" QADAM_CSS="$css_name" QADAM_BOOT="$boot_name" QADAM_RULES="$rules_name" \
python3 - index.html "$DIST/index.html" <<'EOF'
import os, re, sys
src, dst = sys.argv[1], sys.argv[2]
html = open(src, encoding="utf-8").read()
names = {k: os.environ["QADAM_" + k] for k in ("JS", "WASM", "CSS", "BOOT", "RULES")}
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
QADAM_FIRST_LOAD="index.html $boot_name $js_name $wasm_name $css_name" QADAM_RULES="$rules_name" \
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
compress "$DIST/build.json"
say "compress + build.json: $(since "$t")"

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
EOF
say "done in $(since "$t0") -> $DIST/"
