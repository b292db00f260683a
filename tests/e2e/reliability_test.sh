#!/usr/bin/env bash
# End to end: ent110 under concurrency and kill -9 (issue 11). Several writer processes and
# readers on one database at once lose no event that a command reported done; a bulk intake
# killed at any moment leaves either all of its rows or none, and the database intact and
# verifiable.
source "$(dirname "$0")/lib.sh"

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run enterprise add --name 信阳示例机械有限公司
expect_code 0 "setup"

readonly writers=4 cases_per_writer=15 readers=2
events_before=$(db_sql "SELECT count(*) FROM case_event")

# writer N: takes in, forwards and answers cases; logs "ok CASE ACTION" for every command that
# exited 0 and "failed CODE ACTION" for every other.
writer() {
  local log="$E2E_DIR/writer-$1.log" out id code
  for ((i = 0; i < cases_per_writer; i++)); do
    out=$("$ENT110" --at 2025-09-30T09:00 --json intake --enterprise 1 --type consult \
      --channel web --title "writer $1 case $i" 2>>"$log.err")
    code=$?
    id=$(jq -r .id <<<"$out" 2>/dev/null)
    if ((code != 0)) || [[ $id != 2025-* ]]; then
      echo "failed $code intake" >>"$log"
      continue
    fi
    echo "ok $id intake" >>"$log"
    "$ENT110" --at 2025-09-30T10:00 forward "$id" --to FGW >/dev/null 2>>"$log.err"
    code=$?
    ((code == 0)) && echo "ok $id forward" >>"$log" || echo "failed $code forward" >>"$log"
    "$ENT110" --at 2025-09-30T11:00 reply "$id" --text "已答复" >/dev/null 2>>"$log.err"
    code=$?
    ((code == 0)) && echo "ok $id reply" >>"$log" || echo "failed $code reply" >>"$log"
  done
}

# reader N: lists, shows and triages until the writers are done; logs every exit code but 0.
reader() {
  local log="$E2E_DIR/reader-$1.log" code
  : >"$log"
  while [[ ! -e $E2E_DIR/writers-done ]]; do
    for command in "list" "show 1" "triage --at 2025-10-09T08:30" "list --json"; do
      # shellcheck disable=SC2086 # the command's words
      "$ENT110" $command >/dev/null 2>>"$log.err"
      code=$?
      # A reader may start before the first case exists: `show 1` is then not found (exit 3).
      [[ $code -eq 0 || ($code -eq 3 && $command == "show 1") ]] || echo "failed $code $command" >>"$log"
    done
  done
}

reader_pids=() writer_pids=()
for ((r = 1; r <= readers; r++)); do
  reader "$r" &
  reader_pids+=($!)
done
for ((w = 1; w <= writers; w++)); do
  writer "$w" &
  writer_pids+=($!)
done
wait "${writer_pids[@]}"
touch "$E2E_DIR/writers-done"
wait "${reader_pids[@]}"

cat "$E2E_DIR"/writer-*.log >"$E2E_DIR/writes.log"
done_count=$(grep -c '^ok ' "$E2E_DIR/writes.log")
failed=$(grep '^failed ' "$E2E_DIR/writes.log")
[[ -z $failed ]] && pass || fail "every concurrent write succeeded: $failed $(cat "$E2E_DIR"/writer-*.log.err)"
((done_count == writers * cases_per_writer * 3)) && pass ||
  fail "concurrent writes: $done_count commands done of $((writers * cases_per_writer * 3))"
reader_failures=$(cat "$E2E_DIR"/reader-*.log)
[[ -z $reader_failures ]] && pass ||
  fail "readers beside the writers: $reader_failures $(cat "$E2E_DIR"/reader-*.log.err)"

# Every command that exited 0 left its event, and nothing else was written.
lost=0
while read -r _ id action; do
  found=$(db_sql "SELECT count(*) FROM case_event WHERE case_id = '$id' AND action = '$action'")
  ((found == 1)) || lost=$((lost + 1))
done < <(grep '^ok ' "$E2E_DIR/writes.log")
((lost == 0)) && pass || fail "$lost events of commands that exited 0 are missing"
events_after=$(db_sql "SELECT count(*) FROM case_event")
((events_after == events_before + done_count)) && pass ||
  fail "events: $events_before before, $done_count written, $events_after now"
expect_integrity() {
  if [[ $E2E_ENGINE == sqlite ]]; then
    [[ $(sqlite3 "$ENT110_DB" "PRAGMA integrity_check") == ok ]] && pass || fail "$1: integrity_check"
  fi
}
expect_integrity "after concurrent writers"
run verify
expect_code 0 "verify after concurrent writers"
echo "concurrency ($SECONDS s): $writers writers, $readers readers, $done_count writes, $lost lost"

# ---- kill -9 during a bulk intake ----
readonly rows=500
bulk="$E2E_DIR/bulk.ndjson"
for ((i = 1; i <= rows; i++)); do
  printf '{"enterprise": "1", "type": "coordinate", "channel": "hotline", "title": "批量 %d"}\n' "$i"
done >"$bulk"
case_count() { db_sql "SELECT count(*) FROM case_file"; }

# One uninterrupted run takes every row and tells how long a run lasts.
before=$(case_count)
started=$(date +%s%N)
run --at 2025-10-09T09:00 intake --from "$bulk"
duration_ms=$((($(date +%s%N) - started) / 1000000))
expect_code 0 "an uninterrupted bulk intake"
(($(case_count) == before + rows)) && pass || fail "the uninterrupted bulk intake took every row"

# Kills spread over the run's length, each shifted by a random part of its slot: from process
# start to past the commit. Every outcome must be all rows or none.
readonly kills=6
RANDOM=110
killed_running=0 took_all=0 took_none=0
for ((k = 0; k < kills; k++)); do
  before=$(case_count)
  slot_ms=$((duration_ms / kills))
  delay_ms=$((k * slot_ms + RANDOM % (slot_ms + 1)))
  "$ENT110" --at 2025-10-09T09:00 intake --from "$bulk" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null && killed_running=$((killed_running + 1))
  wait "$pid" 2>/dev/null
  after=$(case_count)
  if ((after == before)); then
    took_none=$((took_none + 1))
  elif ((after == before + rows)); then
    took_all=$((took_all + 1))
  else
    fail "kill -9 after ${delay_ms} ms left $((after - before)) of $rows rows"
  fi
  expect_integrity "kill -9 after ${delay_ms} ms"
done
((killed_running > 0)) && pass || fail "no kill -9 landed while the bulk intake ran"
((took_all + took_none == kills)) && pass || fail "every killed bulk intake was all or nothing"
run verify
expect_code 0 "verify after the kills"
echo "kill -9 ($SECONDS s): $kills kills over ${duration_ms} ms runs, $killed_running while running;" \
  "$took_all left all $rows rows, $took_none none"

finish
