// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/store/database.hpp>

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

/// PRAGMA application_id of an ent110 database: "E110" in ASCII, set by schema/009.
constexpr int k_application_id = 0x45313130;

/// One forward-only migration, schema/NNN_name.sql (or schema/postgresql/NNN_name.sql), embedded
/// in the binary, with only its engine's dialect lines (dialect_lines).
struct Migration {
  int version;       ///< NNN, also the schema version after it is applied
  std::string name;  ///< the file name
  std::string sql;
};

/// The embedded migrations of `engine` in version order, without gaps: SQLite's from 1,
/// PostgreSQL's from its baseline (schema/postgresql/009_baseline.sql) followed by the shared
/// migrations after it.
const std::vector<Migration>& migrations(Engine engine);
/// SQLite's migrations (versions 1, 2, …).
const std::vector<Migration>& migrations();

/// The schema version this program writes, the same on both engines: the last migration's.
int latest_schema_version();

/// `sql` with the lines of the other engine's dialect blocks blanked (see migrate.cpp). Throws
/// std::invalid_argument naming the line of a malformed block.
std::string dialect_lines(std::string_view sql, Engine engine);

/// PRAGMA user_version of `db`.
int schema_version(SQLite::Database& db);

/// Applies every migration newer than `db`'s user_version, all in one transaction; returns how
/// many ran. Throws StoreError(db_too_new) when `db` is newer than this program, and
/// StoreError(db_migration_failed) when one fails (nothing is applied then).
int migrate(SQLite::Database& db, const std::string& path);
/// migrate on either engine; `path` names the database in messages.
int migrate(Connection& connection, const std::string& path);

}  // namespace ent110
