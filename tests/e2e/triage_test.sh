#!/usr/bin/env bash
# End to end: `ent110 triage` around the 2025 National Day holiday (1–8 October off, Sunday
# 28 September and Saturday 11 October working), on cases made with the real commands.
source "$(dirname "$0")/lib.sh"

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run unit add JXW --name 市工业和信息化局 --kind department
run enterprise add --name 信阳示例机械有限公司
expect_code 0 "setup"

# intake TIME TYPE TITLE [--major]: a new case received at local TIME.
intake() { run --at "$1" intake --enterprise 1 --type "$2" --channel hotline --title "$3" "${@:4}"; }

intake 2025-09-30T20:15 consult fwd-late                           # 1: forward due 9 Oct
intake 2025-09-29T09:00 consult consult-late                       # 2
run --at 2025-09-30T09:00 forward 2 --to FGW                       #    reply due 9 Oct
intake 2025-10-09T09:00 consult consult-today                      # 3
run --at 2025-10-09T10:00 forward 3 --to FGW                       #    reply due 10 Oct
intake 2025-10-10T08:00 consult consult-next                       # 4
run --at 2025-10-10T08:10 forward 4 --to FGW                       #    reply due Sat 11 Oct
intake 2025-09-22T09:00 coordinate coord-late                      # 5
run --at 2025-09-22T10:00 forward 5 --to JXW                       #    reply due Sun 28 Sep
intake 2025-09-22T09:00 coordinate explained                       # 6
run --at 2025-09-22T10:00 forward 6 --to JXW
run --at 2025-09-24T10:00 escalate 6 --explain 需市政府研究 --propose 建议报市政府
intake 2025-09-29T09:00 coordinate disputed                        # 7
run --at 2025-09-29T10:00 forward 7 --to FGW
run --at 2025-09-30T10:00 dispute 7 --reason 不属于本单位职责
intake 2025-09-29T09:00 coordinate review-today                    # 8
run --at 2025-09-29T10:00 forward 8 --to FGW
run --at 2025-10-09T10:00 reply 8 --text 已协调                     #    review due 10 Oct
intake 2025-10-09T09:00 coordinate report-due --major               # 9: report due 11 Oct
run --at 2025-10-09T10:00 forward 9 --to FGW                       #    reply due 15 Oct
intake 2025-09-25T09:00 consult unrated                            # 10
run --at 2025-09-25T10:00 forward 10 --to FGW
run --at 2025-09-26T10:00 reply 10 --text 已答复                    #    answered 26 Sep
expect_code 0 "cases made"

# ---- Friday 10 October: every section ----
run --at 2025-10-10T08:30 triage --json
expect_code 0 "triage --json"
expect_jq '[.today, .day_kind, .working_day, .next_working_day] | map(tostring) | join(" ")' \
  "2025-10-10 workday true 2025-10-11" "today and the next working day (a made-up Saturday)"
expect_jq '[.office.to_forward[].id] | join(",")' "2025-000001" "to forward: due yesterday"
expect_jq '.office.to_forward[0].working_days_left' "-1" "to forward: one working day late"
expect_jq '[.office.government_report[].id] | join(",")' "2025-000009" "government report owed"
expect_jq '[.office.awaiting_review[].id] | join(",")' "2025-000008" "result awaiting review"
expect_jq '[.office.awaiting_decision[].id] | join(",")' "2025-000006" "explanation awaiting a decision"
expect_jq '[.office.disputes[].id] | join(",")' "2025-000007" "dispute"
expect_jq '[.office.unrated[] | .id, .answered, .due] | join(",")' \
  "2025-000010,2025-09-26,2025-09-30" "answered 5 working days ago, no rating"
expect_jq '[.units[].unit] | join(",")' "FGW,JXW" "units with something to do"
expect_jq '.units[0] | [.due_today[].id, "|", .due_next_working_day[].id, "|", .overdue_unexplained[].id] | join(" ")' \
  "2025-000003 | 2025-000004 | 2025-000002" "FGW: due today, due Saturday, late"
expect_jq '.units[1] | [.overdue_explained[].id, "|", .overdue_unexplained[].id] | join(" ")' \
  "2025-000006 | 2025-000005" "JXW: late but explained, late without explanation"
expect_jq '.units[1].overdue_unexplained[0] | [.clock, .clock_status, .due, .working_days_left, .referred_at] | map(tostring) | join(" ")' \
  "reply overdue 2025-09-28 -4 null" "a referral line"
expect_jq '[.pending_referrals[].id] | join(",")' "2025-000005,2025-000002" "pending referrals"
expect_jq '[.applied, .overdue, (.referred | length)] | map(tostring) | join(" ")' "false true 0" "not applied"

