// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/calendar/calendar.hpp>
#include <ent110/calendar/deadlines.hpp>
#include <ent110/calendar/holiday_file.hpp>
#include <ent110/core/time.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// What loading holiday files did.
struct LoadSummary {
  std::int64_t revision = 0;        ///< the calendar revision after the load
  bool changed = true;              ///< false when the stored schedule was already identical
  std::vector<int> years;           ///< the years loaded, in order
  std::vector<MovedDueDate> moved;  ///< due dates and verdicts that the new schedule moved
};

/// Stores `schedules` inside the caller's transaction: each replaces its year (other stored years
/// stay), a new revision is recorded and `follower` (when given) recounts and judges again what
/// counts over the days that changed. With `only_if_changed`, a set identical to what is stored
/// writes nothing. Each year stored is an audit event by `actor` (authorised by the caller).
/// Throws BadInput when a day is already stated by another stored year's file.
LoadSummary store_holiday_schedules(Store& store,
                                    const std::vector<HolidaySchedule>& schedules,
                                    const Actor& actor,
                                    Instant now,
                                    CalendarFollower* follower,
                                    bool only_if_changed = false);

/// `calendar load`: reads `paths` (files or directories; the compiled-in copy when empty),
/// validates them all, then stores them in one transaction. Nothing is stored when any file is
/// invalid (BadInput naming `file:line:col`).
LoadSummary load_holidays(Store& store,
                          const std::vector<std::filesystem::path>& paths,
                          const Actor& actor,
                          Instant now,
                          CalendarFollower* follower);

/// What `calendar set` may make of a day.
enum class OverrideChoice {
  work,      ///< a working day whatever the schedule says (local-work)
  off,       ///< closed whatever the schedule says (local-off)
  official,  ///< remove the local override: the official schedule and weekend rule apply again
};

/// Parses "work", "off" or "official"; nullopt for anything else.
std::optional<OverrideChoice> parse_override_choice(std::string_view text);

/// What `calendar set` did.
struct OverrideSummary {
  CalendarDay day;                  ///< the day as it now stands
  std::int64_t revision = 0;        ///< the calendar revision the override made
  std::vector<MovedDueDate> moved;  ///< due dates and verdicts counted over the day that moved
};

/// Records a local override of `day` with `reason` (non-empty, else UsageError), `actor` and
/// `now`, as a new calendar revision and an audit event, and lets `follower` (when given)
/// recount and judge again what counts over `day`, in one transaction. Refuses (NotFound) to
/// remove an override that does not exist.
OverrideSummary set_override(Store& store,
                             LocalDate day,
                             OverrideChoice choice,
                             const std::string& reason,
                             const Actor& actor,
                             Instant now,
                             CalendarFollower* follower);

/// The month from which a missing schedule for next year is worth a warning: the State Council
/// has published each year's notice between late October and mid-December of the year before.
inline constexpr unsigned k_next_year_warning_month = 11;

/// What `calendar check` reports.
struct CalendarCheck {
  std::vector<CalendarYear> loaded;      ///< loaded years with their notices, in order
  std::vector<int> missing;              ///< years without a schedule, from the first loaded year
                                         ///< to the year of `today`
  std::optional<int> next_year_missing;  ///< next year, when it is November or later and missing
  std::size_t overrides = 0;             ///< local overrides in force
  std::int64_t revision = 0;
};

/// Judges which years `calendar` covers as seen on `today`.
CalendarCheck check_calendar(const WorkingCalendar& calendar, LocalDate today);

}  // namespace ent110
