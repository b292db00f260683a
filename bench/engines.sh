#!/usr/bin/env bash
# Times the same ent110 commands on SQLite and on PostgreSQL (issue 12), for README "Performance":
#   bench/engines.sh [--ent110 PATH] [--million]
# It builds nothing: it takes the Release ent110 from build-release/ (./dev bench builds it) unless
# given its path. It makes a database of 20 000 cases received over 2025 with ent110 itself (with
# --million also one of 1 000 000, the better part of an hour more), copies it with `ent110 copy`
# into a throwaway PostgreSQL 15 server (tests/postgresql/cluster), runs every command once on each
# engine and compares their outputs, then times each with hyperfine and prints a Markdown table of
# the medians. The server and every temporary file are removed however the run ends. Exit status 1
# when an output differs between the engines: that is a bug. Not run in CI: its times mean
# something only on a quiet machine.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$repo/bench/lib.sh"
ent110=$repo/build-release/cli/ent110
sizes=(20000)

usage() {
  echo "usage: bench/engines.sh [--ent110 PATH] [--million]" >&2
  exit 2
}

while (($# > 0)); do
  case $1 in
    --ent110) (($# > 1)) || usage; ent110=$2; shift 2 ;;
    --million) sizes+=(1000000); shift ;;
    *) usage ;;
  esac
done
if [[ ! -x $ent110 ]]; then
  echo "engines.sh: error: '$ent110' is not an executable; build it (./dev bench) or name it" \
    "with --ent110" >&2
  exit 2
fi
require_tools engines.sh "hyperfine jq postgresql-client-15" hyperfine jq psql

work=$(mktemp -d)
# The cluster directory is handed to the server's account, so it cannot live inside $work (0700).
cluster=$(mktemp -d)
cleanup() {
  "$repo/tests/postgresql/cluster" stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

maintenance=$("$repo/tests/postgresql/cluster" start "$cluster")
# postgresql:///postgres?host=…&user=… → the same server, another database.
server_uri() { echo "${maintenance/\/\/\/postgres\?/\/\/\/$1?}"; }

# Every command runs at one fixed moment, after the generated years, so that "overdue" and
# "today" mean the same on both engines and from one run to the next.
at=2026-01-02T09:00
month=2025-06

differences=0
table=$work/table.md
printf '| cases | command | SQLite | PostgreSQL | PostgreSQL / SQLite |\n|---|---|---|---|---|\n' \
  >"$table"

# compare LABEL PREPARE_SQLITE PREPARE_POSTGRESQL SQLITE_DB POSTGRESQL_DB ARG…: runs the command
# once on each engine (after its preparation, if any) and shows any difference in what it prints
# or how it exits.
compare() {
  local label=$1 prepare_sqlite=$2 prepare_postgresql=$3 sqlite_db=$4 postgresql_db=$5
  shift 5
  local engine db prepare
  for engine in sqlite postgresql; do
    if [[ $engine == sqlite ]]; then
      db=$sqlite_db prepare=$prepare_sqlite
    else
      db=$postgresql_db prepare=$prepare_postgresql
    fi
    [[ -z $prepare ]] || "$prepare"
    local status=0
    "$ent110" --db "$db" --at "$at" "$@" >"$work/out.$engine" 2>&1 || status=$?
    echo "exit status $status" >>"$work/out.$engine"
  done
  if ! diff -u --label "SQLite: $label" --label "PostgreSQL: $label" \
    "$work/out.sqlite" "$work/out.postgresql" >"$work/out.diff"; then
    differences=$((differences + 1))
    echo "engines.sh: FINDING: \`ent110 --at $at $label\` prints differently on the engines:" >&2
    head -n 60 "$work/out.diff" >&2
  fi
}

# measure CASES LABEL PREPARE_SQLITE PREPARE_POSTGRESQL SQLITE_DB POSTGRESQL_DB ARG…: compares the
# engines' outputs, then times the command on both and adds a row to the table.
measure() {
  local cases=$1 label=$2 prepare_sqlite=$3 prepare_postgresql=$4 sqlite_db=$5 postgresql_db=$6
  shift 6
  compare "$label" "$prepare_sqlite" "$prepare_postgresql" "$sqlite_db" "$postgresql_db" "$@"
  local prepare=()
  [[ -z $prepare_sqlite ]] || prepare=(--prepare "$prepare_sqlite" --prepare "$prepare_postgresql")
  echo "== $cases cases: $label" >&2
  hyperfine -N --warmup 2 --style basic --export-json "$work/times.json" "${prepare[@]}" \
    -n SQLite "$(quote "$ent110" --db "$sqlite_db" --at "$at" "$@")" \
    -n PostgreSQL "$(quote "$ent110" --db "$postgresql_db" --at "$at" "$@")" >&2
  local sqlite postgresql
  read -r sqlite postgresql < <(jq -r '[.results[].median * 1000] | @tsv' "$work/times.json")
  printf "| %s | \`%s\` | %.1f ms | %.1f ms | %.1f |\n" "$cases" "$label" "$sqlite" "$postgresql" \
    "$(jq -n "$postgresql / $sqlite")" >>"$table"
}

# make_database FILE CASES: a database of CASES cases received over 2025, written by ent110 itself
# (ent110_report_generate writes placeholder hashes and no audit events, so `ent110 copy` refuses
# its databases as unverifiable): Xinyang's units and the example enterprises, the cases taken in
# with `intake --from`, and some 2 000 of them, spread over the year, forwarded the next day to
# one of eight units, two in three of those answered three days later; the others stay overdue.
make_database() {
  local file=$1 cases=$2
  "$ent110" --db "$file" --at 2025-01-01 init >/dev/null
  "$ent110" --db "$file" --at 2025-01-01 unit import "$repo/examples/xinyang-units.toml" >/dev/null
  "$ent110" --db "$file" --at 2025-01-01 enterprise import "$repo/examples/enterprises.csv" \
    >/dev/null
  local enterprises
  enterprises=$(tail -n +2 "$repo/examples/enterprises.csv" | cut -d, -f2 | tr '\n' ' ')
  # intake --from reads at most 64 MiB a file: 100 000 cases a file keep well below.
  TZ=UTC awk -v cases="$cases" -v enterprises="$enterprises" -v out="$work/cases-" \
    -v acts="$work/acts" '
    BEGIN {
      n = split(enterprises, enterprise, " ")
      split("用电增容审批 厂区道路破损 稳岗补贴咨询 用地规划咨询 出口退税查询 环评审批进度", title, " ")
      split("FGW ZRJ ZJJ SWJ RSJ SCJGJ STHJJ JTJ", unit, " ")
      srand(110)
      step = int(cases / 2000); if (step < 1) step = 1
      year = mktime("2025 01 01 08 30 00")
      for (i = 0; i < cases; i++) {
        at = year + int(i * 350 / cases) * 86400 + int(rand() * 36000)
        day = strftime("%Y-%m-%d", at)
        printf "{\"enterprise\":\"%s\",\"type\":\"%s\",\"major\":%s,\"channel\":\"%s\"," \
          "\"title\":\"%s\",\"received_at\":\"%s\"}\n", enterprise[1 + i % n],
          rand() < 0.3 ? "coordinate" : "consult", rand() < 0.02 ? "true" : "false",
          rand() < 0.6 ? "web" : "hotline", title[1 + i % 6], strftime("%Y-%m-%dT%H:%M", at) \
          >(out sprintf("%04d", int(i / 100000)) ".ndjson")
        if (i % step != 0) continue
        id = sprintf("2025-%06d", i + 1)
        printf "--at %sT09:30 forward %s --to %s\n", strftime("%Y-%m-%d", at + 86400), id,
          unit[1 + int(i / step) % 8] >acts
        if (int(i / step) % 3 != 0)
          printf "--at %sT16:00 reply %s --text 已办理\n", strftime("%Y-%m-%d", at + 4 * 86400),
            id >acts
      }
    }'
  local batch
  for batch in "$work"/cases-*.ndjson; do
    "$ent110" --db "$file" --at 2025-12-31 intake --from "$batch" >/dev/null
    rm "$batch"
  done
  local act
  while read -r -a act; do
    "$ent110" --db "$file" "${act[@]}" >/dev/null
  done <"$work/acts"
}

for cases in "${sizes[@]}"; do
  sqlite_db=$work/bench-$cases.db
  echo "== making a database of $cases cases" >&2
  make_database "$sqlite_db" "$cases"
  psql -q "$maintenance" -c "CREATE DATABASE bench_$cases"
  postgresql_db=$(server_uri "bench_$cases")
  echo "== copying them to PostgreSQL" >&2
  "$ent110" --db "$sqlite_db" copy --to "$postgresql_db" >&2
  # ANALYZE so the planner knows the tables it was just handed, as autovacuum would soon.
  psql -q "$postgresql_db" -c ANALYZE

  case_id=$("$ent110" --db "$sqlite_db" --at "$at" list --month "$month" --json |
    jq -r '.cases[0].id')
  enterprise=$("$ent110" --db "$sqlite_db" --at "$at" show "$case_id" --json |
    jq -r '.enterprise.id')

  # intake writes, so each of its runs starts from a fresh copy of the database: a file copy, and
  # on the server a database made from the loaded one as its template. The file copy is synced
  # first: SQLite syncs the file when intake's connection checkpoints the WAL on closing, and must
  # not be timed flushing the whole copy.
  intake_sqlite=$work/intake-$cases.db
  intake_postgresql=$(server_uri "intake_$cases")
  cat >"$work/reset-sqlite-$cases" <<EOF
#!/usr/bin/env bash
rm -f '$intake_sqlite' '$intake_sqlite-wal' '$intake_sqlite-shm'
cp '$sqlite_db' '$intake_sqlite'
sync '$intake_sqlite'
EOF
  cat >"$work/reset-postgresql-$cases" <<EOF
#!/usr/bin/env bash
PGOPTIONS='-c client_min_messages=warning' psql -q '$maintenance' \\
  -c 'DROP DATABASE IF EXISTS intake_$cases' \\
  -c 'CREATE DATABASE intake_$cases TEMPLATE bench_$cases'
EOF
  chmod +x "$work/reset-sqlite-$cases" "$work/reset-postgresql-$cases"

  on_both=("$sqlite_db" "$postgresql_db")
  measure "$cases" "show $case_id" "" "" "${on_both[@]}" show "$case_id"
  measure "$cases" "list --unit FGW --overdue" "" "" "${on_both[@]}" list --unit FGW --overdue
  measure "$cases" "triage" "" "" "${on_both[@]}" triage
  measure "$cases" "triage --unit FGW" "" "" "${on_both[@]}" triage --unit FGW
  measure "$cases" "report monthly --month $month" "" "" "${on_both[@]}" \
    report monthly --month "$month"
  intake=(intake --enterprise "$enterprise" --type consult --channel web --title engines.sh)
  measure "$cases" "${intake[*]}" "$work/reset-sqlite-$cases" "$work/reset-postgresql-$cases" \
    "$intake_sqlite" "$intake_postgresql" "${intake[@]}"
  measure "$cases" "verify" "" "" "${on_both[@]}" verify
done

echo
echo "Medians of hyperfine runs, --at $at, on $(nproc) cores; ratio PostgreSQL / SQLite:"
cat "$table"
if ((differences > 0)); then
  echo "engines.sh: $differences command(s) print differently on SQLite and PostgreSQL (above)" >&2
  exit 1
fi
