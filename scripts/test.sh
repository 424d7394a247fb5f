#!/usr/bin/env bash
# Runs every test of Qadam and ends with exactly one line "N passed, N failed"; exits non-zero when
# anything failed.
#
#   1. scripts/setup.sh                       prerequisite: stops the run when it fails
#   2. cargo test                             native: the engine's unit, integration and doc tests
#      scripts/spelling.sh                    hunspell kk_KZ/ru_RU/en_US over every rule text, with the
#                                             project word lists rules/words/*.dic
#   3. cargo test --target wasm32-unknown-unknown --test <t>
#                                             component tests in headless Chromium, for each tests/*.rs
#                                             that uses wasm_bindgen_test (skipped when there is none)
#   4. scripts/build.sh                       prerequisite: stops the run when it fails
#      QADAM_FEATURES=pseudo-locale scripts/build.sh
#                                             the test build with the pseudo-locale of rules/languages.toml,
#                                             into dist-pseudo/ (e2e/pseudo.test.js walks it; dist/ stays the
#                                             shipped build that the e2e suite and size.py measure)
#   5. node e2e/run.js                        Playwright + axe-core against dist/ served by Debian's Caddy
#                                             (scripts/server-config.py), nginx checked too (e2e/server.test.js)
#   6. scripts/size.py                        first-load brotli budget
#
# Counting: cargo steps add up their "test result: ... N passed; M failed" lines, the e2e step its
# "e2e: N passed, M failed" line, a script step counts as one test. A step that exits non-zero
# without reporting a failure (e.g. a compile error) counts as one failure. Steps keep running after
# a failure; only setup and build stop the run. Logs: target/test-logs/<step>.log.
#
# To add a step: cargo_step NAME CMD...   |   e2e-style: counted_step NAME CMD...   |   script_step NAME CMD...
set -uo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=never NO_COLOR=1 FORCE_COLOR=0 CI=${CI:-1}
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
LOGS="${CARGO_TARGET_DIR:-target}/test-logs"
mkdir -p "$LOGS"

PASSED=0
FAILED=0
STEPS=()
T0=$(date +%s.%N)

secs() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# run NAME CMD... : runs the command with its output on the terminal and in the log; sets RC, LOG, SECS.
run() {
  local name=$1; shift
  LOG="$LOGS/${name//[^A-Za-z0-9._-]/_}.log"
  printf '\n== %s: %s\n' "$name" "$*"
  local t; t=$(date +%s.%N)
  "$@" 2>&1 | tee "$LOG"
  RC=${PIPESTATUS[0]}
  SECS=$(secs "$t")
}

# record NAME PASSED FAILED : adds a step's counts (a non-zero exit without failures counts as one).
record() {
  local name=$1 p=$2 f=$3
  if ((RC != 0 && f == 0)); then f=1; fi
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  local status=ok; ((f == 0)) || status=FAILED
  STEPS+=("$(printf '%-38s %-6s %4d passed %4d failed %6s s' "$name" "$status" "$p" "$f" "$SECS")")
  printf -- '-- %s: %s (%d passed, %d failed) in %s s\n' "$name" "$status" "$p" "$f" "$SECS"
}

finish() {
  printf '\n== summary (%s s)\n' "$(secs "$T0")"
  printf '%s\n' "${STEPS[@]}"
  echo "$PASSED passed, $FAILED failed"
  ((FAILED == 0)) && exit 0 || exit 1
}

# A prerequisite: on failure the run stops (and counts one failure).
prerequisite() {
  local name=$1
  run "$@"
  if ((RC != 0)); then
    record "$name" 0 1
    finish
  fi
  STEPS+=("$(printf '%-38s %-6s %26s %6s s' "$name" ok "" "$SECS")")
}

# A cargo test step: sums every "test result:" line.
cargo_step() {
  local name=$1
  run "$@"
  read -r p f < <(sed -nE 's/^test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/p' "$LOG" |
    awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }')
  record "$name" "$p" "$f"
}

# A step that prints its own "N passed, M failed" line (the last such line counts).
counted_step() {
  local name=$1
  run "$@"
  local line p=0 f=0
  line=$(grep -E '([0-9]+) passed, ([0-9]+) failed$' "$LOG" | tail -n 1 || true)
  if [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    p=${BASH_REMATCH[1]}
    f=${BASH_REMATCH[2]}
  fi
  record "$name" "$p" "$f"
}

# A check script: one test, passed when it exits 0.
script_step() {
  local name=$1
  run "$@"
  if ((RC == 0)); then record "$name" 1 0; else record "$name" 0 1; fi
}

prerequisite setup bash scripts/setup.sh

cargo_step "cargo test (native)" cargo test
LANGS=$(python3 scripts/languages.py codes 2>/dev/null | tr " " /)
script_step "spelling (hunspell ${LANGS})" bash scripts/spelling.sh
script_step "qadam check (bundled rule set)" cargo run -q -- check
script_step "qadam check (a malformed rule set is refused, naming file and line)" bash scripts/check-malformed.sh
script_step "qadam export (${LANGS} review documents)" bash scripts/export-check.sh

wasm_tests=()
for f in tests/*.rs; do
  [[ -f $f ]] && grep -q 'wasm_bindgen_test' "$f" && wasm_tests+=(--test "$(basename "$f" .rs)")
done
if ((${#wasm_tests[@]})); then
  cargo_step "cargo test (wasm, headless Chromium)" cargo test --target wasm32-unknown-unknown "${wasm_tests[@]}"
fi

prerequisite build bash scripts/build.sh
script_step "build with the pseudo-locale (dist-pseudo/)" env QADAM_FEATURES=pseudo-locale QADAM_DIST=dist-pseudo bash scripts/build.sh

counted_step "e2e (Playwright + axe-core)" node e2e/run.js
script_step "size budget" python3 scripts/size.py

finish