# The JSON shape: every field, always.
expect_jq 'keys | join(",")' \
  "applied,day_kind,next_working_day,office,officer,overdue,pending_referrals,provisional,referred,today,unit,units,unrated_after_days,unrated_within_days,working_day" \
  "top-level fields"
expect_jq '.office | keys | join(",")' \
  "awaiting_decision,awaiting_review,disputes,government_report,to_forward,unrated" "office fields"
expect_jq '.units[0] | keys | join(",")' \
  "assist_overdue,due_next_working_day,due_today,name,overdue_explained,overdue_unexplained,resubmit_overdue,unit" \
  "unit fields"
expect_jq '.units[0].due_today[0] | keys | join(",")' \
  "answered,clock,clock_status,due,enterprise,id,major,overdue,owed_by,provisional,referred_at,state,title,type,unit,working_days_left" \
  "line fields"

run --at 2025-10-10T08:30 triage
expect_code 0 "human triage"
expect_out "Triage for 2025-10-10 (Friday, working day); next working day 2025-10-11" "the day"
expect_out "Office — to forward, due today or overdue (Art. 7): 1" "office section with count"
expect_out "FGW 市发展和改革委员会 — due today: 1" "unit section with count"
expect_out "JXW 市工业和信息化局 — overdue, no explanation: referral to the inspection office (Art. 7): 1" \
  "referral section"
expect_out "2 cases would be referred" "what --apply would do"
[[ $OUT != *"resubmit"* ]] && pass || fail "empty sections are omitted"
run --at 2025-10-10T08:30 --lang zh triage
expect_out "已逾期且未说明原因：提交市政府督查室督办（第七条）：1 件" "Chinese view"
expect_out "逾期 4 天" "Chinese working days late"
# On an 80-column terminal the title column is cut to fit ("consult-today" → "consult…").
OUT=$(script -qec "stty cols 80 rows 40; '$ENT110' --at 2025-10-10T08:30 triage --unit FGW" /dev/null | tr -d '\r')
[[ $OUT == *"consult…"* && $OUT != *"consult-today"* ]] && pass || fail "titles are cut to the terminal's width"

# ---- --unit and the acting user ----
run --at 2025-10-10T08:30 triage --unit JXW --json
expect_jq '[.unit, (.office | tostring), ([.units[].unit] | join(","))] | join(" ")' \
  "JXW null JXW" "--unit narrows to the unit's own sections"
run --at 2025-10-10T08:30 triage --unit OFFICE --json
expect_jq '[(.units | length), (.office.to_forward | length)] | map(tostring) | join(" ")' "0 1" \
  "--unit OFFICE shows the office's sections only"
run triage --unit FWG
expect_code 3 "unknown unit"
expect_err "did you mean 'FGW'?" "unknown unit gets a hint"

# ---- a holiday ----
run --at 2025-10-04T09:00 triage --json
expect_jq '[.day_kind, .working_day, .next_working_day] | map(tostring) | join(" ")' \
  "holiday false 2025-10-09" "Saturday 4 October is a holiday; the next working day skips it"
expect_jq '[.units[].due_today[]] | length' "0" "nothing falls due on a day off"
expect_jq '[.units[] | select(.unit == "FGW") | .due_next_working_day[].id] | join(",")' "2025-000002" \
  "due on the first working day after the holiday"
run --at 2025-10-04T09:00 triage
expect_out "nothing falls due on a day off; next working day 2025-10-09" "the day-off header"
run --at 2027-03-01T09:00 triage --json
expect_jq '.provisional' "true" "a day past the loaded schedule is provisional"
expect_err "the official schedule of 2027 is not loaded" "and triage warns about it"

# ---- --exit-code ----
run --at 2025-10-10T08:30 triage --exit-code
expect_code 1 "--exit-code: something is overdue"
run --at 2025-10-10T08:30 triage --unit JXW --exit-code --json
expect_code 1 "--exit-code with --json"
ENT110_DB="$E2E_DIR/empty.db" run init
ENT110_DB="$E2E_DIR/empty.db" run --at 2025-10-10T08:30 triage --exit-code
expect_code 0 "--exit-code: nothing overdue"
expect_out "nothing needs attention" "an empty triage says so"

# ---- --limit and --ndjson: each section cut by its query; one object per line ----
run --at 2025-10-10T08:30 triage --json
full=$OUT
run --at 2025-10-10T08:30 triage --limit 1 --json
expect_code 0 "--limit"
expect_jq '[.office[] | length] | max' "1" "--limit 1: one line at most in each office section"
expect_jq '[.units[] | .unit, (.due_today | length), (.overdue_unexplained | length)] | map(tostring) | join(",")' \
  "FGW,1,1,JXW,0,1" "--limit 1: each unit's sections too"
expect_jq '[([.pending_referrals[].id] | join(",")), .overdue] | map(tostring) | join(" ")' \
  "2025-000005 true" "--limit cuts the referrals listed, not whether anything is overdue"
