#!/usr/bin/env bash
# End to end: publish answered cases as JSON and static pages, redacted, confidential ones never,
# and check the pages as a browser renders them (headless Chromium; skipped, exit 77, without it).
source "$(dirname "$0")/lib.sh"

run init
run unit add FGW --name 市发展和改革委员会 --kind department
run unit add SHI --name 浉河区 --kind district
run enterprise add --name 信阳示例机械有限公司 --county SHI --contact 张建国 --phone 0376-6221234
expect_code 0 "enterprise with a contact"

# answered CASE TITLE DAY [intake options…]: takes in a consult, forwards and answers it on DAY.
answered() {
  local title=$1 day=$2
  shift 2
  run intake --enterprise 信阳示例机械有限公司 --type consult --channel web --title "$title" \
    --body "信阳示例机械有限公司张建国询问，电话 13812345678" --at "$day 09:00" --json "$@"
  CASE=$(jq -r .id <<<"$OUT")
  run forward "$CASE" --to FGW --at "$day 10:00"
  run reply "$CASE" --text "请拨打 0376-6221234 或 13912345678，或写信至 help@example.gov.cn <详见附件>" \
    --at "$day 11:00"
  expect_code 0 "answer to $title"
}

answered 退税咨询 2025-06-02
refund=$CASE
answered 商业秘密的工艺 2025-06-03 --confidential
secret=$CASE
run show "$secret"
expect_out "Confidential" "show says the case is confidential"
run show "$secret" --json
expect_jq '.confidential' "true" "show --json has confidential"
answered 用电增容 2025-06-04
power=$CASE
run intake --enterprise 信阳示例机械有限公司 --type consult --channel web --title 未答复的问题 --at "2025-06-05 09:00"
run correct "$refund" 3 --time "2025-06-02 11:30" --reason 录入时间有误 --at "2025-06-09 09:00"
expect_code 0 "the refund answer is corrected"

site="$E2E_DIR/site"
before=$(db_snapshot)
run publish -o "$site" --json --lang zh
expect_code 0 "publish"
expect_jq '.cases | join(",")' "$power,$refund" "the answered, non-confidential cases, newest first"
expect_unchanged "$before" "publish changes nothing in the database"
[[ -f $site/index.html && -f $site/cases.json && -f $site/cases/$refund.html && -f $site/cases/$power.json ]] &&
  pass || fail "the layout: index.html, cases.json, cases/ID.html and cases/ID.json"
[[ ! -e $site/cases/$secret.html && ! -e $site/cases/$secret.json ]] && pass || fail "no page of the confidential case"
json=$(cat "$site/cases.json")
[[ $(jq -r '.cases[0].unit.name' <<<"$json") == 市发展和改革委员会 ]] && pass || fail "cases.json names the unit"
[[ $(jq -r '.cases[0].published_by' <<<"$json") == "$(id -un)" ]] && pass || fail "cases.json names who published"
[[ $(jq -r '.cases[1].date' <<<"$json") == 2025-06-02 ]] && pass || fail "cases.json has the date"
[[ $(jq -r '.cases[1].corrected_at | length' <<<"$json") == 1 && $(jq -r '.cases[0].corrected_at | length' <<<"$json") == 0 ]] &&
  pass || fail "only the corrected answer has corrected_at"
[[ $(jq -r '.cases[0].body' <<<"$json") == "某企业[联系人已隐去]询问，电话 [电话已隐去]" ]] && pass ||
  fail "the body is redacted: $(jq -r '.cases[0].body' <<<"$json")"
grep -rqE '13812345678|13912345678|6221234|张建国|信阳示例|help@' "$site" && fail "nothing personal is left in the site" || pass
grep -q '&lt;详见附件&gt;' "$site/cases/$power.html" && pass || fail "the page escapes the answer"
grep -qE '(src|href)="https?:' "$site"/index.html "$site"/cases/*.html && fail "the pages load nothing from elsewhere" || pass

# Re-running replaces the directory: with --since only the later case stays.
run publish --since 2025-06-04 -o "$site" --lang zh
expect_code 0 "publish again"
expect_out "发布 1 件答复" "it says how many"
[[ ! -e $site/cases/$refund.html && -e $site/cases/$power.html && ! -e $site.tmp ]] && pass ||
  fail "pages of cases no longer published are removed"
run publish -o "$site" --lang zh

mkdir -p "$E2E_DIR/home" && echo mine >"$E2E_DIR/home/notes.txt"
run publish -o "$E2E_DIR/home"
expect_code 5 "a directory that is not a publication is refused"
expect_one_line_error "not an earlier publication"
[[ $(cat "$E2E_DIR/home/notes.txt") == mine ]] && pass || fail "and left alone"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium ]]; then
  echo "e2e: chromium is not installed (.ci/install-deps installs it); the page checks are skipped"
  ((e2e_failures == 0)) && exit 77
  finish
  exit
fi
dump_dom() {
  DBUS_SESSION_BUS_ADDRESS=disabled: "$chromium" --headless --disable-gpu --no-sandbox --no-first-run \
    --user-data-dir="$E2E_DIR/chromium" --dump-dom "file://$1" 2>/dev/null
}
index=$(dump_dom "$site/index.html")
[[ $index == *'lang="zh-CN"'* ]] && pass || fail "the index is in Chinese"
[[ $index == *"cases/$power.html"* && $index == *"cases/$refund.html"* ]] && pass || fail "the index lists the answered cases"
[[ $index == *退税咨询* && $index == *用电增容* ]] && pass || fail "the index shows their titles"
[[ $index != *商业秘密* && $index != *"$secret"* && $index != *未答复* ]] && pass ||
  fail "the index lists neither the confidential nor the unanswered case"
[[ ${index%%"$refund"*} == *"$power"* ]] && pass || fail "the index lists the newest first"
page=$(dump_dom "$site/cases/$refund.html")
[[ $page == *"请拨打 [电话已隐去] 或 [电话已隐去]，或写信至 [邮箱已隐去] &lt;详见附件&gt;"* ]] && pass ||
  fail "the case page shows the answer with the phone numbers redacted"
[[ $page == *"本答复已于 2025-06-09 更正"* ]] && pass || fail "the case page notes the correction"
[[ $page == *市发展和改革委员会* ]] && pass || fail "the case page names the unit"
finish
