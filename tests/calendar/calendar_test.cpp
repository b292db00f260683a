// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/calendar/calendar.hpp>
#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

using namespace ent110;

namespace {

LocalDate day(const char* text) {
  return parse_date(text);
}

// The calendar of a fresh database with the official schedules compiled into the program.
const WorkingCalendar& official_calendar() {
  static const WorkingCalendar calendar = [] {
    Store store = test::fresh_store();
    load_holidays(store, {}, Actor{"test", "OFFICE"}, parse_utc("2025-01-01T00:00:00Z"), nullptr);
    return load_calendar(store);
  }();
  return calendar;
}

// Day-by-day reference: the same questions answered by stepping one day at a time.
LocalDate naive_add(const WorkingCalendar& calendar, LocalDate from, int n) {
  LocalDate d = from;
  while (n > 0) {
    d += date::days{1};
    if (calendar.is_working_day(d)) {
      --n;
    }
  }
  return d;
}

int naive_between(const WorkingCalendar& calendar, LocalDate from, LocalDate to) {
  int count = 0;
  for (LocalDate d = from + date::days{1}; d <= to; d += date::days{1}) {
    count += calendar.is_working_day(d) ? 1 : 0;
  }
  return count;
}

}  // namespace

TEST_CASE("add_working_days: case received 2025-09-30 20:15 is due 2025-10-09", "[calendar]") {
  // spec/rules.md: forward within 1 working day (Art. 7); 1–8 October are off.
  const Zone zone("Asia/Shanghai");
  const LocalDate received = zone.local_date(parse_instant("2025-09-30T20:15", zone));
  CHECK(official_calendar().add_working_days(received, 1) == day("2025-10-09"));
}

TEST_CASE("add_working_days: coordinate case forwarded 2025-09-30 is due 2025-10-14",
          "[calendar]") {
  // spec/rules.md: 9, 10, 11 (Saturday, a made-up working day), 13, 14 October.
  const WorkingCalendar& calendar = official_calendar();
  CHECK(calendar.add_working_days(day("2025-09-30"), 5) == day("2025-10-14"));
  CHECK(calendar.working_days_between(day("2025-09-30"), day("2025-10-14")) == 5);
  std::vector<LocalDate> counted;
  for (int n = 1; n <= 5; ++n) {
    counted.push_back(calendar.add_working_days(day("2025-09-30"), n));
  }
  CHECK(counted == std::vector<LocalDate>{day("2025-10-09"), day("2025-10-10"), day("2025-10-11"),
                                          day("2025-10-13"), day("2025-10-14")});
  CHECK(calendar.kind_of(day("2025-10-11")) == DayKind::adjusted_workday);
  CHECK(calendar.kind_of(day("2025-10-12")) == DayKind::weekend);
}

TEST_CASE("kind_of: every day of every loaded year matches tests/data/holidays", "[calendar]") {
  const WorkingCalendar& calendar = official_calendar();
  for (int year = 2017; year <= 2026; ++year) {
    DYNAMIC_SECTION("year " << year) {
      std::ifstream in(test::source_dir() / "tests/data/holidays" /
                       (std::to_string(year) + ".txt"));
      REQUIRE(in);
      std::set<std::string> expected;
      for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != '#') {
          expected.insert(line);
        }
      }
      std::set<std::string> calculated;
      for (const CalendarDay& entry : calendar.days_of(year)) {
        CHECK(entry.kind == calendar.kind_of(entry.date));
        if (entry.kind == DayKind::holiday || entry.kind == DayKind::adjusted_workday) {
          calculated.insert(format_date(entry.date) + " " + std::string(to_string(entry.kind)));
          CHECK_FALSE(entry.name.empty());
        } else {
          // Nothing official said: the weekend rule decides.
          CHECK(entry.kind == (is_weekend(entry.date) ? DayKind::weekend : DayKind::workday));
        }
      }
      // QuantLib's checkHolidays: report the difference in both directions.
      for (const std::string& line : expected) {
        if (!calculated.contains(line)) {
          FAIL_CHECK("expected but not calculated: " << line);
        }
      }
      for (const std::string& line : calculated) {
        if (!expected.contains(line)) {
          FAIL_CHECK("calculated but not expected: " << line);
        }
      }
      CHECK(calendar.days_of(year).size() == (date::year{year}.is_leap() ? 366u : 365u));
    }
  }
}

TEST_CASE("kind_of: the 2020 Spring Festival follows the extension notice", "[calendar]") {
  // 国办发明电〔2020〕1号 extended the holiday to 2 February and cancelled Saturday 1 February.
  const WorkingCalendar& calendar = official_calendar();
  CHECK(calendar.kind_of(day("2020-01-31")) == DayKind::holiday);
  CHECK(calendar.kind_of(day("2020-02-01")) == DayKind::holiday);
  CHECK(calendar.kind_of(day("2020-02-02")) == DayKind::holiday);
  CHECK(calendar.kind_of(day("2020-02-03")) == DayKind::workday);
}

