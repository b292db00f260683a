#!/usr/bin/env bash
# End to end (issue 11): hostile input through the real binary. Each bad input of each class is
# one row: the exit code, one error line, and a database dump unchanged by the refusal.
source "$(dirname "$0")/lib.sh"

run init --at 2025-01-01
run unit add FGW --name 市发展和改革委员会 --kind department --at 2025-01-01
run enterprise add --name 信阳示例机械有限公司 --at 2025-01-01
run intake --enterprise 信阳示例机械有限公司 --type consult --channel web --title 政策咨询 \
  --at 2025-10-01T09:00
run forward 1 --to FGW --at 2025-10-01T10:00
expect_code 0 "setup"

# refused CODE TEXT DESCRIPTION ARGS…: exit CODE, one error line containing TEXT, no change.
refused() {
  local code=$1 text=$2 description=$3
  shift 3
  local before
  before=$(db_snapshot)
  run "$@"
  expect_code "$code" "$description"
  expect_one_line_error "$description"
  expect_err "$text" "$description"
  expect_unchanged "$before" "$description"
}

F="$E2E_DIR/files"
mkdir -p "$F"
untimed_intake=(intake --enterprise 信阳示例机械有限公司 --type consult --channel web)
intake=("${untimed_intake[@]}" --at 2025-10-02)
good_record='"enterprise": "信阳示例机械有限公司", "type": "consult", "channel": "web"'

## Invalid UTF-8 in arguments: exit 2 naming the option (or position) and the byte
refused 2 "--title is not valid UTF-8 (byte 3)" "title" "${intake[@]}" --title $'bad\xff'
refused 2 "--body is not valid UTF-8 (byte 0)" "body as --body=" "${intake[@]}" --title t \
  --body=$'\xc0\xaf'
refused 2 "--text is not valid UTF-8" "reply text (a surrogate)" reply 1 --text $'\xed\xa0\x80'
refused 2 "--explain is not valid UTF-8" "reject explanation" reject 1 --reason unclear \
  --explain $'x\xfe'
refused 2 "--name is not valid UTF-8" "unit name" unit add XX --name $'\xff' --kind county
refused 2 "--name is not valid UTF-8" "enterprise name" enterprise add --name $'\xe4\xb8'
refused 2 "--reason is not valid UTF-8" "calendar note" calendar set 2025-10-13 off \
  --reason $'\x80'
refused 2 "argument 2 is not valid UTF-8" "a positional argument" show $'1\xff'

## Invalid UTF-8 in files and standard input: exit 5 naming file, line and byte
printf 'first line\nsecond \xff line\n' >"$F/body.txt"
refused 5 "$F/body.txt:2: not valid UTF-8 (byte 18)" "--body-file" "${intake[@]}" --title t \
  --body-file "$F/body.txt"
refused 5 "standard input:2: not valid UTF-8 (byte 18)" "--text-file -" reply 1 --text-file - <"$F/body.txt"
printf 'enterprise,type,channel,title\n信阳示例机械有限公司,consult,web,\xff\n' >"$F/cases.csv"
refused 5 "$F/cases.csv:2: not valid UTF-8" "intake CSV" intake --from "$F/cases.csv"
printf '{%s, "title": "\xc3\x28"}\n' "$good_record" >"$F/cases.ndjson"
refused 5 "$F/cases.ndjson:1: not valid UTF-8" "intake NDJSON" intake --from "$F/cases.ndjson"
printf '[[unit]]\ncode = "XX"\nname = "\xff"\nkind = "county"\n' >"$F/units.toml"
refused 5 "$F/units.toml:3: not valid UTF-8" "unit import" unit import "$F/units.toml"
printf 'name\n\xfe\n' >"$F/enterprises.csv"
refused 5 "$F/enterprises.csv:2: not valid UTF-8" "enterprise import" \
  enterprise import "$F/enterprises.csv"
{ printf '# \xff\n'; cat "$ENT110_SOURCE_DIR/tests/data/calendar/2027.toml"; } >"$F/2027.toml"
refused 5 "$F/2027.toml:1: not valid UTF-8 (byte 2)" "holiday file" calendar load "$F/2027.toml"
printf '[report]\ntitle = "\xff"\n' >"$F/config.toml"
ENT110_CONFIG="$F/config.toml" refused 5 "$F/config.toml:2: not valid UTF-8" "config" list

