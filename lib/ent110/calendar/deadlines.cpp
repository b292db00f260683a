// SPDX-License-Identifier: MIT
#include <ent110/calendar/deadlines.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/store.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <functional>
#include <variant>

namespace ent110 {
namespace {

using RowKey = std::variant<std::int64_t, std::string>;

struct CountedRow {
  RowKey key;
  std::string label;
  LocalDate start;
  int working_days;
  LocalDate due;
};

std::string key_text(const RowKey& key) {
  return std::holds_alternative<std::int64_t>(key) ? std::to_string(std::get<std::int64_t>(key))
                                                   : std::get<std::string>(key);
}

LocalDate stored_date(const SQLite::Column& column, std::string_view table) {
  const std::string text = column.getString();
  if (auto day = try_parse_date(text)) {
    return *day;
  }
  throw StoreError(MessageId::calendar_stored_date_bad, {std::string(table), text});
}

// The rows of `t` with a working-day count (not a fixed --due) that satisfy `condition`, whose
// placeholders `bind` fills.
std::vector<CountedRow> counted_rows(Store& store,
                                     const DeadlineColumns& t,
                                     const std::string& condition,
                                     const std::function<void(SQLite::Statement&)>& bind) {
  const std::string sql = fmt::format(
      "SELECT {key}, {label}, {start}, {n}, {due} FROM {table} "
      "WHERE ({condition}) AND {n} IS NOT NULL{extra} ORDER BY {due}, {key}",
      fmt::arg("key", t.key), fmt::arg("label", t.label), fmt::arg("start", t.start),
      fmt::arg("n", t.working_days), fmt::arg("due", t.due), fmt::arg("table", t.table),
      fmt::arg("condition", condition),
      fmt::arg("extra", t.where.empty() ? std::string() : fmt::format(" AND ({})", t.where)));
  SQLite::Statement query(store.db(), sql);
  bind(query);
  std::vector<CountedRow> rows;
  while (query.executeStep()) {
    const SQLite::Column key = query.getColumn(0);
    rows.push_back(CountedRow{key.isInteger() ? RowKey{key.getInt64()} : RowKey{key.getString()},
                              query.getColumn(1).getString(),
                              stored_date(query.getColumn(2), t.table), query.getColumn(3).getInt(),
                              stored_date(query.getColumn(4), t.table)});
  }
  return rows;
}

// Counts each of `rows` of `t` again with `calendar`, stores the due date and its provisional
// flag, and appends the rows whose date moved to `moved`.
void recount(Store& store,
             const WorkingCalendar& calendar,
             const DeadlineColumns& t,
             const std::vector<CountedRow>& rows,
             std::vector<MovedDueDate>& moved) {
  SQLite::Statement update(store.db(), fmt::format("UPDATE {} SET {} = ?, {} = ? WHERE {} = ?",
                                                   t.table, t.due, t.provisional, t.key));
  for (const CountedRow& row : rows) {
    // Days to count are n ≥ 1 by the rules; a stored 0 or less keeps its date.
    if (row.working_days < 1) {
      continue;
    }
    const DueDate due = calendar.due_after(row.start, row.working_days);
    update.bind(1, format_date(due.date));
    update.bind(2, due.provisional ? 1 : 0);
    if (std::holds_alternative<std::int64_t>(row.key)) {
      update.bind(3, std::get<std::int64_t>(row.key));
    } else {
      update.bind(3, std::get<std::string>(row.key));
    }
    update.exec();
    update.reset();
    if (due.date != row.due) {
      moved.push_back(MovedDueDate{std::string(t.table), key_text(row.key), row.label, row.due,
                                   due.date, due.provisional});
    }
  }
}

}  // namespace

std::vector<MovedDueDate> recompute_provisional(Store& store,
                                                const WorkingCalendar& calendar,
                                                std::span<const DeadlineColumns> tables) {
  std::vector<MovedDueDate> moved;
  for (const DeadlineColumns& t : tables) {
    const std::string condition = fmt::format("{} = 1", t.provisional);
    recount(store, calendar, t, counted_rows(store, t, condition, [](SQLite::Statement&) {}),
            moved);
  }
  return moved;
}

std::vector<MovedDueDate> recompute_across(Store& store,
                                           const WorkingCalendar& calendar,
                                           std::span<const DeadlineColumns> tables,
                                           LocalDate day) {
  std::vector<MovedDueDate> moved;
  const std::string day_text = format_date(day);
  for (const DeadlineColumns& t : tables) {
    const std::string condition = fmt::format("{} < ?1 AND {} >= ?1", t.start, t.due);
    recount(store, calendar, t,
            counted_rows(store, t, condition,
                         [&](SQLite::Statement& query) { query.bind(1, day_text); }),
            moved);
  }
  return moved;
}

}  // namespace ent110
