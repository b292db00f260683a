// SPDX-License-Identifier: MIT
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

namespace ent110 {

/// PRAGMA application_id of an ent110 database: "E110" in ASCII, set by schema/009.
constexpr int k_application_id = 0x45313130;

/// One forward-only migration, schema/NNN_name.sql, embedded in the binary.
struct Migration {
  int version;       ///< NNN, also the PRAGMA user_version after it is applied
  std::string name;  ///< the file name
  std::string sql;
};

/// The embedded migrations in version order (versions 1, 2, … without gaps).
const std::vector<Migration>& migrations();

/// The schema version this program writes: the last migration's version.
int latest_schema_version();

/// PRAGMA user_version of `db`.
int schema_version(SQLite::Database& db);

/// Applies every migration newer than `db`'s user_version, all in one transaction; returns how
/// many ran. Throws StoreError(db_too_new) when `db` is newer than this program, and
/// StoreError(db_migration_failed) when one fails (nothing is applied then).
int migrate(SQLite::Database& db, const std::string& path);

}  // namespace ent110
