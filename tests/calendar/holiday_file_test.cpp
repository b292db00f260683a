// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/calendar/holiday_file.hpp>
#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {

// A valid file; each test breaks one thing.
const std::string k_valid = R"(year = 2025

[source]
notice = "国办发明电〔2024〕12号"
title = "国务院办公厅关于2025年部分节假日安排的通知"
issued = 2024-11-12
url = "https://www.gov.cn/zhengce/content/202411/content_6986382.htm"

[[holiday]]
name = "国庆节、中秋节"
name_en = "National Day and Mid-Autumn Festival"
off = { from = 2025-10-01, to = 2025-10-08 }
work = [2025-09-28, 2025-10-11]
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The English message of the BadInput that parsing `text` as 2025.toml throws.
std::string error_of(const std::string& text) {
  try {
    parse_holiday_file(text, "2025.toml");
  } catch (const BadInput& error) {
    return error.what();
  }
  FAIL("no error for:\n" << text);
  return {};
}

}  // namespace

TEST_CASE("parse_holiday_file: a valid file gives its provenance and blocks", "[calendar]") {
  const HolidaySchedule schedule = parse_holiday_file(k_valid, "2025.toml");
  CHECK(schedule.year == 2025);
  CHECK(schedule.notice == "国办发明电〔2024〕12号");
  CHECK(schedule.issued == parse_date("2024-11-12"));
  REQUIRE(schedule.holidays.size() == 1);
  CHECK(schedule.holidays[0].off_to == parse_date("2025-10-08"));
  CHECK(schedule.holidays[0].work.size() == 2);
  const std::vector<OfficialDay> days = official_days(schedule);
  CHECK(days.size() == 10);
  CHECK(days.front().date == parse_date("2025-09-28"));
  CHECK(days.front().kind == DayKind::adjusted_workday);
}

TEST_CASE("parse_holiday_file: errors name file:line:col and what would be right", "[calendar]") {
  SECTION("TOML syntax") {
    CHECK(error_of(replaced(k_valid, "year = 2025", "year = = 2025")).rfind("2025.toml:1:", 0) ==
          0);
  }
  SECTION("unknown key in a block") {
    CHECK(error_of(replaced(k_valid, "work = [", "wrok = [")) ==
          "2025.toml:13:1: unknown key 'wrok'; allowed here: name, name_en, off, work, cross_year");
  }
  SECTION("unknown key at the top") {
    CHECK(error_of("yaer = 2025\n" + k_valid).rfind("2025.toml:1:1: unknown key 'yaer'", 0) == 0);
  }
  SECTION("unknown key inside off") {
    CHECK(error_of(replaced(k_valid, "to = 2025-10-08", "until = 2025-10-08"))
              .rfind("2025.toml:12:28: unknown key 'until'", 0) == 0);
  }
  SECTION("missing key") {
    CHECK(error_of(replaced(k_valid, "name_en = \"National Day and Mid-Autumn Festival\"\n", ""))
              .rfind("2025.toml:9:1: key 'name_en' is missing", 0) == 0);
  }
  SECTION("a date in quotes") {
    CHECK(error_of(replaced(k_valid, "issued = 2024-11-12", "issued = \"2024-11-12\"")) ==
          "2025.toml:6:10: 'issued' must be a valid date without quotes, e.g. 2025-10-01");
  }
  SECTION("a date outside the year") {
    CHECK(error_of(replaced(k_valid, "from = 2025-10-01", "from = 2024-10-01"))
              .rfind("2025.toml:12:7: 2024-10-01 is outside 2025;", 0) == 0);
  }
  SECTION("cross_year reaches one year only") {
    const std::string text = replaced(replaced(k_valid, "from = 2025-10-01", "from = 2023-12-30"),
                                      "work = [", "cross_year = true\nwork = [");
    CHECK(error_of(text).rfind("2025.toml:12:7: 2023-12-30 is neither in 2025", 0) == 0);
  }
  SECTION("a made-up working day on a weekday") {
    CHECK(error_of(replaced(k_valid, "2025-09-28,", "2025-09-29,")) ==
          "2025.toml:13:9: made-up working day 2025-09-29 is not a Saturday or Sunday; only a "
          "weekend day can be made a working day");
  }
  SECTION("a day both off and working") {
    CHECK(error_of(replaced(k_valid, "2025-10-11]", "2025-10-04]"))
              .rfind("2025.toml:13:21: 2025-10-04 is both a day off (line 12, column 7)", 0) == 0);
  }
  SECTION("a day in two blocks") {
    const std::string text = k_valid +
                             "\n[[holiday]]\nname = \"x\"\nname_en = \"x\"\n"
                             "off = { from = 2025-10-08, to = 2025-10-09 }\n";
    CHECK(error_of(text).rfind("2025.toml:18:7: 2025-10-08 is already listed at line 12", 0) == 0);
  }
  SECTION("off running backwards") {
    CHECK(error_of(replaced(k_valid, "to = 2025-10-08", "to = 2025-09-08"))
              .rfind("2025.toml:12:7: days off run from 2025-10-01 to 2025-09-08", 0) == 0);
  }
  SECTION("the year must match the file name") {
    CHECK(error_of(replaced(k_valid, "year = 2025", "year = 2026"))
              .rfind("2025.toml:1:8: year = 2026 but the file is named for 2025", 0) == 0);
  }
  SECTION("wrong type of work") {
    CHECK(error_of(replaced(k_valid, "work = [2025-09-28, 2025-10-11]", "work = 2025-09-28"))
              .rfind("2025.toml:13:8: 'work' must be a list of dates", 0) == 0);
  }
}

