// SPDX-License-Identifier: MIT
#include <ent110/cases/case_repo.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/dialect.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <variant>

namespace ent110 {
namespace {

constexpr int k_clock_column_count = 13;

template <typename T>
T stored(std::optional<T> value, const char* column, const std::string& text) {
  if (!value) {
    throw StoreError(MessageId::case_stored_value_bad, {column, text});
  }
  return *value;
}

LocalDate stored_date(const Statement& row, int column) {
  const std::string text = row.text(column);
  return stored(try_parse_date(text), "date", text);
}

std::optional<Authored> authored(const Statement& query, int first, bool edited) {
  if (query.is_null(first)) {
    return std::nullopt;
  }
  // A text without its author or time was not written by ent110; it is read as it stands so
  // that verify can name the difference instead of failing on the row.
  const std::optional<std::string> at = query.optional_text(first + 3);
  return Authored{query.text(first), query.text(first + 1), query.text(first + 2),
                  at ? parse_utc(*at) : Instant{}, edited};
}

void bind_authored(Statement& statement, int first, const std::optional<Authored>& a) {
  if (a) {
    statement.bind(first, a->text);
    statement.bind(first + 1, a->unit);
    statement.bind(first + 2, a->by);
    statement.bind(first + 3, format_utc(a->at));
  } else {
    for (int i = 0; i < 4; ++i) {
      statement.bind(first + i, std::nullopt);
    }
  }
}

// The values of a query assembled from optional conditions, numbered in the order the
// conditions use them: PostgreSQL cannot type a parameter number that the SQL skips.
class QueryParameters {
 public:
  /// The placeholder of `value`, as a new parameter.
  std::string add(std::variant<std::string, std::int64_t> value) {
    m_values.push_back(std::move(value));
    return fmt::format("?{}", m_values.size());
  }
  void bind_to(Statement& statement) const {
    for (std::size_t i = 0; i < m_values.size(); ++i) {
      std::visit([&](const auto& value) { statement.bind(static_cast<int>(i + 1), value); },
                 m_values[i]);
    }
  }

 private:
  std::vector<std::variant<std::string, std::int64_t>> m_values;
};

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() <= 6 &&
         text.find_first_not_of("0123456789") == std::string_view::npos;
}

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// "'received', 'forwarded', …": the open states, for IN.
std::string open_states_sql() {
  std::string list;
  for (State state : open_states()) {
    list += fmt::format("{}'{}'", list.empty() ? "" : ", ", to_string(state));
  }
  return list;
}

std::string case_id_of(int year, int number) {
  return fmt::format("{:04}-{:06}", year, number);
}

constexpr std::string_view k_insert_clock =
    "INSERT INTO case_clock (name, unit, round, started_at, started, working_days, due, stopped, "
    "outcome, provisional, referred_at, case_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

// Binds parameters 1 to 11 of k_insert_clock (and of save_clocks' update) to `clock`.
void bind_clock(Statement& statement, const Clock& clock) {
  statement.bind(1, std::string(to_string(clock.name)));
  statement.bind(2, clock.unit);
  statement.bind(3, clock.round);
  statement.bind(4, format_utc(clock.started_at));
  statement.bind(5, format_date(clock.started));
  statement.bind(6, clock.working_days);
  statement.bind(7, format_date(clock.due));
  statement.bind(8, clock.stopped ? std::optional(format_date(*clock.stopped)) : std::nullopt);
  statement.bind(9, std::string(to_string(clock.outcome)));
  statement.bind(10, clock.provisional ? 1 : 0);
  statement.bind(11,
                 clock.referred_at ? std::optional(format_utc(*clock.referred_at)) : std::nullopt);
}

// Binds the columns save_case writes, from `first` on, in its order.
void bind_replayed(Statement& statement, int first, const Case& kase, const Zone& zone) {
  statement.bind(first, std::string(to_string(kase.state)));
  statement.bind(first + 1, kase.unit.empty() ? std::nullopt : std::optional(kase.unit));
  statement.bind(first + 2, kase.round);
  statement.bind(first + 3, kase.reject_reason
                                ? std::optional(std::string(to_string(*kase.reject_reason)))
                                : std::nullopt);
  bind_authored(statement, first + 4, kase.result);
  bind_authored(statement, first + 8, kase.answer);
  statement.bind(first + 12, kase.answer && kase.answer->edited ? 1 : 0);
  statement.bind(first + 13,
                 kase.rating ? std::optional(std::string(to_string(*kase.rating))) : std::nullopt);
  statement.bind(first + 14,
                 kase.rating_comment.empty() ? std::nullopt : std::optional(kase.rating_comment));
  statement.bind(first + 15, format_utc(kase.received_at));
  const date::year_month_day received{zone.local_date(kase.received_at)};
  statement.bind(first + 16, format_month(received.year() / received.month()));
  statement.bind(first + 17, kase.merged_into);
}

void insert_co_units(Store& store, const Case& kase) {
  if (kase.co_units.empty()) {
    return;
  }
  Statement add(store, "INSERT INTO case_co_unit (case_id, unit, position) VALUES (?, ?, ?)");
  int position = 0;
  for (const std::string& unit : kase.co_units) {
    add.bind(1, kase.id);
    add.bind(2, unit);
    add.bind(3, ++position);
    add.run();
    add.reset();
  }
}

}  // namespace

