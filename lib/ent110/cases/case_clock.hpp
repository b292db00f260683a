// SPDX-License-Identifier: MIT
// The six clocks of the rules (spec/rules.md, clock table): what they count, their limits and
// how their status is judged against "now".
#pragma once

#include <ent110/cases/state.hpp>
#include <ent110/core/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class WorkingCalendar;

/// Which deadline a clock counts.
enum class ClockName {
  forward,     ///< the office forwards within 1 working day of receipt (Art. 7)
  reply,       ///< the unit replies: consult 1, coordinate 5 working days (Art. 7)
  explain,     ///< a coordinate unit explains within 3 working days if it cannot finish (Art. 7)
  government,  ///< a major case is reported to the government within 2 working days (Art. 8)
  review,      ///< the office reviews a submitted result (Art. 6; config clocks.review_days)
  resubmit,    ///< the unit resubmits a returned result (Art. 6; config resubmit_days)
  assist,      ///< a co-unit contributes to the lead unit (Art. 6 相关单位; config assist_days)
};

/// What is stored about a clock's course; its status is derived from it and "now".
enum class ClockOutcome {
  running,    ///< counting
  paused,     ///< stopped by an explanation or a dispute, waiting for the office's decision
  met,        ///< stopped on or before its due date
  missed,     ///< stopped after its due date
  cancelled,  ///< no longer owed (case forwarded elsewhere, answered by the office, …)
};

/// A clock's status as shown (spec/cli.md).
enum class ClockStatus { open, due_today, overdue, met, missed, paused, cancelled };

/// One clock of a case.
struct Clock {
  std::int64_t id = 0;
  std::string case_id;
  ClockName name = ClockName::forward;
  std::string unit;                 ///< who owes the action: the office, the lead or a co-unit
  int round = 0;                    ///< 0 for the first handling, n for the n-th redo (重办)
  Instant started_at;               ///< the instant of the event that started it
  LocalDate started;                ///< its local date; counting starts the day after
  std::optional<int> working_days;  ///< the limit; nullopt for a fixed `--due` date
  LocalDate due;                    ///< the last day on which the action is on time
  std::optional<LocalDate> stopped;
  ClockOutcome outcome = ClockOutcome::running;
  bool provisional = false;            ///< due lies past the loaded official schedule
  std::optional<Instant> referred_at;  ///< when the late unit was referred to inspection
};

/// "forward", "reply", …
std::string_view to_string(ClockName name);
/// "running", "paused", "met", "missed", "cancelled".
std::string_view to_string(ClockOutcome outcome);
/// "open", "due-today", "overdue", "met", "missed", "paused", "cancelled".
std::string_view to_string(ClockStatus status);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<ClockName> parse_clock_name(std::string_view text);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<ClockOutcome> parse_clock_outcome(std::string_view text);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<ClockStatus> parse_clock_status(std::string_view text);
/// Every clock name spelling.
std::vector<std::string> clock_names();
/// Every clock status spelling.
std::vector<std::string> clock_status_names();

/// The status of `clock` on local date `today`: a running clock is `open` before its due date,
/// `due-today` on it and `overdue` after it.
ClockStatus status_at(const Clock& clock, LocalDate today);

/// Whether an action on local date `day` is on time for a clock due on `due` (day ≤ due).
bool on_time(LocalDate day, LocalDate due);

/// For a running clock: working days from `today` to its due date (0 when due today), negative
/// when late (minus the working days after the due date up to and including today); nullopt for
/// a clock that is not running.
std::optional<int> working_days_left(const Clock& clock,
                                     LocalDate today,
                                     const WorkingCalendar& calendar);

}  // namespace ent110
