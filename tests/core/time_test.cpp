// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/time.hpp>

#include <catch2/catch.hpp>
#include <date/tz.h>

using namespace ent110;

TEST_CASE("parse_instant: local forms are read in the configured zone", "[time]") {
  const Zone shanghai("Asia/Shanghai");
  SECTION("with T") {
    CHECK(format_utc(parse_instant("2025-09-30T20:15", shanghai)) == "2025-09-30T12:15:00Z");
  }
  SECTION("with a space and seconds") {
    CHECK(format_utc(parse_instant("2025-09-30 20:15:07", shanghai)) == "2025-09-30T12:15:07Z");
  }
  SECTION("a bare date is the start of that local day") {
    CHECK(format_utc(parse_instant("2025-10-01", shanghai)) == "2025-09-30T16:00:00Z");
  }
}

TEST_CASE("parse_instant: an explicit offset overrides the zone", "[time]") {
  const Zone shanghai("Asia/Shanghai");
  CHECK(format_utc(parse_instant("2025-09-30T20:15Z", shanghai)) == "2025-09-30T20:15:00Z");
  CHECK(format_utc(parse_instant("2025-09-30T20:15+08:00", shanghai)) == "2025-09-30T12:15:00Z");
  CHECK(format_utc(parse_instant("2025-09-30T20:15-05:30", shanghai)) == "2025-10-01T01:45:00Z");
}

TEST_CASE("parse_instant: malformed values are usage errors naming the value", "[time]") {
  const Zone shanghai("Asia/Shanghai");
  for (const char* bad : {"", "2025-9-30", "2025-02-30", "2025-09-30T25:00", "2025-09-30T20:15+8",
                          "yesterday", "2025-09-30T20:15:00Zjunk"}) {
    INFO(bad);
    try {
      parse_instant(bad, shanghai);
      FAIL("accepted");
    } catch (const UsageError& error) {
      CHECK(error.exit_code() == ExitCode::usage);
      CHECK(std::string(error.what()).find(std::string("'") + bad + "'") != std::string::npos);
    }
  }
}

TEST_CASE("Zone: local date of an instant changes at local midnight", "[time]") {
  const Zone shanghai("Asia/Shanghai");
  CHECK(format_date(shanghai.local_date(parse_utc("2025-09-30T15:59:59Z"))) == "2025-09-30");
  CHECK(format_date(shanghai.local_date(parse_utc("2025-09-30T16:00:00Z"))) == "2025-10-01");
  CHECK(shanghai.format_local(parse_utc("2025-09-30T12:15:00Z")) == "2025-09-30T20:15:00+08:00");
}

TEST_CASE("Zone: an unknown zone name is refused", "[time]") {
  CHECK_THROWS_AS(Zone("Mars/Olympus"), UsageError);
}

TEST_CASE("parse_month: accepts YYYY-MM only", "[time]") {
  CHECK(format_month(parse_month("2025-10")) == "2025-10");
  CHECK_THROWS_AS(parse_month("2025-13"), UsageError);
  CHECK_THROWS_AS(parse_month("2025-1"), UsageError);
}

TEST_CASE("parse_instant: [regression] issue 11: signs and years outside 1901-9998 are refused",
          "[time][regression]") {
  const Zone shanghai("Asia/Shanghai");
  for (const char* bad :
       {"2025-01-01T-1:-1", "2025-01-01T+1:05", "2025-+1-01", "-025-01-01", "0000-01-01",
        "1900-12-31T23:59", "9999-12-31", "9999-01-01T00:00Z", "2025-01-01T10:00+-1:00"}) {
    INFO(bad);
    try {
      parse_instant(bad, shanghai);
      FAIL("accepted");
    } catch (const UsageError& error) {
      CHECK(std::string(error.what()).find("in the years 1901 to 9998") != std::string::npos);
    }
  }
  CHECK(format_utc(parse_instant("1901-01-01T12:00Z", shanghai)) == "1901-01-01T12:00:00Z");
  CHECK(format_utc(parse_instant("9998-12-31T23:59Z", shanghai)) == "9998-12-31T23:59:00Z");
}

TEST_CASE("parse_date: [regression] issue 11: signed fields are refused", "[time][regression]") {
  CHECK_FALSE(try_parse_date("2025-+1-01").has_value());
  CHECK_FALSE(try_parse_date("2025-01--1").has_value());
}

TEST_CASE("Zone: Shanghai's offsets across the end of daylight saving time in 1991", "[time]") {
  const Zone shanghai("Asia/Shanghai");
  // 14 April 1991: 02:00 CST became 03:00 CDT (UTC+9).
  CHECK(shanghai.format_local(parse_utc("1991-04-13T17:59:59Z")) == "1991-04-14T01:59:59+08:00");
  CHECK(shanghai.format_local(parse_utc("1991-04-13T18:00:00Z")) == "1991-04-14T03:00:00+09:00");
  // 15 September 1991: 02:00 CDT became 01:00 CST again, for good.
  CHECK(shanghai.format_local(parse_utc("1991-09-14T16:59:59Z")) == "1991-09-15T01:59:59+09:00");
  CHECK(shanghai.format_local(parse_utc("1991-09-14T17:00:00Z")) == "1991-09-15T01:00:00+08:00");
  CHECK(format_utc(shanghai.start_of(parse_date("1991-09-15"))) == "1991-09-14T15:00:00Z");
  CHECK(format_utc(shanghai.start_of(parse_date("1991-09-16"))) == "1991-09-15T16:00:00Z");
  // The hour that repeats is read as its first occurrence.
  CHECK(format_utc(parse_instant("1991-09-15T01:30", shanghai)) == "1991-09-14T16:30:00Z");
  CHECK(format_date(shanghai.local_date(parse_utc("1991-09-14T15:00:00Z"))) == "1991-09-15");
  CHECK(format_date(shanghai.local_date(parse_utc("1991-09-14T14:59:59Z"))) == "1991-09-14");
  CHECK(shanghai.format_local_short(parse_utc("1991-09-14T17:30:00Z")) == "1991-09-15 01:30");
}

