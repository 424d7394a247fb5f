#!/usr/bin/env bash
# Install whatever is missing to build and test Qadam; idempotent and fast (well under 1 s) when
# everything is present. Called by scripts/run.sh and scripts/test.sh.
#
#   Debian packages   chromium chromium-driver brotli hunspell, the dictionaries rules/languages.toml names
#                     (hunspell-kk hunspell-ru hunspell-en-us),
#                     caddy (serves dist/), nginx-light libnginx-mod-http-brotli-static (its configuration is
#                     tested too; Debian starts both as services on port 80, which Qadam does not use)
#   rustup target     wasm32-unknown-unknown
#   cargo install     wasm-bindgen-cli at exactly the `wasm-bindgen` version in Cargo.lock
#                     (without --locked: the locked tree needs crates the registry mirror lacks)
#   npm ci            playwright-core, axe-core, binaryen (wasm-opt), pinned by package-lock.json
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------------
command -v python3 >/dev/null || { say "python3 not found: install Debian's python3 first"; exit 1; }
dictionaries=$(python3 scripts/languages.py packages)
read -r -a DICTIONARIES <<<"$dictionaries"
APT_PACKAGES=(chromium chromium-driver brotli hunspell "${DICTIONARIES[@]}" caddy nginx-light libnginx-mod-http-brotli-static)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { say "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    SUDO=(sudo)
  fi
  say "apt-get install ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Rust: the wasm32 target -----------------------------------------------------------------
command -v cargo >/dev/null || { say "cargo not found: install Rust through rustup first"; exit 1; }
sysroot=$(rustc --print sysroot)
if [[ ! -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]]; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- wasm-bindgen-cli at the Cargo.lock version ----------------------------------------------
if [[ ! -f Cargo.lock ]]; then
  say "cargo generate-lockfile (no Cargo.lock yet)"
  cargo generate-lockfile -q
fi
wb_version=$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = /         { name = $3; gsub(/"/, "", name) }
  /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
' Cargo.lock)
[[ -n "$wb_version" ]] || { say "no wasm-bindgen package in Cargo.lock"; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have" != "$wb_version" ]] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "cargo install wasm-bindgen-cli --version $wb_version (have: ${have:-none}; takes ~3 min)"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# --- npm dev dependencies --------------------------------------------------------------------
command -v npm >/dev/null || { say "npm not found: install Node.js 20 first"; exit 1; }
stamp=node_modules/.qadam-npm-ci
if [[ ! -f "$stamp" || package-lock.json -nt "$stamp" || package.json -nt "$stamp" ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

say "ok (wasm-bindgen $wb_version)"
