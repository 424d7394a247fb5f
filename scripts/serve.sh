#!/usr/bin/env bash
# Serves a Qadam build with Debian's Caddy (file_server with the pre-compressed .br/.gz siblings), from the
# configuration scripts/server-config.py makes of scripts/headers.toml: the same server and headers as the
# end-to-end suite. Stop with Ctrl-C.
#
#   scripts/serve.sh [--port N] [--dir DIR]   default: $PORT or 8080, dist/; --port 0 picks a free port
#   QADAM_FRAME_ANCESTORS="'self' https://ngo.example" scripts/serve.sh   sites allowed to frame the widget
#
# Prints "Serving DIR/ at http://127.0.0.1:PORT/" once the configuration is written, then runs Caddy, which
# keeps its state in target/serve-PORT/ (not in the user's home).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}
dir=dist
while (($#)); do
  case $1 in
    --port) port=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    *) echo "serve: unknown argument $1 (scripts/serve.sh [--port N] [--dir DIR])" >&2; exit 2 ;;
  esac
done
[[ -f $dir/index.html ]] || { echo "serve: $dir/index.html not found; run scripts/build.sh first" >&2; exit 1; }
command -v caddy >/dev/null || { echo "serve: caddy not found; run scripts/setup.sh" >&2; exit 1; }
if [[ $port == 0 ]]; then
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
state="$(pwd)/${CARGO_TARGET_DIR:-target}/serve-$port"
mkdir -p "$state"
python3 scripts/server-config.py caddy --root "$dir" --listen "127.0.0.1:$port" > "$state/Caddyfile"
echo "Serving $dir/ at http://127.0.0.1:$port/ (Ctrl-C to stop)"
export HOME=$state XDG_DATA_HOME=$state XDG_CONFIG_HOME=$state
exec caddy run --adapter caddyfile --config "$state/Caddyfile"
