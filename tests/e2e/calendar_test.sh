#!/usr/bin/env bash
# End to end: the working-day calendar on a fresh database.
source "$(dirname "$0")/lib.sh"

run init --at 2025-09-30
expect_code 0 "init loads the official schedule"
expect_out "official holiday schedule loaded: 2017–2026" "init names the years loaded"

run calendar show 2025-10 --lang zh
expect_code 0 "calendar show 2025-10"
expect_out "2025年10月" "the month title is Chinese"
expect_out " 1休  2休  3休  4休  5休" "National Day is marked at a glance"
expect_out "11班" "11 October is marked as a working day"
expect_out "10-11       班  国庆节、中秋节 (星期六)" "the legend says 11 October is a working Saturday"

run calendar show 2025 --json
expect_jq '.days | length' "365" "one entry per day of the year"
expect_jq '.days[0] | "\(.date) \(.workday) \(.kind) \(.name)"' "2025-01-01 false holiday 元旦" \
  "the contract's day shape"
expect_jq '[.days[] | select(.kind == "adjusted-workday") | .date] | join(",")' \
  "2025-01-26,2025-02-08,2025-04-27,2025-09-28,2025-10-11" "the made-up working days of 2025"

run calendar add 2025-09-30 1 --json
expect_jq '.date' "2025-10-09" "forward: received 2025-09-30, due 2025-10-09"
run calendar add 2025-09-30 5 --json
expect_jq '.date' "2025-10-14" "coordinate: forwarded 2025-09-30, due 2025-10-14"
run calendar add 2026-12-31 1 --json
expect_jq '.provisional' "true" "past the loaded schedule the answer is provisional"
expect_err "warning: the official schedule of 2027 is not loaded" "provisional answers warn"
run calendar between 2025-09-30 2025-10-14 --json
expect_jq '.working_days' "5" "between counts after the first day up to the last"

run calendar is-workday 2025-10-11
expect_code 0 "a made-up working Saturday is a working day"
run calendar is-workday 2025-10-06
expect_code 1 "a holiday Monday is not"

before=$(db_snapshot)
bad="$E2E_DIR/2027.toml"
printf 'year = 2027\n[source]\nnotice = "n"\ntitle = "t"\nissued = 2026-11-01\nurl = "u"\n[[holiday]]\nname = "x"\nname_en = "x"\noff = { from = 2027-10-01, to = 2027-10-07 }\nwork = [2027-10-08]\n' >"$bad"
run calendar load "$ENT110_SOURCE_DIR/tests/data/calendar/2027.toml" "$bad"
expect_code 5 "a bad holiday file is refused"
expect_one_line_error "bad holiday file"
expect_err "$bad:11:9: made-up working day 2027-10-08 is not a Saturday or Sunday" \
  "the error names file:line:col"
expect_unchanged "$before" "nothing is loaded from a set with a bad file"

# A coordination case forwarded on 9 October: explain due Monday 13, reply due Wednesday 15.
run unit add FGW --name 市发展和改革委员会 --kind department --at 2025-10-09
run enterprise add --name 信阳示例机械有限公司 --at 2025-10-09
run intake --enterprise 信阳示例机械有限公司 --type coordinate --channel hotline --title 用电增容 \
  --body 厂区需要增容 --at "2025-10-09 09:00"
run forward 1 --to FGW --at "2025-10-09 10:00"
expect_code 0 "a case is forwarded"

run --lang zh calendar set 2025-10-13 shut --reason 停电
expect_code 2 "an unknown override is a usage error"
expect_err "“shut”不是可选值 {work,off,official} 之一" "the override's choices are named"
run --lang zh calendar set 2025-10-13 off
expect_err "缺少必需的参数 --reason" "a missing reason is named, not taken for a misspelt command"

run calendar set 2025-10-13 off --reason 停电 --as wang --json
expect_code 0 "a local override"
expect_jq '[.moved[] | "\(.label) \(.before) \(.after)"] | join(", ")' \
  "2025-000001 reply 2025-10-15 2025-10-16, 2025-000001 explain 2025-10-13 2025-10-14" \
  "the override moves the running clocks that count over the day"
run show 1 --json
expect_jq '[.clocks[] | select(.name == "reply") | .due] | join(",")' "2025-10-16" \
  "the case shows the moved due date"
run calendar set 2025-10-14 off --reason 停水 --lang zh
expect_out "计时经过该日的时限已重新判定，2 项变动" "the moved due dates are headed as the override's"
[[ $OUT != *"暂定"* ]] && pass || fail "an override's moves are not called provisional"
run calendar set 2025-10-14 official --reason 恢复 --lang zh
expect_code 0 "the override is withdrawn"
run calendar set 2025-10-20 off --reason 搬迁 --as wang --lang en
expect_code 0 "an override after every due date"
[[ $OUT != *"moved"* ]] && pass || fail "an override that moves nothing lists nothing"
run calendar add 2025-09-30 5 --json
expect_jq '.date' "2025-10-15" "the override moves the count"
[[ $(db_sql "SELECT actor || ' ' || reason FROM calendar_override WHERE date = '2025-10-13'") == "wang 停电" ]] &&
  pass || fail "the override is recorded with its actor and reason"

run calendar load "$ENT110_SOURCE_DIR/tests/data/calendar/2027.toml"
expect_code 0 "a later year loads"
run calendar add 2026-12-31 1 --json
expect_jq '.date' "2027-01-04" "the loaded year decides"
run calendar check --at 2027-11-15 --json
expect_jq '.next_year_missing' "2028" "next year missing late in the year"

finish