run --at 2025-10-10T08:30 triage --limit 1
expect_out "2 cases would be referred" "--limit does not cut the count of referrals"
run triage --limit 0
expect_code 2 "--limit 0"
run --at 2025-10-10T08:30 triage --ndjson
expect_code 0 "--ndjson"
ndjson=$OUT
all_lines='[.office[][]] + [.units[] | .due_today, .due_next_working_day, .overdue_explained, .overdue_unexplained, .resubmit_overdue, .assist_overdue | .[]]'
[[ $(printf '%s\n' "$ndjson" | wc -l) -eq $(printf '%s' "$full" | jq "$all_lines | length") ]] && pass ||
  fail "--ndjson: one object per line of every section"
[[ $(printf '%s\n' "$ndjson" | head -1 | jq -c 'del(.section, .section_unit)') == "$(printf '%s' "$full" | jq -c '.office.to_forward[0]')" ]] &&
  pass || fail "--ndjson: each object is the document's line"
[[ $(printf '%s\n' "$ndjson" | jq -r 'select(.section == "overdue_unexplained") | .section_unit + " " + .id' | paste -sd,) == "FGW 2025-000002,JXW 2025-000005" ]] &&
  pass || fail "--ndjson: each unit's lines name the section and the unit"

# ---- list filters for scripts: one running clock must pass them all ----
ids() { expect_jq '[.cases[].id] | join(",")' "$1" "$2"; }
run --at 2025-10-10T08:30 list --unexplained --json
ids "2025-000005,2025-000002" "list --unexplained: the referrals, by due date"
run --at 2025-10-10T08:30 list --due-today --json
ids "2025-000003,2025-000008" "list --due-today"
run --at 2025-10-10T08:30 list --due-today --clock reply --json
ids "2025-000003" "list --due-today --clock reply"
expect_jq '.cases[0].next.name' "reply" "the line shows the matched clock"
run --at 2025-10-10T08:30 list --due-before 2025-10-09 --json
ids "2025-000005" "list --due-before is exclusive"
run --at 2025-10-10T08:30 list --overdue --unit FGW --json
ids "2025-000002" "list --overdue --unit"
run --at 2025-10-10T08:30 list --overdue --due-today --json
ids "" "no clock is both overdue and due today"
run list --clock rply
expect_code 2 "list --clock with an unknown name"
run list --due-before 2025-13-01
expect_code 2 "list --due-before with a bad date"

# ---- examples/triage-per-unit.sh: one file per unit ----
run --at 2025-10-10T08:30 triage --json
units_json=$OUT
OUT=$(ENT110_NOW=2025-10-10T08:30 "$ENT110_SOURCE_DIR/examples/triage-per-unit.sh" "$E2E_DIR/units" 2>&1)
CODE=$?
expect_code 0 "triage-per-unit.sh"
[[ $(cd "$E2E_DIR/units" && echo *) == "2025-10-10-FGW.json 2025-10-10-FGW.txt 2025-10-10-JXW.json 2025-10-10-JXW.txt" ]] &&
  pass || fail "triage-per-unit.sh writes a text and a JSON file per unit with something listed"
[[ $(jq -c . "$E2E_DIR/units/2025-10-10-JXW.json") == "$(printf '%s' "$units_json" | jq -c '.units[] | select(.unit == "JXW")')" ]] &&
  pass || fail "the unit's JSON file is its part of triage --json"
OUT=$(cat "$E2E_DIR/units/2025-10-10-JXW.txt")
expect_out "JXW 市工业和信息化局 — 2025-10-10" "the unit's text file names the unit and the day"
expect_out "已逾期且未说明原因，提交督办" "the unit's text file has its referral section"
expect_out "2025-000005  reply  2025-09-28  逾期 4 个工作日" "the unit's text file has the line"

# ---- --apply, once per clock ----
before=$(db_snapshot)
run --at 2025-10-10T08:30 triage
expect_unchanged "$before" "triage without --apply writes nothing"
LANG=C run --at 2025-10-10T08:30 triage --apply --json   # as from cron, in no language
expect_code 0 "--apply"
expect_jq '[.applied, ([.referred[].id] | join(",")), (.pending_referrals | length)] | map(tostring) | join(" ")' \
  "true 2025-000005,2025-000002 0" "--apply refers the two late, unexplained replies"
expect_jq '.units[1].overdue_unexplained[0].referred_at' "2025-10-10T08:30:00+08:00" "referred_at is recorded"
run --at 2025-10-10T17:00 triage --apply
expect_out "nothing new to refer" "a second run the same day refers nothing"
expect_out "referred 2025-10-10 08:30" "the referral column shows when"
run --at 2025-10-11T08:30 triage --apply
expect_out "referred to the inspection office now: 1" "Saturday 11 Oct: yesterday's reply is late now"
expect_out "referred 1 case to the inspection office" "--apply prints what it referred, in the singular"
for day in 12 13 14 15 16 17; do
  run --at 2025-10-${day}T08:30 triage --apply
  expect_code 0 "--apply on 2025-10-$day"