TEST_CASE("Zone: a day whose midnight is skipped starts at the transition", "[time]") {
  // São Paulo moved its clocks from 00:00 to 01:00 on 4 November 2018.
  const Zone sao_paulo("America/Sao_Paulo");
  CHECK(format_utc(sao_paulo.start_of(parse_date("2018-11-04"))) == "2018-11-04T03:00:00Z");
  CHECK(sao_paulo.format_local(parse_utc("2018-11-04T03:00:00Z")) == "2018-11-04T01:00:00-02:00");
}

TEST_CASE("Zone: names outside the zone database are refused", "[time]") {
  for (const char* name : {"", "/etc/localtime", "../../etc/passwd", "Asia/../Asia/Shanghai",
                           "Asia", "zone.tab", "posixrules", "right/UTC", "Asia/Shanghai/"}) {
    CHECK_THROWS_AS(Zone(name), UsageError);
  }
  CHECK(Zone("UTC").format_local(parse_utc("2025-09-30T12:15:00Z")) == "2025-09-30T12:15:00+00:00");
}

TEST_CASE("Zone: offsets and starts of days are the date library's, at every transition",
          "[time]") {
  // The library read the whole zone database to find one zone; Zone reads its one file. Both
  // must give the same answers, for zones with and without daylight saving, half hours, and
  // offsets that are not whole minutes.
  for (const char* name : {"Asia/Shanghai", "America/New_York", "America/Sao_Paulo",
                           "Australia/Lord_Howe", "Asia/Kathmandu", "Africa/Monrovia"}) {
    const Zone zone(name);
    const date::time_zone* reference = date::locate_zone(name);
    const auto same_day_start = [&](LocalDate day) {
      return zone.start_of(day) ==
             reference->to_sys(date::local_seconds{day.time_since_epoch()}, date::choose::earliest);
    };
    for (Instant transition = reference->get_info(parse_utc("1901-01-01T00:00:00Z")).end;
         transition < parse_utc("2040-01-01T00:00:00Z");
         transition = reference->get_info(transition).end) {
      INFO(name << " " << format_utc(transition));
      for (const Instant at : {transition - std::chrono::seconds{1}, transition}) {
        REQUIRE(zone.format_local(at) == date::format("%FT%T%Ez", date::make_zoned(reference, at)));
      }
      const LocalDate day = zone.local_date(transition);
      REQUIRE(same_day_start(day - date::days{1}));
      REQUIRE(same_day_start(day));
      REQUIRE(same_day_start(day + date::days{1}));
    }
  }
}

TEST_CASE("format_utc, format_date and format_local write what date::format wrote, every day",
          "[time]") {
  // Every day of 1900-2100 (leap days, the non-leap 1900 and 2100, year ends) at a second that
  // moves through the day, and the first and last second of years up to 9999; then years whose
  // spelling is not four digits, which date::format still writes.
  std::vector<Instant> instants;
  const LocalDate first = date::sys_days{date::year{1900} / 1 / 1};
  const LocalDate last = date::sys_days{date::year{2100} / 12 / 31};
  for (LocalDate day = first; day <= last; day += date::days{1}) {
    instants.push_back(Instant{day} + std::chrono::seconds{(day - first).count() * 7919 % 86400});
  }
  for (int year = 0; year <= 9999; year += 7) {
    const Instant start{date::sys_days{date::year{year} / 1 / 1}};
    instants.insert(instants.end(), {start, start - std::chrono::seconds{1}});
  }
  for (const int year : {-1, -45, 10000, 12345}) {
    instants.push_back(Instant{date::sys_days{date::year{year} / 2 / 29}} + std::chrono::hours{23});
  }
  // Mismatches are gathered, not each compared by CHECK: 76 000 assertions cost Catch more than
  // the formatting.
  std::vector<std::string> mismatches;
  const auto compare = [&](const std::string& ours, const std::string& expected) {
    if (ours != expected) {
      mismatches.push_back(ours + " instead of " + expected);
    }
  };
  for (const Instant instant : instants) {
    const LocalDate day = date::floor<date::days>(instant);
    compare(format_utc(instant), date::format("%FT%TZ", instant));
    compare(format_date(day), date::format("%F", day));
  }
  // Shanghai is eight hours ahead of UTC at every instant since 1992.
  const Zone shanghai("Asia/Shanghai");
  for (const Instant instant : instants) {
    if (instant < Instant{date::sys_days{date::year{1992} / 1 / 1}} ||
        instant > Instant{date::sys_days{date::year{9000} / 1 / 1}}) {
      continue;
    }
    const date::local_seconds local{instant.time_since_epoch() + std::chrono::hours{8}};
    compare(shanghai.format_local(instant), date::format("%FT%T", local) + "+08:00");
    compare(shanghai.format_local_short(instant), date::format("%F %R", local));
  }
  CHECK(instants.size() > 75000);
  CHECK(mismatches == std::vector<std::string>{});
}
