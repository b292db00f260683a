#!/usr/bin/env bash
# End to end (issue 10, section 2): every change outside case events is listed by `ent110 audit`
# with its actor, unit, time, before and after; a refused change records nothing.
source "$(dirname "$0")/lib.sh"

run init --at 2025-01-01
run unit add FGW --name 市发展和改革委员会 --kind department --at "2025-01-02 09:00"
run user add wang --unit OFFICE --role office --at "2025-01-02 10:00"
run enterprise add --name 信阳某某茶业有限公司 --as wang --at "2025-01-03 09:00"
printf 'name,phone\n信阳某某茶业有限公司,0376-1234567\n' >"$E2E_DIR/enterprises.csv"
run enterprise import "$E2E_DIR/enterprises.csv" --as wang --at "2025-01-04 09:00"
run calendar set 2025-10-13 off --reason 停电 --as wang --at "2025-01-05 09:00"
run unit add LSX --name 罗山县 --kind county --as wang --at "2025-06-01 09:00"
run assess finding LSX --date 2025-06-12 --points 2 --note 督查通报 --as wang --at "2025-06-13 09:00"
expect_code 0 "the office records a finding"
run calendar set 2025-10-14 off --reason 停电 --as nobody
expect_code 3 "a change by an unknown login"

run audit --json
expect_code 0 "audit --json"
expect_jq '[.events[].action] | unique | join(",")' \
  "assess finding,calendar load,calendar set,enterprise add,enterprise import,init,unit add,user add" \
  "every kind of change is there, nothing refused"
expect_jq '.events | map(select(.action == "unit add"))[0] | [.actor, .unit, .subject, .key, (.before == null), .after.name] | join(",")' \
  "$(id -un),OFFICE,unit,FGW,true,市发展和改革委员会" "a unit add with its actor and after"
expect_jq '.events | map(select(.action == "enterprise import"))[0] | [.actor, .at, .before.phone, .after.phone] | map(tostring) | join(",")' \
  "wang,2025-01-04T09:00:00+08:00,null,0376-1234567" "an import records before and after at the action's time"
expect_jq '.events | map(select(.subject == "calendar_year" and .key == "2025"))[0].after.days | length > 10' \
  "true" "a loaded year carries its days"
expect_jq '[.events[] | .seq] | sort | . == [range(1; length + 1)]' "true" "seqs run without gaps"

run audit --since 2025-01-04
expect_code 0 "audit --since"
expect_out "enterprise import" "the import is listed"
expect_out "phone: null → 0376-1234567" "the change shows before and after"
[[ $OUT != *"unit FGW"* ]] && pass || fail "--since leaves earlier changes out"

finish
