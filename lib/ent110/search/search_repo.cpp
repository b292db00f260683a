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

// `q`: rows_of's query of a case's events, run again for each case.
std::vector<Event> texts_of_events(Statement& q, const std::string& id) {
  q.reset();
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

constexpr const char* k_row_columns =
    "SELECT f.id, f.state, f.type, coalesce(f.unit, ''), f.title, f.body, "
    "coalesce(f.answer_text, ''), coalesce(f.answer_unit, ''), f.received_at ";

// PostgreSQL: the ids of the cases containing any of `count` terms, bound as ILIKE patterns from
// parameter `first` on. Case columns and event texts are looked up apart, each an OR of ILIKEs
// that one bitmap scan of pg_trgm's GIN indexes answers (an EXISTS beside them would not be).
std::string postgresql_containing_any(std::size_t count, std::size_t first) {
  std::string case_columns;
  std::string event_texts;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string p = "?" + std::to_string(first + i);
    const std::string or_ = i == 0 ? "" : " OR ";
    case_columns += or_ + "title ILIKE " + p + " OR body ILIKE " + p + " OR answer_text ILIKE " + p;
    event_texts += or_ + "text ILIKE " + p;
  }
  return "SELECT id FROM case_file WHERE " + case_columns +
         " UNION SELECT case_id FROM case_event WHERE " + event_texts;
}

// The rows of a query that selects k_row_columns, each with its events' texts.
std::vector<SearchRow> rows_of(Store& store, Statement& q) {
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
  if (rows.empty()) {
    return rows;
  }
  // Prepared once for all the rows: preparing costs more than running it for one case.
  Statement events_of_case(store,
                           "SELECT case_seq, action, detail, text FROM case_event WHERE case_id = "
                           "? AND (text <> '' OR action = 'correct') ORDER BY case_seq");
  for (SearchRow& row : rows) {
    row.events = texts_of_events(events_of_case, row.id);
  }
  return rows;
}

}  // namespace

std::vector<SearchRow> matching_cases(Store& store,
                                      const std::vector<std::string>& terms,
                                      const SearchFilters& filters) {
  const Engine engine = store.engine();
  std::string match;
  int parameter = 0;
  for (const std::string& term : terms) {
    match += (match.empty() ? "" : " AND ") + term_match(engine, term, ++parameter).condition;
  }
  std::string sql = k_row_columns + ("FROM case_file AS f WHERE (" + match + ")");
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
  sql += " ORDER BY f.received_at DESC, f.id DESC";
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
  return rows_of(store, q);
}

std::vector<SearchRow> answered_containing_any(Store& store,
                                               const std::vector<std::string>& trigrams,
                                               const std::string& except_id,
                                               std::size_t newest,
                                               std::size_t limit) {
  if (trigrams.empty()) {
    return {};
  }
  // SQLite: one FTS5 query with the terms OR-ed, walked newest row first and cut at `newest`,
  // so that FTS5 stops early instead of listing every row that holds a common trigram.
  std::string fts_query;
  for (const std::string& term : trigrams) {
    fts_query += (fts_query.empty() ? "" : " OR ") + fts_phrase(term);
  }
  const std::string sqlite_newest =
      "SELECT rowid AS r FROM case_search WHERE case_search MATCH ?2 ORDER BY rowid DESC LIMIT " +
      std::to_string(newest) + ") AS newest JOIN case_file AS f ON f.rowid = newest.r";
  // PostgreSQL: the same cut over what pg_trgm's GIN indexes find.
  const std::string postgresql_newest = "SELECT f.id AS r FROM case_file AS f WHERE f.id IN (" +
                                        postgresql_containing_any(trigrams.size(), 2) +
                                        ") ORDER BY f.received_at DESC, f.id DESC LIMIT " +
                                        std::to_string(newest) +
                                        ") AS newest JOIN case_file AS f ON f.id = newest.r";
  const Engine engine = store.engine();
  Statement q(store,
              k_row_columns +
                  ("FROM (" + std::string(dialect::pick(engine, sqlite_newest, postgresql_newest)) +
                   " WHERE f.answer_text IS NOT NULL AND f.id <> ?1 "
                   "ORDER BY f.received_at DESC, f.id DESC LIMIT " +
                   std::to_string(limit)));
  q.bind(1, except_id);
  if (engine == Engine::sqlite) {
    q.bind(2, fts_query);
  } else {
    for (std::size_t i = 0; i < trigrams.size(); ++i) {
      q.bind(static_cast<int>(i) + 2, contains_pattern(trigrams[i]));
    }
  }
  return rows_of(store, q);
}

std::int64_t cases_containing(Store& store, const std::string& term) {
  // Every case has its row in case_search: a trigram term is counted from FTS5's doclist alone.
  if (store.engine() == Engine::sqlite && code_points(term) >= 3) {
    Statement q(store, "SELECT count(*) FROM case_search WHERE case_search MATCH ?1");
    q.bind(1, fts_phrase(term));
    return q.scalar_int64();
  }
  const TermMatch match = term_match(store.engine(), term, 1);
  const std::string sqlite_count = "SELECT count(*) FROM case_file AS f WHERE " + match.condition;
  const std::string postgresql_count =
      "SELECT count(*) FROM (" + postgresql_containing_any(1, 1) + ") AS containing";
  Statement q(store, dialect::pick(store.engine(), sqlite_count, postgresql_count));
  q.bind(1, match.value);
  return q.scalar_int64();
}

std::int64_t cases_containing_about(Store& store,
                                    const std::string& term,
                                    std::int64_t exact_up_to) {
  // The newest `exact_up_to` rows holding the term span rowids min(r)..max(rowid): the share they
  // make of that span is taken for the share of all cases.
  const std::string cap = std::to_string(exact_up_to);
  const std::string sqlite_count =
      "SELECT CASE WHEN count(*) < " + cap +
      " THEN count(*) ELSE count(*) * (SELECT max(rowid) FROM case_file) / "
      "((SELECT max(rowid) FROM case_file) - min(r) + 1) END FROM (SELECT rowid AS r FROM "
      "case_search WHERE case_search MATCH ?1 ORDER BY rowid DESC LIMIT " +
      cap + ") AS newest";
  const std::string postgresql_count =
      "SELECT count(*) FROM (" + postgresql_containing_any(1, 1) + ") AS containing";
  const Engine engine = store.engine();
  Statement q(store, dialect::pick(engine, sqlite_count, postgresql_count));
  q.bind(1, std::string(dialect::pick(engine, fts_phrase(term), contains_pattern(term))));
  return q.scalar_int64();
}

std::int64_t case_total(Store& store) {
  // Each year's cases are numbered 1, 2, … without gaps and never deleted, so the total is the
  // sum of each year's last number: one index lookup a year instead of counting every row.
  return Statement(store,
                   "WITH RECURSIVE seen(year) AS (SELECT min(year) FROM case_file UNION ALL "
                   "SELECT (SELECT min(year) FROM case_file WHERE year > seen.year) FROM seen "
                   "WHERE seen.year IS NOT NULL) "
                   "SELECT coalesce(sum((SELECT max(number) FROM case_file WHERE year = "
                   "seen.year)), 0) FROM seen WHERE seen.year IS NOT NULL")
      .scalar_int64();
}

}  // namespace ent110