std::string_view clock_columns() {
  return "k.id, k.case_id, k.name, k.unit, k.round, k.started_at, k.started, k.working_days, "
         "k.due, k.stopped, k.outcome, k.provisional, k.referred_at";
}

Clock clock_from_row(const Statement& row, int first) {
  Clock clock;
  clock.id = row.int64(first);
  clock.case_id = row.text(first + 1);
  const std::string name = row.text(first + 2);
  clock.name = stored(parse_clock_name(name), "case_clock.name", name);
  clock.unit = row.text(first + 3);
  clock.round = row.int32(first + 4);
  clock.started_at = parse_utc(row.text(first + 5));
  clock.started = stored_date(row, first + 6);
  if (!row.is_null(first + 7)) {
    clock.working_days = row.int32(first + 7);
  }
  clock.due = stored_date(row, first + 8);
  if (!row.is_null(first + 9)) {
    clock.stopped = stored_date(row, first + 9);
  }
  const std::string outcome = row.text(first + 10);
  clock.outcome = stored(parse_clock_outcome(outcome), "case_clock.outcome", outcome);
  clock.provisional = row.int32(first + 11) != 0;
  if (auto referred = row.optional_text(first + 12)) {
    clock.referred_at = parse_utc(*referred);
  }
  return clock;
}

