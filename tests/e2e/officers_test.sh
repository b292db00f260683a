#!/usr/bin/env bash
# End to end: the registers of Art. 3 — officers, projects, assignments, their imports, refusals
# that change nothing, a unit user refused writing, and verify at the end.
source "$(dirname "$0")/lib.sh"

examples="$ENT110_SOURCE_DIR/examples"
run init
run unit import "$examples/xinyang-units.toml"
run enterprise import "$examples/enterprises.csv"
expect_code 0 "units and enterprises are loaded"
run user add office1 --unit OFFICE --role office
run user add fgw1 --unit FGW --role unit --as office1
export ENT110_USER=office1

# Officers, one by hand in text and one in JSON.
run officer add 赵立新 --level city-leader --unit GOV --post 副市长
expect_code 0 "officer add"
expect_out "officer 1 added: 赵立新 (city leader, GOV)" "officer add names the new id"
run --json officer add 孙国强 --level county-leader --unit SHQ --phone 0376-1
expect_jq '[.id, .level, .unit, .phone, .post, .retired_on] | @json' '[2,"county-leader","SHQ","0376-1",null,null]' \
  "officer add --json gives the officer"

before=$(db_snapshot)
run officer add 钱某 --level county-leader --unit FGW
expect_code 5 "a county leader of a department is refused"
expect_one_line_error "county leader's unit"
expect_err "'FGW' is a department" "the refusal names the unit's kind"
run officer add 钱某 --level mayor --unit GOV
expect_code 2 "an unknown level is a usage error"
run officer add 钱某 --level city-leader --unit NOPE
expect_code 3 "an unknown unit is not found"
expect_unchanged "$before" "refused officer adds"

# Imports: officers (one updated by name and unit), projects, assignments.
run officer import "$examples/officers.csv"
expect_out "6 added, 2 updated" "officer import adds the example officers, updating the two added by hand"
printf '\xEF\xBB\xBFname,level,unit,post\n孙国强,county-leader,SHQ,区委副书记、区长\n' >"$E2E_DIR/o.csv"
run --json officer import "$E2E_DIR/o.csv"
expect_jq '[.added, .updated] | @json' '[0,1]' "officer import with a BOM updates by name and unit"
run project import "$examples/projects.csv"
expect_out "6 added, 0 updated" "project import"
run officer import-assignments "$examples/assignments.csv"
expect_code 0 "officer import-assignments"
expect_out "9 added, 0 updated" "assignments imported"

before=$(db_snapshot)
printf 'name,level,unit\n甲,city-leader,GOV\n乙,deputy,FGW\n' >"$E2E_DIR/bad.csv"
run officer import "$E2E_DIR/bad.csv"
expect_code 5 "a bad level on the third line"
expect_one_line_error "bad officer import"
expect_err "bad.csv:3: column 'level' is 'deputy'" "the error names file, line and column"
printf 'code,name,county\n2024-411503-54-03-000901,某项目,PQQ\n2024-4115,畸形,PQQ\n' >"$E2E_DIR/bad.csv"
run project import "$E2E_DIR/bad.csv"
expect_code 5 "a malformed project code on the third line"
expect_err "bad.csv:3: column 'code'" "names the code column"
printf 'officer,enterprise,project,from\n赵立新@GOV,信阳云雾岭茶业有限公司,,2025-01-01\n无名@GOV,信阳云雾岭茶业有限公司,,2025-01-01\n' >"$E2E_DIR/bad.csv"
run officer import-assignments "$E2E_DIR/bad.csv"
expect_code 5 "an unknown officer on the third line"
expect_err "bad.csv:3: column 'officer'" "names the officer column"
expect_unchanged "$before" "failed imports"

# Lists and shows, text and JSON.
run officer list
expect_out "赵立新" "officer list"
expect_out "department leader" "officer list gives levels for people"
run officer list --unit SHQ --json
expect_jq '[.officers[].name] | join(",")' "孙国强" "officer list --unit"
run officer list --level department-leader --json
expect_jq '.officers | length' "4" "officer list --level"
run officer show 2
expect_out "信阳云雾岭茶业有限公司" "officer show names whom they serve"
run officer show 2 --json
expect_jq '[(.serving | length), .assignments[0].from] | @json' '[2,"2024-01-02"]' "officer show --json"
run project list --json
expect_jq '.projects | length' "6" "project list --json"
run project list --uncovered
expect_out "2024-411525-44-02-000019" "the uncovered key project is listed"
[[ $(grep -c '^20' <<<"$OUT") == 1 ]] && pass || fail "only one project is uncovered"
run project list --key provincial --status under-construction --json
expect_jq '[.projects[].code] | join(",")' "2024-411500-39-03-000215,2024-411525-44-02-000019" \
  "project list --key --status"
run project show 2024-411500-39-03-000215
expect_out "1 赵立新 (city leader, GOV)" "project show names the officer now"
run project show 2024-411500-39-03-000215 --json
expect_jq '[.key, .officers[0].id, (.cases | length)] | @json' '["provincial",1,0]' "project show --json"

# Projects by hand: add, refusals, set.
run project add 2025-411502-13-03-000777 --name 浉河区茶旅融合示范园 --county SHQ \
  --enterprise 91411502MA9F00015P --status planned --started 2025-10-01
