#!/usr/bin/env bash
# Reproduces the table of issue 15 (performance) for README "Performance":
#   bench/compare.sh [--full] [--runs N] [--ent110 PATH]
# Each row times ent110 beside the same work done by sqlite3 (the SQL ent110 ran, caught by
# ent110_sql_trace, or `.import` of the same rows) with hyperfine, and prints a Markdown table of
# medians, ratios, the issue's target and whether it is met. The database is one that
# ent110_report_generate writes: 20 000 cases and a bulk intake file of 10 000, or with --full
# 1 000 000 cases (some minutes to make, 2 GB) and a file of 100 000 as in the issue. Generated
# databases and intake files are kept in build-release/bench-data/, named by their size and a hash
# of the generator and the schema, so that reruns start at once; cases-N.db links to the current
# one (ENT110_BENCH_DB for the report's Google Benchmark).
# It builds nothing (./dev bench builds build-release/ first). Not run in CI: its times mean
# something only on a quiet machine.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$repo/bench/lib.sh"
build=$repo/build-release
ent110=$build/cli/ent110
cases=20000
runs=""
bulk_records=10000

usage() {
  echo "usage: bench/compare.sh [--full] [--runs N] [--ent110 PATH]" >&2
  exit 2
}

while (($# > 0)); do
  case $1 in
    --full) cases=1000000 bulk_records=100000; shift ;;
    --runs)
      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage
      runs=$2
      shift 2
      ;;
    --ent110) (($# > 1)) || usage; ent110=$2; shift 2 ;;
    *) usage ;;
  esac
done
# Few runs for the quick look; the slow commands of the full one vary less.
[[ -n $runs ]] || runs=$(((cases == 20000) ? 3 : 5))
generate=$build/bench/ent110_report_generate
trace=$build/bench/ent110_sql_trace
for program in "$ent110" "$generate" "$trace"; do
  if [[ ! -x $program ]]; then
    echo "compare.sh: error: '$program' is not an executable; build it (./dev bench)" >&2
    exit 2
  fi
done
require_tools compare.sh "hyperfine jq sqlite3 time" hyperfine jq sqlite3 /usr/bin/time

data=$build/bench-data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$data"

# Every command runs at one fixed moment, just after the generated years, so that what is due
# is the same from one run to the next.
at=2026-01-02T09:00

# --- The databases -------------------------------------------------------------------------

version=$(cat "$repo/bench/report_generator.cpp" "$repo"/schema/*.sql | sha256sum | cut -c1-12)
base=$data/cases-$cases-$version.db
if [[ ! -f $base ]]; then
  echo "== generating $cases cases into $base" >&2
  rm -f "$data/cases-$cases-"*.db
  "$generate" "$base.part" "$cases" >&2
  # In WAL mode, as ent110 leaves a database, so that no timed run pays for the switch.
  sqlite3 "$base.part" 'PRAGMA journal_mode = WAL' >/dev/null
  mv "$base.part" "$base"
fi
ln -sfn "$(basename "$base")" "$data/cases-$cases.db"

# The bulk intake files: the generated enterprises' cases received over December 2025, as CSV
# and as NDJSON (the same records), and a tenth of them to see whether memory grows with the file.
enterprises=$(sqlite3 "$base" 'SELECT count(*) FROM enterprise')
bulk=$data/intake-$bulk_records-$version
if [[ ! -f $bulk.ndjson ]]; then
  sqlite3 "$base" 'SELECT name FROM enterprise ORDER BY id' | TZ=UTC awk -v records="$bulk_records" \
    -v csv="$bulk.csv" -v ndjson="$bulk.ndjson" -v tenth="$bulk-tenth.csv" '
    { enterprise[NR] = $0 }
    BEGIN { FS = "\n" }
    END {
      split("用电增容审批 厂区道路破损 稳岗补贴咨询 用地规划咨询 出口退税查询 环评审批进度", title, " ")
      srand(15)
      december = mktime("2025 12 01 00 00 00")
      header = "enterprise,type,channel,title,major,received_at"
      print header >csv
      print header >tenth
      for (i = 0; i < records; i++) {
        name = enterprise[1 + int(rand() * NR)]
        type = rand() < 0.3 ? "coordinate" : "consult"
        channel = rand() < 0.6 ? "web" : "hotline"
        subject = title[1 + i % 6] sprintf(" %06d", i)
        major = rand() < 0.02 ? "true" : "false"
        received = strftime("%Y-%m-%dT%H:%M", december + int(i * 31 * 86400 / records))
        line = name "," type "," channel "," subject "," major "," received
        print line >csv
        if (i < records / 10) print line >tenth
        printf "{\"enterprise\":\"%s\",\"type\":\"%s\",\"channel\":\"%s\",\"title\":\"%s\"," \
          "\"major\":%s,\"received_at\":\"%s\"}\n", name, type, channel, subject, major,
          received >ndjson
      }
    }'
fi
((enterprises > 0)) || { echo "compare.sh: error: $base has no enterprises" >&2; exit 1; }

# A case with a whole history (answered and rated) for `show`.
case_id=$(sqlite3 "$base" \
  "SELECT id FROM case_file WHERE state = 'evaluated' ORDER BY year DESC, number LIMIT 1")
enterprise=$(sqlite3 "$base" "SELECT enterprise FROM case_file WHERE id = '$case_id'")

# Writes run on a fresh copy each time (`reset FILE`), synced first so that no run is timed
# flushing the copy; ent110 and sqlite3 have a copy each, so that ent110's is left as it wrote it.
scratch=$work/scratch.db
sqlite_scratch=$work/sqlite-scratch.db
reset=$work/reset
cat >"$reset" <<EOF
#!/usr/bin/env bash
rm -f "\$1" "\$1-wal" "\$1-shm"
cp '$base' "\$1"
sync "\$1"
EOF
chmod +x "$reset"

# --- Measuring -----------------------------------------------------------------------------

table=$work/table.md
# time_pair NAME RESET ENT110_COMMAND SQLITE_COMMAND: hyperfine's medians of both commands
# (seconds), set in $ent110_seconds and $sqlite_seconds, and the ratio of their mean CPU times
# (user and system) in $cpu_ratio, which a busy machine disturbs less. With RESET, each run of ent110 starts on
# a fresh $scratch, each of sqlite3 on a fresh $sqlite_scratch.
time_pair() {
  local name=$1 reset=$2 ours=$3 theirs=$4
  local options=(-N --warmup 1 --runs "$runs" --style basic --export-json "$work/times.json")
  [[ -z $reset ]] || options+=(--prepare "$reset $scratch" --prepare "$reset $sqlite_scratch")
  echo "== $name" >&2
  hyperfine "${options[@]}" -n ent110 "$ours" -n sqlite3 "$theirs" >&2
  read -r ent110_seconds sqlite_seconds cpu_ratio < <(jq -r '.results | [.[].median,
    ((.[0].user + .[0].system) / (.[1].user + .[1].system) * 100 | round / 100)] | @tsv' \
    "$work/times.json")
}

# max_rss_mib COMMAND…: the command's peak resident memory in MiB (its output discarded).
max_rss_mib() {
  /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1
  jq -n "$(tail -n 1 "$work/rss") / 1024 | floor"
}

# sql_of FILE ARG…: the SQL `ent110 ARG…` runs, as a script for sqlite3.
sql_of() {
  local file=$1
  shift
  if ! "$trace" "$file" "$@" >/dev/null 2>"$work/trace.err"; then
    echo "compare.sh: error: ent110 $* failed:" >&2
    cat "$work/trace.err" >&2
    exit 1
  fi
}

milliseconds() { jq -n "$1 * 1000 * 10 | round / 10"; }
ratio() { jq -n "$1 / $2 * 100 | round / 100"; }
verdict() { if [[ $1 == true ]]; then echo met; else echo "**missed**"; fi; }

# row OPERATION ENT110 SQLITE3 RATIO TARGET VERDICT (and the CPU ratio of the last time_pair).
row() {
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$cpu_ratio" "$5" "$6" \
    >>"$table"
}
printf '| operation (%s cases) | ent110 | the same work by sqlite3 | ratio | CPU ratio | target | |\n' \
  "$cases" >"$table"
printf '|---|---|---|---|---|---|---|\n' >>"$table"

# 1. Bulk intake, CSV and NDJSON, beside `.import` of the same rows.
columns="enterprise TEXT, type TEXT, channel TEXT, title TEXT, major TEXT, received_at TEXT"
import=(sqlite3 "$sqlite_scratch" "CREATE TABLE bulk_intake ($columns)" ".import --csv --skip 1 $bulk.csv bulk_intake")
"$reset" "$scratch"
tenth_rss=$(max_rss_mib "$ent110" --db "$scratch" --at "$at" intake --from "$bulk-tenth.csv")
for format in csv ndjson; do
  # /usr/bin/time costs a fork, nothing beside seconds of work, and spares a run for the memory.
  time_pair "intake --from $bulk_records cases ($format)" "$reset" \
    "$(quote /usr/bin/time -f %M -o "$work/rss" "$ent110" --db "$scratch" --at "$at" intake --from "$bulk.$format")" \
    "$(quote "${import[@]}")"
  rss=$(jq -n "$(tail -n 1 "$work/rss") / 1024 | floor")
  if [[ $format == csv ]]; then
    # The database with the bulk cases received in December, all due: triage's big day.
    # With its write-ahead log, if ent110 keeps one between commands.
    cp "$scratch" "$work/due.db"
    [[ ! -f $scratch-wal ]] || cp "$scratch-wal" "$work/due.db-wal"
  fi
  rate=$(jq -n "$bulk_records / $ent110_seconds | round")
  within=$(jq -n "$rate >= 150000 and $ent110_seconds <= 1.5 * $sqlite_seconds and $rss <= 1.5 * $tenth_rss")
  row "\`intake --from\` $bulk_records cases ($format)" \
    "$(milliseconds "$ent110_seconds") ms, $rate cases/s, $rss MiB ($tenth_rss MiB for a tenth)" \
    "\`.import\` $(milliseconds "$sqlite_seconds") ms" "$(ratio "$ent110_seconds" "$sqlite_seconds")" \
    "≥ 150 000 cases/s, ≤ 1.5×, memory flat (≤ 1.5× a tenth's)" "$(verdict "$within")"
done

# 2. show, beside the same statements.
"$reset" "$scratch"
sql_of "$work/show.sql" --db "$scratch" --at "$at" show "$case_id"
time_pair "show $case_id" "" "$(quote "$ent110" --db "$scratch" --at "$at" show "$case_id")" \
  "$(quote sqlite3 "$scratch" ".read $work/show.sql")"
factor=$(ratio "$ent110_seconds" "$sqlite_seconds")
row "\`show $case_id\`" "$(milliseconds "$ent110_seconds") ms" \
  "its $(grep -c '^;$' "$work/show.sql") statements: $(milliseconds "$sqlite_seconds") ms" "$factor" \
  "≤ 1.3×" "$(verdict "$(jq -n "$factor <= 1.3")")"

# 3. intake of one case, beside its statements in one transaction (as ent110 runs them).
one=(intake --enterprise "$enterprise" --type consult --channel web --title compare.sh)
"$reset" "$scratch"
sql_of "$work/intake.sql" --db "$scratch" --at "$at" "${one[@]}"
time_pair "intake of one case" "$reset" "$(quote "$ent110" --db "$scratch" --at "$at" "${one[@]}")" \
  "$(quote sqlite3 "$sqlite_scratch" ".read $work/intake.sql")"
if command -v task >/dev/null; then
  export TASKDATA=$work/task TASKRC=/dev/null
  mkdir -p "$TASKDATA"
  task rc.confirmation=off add seed >/dev/null 2>&1 || true
  hyperfine -N --warmup 1 --runs "$runs" --style basic --export-json "$work/task.json" \
    "$(quote task rc.confirmation=off add compare.sh)" >&2
  task_seconds=$(jq -r '.results[0].median' "$work/task.json")
  peer="Taskwarrior \`task add\` $(milliseconds "$task_seconds") ms ($(ratio "$task_seconds" "$ent110_seconds")× ent110's time)"
  within=$(jq -n "$ent110_seconds <= 0.004 and $task_seconds >= 20 * $ent110_seconds")
else
  peer="Taskwarrior: not installed (Debian package taskwarrior)"
  within=$(jq -n "$ent110_seconds <= 0.004")
fi
row "\`intake\` of one case" "$(milliseconds "$ent110_seconds") ms" \
  "its $(grep -c '^;$' "$work/intake.sql") statements: $(milliseconds "$sqlite_seconds") ms; $peer" \
  "$(ratio "$ent110_seconds" "$sqlite_seconds")" "≤ 4 ms, ≥ 20× Taskwarrior" "$(verdict "$within")"

# 4. triage on the generated database (few clocks running), narrowed to a unit, and on the day
# the bulk cases are all due, in text and JSON, beside the same queries, with peak memory.
triage_row() {
  local label=$1 db=$2 target=$3 target_test=$4
  shift 4
  sql_of "$work/triage.sql" --db "$db" --at "$at" "$@"
  local lines
  lines=$("$ent110" --db "$db" --at "$at" "$@" | wc -l)
  time_pair "$label" "" "$(quote "$ent110" --db "$db" --at "$at" "$@")" \
    "$(quote sqlite3 "$db" ".read $work/triage.sql")"
  triage_rss=$(max_rss_mib "$ent110" --db "$db" --at "$at" "$@")
  local sqlite_rss
  sqlite_rss=$(max_rss_mib sqlite3 "$db" ".read $work/triage.sql")
  local factor
  factor=$(ratio "$ent110_seconds" "$sqlite_seconds")
  row "\`$*\`$label ($lines lines)" "$(milliseconds "$ent110_seconds") ms, $triage_rss MiB" \
    "its $(grep -c '^;$' "$work/triage.sql") statements: $(milliseconds "$sqlite_seconds") ms, $sqlite_rss MiB" \
    "$factor" "$target" \
    "$(verdict "$(jq -n --argjson seconds "$ent110_seconds" --argjson rss "$triage_rss" "$target_test")")"
}
# shellcheck disable=SC2016 # jq's variables, set by triage_row
triage_row "" "$base" "< 0.2 s" '$seconds < 0.2' triage
few_rss=$triage_rss
# shellcheck disable=SC2016
triage_row "" "$base" "< 0.2 s" '$seconds < 0.2' triage --unit FGW
flat="streamed: memory flat (≤ 1.5× the few lines')"
triage_row " with $bulk_records cases due" "$work/due.db" "$flat" "\$rss <= 1.5 * $few_rss" triage
triage_row " with $bulk_records cases due" "$work/due.db" "$flat" "\$rss <= 1.5 * $few_rss" \
  triage --json

# 5. The start-up floor.
time_pair "start-up" "" "$(quote "$ent110" --version)" "$(quote sqlite3 :memory: 'select 1')"
factor=$(ratio "$ent110_seconds" "$sqlite_seconds")
row "\`ent110 --version\`" "$(milliseconds "$ent110_seconds") ms" \
  "\`sqlite3 :memory: 'select 1'\` $(milliseconds "$sqlite_seconds") ms" "$factor" "≤ 1.5×" \
  "$(verdict "$(jq -n "$factor <= 1.5")")"

echo
echo "Medians of $runs hyperfine runs after one warm-up, --at $at, $(nproc) cores," \
  "load average $(cut -d' ' -f1 /proc/loadavg) at the end; ratio ent110 / sqlite3 of the" \
  "medians, CPU ratio of the mean user + system times; the targets are judged on the medians:"
cat "$table"
