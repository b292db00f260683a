// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/store/sqlite_connection.hpp>
#include <ent110/store/store.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ent110::test {

/// What one in-process run of the command line returned.
struct CliResult {
  int code;
  std::string out;
  std::string err;
};

/// Runs `ent110 args…` in-process with an empty configuration (never the user's), English
/// messages unless `--lang` is given, and no colour.
CliResult run_cli(std::vector<std::string> args);

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// `name` inside the directory.
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }
  /// The directory.
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

/// Writes `content` to `path`.
void write_file(const std::filesystem::path& path, const std::string& content);

/// The SQLite connection of a store on a SQLite file, for the tests of what only SQLite has
/// (PRAGMAs, its locks); a test that calls it opened the file itself.
inline SQLite::Database& sqlite_of(Store& store) {
  return static_cast<SqliteConnection&>(store.connection()).database();
}

/// A store on a new database at the latest schema version: SQLite in memory, or with
/// ENT110_TEST_POSTGRESQL set (`./dev check --postgresql`), a new PostgreSQL database on that
/// server.
Store fresh_store();

/// A store on a new database at the latest schema version on which `prepare` has run. `prepare`
/// must do the same every time, as `preparation` names it (a fixture's fixed setup). On PostgreSQL
/// the first test process of a build to ask prepares a template database once and every call
/// clones it, which spares each fixture the setup's hundreds of round trips.
Store fresh_store(std::string_view preparation, const std::function<void(Store&)>& prepare);

/// ENT110_TEST_POSTGRESQL: the URI of the test server's maintenance database; nullopt without.
std::optional<std::string> postgresql_test_server();

/// The URI of a new, empty database on the PostgreSQL test server. Databases of test processes
/// that have ended are dropped on the way.
std::string fresh_postgresql_database();

/// The repository's source directory (for examples/ and holidays/).
std::filesystem::path source_dir();

/// The rows of the first table (tbl, after its "_" rule) in section `section` (".SH NAME") of
/// man page `page` (relative to the source tree), with "\-" read as "-".
std::vector<std::string> man_table_rows(const std::string& page, const std::string& section);

}  // namespace ent110::test
