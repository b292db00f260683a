// SPDX-License-Identifier: MIT
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

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
  /// Throws StoreError: missing file, newer schema than this program, locked, not a database.
  static Store open(const std::filesystem::path& path, Access access, const StoreOptions& options);

  /// An in-memory database with every migration applied, for tests.
  static Store open_in_memory();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// The connection; SQL lives in lib/ent110/store and the *_repo files only.
  SQLite::Database& db() { return *m_db; }
  /// The path given to open(), or ":memory:".
  const std::string& path() const { return m_path; }
  /// Whether open() was read-write.
  Access access() const { return m_access; }
  /// The schema version the file had before open() migrated it (0 for a new file).
  int version_at_open() const { return m_version_at_open; }

  /// Runs `work` inside one BEGIN IMMEDIATE transaction: commits when it returns, rolls back
  /// when it throws (and rethrows). SQLite errors become StoreError; SQLITE_BUSY names the wait.
  /// Called inside another write, it joins that transaction (under a savepoint).
  void write(const std::function<void()>& work);

  /// Runs `work` translating SQLite errors into StoreError (for reads).
  void read(const std::function<void()>& work);

 private:
  Store(std::unique_ptr<SQLite::Database> db,
        std::string path,
        Access access,
        int busy_timeout_ms,
        int version_at_open);

  std::unique_ptr<SQLite::Database> m_db;
  std::string m_path;
  Access m_access;
  int m_busy_timeout_ms;
  int m_version_at_open;
};

}  // namespace ent110
