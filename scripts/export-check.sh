#!/usr/bin/env bash
# qadam export in each language: a review document with every deadline id of the contract, citations and dates.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/export
for l in $(python3 scripts/languages.py codes); do
  cargo run -q -- export --lang "$l" > "target/export/rules-$l.md"
  for id in host_notification visa_free_stay_end registration address_change_registration residence_registration kandas_status_end document_expiry; do
    grep -q "### \`$id\`" "target/export/rules-$l.md" || { echo "export $l: deadline $id missing"; exit 1; }
  done
  grep -q "adilet.zan.kz" "target/export/rules-$l.md" || { echo "export $l: no adilet links"; exit 1; }
  echo "export $l: $(wc -l < "target/export/rules-$l.md") lines, $(wc -c < "target/export/rules-$l.md") bytes -> target/export/rules-$l.md"
done
