// SPDX-License-Identifier: MIT
#include <ent110/core/embedded.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/store.hpp>

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <cassert>
#include <span>

namespace ent110 {

std::span<const EmbeddedFile> embedded_schema();

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> k_migrations = [] {
    std::vector<Migration> list;
    for (const EmbeddedFile& file : embedded_schema()) {
      const std::string name(file.name.substr(file.name.rfind('/') + 1));
      list.push_back(Migration{std::stoi(name.substr(0, 3)), name, std::string(file.content)});
    }
    std::sort(list.begin(), list.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < list.size(); ++i) {
      assert(list[i].version == static_cast<int>(i + 1) &&
             "schema/ files must be numbered 001, 002, …");
    }
    return list;
  }();
  return k_migrations;
}

int latest_schema_version() {
  return migrations().empty() ? 0 : migrations().back().version;
}

int schema_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

int migrate(SQLite::Database& db, const std::string& path) {
  const int current = schema_version(db);
  const int latest = latest_schema_version();
  if (current > latest) {
    throw StoreError(MessageId::db_too_new,
                     {path, std::to_string(current), std::to_string(latest)});
  }
  if (current == latest) {
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

}  // namespace ent110
