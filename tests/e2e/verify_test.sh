#!/usr/bin/env bash
# End to end: verify passes on an untouched database and finds an event edited behind ent110's back.
source "$(dirname "$0")/lib.sh"

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run enterprise add --name 信阳某某茶业有限公司
run intake --enterprise 信阳某某茶业有限公司 --type consult --channel web --title 咨询 --at "2025-09-30 09:00"
run forward 1 --to FGW --at "2025-09-30 10:00"
run verify
expect_code 0 "an untouched database verifies"
expect_out "2 events" "verify counts the events"
run verify --json
expect_jq '.ok' "true" "verify --json says ok"

# Someone edits the history with sqlite3, first removing the guard trigger.
sqlite3 "$ENT110_DB" "DROP TRIGGER case_event_no_update; UPDATE case_event SET text = 'GXJ' WHERE case_seq = 2;"
run verify
expect_code 6 "an edited event fails verification"
expect_out "case 2025-000001" "the report names the case"
expect_one_line_error "verify failure"
run verify --json
expect_jq '.first_broken_event' "2" "verify --json names the first broken event"

finish
