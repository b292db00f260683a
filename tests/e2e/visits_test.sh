#!/usr/bin/env bash
# End to end: cases know their officer (intake --project, show, list and triage --officer) and
# door-to-door visits (visit add, visit list), on Friday 10 October 2025, ending with verify.
source "$(dirname "$0")/lib.sh"

P1=2024-411502-48-01-000001 # 茶产业园, invested in by enterprise 1
P2=2024-411502-48-03-000002 # 物流园, no investing enterprise on record

# seal_audit SUBJECT KEY: an audit event creating row KEY of SUBJECT as it is stored, chained the
# way record_change chains it, so that the rows made behind ent110's back pass verify.
seal_audit() {
  local key_sql=$2 after tail seq prev case_seq content="" field hash
  [[ $1 == project ]] || key_sql=$(printf '%d' "$2")
  [[ $1 == project ]] && key_sql="'$2'"
  after=$(db_sql "SELECT row FROM audit_row_$1 WHERE key = $key_sql")
  tail=$(db_sql "SELECT seq || ' ' || hash FROM audit_event ORDER BY seq DESC LIMIT 1")
  seq=$((${tail% *} + 1)) prev=${tail#* }
  case_seq=$(db_sql "SELECT coalesce(max(seq), 0) FROM case_event")
  local LC_ALL=C
  for field in "$seq" 2025-01-01T00:00:00Z setup OFFICE setup "$1" "$2" "" "$after" "$case_seq"; do
    content+="${#field}:$field,"
  done
  hash=$(printf '%s%s' "$content" "$prev" | sha256sum | cut -d' ' -f1)
  db_sql "INSERT INTO audit_event (seq, at, actor, unit, action, subject, key, before, after,
    after_case_seq, prev_hash, hash) VALUES ($seq, '2025-01-01T00:00:00Z', 'setup', 'OFFICE',
    'setup', '$1', '$2', NULL, '${after//\'/\'\'}', $case_seq, '$prev', '$hash')"
}

# setup_officers: the officers, projects and assignments, until `ent110 officer` and
# `ent110 project` exist. Officer 2's assignment to enterprise 2 ended yesterday; officer 3
# retired on 1 October.
setup_officers() {
  db_sql "INSERT INTO officer (id, name, level, unit, created_at, retired_on) VALUES
    (1, '王区长', 'county-leader', 'SHI', '2025-01-01T00:00:00Z', NULL),
    (2, '李部长', 'department-leader', 'FGW', '2025-01-01T00:00:00Z', NULL),
    (3, '赵副部长', 'department-leader', 'FGW', '2025-01-01T00:00:00Z', '2025-10-01')"
  db_sql "INSERT INTO project (code, name, county, enterprise, status, key_level, created_at) VALUES
    ('$P1', '茶产业园', 'SHI', 1, 'under-construction', 'city', '2025-01-01T00:00:00Z'),
    ('$P2', '物流园', 'SHI', NULL, 'under-construction', NULL, '2025-01-01T00:00:00Z')"
  db_sql "INSERT INTO assignment (id, officer, enterprise, project, from_date, until_date,
    created_at) VALUES
    (1, 1, 1, NULL, '2025-01-01', NULL, '2025-01-01T00:00:00Z'),
    (2, 2, NULL, '$P1', '2025-01-01', NULL, '2025-01-01T00:00:00Z'),
    (3, 2, 2, NULL, '2025-01-01', '2025-10-09', '2025-01-01T00:00:00Z'),
    (4, 3, 2, NULL, '2025-01-01', NULL, '2025-01-01T00:00:00Z')"
  local id
  for id in 1 2 3; do seal_audit officer $id; done
  seal_audit project $P1
  seal_audit project $P2
  for id in 1 2 3 4; do seal_audit assignment $id; done
}

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run unit add SHI --name 浉河区 --kind district
run enterprise add --name 信阳毛尖茶业有限公司 --county SHI --above-scale
run enterprise add --name 华豫建材有限公司 --county SHI --above-scale
expect_code 0 "setup"
setup_officers
run verify
expect_code 0 "the officers made for the test pass verify"

# ---- intake --project ----
run --at 2025-10-09T09:00 --json intake --enterprise 1 --type coordinate --channel hotline \
  --title 园区用电 --project $P1
expect_code 0 "intake --project"
expect_jq '.project' "$P1" "the case is about the project"
[[ -z $ERR ]] && pass || fail "no warning when the project's enterprise is the case's: $ERR"
run --at 2025-10-09T09:10 intake --enterprise 2 --type consult --channel web --title 建材供货 \
  --project $P1