expect_code 0 "project add"
expect_out "planned" "project add shows the project"
before=$(db_snapshot)
run project add 2025-4115 --name 畸形 --county SHQ
expect_code 5 "a malformed project code"
expect_one_line_error "malformed project code"
expect_err "YYYY-RRRRRR-II-TT-NNNNNN" "the refusal gives the shape"
run project add 2025-411502-13-03-000777 --name 重复 --county SHQ
expect_code 5 "a duplicate project code"
run project add 2025-411502-13-03-000778 --name 部门 --county FGW
expect_code 5 "a project's county must be a county"
run project add 2025-411502-13-03-000778 --name 某 --county SHQ --key national
expect_code 2 "an unknown key level is a usage error"
run project show 2025-411502-13-03-000999
expect_code 3 "an unknown project is not found"
expect_unchanged "$before" "refused project adds"
run --json project set 2025-411502-13-03-000777 --status under-construction --key city
expect_jq '[.status, .key] | @json' '["under-construction","city"]' "project set --json"
run project set 2025-411502-13-03-000777 --key none
expect_code 0 "project set --key none"

# Assign and unassign, with guidance warnings.
run officer assign 3 --project 2025-411502-13-03-000777 --from 2025-10-01
expect_code 0 "assigning a county leader outside their county is allowed"
expect_err "warning: 李春华 is a county leader of GSX" "but warned"
expect_out "serves 2025-411502-13-03-000777" "assign names the subject"
run --json officer assign 5 --enterprise 信阳明北物流有限公司 --from 2025-10-01
expect_jq '.warnings | length' "1" "--json carries the warnings"
expect_jq '.warnings[0] | contains("neither above-scale nor key")' "true" "the warning says what coverage counts"
before=$(db_snapshot)
run officer assign 5 --enterprise 信阳明北物流有限公司 --from 2025-11-01
expect_code 4 "the same officer twice on one subject"
expect_one_line_error "duplicate assignment"
run officer assign 5 --from 2025-11-01
expect_code 2 "assign needs a subject"
run officer unassign 5 --enterprise 信阳明北物流有限公司 --on 2025-09-01
expect_code 4 "an until before from"
run officer unassign 5 --enterprise 信阳云雾岭茶业有限公司
expect_code 4 "unassign without an open assignment"
expect_one_line_error "no open assignment"
run officer assign 99 --enterprise 信阳明北物流有限公司
expect_code 3 "an unknown officer"
expect_unchanged "$before" "refused assignments"
run --json officer unassign 5 --enterprise 信阳明北物流有限公司 --on 2025-12-01
expect_jq '[.from, .until] | @json' '["2025-10-01","2025-12-01"]' "unassign --json"
run officer unassign 3 --project 2025-411502-13-03-000777 --on 2025-12-01
expect_out "until 2025-12-01" "unassign in text"

# Retire: ends open assignments; a second retirement and assigning the retired are refused.
run officer retire 2 --on 2026-01-01
expect_code 0 "officer retire"
expect_out "assignments ended: 2" "retire ends the open assignments"
before=$(db_snapshot)
run officer retire 2
expect_code 4 "retiring a retired officer"
expect_one_line_error "retired twice"
run officer assign 2 --enterprise 信阳云雾岭茶业有限公司
expect_code 4 "assigning a retired officer"
expect_unchanged "$before" "refused acts on a retired officer"
run --json officer retire 8 --on 2026-01-01
expect_jq '[.retired_on, .ended_assignments] | @json' '["2026-01-01",1]' "retire --json"
run officer list --json
expect_jq '.officers | map(.id) | index(2)' "null" "a retired officer leaves the list"
run officer list --all --json
expect_jq '.officers | map(.id) | index(2) != null' "true" "--all lists them"
run --json officer show 2
expect_jq '[.assignments[].until] | unique | @json' '["2026-01-01"]' "history keeps the ended assignments"

# Units read and may not write.
run officer list --as fgw1
expect_code 0 "a unit user reads the officers"
before=$(db_snapshot)
run officer add 某 --level department-leader --unit FGW --as fgw1
expect_code 4 "a unit user may not add officers"
expect_one_line_error "unit user refused"
run project set 2025-411502-13-03-000777 --status completed --as fgw1
expect_code 4 "a unit user may not change projects"
expect_unchanged "$before" "refused unit user"

# Chinese, the audit trail, verify.
run --lang zh officer show 8
expect_out "部门班子成员" "officer show in Chinese"
expect_out "分包历史" "history heading in Chinese"
run --lang zh officer retire 8
expect_err "已于 2026-01-01 卸任" "the refusal in Chinese"
run audit --json
expect_jq '[.events[] | select(.subject == "assignment")] | length' "16" "every assignment change is audited"
expect_jq '[.events[] | .action] | map(select(. == "officer retire")) | length' "5" \
  "retiring audits the officer and each ended assignment"
expect_jq '[.events[] | select(.subject == "project" and .action == "project set")] | length' "2" \
  "project set is audited"
run verify
expect_code 0 "verify: the registers match their audit events"

finish
