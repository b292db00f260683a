#!/usr/bin/env bash
# End to end: `search` (Chinese terms of 2, 3 and more characters, Latin words in any case, text
# and JSON, filters, no match), the index following an answer and its correction, and the hints
# of intake (similar answered cases) and forward (the unit that answered them); ends with verify.
source "$(dirname "$0")/lib.sh"

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run unit add SWJ --name 市税务局 --kind department
run unit add SHI --name 浉河区 --kind district
run enterprise add --name 信阳毛尖茶业有限公司 --county SHI --above-scale
expect_code 0 "setup"

# answer N TIME UNIT TEXT: forwards case N to UNIT and publishes TEXT as its answer.
answer() {
  run --at "$2" forward "$1" --to "$3"
  run --at "$2" reply "$1" --text "$4"
}

run --at 2025-10-09T09:00 intake --enterprise 1 --type consult --channel web \
  --title 出口退税办理流程 --body "茶叶出口后如何申请退税"
answer 1 2025-10-09T10:00 SWJ "登录电子税务局申报
附件另行提供"
run --at 2025-10-09T11:00 intake --enterprise 1 --type coordinate --channel hotline \
  --title 厂区用电增容 --body "ERP机房需要扩容"
run --at 2025-10-09T11:10 forward 2 --to FGW --note 涉及土地审批
run --at 2025-10-09T12:00 intake --enterprise 1 --type consult --channel web \
  --title 出口退税进度查询 --body "上月申报的退税"
answer 3 2025-10-09T13:00 SWJ "可在电子税务局查询进度"

run --at 2025-10-10T09:00 search 退税
expect_code 0 "search 2 characters"
expect_out 2025-000001 "search 2 characters: first case"
expect_out 2025-000003 "search 2 characters: third case"
[[ $OUT != *2025-000002* ]] && pass || fail "search 2 characters: the power case does not match"
expect_out "2 cases, best match first" "search: the count line"
[[ $OUT != *$'\e['* ]] && pass || fail "search: no highlight when stdout is not a terminal"

run --at 2025-10-10T09:00 --json search 出口退
expect_code 0 "search 3 characters"
expect_jq 'length' 2 "search 3 characters: two cases"
expect_jq '.[0] | keys | join(",")' "field,id,score,snippet,state,title,type,unit" "search: JSON members"
run --at 2025-10-10T09:00 --json search 电子税务局 进度
expect_jq '[.[].id] | join(",")' "2025-000003" "search 5 characters and a second term"
expect_jq '.[0].field' "answer" "search: the snippet comes from the answer"
expect_jq '.[0].snippet' "可在电子税务局查询进度" "search: the snippet"
run --at 2025-10-10T09:00 --json search erp
expect_jq '[.[].id] | join(",")' "2025-000002" "search: a Latin word in another case"
run --at 2025-10-10T09:00 --json search 土地
expect_jq '.[0].id + " " + .[0].field' "2025-000002 notes" "search: a term in a forward note"

run --at 2025-10-10T09:00 --json search 退税 --state answered --type consult --unit SWJ --limit 1
expect_jq '[.[].id] | join(",")' "2025-000003" "search: filters and limit (the shorter case first)"
run --at 2025-10-10T09:00 --json search 退税 --since 2025-10-10
expect_jq 'length' 0 "search: --since leaves out older cases"
run --at 2025-10-10T09:00 --json search 退税 --unit FGW
expect_jq 'length' 0 "search: --unit"

run --at 2025-10-10T09:00 search 没有这个词
expect_code 0 "search: no match is no error"
expect_out "no cases match '没有这个词'" "search: no match says so"
run --at 2025-10-10T09:00 --lang zh search 没有这个词
expect_out "没有问题包含“没有这个词”" "search: no match in Chinese"
# Wildcards and FTS5 syntax are text like any other.
for odd in '%' '_' '退%' '"退税"' 'ERP*' 'NOT' '退税 OR'; do
  run --at 2025-10-10T09:00 --json search "$odd"
  expect_jq 'length' 0 "search: '$odd' is literal text"
