#!/usr/bin/env bash
# End to end: `ent110 report coverage` (Art. 3) in every format, its day (--at, --month), a bad
# --at, and the monthly report's coverage section.
source "$(dirname "$0")/lib.sh"

e() { run --lang zh "$@" && [[ $CODE -eq 0 ]] || fail "setup: ent110 $*"; }

e init --at 2025-01-01
e unit add LSX --name 罗山县 --kind county --at 2025-01-01
e unit add FGW --name 市发展和改革委员会 --kind department --at 2025-01-01
e user add office1 --unit OFFICE --role office --at 2025-01-01
e user add viewer1 --unit OFFICE --role viewer --as office1 --at 2025-01-01
export ENT110_USER=office1
e enterprise add --name 甲机械有限公司 --county LSX --above-scale --key --at 2025-01-01
e enterprise add --name 乙茶业有限公司 --county LSX --above-scale --at 2025-01-01
e enterprise add --name 丙物流有限公司 --above-scale --at 2025-01-01

# The officers, the project, the assignments and the visits as plain rows: their commands are
# another piece of work. Being written behind ent110's back they are not audited, so this script
# cannot end with `ent110 verify` as the others do.
#   王一 (department leader) serves 甲 and the key project from 09-01;
#   孙三 (city leader) served 乙 from 09-01 and retired on 09-20.
add_service_data() {
  db_sql "INSERT INTO officer (id, name, level, unit, created_at, retired_on) VALUES
            (1, '王一', 'department-leader', 'FGW', '2025-01-01T00:00:00Z', NULL),
            (2, '孙三', 'city-leader', 'FGW', '2025-01-01T00:00:00Z', '2025-09-20');
          INSERT INTO project (code, name, county, status, key_level, created_at) VALUES
            ('2025-411521-44-03-000001', '罗山产业园一期', 'LSX', 'under-construction', 'provincial',
             '2025-01-01T00:00:00Z');
          INSERT INTO assignment (officer, enterprise, project, from_date, created_at) VALUES
            (1, 1, NULL, '2025-09-01', '2025-01-01T00:00:00Z'),
            (1, NULL, '2025-411521-44-03-000001', '2025-09-01', '2025-01-01T00:00:00Z'),
            (2, 2, NULL, '2025-09-01', '2025-01-01T00:00:00Z');
          INSERT INTO visit (officer, enterprise, at, note, actor, recorded_at) VALUES
            (1, 1, '2025-09-10T02:00:00Z', '走访', 'office1', '2025-09-10T02:00:00Z'),
            (2, 2, '2025-09-12T02:00:00Z', '走访', 'office1', '2025-09-12T02:00:00Z');" >/dev/null
}
add_service_data || fail "setup: the service rows"

# A case from 甲 (covered on receipt) and one from 丙 (never covered), both in September.
e intake --enterprise 甲机械有限公司 --type consult --channel visit --title 用地咨询 --body 咨询 \
  --at "2025-09-15 09:00"
e intake --enterprise 丙物流有限公司 --type consult --channel hotline --title 不明 --body 不明 \
  --at "2025-09-16 09:00"
e reject 2 --reason unclear --explain 请补充 --at "2025-09-16 10:00"

## JSON: the figures of 2025-09-30
run --lang en report coverage --at 2025-09-30 --format json
expect_code 0 "report coverage --format json"
expect_jq '.report' coverage "the JSON names its kind"
expect_jq '.period' 2025-09-30 "the period is the coverage day"
expect_jq '[.sections[].key] | join(",")' counties,gaps,leader_gaps,officers,cases \
  "the sections in order"
counties='.sections[] | select(.key == "counties") | .table.rows'
expect_jq "$counties | map(.county) | join(\",\")" "LSX,," "a row for LSX, no county, and the total"
expect_jq "$counties | .[0].enterprises_covered" 1 "LSX: 甲 covered, 乙's officer retired"
expect_jq "$counties | .[0].enterprises_uncovered" 1 "LSX: one uncovered"
expect_jq "$counties | .[0].project_coverage.text" "100.0% (1/1)" "LSX's project is covered"
expect_jq "$counties | .[1].county_name" "no county" "丙 has no county"
expect_jq "$counties | .[2].enterprise_coverage.text" "33.3% (1/3)" "the total"
expect_jq '.sections[] | select(.key == "gaps") | .table.rows | map(.name) | join(",")' \
  "乙茶业有限公司,丙物流有限公司" "the gaps are named"
leader='.sections[] | select(.key == "leader_gaps") | .table.rows'
expect_jq "$leader | map(.name) | join(\",\")" "甲机械有限公司,罗山产业园一期" \
  "key ones served only by a department leader"
