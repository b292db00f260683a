#!/usr/bin/env bash
# The demo behind `make demo`: a fresh example database, its registries, the calendar, one case
# from intake to rating, and the month's report. Output follows LANG (zh_CN.UTF-8 → Chinese), or
# ENT110_LANG.
#
# It runs from the source tree (`./dev demo`: the freshly built binary, the database in build/demo)
# and from the Debian package (/usr/share/doc/ent110/examples/demo.sh: ent110 on PATH, the database
# in a new temporary directory). ENT110 and DEMO_DIR name others.
set -euo pipefail
examples=$(cd "$(dirname "$0")" && pwd)

if [[ -f $examples/../CMakeLists.txt ]]; then
  cd "$examples/.."
  ent110=${ENT110:-build/cli/ent110}
  demo_dir=${DEMO_DIR:-build/demo}
else
  ent110=${ENT110:-ent110}
  demo_dir=${DEMO_DIR:-}
fi
if [[ -n $demo_dir ]]; then
  rm -rf "$demo_dir"
  mkdir -p "$demo_dir"
else
  demo_dir=$(mktemp -d "${TMPDIR:-/tmp}/ent110-demo.XXXXXX")
fi
export ENT110_DB="$demo_dir/ent110.db" ENT110_CONFIG=$examples/config.toml

step() { printf '\n\033[1m$ ent110 %s\033[0m\n' "$*"; "$ent110" "$@"; }

step init
step unit import "$examples/xinyang-units.toml"
step unit list
step user add office1 --unit OFFICE --role office
export ENT110_USER=office1 # from here on, office staff act unless --as says otherwise
step user add fgw1 --unit FGW --role unit
step user list
step enterprise import "$examples/enterprises.csv"
step enterprise list
# Art. 3: the chief service officers, the projects under construction, and who serves which.
step officer import "$examples/officers.csv"
step project import "$examples/projects.csv"
step officer import-assignments "$examples/assignments.csv"
step officer list
step project list
# Who has a chief service officer, and the gap the office must close (Art. 3).
step report coverage --at "2025-11-03 08:00"
step calendar show 2025-10
step calendar add 2025-09-30 1
step calendar add 2025-09-30 5

# One coordination case, received the evening before the 2025 National Day holidays.
step intake --enterprise 91411502MA9F00015P --type coordinate --channel hotline \
  --title "新建茶叶加工厂用地审批进度缓慢" --body "企业反映：用地预审材料已报送两个月，尚无结果。" \
  --at "2025-09-30 20:15"
step forward 1 --to FGW --note "请会同自然资源局办理" --at "2025-10-09 09:00"
step reply 1 --as fgw1 --text "已协调市自然资源和规划局，用地预审本周内办结。" --at "2025-10-14 16:00"
step review 1 --approve --at "2025-10-15 10:00"
step evaluate 1 --rating satisfied --at "2025-10-20 10:00"
step show 1

# The office's monthly report for October 2025, drawn on the first working day of November:
# in the terminal, and as the self-contained HTML file that goes to the city's leaders.
step report monthly --month 2025-10 --at "2025-11-03 08:00"
step report monthly --month 2025-10 --at "2025-11-03 08:00" --format html \
  -o "$demo_dir/report-2025-10.html"
printf '\n%s\n' "$demo_dir/report-2025-10.html"

# The record behind the report: every case replayed from its events, both hash chains, the
# registers against their audit events; the anchor printed here proves later rewrites.
step verify