TEST_CASE("add_working_days and working_days_between agree with a day-by-day count", "[calendar]") {
  // Overrides inside and far outside the loaded years exercise every branch of the index.
  Store store = test::fresh_store();
  const Instant now = parse_utc("2025-01-01T00:00:00Z");
  load_holidays(store, {}, Actor{"test", "OFFICE"}, now, nullptr);
  set_override(store, day("2025-10-13"), OverrideChoice::off, "closure", Actor{"test", "OFFICE"},
               now, nullptr);
  set_override(store, day("2025-10-12"), OverrideChoice::work, "catch-up", Actor{"test", "OFFICE"},
               now, nullptr);
  set_override(store, day("2030-06-03"), OverrideChoice::off, "far", Actor{"test", "OFFICE"}, now,
               nullptr);
  set_override(store, day("2012-03-03"), OverrideChoice::work, "early", Actor{"test", "OFFICE"},
               now, nullptr);
  const WorkingCalendar calendars[] = {official_calendar(), load_calendar(store),
                                       WorkingCalendar()};
  std::mt19937 random(20250930);
  const int first = LocalDate(day("2010-01-01")).time_since_epoch().count();
  const int last = LocalDate(day("2032-12-31")).time_since_epoch().count();
  std::uniform_int_distribution<int> pick_day(first, last);
  std::uniform_int_distribution<int> pick_n(1, 400);
  for (const WorkingCalendar& calendar : calendars) {
    for (int i = 0; i < 3000; ++i) {
      const LocalDate from{date::days{pick_day(random)}};
      const LocalDate to{date::days{pick_day(random)}};
      const int n = pick_n(random);
      INFO("from " << format_date(from) << " to " << format_date(to) << " n " << n);
      REQUIRE(calendar.add_working_days(from, n) == naive_add(calendar, from, n));
      REQUIRE(calendar.working_days_between(from, to) == naive_between(calendar, from, to));
    }
  }
}

TEST_CASE("working_days_between: excludes the first day, includes the last", "[calendar]") {
  const WorkingCalendar& calendar = official_calendar();
  CHECK(calendar.working_days_between(day("2025-10-09"), day("2025-10-09")) == 0);
  CHECK(calendar.working_days_between(day("2025-10-09"), day("2025-10-10")) == 1);
  CHECK(calendar.working_days_between(day("2025-10-10"), day("2025-10-09")) == 0);
  CHECK(calendar.working_days_between(day("2025-09-30"), day("2025-10-08")) == 0);
}

TEST_CASE("WorkingCalendar: an override beats the schedule, the schedule beats the weekend rule",
          "[calendar]") {
  const Instant at = parse_utc("2025-01-01T00:00:00Z");
  const WorkingCalendar calendar(
      {CalendarYear{2025, "holidays/2025.toml", "N", "T", day("2024-11-12"), "u", ""}},
      {OfficialDay{day("2025-10-01"), DayKind::holiday, "国庆节", "National Day", 2025},
       OfficialDay{day("2025-10-02"), DayKind::holiday, "国庆节", "National Day", 2025},
       OfficialDay{day("2025-10-11"), DayKind::adjusted_workday, "国庆节", "National Day", 2025}},
      {LocalOverride{day("2025-10-02"), DayKind::local_work, "duty", "li", at},
       LocalOverride{day("2025-10-11"), DayKind::local_off, "flood", "li", at},
       LocalOverride{day("2025-10-15"), DayKind::local_off, "power cut", "li", at}},
      7);
  CHECK(calendar.kind_of(day("2025-10-01")) == DayKind::holiday);
  CHECK(calendar.kind_of(day("2025-10-02")) == DayKind::local_work);
  CHECK(calendar.kind_of(day("2025-10-11")) == DayKind::local_off);
  CHECK(calendar.kind_of(day("2025-10-15")) == DayKind::local_off);
  CHECK(calendar.kind_of(day("2025-10-16")) == DayKind::workday);
  CHECK(calendar.kind_of(day("2025-10-18")) == DayKind::weekend);
  CHECK(calendar.revision() == 7);
  const CalendarDay shown = calendar.days_between(day("2025-10-11"), day("2025-10-11")).front();
  CHECK(shown.name == "国庆节");
  CHECK(shown.reason == "flood");
  CHECK(calendar.add_working_days(day("2025-10-01"), 1) == day("2025-10-02"));
  CHECK(calendar.add_working_days(day("2025-10-14"), 1) == day("2025-10-16"));
}

TEST_CASE("is_provisional: years without a loaded schedule rest on the weekend rule",
          "[calendar]") {
  const WorkingCalendar& calendar = official_calendar();
  CHECK_FALSE(calendar.is_provisional(day("2026-12-31")));
  CHECK(calendar.is_provisional(day("2027-01-01")));
  CHECK(calendar.is_provisional(day("2016-06-01")));
  CHECK_FALSE(calendar.due_after(day("2026-12-30"), 1).provisional);
  const DueDate due = calendar.due_after(day("2026-12-31"), 1);
  CHECK(due.date == day("2027-01-01"));
  CHECK(due.provisional);
  CHECK(calendar.is_provisional_between(day("2026-12-31"), day("2027-01-01")));
  CHECK_FALSE(calendar.is_provisional_between(day("2026-12-31"), day("2026-12-31")));
}

TEST_CASE("WorkingCalendar: with nothing loaded the weekend rule answers", "[calendar]") {
  const WorkingCalendar calendar;
  CHECK(calendar.kind_of(day("2025-10-01")) == DayKind::workday);
  CHECK(calendar.kind_of(day("2025-10-04")) == DayKind::weekend);
  CHECK(calendar.add_working_days(day("2025-10-03"), 1) == day("2025-10-06"));
  CHECK(calendar.working_days_between(day("2025-10-03"), day("2025-10-10")) == 5);
  CHECK(calendar.years().empty());
  CHECK(calendar.revision() == 0);
}

TEST_CASE("to_string: day kinds have their JSON spellings and parse back", "[calendar]") {
  for (DayKind kind : {DayKind::workday, DayKind::weekend, DayKind::holiday,
                       DayKind::adjusted_workday, DayKind::local_off, DayKind::local_work}) {
    CHECK(parse_day_kind(to_string(kind)) == kind);
  }
  CHECK(to_string(DayKind::adjusted_workday) == "adjusted-workday");
  CHECK_FALSE(parse_day_kind("Holiday"));
  CHECK(is_working(DayKind::adjusted_workday));
  CHECK_FALSE(is_working(DayKind::local_off));
}