## Configuration numbers: a documented range, no wrap, no nan/inf (exit 5 naming file:line)
config_refused() {
  printf '%s\n' "$1" "$2" >"$F/config.toml"
  ENT110_CONFIG="$F/config.toml" refused 5 "$F/config.toml:2:" "config $2" list
  expect_err "$3" "config $2 names the range"
}
config_refused "[clocks]" "review_days = 4294967296" "use a whole number from 1 to 250"
config_refused "[database]" "busy_timeout_ms = 4294967296" "from 0 to 600000"
config_refused "[assessment]" "weight_policy = nan" "use a number from 0 to 1000"
config_refused "[assessment]" "weight_satisfaction = inf" "use a number from 0 to 1000"
config_refused "[assessment]" "commend_top = -1" "from 0 to 1000"

## NDJSON intake: nesting, number range, line length (exit 5 naming the line)
{ printf '{%s, "title": "t", "body": ' "$good_record"; head -c 100000 /dev/zero | tr '\0' '['; echo; } \
  >"$F/deep.ndjson"
refused 5 "$F/deep.ndjson:1: values nest deeper than 8 levels" "deep nesting" \
  intake --from "$F/deep.ndjson"
printf '\n{%s, "title": "t", "major": 1e400}\n' "$good_record" >"$F/huge.ndjson"
refused 5 "$F/huge.ndjson:2: a number is out of range" "1e400" intake --from "$F/huge.ndjson"
{ printf '{%s, "title": "' "$good_record"; head -c 3000000 /dev/zero | tr '\0' x; echo '"}'; } \
  >"$F/long.ndjson"
refused 5 "$F/long.ndjson:1: the line is longer than 2097152 bytes" "a long line" \
  intake --from "$F/long.ndjson"

## --at and received_at: digits only, years 1901-9998 (exit 2 for --at, 5 in a file)
for at in 2025-01-01T-1:-1 2025-+1-01 0001-01-01 1900-06-01 9999-12-31T23:00 "2025-13-01"; do
  refused 2 "in the years 1901 to 9998" "--at $at" "${untimed_intake[@]}" --title t --at "$at"
done
printf '{%s, "title": "t", "received_at": "0001-01-01"}\n' "$good_record" >"$F/old.ndjson"
refused 5 "$F/old.ndjson:1: received_at '0001-01-01' is not allowed" "received_at out of range" \
  intake --from "$F/old.ndjson"

## Sizes: every file and standard input is read up to a cap (exit 5)
refused 5 "'/dev/zero' is larger than 1048576 bytes" "--body-file /dev/zero" "${intake[@]}" \
  --title t --body-file /dev/zero
refused 5 "'standard input' is larger than 1048576 bytes" "standard input" reply 1 \
  --text-file - </dev/zero
refused 5 "is larger than 1048576 bytes" "a holiday file" calendar load /dev/zero
ENT110_CONFIG=/dev/zero refused 5 "is larger than 1048576 bytes" "a config file" list

## Messages quote user values escaped and shortened
long=$(head -c 120000 /dev/zero | tr '\0' x)
refused 3 "…'" "a 120 KB enterprise name" "${intake[@]/信阳示例机械有限公司/$long}" --title t
[[ ${#ERR} -lt 400 ]] && pass || fail "a 120 KB value is cut in the message"
refused 3 $'unknown enterprise \'no\\nsuch\\x1b]0;x\\x07\'' "newline and OSC in a value" \
  "${intake[@]/信阳示例机械有限公司/$'no\nsuch\e]0;x\a'}" --title t

## Stored control characters are escaped in human output, kept in JSON
run "${intake[@]}" --title $'osc\e]0;pwned\atitle\e[2J'
expect_code 0 "a title with escape sequences is valid UTF-8 and is taken in"
run show 2
[[ $OUT != *$'\e'* && $OUT != *$'\a'* ]] && pass || fail "show writes no raw control character"
expect_out 'osc\x1b]0;pwned\x07title\x1b[2J' "show writes them escaped"
run show 2 --json
expect_jq .title $'osc\e]0;pwned\atitle\e[2J' "JSON keeps the title exactly"

## A database written before these checks still exports (PostgreSQL never stores such bytes)
if [[ $E2E_ENGINE == sqlite ]]; then
  sqlite3 "$ENT110_DB" "UPDATE case_file SET title = CAST(X'6F6C64FF' AS TEXT) WHERE number = 1"
  run list --ndjson
  expect_code 0 "list --ndjson with bytes that are not UTF-8 in the database"
  expect_out 'old�' "the bad byte is replaced"
  run log 1 --ndjson
  expect_code 0 "log --ndjson"
fi

finish
