// SPDX-License-Identifier: MIT
#include <ent110/cases/case_repo.hpp>
#include <ent110/cases/clock_rules.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/dialect.hpp>
#include <ent110/store/store.hpp>
#include <ent110/triage/triage_repo.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>

namespace ent110 {
namespace {

// Case columns first, then the clock's (case_repo.hpp), so that a case without a clock (LEFT
// JOIN) reads as NULLs at the end. sqlite_index_off on `k.name` keeps SQLite off indexes led by
// the name (case_clock_by_due), which would walk every stopped clock of the past as well.
constexpr std::string_view k_case_columns =
    "c.id, c.state, c.type, c.major, c.unit, e.name, c.title, c.answer_at";
constexpr int k_first_clock_column = 8;

// "'forward', 'government', 'review'": the clocks that `owners` owe (clock_rules.cpp), for IN.
std::string clock_names_owed_by(std::initializer_list<ClockOwner> owners) {
  std::string list;
  for (const ClockRule& rule : clock_rules()) {
    if (std::find(owners.begin(), owners.end(), rule.owner) != owners.end()) {
      list += fmt::format("{}'{}'", list.empty() ? "" : ", ", to_string(rule.clock));
    }
  }
  return list;
}

template <typename T>
T stored(std::optional<T> value, const char* column, const std::string& text) {
  if (!value) {
    throw StoreError(MessageId::case_stored_value_bad, {column, text});
  }
  return *value;
}

TriageRow triage_row_from(const Statement& row) {
  TriageRow case_row;
  case_row.case_id = row.text(0);
  const std::string state = row.text(1);
  case_row.state = stored(parse_state(state), "case_file.state", state);
  const std::string type = row.text(2);
  case_row.type = stored(parse_case_type(type), "case_file.type", type);
  case_row.major = row.int32(3) != 0;
  case_row.unit = row.optional_text(4).value_or("");
  case_row.enterprise = row.text(5);
  case_row.title = row.text(6);
  if (const std::optional<std::string> answered = row.optional_text(7)) {
    case_row.answered_at = parse_utc(*answered);
  }
  if (!row.is_null(k_first_clock_column)) {
    case_row.clock = clock_from_row(row, k_first_clock_column);
  }
  return case_row;
}

// " AND EXISTS (…)" narrowing case `c` to `served_by`, over placeholders ?first and ?first+1;
// empty without `served_by`.
std::string served_condition(const std::optional<ServedBy>& served_by, int first) {
  if (!served_by) {
    return {};
  }
  return " AND " + served_by_officer("?" + std::to_string(first), "?" + std::to_string(first + 1));
}

void bind_served(Statement& select, const std::optional<ServedBy>& served_by, int first) {
  if (served_by) {
    select.bind(first, served_by->officer);
    select.bind(first + 1, format_date(served_by->day));
  }
}

}  // namespace

TriageRows office_running_clocks(Store& store,
                                 std::string_view office_unit,
                                 LocalDate today,
                                 const std::optional<ServedBy>& served_by) {
  const std::string sql = fmt::format(
      "SELECT {}, {} FROM case_clock k JOIN case_file c ON c.id = k.case_id "
      "JOIN enterprise e ON e.id = c.enterprise "
      "WHERE k.outcome = 'running' AND k.unit = ?1 "
      "AND {}k.name IN ({}) "
      "AND (k.name <> 'forward' OR k.due <= ?2){}",
      k_case_columns, clock_columns(), dialect::sqlite_index_off(store.engine()),
      clock_names_owed_by({ClockOwner::office}), served_condition(served_by, 3));
  Statement select(store, sql);
  select.bind(1, office_unit);
  select.bind(2, format_date(today));
  bind_served(select, served_by, 3);
  return TriageRows(std::move(select), triage_row_from);
}

TriageRows unit_running_clocks(Store& store,
                               LocalDate next_working_day,
                               LocalDate today,
                               const std::optional<std::string>& unit,
                               const std::optional<ServedBy>& served_by) {
  const int served_first = unit ? 4 : 3;
  const std::string sql = fmt::format(
      "SELECT {}, {} FROM case_clock k JOIN case_file c ON c.id = k.case_id "
      "JOIN enterprise e ON e.id = c.enterprise "
      "WHERE k.outcome = 'running' AND k.due <= ?1{} "
      "AND {}k.name IN ({}) "
      "AND NOT (k.name = 'explain' AND k.due < ?2){}",
      k_case_columns, clock_columns(), unit ? " AND k.unit = ?3" : "",
      dialect::sqlite_index_off(store.engine()),
      clock_names_owed_by({ClockOwner::lead_unit, ClockOwner::co_unit}),
      served_condition(served_by, served_first));
  Statement select(store, sql);
  select.bind(1, format_date(next_working_day));
  select.bind(2, format_date(today));
  if (unit) {
    select.bind(3, *unit);
  }
  bind_served(select, served_by, served_first);
  return TriageRows(std::move(select), triage_row_from);
}

TriageRows cases_awaiting_decision(Store& store,
                                   const std::optional<std::string>& unit,
                                   const std::optional<ServedBy>& served_by) {
  const int served_first = unit ? 2 : 1;
  const std::string sql = fmt::format(
      "SELECT {}, {} FROM case_file c JOIN enterprise e ON e.id = c.enterprise "
      "LEFT JOIN case_clock k ON k.id = (SELECT p.id FROM case_clock p WHERE p.case_id = c.id "
      "AND p.name = 'reply' AND p.outcome = 'paused' ORDER BY p.id DESC LIMIT 1) "
      "WHERE {}{}",
      k_case_columns, clock_columns(),
      // A duplicate waits on its primary's decision, not on one of its own.
      unit ? "c.unit = ?1 AND c.state = 'explained' AND c.merged_into IS NULL"
           : "c.state IN ('explained', 'escalated', 'disputed') AND c.merged_into IS NULL",
      served_condition(served_by, served_first));
  Statement select(store, sql);
  if (unit) {
    select.bind(1, *unit);
  }
  bind_served(select, served_by, served_first);
  return TriageRows(std::move(select), triage_row_from);
}

TriageRows answered_since(Store& store, Instant since, const std::optional<ServedBy>& served_by) {
  // No clock counts the rating: a NULL where the clock's id would be reads as none.
  Statement select(store, fmt::format("SELECT {}, NULL FROM case_file c {} "
                                      "JOIN enterprise e ON e.id = c.enterprise "
                                      "WHERE c.state = 'answered' AND c.answer_at >= ?1{}",
                                      k_case_columns,
                                      dialect::indexed_by(store.engine(), "case_answered_by_date"),
                                      served_condition(served_by, 2)));
  select.bind(1, format_utc(since));
  bind_served(select, served_by, 2);
  return TriageRows(std::move(select), triage_row_from);
}

}  // namespace ent110
