#!/usr/bin/env bash
# End to end: every HTML report golden file is well-formed XML (xmllint) and self-contained.
source "$(dirname "$0")/lib.sh"

shopt -s nullglob
pages=("$ENT110_SOURCE_DIR"/tests/data/golden/*.html)
((${#pages[@]} > 0)) && pass || fail "golden HTML files exist"
for page in "${pages[@]}"; do
  name=$(basename "$page")
  if command -v xmllint >/dev/null; then
    ERR=$(xmllint --noout "$page" 2>&1) && pass || fail "$name is well-formed XML"
  fi
  grep -q '@page { size: A4' "$page" && pass || fail "$name has an A4 page rule"
  grep -Eq '(src|href)=' "$page" && fail "$name refers to no external asset" || pass
  grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$page" && pass || fail "$name has inline SVG"
done

finish
