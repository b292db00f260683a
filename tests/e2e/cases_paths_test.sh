#!/usr/bin/env bash
# End to end: every path of spec/rules.md through the real binary, with --at, checking state,
# clocks and exit codes in the JSON, and that every refusal leaves the database unchanged.
source "$(dirname "$0")/lib.sh"

run init --at 2025-01-01
expect_code 0 "init"
run unit add FGW --name 市发展和改革委员会 --kind department --at 2025-01-01
run unit add JXW --name 市工业和信息化局 --kind department --at 2025-01-01
run enterprise add --name 信阳示例机械有限公司 --at 2025-01-01
expect_code 0 "setup"

# intake_case TYPE AT [--major]: takes in a case and sets $ID.
intake_case() {
  run intake --enterprise 信阳示例机械有限公司 --type "$1" --channel hotline --title 用电增容 \
    --body 厂区需要增容 --at "$2" "${@:3}" --json
  expect_code 0 "intake $1 at $2"
  ID=$(printf '%s' "$OUT" | jq -r .id)
}

# refused DESCRIPTION EXPECTED_CODE ARGS…: the command fails with one error line and no change.
refused() {
  local description=$1 code=$2
  shift 2
  local before
  before=$(db_snapshot)
  run "$@"
  expect_code "$code" "$description"
  expect_one_line_error "$description"
  expect_unchanged "$before" "$description"
}

clock() { printf '.clocks | map(select(.name == "%s")) | last | %s' "$1" "$2"; }

## received → rejected (Art. 6)
intake_case consult "2025-09-30 20:15"
expect_jq .id "2025-000001" "the first case of 2025"
expect_jq .state "received" "a new case is received"
expect_jq "$(clock forward '"\(.started) \(.due) \(.status)"')" "2025-09-30 2025-10-09 open" \
  "rules.md: received Tuesday 2025-09-30 20:15, forward by 2025-10-09"
expect_jq .received_at "2025-09-30T20:15:00+08:00" "received_at is local with offset"
run show 2025-000001 --at 2025-10-09 --json
expect_jq "$(clock forward .status)" "due-today" "status on the due date"
run show 1 --at 2025-10-10 --json
expect_jq "$(clock forward .status)" "overdue" "status after the due date; the number alone"
run reject 1 --reason unclear --explain 诉求不明确，请补充材料 --at 2025-10-09T16:00 --json
expect_code 0 "reject"
expect_jq .state "rejected" "rejected"
expect_jq .reject_reason "unclear" "the reason is recorded"
expect_jq "$(clock forward '"\(.stopped) \(.status)"')" "2025-10-09 met" "forward clock met"
expect_jq '.events[-1] | "\(.seq) \(.action) \(.text)"' "2 reject 诉求不明确，请补充材料" \
  "the explanation to the enterprise is an event"
refused "forward a rejected case" 4 forward 1 --to FGW --at 2025-10-10
expect_err "case '2025-000001' is 'rejected'; forward needs one of 'received', 'escalated', 'disputed'" \
  "the refusal names the state and what forward needs"

## received → forwarded → answered (consult) → evaluated
intake_case consult "2025-09-30 09:00"
C=$ID
run forward "$C" --to FGW --at "2025-09-30 15:00" --json
expect_jq "$(clock reply '"\(.due) \(.status)"')" "2025-10-09 open" "consult reply: 1 working day"
refused "a rating before the answer" 4 evaluate "$C" --rating satisfied --at 2025-10-09
run reply "$C" --text 已答复：可申请增容 --at 2025-10-09T17:00 --json
expect_jq .state "answered" "a consult reply is published"
expect_jq '.answer | "\(.unit) \(.text)"' "FGW 已答复：可申请增容" "who published is recorded"
expect_jq "$(clock reply .status)" "met" "reply clock met"
run evaluate "$C" --rating satisfied --at 2025-10-10 --json
expect_jq '"\(.state) \(.rating)"' "evaluated satisfied" "rated"
refused "a second rating" 4 evaluate "$C" --rating basic --at 2025-10-11
refused "redo after a satisfied rating" 4 forward "$C" --to FGW --redo --at 2025-10-11

