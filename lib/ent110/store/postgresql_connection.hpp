// SPDX-License-Identifier: MIT
// The PostgreSQL engine of the database interface (internal to lib/ent110/store), over libpq's C
// API. Parameters and results travel as text: PostgreSQL infers each parameter's type from where
// it stands, and the repositories read integers, reals and text as SQLite gives them.
#pragma once

#include <ent110/store/database.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;

namespace ent110 {

/// `sql` with SQLite's placeholders (`?`, numbered in order, and `?NNN`) written as PostgreSQL's
/// `$N`, leaving string literals, quoted identifiers and comments alone. `parameters` receives the
/// highest parameter number.
std::string postgresql_placeholders(std::string_view sql, int& parameters);

class PostgresqlConnection final : public Connection {
 public:
  /// Connects to `uri`; DatabaseFailure(other) with libpq's short reason when it cannot.
  explicit PostgresqlConnection(const std::string& uri);
  ~PostgresqlConnection() override;
  PostgresqlConnection(const PostgresqlConnection&) = delete;
  PostgresqlConnection& operator=(const PostgresqlConnection&) = delete;

  Engine engine() const override { return Engine::postgresql; }
  std::unique_ptr<PreparedStatement> prepare(std::string_view sql) override;
  void execute(std::string_view script) override;
  void begin_write() override;
  void begin_read() override;
  void commit() override;
  void rollback() override;
  bool in_transaction() const override;
  int schema_version() override;
  void set_schema_version(int version) override;

  /// Whether the database holds tables (in the schemas on the search path) but no ent110_schema
  /// row: somebody else's database, which ent110 refuses to touch.
  bool is_foreign_database();

  /// Forgets prepared statement `name` (by the statement's destructor), with others in a batch;
  /// never inside a failed transaction, where PostgreSQL refuses every command.
  void deallocate(const std::string& name);

 private:
  void deallocate_pending();

  pg_conn* m_connection;
  int m_statements_prepared = 0;
  std::vector<std::string> m_pending_deallocations;
};

}  // namespace ent110
