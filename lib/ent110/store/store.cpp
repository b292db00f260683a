// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/store.hpp>

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ent110 {
namespace {

bool is_busy(const SQLite::Exception& error) {
  return (error.getErrorCode() & 0xff) == SQLITE_BUSY ||
         (error.getErrorCode() & 0xff) == SQLITE_LOCKED;
}

// Creating the file ourselves is the only way to choose its mode: SQLite uses 0644.
void create_with_mode(const std::filesystem::path& path, unsigned mode) {
  std::error_code ignored;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ignored);
  }
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) {
    throw StoreError(MessageId::db_cannot_open, {path.string(), std::strerror(errno)});
  }
  ::fchmod(fd, static_cast<mode_t>(mode));  // umask must not widen or narrow the configured mode
  ::close(fd);
}

void configure(SQLite::Database& db, int busy_timeout_ms, Access access) {
  db.setBusyTimeout(busy_timeout_ms);
  db.exec("PRAGMA foreign_keys = ON");
  if (access == Access::read_write) {
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
  }
}

std::unique_ptr<SQLite::Database> connect(const std::string& path,
                                          Access access,
                                          int busy_timeout_ms) {
  const int flags = access == Access::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE;
  auto db = std::make_unique<SQLite::Database>(path, flags);
  configure(*db, busy_timeout_ms, access);
  // A file that is not SQLite only fails on first read; make that happen here.
  db->execAndGet("PRAGMA user_version");
  return db;
}

}  // namespace

Store::Store(std::unique_ptr<SQLite::Database> db,
             std::string path,
             Access access,
             int busy_timeout_ms,
             int version_at_open)
    : m_db(std::move(db)),
      m_path(std::move(path)),
      m_access(access),
      m_busy_timeout_ms(busy_timeout_ms),
      m_version_at_open(version_at_open) {}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::filesystem::path& path, Access access, const StoreOptions& options) {
  const std::string name = path.string();
  if (!std::filesystem::exists(path)) {
    if (!options.create) {
      throw StoreError(MessageId::db_missing, {name});
    }
    create_with_mode(path, options.file_mode);
  }
  try {
    auto db = connect(name, options.create ? Access::read_write : access, options.busy_timeout_ms);
    const int version = schema_version(*db);
    if (access == Access::read_write || options.create) {
      migrate(*db, name);
      return Store(std::move(db), name, Access::read_write, options.busy_timeout_ms, version);
    }
    if (version > latest_schema_version()) {
      throw StoreError(MessageId::db_too_new,
                       {name, std::to_string(version), std::to_string(latest_schema_version())});
    }
    if (version < latest_schema_version()) {
      db.reset();
      migrate(*connect(name, Access::read_write, options.busy_timeout_ms), name);
      db = connect(name, Access::read_only, options.busy_timeout_ms);
    }
    return Store(std::move(db), name, Access::read_only, options.busy_timeout_ms, version);
  } catch (const SQLite::Exception& error) {
    if (is_busy(error)) {
      throw StoreError(MessageId::db_busy, {name, std::to_string(options.busy_timeout_ms)});
    }
    throw StoreError(MessageId::db_cannot_open, {name, error.what()});
  }
}

Store Store::open_in_memory() {
  auto db =
      std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db->exec("PRAGMA foreign_keys = ON");
  migrate(*db, ":memory:");
  return Store(std::move(db), ":memory:", Access::read_write, 0, 0);
}

void Store::write(const std::function<void()>& work) {
  try {
    if (sqlite3_get_autocommit(m_db->getHandle()) == 0) {
      // A write inside a write (one command made of several library actions, such as
      // `triage --apply`) joins the outer transaction; the savepoint undoes only its own part
      // when it throws, and the outer commit makes everything durable at once.
      m_db->exec("SAVEPOINT nested_write");
      try {
        work();
      } catch (...) {
        m_db->exec("ROLLBACK TO nested_write");
        m_db->exec("RELEASE nested_write");
        throw;
      }
      m_db->exec("RELEASE nested_write");
      return;
    }
    SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    work();
    transaction.commit();
  } catch (const SQLite::Exception& error) {
    if (is_busy(error)) {
      throw StoreError(MessageId::db_busy, {m_path, std::to_string(m_busy_timeout_ms)});
    }
    throw StoreError(MessageId::db_error, {m_path, error.what()});
  }
}

void Store::read(const std::function<void()>& work) {
  try {
    work();
  } catch (const SQLite::Exception& error) {
    if (is_busy(error)) {
      throw StoreError(MessageId::db_busy, {m_path, std::to_string(m_busy_timeout_ms)});
    }
    throw StoreError(MessageId::db_error, {m_path, error.what()});
  }
}

}  // namespace ent110