done
run --at 2025-10-10T09:00 search " "
expect_code 2 "search: blank text"
expect_one_line_error "search: blank text"
run --at 2025-10-10T09:00 search 退税 --limit 0
expect_code 2 "search: --limit 0"
run --at 2025-10-10T09:00 search 退税 --unit SWK
expect_code 3 "search: an unknown unit"
expect_err "did you mean 'SWJ'" "search: an unknown unit, with the nearest code"
run --at 2025-10-10T09:00 search 退税 --state nosuch
expect_code 2 "search: unknown state"

# A consult like answered ones: the hint on stderr, the same in JSON; a coordinate case has none.
run --at 2025-10-10T09:00 intake --enterprise 1 --type consult --channel web --title 出口退税办理
expect_code 0 "intake with a hint"
expect_err "ent110: hint: answered before: 2025-000001 (SWJ) 出口退税办理流程 — 登录电子税务局申报" \
  "intake: the most similar answered case first, with its answer's first line"
expect_err "2025-000003 (SWJ)" "intake: the second similar case"
[[ $ERR != *附件另行提供* ]] && pass || fail "intake: only the first line of the answer"
run --at 2025-10-10T09:05 --json intake --enterprise 1 --type consult --channel web --title 出口退税咨询
expect_jq '[.similar[].id] | join(",")' "2025-000003,2025-000001" "intake --json: similar, best first"
expect_jq '.similar[1].answer' "登录电子税务局申报" "intake --json: the answer's first line"
run --at 2025-10-10T09:05 --lang zh intake --enterprise 1 --type consult --channel web --title 出口退税进度
expect_err "ent110：提示：曾答复过类似问题：2025-000003（SWJ）出口退税进度查询 —— 可在电子税务局查询进度" \
  "intake: the hint in Chinese"
run --at 2025-10-10T09:10 intake --enterprise 1 --type consult --channel web --title 食品经营许可
expect_code 0 "intake with nothing similar"
[[ -z $ERR ]] && pass || fail "intake: no hint when nothing is similar"

run --at 2025-10-10T10:00 forward 4 --to FGW
expect_code 0 "forward with a hint"
expect_err "ent110: hint: SWJ answered 2 of 2 similar cases" "forward: the suggested unit"
expect_out "forwarded" "forward: the suggestion changes nothing"
run --at 2025-10-10T10:00 --json forward 5 --to FGW
expect_jq '.unit + " " + .suggested_unit.unit + " " + (.suggested_unit.cases|tostring)' "FGW SWJ 2" \
  "forward --json: suggested_unit"
run --at 2025-10-10T10:00 --json forward 7 --to FGW
expect_jq '.suggested_unit' "null" "forward --json: nothing to suggest"

# The index follows a newly published answer and its correction (the reply voided).
run --at 2025-10-10T11:00 reply 7 --text "请向市场监管局申请许可证"
run --at 2025-10-10T11:30 --json search 市场监管局
expect_jq '[.[].id] | join(",")' "2025-000007" "search: a newly published answer"
run --at 2025-10-10T12:00 correct 7 3 --void --reason "答复错发"
expect_code 0 "correct: void the reply"
run --at 2025-10-10T12:30 --json search 市场监管局
expect_jq 'length' 0 "search: a voided answer is no longer found"
run --at 2025-10-10T12:30 --json search 错发
expect_jq '[.[].id] | join(",")' "2025-000007" "search: the correction's reason is"

run verify
expect_code 0 "verify"

