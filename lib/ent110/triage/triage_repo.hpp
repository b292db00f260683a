// SPDX-License-Identifier: MIT
// The SQL of daily triage: one query per section, each bounded by the unit and due-date range of
// the section so that it starts from an index (the partial indexes of running clocks,
// case_clock_running_by_unit and case_clock_running_by_due; case_by_state or
// case_answered_by_date) and hands its rows out in the order the section lists them, one at a
// time, in the caller's read or transaction.
#pragma once

#include <ent110/cases/case_clock.hpp>
#include <ent110/cases/state.hpp>
#include <ent110/core/time.hpp>
#include <ent110/store/cursor.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// A case as triage reads it, with the clock that may put it in a section.
struct TriageRow {
  std::string case_id;
  State state = State::received;
  CaseType type = CaseType::consult;
  bool major = false;
  std::string unit;  ///< the case's lead unit; empty before forwarding
  std::string enterprise;
  std::string title;
  std::optional<Instant> answered_at;  ///< when the answer was published, if it was
  std::optional<Clock> clock;          ///< nullopt when the query joins no clock to the case
};

/// The rows of one triage query, read one at a time.
using TriageRows = Cursor<TriageRow>;

/// Narrows a triage query to the cases of the enterprises and projects officer `officer` serves
/// on `day` (点对点服务, Art. 3).
struct ServedBy {
  std::int64_t officer = 0;
  LocalDate day;
};

/// Running clocks of some names, owed by one unit (or any), due in an inclusive range.
struct RunningClocks {
  std::optional<std::string> unit;  ///< the unit that owes the clock; any when nullopt
  std::vector<ClockName> names;
  std::optional<LocalDate> due_from;
  std::optional<LocalDate> due_to;
  bool unreferred_only = false;  ///< only clocks never referred to inspection
  std::optional<ServedBy> served_by;
  std::optional<std::int64_t> limit;  ///< at most this many rows
};

/// The clocks `query` selects, by due date, then case id, then clock.
TriageRows running_clocks(Store& store, const RunningClocks& query);

/// How many clocks `query` selects (its limit aside).
std::int64_t count_running_clocks(Store& store, const RunningClocks& query);

/// The first unit after `after` (by code) that owes a running clock, or nullopt after the last:
/// one index step per unit however many clocks each owes.
std::optional<std::string> next_unit_with_running_clock(Store& store, std::string_view after);

/// Cases waiting on a decision, each with the latest reply clock its explanation or dispute
/// paused, if any.
struct CasesAwaitingDecision {
  std::vector<State> states;
  std::optional<std::string> case_unit;  ///< only the cases led by this unit
  /// Only the cases whose paused reply clock is owed by this unit and due before `due_before`.
  std::optional<std::string> clock_unit;
  std::optional<LocalDate> due_before;
  std::optional<ServedBy> served_by;
  std::optional<std::int64_t> limit;  ///< at most this many rows
};

/// The cases `query` selects, by the paused clock's due date (cases without one last), then id.
TriageRows cases_awaiting_decision(Store& store, const CasesAwaitingDecision& query);

/// The units owing the paused reply clocks of the cases `query` selects, by code.
std::vector<std::string> units_owing_decision_clocks(Store& store,
                                                     const CasesAwaitingDecision& query);

/// The answered cases whose answer was published at or after `since`, without a clock.
TriageRows answered_since(Store& store, Instant since, const std::optional<ServedBy>& served_by);

}  // namespace ent110
