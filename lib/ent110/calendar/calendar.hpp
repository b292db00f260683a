// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/core/time.hpp>

#include <cstdint>
#include <map>
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
  holiday,           ///< a day off in the State Council's schedule (a weekend day inside its
                     ///< block of days off too: the block, not the weekend rule, names it)
  adjusted_workday,  ///< a Saturday or Sunday the schedule makes a working day (调休)
  local_off,         ///< closed by a local override (`calendar set DATE off`)
  local_work,        ///< working by a local override (`calendar set DATE work`)
};

/// The JSON spelling of `kind` ("adjusted-workday", …).
std::string_view to_string(DayKind kind);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<DayKind> parse_day_kind(std::string_view text);
/// Whether a day of `kind` is a working day.
bool is_working(DayKind kind);
/// Whether `day` is a Saturday or a Sunday (the weekend rule).
bool is_weekend(LocalDate day);

/// One year of the official schedule as loaded, with its provenance.
struct CalendarYear {
  int year = 0;
  std::string file;        ///< the file as named when loaded, e.g. "holidays/2025.toml"
  std::string notice;      ///< e.g. "国办发明电〔2024〕12号"
  std::string title;       ///< the notice's title
  LocalDate issued;        ///< the notice's date
  std::string url;         ///< where the notice can be read
  std::string amendments;  ///< later notices that changed the year, "; "-separated, or empty
};

/// A day the official schedule names: a day off (`holiday`) or a made-up working day
/// (`adjusted_workday`); a weekend day inside a block of days off is a `holiday`.
struct OfficialDay {
  LocalDate date;
  DayKind kind = DayKind::holiday;
  std::string name;     ///< the festival, as the notice names it (Chinese)
  std::string name_en;  ///< the festival in English
  int year = 0;         ///< the schedule (file year) that states the day
};

/// A local override in force (`calendar set`).
struct LocalOverride {
  LocalDate date;
  DayKind kind = DayKind::local_off;  ///< local_off or local_work
  std::string reason;
  std::string actor;
  Instant at;
};

/// One day as `calendar show` presents it.
struct CalendarDay {
  LocalDate date;
  DayKind kind = DayKind::workday;
  std::string name;     ///< the festival of an official day (also under an override), else empty
  std::string name_en;  ///< the festival in English, else empty
  std::string reason;   ///< the reason of a local override, else empty
  bool provisional = false;  ///< the day's year has no official schedule loaded
};

/// A due date with the flag saying whether it rests on the weekend rule somewhere.
struct DueDate {
  LocalDate date;
  bool provisional = false;
};

/// The working-day calendar of one database revision. Built by load_calendar; immutable.
/// Every query is O(1) (or O(log years)): a per-day kind table over the span of loaded years and
/// overrides, a prefix count of its working days, and closed forms of the weekend rule outside it.
class WorkingCalendar {
 public:
  /// A calendar with no official schedule and no overrides: the weekend rule alone.
  WorkingCalendar();
  /// A calendar of the given layers; `years` are the loaded schedules, `days` their non-default
  /// days, `overrides` the local overrides in force, `revision` the stored calendar revision.
  WorkingCalendar(std::vector<CalendarYear> years,
                  std::vector<OfficialDay> days,
                  std::vector<LocalOverride> overrides,
                  std::int64_t revision);

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

  /// Whether some day after `from` up to and including `to` lies in a year whose official
  /// schedule is not loaded (false when to ≤ from). O(years).
  bool is_provisional_between(LocalDate from, LocalDate to) const;
  /// add_working_days(`from`, `n`) with is_provisional_between(`from`, that date).
  DueDate due_after(LocalDate from, int n) const;

  /// Every day from `first` to `last` inclusive, with kind, festival and override reason.
  std::vector<CalendarDay> days_between(LocalDate first, LocalDate last) const;
  /// Every day of `year`.
  std::vector<CalendarDay> days_of(int year) const;
  /// Every day of `month`.
  std::vector<CalendarDay> days_of(date::year_month month) const;

  /// The loaded years of the official schedule, in order, with their provenance.
  const std::vector<CalendarYear>& years() const { return m_years; }
  /// Whether the official schedule of `year` is loaded.
  bool is_year_loaded(int year) const;
  /// The local overrides in force, by date.
  const std::map<LocalDate, LocalOverride>& overrides() const { return m_overrides; }
  /// The stored calendar revision this calendar was built from (0: nothing ever loaded).
  std::int64_t revision() const { return m_revision; }

 private:
  /// Working days in [epoch, day) counted with every layer (negative before the epoch).
  std::int64_t working_index(LocalDate day) const;
  /// The working day whose working_index is `index`.
  LocalDate working_day_at(std::int64_t index) const;

  std::vector<CalendarYear> m_years;
  std::vector<int> m_year_numbers;  ///< sorted, for binary search
  std::map<LocalDate, OfficialDay> m_official;
  std::map<LocalDate, LocalOverride> m_overrides;
  std::int64_t m_revision = 0;

  LocalDate m_span_start;                       ///< first day of the dense span
  std::vector<DayKind> m_kinds;                 ///< kind of each day of the span
  std::vector<std::int32_t> m_prefix;           ///< working days in [span start, span start + i)
  std::vector<std::int32_t> m_working;          ///< offsets of the span's working days, in order
  std::int64_t m_index_at_span_start = 0;       ///< working_index(m_span_start)
  std::int64_t m_index_at_span_end = 0;         ///< working_index(first day after the span)
  std::int64_t m_weekend_rule_at_span_end = 0;  ///< weekend-rule index of that day
};

/// The calendar as stored in `store` (official schedule and overrides).
WorkingCalendar load_calendar(Store& store);

}  // namespace ent110
