// SPDX-License-Identifier: MIT
#include <ent110/search/search_repo.hpp>
#include <ent110/store/dialect.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

namespace ent110 {
namespace {

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char byte : text) {
    count += (static_cast<unsigned char>(byte) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

// FTS5's phrase syntax: the term in double quotes, its own double quotes doubled.
std::string fts_phrase(const std::string& term) {
  std::string phrase = "\"";
  for (const char c : term) {
    phrase += c;
    if (c == '"') {
      phrase += '"';
    }
  }
  return phrase + "\"";
}

// A LIKE pattern for "contains `term`", with LIKE's wildcards and escape taken literally.
std::string contains_pattern(const std::string& term) {
  std::string pattern = "%";
  for (const char c : term) {
    if (c == '%' || c == '_' || c == '\\') {
      pattern += '\\';
    }
    pattern += c;
  }
  return pattern + "%";
}

// A term's condition on `case_file AS f`, and the value bound to its parameter.
struct TermMatch {
  std::string condition;
  std::string value;
};

// The one place where the two engines spell search differently.
// SQLite: FTS5's trigram index answers a phrase of 3 or more characters; shorter terms match
// nothing there (nor with its LIKE), so they are looked for with instr() over the index's columns.
// PostgreSQL: ILIKE, which pg_trgm's GIN indexes serve from 3 characters on (shorter ones scan).
TermMatch term_match(Engine engine, const std::string& term, int parameter) {
  const std::string p = "?" + std::to_string(parameter);
  const TermMatch sqlite =
      code_points(term) >= 3
          ? TermMatch{"f.rowid IN (SELECT rowid FROM case_search WHERE case_search MATCH " + p +
                          ")",
                      fts_phrase(term)}
          : TermMatch{"f.rowid IN (SELECT rowid FROM case_search WHERE instr(lower(title), " + p +
                          ") > 0 OR instr(lower(body), " + p + ") > 0 OR instr(lower(answer), " +
                          p + ") > 0 OR instr(lower(notes), " + p + ") > 0)",
                      term};
  const TermMatch postgresql{
      "(f.title ILIKE " + p + " OR f.body ILIKE " + p + " OR f.answer_text ILIKE " + p +
          " OR EXISTS (SELECT 1 FROM case_event AS e WHERE e.case_id = f.id AND e.text ILIKE " + p +
          "))",
      contains_pattern(term)};
  return {std::string(dialect::pick(engine, sqlite.condition, postgresql.condition)),
          std::string(dialect::pick(engine, sqlite.value, postgresql.value))};
}

std::vector<Event> texts_of_events(Store& store, const std::string& id) {
  Statement q(store,
              "SELECT case_seq, action, detail, text FROM case_event WHERE case_id = ? AND "
              "(text <> '' OR action = 'correct') ORDER BY case_seq");
  q.bind(1, id);
  std::vector<Event> events;
  while (q.step()) {
    Event event;
    event.case_id = id;
    event.case_seq = q.int32(0);
    event.action = *parse_action(q.text(1));
    event.detail = q.text(2);
    event.text = q.text(3);
    events.push_back(std::move(event));
  }
  return events;
}

}  // namespace

std::vector<SearchRow> matching_cases(Store& store,
                                      const std::vector<std::string>& terms,
                                      TermsJoin join,
                                      const SearchFilters& filters,
                                      std::optional<std::size_t> limit) {
  const Engine engine = store.engine();
  std::string match;
  int parameter = 0;
  for (const std::string& term : terms) {
    match += (match.empty()            ? ""
              : join == TermsJoin::all ? " AND "
                                       : " OR ") +
             term_match(engine, term, ++parameter).condition;
  }
  std::string sql =
      "SELECT f.id, f.state, f.type, coalesce(f.unit, ''), f.title, f.body, "
      "coalesce(f.answer_text, ''), coalesce(f.answer_unit, ''), f.received_at "
      "FROM case_file AS f WHERE (" +
      match + ")";
  const auto filter = [&](const char* column) {
    sql += " AND " + std::string(column) + " ?" + std::to_string(++parameter);
  };
  if (filters.type) {
    filter("f.type =");
  }
  if (filters.unit) {
    filter("f.unit =");
  }
  if (filters.state) {
    filter("f.state =");
  }
  if (filters.since) {
    filter("f.received_at >=");
  }
  if (filters.except_id) {
    filter("f.id <>");
  }
  if (filters.answered_only) {
    sql += " AND f.answer_text IS NOT NULL";
  }
  sql += " ORDER BY f.received_at DESC, f.id DESC";
  if (limit) {
    sql += " LIMIT " + std::to_string(*limit);
  }
  Statement q(store, sql);
  parameter = 0;
  for (const std::string& term : terms) {
    ++parameter;
    q.bind(parameter, term_match(engine, term, parameter).value);
  }
  if (filters.type) {
    q.bind(++parameter, to_string(*filters.type));
  }
  if (filters.unit) {
    q.bind(++parameter, *filters.unit);
  }
  if (filters.state) {
    q.bind(++parameter, to_string(*filters.state));
  }
  if (filters.since) {
    q.bind(++parameter, format_utc(*filters.since));
  }
  if (filters.except_id) {
    q.bind(++parameter, *filters.except_id);
  }
  std::vector<SearchRow> rows;
  while (q.step()) {
    SearchRow row;
    row.id = q.text(0);
    row.state = *parse_state(q.text(1));
    row.type = *parse_case_type(q.text(2));
    row.unit = q.text(3);
    row.title = q.text(4);
    row.body = q.text(5);
    row.answer = q.text(6);
    row.answer_unit = q.text(7);
    row.received_at = parse_utc(q.text(8));
    rows.push_back(std::move(row));
  }
  for (SearchRow& row : rows) {
    row.events = texts_of_events(store, row.id);
  }
  return rows;
}

std::int64_t cases_containing(Store& store, const std::string& term) {
  const TermMatch match = term_match(store.engine(), term, 1);
  Statement q(store, "SELECT count(*) FROM case_file AS f WHERE " + match.condition);
  q.bind(1, match.value);
  return q.scalar_int64();
}

std::int64_t case_total(Store& store) {
  return Statement(store, "SELECT count(*) FROM case_file").scalar_int64();
}

}  // namespace ent110
