#!/usr/bin/env bash
# End to end: the accountability record (issue 10). Deadlines that an explanation, a dispute or
# a chosen date cannot dodge; a late paper record that withdraws a wrong referral; corrections
# in the open; co-units with their own clock.
source "$(dirname "$0")/lib.sh"

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run unit add SWJ --name 市商务局 --kind department
run unit add JXW --name 市工业和信息化局 --kind department
run enterprise add --name 信阳示例机械有限公司
expect_code 0 "setup"

# ---- An explanation after the reply was due does not erase the miss (Art. 7) ----
run intake --enterprise 1 --type coordinate --channel web --title t --at "2025-11-03 09:00"
run forward 1 --to FGW --at "2025-11-03 10:00"                      # reply due 11-10, explain 11-06
run escalate 1 --explain x --propose y --at "2025-11-12 10:00"
expect_code 0 "a late explanation is recorded"
run triage --at 2025-11-13 --json
expect_jq '[.pending_referrals[].id] | join(",")' "2025-000001" "the late unit is still to be referred"
run show 1 --json
expect_jq '.clocks[] | select(.name == "explain") | .status' "missed" "the explain clock is missed"
run triage --apply --at "2025-11-13 08:30"
expect_code 0 "triage refers an explained-late case"
run show 1 --json
expect_jq '.clocks[] | select(.name == "reply") | .referred_at' "2025-11-13T08:30:00+08:00" "referred"

# ---- A Saturday is refused as a decided due date (Civil Code Art. 203) ----
run escalate 1 --to joint-meeting --at "2025-11-14 09:00"
before=$(db_snapshot)
run forward 1 --to SWJ --due 2025-11-22 --at "2025-11-14 10:00"
expect_code 4 "forward --due on a Saturday"
expect_one_line_error "forward --due on a Saturday"
expect_err "2025-11-24" "the refusal names the next working day"
expect_unchanged "$before" "a refused forward"

# ---- A reply entered late withdraws the referral it proves wrong ----
run intake --enterprise 1 --type consult --channel hotline --title 电话咨询 --at "2025-11-03 09:00"
run forward 2 --to SWJ --at "2025-11-03 10:00"                     # consult, due 11-04
run triage --apply --at "2025-11-05 08:30"
run show 2 --json
expect_jq '.clocks[] | select(.name == "reply") | .referred_at' "2025-11-05T08:30:00+08:00" "referred at triage"
run reply 2 --text "11月4日已电话答复" --at "2025-11-04 17:00"
expect_code 0 "a reply dated before the referral is recorded"
run show 2 --json
expect_jq '.clocks[] | select(.name == "reply") | "\(.status) \(.referred_at)"' "met null" \
  "the reply was on time and the referral is withdrawn"
expect_jq '[.events[].action] | join(",")' "intake,forward,escalate-inspection,reply,withdraw" \
  "the referral stays in the log, withdrawn by an event"
expect_jq '.events[3] | (.recorded_at > .at)' "true" "the late entry shows when it was recorded"
run log 2 --lang zh
expect_out "撤回督办" "the withdrawal reads in Chinese"

# ---- Corrections in the open ----
run intake --enterprise 1 --type consult --channel web --title 误转 --at "2025-11-10 09:00"
run forward 3 --to FGW --at "2025-11-12 10:00"                     # forward due 11-11: missed
run show 3 --json
expect_jq '.clocks[0].status' "missed" "forwarded late"
run correct 3 2 --time "2025-11-11 10:00" --reason "登记簿显示11日已转办" --at "2025-11-13 09:00"
expect_code 0 "correct --time"
run show 3 --json
expect_jq '.clocks[0].status' "met" "the corrected forward was on time"
expect_jq '[.events[].action] | join(",")' "intake,forward,correct" "the original stays"
run correct 3 2 --to JXW --reason 误录 --at "2025-11-13 09:10"
run show 3 --json
expect_jq '.unit' "JXW" "correct --to reassigns"
run reply 3 --text 已答复 --at "2025-11-13 10:00"
before=$(db_snapshot)
run correct 3 2 --void --reason 重复录入 --at "2025-11-14 09:00"
expect_code 4 "a correction that breaks a later event"
expect_one_line_error "a correction that breaks a later event"
expect_err "event 5" "the refusal names the first impossible event"
expect_unchanged "$before" "a refused correction"
run correct 3 9 --void --reason x
expect_code 3 "an unknown event"
run correct 3 2 --reason x
expect_code 2 "nothing to correct"

# ---- Co-units ----
run intake --enterprise 1 --type coordinate --channel web --title 协办 --at "2025-11-17 09:00"
run forward 4 --to FGW --with JXW --at "2025-11-17 10:00"
run show 4 --json
expect_jq '.clocks[] | select(.name == "assist") | "\(.owed_by // .unit) \(.due)"' "JXW 2025-11-20" \
  "the co-unit's assist clock"
run list --unit JXW --json
expect_jq '[.cases[].id] | join(",")' "2025-000004,2025-000003" "a co-unit lists its case (lead of case 3 since the correction)"
run triage --unit JXW --at 2025-11-20 --json
expect_jq '[.units[0].due_today[].id] | join(",")' "2025-000004" "a co-unit's triage shows its clock"
run reply 4 --contribution --text 已提供资料 --at "2025-11-19 09:00"
expect_code 0 "the only co-unit contributes"
run show 4 --json
expect_jq '.clocks[] | select(.name == "assist") | .status' "met" "the contribution was on time"
run intake --enterprise 1 --type consult --channel web --title 无协办 --at "2025-11-17 09:00"
run forward 5 --to FGW --at "2025-11-17 10:00"
before=$(db_snapshot)
run reply 5 --contribution --text 资料 --at "2025-11-17 11:00"
expect_code 4 "a contribution to a case without co-units"
expect_one_line_error "a contribution to a case without co-units"
expect_err "has no co-units" "the refusal says why"
expect_unchanged "$before" "a refused contribution"

# ---- Once users exist, only the office corrects ----
run user add wang --unit OFFICE --role office
run user add li --unit FGW --role unit --as wang
before=$(db_snapshot)
run correct 4 2 --void --reason x --as li
expect_code 4 "a unit user may not correct"
expect_unchanged "$before" "a refused correction by a unit"

finish
