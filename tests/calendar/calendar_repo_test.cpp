// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {

LocalDate day(const char* text) {
  return parse_date(text);
}

const Instant k_now = parse_utc("2025-09-30T12:15:00Z");

int count_rows(Store& store, const std::string& table) {
  return static_cast<int>(Statement(store, "SELECT count(*) FROM " + table).scalar_int64());
}

}  // namespace

TEST_CASE("load_holidays: stores every official day with its source and a new revision",
          "[calendar]") {
  Store store = test::fresh_store();
  const LoadSummary first = load_holidays(store, {}, Actor{"li", "OFFICE"}, k_now, nullptr);
  CHECK(first.revision == 1);
  CHECK(first.years.front() == 2017);
  CHECK(first.years.back() >= 2026);
  const WorkingCalendar calendar = load_calendar(store);
  CHECK(calendar.revision() == 1);
  CHECK(calendar.is_year_loaded(2025));
  CHECK(calendar.years().at(3).amendments == "国办发明电〔2020〕1号");
  CHECK(Statement(store,
                  "SELECT d.name || ' ' || y.file || ' ' || y.notice FROM calendar_day d "
                  "JOIN calendar_year y USING (year) WHERE d.date = '2025-10-11'")
            .scalar_text() == "国庆节、中秋节 holidays/2025.toml 国办发明电〔2024〕12号");
  // A cross-year day belongs to the file that states it.
  CHECK(
      Statement(store, "SELECT year FROM calendar_day WHERE date = '2017-12-30'").scalar_int64() ==
      2018);

  const LoadSummary again = load_holidays(store, {}, Actor{"li", "OFFICE"}, k_now, nullptr);
  CHECK(again.revision == 2);
  CHECK(count_rows(store, "calendar_year") == static_cast<int>(first.years.size()));
}

TEST_CASE("store_holiday_schedules: an unchanged set writes nothing when asked", "[calendar]") {
  Store store = test::fresh_store();
  const std::vector<HolidaySchedule> schedules = embedded_holiday_schedules();
  LoadSummary summary;
  store.write([&] {
    summary =
        store_holiday_schedules(store, schedules, Actor{"init", "OFFICE"}, k_now, nullptr, true);
  });
  CHECK(summary.changed);
  store.write([&] {
    summary =
        store_holiday_schedules(store, schedules, Actor{"init", "OFFICE"}, k_now, nullptr, true);
  });
  CHECK_FALSE(summary.changed);
  CHECK(summary.revision == 1);
  CHECK(count_rows(store, "calendar_revision") == 1);
}

TEST_CASE("load_holidays: one bad file loads nothing", "[calendar]") {
  Store store = test::fresh_store();
  test::TempDir dir;
  std::filesystem::copy_file(test::source_dir() / "holidays/2025.toml", dir / "2025.toml");
  test::write_file(dir / "2026.toml", "year = 2026\nbogus = 1\n");
  try {
    load_holidays(store, {dir.path()}, Actor{"li", "OFFICE"}, k_now, nullptr);
    FAIL("a bad file was loaded");
  } catch (const BadInput& error) {
    CHECK(std::string(error.what()).find("2026.toml:2:1: unknown key 'bogus'") !=
          std::string::npos);
  }
  CHECK(count_rows(store, "calendar_year") == 0);
  CHECK(count_rows(store, "calendar_day") == 0);
  CHECK(count_rows(store, "calendar_revision") == 0);
}