done
referrals() { db_sql "SELECT case_id FROM case_event WHERE action = 'escalate-inspection' ORDER BY seq" | paste -sd,; }
[[ $(referrals) == "2025-000005,2025-000002,2025-000003,2025-000004,2025-000009" ]] && pass ||
  fail "a week of daily --apply refers each case once: got '$(referrals)'"
run show 2 --json
expect_jq '[.state, .events[-1].action, .events[-1].unit] | join(" ")' "forwarded escalate-inspection OFFICE" \
  "the referral is the office's event; the unit still owes its reply"
expect_jq '[.events[-1].detail, .events[-1].text] | join("|")' "FGW|" \
  "the referral stores data (the late unit), not a sentence in the language of the cron job"
run --lang zh show 2
expect_out "FGW：答复逾期且未说明原因（第七条）" "a referral recorded under LANG=C reads in Chinese"
run --lang en log 2
expect_out "FGW late on its reply, no explanation filed (Art. 7)" "… and in English"

# ---- users: a unit user sees their unit; only the office refers ----
run user add wang --unit OFFICE --role office
run --as wang user add li --unit FGW --role unit
expect_code 0 "users added"
run --as li --at 2025-10-20T08:30 triage --json
expect_jq '[.unit, (.office | tostring)] | join(" ")' "FGW null" "a unit user sees their own unit by default"
run --as li --at 2025-10-20T08:30 triage --unit JXW --json
expect_jq '.unit' "JXW" "--unit overrides the default"
run --as wang --at 2025-10-20T08:30 triage --json
expect_jq '.unit' "null" "an office user sees everything"
intake_as_wang() { run --as wang --at "$1" intake --enterprise 1 --type consult --channel web --title "$2"; }
intake_as_wang 2025-10-20T09:00 late-again
run --as wang --at 2025-10-20T09:10 forward 11 --to FGW
before=$(db_snapshot)
run --as li --at 2025-10-22T08:30 triage --apply
expect_code 4 "a unit user may not refer"
expect_one_line_error "a unit user may not refer"
expect_unchanged "$before" "a refused --apply records nothing"
run --as wang --at 2025-10-22T08:30 triage --apply --json
expect_jq '[.referred[].id] | join(",")' "2025-000011" "the office user refers"

# ---- examples/cron: working days only; the report on the month's first working day ----
export ENT110_USER=wang TRIAGE_DIR="$E2E_DIR/triage" REPORT_DIR="$E2E_DIR/reports"
# The scripts run ent110 themselves: on PostgreSQL wang is who connects.
[[ $E2E_ENGINE == postgresql ]] && ENT110_DB=$(uri_as_login "$ENT110_DB" wang)
daily="$ENT110_SOURCE_DIR/examples/cron/ent110-daily-triage"
monthly="$ENT110_SOURCE_DIR/examples/cron/ent110-monthly-report"
OUT=$(ENT110_NOW=2025-10-25T08:30 "$daily" 2>&1)
CODE=$?
expect_code 0 "the daily triage on a Saturday"
[[ -z $OUT && ! -e $TRIAGE_DIR ]] && pass || fail "on a day off the daily triage does nothing"
OUT=$(ENT110_NOW=2025-10-23T08:30 "$daily" 2>&1)
CODE=$?
expect_code 1 "the daily triage with something overdue"
expect_out "Triage for 2025-10-23" "it prints the triage for cron to mail"
[[ -s $TRIAGE_DIR/2025-10-23.txt && -s $TRIAGE_DIR/units/2025-10-23-FGW.txt ]] && pass ||
  fail "it keeps the triage and one file per unit"
OUT=$(ENT110_NOW=2025-10-09T08:45 "$monthly" 2>&1)
CODE=$?
expect_code 0 "the monthly report on 9 October, the first working day after National Day"
[[ $OUT == "$REPORT_DIR/ent110-2025-09.html" && -s $REPORT_DIR/ent110-2025-09.html ]] && pass ||
  fail "September's report is written"
for at in 2025-10-08T08:45 2025-10-10T08:45; do
  OUT=$(ENT110_NOW=$at "$monthly" 2>&1)
  CODE=$?
  expect_code 0 "the monthly report on $at"
  [[ -z $OUT ]] && pass || fail "no report on $at"
done
OUT=$(ENT110_NOW=2025-11-03T08:45 "$monthly" 2>&1)
[[ $OUT == "$REPORT_DIR/ent110-2025-10.html" ]] && pass || fail "October's report on Monday 3 November"

finish
