// SPDX-License-Identifier: MIT
#include <ent110/calendar/deadlines.hpp>

namespace ent110 {

std::vector<LocalDate> changed_days(const WorkingCalendar& before,
                                    const WorkingCalendar& after,
                                    LocalDate from,
                                    LocalDate to) {
  std::vector<LocalDate> changed;
  for (LocalDate day = from; day <= to; day += date::days{1}) {
    if (before.is_working_day(day) != after.is_working_day(day) ||
        before.is_provisional(day) != after.is_provisional(day)) {
      changed.push_back(day);
    }
  }
  return changed;
}

}  // namespace ent110
