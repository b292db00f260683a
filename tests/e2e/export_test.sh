#!/usr/bin/env bash
# End to end: source ids make imports idempotent, export → intake into a fresh database → export
# gives the same content, and list writes CSV and NDJSON that intake reads back.
source "$(dirname "$0")/lib.sh"

run init --at 2025-01-01
run unit add FGW --name 市发展和改革委员会 --kind department --at 2025-01-01
run enterprise add --name 信阳示例机械有限公司 --at 2025-01-01
run enterprise add --name 信阳某某茶业有限公司 --credit-code 91350100M000100Y43 --at 2025-01-01
expect_code 0 "setup"
db_save fresh

## Source ids: a repeated or resumed import adds nothing
web="$E2E_DIR/web.ndjson"
cat >"$web" <<'NDJSON'
{"source_id": "W-1", "enterprise": "信阳示例机械有限公司", "type": "consult", "channel": "web", "title": "退税咨询", "body": "第一行\n第二行, \"引号\"", "received_at": "2025-09-30T20:15"}
{"source_id": "W-2", "enterprise": "91350100M000100Y43", "type": "coordinate", "channel": "web", "title": "用电增容", "major": true, "received_at": "2025-10-08T09:00"}
{"source_id": "W-3", "enterprise": "信阳示例机械有限公司", "type": "consult", "channel": "web", "title": "用地审批", "received_at": "2025-10-09T10:30"}
NDJSON
head -n 2 "$web" >"$E2E_DIR/half.ndjson"
run intake --from "$E2E_DIR/half.ndjson" --at 2025-10-10
expect_out "2 cases taken in (2025-000001 to 2025-000002)" "an interrupted import's first half"
run intake --from "$web" --at 2025-10-10 --dry-run
expect_out "1 case would be taken in (2025-000003 to 2025-000003); 2 already present; nothing was written" \
  "a dry run counts the records already present"
run intake --from "$web" --at 2025-10-10
expect_code 0 "the whole file after half of it"
expect_out "1 case taken in (2025-000003 to 2025-000003); 2 already present" \
  "a resumed import takes in only the rest and says how many were present"
before=$(db_snapshot)
run intake --from "$web" --at 2025-10-10 --json
expect_code 0 "a repeated import"
expect_jq '"\(.cases | length) \(.already_present) \(.already_present_ids | join(","))"' \
  "0 3 2025-000001,2025-000002,2025-000003" "JSON already_present"
run intake --from "$web" --at 2025-10-10
expect_out "nothing new; 3 cases were already present" "the summary of a repeated import"
expect_unchanged "$before" "a repeated import writes nothing"

printf '%s\n' '{"source_id": "W-1", "enterprise": "信阳示例机械有限公司", "type": "consult", "channel": "hotline", "title": "另一件"}' \
  >"$E2E_DIR/hotline.ndjson"
run intake --from "$E2E_DIR/hotline.ndjson" --at 2025-10-10
expect_out "1 case taken in (2025-000004 to 2025-000004)" "source ids are unique per channel only"

conflict="$E2E_DIR/conflict.csv"
printf 'source_id,enterprise,type,channel,title,received_at\nW-9,信阳示例机械有限公司,consult,web,新问题,2025-10-09\nW-3,信阳示例机械有限公司,consult,web,用地审批（改）,2025-10-09T10:30\n' >"$conflict"
before=$(db_snapshot)
run intake --from "$conflict" --at 2025-10-10
expect_code 5 "a conflicting re-import"
expect_one_line_error "a conflicting re-import"
expect_err "$conflict:3: case 2025-000003 already has web source id 'W-3' with a different title" \
  "the refusal names the line and the field"
expect_unchanged "$before" "nothing of a conflicting file is taken in"

run intake --enterprise 信阳示例机械有限公司 --type consult --channel web --title 用地审批 \
  --source-id W-3 --at 2025-10-11 --json
expect_code 0 "a single intake of a present case"
expect_jq .id "2025-000003" "prints the case already present"
expect_err "case 2025-000003 is already present (web source id 'W-3')" "says it is present"
run intake --enterprise 信阳示例机械有限公司 --type coordinate --channel web --title 用地审批 \
  --source-id W-3 --at 2025-10-11
expect_code 5 "a single intake of a source id with other content"
expect_err "with a different type" "names the differing field"
expect_unchanged "$before" "neither single intake wrote"

## Round trip: export → intake into a fresh database → export, byte for byte
run export -o "$E2E_DIR/a.ndjson"
expect_out "4 cases exported" "export -o says how many"
run export --format csv -o "$E2E_DIR/a.csv"
[[ $(head -c 3 "$E2E_DIR/a.csv" | od -An -tx1 | tr -d ' ') == efbbbf ]] && pass ||
  fail "the CSV starts with a UTF-8 byte-order mark"
