// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/core/time.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// How a day counts, judged in layers: local override, official schedule, weekend rule.
enum class DayKind {
  workday,           ///< Monday–Friday with nothing else said
  weekend,           ///< Saturday or Sunday with nothing else said
  holiday,           ///< a day off in the State Council's schedule
  adjusted_workday,  ///< a Saturday or Sunday the schedule makes a working day (调休)
  local_off,         ///< closed by a local override (`calendar set DATE off`)
  local_work,        ///< working by a local override (`calendar set DATE work`)
};

/// The JSON spelling of `kind` ("adjusted-workday", …).
std::string_view to_string(DayKind kind);
/// Whether a day of `kind` is a working day.
bool is_working(DayKind kind);

/// The working-day calendar of one database revision. Built by load_calendar; immutable.
class WorkingCalendar {
 public:
  /// The kind of `day` (override → official schedule → weekend rule).
  DayKind kind_of(LocalDate day) const;
  /// Whether `day` is a working day.
  bool is_working_day(LocalDate day) const;
  /// The `n`-th working day strictly after `from` (from itself never counts; n ≥ 1), the rules'
  /// "within n working days" (PRC Civil Code Art. 201, 203). O(1).
  LocalDate add_working_days(LocalDate from, int n) const;
  /// Working days after `from` up to and including `to` (0 when to ≤ from). O(1).
  int working_days_between(LocalDate from, LocalDate to) const;
  /// Whether an answer involving days up to `day` rests on the weekend rule alone because the
  /// official schedule of `day`'s year is not loaded.
  bool is_provisional(LocalDate day) const;
  // The implementation adds what it needs below (constructor, years loaded, revision, …).
};

/// The calendar as stored in `store` (official schedule and overrides).
WorkingCalendar load_calendar(Store& store);

}  // namespace ent110
