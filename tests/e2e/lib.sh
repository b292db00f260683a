# Sourced by tests/e2e/*_test.sh: runs the real ent110 binary ($ENT110) on a temporary database.
# Each check prints one line; the script exits non-zero at the end if any check failed.
set -uo pipefail

: "${ENT110:?set ENT110 to the ent110 binary}"
: "${ENT110_SOURCE_DIR:?set ENT110_SOURCE_DIR to the source tree}"

# drop_test_databases: the script's PostgreSQL database and its db_save snapshots.
drop_test_databases() {
  local database
  for database in $(psql "$ENT110_TEST_POSTGRESQL" -qAt -c \
    "SELECT datname FROM pg_database WHERE datname LIKE '${E2E_PG_DATABASE}%'"); do
    psql "$ENT110_TEST_POSTGRESQL" -qAt -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null
  done
}

# ensure_pg_login NAME [ATTRIBUTE]: a login role NAME on the test server, made once. It carries
# no ent110 rights: `ent110 user add` grants those. Other scripts may be making it at the moment.
ensure_pg_login() {
  [[ -n ${e2e_pg_logins[$1]:-} ]] && return
  psql "$ENT110_TEST_POSTGRESQL" -qAt -c "DO \$\$ BEGIN CREATE ROLE \"$1\" LOGIN ${2:-};
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END \$\$" >/dev/null
  e2e_pg_logins[$1]=1
}