expect_code 0 "intake --project of another enterprise's project"
expect_err "invested in by '信阳毛尖茶业有限公司', not by the case's enterprise '华豫建材有限公司'" \
  "the warning names both enterprises"
run --at 2025-10-09T09:20 intake --enterprise 2 --type consult --channel web --title 税务咨询
expect_code 0 "intake without a project"
before=$(db_snapshot)
run --at 2025-10-09T09:30 intake --enterprise 1 --type consult --channel web --title x \
  --project 2024-411502-48-01-999999
expect_code 3 "an unknown project is not found"
expect_one_line_error "unknown project"
run --at 2025-10-09T09:30 intake --enterprise 1 --type consult --channel web --title x \
  --project 2024-4115
expect_code 5 "a malformed project code is bad input"
expect_err "YYYY-RRRRRR-II-TT-NNNNNN" "the message gives the right shape"
expect_unchanged "$before" "refused intakes"
printf 'enterprise,type,channel,title,project\n1,consult,web,批量一,%s\n2,consult,web,批量二,\n' \
  $P1 >"$E2E_DIR/cases.csv"
run --at 2025-10-09T10:00 --json intake --from "$E2E_DIR/cases.csv"
expect_jq '[.cases[].project | tostring] | join(",")' "$P1,null" "intake --from reads a project column"

# ---- show ----
run --at 2025-10-10T09:00 show 1
expect_out "王区长 (county-leader, SHI), 李部长 (department-leader, FGW, for the project)" \
  "show names the enterprise's and the project's officers"
expect_out "project                 $P1 茶产业园" "show names the project"
run --at 2025-10-10T09:00 --lang zh show 1
expect_out "首席服务员" "show in Chinese"
expect_out "王区长 (县区领导, SHI)" "the level in Chinese"
run --at 2025-10-10T09:00 show 3
expect_out "chief service officers  none" "an uncovered enterprise: the assignment ended yesterday, the other officer retired"
run --at 2025-10-08T09:00 show 3
expect_out "李部长 (department-leader, FGW)" "the day before, the ended assignment still served"
run --at 2025-10-10T09:00 --json show 1
expect_jq '[.project, (.officers | length), .officers[0].name, .officers[0].serves, .officers[1].serves, .officers[1].level] | map(tostring) | join(" ")' \
  "$P1 2 王区长 enterprise project department-leader" "show --json has project and officers"
expect_jq '.enterprise.name' "信阳毛尖茶业有限公司" "show --json keeps its fields"
run --at 2025-10-10T09:00 --json show 3
expect_jq '[(.project | tostring), (.officers | length)] | join(" ")' "null 0" "no project, no officers"

# ---- list --officer, triage --officer ----
run --at 2025-10-10T09:00 --json list --officer 1
expect_jq '[.cases[].id] | join(",")' "2025-000001,2025-000004" "officer 1 serves enterprise 1"
run --at 2025-10-10T09:00 --json list --officer 2
expect_jq '[.cases[].id] | sort | join(",")' "2025-000001,2025-000002,2025-000004" \
  "officer 2 serves the project: its cases whatever the enterprise, not enterprise 2's any more"
run --at 2025-10-08T09:00 --json list --officer 2
expect_jq '[.cases[].id] | sort | join(",")' "2025-000001,2025-000002,2025-000003,2025-000004,2025-000005" \
  "before the assignment ended, enterprise 2's cases too"
run --at 2025-10-10T09:00 --json list --officer 3
expect_jq '.cases | length' "0" "a retired officer serves nothing"
run --at 2025-10-10T09:00 --json list --officer 1 --type coordinate
expect_jq '[.cases[].id] | join(",")' "2025-000001" "--officer combines with the other filters"
run --at 2025-10-10T09:00 list --officer 99
expect_code 3 "list: an unknown officer is not found"
expect_one_line_error "unknown officer"
run --at 2025-10-10T09:00 list --officer abc
expect_code 2 "list: an officer that is not an id"
run --at 2025-10-10T09:00 --json triage --officer 1
expect_jq '[.officer, ([.office.to_forward[].id] | join(","))] | map(tostring) | join(" ")' \
  "1 2025-000001,2025-000004" "triage --officer keeps only the officer's cases"
