// SPDX-License-Identifier: MIT
#include <ent110/cases/case_repo.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/dialect.hpp>
#include <ent110/store/store.hpp>
#include <ent110/triage/triage_repo.hpp>

#include <fmt/format.h>

#include <variant>

namespace ent110 {
namespace {

// Case columns first, then the clock's (case_repo.hpp), so that a case without a clock (LEFT
// JOIN) reads as NULLs at the end.
constexpr std::string_view k_case_columns =
    "c.id, c.state, c.type, c.major, c.unit, e.name, c.title, c.answer_at";
constexpr int k_first_clock_column = 8;

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

// The conditions of one query and the values of their placeholders, numbered as they are added.
class Conditions {
 public:
  void add(std::string_view condition) { m_sql += fmt::format(" AND {}", condition); }
  // The placeholder of `value`.
  std::string operator()(std::variant<std::int64_t, std::string> value) {
    m_values.push_back(std::move(value));
    return "?" + std::to_string(m_values.size());
  }
  void served(const std::optional<ServedBy>& served_by) {
    if (served_by) {
      const std::string officer = (*this)(served_by->officer);
      add(served_by_officer(officer, (*this)(format_date(served_by->day))));
    }
  }
  std::string limit(const std::optional<std::int64_t>& limit) {
    return limit ? " LIMIT " + (*this)(*limit) : std::string();
  }
  const std::string& sql() const { return m_sql; }
  void bind(Statement& select) const {
    for (std::size_t i = 0; i < m_values.size(); ++i) {
      std::visit([&](const auto& value) { select.bind(static_cast<int>(i + 1), value); },
                 m_values[i]);
    }
  }

 private:
  std::string m_sql;
  std::vector<std::variant<std::int64_t, std::string>> m_values;
};

// "'reply', 'resubmit'": clock names for IN; they come from the enum, never from input.
std::string quoted_names(const std::vector<ClockName>& names) {
  std::string list;
  for (ClockName name : names) {
    list += fmt::format("{}'{}'", list.empty() ? "" : ", ", to_string(name));
  }
  return list;
}

std::string quoted_states(const std::vector<State>& states) {
  std::string list;
  for (State state : states) {
    list += fmt::format("{}'{}'", list.empty() ? "" : ", ", to_string(state));
  }
  return list;
}

// The FROM and WHERE of running_clocks. sqlite_index_off on `k.name` keeps SQLite on the index
// that bounds the unit and the due date, never on one led by the name, which would walk every
// clock of that name whatever its due date. `with_case` joins the case and its enterprise, for
// their columns; the officer's narrowing joins the case whatever it says.
std::string running_clocks_where(Store& store,
                                 const RunningClocks& query,
                                 Conditions& where,
                                 bool with_case) {
  if (query.unit) {
    where.add("k.unit = " + where(*query.unit));
  }
  if (query.due_from) {
    where.add("k.due >= " + where(format_date(*query.due_from)));
  }
  if (query.due_to) {
    where.add("k.due <= " + where(format_date(*query.due_to)));
  }
  where.add(fmt::format("{}k.name IN ({})", dialect::sqlite_index_off(store.engine()),
                        quoted_names(query.names)));
  if (query.unreferred_only) {
    where.add("k.referred_at IS NULL");
  }
  where.served(query.served_by);
  return fmt::format(
      "FROM case_clock k {}WHERE k.outcome = 'running'{}",
      with_case || query.served_by
          ? "JOIN case_file c ON c.id = k.case_id JOIN enterprise e ON e.id = c.enterprise "
          : "",
      where.sql());
}

// The FROM and WHERE of cases_awaiting_decision: the latest reply clock the explanation or
// dispute paused, if any.
std::string decision_cases_where(const CasesAwaitingDecision& query, Conditions& where) {
  if (query.case_unit) {
    where.add("c.unit = " + where(*query.case_unit));
  }
  if (query.clock_unit) {
    where.add("k.unit = " + where(*query.clock_unit));
  }
  if (query.due_before) {
    where.add("k.due < " + where(format_date(*query.due_before)));
  }
  where.served(query.served_by);
  // A duplicate waits on its primary's decision, not on one of its own.
  return fmt::format(
      "FROM case_file c JOIN enterprise e ON e.id = c.enterprise "
      "LEFT JOIN case_clock k ON k.id = (SELECT p.id FROM case_clock p WHERE p.case_id = c.id "
      "AND p.name = 'reply' AND p.outcome = 'paused' ORDER BY p.id DESC LIMIT 1) "
      "WHERE c.state IN ({}) AND c.merged_into IS NULL{}",
      quoted_states(query.states), where.sql());
}

}  // namespace

TriageRows running_clocks(Store& store, const RunningClocks& query) {
  Conditions where;
  const std::string from = running_clocks_where(store, query, where, true);
  Statement select(store,
                   fmt::format("SELECT {}, {} {} ORDER BY k.due, c.id, k.id{}", k_case_columns,
                               clock_columns(), from, where.limit(query.limit)));
  where.bind(select);
  return TriageRows(std::move(select), triage_row_from);
}

std::int64_t count_running_clocks(Store& store, const RunningClocks& query) {
  Conditions where;
  // Every clock has its case and every case its enterprise (foreign keys): counting the clocks
  // need not read them.
  const std::string from = running_clocks_where(store, query, where, false);
  Statement count(store, "SELECT COUNT(*) " + from);
  where.bind(count);
  return count.scalar_int64();
}

std::optional<std::string> next_unit_with_running_clock(Store& store, std::string_view after) {
  Statement select(store,
                   "SELECT k.unit FROM case_clock k WHERE k.outcome = 'running' AND k.unit > ?1 "
                   "ORDER BY k.unit LIMIT 1");
  select.bind(1, after);
  if (!select.step()) {
    return std::nullopt;
  }
  return select.text(0);
}

TriageRows cases_awaiting_decision(Store& store, const CasesAwaitingDecision& query) {
  Conditions where;
  const std::string from = decision_cases_where(query, where);
  Statement select(store,
                   fmt::format("SELECT {}, {} {} ORDER BY CASE WHEN k.due IS NULL THEN 1 "
                               "ELSE 0 END, k.due, c.id{}",
                               k_case_columns, clock_columns(), from, where.limit(query.limit)));
  where.bind(select);
  return TriageRows(std::move(select), triage_row_from);
}

std::vector<std::string> units_owing_decision_clocks(Store& store,
                                                     const CasesAwaitingDecision& query) {
  Conditions where;
  const std::string from = decision_cases_where(query, where);
  Statement select(store, fmt::format("SELECT DISTINCT k.unit {} AND k.unit IS NOT NULL "
                                      "ORDER BY k.unit",
                                      from));
  where.bind(select);
  std::vector<std::string> units;
  while (select.step()) {
    units.push_back(select.text(0));
  }
  return units;
}

TriageRows answered_since(Store& store, Instant since, const std::optional<ServedBy>& served_by) {
  Conditions where;
  const std::string answered_from = where(format_utc(since));
  where.served(served_by);
  // No clock counts the rating: a NULL where the clock's id would be reads as none.
  Statement select(store, fmt::format("SELECT {}, NULL FROM case_file c {} "
                                      "JOIN enterprise e ON e.id = c.enterprise "
                                      "WHERE c.state = 'answered' AND c.answer_at >= {}{}",
                                      k_case_columns,
                                      dialect::indexed_by(store.engine(), "case_answered_by_date"),
                                      answered_from, where.sql()));
  where.bind(select);
  return TriageRows(std::move(select), triage_row_from);
}

}  // namespace ent110