std::string resolve_case_id(Store& store, std::string_view ref) {
  const std::string text(ref);
  // "YYYY-N…": the year and the number within it, zero padding optional.
  if (const auto dash = ref.find('-'); dash == 4 && all_digits(ref.substr(0, 4)) &&
                                       all_digits(ref.substr(5)) && to_int(ref.substr(5)) > 0) {
    const std::string id = case_id_of(to_int(ref.substr(0, 4)), to_int(ref.substr(5)));
    Statement query(store, "SELECT 1 FROM case_file WHERE id = ?");
    query.bind(1, id);
    if (query.step()) {
      return id;
    }
    throw NotFound(MessageId::case_unknown, {text});
  }
  if (all_digits(ref) && to_int(ref) > 0) {
    Statement query(store, "SELECT id FROM case_file WHERE number = ? ORDER BY year LIMIT 6");
    query.bind(1, to_int(ref));
    std::vector<std::string> candidates;
    while (query.step()) {
      candidates.push_back(query.text(0));
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
    "e.key_enterprise, e.contact, e.phone, c.project, c.source_id, c.confidential, c.merged_into "
    "FROM case_file c JOIN enterprise e ON e.id = c.enterprise ";

// Reads a row of k_case_select (without co-units and clocks).
Case case_from_row(const Statement& query) {
  Case kase;
  kase.id = query.text(0);
  kase.year = query.int32(1);
  kase.number = query.int32(2);
  const std::string type = query.text(3);
  kase.type = stored(parse_case_type(type), "case_file.type", type);
  kase.major = query.int32(4) != 0;
  const std::string channel = query.text(5);
  kase.channel = stored(parse_channel(channel), "case_file.channel", channel);
  kase.title = query.text(6);
  kase.body = query.text(7);
  kase.received_at = parse_utc(query.text(8));
  const std::string state = query.text(9);
  kase.state = stored(parse_state(state), "case_file.state", state);
  kase.unit = query.optional_text(10).value_or("");
  kase.round = query.int32(11);
  if (auto reason = query.optional_text(12)) {
    kase.reject_reason = stored(parse_reject_reason(*reason), "case_file.reject_reason", *reason);
  }
  kase.result = authored(query, 13, false);
  kase.answer = authored(query, 17, query.int32(21) != 0);
  if (auto rating = query.optional_text(22)) {
    kase.rating = stored(parse_rating(*rating), "case_file.rating", *rating);
  }
  kase.rating_comment = query.optional_text(23).value_or("");
  Enterprise& e = kase.enterprise;
  e.id = query.int64(24);
  e.name = query.text(25);
  e.credit_code = query.optional_text(26).value_or("");
  e.county = query.optional_text(27).value_or("");
  e.above_scale = query.int32(28) != 0;
  e.key = query.int32(29) != 0;
  e.contact = query.optional_text(30).value_or("");
  e.phone = query.optional_text(31).value_or("");
  kase.project = query.optional_text(32);
  kase.source_id = query.optional_text(33);
  kase.confidential = query.int32(34) != 0;
  kase.merged_into = query.optional_text(35);
  return kase;
}

}  // namespace

std::optional<Case> find_case(Store& store, std::string_view id) {
  Statement query(store, std::string(k_case_select) + "WHERE c.id = ?");
  query.bind(1, std::string(id));
  if (!query.step()) {
    return std::nullopt;
  }
  Case kase = case_from_row(query);
  Statement co(store, "SELECT unit FROM case_co_unit WHERE case_id = ? ORDER BY position");
  co.bind(1, kase.id);
  while (co.step()) {
    kase.co_units.push_back(co.text(0));
  }
  Statement clocks(store, fmt::format("SELECT {} FROM case_clock k WHERE k.case_id = ? "
                                      "ORDER BY k.id",
                                      clock_columns()));
  clocks.bind(1, kase.id);
  while (clocks.step()) {
    kase.clocks.push_back(clock_from_row(clocks, 0));
  }
  return kase;
}

CasesInOrder::CasesInOrder(Store& store)
    : m_cases(store, std::string(k_case_select) + "ORDER BY c.id"),
      m_co_units(store, "SELECT case_id, unit FROM case_co_unit ORDER BY case_id, position"),
      m_clocks(
          store,
          fmt::format("SELECT {} FROM case_clock k ORDER BY k.case_id, k.id", clock_columns())) {
  m_co_unit_ready = m_co_units.step();
  m_clock_ready = m_clocks.step();
}

CasesInOrder::~CasesInOrder() = default;

std::optional<Case> CasesInOrder::next() {
  if (!m_cases.step()) {
    return std::nullopt;
  }
  Case kase = case_from_row(m_cases);
  // Rows of another case that sort before this one belong to no case: skipped here, they are
  // what the foreign-key check reports.
  while (m_co_unit_ready && m_co_units.text(0) <= kase.id) {
    if (m_co_units.text(0) == kase.id) {
      kase.co_units.push_back(m_co_units.text(1));
    }
    m_co_unit_ready = m_co_units.step();
  }
  while (m_clock_ready && m_clocks.text(1) <= kase.id) {
    if (m_clocks.text(1) == kase.id) {
      kase.clocks.push_back(clock_from_row(m_clocks, 0));
    }
    m_clock_ready = m_clocks.step();
  }
  return kase;
}

SourceIds::SourceIds(Store& store)
    : m_query(store, "SELECT id FROM case_file WHERE channel = ? AND source_id = ?") {}

std::optional<std::string> SourceIds::find(Channel channel, const std::string& source_id) {
  m_query.reset();
  m_query.bind(1, std::string(to_string(channel)));
  m_query.bind(2, source_id);
  std::optional<std::string> id;
  if (m_query.step()) {
    id = m_query.text(0);
  }
  m_query.reset();
  return id;
}

std::vector<Case> open_cases_received(Store& store,
                                      std::int64_t enterprise,
                                      Instant since,
                                      Instant until) {
  Statement query(store,
                  "SELECT id, title, body FROM case_file WHERE enterprise = ? "
                  "AND received_at >= ? AND received_at <= ? AND merged_into IS NULL "
                  "AND state NOT IN ('rejected', 'answered', 'evaluated') "
                  "ORDER BY received_at, id");
  query.bind(1, enterprise);
  query.bind(2, format_utc(since));
  query.bind(3, format_utc(until));
  std::vector<Case> cases;
  while (query.step()) {
    Case kase;
    kase.id = query.text(0);
    kase.title = query.text(1);
    kase.body = query.text(2);
    cases.push_back(std::move(kase));
  }
  return cases;
}

std::vector<std::string> duplicates_of(Store& store, std::string_view primary) {
  Statement query(store, "SELECT id FROM case_file WHERE merged_into = ? ORDER BY id");
  query.bind(1, std::string(primary));
  std::vector<std::string> ids;
  while (query.step()) {
    ids.push_back(query.text(0));
  }
  return ids;
}

int next_case_number(Store& store, int year) {
  Statement query(store, "SELECT coalesce(max(number), 0) + 1 FROM case_file WHERE year = ?");
  query.bind(1, year);
  query.step();
  return query.int32(0);
}

void save_case(Store& store, const Case& kase, const Zone& zone) {
  Statement update(
      store,
      "UPDATE case_file SET state = ?, unit = ?, round = ?, reject_reason = ?, result_text = ?, "
      "result_unit = ?, result_by = ?, result_at = ?, answer_text = ?, answer_unit = ?, "
      "answer_by = ?, answer_at = ?, answer_edited = ?, rating = ?, rating_comment = ?, "
      "received_at = ?, received_month = ?, merged_into = ? WHERE id = ?");
  bind_replayed(update, 1, kase, zone);
  update.bind(19, kase.id);
  update.run();

  Statement clear(store, "DELETE FROM case_co_unit WHERE case_id = ?");
  clear.bind(1, kase.id);
  clear.run();
  insert_co_units(store, kase);
}

void insert_replayed_case(Store& store, const Case& kase, const Zone& zone) {
  Statement insert(
      store,
      "INSERT INTO case_file (id, year, number, enterprise, type, major, channel, title, body, "
      "project, source_id, confidential, state, unit, round, reject_reason, result_text, "
      "result_unit, result_by, result_at, answer_text, answer_unit, answer_by, answer_at, "
      "answer_edited, rating, rating_comment, received_at, received_month, merged_into) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, kase.id);
  insert.bind(2, kase.year);
  insert.bind(3, kase.number);
  insert.bind(4, kase.enterprise.id);
  insert.bind(5, std::string(to_string(kase.type)));
  insert.bind(6, kase.major ? 1 : 0);
  insert.bind(7, std::string(to_string(kase.channel)));
  insert.bind(8, kase.title);
  insert.bind(9, kase.body);
  insert.bind(10, kase.project);
  insert.bind(11, kase.source_id);
  insert.bind(12, kase.confidential ? 1 : 0);
  bind_replayed(insert, 13, kase, zone);
  insert.run();
  insert_co_units(store, kase);
}

void insert_replayed_clocks(Store& store, Case& kase) {
  if (kase.clocks.empty()) {
    return;
  }
  Statement insert(store, std::string(k_insert_clock) + " RETURNING id");
  for (Clock& clock : kase.clocks) {
    bind_clock(insert, clock);
    insert.bind(12, kase.id);
    clock.id = insert.scalar_int64();
  }
}

void save_clocks(Store& store, const Case& kase) {
  std::vector<std::int64_t> ids;
  Statement stored(store, "SELECT id FROM case_clock WHERE case_id = ? ORDER BY id");
  stored.bind(1, kase.id);
  while (stored.step()) {
    ids.push_back(stored.int64(0));
  }
  // Clocks start in order and none is ever taken back, so the n-th replayed clock is the n-th
  // stored one: rows keep their ids, and only what the replay changed is written.
  Statement update(
      store,
      "UPDATE case_clock SET name = ?1, unit = ?2, round = ?3, "
      "started_at = ?4, started = ?5, working_days = ?6, due = ?7, "
      "stopped = ?8, outcome = ?9, provisional = ?10, referred_at = ?11 "
      "WHERE id = ?12 AND (name, unit, round, started_at, started, "
      "working_days, due, stopped, outcome, provisional, referred_at) IS DISTINCT FROM "
      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  Statement insert(store, k_insert_clock);
  for (std::size_t i = 0; i < kase.clocks.size(); ++i) {
    Statement& statement = i < ids.size() ? update : insert;
    bind_clock(statement, kase.clocks[i]);
    if (i < ids.size()) {
      statement.bind(12, ids[i]);
    } else {
      statement.bind(12, kase.id);
    }
    statement.run();
    statement.reset();
  }
  if (ids.size() > kase.clocks.size()) {
    // Only a correction that voids the event that started them takes clocks away.
    Statement remove(store, "DELETE FROM case_clock WHERE case_id = ? AND id >= ?");
    remove.bind(1, kase.id);
    remove.bind(2, ids[kase.clocks.size()]);
    remove.run();
  }
}

std::vector<std::string> cases_counting_over(Store& store, const std::vector<LocalDate>& days) {
  // Clocks counted in working days (a fixed --due keeps its date) that started before a changed
  // day and were due on or after it; the name leads the index case_clock_by_due.
  std::set<std::string> ids;
  Statement select(store,
                   "SELECT case_id, started, due FROM case_clock "
                   "WHERE name = ? AND due >= ? AND working_days IS NOT NULL");
  for (const std::string& name : clock_names()) {
    select.bind(1, name);
    select.bind(2, format_date(days.front()));
    while (select.step()) {
      const LocalDate started = stored_date(select, 1);
      const LocalDate due = stored_date(select, 2);
      const auto first_after_start = std::upper_bound(days.begin(), days.end(), started);
      if (first_after_start != days.end() && *first_after_start <= due) {
        ids.insert(select.text(0));
      }
    }
    select.reset();
  }
  return {ids.begin(), ids.end()};
}

std::string served_by_officer(std::string_view officer, std::string_view day) {
  return fmt::format(
      "EXISTS (SELECT 1 FROM assignment a JOIN officer o ON o.id = a.officer "
      "WHERE a.officer = {0} AND (a.enterprise = c.enterprise OR a.project = c.project) "
      "AND a.from_date <= {1} AND (a.until_date IS NULL OR a.until_date > {1}) "
      "AND (o.retired_on IS NULL OR o.retired_on > {1}))",
      officer, day);
}

std::vector<CaseSummary> query_cases(Store& store,
                                     const CaseQuery& query,
                                     LocalDate today,
                                     std::optional<std::int64_t> officer) {
  QueryParameters parameters;
  const std::string_view index_off = dialect::sqlite_index_off(store.engine());
  // The clock filters (list --overdue, --due-today, --due-before, --unexplained, --clock) apply
  // to one running clock, found through the running-clock index (the unary plus keeps SQLite off
  // case_clock_by_due, which holds every stopped clock too); that clock is the one shown.
  std::string clock_conditions;
  if (query.overdue_only || query.unexplained) {
    clock_conditions += " AND due < " + parameters.add(format_date(today));
  }
  if (query.due_today) {
    clock_conditions += " AND due = " + parameters.add(format_date(today));
  }
  if (query.due_before) {
    clock_conditions += " AND due < " + parameters.add(format_date(*query.due_before));
  }
  if (query.unexplained) {
    clock_conditions += fmt::format(" AND {}name = 'reply'", index_off);
  }
  if (query.clock) {
    clock_conditions += fmt::format(" AND {}name = {}", index_off,
                                    parameters.add(std::string(to_string(*query.clock))));
  }
  std::string where;
  const auto add = [&where](std::string_view condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  };
  // With a clock filter, the few running clocks that pass it lead the search; a unary plus keeps
  // SQLite from walking every case of a unit or state through their indexes instead.
  const std::string_view by_case = clock_conditions.empty() ? "" : index_off;
  if (query.state) {
    add(fmt::format("{}c.state = {}", by_case,
                    parameters.add(std::string(to_string(*query.state)))));
  }
  if (query.unit) {
    // The lead unit's cases and those it assists as a co-unit (协办).
    const std::string unit = parameters.add(*query.unit);
    add(fmt::format(
        "({}c.unit = {} OR {}c.id IN (SELECT case_id FROM case_co_unit WHERE unit = {}))", by_case,
        unit, by_case, unit));
  }
  if (query.type) {
    add("c.type = " + parameters.add(std::string(to_string(*query.type))));
  }
  if (query.major_only) {
    add("c.major = 1");
  }
  if (query.month) {
    add(fmt::format("{}c.received_month = {}", by_case,
                    parameters.add(format_month(*query.month))));
  }
  if (officer) {
    add(served_by_officer(parameters.add(*officer), parameters.add(format_date(today))));
    if (!query.state) {
      add(fmt::format("c.state IN ({})", open_states_sql()));
    }
  }
  if (!clock_conditions.empty()) {
    add(fmt::format("c.id IN (SELECT case_id FROM case_clock WHERE outcome = 'running'{})",
                    clock_conditions));
  }
  Statement select(
      store,
      fmt::format("SELECT c.id, c.state, c.type, c.major, c.unit, e.name, c.title, "
                  "c.received_at, {}, c.channel, c.body, c.source_id "
                  "FROM case_file c JOIN enterprise e ON e.id = c.enterprise "
                  "LEFT JOIN case_clock k ON k.id = (SELECT id FROM case_clock WHERE case_id = "
                  "c.id AND outcome = 'running'{} ORDER BY due, id LIMIT 1){} "
                  "ORDER BY k.due IS NULL, k.due, c.year, c.number{}",
                  clock_columns(), clock_conditions, where,
                  query.limit ? " LIMIT " + parameters.add(std::int64_t{*query.limit}) : ""));
  parameters.bind_to(select);
  std::vector<CaseSummary> summaries;
  while (select.step()) {
    CaseSummary summary;
    summary.id = select.text(0);
    const std::string state = select.text(1);
    summary.state = stored(parse_state(state), "case_file.state", state);
    const std::string type = select.text(2);
    summary.type = stored(parse_case_type(type), "case_file.type", type);
    summary.major = select.int32(3) != 0;
    summary.unit = select.optional_text(4).value_or("");
    summary.enterprise = select.text(5);
    summary.title = select.text(6);
    summary.received_at = parse_utc(select.text(7));
    if (!select.is_null(8)) {
      summary.urgent = clock_from_row(select, 8);
    }
    const int c = 8 + k_clock_column_count;
    const std::string channel = select.text(c);
    summary.channel = stored(parse_channel(channel), "case_file.channel", channel);
    summary.body = select.text(c + 1);
    summary.source_id = select.optional_text(c + 2);
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

std::vector<ClockRow> query_clocks(Store& store, const ClockQuery& query) {
  QueryParameters parameters;
  std::string where;
  const auto add = [&where](std::string_view condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  };
  if (query.outcome) {
    add("k.outcome = " + parameters.add(std::string(to_string(*query.outcome))));
  }
  if (query.unit) {
    add("k.unit = " + parameters.add(*query.unit));
  }
  if (query.name) {
    add("k.name = " + parameters.add(std::string(to_string(*query.name))));
  }
  if (query.due_from) {
    add("k.due >= " + parameters.add(format_date(*query.due_from)));
  }
  if (query.due_until) {
    add("k.due <= " + parameters.add(format_date(*query.due_until)));
  }
  Statement select(
      store, fmt::format("SELECT {}, c.state, c.type, c.major, c.unit, e.name, c.title "
                         "FROM case_clock k JOIN case_file c ON c.id = k.case_id "
                         "JOIN enterprise e ON e.id = c.enterprise{} ORDER BY k.due, k.case_id",
                         clock_columns(), where));
  parameters.bind_to(select);
  std::vector<ClockRow> rows;
  while (select.step()) {
    ClockRow row;
    row.clock = clock_from_row(select, 0);
    const int c = k_clock_column_count;
    const std::string state = select.text(c);
    row.state = stored(parse_state(state), "case_file.state", state);
    const std::string type = select.text(c + 1);
    row.type = stored(parse_case_type(type), "case_file.type", type);
    row.major = select.int32(c + 2) != 0;
    row.lead_unit = select.optional_text(c + 3).value_or("");
    row.enterprise = select.text(c + 4);
    row.title = select.text(c + 5);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ent110
