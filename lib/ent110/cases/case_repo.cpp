// SPDX-License-Identifier: MIT
#include <ent110/cases/case_repo.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/store.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

namespace ent110 {
namespace {

constexpr std::string_view k_clock_columns =
    "k.id, k.case_id, k.name, k.unit, k.round, k.started_at, k.started, k.working_days, k.due, "
    "k.stopped, k.outcome, k.provisional, k.referred_at";
constexpr int k_clock_column_count = 13;

template <typename T>
T stored(std::optional<T> value, const char* column, const std::string& text) {
  if (!value) {
    throw StoreError(MessageId::case_stored_value_bad, {column, text});
  }
  return *value;
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
  return column.isNull() ? std::nullopt : std::optional<std::string>(column.getString());
}

LocalDate stored_date(const SQLite::Column& column) {
  const std::string text = column.getString();
  return stored(try_parse_date(text), "date", text);
}

// Reads the clock columns of k_clock_columns starting at `first`.
Clock clock_from_row(SQLite::Statement& query, int first) {
  Clock clock;
  clock.id = query.getColumn(first).getInt64();
  clock.case_id = query.getColumn(first + 1).getString();
  const std::string name = query.getColumn(first + 2).getString();
  clock.name = stored(parse_clock_name(name), "case_clock.name", name);
  clock.unit = query.getColumn(first + 3).getString();
  clock.round = query.getColumn(first + 4).getInt();
  clock.started_at = parse_utc(query.getColumn(first + 5).getString());
  clock.started = stored_date(query.getColumn(first + 6));
  if (!query.getColumn(first + 7).isNull()) {
    clock.working_days = query.getColumn(first + 7).getInt();
  }
  clock.due = stored_date(query.getColumn(first + 8));
  if (!query.getColumn(first + 9).isNull()) {
    clock.stopped = stored_date(query.getColumn(first + 9));
  }
  const std::string outcome = query.getColumn(first + 10).getString();
  clock.outcome = stored(parse_clock_outcome(outcome), "case_clock.outcome", outcome);
  clock.provisional = query.getColumn(first + 11).getInt() != 0;
  if (auto referred = optional_text(query.getColumn(first + 12))) {
    clock.referred_at = parse_utc(*referred);
  }
  return clock;
}

std::optional<Authored> authored(SQLite::Statement& query, int first, bool edited) {
  if (query.getColumn(first).isNull()) {
    return std::nullopt;
  }
  // A text without its author or time was not written by ent110; it is read as it stands so
  // that verify can name the difference instead of failing on the row.
  const std::optional<std::string> at = optional_text(query.getColumn(first + 3));
  return Authored{query.getColumn(first).getString(), query.getColumn(first + 1).getString(),
                  query.getColumn(first + 2).getString(), at ? parse_utc(*at) : Instant{}, edited};
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& v) {
  if (v) {
    statement.bind(index, *v);
  } else {
    statement.bind(index);
  }
}

void bind_authored(SQLite::Statement& statement, int first, const std::optional<Authored>& a) {
  if (a) {
    statement.bind(first, a->text);
    statement.bind(first + 1, a->unit);
    statement.bind(first + 2, a->by);
    statement.bind(first + 3, format_utc(a->at));
  } else {
    for (int i = 0; i < 4; ++i) {
      statement.bind(first + i);
    }
  }
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() <= 6 &&
         text.find_first_not_of("0123456789") == std::string_view::npos;
}

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

std::string case_id_of(int year, int number) {
  return fmt::format("{:04}-{:06}", year, number);
}

}  // namespace

std::string resolve_case_id(Store& store, std::string_view ref) {
  const std::string text(ref);
  // "YYYY-N…": the year and the number within it, zero padding optional.
  if (const auto dash = ref.find('-'); dash == 4 && all_digits(ref.substr(0, 4)) &&
                                       all_digits(ref.substr(5)) && to_int(ref.substr(5)) > 0) {
    const std::string id = case_id_of(to_int(ref.substr(0, 4)), to_int(ref.substr(5)));
    SQLite::Statement query(store.db(), "SELECT 1 FROM case_file WHERE id = ?");
    query.bind(1, id);
    if (query.executeStep()) {
      return id;
    }
    throw NotFound(MessageId::case_unknown, {text});
  }
  if (all_digits(ref) && to_int(ref) > 0) {
    SQLite::Statement query(store.db(),
                            "SELECT id FROM case_file WHERE number = ? ORDER BY year LIMIT 6");
    query.bind(1, to_int(ref));
    std::vector<std::string> candidates;
    while (query.executeStep()) {
      candidates.push_back(query.getColumn(0).getString());
    }
    if (candidates.size() == 1) {
      return candidates.front();
    }
    if (candidates.empty()) {
      throw NotFound(MessageId::case_unknown, {text});
    }
    std::string list;
    for (const std::string& id : candidates) {
      list += (list.empty() ? "'" : ", '") + id + "'";
    }
    throw UsageError(MessageId::case_number_ambiguous, {text, list});
  }
  throw NotFound(MessageId::case_id_malformed, {text});
}

namespace {

constexpr std::string_view k_case_select =
    "SELECT c.id, c.year, c.number, c.type, c.major, c.channel, c.title, c.body, c.received_at, "
    "c.state, c.unit, c.round, c.reject_reason, c.result_text, c.result_unit, c.result_by, "
    "c.result_at, c.answer_text, c.answer_unit, c.answer_by, c.answer_at, c.answer_edited, "
    "c.rating, c.rating_comment, e.id, e.name, e.credit_code, e.county, e.above_scale, "
    "e.key_enterprise, e.contact, e.phone "
    "FROM case_file c JOIN enterprise e ON e.id = c.enterprise ";

// Reads a row of k_case_select (without co-units and clocks).
Case case_from_row(SQLite::Statement& query) {
  Case kase;
  kase.id = query.getColumn(0).getString();
  kase.year = query.getColumn(1).getInt();
  kase.number = query.getColumn(2).getInt();
  const std::string type = query.getColumn(3).getString();
  kase.type = stored(parse_case_type(type), "case_file.type", type);
  kase.major = query.getColumn(4).getInt() != 0;
  const std::string channel = query.getColumn(5).getString();
  kase.channel = stored(parse_channel(channel), "case_file.channel", channel);
  kase.title = query.getColumn(6).getString();
  kase.body = query.getColumn(7).getString();
  kase.received_at = parse_utc(query.getColumn(8).getString());
  const std::string state = query.getColumn(9).getString();
  kase.state = stored(parse_state(state), "case_file.state", state);
  kase.unit = optional_text(query.getColumn(10)).value_or("");
  kase.round = query.getColumn(11).getInt();
  if (auto reason = optional_text(query.getColumn(12))) {
    kase.reject_reason = stored(parse_reject_reason(*reason), "case_file.reject_reason", *reason);
  }
  kase.result = authored(query, 13, false);
  kase.answer = authored(query, 17, query.getColumn(21).getInt() != 0);
  if (auto rating = optional_text(query.getColumn(22))) {
    kase.rating = stored(parse_rating(*rating), "case_file.rating", *rating);
  }
  kase.rating_comment = optional_text(query.getColumn(23)).value_or("");
  Enterprise& e = kase.enterprise;
  e.id = query.getColumn(24).getInt64();
  e.name = query.getColumn(25).getString();
  e.credit_code = optional_text(query.getColumn(26)).value_or("");
  e.county = optional_text(query.getColumn(27)).value_or("");
  e.above_scale = query.getColumn(28).getInt() != 0;
  e.key = query.getColumn(29).getInt() != 0;
  e.contact = optional_text(query.getColumn(30)).value_or("");
  e.phone = optional_text(query.getColumn(31)).value_or("");
  return kase;
}

}  // namespace

std::optional<Case> find_case(Store& store, std::string_view id) {
  SQLite::Statement query(store.db(), std::string(k_case_select) + "WHERE c.id = ?");
  query.bind(1, std::string(id));
  if (!query.executeStep()) {
    return std::nullopt;
  }
  Case kase = case_from_row(query);
  SQLite::Statement co(store.db(),
                       "SELECT unit FROM case_co_unit WHERE case_id = ? ORDER BY rowid");
  co.bind(1, kase.id);
  while (co.executeStep()) {
    kase.co_units.push_back(co.getColumn(0).getString());
  }
  SQLite::Statement clocks(store.db(), fmt::format("SELECT {} FROM case_clock k WHERE "
                                                   "k.case_id = ? ORDER BY k.id",
                                                   k_clock_columns));
  clocks.bind(1, kase.id);
  while (clocks.executeStep()) {
    kase.clocks.push_back(clock_from_row(clocks, 0));
  }
  return kase;
}

CasesInOrder::CasesInOrder(Store& store)
    : m_cases(std::make_unique<SQLite::Statement>(store.db(),
                                                  std::string(k_case_select) + "ORDER BY c.id")),
      m_co_units(std::make_unique<SQLite::Statement>(
          store.db(), "SELECT case_id, unit FROM case_co_unit ORDER BY case_id, rowid")),
      m_clocks(std::make_unique<SQLite::Statement>(
          store.db(),
          fmt::format("SELECT {} FROM case_clock k ORDER BY k.case_id, k.id", k_clock_columns))) {
  m_co_unit_ready = m_co_units->executeStep();
  m_clock_ready = m_clocks->executeStep();
}

CasesInOrder::~CasesInOrder() = default;

std::optional<Case> CasesInOrder::next() {
  if (!m_cases->executeStep()) {
    return std::nullopt;
  }
  Case kase = case_from_row(*m_cases);
  // Rows of another case that sort before this one belong to no case: skipped here, they are
  // what the foreign-key check reports.
  while (m_co_unit_ready && m_co_units->getColumn(0).getString() <= kase.id) {
    if (m_co_units->getColumn(0).getString() == kase.id) {
      kase.co_units.push_back(m_co_units->getColumn(1).getString());
    }
    m_co_unit_ready = m_co_units->executeStep();
  }
  while (m_clock_ready && m_clocks->getColumn(1).getString() <= kase.id) {
    if (m_clocks->getColumn(1).getString() == kase.id) {
      kase.clocks.push_back(clock_from_row(*m_clocks, 0));
    }
    m_clock_ready = m_clocks->executeStep();
  }
  return kase;
}

int next_case_number(Store& store, int year) {
  SQLite::Statement query(store.db(),
                          "SELECT coalesce(max(number), 0) + 1 FROM case_file WHERE year = ?");
  query.bind(1, year);
  query.executeStep();
  return query.getColumn(0).getInt();
}

void insert_case(Store& store, const Case& kase, const std::string& month) {
  SQLite::Statement insert(
      store.db(),
      "INSERT INTO case_file (id, year, number, enterprise, type, major, channel, title, body, "
      "received_at, received_month, state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, kase.id);
  insert.bind(2, kase.year);
  insert.bind(3, kase.number);
  insert.bind(4, kase.enterprise.id);
  insert.bind(5, std::string(to_string(kase.type)));
  insert.bind(6, kase.major ? 1 : 0);
  insert.bind(7, std::string(to_string(kase.channel)));
  insert.bind(8, kase.title);
  insert.bind(9, kase.body);
  insert.bind(10, format_utc(kase.received_at));
  insert.bind(11, month);
  insert.bind(12, std::string(to_string(kase.state)));
  insert.exec();
}

void save_case(Store& store, const Case& kase, const Zone& zone) {
  SQLite::Statement update(
      store.db(),
      "UPDATE case_file SET state = ?, unit = ?, round = ?, reject_reason = ?, result_text = ?, "
      "result_unit = ?, result_by = ?, result_at = ?, answer_text = ?, answer_unit = ?, "
      "answer_by = ?, answer_at = ?, answer_edited = ?, rating = ?, rating_comment = ?, "
      "received_at = ?, received_month = ? WHERE id = ?");
  update.bind(1, std::string(to_string(kase.state)));
  bind_optional(update, 2, kase.unit.empty() ? std::nullopt : std::optional(kase.unit));
  update.bind(3, kase.round);
  bind_optional(update, 4,
                kase.reject_reason ? std::optional(std::string(to_string(*kase.reject_reason)))
                                   : std::nullopt);
  bind_authored(update, 5, kase.result);
  bind_authored(update, 9, kase.answer);
  update.bind(13, kase.answer && kase.answer->edited ? 1 : 0);
  bind_optional(update, 14,
                kase.rating ? std::optional(std::string(to_string(*kase.rating))) : std::nullopt);
  bind_optional(update, 15,
                kase.rating_comment.empty() ? std::nullopt : std::optional(kase.rating_comment));
  update.bind(16, format_utc(kase.received_at));
  const date::year_month_day received{zone.local_date(kase.received_at)};
  update.bind(17, format_month(received.year() / received.month()));
  update.bind(18, kase.id);
  update.exec();

  SQLite::Statement clear(store.db(), "DELETE FROM case_co_unit WHERE case_id = ?");
  clear.bind(1, kase.id);
  clear.exec();
  SQLite::Statement add(store.db(), "INSERT INTO case_co_unit (case_id, unit) VALUES (?, ?)");
  for (const std::string& unit : kase.co_units) {
    add.bind(1, kase.id);
    add.bind(2, unit);
    add.exec();
    add.reset();
  }
}

void save_clocks(Store& store, const Case& kase) {
  std::vector<std::int64_t> ids;
  SQLite::Statement stored(store.db(), "SELECT id FROM case_clock WHERE case_id = ? ORDER BY id");
  stored.bind(1, kase.id);
  while (stored.executeStep()) {
    ids.push_back(stored.getColumn(0).getInt64());
  }
  // Clocks start in order and none is ever taken back, so the n-th replayed clock is the n-th
  // stored one: rows keep their ids, and only what the replay changed is written.
  SQLite::Statement update(store.db(),
                           "UPDATE case_clock SET name = ?1, unit = ?2, round = ?3, "
                           "started_at = ?4, started = ?5, working_days = ?6, due = ?7, "
                           "stopped = ?8, outcome = ?9, provisional = ?10, referred_at = ?11 "
                           "WHERE id = ?12 AND (name, unit, round, started_at, started, "
                           "working_days, due, stopped, outcome, provisional, referred_at) IS NOT "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  SQLite::Statement insert(store.db(),
                           "INSERT INTO case_clock (name, unit, round, started_at, started, "
                           "working_days, due, stopped, outcome, provisional, referred_at, "
                           "case_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  for (std::size_t i = 0; i < kase.clocks.size(); ++i) {
    const Clock& clock = kase.clocks[i];
    SQLite::Statement& statement = i < ids.size() ? update : insert;
    statement.bind(1, std::string(to_string(clock.name)));
    statement.bind(2, clock.unit);
    statement.bind(3, clock.round);
    statement.bind(4, format_utc(clock.started_at));
    statement.bind(5, format_date(clock.started));
    if (clock.working_days) {
      statement.bind(6, *clock.working_days);
    } else {
      statement.bind(6);
    }
    statement.bind(7, format_date(clock.due));
    bind_optional(statement, 8,
                  clock.stopped ? std::optional(format_date(*clock.stopped)) : std::nullopt);
    statement.bind(9, std::string(to_string(clock.outcome)));
    statement.bind(10, clock.provisional ? 1 : 0);
    bind_optional(statement, 11,
                  clock.referred_at ? std::optional(format_utc(*clock.referred_at)) : std::nullopt);
    if (i < ids.size()) {
      statement.bind(12, ids[i]);
    } else {
      statement.bind(12, kase.id);
    }
    statement.exec();
    statement.reset();
  }
  if (ids.size() > kase.clocks.size()) {
    // Only a correction that voids the event that started them takes clocks away.
    SQLite::Statement remove(store.db(), "DELETE FROM case_clock WHERE case_id = ? AND id >= ?");
    remove.bind(1, kase.id);
    remove.bind(2, ids[kase.clocks.size()]);
    remove.exec();
  }
}

std::vector<std::string> cases_counting_over(Store& store, const std::vector<LocalDate>& days) {
  // Clocks counted in working days (a fixed --due keeps its date) that started before a changed
  // day and were due on or after it; the name leads the index case_clock_by_due.
  std::set<std::string> ids;
  SQLite::Statement select(store.db(),
                           "SELECT case_id, started, due FROM case_clock "
                           "WHERE name = ? AND due >= ? AND working_days IS NOT NULL");
  for (const std::string& name : clock_names()) {
    select.bind(1, name);
    select.bind(2, format_date(days.front()));
    while (select.executeStep()) {
      const LocalDate started = stored_date(select.getColumn(1));
      const LocalDate due = stored_date(select.getColumn(2));
      const auto first_after_start = std::upper_bound(days.begin(), days.end(), started);
      if (first_after_start != days.end() && *first_after_start <= due) {
        ids.insert(select.getColumn(0).getString());
      }
    }
    select.reset();
  }
  return {ids.begin(), ids.end()};
}

std::vector<CaseSummary> query_cases(Store& store, const CaseQuery& query, LocalDate today) {
  // The clock filters (list --overdue, --due-today, --due-before, --unexplained, --clock) apply
  // to one running clock, found through the running-clock index (the unary plus keeps SQLite off
  // case_clock_by_due, which holds every stopped clock too); that clock is the one shown.
  std::string clock_conditions;
  if (query.overdue_only || query.unexplained) {
    clock_conditions += " AND due < :today";
  }
  if (query.due_today) {
    clock_conditions += " AND due = :today";
  }
  if (query.due_before) {
    clock_conditions += " AND due < :due_before";
  }
  if (query.unexplained) {
    clock_conditions += " AND +name = 'reply'";
  }
  if (query.clock) {
    clock_conditions += " AND +name = :clock";
  }
  std::string where;
  const auto add = [&where](std::string_view condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  };
  // With a clock filter, the few running clocks that pass it lead the search; a unary plus keeps
  // SQLite from walking every case of a unit or state through their indexes instead.
  const std::string by_case = clock_conditions.empty() ? "" : "+";
  if (query.state) {
    add(by_case + "c.state = :state");
  }
  if (query.unit) {
    // The lead unit's cases and those it assists as a co-unit (协办).
    add(
        fmt::format("({}c.unit = :unit OR {}c.id IN (SELECT case_id FROM case_co_unit WHERE "
                    "unit = :unit))",
                    by_case, by_case));
  }
  if (query.type) {
    add("c.type = :type");
  }
  if (query.major_only) {
    add("c.major = 1");
  }
  if (query.month) {
    add(by_case + "c.received_month = :month");
  }
  if (!clock_conditions.empty()) {
    add(fmt::format("c.id IN (SELECT case_id FROM case_clock WHERE outcome = 'running'{})",
                    clock_conditions));
  }
  SQLite::Statement select(
      store.db(),
      fmt::format("SELECT c.id, c.state, c.type, c.major, c.unit, e.name, c.title, "
                  "c.received_at, {} FROM case_file c JOIN enterprise e ON e.id = c.enterprise "
                  "LEFT JOIN case_clock k ON k.id = (SELECT id FROM case_clock WHERE case_id = "
                  "c.id AND outcome = 'running'{} ORDER BY due, id LIMIT 1){} "
                  "ORDER BY k.due IS NULL, k.due, c.year, c.number",
                  k_clock_columns, clock_conditions, where));
  if (query.state) {
    select.bind(":state", std::string(to_string(*query.state)));
  }
  if (query.unit) {
    select.bind(":unit", *query.unit);
  }
  if (query.type) {
    select.bind(":type", std::string(to_string(*query.type)));
  }
  if (query.month) {
    select.bind(":month", format_month(*query.month));
  }
  if (query.overdue_only || query.unexplained || query.due_today) {
    select.bind(":today", format_date(today));
  }
  if (query.due_before) {
    select.bind(":due_before", format_date(*query.due_before));
  }
  if (query.clock) {
    select.bind(":clock", std::string(to_string(*query.clock)));
  }
  std::vector<CaseSummary> summaries;
  while (select.executeStep()) {
    CaseSummary summary;
    summary.id = select.getColumn(0).getString();
    const std::string state = select.getColumn(1).getString();
    summary.state = stored(parse_state(state), "case_file.state", state);
    const std::string type = select.getColumn(2).getString();
    summary.type = stored(parse_case_type(type), "case_file.type", type);
    summary.major = select.getColumn(3).getInt() != 0;
    summary.unit = optional_text(select.getColumn(4)).value_or("");
    summary.enterprise = select.getColumn(5).getString();
    summary.title = select.getColumn(6).getString();
    summary.received_at = parse_utc(select.getColumn(7).getString());
    if (!select.getColumn(8).isNull()) {
      summary.urgent = clock_from_row(select, 8);
    }
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

std::vector<ClockRow> query_clocks(Store& store, const ClockQuery& query) {
  std::string where;
  const auto add = [&where](std::string_view condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  };
  if (query.outcome) {
    add("k.outcome = :outcome");
  }
  if (query.unit) {
    add("k.unit = :unit");
  }
  if (query.name) {
    add("k.name = :name");
  }
  if (query.due_from) {
    add("k.due >= :from");
  }
  if (query.due_until) {
    add("k.due <= :until");
  }
  SQLite::Statement select(
      store.db(),
      fmt::format("SELECT {}, c.state, c.type, c.major, c.unit, e.name, c.title "
                  "FROM case_clock k JOIN case_file c ON c.id = k.case_id "
                  "JOIN enterprise e ON e.id = c.enterprise{} ORDER BY k.due, k.case_id",
                  k_clock_columns, where));
  if (query.outcome) {
    select.bind(":outcome", std::string(to_string(*query.outcome)));
  }
  if (query.unit) {
    select.bind(":unit", *query.unit);
  }
  if (query.name) {
    select.bind(":name", std::string(to_string(*query.name)));
  }
  if (query.due_from) {
    select.bind(":from", format_date(*query.due_from));
  }
  if (query.due_until) {
    select.bind(":until", format_date(*query.due_until));
  }
  std::vector<ClockRow> rows;
  while (select.executeStep()) {
    ClockRow row;
    row.clock = clock_from_row(select, 0);
    const int c = k_clock_column_count;
    const std::string state = select.getColumn(c).getString();
    row.state = stored(parse_state(state), "case_file.state", state);
    const std::string type = select.getColumn(c + 1).getString();
    row.type = stored(parse_case_type(type), "case_file.type", type);
    row.major = select.getColumn(c + 2).getInt() != 0;
    row.lead_unit = optional_text(select.getColumn(c + 3)).value_or("");
    row.enterprise = select.getColumn(c + 4).getString();
    row.title = select.getColumn(c + 5).getString();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ent110
