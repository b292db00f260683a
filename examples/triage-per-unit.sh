#!/bin/sh
# Writes each unit's part of today's triage to its own files, the way the office mails every unit
# its list: DIR/DATE-UNIT.txt (to read) and DIR/DATE-UNIT.json (for the unit's own scripts).
# Units with nothing due, late or pending get no file.
#
# usage: triage-per-unit.sh DIR [ent110 options…]     e.g. triage-per-unit.sh /srv/triage --at 2025-10-10
#
# Needs jq (Debian: apt-get install jq). ENT110 names the ent110 binary (default: ent110 on PATH);
# ENT110_DB, ENT110_CONFIG, ENT110_NOW, … are ent110's own (see ent110(1)).
set -eu

dir=${1:?usage: triage-per-unit.sh DIR [ent110 options...]}
shift
ENT110=${ENT110:-ent110}
command -v jq >/dev/null || { echo "triage-per-unit.sh: jq is needed (apt-get install jq)" >&2; exit 2; }

mkdir -p "$dir"
triage=$("$ENT110" triage --json "$@")
today=$(printf '%s\n' "$triage" | jq -r .today)

# One compact JSON object per unit, one per line; codes are [A-Za-z0-9_-] (ent110-unit(1)).
printf '%s\n' "$triage" | jq -c '.units[]' | while IFS= read -r unit; do
  code=$(printf '%s\n' "$unit" | jq -r .unit)
  printf '%s\n' "$unit" | jq . >"$dir/$today-$code.json"
  printf '%s\n' "$unit" | jq -r --arg today "$today" '
    def days:
      if .working_days_left == null then ""
      elif .overdue then "逾期 \(- .working_days_left) 个工作日 / \(- .working_days_left) working day(s) late"
      elif .working_days_left == 0 then "今日到期 / due today"
      else "剩 \(.working_days_left) 个工作日 / \(.working_days_left) working day(s) left" end;
    def line:
      "  \(.id)  \(.clock)  \(.due)  \(days)\(if .referred_at then "  已督办 referred \(.referred_at[0:10])" else "" end)\n    \(.enterprise)：\(.title)";
    def section(heading; lines):
      if (lines | length) == 0 then empty
      else "\n\(heading)（\(lines | length)）\n" + (lines | map(line) | join("\n")) end;
    "\(.unit) \(.name) — \($today) 每日分拣 / daily triage",
    section("今日到期 / due today"; .due_today),
    section("下一个工作日到期 / due the next working day"; .due_next_working_day),
    section("已逾期，已说明原因 / overdue, explanation filed"; .overdue_explained),
    section("已逾期且未说明原因，提交督办 / overdue, no explanation: referred to inspection (Art. 7)"; .overdue_unexplained),
    section("退回后未按时重新提交 / returned results not resubmitted in time"; .resubmit_overdue)
  ' >"$dir/$today-$code.txt"
  echo "$dir/$today-$code.txt"
done
