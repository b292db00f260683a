#!/usr/bin/env bash
# End to end (issue 11, "Files it must never damage"): report -o and backup write through FIFOs
# and devices and follow symbolic links; a foreign or empty SQLite file is refused unchanged by
# everything but init; created directories are 0700 and files 0600 whatever the umask; a
# world-readable database or file_mode gets one warning.
source "$(dirname "$0")/lib.sh"
sqlite_only "these checks are about SQLite database files and their modes"

umask 000
# A backup into a FIFO or a device keeps its temporary copy here.
export TMPDIR="$E2E_DIR/tmp"
mkdir "$TMPDIR"
export ENT110_DB="$E2E_DIR/data/deeper/ent110.db"
run init --at 2025-01-01
expect_code 0 "init into a new directory"
[[ $(stat -c %a "$E2E_DIR/data") == 700 && $(stat -c %a "$E2E_DIR/data/deeper") == 700 ]] &&
  pass || fail "init creates directories 0700 under umask 000"
[[ $(stat -c %a "$ENT110_DB") == 600 ]] && pass || fail "the database is 0600 under umask 000"
[[ -z $ERR ]] && pass || fail "a private database gets no warning"

## report -o
run report monthly --month 2025-09 -o "$E2E_DIR/r.md"
[[ $(stat -c %a "$E2E_DIR/r.md") == 600 ]] && pass || fail "a report file is 0600 under umask 000"
report=$(cat "$E2E_DIR/r.md")

mkfifo "$E2E_DIR/fifo"
cat "$E2E_DIR/fifo" >"$E2E_DIR/from-fifo" &
reader=$!
run report monthly --month 2025-09 -o "$E2E_DIR/fifo"
expect_code 0 "report -o FIFO"
wait "$reader"
[[ -p $E2E_DIR/fifo ]] && pass || fail "the FIFO is still a FIFO"
[[ $(cat "$E2E_DIR/from-fifo") == "$report" ]] && pass || fail "the reader got the report"

mkdir "$E2E_DIR/real"
ln -s real/target.md "$E2E_DIR/link.md"
run report monthly --month 2025-09 -o "$E2E_DIR/link.md"
expect_code 0 "report -o symlink"
[[ -L $E2E_DIR/link.md && $(cat "$E2E_DIR/real/target.md") == "$report" ]] &&
  pass || fail "the link is followed and stays a link"

run report monthly --month 2025-09 -o /dev/null
expect_code 0 "report -o /dev/null"
[[ -c /dev/null ]] && pass || fail "/dev/null is still a device"

run report monthly --month 2025-09 -o -
expect_out "$(head -1 "$E2E_DIR/r.md")" "report -o - prints to stdout"
run report monthly --month 2025-09 -o /dev/stdout
[[ $OUT == "$report" ]] && pass || fail "report -o /dev/stdout prints the report"

## backup
run backup "$E2E_DIR/link.db"
ln -s real/copy.db "$E2E_DIR/copy-link.db"
run backup "$E2E_DIR/copy-link.db"
expect_code 0 "backup onto a symlink"
[[ -L $E2E_DIR/copy-link.db && $(stat -c %a "$E2E_DIR/real/copy.db") == 600 ]] &&
  pass || fail "the backup follows the link, mode 0600"
"$ENT110" backup - >"$E2E_DIR/streamed.db" 2>"$E2E_DIR/stderr"
[[ $(sqlite3 "$E2E_DIR/streamed.db" 'PRAGMA integrity_check') == ok ]] &&
  pass || fail "backup - writes a whole database to stdout"
grep -q "backed up to /dev/stdout" "$E2E_DIR/stderr" && pass || fail "its summary goes to stderr"
run backup /dev/null
expect_code 0 "backup /dev/null"
[[ -c /dev/null ]] && pass || fail "/dev/null is still a device after a backup"
[[ -z $(find "$E2E_DIR" -name "*.tmp-*") ]] &&
  pass || fail "no temporary file is left"