# SQLite: triggers note the cases written and ent110 indexes them at commit (schema 014).
if [[ $E2E_ENGINE == sqlite ]]; then
  sqlite3 "$ENT110_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  index_of() { sqlite3 "$1" 'SELECT rowid, case_id, title, body, answer, notes FROM case_search ORDER BY rowid'; }
  rebuilt_index_of() {
    sqlite3 "$1" "SELECT f.rowid, f.id, f.title, f.body, coalesce(f.answer_text, ''),
      coalesce((SELECT group_concat(e.text, ' ') FROM case_event AS e
                WHERE e.case_id = f.id AND e.text <> ''), '') FROM case_file AS f ORDER BY f.rowid"
  }
  [[ $(index_of "$ENT110_DB") == "$(rebuilt_index_of "$ENT110_DB")" &&
     $(sqlite3 "$ENT110_DB" 'SELECT count(*) FROM case_search_pending') == 0 ]] &&
    pass || fail "the index holds each case's texts, nothing is left pending"
  run --json search 退税
  searched=$OUT

  # A database of schema 013, whose triggers kept the index row by row, migrates unchanged.
  cp "$ENT110_DB" "$E2E_DIR/v13.db"
  sqlite3 "$E2E_DIR/v13.db" "DROP TABLE case_search_pending; DROP TRIGGER case_search_intake;
    DROP TRIGGER case_search_answer; DROP TRIGGER case_search_event;
    CREATE TRIGGER case_search_intake AFTER INSERT ON case_file BEGIN
      INSERT INTO case_search (rowid, case_id, title, body, answer, notes)
      VALUES (new.rowid, new.id, new.title, new.body, coalesce(new.answer_text, ''), ''); END;
    CREATE TRIGGER case_search_answer AFTER UPDATE OF answer_text ON case_file
      WHEN new.answer_text IS NOT old.answer_text BEGIN
      UPDATE case_search SET answer = coalesce(new.answer_text, '') WHERE rowid = new.rowid; END;
    CREATE TRIGGER case_search_event AFTER INSERT ON case_event WHEN new.text <> '' BEGIN
      UPDATE case_search SET notes = CASE WHEN notes = '' THEN new.text
                                          ELSE notes || ' ' || new.text END
      WHERE rowid = (SELECT rowid FROM case_file WHERE id = new.case_id); END;
    PRAGMA user_version = 13;"
  run --db "$E2E_DIR/v13.db" --json search 退税
  [[ $OUT == "$searched" ]] && pass || fail "a 013 database searches the same after migrating"
  [[ $(sqlite3 "$E2E_DIR/v13.db" 'PRAGMA user_version') == 14 &&
     $(index_of "$E2E_DIR/v13.db") == "$(index_of "$ENT110_DB")" ]] &&
    pass || fail "migration 014 leaves the index as it was"

  # Another tool's write is noted by the triggers; search (read-only) indexes it first.
  sqlite3 "$E2E_DIR/v13.db" "INSERT INTO case_event (case_id, case_seq, at, action, actor, unit,
    text, prev_hash, hash) SELECT case_id, max(case_seq) + 1, max(at), 'explain', 'sqlite3', 'SWJ',
    '外部工具写入的说明', printf('%064d', 0), printf('%064d', 1) FROM case_event
    WHERE case_id = '2025-000002'"
  run --db "$E2E_DIR/v13.db" --json search 外部工具
  expect_jq '[.[].id] | join(",")' "2025-000002" "search finds a row another tool wrote"
  [[ $(index_of "$E2E_DIR/v13.db") == "$(rebuilt_index_of "$E2E_DIR/v13.db")" &&
     $(sqlite3 "$E2E_DIR/v13.db" 'SELECT count(*) FROM case_search_pending') == 0 ]] &&
    pass || fail "search brought the index up to date"

  # A bulk intake is indexed at its commit in slices of 2 000 cases: 4 500 take three. (Without
  # the duplicate check, which compares each case with every open case of its enterprise.)
  {
    echo "enterprise,type,channel,title"
    for i in $(seq 4500); do echo "信阳毛尖茶业有限公司,consult,web,批量咨询$i"; done
  } >"$E2E_DIR/many.csv"
  printf '[intake]\nduplicate_window_days = 0\n' >"$E2E_DIR/no-duplicates.toml"
  run --config "$E2E_DIR/no-duplicates.toml" --at 2025-10-11T09:00 intake --from "$E2E_DIR/many.csv"
  expect_code 0 "bulk intake of 4 500 cases"
  [[ $(index_of "$ENT110_DB") == "$(rebuilt_index_of "$ENT110_DB")" &&
     $(sqlite3 "$ENT110_DB" 'SELECT count(*) FROM case_search') -gt 4500 &&
     $(sqlite3 "$ENT110_DB" 'SELECT count(*) FROM case_search_pending') == 0 ]] &&
    pass || fail "every case of every slice is indexed"
fi
finish
