#!/usr/bin/env bash
# End to end: init, units, users, enterprises and config on a fresh database.
source "$(dirname "$0")/lib.sh"

run init
expect_code 0 "init creates the database"
expect_out "created database" "init says it created the database"
if [[ $E2E_ENGINE == sqlite ]]; then
  [[ $(stat -c %a "$ENT110_DB") == 600 ]] && pass || fail "new database has mode 0600"
  [[ $(sqlite3 "$ENT110_DB" 'PRAGMA journal_mode') == wal ]] && pass || fail "database is in WAL mode"
fi
run init
expect_code 0 "init is idempotent"
expect_out "up to date" "second init says up to date"

# A PostgreSQL database that sorts text by a language's rules is refused before anything is made.
if [[ $E2E_ENGINE == postgresql ]]; then
  psql "$ENT110_TEST_POSTGRESQL" -qAt -c "CREATE DATABASE ${E2E_PG_DATABASE}_zh LOCALE_PROVIDER icu ICU_LOCALE 'zh' TEMPLATE template0" >/dev/null
  zh_database=$(pg_database_uri "${E2E_PG_DATABASE}_zh" "$E2E_PG_LOGIN")
  run --db "$zh_database" init
  expect_code 6 "init refuses a database with a language's collation"
  expect_one_line_error "collation"
  expect_err "LOCALE 'C.UTF-8'" "the refusal says how to create the database"
  [[ $(psql "$zh_database" -qAt -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0 ]] &&
    pass || fail "nothing was created in it"
fi

run unit list --json
expect_jq '[.units[].kind] | join(",")' "office,government,inspection,supervision" "built-in units exist"

run unit add FGW --name 市发展和改革委员会 --kind department --leader 张三 --contact 李四 --phone 0376-1234567
expect_code 0 "unit add"
run unit show FGW --json
expect_jq '.leader' "张三" "unit show gives the leader"
run --json unit show FGW
expect_jq '.name' "市发展和改革委员会" "global option before the command works too"

before=$(db_snapshot)
run unit add FGW --name 重复 --kind department
expect_code 5 "duplicate unit code is refused"
expect_one_line_error "duplicate unit"
expect_unchanged "$before" "duplicate unit"
run unit show FWG
expect_code 3 "unknown unit is not found"
expect_err "did you mean 'FGW'?" "near-miss unit code gets a hint"
run unit add XX --name 某 --kind planet
expect_code 2 "a bad --kind is a usage error"
run unit add XX --name 某 --kind county --bogus
expect_code 2 "an unknown option is a usage error"
expect_one_line_error "unknown option"
run untt list
expect_code 2 "unknown command"
expect_err "did you mean 'unit'?" "unknown command gets a hint"

# CLI11's usage errors, said again in the reader's language with the arguments as typed.
run --lang zh unit add XX --name 某 --kind county --bogus extra
expect_err "ent110：错误：多余的参数：--bogus extra；请参阅“ent110 unit add --help”" \
  "unexpected arguments in Chinese, in the order typed"
run --lang zh unit add --name 某
expect_code 2 "a missing argument is a usage error"
expect_err "缺少必需的参数 code" "a missing argument in Chinese"
run --lang zh frobnicate
expect_err "未知命令“frobnicate”" "an unknown command with no near name, in Chinese"
run --lang en unit
expect_err "a command is required; see 'ent110 unit --help'" "a missing subcommand"
run --lang zh
expect_code 0 "global options alone print the help"
expect_out "企业服务110工作台" "the help in the language asked for"
run --lang zh calendar add 2025-01-01 abc
expect_code 2 "a number that is not a number"
expect_err "无法识别的取值" "an unreadable value in Chinese"
run --lang zh report monthly --format pdf
expect_code 2 "a value outside the choices is a usage error"
expect_err "--format：“pdf”不是可选值 {text,md,csv,json,html} 之一" "the choices, in Chinese"

run unit import "$ENT110_SOURCE_DIR/examples/xinyang-units.toml"
expect_code 0 "unit import of the Xinyang example"
run unit list --json
expect_jq '[.units[] | select(.kind == "county")] | length' "8" "Xinyang has eight counties"
printf '[[unit]]\ncode = "A1"\nname = "甲"\nkind = "county"\n\n[[unit]]\ncode = "B1"\nname = "乙"\nkind = "planet"\n' >"$E2E_DIR/bad.toml"
before=$(db_snapshot)
run unit import "$E2E_DIR/bad.toml"
expect_code 5 "import with a bad kind is refused"
expect_one_line_error "bad unit import"
expect_err "bad.toml:9:8" "the error names file:line:col"
expect_unchanged "$before" "a bad import changes nothing, not even its good rows"

run user add alice --unit OFFICE --role office
expect_code 0 "office user"
export ENT110_USER=alice # from now on the registers are changed by an office user
run user add bob --unit FGW --role unit
expect_code 0 "unit user"
run user add carol --unit NOPE --role viewer
expect_code 3 "user in an unknown unit"
run user add dave --unit FGW --role office
expect_code 4 "an office role outside the office is refused"
run user list --json
expect_jq '[.users[].login] | join(",")' "alice,bob" "user list"
run user add "eve smith" --unit OFFICE --role viewer --as alice
expect_code 2 "a login with a space is refused"

# Once users exist, only office users change the registers.
before=$(db_snapshot)
run unit add ZZ --name 某区 --kind district --as bob
expect_code 4 "a unit user may not add units"
expect_err "user 'bob' (unit 'FGW', role 'unit') may not unit add; only office users may" "the refusal says who may"
run enterprise add --name 某公司 --as mallory
expect_code 3 "an unregistered login is not found (issue 11)"
expect_unchanged "$before" "refused registry changes"

run enterprise add --name 信阳某某茶业有限公司 --credit-code 91350100M000100Y43 --county GSX --above-scale
expect_code 0 "enterprise add"
expect_out "91350100M000100Y43" "enterprise add shows the record"
before=$(db_snapshot)
run enterprise add --name 坏代码公司 --credit-code 91350100M000100Y44
expect_code 5 "invalid USCC"
expect_err "would be '3'" "USCC error names the right check character"
expect_unchanged "$before" "invalid USCC"
run --lang zh enterprise add --name 坏代码公司 --credit-code 91350100M000100Y44
expect_err "校验位" "USCC error in Chinese"
run enterprise show 91350100M000100Y43 --json
expect_jq '.above_scale' "true" "enterprise show by credit code"
run enterprise show 信阳某某茶业有限公司 --json
expect_jq '.id' "1" "enterprise show by exact name"
run enterprise show 某某
expect_code 3 "unknown enterprise"
expect_err "ent110 enterprise add" "unknown enterprise suggests enterprise add"

printf 'name,credit_code,county,above_scale,key\n甲公司,,XXQ,1,0\n"乙, 公司",91110000600037341L,,yes,no\n' >"$E2E_DIR/e.csv"
before=$(db_snapshot)
run enterprise import "$E2E_DIR/e.csv"
expect_code 5 "import naming an unknown county is refused"
expect_err "e.csv:2" "the import error names file:row"
expect_unchanged "$before" "a failed CSV import changes nothing"
printf '\xEF\xBB\xBFname,credit_code,county,above_scale,key\n甲公司,,,TRUE,0\n"乙, 公司",91110000600037341L,,Yes,no\n' >"$E2E_DIR/e.csv"
run enterprise import "$E2E_DIR/e.csv"
expect_code 0 "CSV import with BOM and a quoted comma"
run enterprise list --json
expect_jq '[.enterprises[].name] | join("|")' "信阳某某茶业有限公司|甲公司|乙, 公司" "imported names"
run enterprise import "$E2E_DIR/e.csv" --json
expect_jq '.updated' "2" "re-import updates instead of duplicating"

printf '[[unit]]\ncode = "OFFICE"\nname = "冒名"\nkind = "department"\n' >"$E2E_DIR/builtin.toml"
run unit import "$E2E_DIR/builtin.toml"
expect_code 5 "a built-in unit cannot be imported over"
printf '[[unit]]\ncode = "FGW"\nphone = "0376-7654321"\n' >"$E2E_DIR/phone.toml"
run unit import "$E2E_DIR/phone.toml"
expect_code 0 "an import may update one field"
run unit show FGW --json
expect_jq '.leader + " " + .phone' "张三 0376-7654321" "fields absent from the import keep their values"
printf 'name,county\n信阳某某茶业有限公司,PQQ\n' >"$E2E_DIR/county.csv"
run enterprise import "$E2E_DIR/county.csv"
run enterprise show 信阳某某茶业有限公司 --json
expect_jq '.credit_code + " " + .county + " " + (.above_scale|tostring)' "91350100M000100Y43 PQQ true" "CSV columns absent from the header keep their values"
printf 'name,name\nx,y\n' >"$E2E_DIR/twice.csv"
run enterprise import "$E2E_DIR/twice.csv"
expect_code 5 "a repeated CSV column is refused"
printf 'name,credit_code\n甲公司,91350100M000100Y43\n' >"$E2E_DIR/conflict.csv"
run enterprise import "$E2E_DIR/conflict.csv"
expect_code 5 "a row whose code and name belong to different enterprises is refused"
expect_err "correct one of them" "the conflict is explained"

run --db "$E2E_DIR/none.db" unit list
expect_code 6 "missing database"
expect_err "ent110 init" "missing database suggests init"
if [[ $E2E_ENGINE == postgresql ]]; then
  db_sql 'UPDATE ent110_schema SET version = 999'
else
  sqlite3 "$ENT110_DB" 'PRAGMA user_version = 999'
fi
run unit list
expect_code 6 "a newer database is refused"
expect_err "999" "the refusal names the database version"

finish
