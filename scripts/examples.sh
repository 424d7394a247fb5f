#!/usr/bin/env bash
# Shows the example host pages (examples/) embedding the widget from another origin, as an NGO's site would:
#   widget  http://127.0.0.1:8080/  (Caddy through scripts/serve.sh over dist/, framing allowed for the host below)
#   host    http://127.0.0.1:8000/  (examples/ plus a copy of dist/embed.js, for the strict-CSP page)
# Open http://127.0.0.1:8000/ngo.html, /strict-csp.html or /dark.html. Run scripts/build.sh first. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f dist/embed.js ]] || { echo "examples: dist/embed.js missing; run scripts/build.sh first" >&2; exit 1; }
host=$(mktemp -d)
cp examples/* "$host/"
cp dist/embed.js "$host/embed.js"
QADAM_FRAME_ANCESTORS="'self' http://127.0.0.1:8000" bash scripts/serve.sh --port 8080 &
widget=$!
trap 'kill $widget 2>/dev/null; rm -rf "$host"' EXIT
echo "Host pages: http://127.0.0.1:8000/ngo.html  /strict-csp.html  /dark.html"
python3 -m http.server 8000 --bind 127.0.0.1 --directory "$host"