# pg_database_uri DATABASE [LOGIN]: the test server's URI for DATABASE, as LOGIN (default: the
# maintenance URI's user). The maintenance URI's path is its database; everything else is kept.
pg_database_uri() {
  local uri
  uri=$(sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/$1#" <<<"$ENT110_TEST_POSTGRESQL")
  if [[ -n ${2:-} ]]; then
    uri=$(uri_as_login "$uri" "$2")
  fi
  printf '%s' "$uri"
}

# uri_as_login URI LOGIN: URI connecting as LOGIN.
uri_as_login() {
  if [[ $1 == *user=* ]]; then
    sed -E "s/([?&])user=[^&]*/\1user=$2/" <<<"$1"
  else
    printf '%s%suser=%s\n' "$1" "$([[ $1 == *\?* ]] && echo "&" || echo "?")" "$2"
  fi
}

E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ent110-e2e.XXXXXX")
export ENT110_CONFIG=/dev/null NO_COLOR=1
unset ENT110_USER ENT110_NOW ENT110_LANG LC_ALL LC_MESSAGES LANG

# The engine under test: SQLite files, or with ENT110_TEST_POSTGRESQL (a libpq URI of the test
# server's maintenance database, tests/postgresql/cluster) a fresh PostgreSQL database per script.
if [[ -n ${ENT110_TEST_POSTGRESQL:-} ]]; then
  E2E_ENGINE=postgresql
  declare -A e2e_pg_logins=()
  E2E_PG_DATABASE="e2e_${E2E_DIR##*.}"
  E2E_PG_DATABASE=${E2E_PG_DATABASE,,}
  psql "$ENT110_TEST_POSTGRESQL" -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE $E2E_PG_DATABASE" >/dev/null
  trap 'drop_test_databases; rm -rf "$E2E_DIR"' EXIT
  # Who runs the tests acts when no --as says otherwise, as on SQLite; like a file's owner there,
  # a superuser here.
  E2E_PG_LOGIN=$(id -un)
  ensure_pg_login "$E2E_PG_LOGIN" SUPERUSER
  export ENT110_DB
  ENT110_DB=$(pg_database_uri "$E2E_PG_DATABASE" "$E2E_PG_LOGIN")
else
  E2E_ENGINE=sqlite
  trap 'rm -rf "$E2E_DIR"' EXIT
  export ENT110_DB="$E2E_DIR/ent110.db"
fi

e2e_failures=0
e2e_passes=0
OUT="" ERR="" CODE=0

# run ARGS…: runs ent110, capturing stdout in $OUT, stderr in $ERR and the exit code in $CODE.
# On PostgreSQL, who acts is the database login: `--as NAME` (or ENT110_USER) becomes a
# connection as NAME (through ENT110_DB, so that argument positions stay as typed), unless the
# command names its own --db or ENT110_DB is a file.
run() {
  local args=("$@")
  if [[ $E2E_ENGINE == postgresql && $ENT110_DB == postgres* && " $* " != *" --db "* ]]; then
    local login=${ENT110_USER:-$E2E_PG_LOGIN} arg
    args=()
    while (($#)); do
      arg=$1
      shift
      if [[ $arg == --as ]]; then
        login=$1
        shift
      elif [[ $arg == --as=* ]]; then
        login=${arg#--as=}
      else
        args+=("$arg")
      fi
    done
    ensure_pg_login "$login"
    OUT=$(ENT110_DB=$(uri_as_login "$ENT110_DB" "$login") env -u ENT110_USER "$ENT110" "${args[@]}" \
      2>"$E2E_DIR/stderr")
  else
    OUT=$("$ENT110" "${args[@]}" 2>"$E2E_DIR/stderr")
  fi
  CODE=$?
  ERR=$(cat "$E2E_DIR/stderr")
}

# db_sql SQL: runs SQL on the test database behind ent110's back (as an attacker with the file or
# a superuser's psql would), printing rows as a|b lines.
db_sql() {
  if [[ $E2E_ENGINE == postgresql ]]; then
    psql "$ENT110_DB" -qAt -v ON_ERROR_STOP=1 -c "$1"
  else
    sqlite3 "$ENT110_DB" "$1"
  fi
}

# db_save NAME / db_restore NAME: a snapshot of the whole test database, and putting it back (a
# file copy on SQLite, a template database on PostgreSQL). The WAL outlives each command, so the
# snapshot checkpoints it into the file first, and putting a file back drops the WAL beside it.
db_save() {
  if [[ $E2E_ENGINE == postgresql ]]; then
    psql "$ENT110_TEST_POSTGRESQL" -qAt -v ON_ERROR_STOP=1 \
      -c "DROP DATABASE IF EXISTS ${E2E_PG_DATABASE}_$1" \
      -c "CREATE DATABASE ${E2E_PG_DATABASE}_$1 TEMPLATE $E2E_PG_DATABASE" >/dev/null
  else
    sqlite3 "$ENT110_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    cp "$ENT110_DB" "$E2E_DIR/saved-$1.db"
  fi
}
db_restore() {
  if [[ $E2E_ENGINE == postgresql ]]; then
    psql "$ENT110_TEST_POSTGRESQL" -qAt -v ON_ERROR_STOP=1 \
      -c "DROP DATABASE IF EXISTS $E2E_PG_DATABASE WITH (FORCE)" \
      -c "CREATE DATABASE $E2E_PG_DATABASE TEMPLATE ${E2E_PG_DATABASE}_$1" >/dev/null
  else
    rm -f "$ENT110_DB-wal" "$ENT110_DB-shm"
    cp "$E2E_DIR/saved-$1.db" "$ENT110_DB"
  fi
}

# sqlite_only REASON: ends a script that is about SQLite files as skipped on PostgreSQL (ctest
# reports it as skipped, exit 77).
sqlite_only() {
  if [[ $E2E_ENGINE == postgresql ]]; then
    echo "skipped on PostgreSQL: $1"
    exit 77
  fi
}

pass() { e2e_passes=$((e2e_passes + 1)); }
fail() {
  e2e_failures=$((e2e_failures + 1))
  echo "FAIL: $*" >&2
  echo "  exit: $CODE" >&2
  echo "  stdout: ${OUT:0:2000}" >&2
  echo "  stderr: ${ERR:0:2000}" >&2
}

# expect_code N DESCRIPTION: the last run exited N.
expect_code() { [[ $CODE -eq $1 ]] && pass || fail "$2: expected exit $1"; }
# expect_out TEXT DESCRIPTION: stdout of the last run contains TEXT.
expect_out() { [[ $OUT == *"$1"* ]] && pass || fail "$2: stdout lacks '$1'"; }
# expect_err TEXT DESCRIPTION: stderr of the last run contains TEXT.
expect_err() { [[ $ERR == *"$1"* ]] && pass || fail "$2: stderr lacks '$1'"; }
# expect_one_line_error DESCRIPTION: stderr is exactly one line starting with the error prefix.
expect_one_line_error() {
  [[ $(printf '%s\n' "$ERR" | wc -l) -eq 1 && ($ERR == "ent110: error: "* || $ERR == "ent110：错误："*) ]] &&
    pass || fail "$1: expected one error line"
}
# expect_jq FILTER EXPECTED DESCRIPTION: jq -r FILTER of stdout equals EXPECTED.
expect_jq() {
  local got
  got=$(printf '%s' "$OUT" | jq -r "$1" 2>&1)
  [[ $got == "$2" ]] && pass || fail "$3: jq '$1' gave '$got', expected '$2'"
}

# db_snapshot: a dump of the database's content, to prove a refused command changed nothing.
db_snapshot() {
  if [[ $E2E_ENGINE == postgresql ]]; then
    # A refused insert still advances a sequence, which is no data, and pg_dump's \restrict key
    # is new on every run: those lines are left out.
    pg_dump --data-only --no-owner "$ENT110_DB" | grep -Ev '^(SELECT pg_catalog.setval|\\(un)?restrict )'
  else
    sqlite3 "$ENT110_DB" .dump
  fi
}
# expect_unchanged BEFORE DESCRIPTION: the database dump equals BEFORE.
expect_unchanged() { [[ $(db_snapshot) == "$1" ]] && pass || fail "$2: database changed"; }

# finish: prints the tally in the plain 'N passed, N failed' form and sets the exit code.
finish() {
  echo "e2e: $e2e_passes passed, $e2e_failures failed"
  ((e2e_failures == 0))
}
