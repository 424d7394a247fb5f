#!/usr/bin/env bash
# qadam check on broken copies of the rule set: each must be refused with the file, the place and the problem.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # NAME PATTERN: the output of check on $tmp/rules must match PATTERN and the exit code be non-zero
  local name=$1 pattern=$2 out rc=0
  out=$(cargo run -q -- check "$tmp/rules" 2>&1) || rc=$?
  if ((rc == 0)) || ! grep -Eq "$pattern" <<<"$out"; then
    echo "FAIL $name: exit $rc, output:"; echo "$out" | head -5; fail=1
  else
    echo "ok   $name: $(grep -E "$pattern" <<<"$out" | head -1)"
  fi
}
fresh() { rm -rf "$tmp/rules"; cp -R rules "$tmp/rules"; }

fresh; printf '\n[[question]]\nfact = "citizenship"\nkind = \n' >> "$tmp/rules/questions.toml"
expect "a TOML syntax error" 'questions\.toml: TOML parse error at line [0-9]+, column [0-9]+'

fresh; sed -i '0,/verified_on = "2026-02-03", confidence = "confirmed"/s//verified_on = "2026-02-30", confidence = "confirmed"/' "$tmp/rules/deadlines.toml"
expect "an impossible date" '2026-02-30. is not a date YYYY-MM-DD'

fresh; sed -i '0,/^action = /s//acton = /' "$tmp/rules/deadlines.toml"
expect "an unknown field" 'unknown field .acton.'

fresh; sed -i '0,/ru = "Қазақстан"/s//ru = "Казахстан"/; 0,/en = "Kazakhstan"/s//en = ""/' "$tmp/rules/countries.toml"
expect "an empty English text" 'country\[KZ\]\.name: the en text is empty'

fresh; sed -i '0,/act = "L477", article = "6", paragraph = "4"/s//act = "L999", article = "6", paragraph = "4"/' "$tmp/rules/deadlines.toml"
expect "a citation of an unknown act" 'cites unknown act `L999`'

fresh; sed -i 's/validity = { valid_from = "2020-01-11", valid_to = "2026-06-30" }/validity = { valid_from = "2020-01-11", valid_to = "2026-05-31" }/' "$tmp/rules/deadlines.toml"
expect "a gap between two versions of a rule" 'deadline `registration`: no version in force on 2026-06-01'

fresh; sed -i '0,/{ is = "kandas_status_held" }/s//{ is = "kandas_status_hled" }/' "$tmp/rules/rights.toml"
expect "an unknown named condition" 'unknown named condition `kandas_status_hled`'

fresh; printf '\n[[condition]]\nname = "nobody_uses_me"\nmeaning = "x"\nwhen = "always"\n' >> "$tmp/rules/conditions.toml"
expect "a named condition never used" 'condition `nobody_uses_me`: defined but never used'

fresh; printf '\n[[condition]]\nname = "loop_a"\nmeaning = "x"\nwhen = { is = "loop_b" }\n\n[[condition]]\nname = "loop_b"\nmeaning = "x"\nwhen = { is = "loop_a" }\n' >> "$tmp/rules/conditions.toml"
expect "a cycle of named conditions" 'uses `loop_b`, which is defined below it'

fresh; sed -i '0,/due = { deadline = "host_notification" }/s//due = { deadline = "host_notificaton" }/' "$tmp/rules/actions.toml"
expect "an action dated by an unknown deadline" 'action\[notify_arrival\]: unknown deadline `host_notificaton`'

fresh; sed -i '0,/, en = "Your migration status, step by step"/s///' "$tmp/rules/copy.toml"
expect "a text without one of the languages" 'copy\.toml line 5: no text in .en.'

fresh; sed -i '0,/en = "Your migration status, step by step"/s//en = "Your migration status, step by step", uz = "Migratsiya holatingiz"/' "$tmp/rules/copy.toml"
expect "a text in a language the table lacks" '.uz. is not a language of rules/languages\.toml'

# A language added to the table before its texts: every text without it is named, with its line.
fresh; printf '\n[[language]]\ncode = "uz"\nname = "Oʻzbekcha"\nplural = "one_other"\ndate = "{day} {month} {year}"\nthousands = " "\ncite = { article = ", {n}-modda", paragraph = ", {n}-band", subparagraph = ", {n}-kichik band" }\nhunspell = { dictionary = "uz_UZ", package = "hunspell-uz" }\n' >> "$tmp/rules/languages.toml"
expect "a new language without its texts" 'questions\.toml line [0-9]+: no text in .uz.'

fresh; sed -i '0,/^default = true/s///' "$tmp/rules/languages.toml"
expect "a table of languages without a default" 'languages\.toml: exactly one language .* must be .default = true.'

fresh; rm "$tmp/rules/calendar.toml"
expect "a missing file" 'calendar\.toml: cannot be read'
exit $fail