## received → forwarded → submitted → returned → submitted → approved (coordinate)
intake_case coordinate "2025-09-30 09:00"
C=$ID
run forward "$C" --to FGW --with JXW --at "2025-09-30 15:00" --json
expect_jq "$(clock reply .due)" "2025-10-14" "rules.md: coordinate forwarded 2025-09-30, due 2025-10-14"
expect_jq "$(clock explain .due)" "2025-10-11" "explain: 3 working days, Saturday 11 October counts"
expect_jq '.co_units | join(",")' "JXW" "co-units"
run reply "$C" --text 已协调 --at 2025-10-10T10:00 --json
expect_jq .state "submitted" "a coordinate result is submitted"
expect_jq "$(clock explain .status)" "cancelled" "no explanation owed"
expect_jq "$(clock review .due)" "2025-10-11" "review: 1 working day (a working Saturday)"
run review "$C" --return 请补充完成时限 --at 2025-10-11T09:00 --json
expect_jq .state "returned" "returned"
expect_jq "$(clock resubmit .due)" "2025-10-14" "resubmit: 2 working days"
run reply "$C" --text 已协调，10月底前完成 --at 2025-10-13T09:00 --json
expect_jq "$(clock resubmit .status)" "met" "resubmitted in time"
run review "$C" --approve --text 已协调，10月31日前完成增容 --at 2025-10-13T15:00 --json
expect_jq .state "answered" "approved and published"
expect_jq '"\(.answer.edited) \(.answer.unit) \(.result.text)"' "true OFFICE 已协调，10月底前完成" \
  "the edit is recorded and the unit's text kept"

## forwarded → explained → escalated → forwarded again with a new due date
intake_case coordinate "2025-09-30 09:00"
C=$ID
run forward "$C" --to FGW --at "2025-09-30 15:00"
refused "--within before any escalation" 4 forward "$C" --to FGW --within 3 --at 2025-10-09
run escalate "$C" --explain 涉及多部门 --propose 提请联席会议协调 --at 2025-10-10T10:00 --json
expect_jq .state "explained" "explained"
expect_jq "$(clock explain .status)" "met" "explained in time"
expect_jq "$(clock reply .status)" "paused" "reply clock paused"
refused "an explanation of an explained case" 4 escalate "$C" --explain x --propose y --at 2025-10-10T11:00
run escalate "$C" --to joint-meeting --note 列入10月联席会议 --at 2025-10-11T10:00 --json
expect_jq .state "escalated" "escalated"
run forward "$C" --to JXW --within 10 --at 2025-10-20T09:00 --json
expect_jq '"\(.state) \(.unit)"' "forwarded JXW" "forwarded again"
expect_jq "$(clock reply '"\(.due) \(.working_days)"')" "2025-11-03 10" "the decision's limit"
expect_jq '[.clocks[] | select(.status == "cancelled")] | length' "1" "the old reply clock is cancelled"

## explained → escalated to the government → answered by the office
intake_case coordinate "2025-09-30 09:00"
C=$ID
run forward "$C" --to FGW --at "2025-09-30 15:00"
run escalate "$C" --explain 需市政府决策 --propose 报市政府 --at 2025-10-13T10:00 --json
expect_jq "$(clock explain .status)" "missed" "an explanation after 3 working days is late"
run escalate "$C" --to government --at 2025-10-14T10:00
run reply "$C" --text 市政府已研究同意 --at 2025-10-20T10:00 --json
expect_jq '"\(.state) \(.answer.unit)"' "answered OFFICE" "the office answers the enterprise itself"

## major: received → reported to the government → …
intake_case consult "2025-09-30 20:15" --major
C=$ID
expect_jq "$(clock government .due)" "2025-10-10" "Art. 8: reported within 2 working days"
run escalate "$C" --to government --note 已报告市政府 --at 2025-10-10T09:00 --json
expect_jq .state "received" "the report keeps the state"
expect_jq "$(clock government .status)" "met" "the report stops the government clock"
refused "a second report" 4 escalate "$C" --to government --at 2025-10-10T10:00

## forwarded → disputed → forwarded to another unit
intake_case coordinate "2025-10-09 09:00"
C=$ID
run forward "$C" --to FGW --at "2025-10-09 10:00"
run dispute "$C" --reason 不属于本单位职责 --at 2025-10-09T15:00 --json
expect_jq .state "disputed" "disputed"
expect_jq "$(clock reply .status)" "paused" "a dispute pauses the reply clock"
run forward "$C" --to JXW --at 2025-10-10T09:00 --json
# 11 (Saturday, working), 13, 14, 15, 16 October.
expect_jq "$(clock reply '"\(.unit) \(.due)"')" "JXW 2025-10-16" "the new unit gets the rules' limit"