run --at 2025-10-10T09:00 triage --officer 1
expect_out "officer 1 (王区长)" "triage says whose cases it shows"
run --at 2025-10-10T09:00 triage --officer 99
expect_code 3 "triage: an unknown officer is not found"
run --at 2025-10-10T09:00 triage --officer 1 --apply
expect_code 2 "triage --officer does not apply referrals"

# ---- visit add, visit list ----
run --at 2025-10-10T10:00 visit add --officer 1 --enterprise 1 --note 走访了解生产经营情况
expect_code 0 "visit add"
expect_out "visit 1 recorded" "the visit's id"
[[ -z $ERR ]] && pass || fail "no warning for a visit the officer is assigned to: $ERR"
run --at 2025-10-10T11:00 --json visit add --officer 1 --enterprise 2 --note 顺路走访
expect_code 0 "a visit outside the officer's assignments is recorded"
expect_jq '[.id, .enterprise, (.warnings | length)] | map(tostring) | join(" ")' "2 2 1" \
  "with a warning in the JSON"
expect_err "does not serve '华豫建材有限公司' on 2025-10-10" "and on stderr"
before=$(db_snapshot)
run --at 2025-10-10T11:00 visit add --officer 3 --enterprise 2 --note 走访
expect_code 4 "a retired officer's visit is refused"
expect_one_line_error "no longer serves since 2025-10-01"
run --at 2025-10-10T11:00 visit add --officer 2 --project $P2 --note 工地停电 --problem
expect_code 4 "a problem on a project with no enterprise on record is refused"
expect_err "ent110 intake --enterprise REF --project $P2" "the refusal says what to do"
run --at 2025-10-10T11:00 visit add --officer 2 --enterprise 1 --project $P1 --note x
expect_code 2 "enterprise and project together"
expect_unchanged "$before" "refused visits"
run --at 2025-10-10T14:00 --json visit add --officer 2 --project $P1 --problem --type coordinate \
  --note $'施工用电不足\n需协调供电公司增容'
expect_code 0 "visit add --problem"
expect_jq '[.id, .project, .case_id] | map(tostring) | join(" ")' "3 $P1 2025-000006" \
  "the visit is linked to the case taken in"
run --at 2025-10-10T14:00 --json show 2025-000006
expect_jq '[.channel, .title, .type, .project, .enterprise.name] | join(" ")' \
  "visit 施工用电不足 coordinate $P1 信阳毛尖茶业有限公司" \
  "the case: channel visit, the note's first line, the project's enterprise"
expect_jq '.body' $'施工用电不足\n需协调供电公司增容' "the case's body is the note"
run --at 2025-10-10T15:00 visit add --officer 1 --enterprise 1 --problem --title 招工难 --note 企业反映招工难
expect_out "problem taken in as case 2025-000007" "the text output names the case"
run --at 2025-10-10T16:00 --json visit list --officer 1
expect_jq '[.visits[].id] | map(tostring) | join(",")' "1,2,4" "visit list --officer"
run --at 2025-10-10T16:00 --json visit list --since 2025-10-10
expect_jq '[.visits | length, .[2].case_id, .[2].place] | map(tostring) | join(" ")' \
  "4 2025-000006 茶产业园" "visit list --since, with the case and the place"
run visit list --since 2025-10-11
expect_out "no visits" "nothing since tomorrow"
run visit list --officer 99
expect_code 3 "visit list: an unknown officer"

# ---- who may record ----
run user add wang --unit OFFICE --role office
run user add li --unit FGW --role unit --as wang
run user add zhou --unit SHI --role unit --as wang
expect_code 0 "users"
run --at 2025-10-10T17:00 visit add --officer 2 --project $P1 --note 回访 --as li
expect_code 0 "a unit user records their own unit's officer's visit"
before=$(db_snapshot)
run --at 2025-10-10T17:00 visit add --officer 2 --project $P1 --note 回访 --as zhou
expect_code 4 "a unit user of another unit is refused"
expect_one_line_error "only office users and users of 'FGW' may"
expect_unchanged "$before" "the refused visit"
run --at 2025-10-10T17:00 visit add --officer 2 --project $P1 --note 发现问题 --problem --as li
expect_code 4 "a unit user cannot take a problem in"
expect_err "ask the office to take the problem in" "the refusal says to ask the office"
expect_unchanged "$before" "the refused problem"
run --at 2025-10-10T17:30 visit add --officer 1 --enterprise 1 --note 回访 --problem --as wang
expect_code 0 "the office records a visit with a problem"

run verify --as wang
expect_code 0 "verify: visits and cases about projects are consistent"
finish