run export
expect_jq 'select(.id == "2025-000002") | "\(.enterprise) \(.enterprise_name) \(.source_id) \(.major)"' \
  "91350100M000100Y43 信阳某某茶业有限公司 W-2 true" "an exported record names the enterprise three ways"
expect_jq 'select(.id == "2025-000001") | .body' $'第一行\n第二行, "引号"' "the body as taken in"

db_restore fresh
run intake --from "$E2E_DIR/a.ndjson" --at 2026-01-05
expect_out "4 cases taken in (2025-000001 to 2025-000004)" "an export read back into a fresh database"
run export -o "$E2E_DIR/b.ndjson"
cmp -s "$E2E_DIR/a.ndjson" "$E2E_DIR/b.ndjson" && pass || fail "NDJSON round trip: $(diff "$E2E_DIR/a.ndjson" "$E2E_DIR/b.ndjson" | head -5)"
run intake --from "$E2E_DIR/a.ndjson" --at 2026-01-05
expect_out "nothing new; 4 cases were already present" "an export read back twice adds nothing"
run intake --enterprise 信阳示例机械有限公司 --type consult --channel other --title 新问题 --at 2025-11-01 --json
expect_jq .id "2025-000005" "numbering continues after the highest id read back"

db_restore fresh
run intake --from "$E2E_DIR/a.csv" --at 2026-01-05
expect_code 0 "an exported CSV read back"
run export --format csv -o "$E2E_DIR/b.csv"
cmp -s "$E2E_DIR/a.csv" "$E2E_DIR/b.csv" && pass || fail "CSV round trip"

# Later history is not replayed: the intake fields survive, the case starts again as received.
run forward 2025-000002 --to FGW --at 2025-10-10
expect_code 0 "forward"
run export --events
expect_jq 'select(.id == "2025-000002") | "\(.state) \(.unit) \([.events[].action] | join(","))"' \
  "forwarded FGW intake,forward" "--events adds the case's events"
run export --state forwarded
expect_jq .id "2025-000002" "--state"
run export --since 2025-10-09
expect_jq '[.id] | join(",")' $'2025-000003\n2025-000004' "--since"
intake_fields='{id, received_at, enterprise, type, major, channel, title, body, source_id, project, confidential}'
run export
jq -c "$intake_fields" <<<"$OUT" >"$E2E_DIR/c.fields"
run export -o "$E2E_DIR/c.ndjson" --events
db_restore fresh
run intake --from "$E2E_DIR/c.ndjson" --at 2026-01-05
expect_code 0 "an export with events read back"
run export
jq -c "$intake_fields" <<<"$OUT" >"$E2E_DIR/d.fields"
cmp -s "$E2E_DIR/c.fields" "$E2E_DIR/d.fields" && pass || fail "the intake fields survive a round trip"
expect_jq 'select(.id == "2025-000002") | .state' "received" "state-changing events are not replayed"

printf '%s\n' '{"id": "2025-000002", "enterprise": "信阳示例机械有限公司", "type": "consult", "channel": "web", "title": "别的问题", "received_at": "2025-10-08T09:00"}' \
  >"$E2E_DIR/other.ndjson"
before=$(db_snapshot)
run intake --from "$E2E_DIR/other.ndjson"
expect_code 5 "an id taken by another case"
expect_err "$E2E_DIR/other.ndjson:1: case 2025-000002 already exists with a different enterprise" \
  "names the line and the field"
expect_unchanged "$before" "an id conflict writes nothing"

## list --format and --limit
run list --format csv --limit 2
expect_code 0 "list --format csv"
[[ $OUT == $'\xef\xbb\xbf'id,state,type,* && $OUT == *2025-000002* && $OUT != *2025-000003* ]] &&
  pass || fail "list CSV: a byte-order mark, the header and the 2 most urgent cases"
run list --format ndjson --limit 1
expect_jq '"\(.channel) \(.body != null)"' "web true" "list NDJSON has the channel and the body"
run list --ndjson
printf '%s\n' "$OUT" >"$E2E_DIR/list.ndjson"
expect_jq '.id' $'2025-000001\n2025-000002\n2025-000003\n2025-000004' "--ndjson is kept"
run list --ndjson --format csv
expect_code 2 "--ndjson with another format"
db_restore fresh
run intake --from "$E2E_DIR/list.ndjson" --at 2026-01-05
expect_out "4 cases taken in" "intake reads list --ndjson back"
run show 2025-000004 --json
expect_jq '"\(.channel) \(.title)"' "hotline 另一件" "with the ids and channels listed"

run verify
expect_code 0 "verify"
finish