TEST_CASE("load_holidays: a day stated by another stored year is refused", "[calendar]") {
  Store store = test::fresh_store();
  load_holidays(store, {test::source_dir() / "holidays/2018.toml"}, Actor{"li", "OFFICE"}, k_now,
                nullptr);
  test::TempDir dir;
  // 2017-12-30 belongs to the 2018 notice's New Year block; a 2017 file may not claim it too.
  test::write_file(dir / "2017.toml", R"(year = 2017
[source]
notice = "n"
title = "t"
issued = 2016-12-01
url = "u"
[[holiday]]
name = "x"
name_en = "x"
off = { from = 2017-12-30, to = 2017-12-30 }
)");
  CHECK_THROWS_WITH(
      load_holidays(store, {dir / "2017.toml"}, Actor{"li", "OFFICE"}, k_now, nullptr),
      Catch::Contains("2017-12-30 is already stated by the loaded "
                      "'" +
                      (test::source_dir() / "holidays/2018.toml").string()));
  CHECK(count_rows(store, "calendar_year") == 1);
}

TEST_CASE("set_override: recorded with actor, time and reason, the latest row rules",
          "[calendar]") {
  Store store = test::fresh_store();
  load_holidays(store, {}, Actor{"li", "OFFICE"}, k_now, nullptr);
  const OverrideSummary set = set_override(store, day("2025-10-11"), OverrideChoice::off, "typhoon",
                                           Actor{"wang", "OFFICE"}, k_now, nullptr);
  CHECK(set.revision == 2);
  CHECK(set.moved.empty());
  const CalendarDay& off = set.day;
  CHECK(off.kind == DayKind::local_off);
  CHECK(off.name == "国庆节、中秋节");
  CHECK(off.reason == "typhoon");
  WorkingCalendar calendar = load_calendar(store);
  CHECK(calendar.revision() == 2);
  CHECK(calendar.kind_of(day("2025-10-11")) == DayKind::local_off);
  CHECK(calendar.add_working_days(day("2025-09-30"), 5) == day("2025-10-15"));
  CHECK(calendar.overrides().at(day("2025-10-11")).actor == "wang");
  CHECK(calendar.overrides().at(day("2025-10-11")).at == k_now);

  set_override(store, day("2025-10-11"), OverrideChoice::work, "make-up after all",
               Actor{"wang", "OFFICE"}, k_now, nullptr);
  CHECK(load_calendar(store).kind_of(day("2025-10-11")) == DayKind::local_work);

  const CalendarDay back = set_override(store, day("2025-10-11"), OverrideChoice::official,
                                        "typhoon passed", Actor{"wang", "OFFICE"}, k_now, nullptr)
                               .day;
  CHECK(back.kind == DayKind::adjusted_workday);
  calendar = load_calendar(store);
  CHECK(calendar.revision() == 4);
  CHECK(calendar.overrides().empty());
  CHECK(count_rows(store, "calendar_override") == 3);

  CHECK_THROWS_AS(set_override(store, day("2025-10-12"), OverrideChoice::official, "none",
                               Actor{"wang", "OFFICE"}, k_now, nullptr),
                  NotFound);
  CHECK_THROWS_AS(set_override(store, day("2025-10-12"), OverrideChoice::off, " ",
                               Actor{"wang", "OFFICE"}, k_now, nullptr),
                  UsageError);
  CHECK(load_calendar(store).revision() == 4);
}

TEST_CASE("check_calendar: missing years, and next year from November", "[calendar]") {
  Store store = test::fresh_store();
  load_holidays(
      store, {test::source_dir() / "holidays/2024.toml", test::source_dir() / "holidays/2026.toml"},
      Actor{"li", "OFFICE"}, k_now, nullptr);
  const WorkingCalendar calendar = load_calendar(store);
  CalendarCheck check = check_calendar(calendar, day("2026-10-31"));
  CHECK(check.loaded.size() == 2);
  CHECK(check.missing == std::vector<int>{2025});
  CHECK_FALSE(check.next_year_missing);
  check = check_calendar(calendar, day("2026-11-01"));
  CHECK(check.next_year_missing == 2027);
  check = check_calendar(calendar, day("2027-03-01"));
  CHECK(check.missing == std::vector<int>{2025, 2027});
  CHECK(check_calendar(WorkingCalendar(), day("2025-05-01")).missing == std::vector<int>{2025});
}
