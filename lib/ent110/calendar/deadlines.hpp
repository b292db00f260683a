// SPDX-License-Identifier: MIT
// What follows the working-day calendar. The calendar knows nothing of what is counted in
// working days (case clocks live above it); whoever counts registers a CalendarFollower, which a
// calendar load or override calls inside its own transaction with the days that changed.
#pragma once

#include <ent110/calendar/calendar.hpp>

#include <string>
#include <vector>

namespace ent110 {

/// A due date or a verdict that a change of the calendar moved.
struct MovedDueDate {
  std::string table;  ///< where it is kept, e.g. "case_clock"
  std::string key;    ///< the row's key there
  std::string label;  ///< how people name it, e.g. "2025-000001 reply"
  LocalDate before;
  LocalDate after;
  bool provisional = false;         ///< still provisional after the change
  std::string verdict_before;       ///< e.g. "missed"; empty when the verdict did not change
  std::string verdict_after;        ///< e.g. "met"
  bool referral_withdrawn = false;  ///< a referral to inspection on the old date no longer holds
};

/// Told which days changed, recounts and judges again what counts over them.
class CalendarFollower {
 public:
  virtual ~CalendarFollower() = default;
  /// Called inside the transaction that changed the calendar, with the calendar as it now is and
  /// the days (ascending) whose being a working day changed; returns what moved.
  virtual std::vector<MovedDueDate> follow(const WorkingCalendar& after,
                                           const std::vector<LocalDate>& changed) = 0;
};

/// The days from `from` to `to` that are working days in one of `before` and `after` only.
std::vector<LocalDate> changed_days(const WorkingCalendar& before,
                                    const WorkingCalendar& after,
                                    LocalDate from,
                                    LocalDate to);

}  // namespace ent110