## files that are not ent110 databases
sqlite3 "$E2E_DIR/foreign.db" "CREATE TABLE notes (text); INSERT INTO notes VALUES ('mine');"
cp "$E2E_DIR/foreign.db" "$E2E_DIR/foreign.orig"
: >"$E2E_DIR/empty.db"
for file in foreign.db empty.db; do
  for command in "list" "unit list" "unit add ZZ --name 某区 --kind district" "backup $E2E_DIR/b.db"; do
    # shellcheck disable=SC2086 # the command is words
    run --db "$E2E_DIR/$file" $command
    expect_code 6 "$command on $file"
    expect_one_line_error "$command on $file"
  done
done
cmp -s "$E2E_DIR/foreign.db" "$E2E_DIR/foreign.orig" && pass || fail "the foreign file is unchanged"
[[ ! -s $E2E_DIR/empty.db ]] && pass || fail "the empty file stays empty"
expect_err "is an empty database; nothing was changed; run 'ent110 init'" "the empty file is named"
run --db "$E2E_DIR/foreign.db" init
expect_code 6 "init does not take over a foreign database"
cmp -s "$E2E_DIR/foreign.db" "$E2E_DIR/foreign.orig" && pass || fail "init left it unchanged"
chmod 600 "$E2E_DIR/empty.db"
run --db "$E2E_DIR/empty.db" init
expect_code 0 "init sets up an empty file"
[[ $(sqlite3 "$E2E_DIR/empty.db" 'PRAGMA application_id') == 1160851760 ]] &&
  pass || fail "init marks the file with ent110's application id"

printf 'not a database\n' >"$E2E_DIR/notes.txt"
run --db "$E2E_DIR/notes.txt" list
expect_code 6 "list on a text file"
expect_err "is not an SQLite database or is damaged" "a text file is named as such"
[[ $(cat "$E2E_DIR/notes.txt") == "not a database" ]] && pass || fail "the text file is unchanged"

## databases made before the application id still open
sqlite3 "$ENT110_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null # the file alone, whole
cp "$ENT110_DB" "$E2E_DIR/old.db"
# Undo what migrations 010, 012, 013 and 014 made (011 is PostgreSQL's alone; 013's rebuilt
# case_event is a superset of the old one and stays).
sqlite3 "$E2E_DIR/old.db" "DROP TRIGGER case_search_intake; DROP TRIGGER case_search_answer;
  DROP TRIGGER case_search_event; DROP TABLE case_search; DROP TABLE case_search_pending;
  DROP INDEX case_by_source;
  DROP INDEX case_by_primary; ALTER TABLE case_file DROP COLUMN source_id;
  ALTER TABLE case_file DROP COLUMN confidential; ALTER TABLE case_file DROP COLUMN merged_into;
  DROP VIEW audit_row_officer; DROP VIEW audit_row_project;
  DROP VIEW audit_row_assignment; DROP VIEW audit_row_visit; DROP TABLE visit;
  DROP INDEX case_by_project; ALTER TABLE case_file DROP COLUMN project; DROP TABLE assignment;
  DROP TABLE project; DROP TABLE officer; ALTER TABLE case_co_unit DROP COLUMN position;
  PRAGMA application_id = 0; PRAGMA user_version = 8;"
run --db "$E2E_DIR/old.db" unit list
expect_code 0 "a database from before schema 009 opens"
[[ $(sqlite3 "$E2E_DIR/old.db" 'PRAGMA application_id') == 1160851760 ]] &&
  pass || fail "and is marked on upgrade"

## warnings
chmod 644 "$ENT110_DB"
run unit list
expect_code 0 "a world-readable database still opens"
[[ $(grep -c "warning: database '.*' can be read by every user" <<<"$ERR") == 1 ]] &&
  pass || fail "a world-readable database gets one warning"
chmod 600 "$ENT110_DB"
printf '[database]\nfile_mode = "0666"\n' >"$E2E_DIR/open.toml"
run --config "$E2E_DIR/open.toml" unit list
[[ $(grep -c 'warning: database.file_mode "0666"' <<<"$ERR") == 1 ]] &&
  pass || fail "file_mode 0666 gets one warning"

finish
