// SPDX-License-Identifier: MIT
// The SQL of daily triage: the running clocks, the cases waiting on a decision and the answers
// waiting for a rating, each read row by row in the caller's read or transaction. Every query
// starts from an index: the partial indexes of running clocks (case_clock_running_by_unit,
// case_clock_running_by_due), case_by_state/case_by_unit or case_answered_by_date.
#pragma once

#include <ent110/cases/case_clock.hpp>
#include <ent110/cases/state.hpp>
#include <ent110/core/time.hpp>
#include <ent110/store/cursor.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

/// The office's running clocks: forward clocks due on or before `today`, and every government
/// and review clock.
TriageRows office_running_clocks(Store& store,
                                 std::string_view office_unit,
                                 LocalDate today,
                                 const std::optional<ServedBy>& served_by);

/// The running clocks of lead and co-units (of `unit` only, when given) due on or before
/// `next_working_day`, except explain clocks already late on `today`.
TriageRows unit_running_clocks(Store& store,
                               LocalDate next_working_day,
                               LocalDate today,
                               const std::optional<std::string>& unit,
                               const std::optional<ServedBy>& served_by);

/// The explained, escalated and disputed cases (only `unit`'s explained cases, when given), each
/// with the latest reply clock its explanation or dispute paused, if any.
TriageRows cases_awaiting_decision(Store& store,
                                   const std::optional<std::string>& unit,
                                   const std::optional<ServedBy>& served_by);

/// Each query below is narrowed by `served_by` when given.
///
/// The answered cases whose answer was published at or after `since`, without a clock.
TriageRows answered_since(Store& store, Instant since, const std::optional<ServedBy>& served_by);

}  // namespace ent110
