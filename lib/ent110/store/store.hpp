// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/store/database.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ent110 {

/// How a command uses the database: read-only commands never take a write lock.
enum class Access { read_only, read_write };

/// Settings for opening the database (from Config).
struct StoreOptions {
  int busy_timeout_ms = 5000;
  unsigned file_mode = 0600;  ///< for a file that does not exist yet
  bool create = false;        ///< create the file when missing (only `init` does)
};

/// The SQLite database: WAL, foreign keys on, busy timeout, schema migrated on open.
class Store {
 public:
  /// Opens (or with `options.create`, creates) the database at `path` and applies pending
  /// migrations in one transaction. A read-only open of an out-of-date file migrates it first.
  /// Only an ent110 database is opened: PRAGMA application_id k_application_id (schema 009), or
  /// application_id 0 with an older ent110 version and its registers; an empty SQLite file only
  /// with `options.create`. Any other file is refused before anything writes to it. Directories
  /// it creates are 0700. Throws StoreError: missing file, not an ent110 database, newer schema
  /// than this program, locked, not SQLite.
  static Store open(const std::filesystem::path& path, Access access, const StoreOptions& options);

  /// A location that is a libpq URI (postgresql://… or postgres://…) opens PostgreSQL instead:
  /// a database with ent110_schema, or with `options.create` an empty one; one with other
  /// tables is refused unchanged. Reads run read-only there, the busy timeout is its
  /// lock_timeout.

  /// An in-memory database with every migration applied, for tests.
  static Store open_in_memory();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// The connection; SQL lives in lib/ent110/store and the *_repo files only.
  Connection& connection() { return *m_connection; }
  Engine engine() const { return m_connection->engine(); }
  /// The path given to open(), or ":memory:".
  const std::string& path() const { return m_path; }
  /// Whether open() was read-write.
  Access access() const { return m_access; }
  /// The schema version the file had before open() migrated it (0 for a new file).
  int version_at_open() const { return m_version_at_open; }
  /// The permission bits of the database file when it was opened (0 in memory).
  unsigned file_mode() const { return m_file_mode; }

  /// Runs `work` inside one BEGIN IMMEDIATE transaction: commits when it returns, rolls back
  /// when it throws (and rethrows). SQLite errors become StoreError; SQLITE_BUSY names the wait.
  /// Called inside another write, it joins that transaction (under a savepoint). A transaction
  /// that lost to a concurrent one (PostgreSQL's serialization failure) is rolled back and
  /// `work` run again in a new one, a few times before it fails as busy.
  void write(const std::function<void()>& work);

  /// Brings SQLite's search index up to date with the cases written since it was (another tool's
  /// writes: ent110's own update it as they commit), through a read-write connection of its own
  /// when this one is read-only. Inside a write, it indexes that write's cases so far.
  void update_search_index();

  /// Runs `work` in one read-only snapshot (a read transaction, or the transaction already open),
  /// translating engine errors into StoreError.
  void read(const std::function<void()>& work);

  /// Throws the ent110 error for `failure` on this database: busy → StoreError(db_busy, naming
  /// the wait); a constraint → BadInput(db_value_refused, exit 5); anything else StoreError.
  [[noreturn]] void fail(const DatabaseFailure& failure) const;

 private:
  friend class Statement;
  friend class StatementReuse;

  /// The idle prepared form of `sql` kept by a StatementReuse, or nullptr.
  std::unique_ptr<PreparedStatement> take_prepared(std::string_view sql);
  /// Keeps `prepared` (of `sql`, done with) for the next Statement of the same SQL while a
  /// StatementReuse is alive; otherwise it is finalized.
  void keep_prepared(std::string_view sql, std::unique_ptr<PreparedStatement> prepared);
  static Store open_postgresql(const std::string& uri, Access access, const StoreOptions& options);

  Store(std::unique_ptr<Connection> connection,
        std::string path,
        Access access,
        int busy_timeout_ms,
        int version_at_open);

  std::unique_ptr<Connection> m_connection;
  std::string m_path;
  Access m_access;
  int m_busy_timeout_ms;
  int m_version_at_open;
  unsigned m_file_mode = 0;
  int m_reuse_depth = 0;
  // Declared after the connection, so destroyed before it: a statement outlives no connection.
  std::unordered_map<std::string, std::unique_ptr<PreparedStatement>> m_idle;
};

/// While alive, a statement done with keeps its prepared form, and the next Statement of the same
/// SQL on `store` takes it instead of preparing again: a loop that runs the same few statements
/// for each of many rows (bulk intake) prepares each once. Nests; the last one to end finalizes
/// what was kept.
class StatementReuse {
 public:
  explicit StatementReuse(Store& store) : m_store(store) { ++m_store.m_reuse_depth; }
  ~StatementReuse();
  StatementReuse(const StatementReuse&) = delete;
  StatementReuse& operator=(const StatementReuse&) = delete;

 private:
  Store& m_store;
};

/// While alive, SQLite keeps its temporary files in memory: above all the statement journal,
/// which each statement of a transaction rewrites with the pages it changes (a bulk intake wrote
/// some 50 pages a case to a file in /var/tmp, 40% of its CPU time). For a batch of statements
/// that each change a few rows; a large sort of its own would also be held in memory. Nothing on
/// PostgreSQL, nor inside a transaction (SQLite cannot change it there).
class TemporaryFilesInMemory {
 public:
  explicit TemporaryFilesInMemory(Store& store);
  ~TemporaryFilesInMemory();
  TemporaryFilesInMemory(const TemporaryFilesInMemory&) = delete;
  TemporaryFilesInMemory& operator=(const TemporaryFilesInMemory&) = delete;

 private:
  Store& m_store;
  bool m_set = false;
};

/// Throws the ent110 error for `failure` on the database at `path`, never with the engine's own
/// text (it can quote SQL and values): busy or locked → StoreError(db_busy, naming
/// `busy_timeout_ms`); a constraint → BadInput(db_value_refused, naming its kind: exit 5); no
/// privilege → Refused; disk full, not writable, not a database or damaged, anything else →
/// StoreError (exit 6).
[[noreturn]] void throw_database_error(const std::string& path,
                                       const DatabaseFailure& failure,
                                       int busy_timeout_ms);

/// Whether permission bits `mode` let users outside the owner's group read or write the file.
bool world_accessible(unsigned mode);

}  // namespace ent110
