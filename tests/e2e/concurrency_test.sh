#!/usr/bin/env bash
# End to end: many processes on their own connections acting on the same cases at the same moment
# (issue 12). Two unit users reply to one case at once: exactly one reply is recorded and the
# other is refused by the case's state, never both; the office triages and forwards meanwhile;
# afterwards the ledger verifies, with no event lost, doubled or forked.
source "$(dirname "$0")/lib.sh"

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run unit add JXW --name 市工业和信息化局 --kind department
run user add office1 --unit OFFICE --role office
run --as office1 user add fgw1 --unit FGW --role unit
run --as office1 user add fgw2 --unit FGW --role unit
run --as office1 enterprise add --name 信阳示例机械有限公司
expect_code 0 "setup"

readonly cases=12
for ((i = 1; i <= cases; i++)); do
  run --as office1 --at 2025-09-29T09:00 intake --enterprise 1 --type consult --channel web \
    --title "案件 $i"
  run --as office1 --at 2025-09-29T10:00 forward "$i" --to FGW
done
expect_code 0 "cases forwarded"
run verify --json
events_before=$(printf '%s' "$OUT" | jq -r .events)

# Each racer writes "CASE CODE" lines; all start together when the start file appears.
racer() {
  local login=$1 log="$E2E_DIR/race-$1.log"
  while [[ ! -e $E2E_DIR/start ]]; do sleep 0.01; done
  for ((i = 1; i <= cases; i++)); do
    run --as "$login" --at 2025-09-30T09:00 reply "$i" --text "$login 的答复"
    echo "$i $CODE" >>"$log"
  done
}
office() {
  local log="$E2E_DIR/race-office.log"
  while [[ ! -e $E2E_DIR/start ]]; do sleep 0.01; done
  for ((i = 1; i <= cases; i++)); do
    run --as office1 --at 2025-09-30T09:00 intake --enterprise 1 --type consult --channel web \
      --title "并发中新案件 $i"
    echo "intake $CODE" >>"$log"
    run --as office1 --at 2025-09-30T08:30 triage --apply
    echo "triage $CODE" >>"$log"
  done
}
racer fgw1 &
first=$!
racer fgw2 &
second=$!
office &
third=$!
touch "$E2E_DIR/start"
wait "$first" "$second" "$third"

lost_or_doubled=0
for ((i = 1; i <= cases; i++)); do
  codes=$(grep -h "^$i " "$E2E_DIR"/race-fgw*.log | cut -d' ' -f2 | sort | paste -sd,)
  [[ $codes == 0,4 ]] || lost_or_doubled=$((lost_or_doubled + 1))
  replies=$(db_sql "SELECT count(*) FROM case_event WHERE case_id = '2025-$(printf %06d "$i")' AND action = 'reply'")
  ((replies == 1)) || lost_or_doubled=$((lost_or_doubled + 1))
done
((lost_or_doubled == 0)) && pass ||
  fail "each case: one reply recorded, the other refused ($(cat "$E2E_DIR"/race-fgw*.log | paste -sd' '))"
[[ -z $(grep -v ' 0$' "$E2E_DIR/race-office.log") ]] && pass ||
  fail "the office's intakes and triage beside the replies: $(paste -sd' ' "$E2E_DIR/race-office.log")"

run verify --json
expect_code 0 "the ledger verifies after the race"
expect_jq '.events' "$((events_before + 2 * cases))" "every event written is there, once"
expect_jq '.first_broken_event' "null" "no fork in the case-event chain"

finish
