// SPDX-License-Identifier: MIT
#include <ent110/store/sqlite_connection.hpp>

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

namespace ent110 {
namespace {

// Every call into SQLiteCpp goes through here, so that its exceptions leave as DatabaseFailure.
template <typename Work>
auto sqlite_call(Work&& work) {
  try {
    return work();
  } catch (const SQLite::Exception& error) {
    throw sqlite_failure(error);
  }
}

class SqliteStatement final : public PreparedStatement {
 public:
  SqliteStatement(SQLite::Database& db, std::string_view sql)
      : m_db(db), m_statement(db, std::string(sql)) {}

  void bind_null(int index) override {
    sqlite_call([&] { m_statement.bind(index); });
  }
  void bind_integer(int index, std::int64_t value) override {
    sqlite_call([&] { m_statement.bind(index, static_cast<int64_t>(value)); });
  }
  void bind_real(int index, double value) override {
    sqlite_call([&] { m_statement.bind(index, value); });
  }
  void bind_text(int index, std::string_view value) override {
    // Not bind(index, data, size): that overload binds a BLOB.
    sqlite_call([&] { m_statement.bind(index, std::string(value)); });
  }
  bool step() override {
    bool row = false;
    sqlite_call([&] { row = m_statement.executeStep(); });
    if (!row) {
      m_changes = m_db.getChanges();
    }
    return row;
  }
  std::int64_t changes() const override { return m_changes; }
  void reset() override {
    sqlite_call([&] { m_statement.reset(); });
  }
  void clear_bindings() override {
    sqlite_call([&] { m_statement.clearBindings(); });
  }
  int column_count() const override { return m_statement.getColumnCount(); }
  std::string column_name(int column) const override { return m_statement.getColumnName(column); }
  bool is_null(int column) const override {
    return sqlite_call([&] { return m_statement.isColumnNull(column); });
  }
  std::int64_t integer(int column) const override {
    return sqlite_call([&] { return m_statement.getColumn(column).getInt64(); });
  }
  double real(int column) const override {
    return sqlite_call([&] { return m_statement.getColumn(column).getDouble(); });
  }
  std::string text(int column) const override {
    return sqlite_call([&] { return m_statement.getColumn(column).getString(); });
  }

 private:
  SQLite::Database& m_db;
  SQLite::Statement m_statement;
  std::int64_t m_changes = 0;
};

}  // namespace

DatabaseFailure sqlite_failure(const SQLite::Exception& error) {
  using Kind = DatabaseFailure::Kind;
  const int extended = error.getExtendedErrorCode();
  const std::string code = std::to_string(extended);
  const std::string description = ::sqlite3_errstr(extended);
  switch (error.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DatabaseFailure(Kind::busy, code, description);
    case SQLITE_CONSTRAINT:
      return DatabaseFailure(
          Kind::constraint, code,
          extended == SQLITE_CONSTRAINT_CHECK     ? "CHECK"
          : extended == SQLITE_CONSTRAINT_NOTNULL ? "NOT NULL"
          : extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY
              ? "UNIQUE"
          : extended == SQLITE_CONSTRAINT_FOREIGNKEY ? "FOREIGN KEY"
                                                     : "integrity");
    case SQLITE_FULL:
      return DatabaseFailure(Kind::full, code, description);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      return DatabaseFailure(Kind::not_writable, code, description);
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return DatabaseFailure(Kind::not_database, code, description);
    default:
      return DatabaseFailure(Kind::other, code, description);
  }
}

SqliteConnection::SqliteConnection(std::unique_ptr<SQLite::Database> db) : m_db(std::move(db)) {}

std::unique_ptr<PreparedStatement> SqliteConnection::prepare(std::string_view sql) {
  std::unique_ptr<PreparedStatement> prepared;
  sqlite_call([&] { prepared = std::make_unique<SqliteStatement>(*m_db, sql); });
  return prepared;
}

void SqliteConnection::execute(std::string_view script) {
  sqlite_call([&] { m_db->exec(std::string(script)); });
}

void SqliteConnection::begin_write() {
  execute("BEGIN IMMEDIATE");
}

void SqliteConnection::begin_read() {
  // Deferred: the snapshot is taken at the first read, and no write lock is held.
  execute("BEGIN");
}

void SqliteConnection::commit() {
  execute("COMMIT");
}

void SqliteConnection::rollback() {
  if (in_transaction()) {
    execute("ROLLBACK");
  }
}

bool SqliteConnection::in_transaction() const {
  return ::sqlite3_get_autocommit(m_db->getHandle()) == 0;
}

int SqliteConnection::schema_version() {
  int version = 0;
  sqlite_call([&] { version = m_db->execAndGet("PRAGMA user_version").getInt(); });
  return version;
}

void SqliteConnection::set_schema_version(int version) {
  execute("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace ent110