expect_jq "$leader | .[0].officers" "王一 (department leader)" "with the officer they have"
officers='.sections[] | select(.key == "officers") | .table.rows'
expect_jq "$officers | length" 1 "the retired officer is not listed"
expect_jq "$officers | .[0] | [.enterprises, .projects, .visits] | map(tostring) | join(\",\")" \
  "1,1,1" "王一 serves one enterprise, one project, visited once"
cases='.sections[] | select(.key == "cases") | .table.rows'
expect_jq "$cases | .[0] | [.covered, .uncovered] | map(tostring) | join(\",\")" "1,1" \
  "one case received covered, one not"
expect_jq "$cases | .[3] | [.covered, .uncovered] | map(tostring) | join(\",\")" "0,1" \
  "the uncovered one was not accepted"

## A viewer may read it (on PostgreSQL, as a login with the viewer role)
run --as viewer1 --lang en report coverage --at 2025-09-30 --format json
expect_code 0 "a viewer runs report coverage"
expect_jq "$counties | .[2].enterprise_coverage.text" "33.3% (1/3)" "the viewer sees the same figures"

## --at before 孙三 retired: 乙 is covered then
run --lang en report coverage --at 2025-09-19 --format json
expect_jq "$counties | .[2].enterprise_coverage.text" "66.7% (2/3)" "on 09-19 乙 is still covered"
expect_jq "$officers | length" 2 "both officers serve on 09-19"

## --month: the month's last day, or today inside the month
run --lang en report coverage --month 2025-09 --at "2025-11-02 10:00" --format json
expect_jq '.period' 2025-09-30 "--month 2025-09 measures on its last day"
run --lang en report coverage --month this --at "2025-09-19 10:00" --format json
expect_jq '.period' 2025-09-19 "--month this measures on today"
run --lang en report coverage --month last --at "2025-10-05 10:00" --format json
expect_jq "$counties | .[2].enterprise_coverage.text" "33.3% (1/3)" "--month last is September"
run report coverage --month 2025-13
expect_code 2 "a bad --month is a usage error"
expect_one_line_error "bad --month"

## A bad --at
before=$(db_snapshot)
run report coverage --at 2025-02-30
expect_code 2 "a bad --at is a usage error"
expect_one_line_error "bad --at"
expect_unchanged "$before" "a bad --at"

## The other formats
run --lang zh report coverage --at 2025-09-30
expect_code 0 "text"
expect_out "首席服务员全覆盖情况" "the text has its title"
expect_out "2025年9月30日（统计期2025年9月1日至2025年9月30日）" "the text states day and period"
expect_out "未定县区" "the text names the no-county row"
run --lang zh report coverage --at 2025-09-30 --format md
expect_out "| LSX | 罗山县 | 2 | 1 | 1 | 50.0% (1/2) |" "Markdown has the county row"
run --lang zh report coverage --at 2025-09-30 --format csv -o "$E2E_DIR/coverage.csv"
expect_code 0 "CSV with -o"
grep -q '^gaps,未覆盖的企业和项目' "$E2E_DIR/coverage.csv" && pass || fail "the CSV has the gaps table"
run --lang zh report coverage --at 2025-09-30 --format html -o "$E2E_DIR/coverage.html"
ERR=$(xmllint --noout "$E2E_DIR/coverage.html" 2>&1) && pass || fail "the HTML is well-formed"
grep -q '罗山产业园一期' "$E2E_DIR/coverage.html" && pass || fail "the HTML names the key project"

## The monthly report's section, as at the month's last day
run --lang en report monthly --month 2025-09 --at "2025-10-09 10:00" --format json
section='.sections[] | select(.key == "coverage") | .table.rows'
expect_jq "$section | .[0].value.text" "33.3% (1/3)" "monthly: enterprises covered"
expect_jq "$section | .[1].value.text" "100.0% (1/1)" "monthly: projects covered"
expect_jq "$section | .[2].value" 2 "monthly: key ones without a leader"
expect_jq "$section | .[3].value" 2 "monthly: visits in the month"
run --lang zh report monthly --month 2025-09 --at "2025-10-09 10:00"
expect_out "首席服务员全覆盖情况（第三条）" "the monthly text has the section"

## The annual assessment states the coverage weight, 0 by default
run --lang en report annual --year 2025 --at "2026-01-05 10:00" --format json
expect_jq '.sections[] | select(.key == "weights") | .table.rows[0].weight_coverage' 0 \
  "the coverage weight is stated"
expect_jq '.sections[] | select(.key == "ranking") | .table.rows[] | select(.unit == "LSX") | .score_coverage * 10 | round' \
  667 "LSX's coverage score at the year's end"
run config
expect_out "assessment.weight_coverage" "ent110 config shows the key"

finish
