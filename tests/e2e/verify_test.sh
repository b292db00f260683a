#!/usr/bin/env bash
# End to end: verify passes on an untouched database and finds an event edited behind ent110's back,
# a user inserted behind its back, and the last case deleted after an anchor was taken (issue 10).
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
anchor=$(printf '%s' "$OUT" | jq -r .anchor)
[[ $anchor =~ ^[0-9a-f]{64}$ ]] && pass || fail "verify --json prints the anchor"
run verify --anchor "$anchor"
expect_code 0 "the ledger extends its own head"
expect_out "$anchor" "verify prints the head digest"
run verify --anchor nothex
expect_code 2 "a malformed anchor is a usage error"
expect_one_line_error "malformed anchor"

db_save good
db_sql "INSERT INTO \"user\" VALUES ('evil', 'OFFICE', 'office', '2025-01-01T00:00:00Z');"
run verify
expect_code 6 "an office user inserted behind ent110's back fails verification"
expect_out "user 'evil' exists without an audit event" "verify names the user"
expect_one_line_error "inserted user"

# The last case removed whole (events, clocks, row) with the triggers put back: every chain
# still links, but the ledger no longer extends the anchor taken before.
db_restore good
run intake --enterprise 信阳某某茶业有限公司 --type consult --channel web --title 再咨询 --at "2025-10-09 09:00"
run verify --json
anchor=$(printf '%s' "$OUT" | jq -r .anchor)
delete_last_case="DELETE FROM case_event WHERE case_id = '2025-000002';
  DELETE FROM case_clock WHERE case_id = '2025-000002'; DELETE FROM case_file WHERE id = '2025-000002';"
if [[ $E2E_ENGINE == postgresql ]]; then
  db_sql "ALTER TABLE case_event DISABLE TRIGGER USER; $delete_last_case
    ALTER TABLE case_event ENABLE TRIGGER USER;"
else
  db_sql "DROP TRIGGER case_event_no_delete; $delete_last_case
    CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;"
fi
run verify
expect_code 0 "without an anchor the truncated chain looks whole"
run verify --anchor "$anchor"
expect_code 6 "the anchor proves the deletion"
expect_one_line_error "lost anchor"
expect_err "no longer extends anchor '$anchor'" "the error names the anchor"
db_restore good

# Rows of the case cache edited with sqlite3 (the events untouched): the replay of the events
# names the case and what differs.
for tampering in \
  "UPDATE case_file SET answer_text = '已全部解决' WHERE id = '2025-000001'|answer" \
  "UPDATE case_file SET rating = 'satisfied' WHERE id = '2025-000001'|rating" \
  "UPDATE case_clock SET due = '2025-12-31' WHERE case_id = '2025-000001' AND name = 'reply'|clock" \
  "UPDATE case_clock SET outcome = 'missed' WHERE case_id = '2025-000001' AND name = 'forward'|clock" \
  "UPDATE case_file SET state = 'evaluated' WHERE id = '2025-000001'|state"; do
  db_restore good
  db_sql "${tampering%|*}"
  run verify
  expect_code 6 "case cache edited: ${tampering%|*}"
  expect_out "case 2025-000001: the stored record is not what its events say (${tampering#*|}" \
    "verify names the case and the field: ${tampering#*|}"
  expect_one_line_error "case cache edited"
done
db_restore good

# Someone edits the history behind ent110's back, first switching the guard trigger off.
if [[ $E2E_ENGINE == postgresql ]]; then
  db_sql "ALTER TABLE case_event DISABLE TRIGGER USER; UPDATE case_event SET text = 'GXJ' WHERE case_seq = 2;"
else
  db_sql "DROP TRIGGER case_event_no_update; UPDATE case_event SET text = 'GXJ' WHERE case_seq = 2;"
fi
run verify
expect_code 6 "an edited event fails verification"
expect_out "case 2025-000001" "the report names the case"
expect_one_line_error "verify failure"
run verify --json
expect_jq '.first_broken_event' "2" "verify --json names the first broken event"

finish
