#!/usr/bin/env bash
# End to end: the reports of the example database (tests/data/report_example.sh) in every format,
# compared byte for byte with tests/data/golden/; the HTML is checked well-formed (xmllint) and
# for its charts, the CSV for its byte-order mark. ENT110_UPDATE_GOLDEN=1 rewrites the golden
# files instead (review the diff before committing).
source "$(dirname "$0")/lib.sh"

golden="$ENT110_SOURCE_DIR/tests/data/golden"
ENT110="$ENT110" ENT110_DB="$ENT110_DB" bash "$ENT110_SOURCE_DIR/tests/data/report_example.sh" &&
  pass || fail "the example database builds"

# mask_anchor FILE: the monthly report's ledger anchor covers each case event's recording time
# (the wall clock), so the golden files hold ANCHOR_MASKED in its place; the anchor itself is checked
# against verify below.
mask_anchor() { sed -E -i 's/[0-9a-f]{64}/ANCHOR_MASKED/g' "$1"; }

# report NAME ARGS…: writes the report with -o to $E2E_DIR/NAME and compares it with the golden.
report() {
  local name=$1
  shift
  run --lang zh "$@" -o "$E2E_DIR/$name"
  expect_code 0 "report $name"
  [[ -z $OUT ]] && pass || fail "report $name with -o prints nothing"
  cp "$E2E_DIR/$name" "$E2E_DIR/unmasked-$name"
  mask_anchor "$E2E_DIR/$name"
  if [[ -n ${ENT110_UPDATE_GOLDEN:-} ]]; then
    cp "$E2E_DIR/$name" "$golden/$name"
  fi
  if cmp -s "$E2E_DIR/$name" "$golden/$name"; then
    pass
  else
    fail "report $name differs from tests/data/golden/$name: $(diff "$golden/$name" "$E2E_DIR/$name" | head -5)"
  fi
}

for format in text md csv json html; do
  ext=${format/text/txt}
  report "monthly-2025-09.$ext" report monthly --month 2025-09 --format "$format" --at "2025-10-09 10:00"
  report "annual-2025.$ext" report annual --year 2025 --format "$format" --at "2026-01-05 10:00"
done
for format in md json; do
  report "meeting-2025-10.$format" report meeting --month 2025-10 --format "$format" --at "2025-10-09 10:00"
done
run --lang en report monthly --month 2025-09 --at "2025-10-09 10:00" -o "$E2E_DIR/monthly-2025-09.en.txt"
mask_anchor "$E2E_DIR/monthly-2025-09.en.txt"
[[ -n ${ENT110_UPDATE_GOLDEN:-} ]] && cp "$E2E_DIR/monthly-2025-09.en.txt" "$golden/"
cmp -s "$E2E_DIR/monthly-2025-09.en.txt" "$golden/monthly-2025-09.en.txt" && pass ||
  fail "the English monthly report differs from its golden file"

# The same report on stdout as with -o, and `--month last` on the first of the next month.
run --lang zh report monthly --month last --format md --at "2025-10-09 10:00"
[[ $(printf '%s\n' "$OUT" | sed -E 's/[0-9a-f]{64}/ANCHOR_MASKED/g') == "$(cat "$golden/monthly-2025-09.md")" ]] &&
  pass || fail "--month last on stdout"

for page in "$E2E_DIR"/*.html; do
  name=$(basename "$page")
  ERR=$(xmllint --noout "$page" 2>&1) && pass || fail "$name is well-formed XML"
  grep -Eq '(src|href)=' "$page" && fail "$name refers to an external asset" || pass
done
svgs=$(grep -c '<svg xmlns="http://www.w3.org/2000/svg"' "$E2E_DIR/monthly-2025-09.html")
((svgs == 4)) && pass || fail "the monthly HTML has its 4 charts (found $svgs)"
grep -q 'aria-label="各单位答复按时率"' "$E2E_DIR/monthly-2025-09.html" && pass ||
  fail "the monthly HTML has the per-unit on-time chart"
grep -q 'aria-label="各单位满意率"' "$E2E_DIR/monthly-2025-09.html" && pass ||
  fail "the monthly HTML has the per-unit satisfaction chart"
[[ $(head -c 3 "$E2E_DIR/monthly-2025-09.csv" | od -An -tx1 | tr -d ' ') == efbbbf ]] && pass ||
  fail "the CSV starts with a UTF-8 byte-order mark"

# The monthly report carries the ledger's head as drawn: verify names the same digest, and it
# still holds after more history is appended (issue 10).
report_anchor=$(jq -r .anchor "$E2E_DIR/unmasked-monthly-2025-09.json")
[[ $report_anchor =~ ^[0-9a-f]{64}$ ]] && pass || fail "the monthly report has an anchor"
run verify --json
expect_jq '.anchor' "$report_anchor" "the report's anchor is the ledger head when drawn"
run --as office1 unit add XXQ --name 新区 --kind zone
run verify --anchor "$report_anchor"
expect_code 0 "the ledger still extends the report's anchor after a later change"

finish
