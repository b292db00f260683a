// SPDX-License-Identifier: MIT
// The case clocks follow the calendar: a load or an override judges again every clock, running or
// stopped, whose count passes over a changed day (and withdraws a referral made on a date that no
// longer holds).
#pragma once

#include <ent110/calendar/deadlines.hpp>

#include <string>

namespace ent110 {

class Store;
class Zone;
struct Config;

/// The CalendarFollower of the case clocks; pass it to load_holidays and set_override.
class CaseClockFollower final : public CalendarFollower {
 public:
  /// Follows for `actor` (who withdraws a referral the change proves wrong).
  CaseClockFollower(Store& store, const Config& config, const Zone& zone, std::string actor);
  std::vector<MovedDueDate> follow(const WorkingCalendar& after,
                                   const std::vector<LocalDate>& changed) override;

 private:
  Store& m_store;
  const Config& m_config;
  const Zone& m_zone;
  std::string m_actor;
};

}  // namespace ent110
