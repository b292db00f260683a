#!/usr/bin/env bash
# End to end: bulk intake from NDJSON and CSV, all or nothing, errors naming file:line.
source "$(dirname "$0")/lib.sh"

run init --at 2025-01-01
run enterprise add --name 信阳示例机械有限公司 --at 2025-01-01
expect_code 0 "setup"

good="$E2E_DIR/cases.ndjson"
cat >"$good" <<'NDJSON'
{"enterprise": "信阳示例机械有限公司", "type": "consult", "channel": "web", "title": "政策咨询", "received_at": "2025-09-30T20:15"}

{"enterprise": "信阳示例机械有限公司", "type": "coordinate", "channel": "hotline", "title": "用电增容", "major": true, "body": "厂区需要增容"}
NDJSON

before=$(db_snapshot)
run intake --from "$good" --dry-run --at 2025-10-01T09:00 --json
expect_code 0 "a dry run"
expect_jq '"\(.dry_run) \([.cases[].id] | join(","))"' "true 2025-000001,2025-000002" \
  "a dry run numbers the cases"
expect_unchanged "$before" "a dry run writes nothing"

run intake --from "$good" --at 2025-10-01T09:00
expect_code 0 "bulk intake"
expect_out "2 cases taken in (2025-000001 to 2025-000002)" "the summary line"
run show 2025-000001 --json
expect_jq '"\(.received_at) \(.clocks[0].due)"' "2025-09-30T20:15:00+08:00 2025-10-09" \
  "a record's own received_at"
run show 2 --json
expect_jq '"\(.major) \(.received_at) \([.clocks[].name] | join(","))"' \
  "true 2025-10-01T09:00:00+08:00 forward,government" "--at for a record without one"

bad="$E2E_DIR/cases.csv"
printf 'enterprise,type,channel,title,body\n信阳示例机械有限公司,consult,web,咨询,正文\n不存在的公司,consult,web,咨询,\n' >"$bad"
before=$(db_snapshot)
run intake --from "$bad" --at 2025-10-02
expect_code 5 "a bad record refuses the whole file"
expect_one_line_error "bad record"
expect_err "$bad:3: unknown enterprise '不存在的公司'" "the error names file:line"
expect_unchanged "$before" "nothing is taken in from a file with a bad record"

printf 'enterprise,type,channel,title\n信阳示例机械有限公司,question,web,咨询\n' >"$bad"
run intake --from "$bad" --at 2025-10-02
expect_code 5 "a bad type"
expect_err "$bad:2: type 'question' is not allowed; use consult, coordinate" "names the field"

printf '{"enterprise": "信阳示例机械有限公司", "type": "consult", "channel": "web", "title": "x", "urgency": 1}\n' >"$bad.ndjson"
run intake --from "$bad.ndjson"
expect_code 5 "an unknown field"
expect_err "$bad.ndjson:1: unknown field 'urgency'" "names the unknown field"

run intake --from "$good" --title x
expect_code 2 "--from with single-case options"

finish
