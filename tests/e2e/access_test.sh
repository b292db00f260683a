#!/usr/bin/env bash
# End to end (issue 10, section 2): once users exist only the office moves the calendar. A viewer,
# and a unit user are each refused calendar set, calendar load and init --holidays with exit 4,
# one line naming who tried what, and the database unchanged; an unregistered login is not found
# (exit 3, issue 11), in the same one line for every attempt.
source "$(dirname "$0")/lib.sh"

run init --at 2025-01-01
run unit add FGW --name 市发展和改革委员会 --kind department
run user add wang --unit OFFICE --role office
run user add chen --unit OFFICE --role viewer --as wang
run user add li --unit FGW --role unit --as wang
expect_code 0 "the office registers users"

holidays="$ENT110_SOURCE_DIR/holidays"
for login in chen li; do
  before=$(db_snapshot)
  run calendar set 2025-10-13 off --reason 停电 --as "$login"
  expect_code 4 "$login: calendar set"
  expect_one_line_error "$login: calendar set"
  expect_err "may not calendar set; only office users may" "$login: calendar set names the need"
  run calendar load "$holidays/2025.toml" --as "$login"
  expect_code 4 "$login: calendar load"
  expect_err "may not calendar load" "$login: calendar load names the attempt"
  run init --holidays "$holidays" --as "$login"
  expect_code 4 "$login: init --holidays"
  expect_err "may not init --holidays" "$login: init --holidays names the attempt"
  expect_unchanged "$before" "$login: refused calendar changes"
done
run calendar set 2025-10-13 off --reason 停电 --as li
expect_err "user 'li' (unit 'FGW', role 'unit')" "the refusal names the login, its unit and role"
printf '{"enterprise": "某公司", "type": "consult", "channel": "web", "title": "咨询"}\n' \
  >"$E2E_DIR/one.ndjson"
before=$(db_snapshot)
for attempt in "calendar set 2025-10-13 off --reason 停电" "calendar load $holidays/2025.toml" \
  "init --holidays $holidays" "unit add ZZ --name 某区 --kind district" \
  "intake --from $E2E_DIR/one.ndjson" "intake --enterprise 某公司 --type consult --channel web --title 咨询" \
  "list" "triage" "report monthly --month 2025-09"; do
  # shellcheck disable=SC2086 # the attempt is words
  run $attempt --as mallory
  expect_code 3 "mallory: $attempt"
  expect_one_line_error "mallory: $attempt"
  expect_err "unknown user 'mallory'; act as a registered user with --as LOGIN" \
    "mallory: $attempt says the one message"
done
expect_unchanged "$before" "an unregistered login changed nothing"
ENT110_USER=mallory run list
expect_code 3 "ENT110_USER naming nobody registered"
run list --as chen
expect_code 0 "a registered viewer reads"

run calendar set 2025-10-13 off --reason 停电 --as wang
expect_code 0 "the office may set the calendar"
run calendar load "$holidays/2025.toml" --as wang
expect_code 0 "the office may load the calendar"
run init --holidays "$holidays" --as wang
expect_code 0 "the office may init with holidays"

# Assessment inputs and registries refuse in the same shape.
run assess policy FGW --year 2025 --score 100 --note 自评 --as li
expect_code 4 "a unit user may not record its own score"
expect_err "user 'li' (unit 'FGW', role 'unit') may not assess policy; only office users may" \
  "assessment refusal shape"
run enterprise add --name 某公司 --as chen
expect_err "user 'chen' (unit 'OFFICE', role 'viewer') may not enterprise add; only office users may" \
  "registry refusal shape"

finish
