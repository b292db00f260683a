#!/usr/bin/env bash
# End to end: duplicates (并单) in November 2025 — a likely duplicate flagged on intake, merge and
# its refusals, acting on a merged case, unmerge, the primary's answer reaching its duplicate,
# each case's own rating, the monthly report's merged figure with a miss before the merge still counted,
# bulk intake --on-duplicate skip|merge, and verify at the end.
source "$(dirname "$0")/lib.sh"

run init --at 2025-01-01
run unit add FGW --name 市发展和改革委员会 --kind department
run enterprise add --name 信阳毛尖茶业有限公司
run enterprise add --name 华豫建材有限公司
run user add wang --unit OFFICE --role office
run user add li --unit FGW --role unit --as wang
expect_code 0 "setup"

# ---- intake flags a likely duplicate ----
run --as wang --at 2025-11-03T09:00 intake --enterprise 1 --type consult --channel web \
  --title 用电增容 --body 厂区需要增容
expect_code 0 "the primary is taken in"
[[ -z $ERR ]] && pass || fail "the first case is flagged as nothing: $ERR"
run --as wang --at 2025-11-03T10:00 --json intake --enterprise 1 --type consult --channel hotline \
  --title "用电增容！" --body 热线来电
expect_code 0 "a likely duplicate is still taken in"
expect_jq .likely_duplicate_of 2025-000001 "--json names the likely primary"
expect_err "case '2025-000002' is likely a duplicate of open case '2025-000001' ('用电增容')" \
  "stderr names the likely primary"
run --as wang --at 2025-11-03T10:30 --json intake --enterprise 2 --type consult --channel web \
  --title 税务咨询
expect_jq '.likely_duplicate_of | tostring' null "another enterprise's case is not flagged"
run --as wang --at 2025-11-03T11:00 forward 1 --to FGW
run --as wang --at 2025-11-03T11:00 forward 3 --to FGW
expect_code 0 "the primary and the third case are forwarded on time"

# ---- merge refusals: exit 4, one line, nothing written ----
before=$(db_snapshot)
run --as wang --at 2025-11-05T09:00 merge 2 --into 2 --reason x
expect_code 4 "merging into itself"
expect_one_line_error "merging into itself"
run --as li --at 2025-11-05T09:00 merge 2 --into 1 --reason x
expect_code 4 "a unit user may not merge"
expect_one_line_error "a unit user merging"
run --as wang --at 2025-11-05T09:00 merge 2 --into 1 --reason " "
expect_code 2 "an empty reason"
run --as wang --at 2025-11-05T09:00 merge 2 --into 99 --reason x
expect_code 3 "an unknown primary"
expect_unchanged "$before" "refused merges"

# ---- merge: the duplicate's overdue forward clock ends as missed, not cancelled ----
run --as wang --at 2025-11-05T09:00 --json merge 2 --into 1 --reason 同一诉求（网站与热线）
expect_code 0 "merge"
expect_jq .merged_into 2025-000001 "the duplicate follows the primary"
expect_jq '.clocks[0].status' missed "its forward clock, past due, ends as missed"
run --as wang --at 2025-11-05T09:00 show 2
expect_out "2025-000001" "show names the primary"
before=$(db_snapshot)
run --as wang --at 2025-11-05T09:05 forward 2 --to FGW
expect_code 4 "acting on a merged case"
expect_one_line_error "acting on a merged case"
expect_err "case '2025-000002' is merged into '2025-000001'; act on '2025-000001'" \
  "the refusal names the primary"
run --as wang --at 2025-11-05T09:05 merge 1 --into 3 --reason x
expect_code 4 "a primary with duplicates is not merged"
run --as wang --at 2025-11-05T09:05 merge 3 --into 2 --reason x
expect_code 4 "merging into a merged case"
expect_err "merge into '2025-000001' instead" "the refusal names the primary to use"
run --as wang --at 2025-11-05T09:05 unmerge 3 --reason x
expect_code 4 "unmerging a case that is not merged"
expect_unchanged "$before" "refused actions on duplicates"

# ---- another enterprise's case: merged with a warning, then unmerged ----
run --as wang --at 2025-11-05T09:05 intake --enterprise 2 --type consult --channel web \
  --title 厂房消防验收
run --as wang --at 2025-11-05T09:10 merge 4 --into 1 --reason 疑似同一问题
expect_code 0 "a case of another enterprise may be merged"
expect_err "case '2025-000004' is from '华豫建材有限公司' and '2025-000001' from '信阳毛尖茶业有限公司'" \
  "the warning names both enterprises"