TEST_CASE("check_holiday_set: no day in two files, one file per year", "[calendar]") {
  const HolidaySchedule y2025 = parse_holiday_file(k_valid, "2025.toml");
  const std::string next = R"(year = 2026
[source]
notice = "n"
title = "t"
issued = 2025-11-04
url = "u"
[[holiday]]
name = "元旦"
name_en = "New Year's Day"
off = { from = 2025-10-08, to = 2026-01-01 }
cross_year = true
)";
  const HolidaySchedule y2026 = parse_holiday_file(next, "2026.toml");
  try {
    check_holiday_set({y2025, y2026});
    FAIL("a day in two files was accepted");
  } catch (const BadInput& error) {
    CHECK(std::string(error.what()) ==
          "2026.toml:10:7: 2025-10-08 is also stated by 2025.toml:12:7; each day belongs to one "
          "file");
  }
  CHECK_THROWS_AS(check_holiday_set({y2025, y2025}), BadInput);
}

TEST_CASE("embedded_holiday_schedules: the official files are valid and provenanced",
          "[calendar]") {
  const std::vector<HolidaySchedule> schedules = embedded_holiday_schedules();
  REQUIRE(schedules.size() >= 10);
  CHECK(schedules.front().year == 2017);
  for (const HolidaySchedule& schedule : schedules) {
    INFO(schedule.file);
    CHECK(schedule.file == "holidays/" + std::to_string(schedule.year) + ".toml");
    CHECK(schedule.notice.rfind("国办发明电", 0) == 0);
    CHECK(schedule.url.rfind("https://www.gov.cn/", 0) == 0);
  }
}

TEST_CASE("read_holiday_files: directories, files, and unreadable paths", "[calendar]") {
  const auto fixture = test::source_dir() / "tests/data/calendar/2027.toml";
  const std::vector<HolidaySchedule> schedules = read_holiday_files({fixture});
  REQUIRE(schedules.size() == 1);
  CHECK(schedules[0].notice == "TEST-FIXTURE-2027");
  CHECK(read_holiday_files({test::source_dir() / "holidays"}).size() >= 10);
  test::TempDir dir;
  CHECK_THROWS_AS(read_holiday_files({dir / "missing.toml"}), BadInput);
  CHECK_THROWS_AS(read_holiday_files({dir.path()}), BadInput);
}
