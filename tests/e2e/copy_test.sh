#!/usr/bin/env bash
# End to end: `ent110 copy` moves a whole database into a new one that verifies with the same
# ledger anchor, refuses a target that holds rows, and leaves nothing behind when the source does
# not verify (issue 12).
source "$(dirname "$0")/lib.sh"

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run user add office1 --unit OFFICE --role office
run user add fgw1 --unit FGW --role unit --as office1
export ENT110_USER=office1
run enterprise add --name 信阳某某茶业有限公司
run intake --enterprise 信阳某某茶业有限公司 --type consult --channel web --title 咨询 --at "2025-09-30 09:00"
run forward 1 --to FGW --at "2025-09-30 10:00"
run reply 1 --as fgw1 --text 已答复 --at "2025-10-09 10:00"
run verify --json
source_anchor=$(printf '%s' "$OUT" | jq -r .anchor)

run copy --to "$E2E_DIR/copy.db" --json
expect_code 0 "copy into a new file"
expect_jq '.anchor' "$source_anchor" "the copy reports the source's ledger anchor"
expect_jq '.tables.case_event' "3" "the copy counts the case events"
expect_jq '.tables.user' "2" "the copy counts the users"
[[ $(stat -c %a "$E2E_DIR/copy.db") == 600 ]] && pass || fail "the new file has mode 0600"
run --db "$E2E_DIR/copy.db" verify --anchor "$source_anchor"
expect_code 0 "the copy verifies against the source's anchor"
run --db "$E2E_DIR/copy.db" show 1 --json
expect_jq '.answer.text' "已答复" "the copy holds the case as it was"
run --db "$E2E_DIR/copy.db" evaluate 1 --rating satisfied --at "2025-10-10 10:00"
expect_code 0 "work carries on in the copy"

# Back again: a copy of the copy has the same ledger as the source had then.
run --db "$E2E_DIR/copy.db" copy --to "$E2E_DIR/back.db"
expect_code 0 "copy of a copy"
run --db "$E2E_DIR/back.db" verify --json
expect_jq '.ok' "true" "the second copy verifies"

# From the SQLite file into an empty PostgreSQL database: the ledger arrives whole.
if [[ $E2E_ENGINE == postgresql ]]; then
  psql "$ENT110_TEST_POSTGRESQL" -qAt -c "CREATE DATABASE ${E2E_PG_DATABASE}_moved" >/dev/null
  moved=$(pg_database_uri "${E2E_PG_DATABASE}_moved" office1)
  run --db "$E2E_DIR/back.db" verify --json
  back_anchor=$(printf '%s' "$OUT" | jq -r .anchor)
  run --db "$E2E_DIR/back.db" copy --to "$(uri_as_login "$moved" "$E2E_PG_LOGIN")" --json
  expect_code 0 "copy from SQLite into PostgreSQL"
  expect_jq '.anchor' "$back_anchor" "the ledger anchor survives the move to PostgreSQL"
  run --db "$moved" verify --anchor "$back_anchor"
  expect_code 0 "the moved database verifies against the anchor"
  run --db "$moved" --at "2025-10-10 10:00" intake --enterprise 1 --type consult --channel web \
    --title 搬迁后新案
  expect_code 0 "work carries on after the move (identities continue after the copied ids)"
fi

before=$(sqlite3 "$E2E_DIR/copy.db" .dump)
run copy --to "$E2E_DIR/copy.db"
expect_code 4 "a target that holds rows is refused"
expect_one_line_error "non-empty target"
expect_err "copy only into a new file or an empty database" "the refusal says what would be right"
[[ $(sqlite3 "$E2E_DIR/copy.db" .dump) == "$before" ]] && pass || fail "the refused target is unchanged"

# A source edited behind the tool's back does not verify: the copy is refused whole.
db_sql "UPDATE case_file SET answer_text = '改过的答复' WHERE number = 1"
run copy --to "$E2E_DIR/tampered.db"
expect_code 6 "a source that does not verify is not copied"
expect_one_line_error "tampered source"
[[ ! -e $E2E_DIR/tampered.db && ! -e $E2E_DIR/tampered.db-wal ]] && pass ||
  fail "no target file is left behind"

finish
