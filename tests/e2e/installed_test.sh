#!/usr/bin/env bash
# End to end (issue 16): the installed layout. The test build is installed into a scratch root as
# the Debian package lays it out (`cmake --install --prefix ROOT/usr`; only `./dev deb` builds the
# real package), and the installed ent110, man pages, holiday files and demo are used from there.
source "$(dirname "$0")/lib.sh"
sqlite_only "the installed layout does not depend on the engine, and the demo makes its own file"
: "${ENT110_BUILD_DIR:?set ENT110_BUILD_DIR to the build directory to install}"

root="$E2E_DIR/root"
usr="$root/usr"
if cmake --install "$ENT110_BUILD_DIR" --prefix "$usr" >"$E2E_DIR/install.log" 2>&1; then
  pass
else
  fail "cmake --install: $(cat "$E2E_DIR/install.log")"
fi

installed=$(cd "$root" && find . -type f -o -type l | sort)
expect_file() { [[ $installed == *"./$1"* ]] && pass || fail "$2: ./$1 is not installed"; }
expect_file usr/bin/ent110 "the binary"
expect_file usr/share/man/man1/ent110.1.gz "the main man page, compressed"
expect_file usr/share/doc/ent110/copyright "the copyright file"
expect_file usr/share/doc/ent110/changelog.gz "the changelog, compressed"
expect_file usr/share/doc/ent110/examples/demo.sh "the demo"
expect_file usr/share/doc/ent110/examples/config.toml "every configuration key"
expect_file usr/share/doc/ent110/examples/cron/crontab "the crontab for machines without systemd"
expect_file usr/share/ent110/holidays/2025.toml "the holiday files"

pages=$(ls "$ENT110_SOURCE_DIR"/man/*.1 | wc -l)
[[ $(ls "$usr"/share/man/man1/*.1.gz | wc -l) -eq $pages && -z $(ls "$usr"/share/man/man1/*.1 2>/dev/null) ]] &&
  pass || fail "all $pages man pages are installed, compressed, none uncompressed"
gzip -t "$usr"/share/man/man1/*.gz "$usr"/share/doc/ent110/changelog.gz && pass || fail "gzip -t"
[[ $(head -c 8 "$usr/share/man/man1/ent110.1.gz" | od -An -tx1 | tr -d ' \n') == 1f8b080000000000 ]] &&
  pass || fail "man pages are compressed without a name or time stamp (gzip -n)"
[[ $(head -1 "$usr/share/doc/ent110/copyright") == "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" ]] &&
  pass || fail "the copyright file is machine-readable (DEP-5)"

# The units: disabled (nothing enabled in the package), each service run by its timer, as the
# service account, on the service database, through a script that is installed.
for name in triage report; do
  unit="$usr/lib/systemd/system/ent110-$name"
  [[ -f $unit.service && -f $unit.timer ]] && pass || fail "ent110-$name.service and .timer"
  grep -qx 'User=ent110' "$unit.service" && grep -qx 'Environment=ENT110_DB=/var/lib/ent110/ent110.db' "$unit.service" &&
    pass || fail "ent110-$name runs as ent110 on /var/lib/ent110/ent110.db"
  script=$(sed -n 's#^ExecStart=/usr/##p' "$unit.service")
  [[ -n $script && -x $usr/$script ]] && pass || fail "ent110-$name.service runs an installed script (/usr/$script)"
  grep -q '^OnCalendar=.* Asia/Shanghai$' "$unit.timer" && grep -qx 'WantedBy=timers.target' "$unit.timer" &&
    pass || fail "ent110-$name.timer fires in office time and is enabled into timers.target"
done
[[ -z $(find "$root" -path '*.wants*') ]] && pass || fail "no unit is enabled by installing"

ENT110="$usr/bin/ent110"
run init --at 2025-09-30
expect_code 0 "the installed ent110 creates a database"
expect_out "official holiday schedule loaded: 2017–2026" "with the built-in calendar"
run calendar show 2025
expect_code 0 "calendar show 2025"
expect_out "2025" "the year is shown"
run calendar load "$usr/share/ent110/holidays/2025.toml"
expect_code 0 "calendar load reads the installed holiday file"
run init --holidays "$usr/share/ent110/holidays"
expect_code 0 "init --holidays reads the installed directory"

OUT=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$usr/share/man/man1/ent110-calendar.1.gz" 2>"$E2E_DIR/stderr")
CODE=$? ERR=$(cat "$E2E_DIR/stderr")
expect_code 0 "man -l on an installed page"
expect_out "the working-day calendar: official holidays" "the page is rendered"
expect_out "(调休)" "with its Chinese terms"
[[ -z $ERR ]] && pass || fail "man renders the page without a warning"
OUT=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$usr/share/man/man1/ent110.1.gz" 2>/dev/null)
expect_out "/etc/ent110/config.toml" "ent110(1) says where the configuration is looked for"

# The demo from its installed place: ent110 from PATH, the examples beside it, a database in a
# fresh temporary directory.
OUT=$(cd / && PATH="$usr/bin:$PATH" TMPDIR="$E2E_DIR" ENT110_CONFIG= ENT110_DB= \
  "$usr/share/doc/ent110/examples/demo.sh" 2>"$E2E_DIR/stderr")
CODE=$? ERR=$(cat "$E2E_DIR/stderr")
expect_code 0 "the installed demo runs"
expect_out "$E2E_DIR/ent110-demo." "the demo's report goes to a temporary directory"
expect_out "$(printf '\033[1m$ ent110 verify')" "the demo reaches its last step"

finish
