// SPDX-License-Identifier: MIT
// The SQLite engine of the database interface (internal to lib/ent110/store).
#pragma once

#include <ent110/store/database.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <memory>
#include <string>

namespace ent110 {

/// The ent110 failure for a SQLiteCpp exception: the kind from its result code, the detail
/// from SQLite's fixed description of that code (never what(), which can quote SQL).
DatabaseFailure sqlite_failure(const SQLite::Exception& error);

/// throw_database_error (store.hpp) for a SQLiteCpp exception.
[[noreturn]] void throw_database_error(const std::string& path,
                                       const SQLite::Exception& error,
                                       int busy_timeout_ms);

/// SQLite's fixed description of the error's code ("database or disk is full"), without the
/// statement-specific detail of what().
std::string sqlite_error_text(const SQLite::Exception& error);

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(std::unique_ptr<SQLite::Database> db);

  Engine engine() const override { return Engine::sqlite; }
  std::unique_ptr<PreparedStatement> prepare(std::string_view sql) override;
  void execute(std::string_view script) override;
  void begin_write() override;
  void begin_read() override;
  void commit() override;
  void rollback() override;
  bool in_transaction() const override;
  int schema_version() override;
  void set_schema_version(int version) override;

  /// The SQLite connection, for what only SQLite has (PRAGMAs, VACUUM INTO, SQL functions).
  SQLite::Database& database() { return *m_db; }

 private:
  std::unique_ptr<SQLite::Database> m_db;
};

}  // namespace ent110
