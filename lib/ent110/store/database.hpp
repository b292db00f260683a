// SPDX-License-Identifier: MIT
// The one database interface under the store: a connection to SQLite or PostgreSQL and its
// prepared statements. Only lib/ent110/store implements or includes it; everything above talks
// to Store and Statement (statement.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ent110 {

/// The database engine behind a store.
enum class Engine { sqlite, postgresql };

/// What went wrong in the engine, in words the store maps to exit codes (store.cpp). Thrown by
/// connections and prepared statements only; the store turns it into StoreError or BadInput
/// before it leaves lib/ent110/store.
class DatabaseFailure : public std::runtime_error {
 public:
  enum class Kind {
    busy,           ///< locked by another connection past the wait
    serialization,  ///< a concurrent transaction won; the whole transaction may be retried
    constraint,     ///< a CHECK, NOT NULL, UNIQUE or FOREIGN KEY refused a value
    full,           ///< disk or quota full
    not_writable,   ///< read-only file or connection
    not_permitted,  ///< the database login lacks the privilege (PostgreSQL's grants)
    not_database,   ///< not a database of this engine, or damaged
    other
  };
  /// `detail`: for a constraint its kind ("CHECK", "UNIQUE" …); otherwise the engine's fixed
  /// description of the error code, never text that quotes SQL or values.
  DatabaseFailure(Kind kind, std::string code, std::string detail)
      : std::runtime_error(detail),
        m_kind(kind),
        m_code(std::move(code)),
        m_detail(std::move(detail)) {}

  Kind kind() const { return m_kind; }
  /// The engine's own code: SQLite's extended result code or PostgreSQL's SQLSTATE.
  const std::string& code() const { return m_code; }
  const std::string& detail() const { return m_detail; }

 private:
  Kind m_kind;
  std::string m_code;
  std::string m_detail;
};

/// One prepared statement of a connection. Parameters are numbered from 1, columns from 0.
/// SQL is written once for both engines with `?` or `?NNN` placeholders; PostgreSQL's backend
/// rewrites them to `$N`.
class PreparedStatement {
 public:
  virtual ~PreparedStatement() = default;
  virtual void bind_null(int index) = 0;
  virtual void bind_integer(int index, std::int64_t value) = 0;
  virtual void bind_real(int index, double value) = 0;
  virtual void bind_text(int index, std::string_view value) = 0;
  /// Runs the statement up to its next row; false when there is none (the statement is done).
  virtual bool step() = 0;
  /// Rows changed by the statement once done.
  virtual std::int64_t changes() const = 0;
  /// Makes the statement runnable again with the same bindings.
  virtual void reset() = 0;
  /// Sets every parameter to NULL, as a statement just prepared has them.
  virtual void clear_bindings() = 0;
  virtual int column_count() const = 0;
  virtual std::string column_name(int column) const = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual std::string text(int column) const = 0;
};

/// A connection to one database.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;
  virtual std::unique_ptr<PreparedStatement> prepare(std::string_view sql) = 0;
  /// Runs a script of statements without parameters or results (a migration, SAVEPOINT …).
  virtual void execute(std::string_view script) = 0;
  /// Starts a transaction that will write: it takes the write lock now (SQLite's BEGIN
  /// IMMEDIATE; on PostgreSQL an advisory lock at BEGIN), so that two writers never both read a
  /// state and then both act on it.
  virtual void begin_write() = 0;
  /// Starts a transaction that only reads: every statement in it sees one snapshot, so a report's
  /// figures never mix states before and after another process's write.
  virtual void begin_read() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool in_transaction() const = 0;
  /// The schema version the database records (SQLite's user_version, PostgreSQL's
  /// ent110_schema row); 0 for an empty database.
  virtual int schema_version() = 0;
  /// Records `version` inside the current transaction.
  virtual void set_schema_version(int version) = 0;
};

}  // namespace ent110
