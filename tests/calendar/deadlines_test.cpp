// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/calendar/deadlines.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {

const Instant k_now = parse_utc("2026-12-01T02:00:00Z");

// A table shaped like the case clocks, created by the test: due dates were counted with the
// official schedule up to 2026 and the weekend rule after it.
const DeadlineColumns k_test_table{"test_deadline",      "id", "started", "n", "due", "provisional",
                                   "'deadline ' || what"};

void create_test_table(Store& store, const WorkingCalendar& calendar) {
  store.db().exec(
      "CREATE TABLE test_deadline (id INTEGER PRIMARY KEY, what TEXT NOT NULL, started TEXT NOT "
      "NULL, n INTEGER, due TEXT NOT NULL, provisional INTEGER NOT NULL) STRICT");
  SQLite::Statement insert(store.db(),
                           "INSERT INTO test_deadline (what, started, n, due, provisional) "
                           "VALUES (?, ?, ?, ?, ?)");
  const auto add = [&](const char* what, const char* started, int n) {
    const DueDate due = calendar.due_after(parse_date(started), n);
    insert.bind(1, what);
    insert.bind(2, started);
    insert.bind(3, n);
    insert.bind(4, format_date(due.date));
    insert.bind(5, due.provisional ? 1 : 0);
    insert.exec();
    insert.reset();
  };
  add("new-year", "2026-12-31", 1);   // 2027-01-01 by the weekend rule
  add("before", "2026-12-30", 1);     // 2026-12-31, never provisional
  add("spring", "2027-01-28", 5);     // 2027-02-04 by the weekend rule
  add("march", "2027-03-01", 1);      // 2027-03-02 either way
  add("next-year", "2027-12-30", 3);  // reaches into 2028, still provisional after
  store.db().exec(
      "INSERT INTO test_deadline (what, started, n, due, provisional) "
      "VALUES ('fixed', '2026-12-31', NULL, '2027-01-01', 1)");
}

std::string due_of(Store& store, const std::string& what) {
  SQLite::Statement query(store.db(),
                          "SELECT due || ' ' || provisional FROM test_deadline WHERE what = ?");
  query.bind(1, what);
  REQUIRE(query.executeStep());
  return query.getColumn(0).getString();
}

}  // namespace

TEST_CASE("recompute_provisional: loading a year moves the provisional due dates it changes",
          "[calendar]") {
  Store store = Store::open_in_memory();
  load_holidays(store, {}, "li", k_now);
  const WorkingCalendar before = load_calendar(store);
  REQUIRE_FALSE(before.is_year_loaded(2027));
  create_test_table(store, before);
  CHECK(due_of(store, "new-year") == "2027-01-01 1");
  CHECK(due_of(store, "before") == "2026-12-31 0");
  CHECK(due_of(store, "spring") == "2027-02-04 1");

  // The test-only 2027 fixture: 1–3 January and 5–11 February off, Sunday 31 January worked.
  const std::vector<HolidaySchedule> fixture =
      read_holiday_files({test::source_dir() / "tests/data/calendar/2027.toml"});
  std::vector<MovedDueDate> moved;
  store.write([&] {
    store_holiday_schedules(store, fixture, "li", k_now);
    moved = recompute_provisional(store, load_calendar(store), std::span(&k_test_table, 1));
  });

  REQUIRE(moved.size() == 2);
  CHECK(moved[0].label == "deadline new-year");
  CHECK(moved[0].key == "1");
  CHECK(moved[0].table == "test_deadline");
  CHECK(moved[0].before == parse_date("2027-01-01"));
  CHECK(moved[0].after == parse_date("2027-01-04"));
  CHECK_FALSE(moved[0].provisional);
  CHECK(moved[1].label == "deadline spring");
  CHECK(moved[1].after == parse_date("2027-02-03"));  // Sunday 31 January now counts

  CHECK(due_of(store, "new-year") == "2027-01-04 0");
  CHECK(due_of(store, "before") == "2026-12-31 0");
  CHECK(due_of(store, "spring") == "2027-02-03 0");
  CHECK(due_of(store, "march") == "2027-03-02 0");  // same date, no longer provisional
  CHECK(due_of(store, "next-year") == "2028-01-04 1");
  CHECK(due_of(store, "fixed") == "2027-01-01 1");  // a fixed --due is never recounted
}

TEST_CASE("deadline_tables: every listed table has its columns", "[calendar]") {
  Store store = Store::open_in_memory();
  for (const DeadlineColumns& table : deadline_tables()) {
    INFO(table.table);
    // The production list must name real columns: recomputing an empty calendar must run.
    CHECK_NOTHROW(recompute_provisional(store, WorkingCalendar(), std::span(&table, 1)));
  }
}
