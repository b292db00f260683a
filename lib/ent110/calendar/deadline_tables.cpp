// SPDX-License-Identifier: MIT
// The one list of tables whose due dates are counted in working days and may be provisional.
// A table joins by adding one DeadlineColumns line here.
#include <ent110/calendar/deadlines.hpp>

namespace ent110 {

std::span<const DeadlineColumns> deadline_tables() {
  static const std::vector<DeadlineColumns> k_tables = {
      // Case clocks (schema/003_cases.sql); a stopped clock keeps the due date it was judged by.
      {"case_clock", "id", "started", "working_days", "due", "provisional",
       "case_id || ' ' || name", "outcome = 'running'"},
  };
  return k_tables;
}

}  // namespace ent110
