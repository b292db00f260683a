// SPDX-License-Identifier: MIT
// Collects the text of every statement run on a store's connection while it is installed, and
// gives each one's query plan, so that tests can check how a library function's queries run.
#pragma once

#include <ent110/store/sqlite_connection.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <string>
#include <vector>

namespace ent110::test {

class StatementLog {
 public:
  explicit StatementLog(Store& store)
      : m_db(static_cast<SqliteConnection&>(store.connection()).database().getHandle()) {
    sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &StatementLog::record, this);
  }
  ~StatementLog() { sqlite3_trace_v2(m_db, 0, nullptr, nullptr); }
  StatementLog(const StatementLog&) = delete;
  StatementLog& operator=(const StatementLog&) = delete;

  const std::vector<std::string>& statements() const { return m_statements; }

 private:
  static int record(unsigned, void* self, void* statement, void*) {
    static_cast<StatementLog*>(self)->m_statements.emplace_back(
        sqlite3_sql(static_cast<sqlite3_stmt*>(statement)));
    return 0;
  }
  sqlite3* m_db;
  std::vector<std::string> m_statements;
};

/// Whether `store` is SQLite, whose statements and plans StatementLog and query_plan read; on
/// PostgreSQL a test of SQLite's plans says it is skipped (Catch2 2 has no SKIP).
inline bool plans_are_readable(Store& store) {
  if (store.engine() == Engine::sqlite) {
    return true;
  }
  WARN("skipped: the query plans checked here are SQLite's");
  return false;
}

/// The detail lines of SQLite's EXPLAIN QUERY PLAN for `sql` ("SEARCH c USING INDEX …").
inline std::vector<std::string> query_plan(Store& store, const std::string& sql) {
  Statement plan(store, "EXPLAIN QUERY PLAN " + sql);
  std::vector<std::string> details;
  while (plan.step()) {
    details.push_back(plan.text(3));
  }
  return details;
}

/// The reads among `statements` (SELECT and WITH), whose plans a test checks. A test that finds
/// none checks nothing: it should require that some were run.
inline std::vector<std::string> queries_among(const std::vector<std::string>& statements) {
  std::vector<std::string> queries;
  for (const std::string& sql : statements) {
    if (sql.starts_with("SELECT") || sql.starts_with("WITH")) {
      queries.push_back(sql);
    }
  }
  return queries;
}

/// Checks that no table of `sql`'s plan is read whole ("SCAN"): each starts from an index.
inline void check_no_full_scan(Store& store, const std::string& sql) {
  for (const std::string& detail : query_plan(store, sql)) {
    INFO(sql << "\n" << detail);
    CHECK_FALSE(detail.starts_with("SCAN "));
  }
}

}  // namespace ent110::test
