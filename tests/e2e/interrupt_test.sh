#!/usr/bin/env bash
# End to end (issue 11, "Interrupts and retries"): SIGINT exits 130 and SIGTERM 143 before the
# commit, with nothing changed and no temporary file left; after the commit the run finishes and
# exits 0, so a retry never repeats done work. Each wait is bounded; each signal is sent at a
# point the test has observed, not after a guessed delay.
source "$(dirname "$0")/lib.sh"
sqlite_only "the lock holder and the file checks here are SQLite's"

export TMPDIR="$E2E_DIR/tmp"
mkdir "$TMPDIR"
run init --at 2025-01-01
run enterprise add --name 信阳示例机械有限公司 --at 2025-01-01
expect_code 0 "setup"

# wait_for CONDITION: polls the shell condition for up to 30 s (a loaded CI machine is slow).
wait_for() {
  for _ in $(seq 300); do
    eval "$1" && return 0
    sleep 0.1
  done
  return 1
}

# catches_interrupts PID: the process has installed its SIGINT and SIGTERM handler (SigCgt bits
# 2 and 15 in /proc), so a signal from now on is its to handle, not the shell's default. Until it
# has exec'd ent110 the child is still a copy of this shell, whose handlers would run the EXIT trap
# (removing $E2E_DIR): on a loaded machine the test once signalled that copy.
catches_interrupts() {
  local mask
  [[ $(cat "/proc/$1/comm" 2>/dev/null) == ent110 ]] || return 1
  mask=$(awk '/^SigCgt:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
  [[ -n $mask ]] && (((16#$mask & 0x4002) == 0x4002))
}

# stopped_with SIGNAL PID: sends SIGNAL to PID and sets CODE to its exit status.
stopped_with() {
  kill "-$1" "$2"
  wait "$2"
  CODE=$?
}

## a backup blocked on a FIFO nobody reads: its temporary copy exists, then the signal
mkfifo "$E2E_DIR/backup.fifo"
for signal in INT TERM; do
  "$ENT110" backup "$E2E_DIR/backup.fifo" 2>/dev/null &
  pid=$!
  wait_for '[[ -n $(find "$TMPDIR" -name ".backup.fifo.tmp-*") ]]' ||
    fail "backup made no temporary copy"
  stopped_with "$signal" "$pid"
  expect_code "$([[ $signal == INT ]] && echo 130 || echo 143)" "SIG$signal during backup"
  [[ -z $(ls -A "$TMPDIR") ]] && pass || fail "SIG$signal removes the copy and its journal"
done

## a write waiting for another writer's lock: interrupted before its commit
mkfifo "$E2E_DIR/sql"
# The holder waits out the probes below: without a busy timeout, a probe's own brief transaction
# could make its BEGIN IMMEDIATE fail, and no lock would ever be held.
sqlite3 -cmd ".timeout 30000" "$ENT110_DB" <"$E2E_DIR/sql" >/dev/null &
holder=$!
exec 4>"$E2E_DIR/sql"
echo "BEGIN IMMEDIATE;" >&4
wait_for '! sqlite3 "$ENT110_DB" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null' ||
  fail "the lock was not taken"
before=$(db_snapshot)
for signal in INT TERM; do
  "$ENT110" unit add ZZ --name 某区 --kind district 2>/dev/null &
  pid=$!
  # From here the writer is on its way to BEGIN IMMEDIATE or in its busy wait (5 s): it cannot
  # have committed.
  wait_for "catches_interrupts $pid" || fail "no interrupt handler"
  stopped_with "$signal" "$pid"
  expect_code "$([[ $signal == INT ]] && echo 130 || echo 143)" "SIG$signal before the commit"
done
exec 4>&-
wait "$holder"
expect_unchanged "$before" "an interrupted write changed nothing"
run unit add ZZ --name 某区 --kind district
expect_code 0 "the retry does the work once"

## a bulk intake whose output blocks after its commit: interrupted after the commit
records="$E2E_DIR/many.ndjson"
for i in $(seq 120); do
  printf '{"enterprise": "信阳示例机械有限公司", "type": "consult", "channel": "web", "title": "咨询 %d"}\n' "$i"
done >"$records"
mkfifo "$E2E_DIR/out"
"$ENT110" intake --from "$records" --json --at 2025-10-01T09:00 >"$E2E_DIR/out" 2>/dev/null &
pid=$!
exec 5<"$E2E_DIR/out"
wait_for '[[ $(sqlite3 "$ENT110_DB" "SELECT count(*) FROM case_file") == 120 ]]' ||
  fail "the intake did not commit"
kill -INT "$pid"
bytes=$(wc -c <&5)
exec 5<&-
wait "$pid"
CODE=$?
expect_code 0 "SIGINT after the commit: the run finishes"
((bytes > 65536)) && pass || fail "the output ($bytes bytes) was large enough to block the run"
[[ $(sqlite3 "$ENT110_DB" "SELECT count(*) FROM case_file") == 120 ]] &&
  pass || fail "the cases were taken in once"

finish
