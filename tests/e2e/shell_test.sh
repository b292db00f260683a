#!/usr/bin/env bash
# End to end: what a person at a shell meets (issue 16): Tab completion driven in bash, help and
# usage errors in Chinese, --version, and the progress line on a terminal's stderr only.
source "$(dirname "$0")/lib.sh"

# The scripts call `ent110 complete`, found on PATH as on an installed system.
PATH="$(dirname "$ENT110"):$PATH"

# complete_bash WORD…: COMPREPLY of the bash completion for the command line WORD… (the last
# word is the one under the cursor), one word a line.
complete_bash() {
  bash -c 'source <(ent110 completion bash)
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _ent110
    printf "%s\n" "${COMPREPLY[@]}"' completion ent110 "$@"
}

# Without a database a Tab completes nothing and says nothing.
run complete units ""
expect_code 0 "complete without a database exits 0"
[[ -z $OUT && -z $ERR ]] && pass || fail "complete without a database prints nothing"

run init
run unit add GSX --name 光山县 --kind county
run enterprise add --name 信阳某某茶业有限公司
run intake --enterprise 信阳某某茶业有限公司 --type consult --channel web --title 咨询 --at "2025-09-30 09:00"

got=$(complete_bash uni)
[[ $got == unit ]] && pass || fail "a command completes: got '$got'"
got=$(complete_bash unit a)
[[ $got == add ]] && pass || fail "a subcommand completes: got '$got'"
got=$(complete_bash unit add --ki)
[[ $got == --kind ]] && pass || fail "an option completes: got '$got'"
got=$(complete_bash unit list --js)
[[ $got == --json ]] && pass || fail "a global option completes after a command: got '$got'"
got=$(complete_bash unit add --kind co)
[[ $got == county ]] && pass || fail "an enum value completes: got '$got'"
got=$(complete_bash unit add --kind = co)
[[ $got == county ]] && pass || fail "an enum value after '=' completes: got '$got'"
got=$(complete_bash intake --channel '')
[[ $got == *web* && $got != *county* ]] && pass || fail "channels complete: got '$got'"
got=$(complete_bash --lang zh unit add --kind de)
[[ $got == department ]] && pass || fail "a global option's value is skipped: got '$got'"
got=$(complete_bash forward 1 --to GS)
[[ $got == GSX ]] && pass || fail "a unit code completes from the database: got '$got'"
got=$(complete_bash unit show GS)
[[ $got == GSX ]] && pass || fail "a positional unit code completes: got '$got'"
got=$(complete_bash show 2025-)
[[ $got == 2025-000001 ]] && pass || fail "a case number completes from the database: got '$got'"
got=$(complete_bash --db "$E2E_DIR/none.db" show 2025-)
[[ -z $got ]] && pass || fail "--db on the command line names the database asked: got '$got'"

# The installed files are the program's own output: they cannot drift from the command tree.
completions="$(dirname "$ENT110")/../completions"
for shell in bash zsh fish; do
  file=$completions/$([[ $shell == bash ]] && echo ent110.bash || ([[ $shell == zsh ]] && echo _ent110 || echo ent110.fish))
  run completion "$shell"
  [[ $CODE -eq 0 && -f $file && $OUT == "$(cat "$file")" ]] && pass ||
    fail "build/completions holds the $shell script"
done
if command -v zsh >/dev/null; then
  zsh -n "$completions/_ent110" && pass || fail "the zsh script parses"
fi
if command -v fish >/dev/null; then
  fish -n "$completions/ent110.fish" && pass || fail "the fish script parses"
fi

# Help in the locale's language, before any configuration is read.
OUT=$(LANG=zh_CN.UTF-8 "$ENT110" unit add --help)
[[ $OUT == *用法* && $OUT == *选项* && $OUT == *（必填）* && $OUT != *Usage* && $OUT != *REQUIRED* ]] &&
  pass || fail "LANG=zh_CN.UTF-8 gives Chinese help: $OUT"
run --lang zh unit add GSY --kind county
expect_code 2 "a missing option is a usage error"
[[ $ERR == "ent110：错误：缺少必需的参数 --name；请参阅“ent110 unit add --help”" ]] && pass ||
  fail "the missing option is said in Chinese"
run --lang zh unit add GSY --kind county --name
[[ $ERR == *"--name 缺少取值"* ]] && pass || fail "a missing value is said in Chinese"
run --lang zh list --limit 0
[[ $CODE -eq 2 && $ERR == *"“0”不是正数"* ]] && pass || fail "a non-positive number is said in Chinese"

# --version: the program, the schema it writes, the calendar and the libraries.
run --version
expect_code 0 "--version exits 0"
[[ $OUT =~ ^ent110\ [0-9]+\.[0-9]+ ]] && pass || fail "--version starts with the program's version"
expect_out "calendar years built in: 2017–" "--version names the calendar years"
expect_out "SQLite" "--version names SQLite"
run --version --json
expect_jq '.schema_version | type' "number" "--version --json has the schema version"
expect_jq '.calendar_years[0]' "2017" "--version --json lists the calendar years"
expect_jq '.libraries | keys | length' "9" "--version --json names nine libraries"
run --lang zh --version
expect_out "内置日历年份" "--version follows --lang"

# Progress: a line on a terminal's stderr (script(1) gives a pseudo-terminal), nothing otherwise.
# The line ends in "erase to the end of the line"; script(1) turns every newline into \r\n.
on_terminal() {
  script -qec "$(printf '%q ' "$ENT110" "$@")" /dev/null 2>&1
}
got=$(on_terminal export -o "$E2E_DIR/cases.ndjson")
[[ $got == *$'\r'"export: 1"* && $got == *$'\e[K'* ]] && pass ||
  fail "export on a terminal shows a progress line: $(printf '%q' "$got")"
got=$(on_terminal --lang zh verify)
[[ $got == *$'\r'"校验："* ]] && pass || fail "the progress line is in the reader's language"
got=$(on_terminal --quiet export -o "$E2E_DIR/cases.ndjson")
[[ $got != *$'\e[K'* ]] && pass || fail "--quiet silences the progress line: $(printf '%q' "$got")"
run export -o "$E2E_DIR/cases.ndjson"
[[ $CODE -eq 0 && -z $ERR ]] && pass || fail "without a terminal export writes nothing to stderr"
run verify
[[ $CODE -eq 0 && -z $ERR ]] && pass || fail "without a terminal verify writes nothing to stderr"

finish
