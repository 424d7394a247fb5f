#!/usr/bin/env bash
# Spell-checks every text of the rule set in each language of rules/languages.toml that names a hunspell
# dictionary (today kk_KZ, ru_RU, en_US from Debian's hunspell-kk, hunspell-ru, hunspell-en-us; a
# pseudo-locale has none and is skipped) plus the reviewed project word lists rules/words/<code>.dic
# (see rules/words/README.md).
#
# For each language it takes `qadam texts --lang L` (one text a line), drops URLs, e-mail and web
# addresses (anything with a dot between letters, e.g. egov.kz), {slots}, tokens with digits
# (numbers, article numbers like 5-бап, law numbers like 477-IV) and anything that is not a word,
# and pipes the remaining words, one a line, to `hunspell -l`.
# Exits 1, listing "L: word" for each unknown word, when any remain. Last line:
#   spelling: kk 0, ru 0, en 0 unknown words (N words checked)
set -uo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8

command -v hunspell >/dev/null || { echo "spelling: hunspell is not installed (scripts/setup.sh installs it)" >&2; exit 2; }

# QADAM=path/to/qadam skips the build; by default the debug binary is built (a no-op after cargo test).
if [[ -z ${QADAM:-} ]]; then
  QADAM="${CARGO_TARGET_DIR:-target}/debug/qadam"
  cargo build -q || { echo "spelling: cargo build failed" >&2; exit 2; }
fi

# words: stdin texts -> stdout one word per line.
words() {
  perl -CSD -Mutf8 -ne '
    s{\{[^{}]*\}}{ }g;                                   # {slots}
    s{\S*(?:://|www\.)\S*}{ }g;                          # URLs
    s{\S*@\S*}{ }g;                                      # e-mail addresses, handles
    s{\S*\p{L}\.\p{L}\S*}{ }g;                           # web addresses, e.g. egov.kz, and the like
    s{(?<![\p{L}\p{N}])\.\p{L}+}{ }g;                    # file extensions: .ics
    s{(?<!\p{L})(\p{Lu})\g1{1,3}(?:-(\p{Lu})\g2{1,3})+(?!\p{L})}{ }g;  # date masks: YYYY-MM-DD, ГГГГ-ММ-ДД
    s{[\x{2019}\x{02BC}]}{\x27}g;                        # typographic apostrophe -> ASCII
    for my $t (split /[^\p{L}\p{M}\p{N}\x27-]+/) {       # word characters, hyphen, apostrophe
      next if $t =~ /\p{N}/;                             # numbers, 5-бап, 477-IV, 15th
      $t =~ s/^[\x27-]+//; $t =~ s/[\x27-]+$//;
      next unless $t =~ /\p{L}/;
      print "$t\n";
    }'
}

# "code dictionary package", one line a language (scripts/languages.py reads rules/languages.toml).
langs=$(python3 scripts/languages.py hunspell) && [[ -n $langs ]] ||
  { echo "spelling: no language with a hunspell dictionary in rules/languages.toml" >&2; exit 2; }
total=0
bad=0
summary=()
while read -r lang dict package; do
  list="rules/words/$lang.dic"
  [[ -f $list ]] || { echo "spelling: missing $list" >&2; exit 2; }
  texts=$("$QADAM" texts --lang "$lang" </dev/null) || { echo "spelling: qadam texts --lang $lang failed" >&2; exit 2; }
  all=$(words <<<"$texts")
  n=$(grep -c . <<<"$all" || true)
  ((n > 0)) || { echo "spelling: no $lang words to check (qadam texts --lang $lang printed none)" >&2; exit 2; }
  unknown=$(hunspell -i utf-8 -d "$dict" -p "$list" -l <<<"$all" | sort -u) ||
    { echo "spelling: hunspell -d $dict failed (is $package installed? scripts/setup.sh installs it)" >&2; exit 2; }
  u=$(grep -c . <<<"$unknown" || true)
  if ((u > 0)); then
    sed "s/^/$lang: /" <<<"$unknown"
  fi
  total=$((total + n))
  bad=$((bad + u))
  summary+=("$lang $u")
done <<<"$langs"
echo "spelling: $(IFS=,; sed 's/,/, /g' <<<"${summary[*]}") unknown words ($total words checked)"
((bad == 0))
