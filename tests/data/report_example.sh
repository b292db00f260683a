#!/usr/bin/env bash
# Builds the fixed example database of the report golden tests (tests/e2e/report_golden_test.sh)
# from --at-dated commands: five units, July to September 2025, every path a report counts.
# Usage: ENT110=path/to/ent110 ENT110_DB=example.db tests/data/report_example.sh
# Every command must succeed; the first failure stops the script with its message.
set -euo pipefail
: "${ENT110:?set ENT110 to the ent110 binary}"
: "${ENT110_DB:?set ENT110_DB to the database to create}"
export ENT110_CONFIG=/dev/null

e() { "$ENT110" --lang zh "$@" >/dev/null; }

e init --at 2025-01-01
e unit add FGW --name 市发展和改革委员会 --kind department --at 2025-01-01
e unit add JXW --name 市工业和信息化局 --kind department --at 2025-01-01
e unit add ZRZY --name 市自然资源和规划局 --kind department --at 2025-01-01
e unit add PQX --name 平桥区 --kind district --at 2025-01-01
e unit add LSX --name 罗山县 --kind county --at 2025-01-01
e enterprise add --name 信阳示例机械有限公司 --at 2025-01-01
e enterprise add --name 信阳茶业示范有限公司 --at 2025-01-01

# intake AT TYPE CHANNEL TITLE [--major]: the next case of the year (2025-000001, …).
intake() {
  e intake --enterprise 信阳示例机械有限公司 --type "$2" --channel "$3" --title "$4" \
    --body "企业反映：$4" --at "$1" "${@:5}"
}

## July
intake "2025-07-02 09:00" consult web "高新技术企业认定咨询"                # 1
e forward 1 --to FGW --at "2025-07-02 10:00"
e reply 1 --text "已电话答复认定条件" --at "2025-07-03 09:00"
e evaluate 1 --rating satisfied --at "2025-07-04 09:00"
intake "2025-07-07 10:00" coordinate hotline "厂区道路破损影响运输"          # 2
e forward 2 --to JXW --at "2025-07-08 09:00"
e reply 2 --text "已协调修复" --at "2025-07-14 16:00"
e review 2 --approve --at "2025-07-15 09:00"
e evaluate 2 --rating basic --at "2025-07-16 09:00"
intake "2025-07-21 09:00" consult visit "社保补贴申领流程"                   # 3
e forward 3 --to PQX --at "2025-07-21 10:00"
e reply 3 --text "已告知申领流程" --at "2025-07-23 10:00"
e evaluate 3 --rating dissatisfied --comment "答复太慢" --at "2025-07-24 09:00"

## August
intake "2025-08-04 09:00" consult web "出口退税进度查询"                    # 4
e forward 4 --to FGW --at "2025-08-04 10:00"
e reply 4 --text "已答复办理进度" --at "2025-08-05 09:00"
e evaluate 4 --rating satisfied --at "2025-08-06 09:00"
intake "2025-08-11 09:00" coordinate web "用电增容审批"                     # 5
e forward 5 --to JXW --at "2025-08-12 09:00"
e reply 5 --text "已完成增容审批" --at "2025-08-18 16:00"
e review 5 --approve --at "2025-08-19 09:00"
e evaluate 5 --rating satisfied --at "2025-08-20 09:00"
intake "2025-08-20 09:00" consult hotline "项目用地规划咨询"                # 6
e forward 6 --to FGW --at "2025-08-20 10:00"
e reply 6 --text "已答复" --at "2025-08-21 09:00"
intake "2025-08-25 09:00" consult other "反映事项不明确"                    # 7
e reject 7 --reason unclear --explain "请补充具体诉求" --at "2025-08-25 10:00"

## September
intake "2025-09-01 09:00" consult web "稳岗补贴政策咨询"                    # 8: on time
e forward 8 --to FGW --at "2025-09-01 10:00"
e reply 8 --text "已答复补贴标准" --at "2025-09-02 09:00"
e evaluate 8 --rating satisfied --at "2025-09-03 09:00"
intake "2025-09-02 09:00" coordinate hotline "园区污水管网接入"             # 9: returned once
e forward 9 --to JXW --with FGW --at "2025-09-03 09:00"
e reply 9 --text "初步方案" --at "2025-09-09 16:00"
e review 9 --return "材料不全，请补充施工计划" --at "2025-09-10 09:00"
e reply 9 --text "补充施工计划后的方案" --at "2025-09-11 16:00"
e review 9 --approve --at "2025-09-12 09:00"
e evaluate 9 --rating basic --at "2025-09-15 09:00"
intake "2025-09-04 09:00" coordinate web "跨区域物流通道协调"               # 10: explained late
e forward 10 --to PQX --at "2025-09-05 09:00"                             # explain due 09-10
e escalate 10 --explain "涉及多部门职责" --propose "提请联席会议协调" --at "2025-09-11 10:00"
e escalate 10 --to joint-meeting --note "提交9月联席会议" --at "2025-09-16 09:00"
intake "2025-09-15 09:00" coordinate hotline "土地证办理受阻"               # 11: explained
e forward 11 --to LSX --at "2025-09-15 10:00"
e escalate 11 --explain "需市政府研究" --propose "建议报市政府" --at "2025-09-17 10:00"
intake "2025-09-08 09:00" coordinate web "重大项目环评审批" --major         # 12: major, in review
e forward 12 --to JXW --at "2025-09-08 10:00"
e escalate 12 --to government --note "已报市政府" --at "2025-09-09 09:00"
e reply 12 --text "环评材料已受理" --at "2025-09-15 16:00"
intake "2025-09-10 09:00" coordinate web "拖欠工程款协调"                   # 13: referred
e forward 13 --to FGW --at "2025-09-12 09:00"
e escalate 13 --to inspection --note "逾期未答复也未说明" --at "2025-09-22 09:00"
intake "2025-09-24 09:00" consult hotline "技改资金申报时间"                # 14: answered late
e forward 14 --to JXW --at "2025-09-25 09:00"
e reply 14 --text "申报时间为11月" --at "2025-10-09 09:00"
intake "2025-09-26 09:00" consult visit "企业名称变更"                      # 15: disputed
e forward 15 --to PQX --at "2025-09-26 10:00"
e dispute 15 --reason "属市场监管部门职责" --at "2025-09-29 09:00"
intake "2025-09-29 09:00" consult web "招工信息发布渠道"                    # 16: dissatisfied
e forward 16 --to LSX --at "2025-09-29 10:00"
e reply 16 --text "可在人社网站发布" --at "2025-09-30 09:00"
e evaluate 16 --rating dissatisfied --comment "未解决实际问题" --at "2025-09-30 15:00"
intake "2025-09-05 09:00" consult hotline "要求减免罚款"                    # 17: unlawful
e reject 17 --reason unlawful --explain "不符合法律规定" --at "2025-09-05 10:00"
intake "2025-09-30 20:15" coordinate web "厂房消防验收"                     # 18: after hours

## Year-end assessment inputs (LSX has no finding: not supervised in the year, Art. 11)
e assess policy FGW --year 2025 --score 88 --note "政策落实考评" --at "2025-12-20 10:00"
e assess policy JXW --year 2025 --score 92 --note "政策落实考评" --at "2025-12-20 10:05"
e assess policy PQX --year 2025 --score 75 --note "政策落实考评" --at "2025-12-20 10:10"
e assess finding PQX --date 2025-06-12 --points 5 --note "督导通报〔2025〕3号" --at "2025-12-20 11:00"
