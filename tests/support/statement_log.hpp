// SPDX-License-Identifier: MIT
// Collects the text of every statement run on a store's connection while it is installed, so
// that tests can check the plan of each query a library function runs.
#pragma once

#include <ent110/store/store.hpp>

#include <SQLiteCpp/Database.h>
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

}  // namespace ent110::test
