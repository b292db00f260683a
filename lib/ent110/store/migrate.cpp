// SPDX-License-Identifier: MIT
// Migrations, per engine. SQLite replays schema/001…: files once released are never edited,
// because old databases replay them. No PostgreSQL database predates version 9, so PostgreSQL
// starts from schema/postgresql/009_baseline.sql, the equivalent of SQLite's schema after 009,
// and then runs the same schema/010… files as SQLite.
//
// A shared migration is written once in SQL both engines accept. A line that cannot be goes in a
// dialect block, kept for its engine and blanked for the other (blanked, not removed, so that
// line numbers in an error stay those of the file):
//
//   -- @sqlite
//   ALTER TABLE case_file DROP COLUMN legacy;      -- only SQLite runs this
//   -- @postgresql
//   ALTER TABLE case_file DROP COLUMN legacy CASCADE;
//   -- @end
//
// A marker stands alone on its line. The other engine's marker ends a block and opens the next;
// `-- @end` closes the open block; blocks do not nest.
#include <ent110/core/embedded.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/sqlite_connection.hpp>
#include <ent110/store/store.hpp>

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <cassert>
#include <optional>
#include <span>
#include <stdexcept>

namespace ent110 {

std::span<const EmbeddedFile> embedded_schema();
std::span<const EmbeddedFile> embedded_postgresql_schema();

namespace {

std::string file_name(const EmbeddedFile& file) {
  return std::string(file.name.substr(file.name.rfind('/') + 1));
}

int version_of(const std::string& file_name) {
  return std::stoi(file_name.substr(0, 3));
}

std::vector<Migration> read_migrations(std::span<const EmbeddedFile> files, Engine engine) {
  std::vector<Migration> list;
  for (const EmbeddedFile& file : files) {
    const std::string name = file_name(file);
    list.push_back(Migration{version_of(name), name, dialect_lines(file.content, engine)});
  }
  std::sort(list.begin(), list.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return list;
}

bool numbered_without_gaps(const std::vector<Migration>& list) {
  for (std::size_t i = 1; i < list.size(); ++i) {
    if (list[i].version != list[i - 1].version + 1) {
      return false;
    }
  }
  return true;
}

std::string_view trimmed(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) {
    return {};
  }
  return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

std::string dialect_lines(std::string_view sql, Engine engine) {
  std::string out;
  std::optional<Engine> block;
  int line_number = 0;
  while (!sql.empty()) {
    ++line_number;
    const std::size_t end = sql.find('\n');
    const std::string_view line = sql.substr(0, end);
    sql = end == std::string_view::npos ? std::string_view() : sql.substr(end + 1);
    const std::string_view marker = trimmed(line);
    const auto malformed = [&](const char* what) {
      return std::invalid_argument("line " + std::to_string(line_number) + ": " + what);
    };
    if (marker == "-- @sqlite" || marker == "-- @postgresql") {
      const Engine opened = marker == "-- @sqlite" ? Engine::sqlite : Engine::postgresql;
      if (block == opened) {
        throw malformed("a dialect block opens inside a block of the same engine");
      }
      block = opened;
    } else if (marker == "-- @end") {
      if (!block) {
        throw malformed("-- @end without a dialect block");
      }
      block.reset();
    } else if (marker.starts_with("-- @")) {
      throw malformed("unknown dialect marker");
    } else if (!block || *block == engine) {
      out.append(line);
    }
    if (end != std::string_view::npos) {
      out += '\n';
    }
  }
  if (block) {
    throw std::invalid_argument("a dialect block is not closed by -- @end");
  }
  return out;
}

const std::vector<Migration>& migrations(Engine engine) {
  static const std::vector<Migration> k_sqlite = [] {
    std::vector<Migration> list = read_migrations(embedded_schema(), Engine::sqlite);
    assert(numbered_without_gaps(list) && list.front().version == 1 &&
           "schema/ files must be numbered 001, 002, …");
    return list;
  }();
  static const std::vector<Migration> k_postgresql = [] {
    std::vector<Migration> list = read_migrations(embedded_postgresql_schema(), Engine::postgresql);
    const int baseline = list.back().version;
    for (Migration& shared : read_migrations(embedded_schema(), Engine::postgresql)) {
      if (shared.version > baseline) {
        list.push_back(std::move(shared));
      }
    }
    assert(numbered_without_gaps(list) && list.back().version == k_sqlite.back().version &&
           "schema/postgresql/ must lead on to the shared schema/ files");
    return list;
  }();
  return engine == Engine::sqlite ? k_sqlite : k_postgresql;
}

const std::vector<Migration>& migrations() {
  return migrations(Engine::sqlite);
}

int latest_schema_version() {
  // From the file names alone: a database that is up to date, as nearly every one is at every
  // command, needs no schema text read.
  static const int k_latest = [] {
    int latest = 0;
    for (const EmbeddedFile& file : embedded_schema()) {
      latest = std::max(latest, version_of(file_name(file)));
    }
    return latest;
  }();
  return k_latest;
}

namespace {

// Whether a database at version `current` needs no migration; StoreError(db_too_new) when it is
// newer than this program.
bool up_to_date(int current, const std::string& path) {
  const int latest = latest_schema_version();
  if (current > latest) {
    throw StoreError(MessageId::db_too_new,
                     {path, std::to_string(current), std::to_string(latest)});
  }
  return current == latest;
}

}  // namespace

int schema_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

int migrate(SQLite::Database& db, const std::string& path) {
  if (up_to_date(schema_version(db), path)) {
    return 0;
  }
  // 008 seals the audit baseline of the rows it finds with the chain's own hash.
  register_chain_hash_function(db);
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  // Another process may have migrated while we waited for the lock.
  const int locked_version = schema_version(db);
  int applied = 0;
  for (const Migration& migration : migrations()) {
    if (migration.version <= locked_version) {
      continue;
    }
    try {
      db.exec(migration.sql);
      db.exec("PRAGMA user_version = " + std::to_string(migration.version));
    } catch (const SQLite::Exception& error) {
      throw StoreError(MessageId::db_migration_failed, {path, std::to_string(migration.version),
                                                        migration.name, sqlite_error_text(error)});
    }
    ++applied;
  }
  transaction.commit();
  return applied;
}

int migrate(Connection& connection, const std::string& path) {
  if (connection.engine() == Engine::sqlite) {
    return migrate(static_cast<SqliteConnection&>(connection).database(), path);
  }
  if (up_to_date(connection.schema_version(), path)) {
    return 0;
  }
  // begin_write queues migrators (and every writer) on one lock; a migrator that waited for it
  // sees the version another one committed meanwhile, and skips what that one applied.
  connection.begin_write();
  int applied = 0;
  try {
    const int locked_version = connection.schema_version();
    for (const Migration& migration : migrations(Engine::postgresql)) {
      if (migration.version <= locked_version) {
        continue;
      }
      try {
        connection.execute(migration.sql);
        connection.set_schema_version(migration.version);
      } catch (const DatabaseFailure& failure) {
        throw StoreError(MessageId::db_migration_failed, {path, std::to_string(migration.version),
                                                          migration.name, failure.detail()});
      }
      ++applied;
    }
    connection.commit();
  } catch (...) {
    connection.rollback();
    throw;
  }
  return applied;
}

}  // namespace ent110