## late and unexplained → referred to inspection (督办), once
intake_case consult "2025-10-09 09:00"
C=$ID
run forward "$C" --to FGW --at "2025-10-09 10:00"
refused "a referral before the reply is late" 4 escalate "$C" --to inspection --at 2025-10-10T18:00
run escalate "$C" --to inspection --at 2025-10-11T09:00 --json
expect_jq '"\(.state) \(.events[-1].action) \(.events[-1].detail)"' \
  "forwarded escalate-inspection FGW" "the referral is an event naming the unit"
refused "a second referral" 4 escalate "$C" --to inspection --at 2025-10-13T09:00

## dissatisfied → handled again (重办) → rated again
run reply "$C" --text 答复 --at 2025-10-13T10:00
run evaluate "$C" --rating dissatisfied --comment 未解决 --at 2025-10-14
run forward "$C" --to JXW --redo --at 2025-10-14T10:00 --json
expect_jq '"\(.state) \(.round) \(.rating)"' "forwarded 1 null" "handled again"
run reply "$C" --text 再次答复 --at 2025-10-14T16:00
run evaluate "$C" --rating basic --at 2025-10-15 --json
expect_jq .rating "basic" "rated again after the redo"

## refusals that change nothing
refused "an action before the case's last event" 4 reply "$C" --text x --at 2025-10-01
refused "an unknown case" 3 show 2025-009999
refused "an unknown enterprise" 3 intake --enterprise 不存在 --type consult --channel web --title x
expect_err "ent110 enterprise add" "suggests registering the enterprise"
refused "review with neither --approve nor --return" 2 review 2025-000003 --at 2025-12-01

intake_case consult "2025-12-01 09:00"
refused "an unknown unit" 3 forward "$ID" --to FWG --at 2025-12-01T10:00
expect_err "did you mean 'FGW'" "did you mean for a unit"
refused "forwarding to the government" 4 forward "$ID" --to GOV --at 2025-12-01T10:00

## roles once users exist
run user add wang --unit OFFICE --role office --at 2025-01-01
run user add li --unit FGW --role unit --as wang --at 2025-01-01
expect_code 0 "users registered"
intake_case consult "2025-11-03 09:00" --as wang
C=$ID
refused "a unit user forwarding" 4 forward "$C" --to FGW --as li --at 2025-11-03T10:00
expect_err "user 'li' (unit 'FGW', role 'unit') may not forward; only office users may" \
  "the refusal names the user, unit, role and who may act"
refused "an unknown login" 3 forward "$C" --to FGW --as nobody --at 2025-11-03T10:00
run forward "$C" --to FGW --as wang --at 2025-11-03T10:00
refused "the office replying for the unit" 4 reply "$C" --text x --as wang --at 2025-11-03T11:00
run reply "$C" --text 已答复 --as li --at 2025-11-03T11:00 --json
expect_jq '"\(.answer.by) \(.events[-1].actor) \(.events[-1].unit)"' "li li FGW" \
  "the person and unit who published"

## provisional due dates
run intake --enterprise 信阳示例机械有限公司 --type consult --channel web --title 跨年 \
  --at "2026-12-31 10:00" --as wang --json
expect_jq "$(clock forward '"\(.due) \(.provisional)"')" "2027-01-01 true" "past the schedule"
expect_err "warning: the forward clock of case '2026-000001' is due 2027-01-01 by the weekend rule alone" \
  "a provisional due date warns"

## reading
run list --at 2025-10-15 --json
expect_code 0 "list"
run list --state forwarded --unit JXW --at 2025-10-15 --json
expect_jq '[.cases[].id] | join(",")' "2025-000007,2025-000004" "filters combine, most urgent first"
run list --overdue --at 2025-10-15 --ndjson
expect_code 0 "ndjson"
run log 2025-000001 --json
expect_jq '[.events[].action] | join(",")' "intake,reject" "log of one case"
run log --json
expect_jq '.events | length' "$(db_sql "SELECT count(*) FROM case_event")" "log of all cases"

finish