run --as wang --at 2025-11-05T09:20 --json unmerge 4 --reason 不是同一问题
expect_code 0 "unmerge"
expect_jq '.merged_into | tostring' null "the case no longer follows"
expect_jq '[.clocks[] | select(.status != "cancelled") | .due] | join(",")' 2025-11-06 \
  "its forward clock runs again from the unmerge"
run --as wang --at 2025-11-05T10:00 forward 4 --to FGW
expect_code 0 "an unmerged case is acted on again"

# ---- the primary's answer reaches its duplicate ----
run --as li --at 2025-11-06T09:00 reply 1 --text 可在网上申请增容
expect_code 0 "the unit answers the primary"
run --as wang --at 2025-11-06T09:30 --json show 2
expect_jq '[.state, .answer.text, .answer.unit] | join(" ")' "answered 可在网上申请增容 FGW" \
  "the duplicate is answered with the primary's answer"
expect_jq '.events[-1].action' follow "its log records the follow"
run --as wang --at 2025-11-06T09:30 unmerge 2 --reason x
expect_code 4 "no unmerge once the primary is answered"
expect_one_line_error "unmerge after the answer"
run --as wang --at 2025-11-07T09:00 evaluate 2 --rating dissatisfied
expect_code 0 "the duplicate is rated"
run --as wang --at 2025-11-07T09:00 --json evaluate 1 --rating satisfied
expect_jq .rating satisfied "the primary keeps its own rating"
run --as wang --at 2025-11-07T09:00 --json show 2
expect_jq .rating dissatisfied "the duplicate keeps its own rating"

# ---- the monthly report: received +1, merged +1, the miss before the merge counted ----
run --lang en --at 2025-12-01T09:00 report monthly --month 2025-11 --format json
expect_code 0 "the monthly report"
totals='.sections[] | select(.key == "totals") | .table.rows[]'
expect_jq "$totals | select(.item == \"received\") | .value" 4 "four cases received"
expect_jq "$totals | select(.item | startswith(\"of which merged\")) | .value" 1 "one merged"
expect_jq "$totals | select(.item | startswith(\"forwarded within\")) | .value.text" \
  "75.0% (3/4)" "the duplicate's forward clock, missed before the merge, stays in the on-time rate"
expect_jq '[.sections[] | select(.key == "overdue") | .table.rows[] | select(.case == "2025-000002")] | length' 0 \
  "the duplicate is in no overdue list"

# ---- bulk intake --on-duplicate ----
printf 'enterprise,type,channel,title,body\n2,consult,web,税务咨询？,网站留言\n' >"$E2E_DIR/dup.csv"
before=$(db_snapshot)
run --as wang --at 2025-11-10T09:00 intake --from "$E2E_DIR/dup.csv" --on-duplicate skip
expect_code 0 "skip"
expect_out "1 likely duplicate not taken in" "skip counts the record"
expect_err "dup.csv:2: likely a duplicate of open case '2025-000003'" "skip names the line"
expect_unchanged "$before" "a skipped record writes nothing"
run --as wang --at 2025-11-10T09:00 intake --from "$E2E_DIR/dup.csv" --on-duplicate sometimes
expect_code 2 "a bad --on-duplicate"
run --as wang --at 2025-11-10T09:00 --json intake --from "$E2E_DIR/dup.csv" --on-duplicate merge
expect_code 0 "merge on intake"
expect_jq '.cases[0].likely_duplicate_of' 2025-000003 "the record is flagged"
run --as wang --at 2025-11-10T09:00 --json show 5
expect_jq '[.merged_into, .events[-1].action, .events[-1].text] | join(" ")' \
  "2025-000003 merge duplicate found on intake" "and merged into its likely primary"
printf 'enterprise,type,channel,title,body,source_id\n1,consult,web,食品经营许可,网站留言,W-77\n' \
  >"$E2E_DIR/again.csv"
run --as wang --at 2025-11-10T09:30 intake --from "$E2E_DIR/again.csv" --on-duplicate skip
expect_code 0 "a new record with a source id is taken in under skip"
run --as wang --at 2025-11-10T09:30 --json intake --from "$E2E_DIR/again.csv" --on-duplicate skip
expect_code 0 "the same file again under skip"
expect_jq '[.already_present, .skipped_duplicates] | map(tostring) | join(" ")' "1 0" \
  "a record already present is counted as present, not skipped as its own duplicate"

run config
expect_out "intake.duplicate_window_days" "ent110 config shows the window"
run verify
expect_code 0 "verify passes"
finish
