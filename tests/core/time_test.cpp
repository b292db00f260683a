// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/time.hpp>

#include <catch2/catch.hpp>

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
