#!/usr/bin/env bash
# Set up what is missing, build the release into dist/, and serve it with Caddy (scripts/serve.sh) on
# http://127.0.0.1:$PORT/
# (PORT defaults to 8080). Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}
bash scripts/setup.sh
bash scripts/build.sh
echo "Qadam: http://127.0.0.1:$PORT/"
exec bash scripts/serve.sh --port "$PORT" --dir dist
