# Sourced by tests/e2e/*_test.sh: runs the real ent110 binary ($ENT110) on a temporary database.
# Each check prints one line; the script exits non-zero at the end if any check failed.
set -uo pipefail

: "${ENT110:?set ENT110 to the ent110 binary}"
: "${ENT110_SOURCE_DIR:?set ENT110_SOURCE_DIR to the source tree}"

E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ent110-e2e.XXXXXX")
trap 'rm -rf "$E2E_DIR"' EXIT
export ENT110_DB="$E2E_DIR/ent110.db" ENT110_CONFIG=/dev/null NO_COLOR=1
unset ENT110_USER ENT110_NOW ENT110_LANG LC_ALL LC_MESSAGES LANG

e2e_failures=0
e2e_passes=0
OUT="" ERR="" CODE=0

# run ARGS…: runs ent110, capturing stdout in $OUT, stderr in $ERR and the exit code in $CODE.
run() {
  OUT=$("$ENT110" "$@" 2>"$E2E_DIR/stderr")
  CODE=$?
  ERR=$(cat "$E2E_DIR/stderr")
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
db_snapshot() { sqlite3 "$ENT110_DB" .dump; }
# expect_unchanged BEFORE DESCRIPTION: the database dump equals BEFORE.
expect_unchanged() { [[ $(db_snapshot) == "$1" ]] && pass || fail "$2: database changed"; }

# finish: prints the tally in the plain 'N passed, N failed' form and sets the exit code.
finish() {
  echo "e2e: $e2e_passes passed, $e2e_failures failed"
  ((e2e_failures == 0))
}
