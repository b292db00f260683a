#!/usr/bin/env bash
# End to end: a backup is a complete, consistent database that ent110 can open.
source "$(dirname "$0")/lib.sh"

if [[ $E2E_ENGINE == postgresql ]]; then
  run init
  run backup "$E2E_DIR/copy.db"
  expect_code 4 "backup on PostgreSQL is pg_dump's job"
  expect_one_line_error "backup on PostgreSQL"
  expect_err "pg_dump --format=custom --file=$E2E_DIR/copy.db" "the refusal prints the pg_dump command"
  [[ ! -e $E2E_DIR/copy.db ]] && pass || fail "backup on PostgreSQL writes no file"
  finish
  exit
fi

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run backup "$E2E_DIR/copy.db"
expect_code 0 "backup"
expect_out "copy.db" "backup names the file"
[[ $(stat -c %a "$E2E_DIR/copy.db") == 600 ]] && pass || fail "backup has mode 0600"
run --db "$E2E_DIR/copy.db" unit show FGW --json
expect_jq '.name' "市发展和改革委员会" "the copy holds the data"
run backup "$E2E_DIR/copy.db" --json
expect_code 0 "a second backup replaces the first"
expect_jq '.schema_version > 0' "true" "backup --json reports the schema version"
run backup "$E2E_DIR/no/such/dir/copy.db"
expect_code 6 "backup into a missing directory fails"
expect_one_line_error "backup into a missing directory"
ls "$E2E_DIR"/no 2>/dev/null && fail "nothing is left behind" || pass

finish
