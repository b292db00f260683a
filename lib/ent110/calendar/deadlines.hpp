// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/calendar/calendar.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// Where a table keeps due dates counted in working days, so that loading a year's official
/// schedule can recompute the ones that were provisional, and a local override the ones that
/// count over its day. Names are SQL identifiers or, for
/// `label` and `where`, SQL expressions; they come from code (deadline_tables), never from users.
struct DeadlineColumns {
  std::string_view table;         ///< e.g. "clock"
  std::string_view key;           ///< the column that identifies a row (INTEGER or TEXT)
  std::string_view start;         ///< local date 'YYYY-MM-DD' the count starts after
  std::string_view working_days;  ///< n; rows where it is NULL (a fixed --due) are skipped
  std::string_view due;           ///< the due date 'YYYY-MM-DD', rewritten
  std::string_view provisional;   ///< 0/1, rewritten
  std::string_view label;         ///< how people name the row, e.g. "case_id || ' ' || name"
  std::string_view where = {};    ///< an extra condition, e.g. "stopped IS NULL", or empty
};

/// A due date that a change of the calendar moved.
struct MovedDueDate {
  std::string table;
  std::string key;
  std::string label;
  LocalDate before;
  LocalDate after;
  bool provisional = false;  ///< still provisional after the recompute
};

/// The tables whose provisional due dates follow the calendar: the one production list
/// (lib/ent110/calendar/deadline_tables.cpp); each area adds its table there with one line.
std::span<const DeadlineColumns> deadline_tables();

/// Recomputes every provisional due date in `tables` with `calendar` (the n-th working day
/// strictly after the start), clears the flag where the answer no longer rests on the weekend
/// rule, and returns the rows whose date moved. Runs inside the caller's transaction.
std::vector<MovedDueDate> recompute_provisional(Store& store,
                                                const WorkingCalendar& calendar,
                                                std::span<const DeadlineColumns> tables);

/// Recomputes the due dates in `tables` whose count passes over `day` (started before it, due on
/// or after it) with `calendar`, after a local override changed that day, and returns the rows
/// whose date moved. Rows the table's `where` leaves out (stopped clocks) keep the due date they
/// were judged by. Runs inside the caller's transaction.
std::vector<MovedDueDate> recompute_across(Store& store,
                                           const WorkingCalendar& calendar,
                                           std::span<const DeadlineColumns> tables,
                                           LocalDate day);

}  // namespace ent110
