// SPDX-License-Identifier: MIT
// Collects the text of every statement run on a store's connection while it is installed, and
// gives each one's query plan, so that tests can check how a library function's queries run.
#pragma once

#include <ent110/store/store.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string>
#include <vector>

namespace ent110::test {

class StatementLog {
 public:
  explicit StatementLog(Store& store) : m_db(store.db().getHandle()) {
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

/// The detail lines of SQLite's EXPLAIN QUERY PLAN for `sql` ("SEARCH c USING INDEX …").
inline std::vector<std::string> query_plan(Store& store, const std::string& sql) {
  SQLite::Statement plan(store.db(), "EXPLAIN QUERY PLAN " + sql);
  std::vector<std::string> details;
  while (plan.executeStep()) {
    details.push_back(plan.getColumn(3).getString());
  }
  return details;
}

}  // namespace ent110::test
