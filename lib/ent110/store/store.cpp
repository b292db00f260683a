// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/interrupt.hpp>
#include <ent110/store/location.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/postgresql_connection.hpp>
#include <ent110/store/search_index.hpp>
#include <ent110/store/sqlite_connection.hpp>
#include <ent110/store/store.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace ent110 {
namespace {

// The StoreError(db_busy) of a transaction that a concurrent one made fail (PostgreSQL's
// serialization failure): Store::write runs the work again.
class SerializationFailure : public StoreError {
 public:
  using StoreError::StoreError;
};

// Each directory init makes is 0700 whatever the umask: it holds the database, its journal and
// the backups a user may put beside it. Existing directories are left as they are.
void create_private_directories(const std::filesystem::path& directory) {
  std::filesystem::path at;
  for (const std::filesystem::path& part : directory) {
    at /= part;
    if (::mkdir(at.c_str(), S_IRWXU) == 0) {
      ::chmod(at.c_str(), S_IRWXU);
    } else if (errno != EEXIST) {
      throw StoreError(MessageId::db_cannot_open, {directory.string(), std::strerror(errno)});
    }
  }
}

// Creating the file ourselves is the only way to choose its mode: SQLite uses 0644.
void create_with_mode(const std::filesystem::path& path, unsigned mode) {
  if (path.has_parent_path()) {
    create_private_directories(path.parent_path());
  }
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) {
    throw StoreError(MessageId::db_cannot_open, {path.string(), std::strerror(errno)});
  }
  ::fchmod(fd, static_cast<mode_t>(mode));  // umask must not widen or narrow the configured mode
  ::close(fd);
}

// WAL pages past which a commit checkpoints them into the database (SQLite's default is 1000):
// the WAL now outlives each command, and the first connection of every command reads all of it
// to rebuild its index, so it is kept short.
constexpr int k_checkpoint_pages = 200;
// What a checkpointed WAL is cut back to, so that one bulk intake does not leave a WAL of its
// size on the disk for good.
constexpr int k_wal_bytes_kept = 4 * 1024 * 1024;

// Called after each commit with the WAL's length in pages. Past k_checkpoint_pages it copies the
// WAL into the database and truncates it. SQLite's own auto-checkpoint leaves the pages in the WAL
// for the same process's next write to overwrite, but every command is a new process, which
// rebuilds the WAL's index from the whole file and so cannot overwrite it: the WAL grew by every
// command, every command read all of it, and every write copied all of it into the database
// again (an fdatasync of the database each time). It never waits: a checkpoint that another
// process's reader or writer holds up is left to a later commit.
int checkpoint_long_wal(void* busy_timeout_ms, sqlite3* db, const char* name, int pages) {
  if (pages >= k_checkpoint_pages) {
    ::sqlite3_busy_timeout(db, 0);
    ::sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    ::sqlite3_busy_timeout(db, static_cast<int>(reinterpret_cast<std::intptr_t>(busy_timeout_ms)));
  }
  return SQLITE_OK;
}

void configure(SQLite::Database& db, Access access, int busy_timeout_ms) {
  db.exec("PRAGMA foreign_keys = ON");
  // Checkpointing and deleting the WAL whenever the last connection closes cost every write
  // command three more fsyncs and recreating the file; readers, VACUUM INTO (backup) and copy
  // read through the WAL, and a size threshold checkpoints it instead.
  ::sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  if (access == Access::read_write) {
    db.exec("PRAGMA journal_mode = WAL");
    // FULL syncs the WAL at every COMMIT: a committed action survives a power loss. NORMAL
    // would sync only at checkpoints, and lose the last commands' events.
    db.exec("PRAGMA synchronous = FULL");
    ::sqlite3_wal_hook(db.getHandle(), checkpoint_long_wal,
                       reinterpret_cast<void*>(static_cast<std::intptr_t>(busy_timeout_ms)));
    db.exec("PRAGMA journal_size_limit = " + std::to_string(k_wal_bytes_kept));
  }
}

// The schema that set the application id; older ent110 databases carry 0.
constexpr int k_version_with_application_id = 9;

// What a file is, judged from a read-only connection before anything may write to it.
enum class FileKind { ent110, empty, foreign };

FileKind kind_of(SQLite::Database& db) {
  const int application_id = db.execAndGet("PRAGMA application_id").getInt();
  if (application_id == k_application_id) {
    return FileKind::ent110;
  }
  if (application_id != 0) {
    return FileKind::foreign;
  }
  const int version = schema_version(db);
  const int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (version == 0 && objects == 0) {
    return FileKind::empty;
  }
  // Databases made before schema 009 carry no application id: they are known by a version this
  // program wrote and by the registers every version has had since 001.
  const int registers = db.execAndGet(
                              "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                              "('unit', 'user', 'enterprise')")
                            .getInt();
  return version >= 1 && version < k_version_with_application_id && registers == 3
             ? FileKind::ent110
             : FileKind::foreign;
}

// Only `init` may write ent110's schema into a file; anything else refuses, unchanged, a file
// that is not an ent110 database. It is judged before configure() writes the journal mode.
void require_ent110_file(SQLite::Database& db, const std::string& path, bool may_initialise) {
  switch (kind_of(db)) {
    case FileKind::ent110:
      return;
    case FileKind::empty:
      if (may_initialise) {
        return;
      }
      throw StoreError(MessageId::db_not_initialised, {path});
    case FileKind::foreign:
      throw StoreError(MessageId::db_not_ent110, {path});
  }
}

// One connection both judges the file and, when it is ent110's, serves the command: a read-only
// one when `access` is, so that a command that only reads never takes a write lock.
std::unique_ptr<SQLite::Database> connect(const std::string& path,
                                          Access access,
                                          int busy_timeout_ms,
                                          bool may_initialise = false) {
  const int flags = access == Access::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE;
  auto db = std::make_unique<SQLite::Database>(path, flags);
  db->setBusyTimeout(busy_timeout_ms);
  require_ent110_file(*db, path, may_initialise);
  configure(*db, access, busy_timeout_ms);
  return db;
}

// ent110 orders codes, ids and dates byte by byte, as SQLite does, and merges ordered scans in
// C++ by the same order (verify's replay of every case): a database that sorts text by a
// language's rules would give other orders, so `init` sets up only one that sorts by bytes.
void require_byte_order_collation(PostgresqlConnection& connection, const std::string& name) {
  const auto collation = connection.prepare(
      "SELECT CASE WHEN datlocprovider = 'i' THEN 'ICU ' || daticulocale ELSE datcollate END, "
      "CASE WHEN datlocprovider = 'c' AND datcollate IN ('C', 'POSIX', 'C.UTF-8', 'C.utf8') "
      "THEN 1 ELSE 0 END FROM pg_database WHERE datname = current_database()");
  collation->step();
  if (collation->integer(1) != 1) {
    throw StoreError(MessageId::db_postgresql_collation, {name, collation->text(0)});
  }
}

}  // namespace

void throw_database_error(const std::string& path,
                          const DatabaseFailure& failure,
                          int busy_timeout_ms) {
  using Kind = DatabaseFailure::Kind;
  switch (failure.kind()) {
    case Kind::busy:
      throw StoreError(MessageId::db_busy, {path, std::to_string(busy_timeout_ms)});
    case Kind::serialization:
      throw SerializationFailure(MessageId::db_busy, {path, std::to_string(busy_timeout_ms)});
    case Kind::constraint:
      // The kind, never the engine's text: that quotes the schema and the value.
      throw BadInput(MessageId::db_value_refused, {path, failure.detail()});
    case Kind::full:
      throw StoreError(MessageId::db_full, {path});
    case Kind::not_writable:
      throw StoreError(MessageId::db_not_writable, {path});
    case Kind::not_permitted:
      throw Refused(MessageId::db_not_permitted, {path});
    case Kind::not_database:
      throw StoreError(MessageId::db_not_sqlite, {path});
    case Kind::other:
      break;
  }
  throw StoreError(MessageId::db_failed, {path, failure.code(), failure.detail()});
}

void throw_database_error(const std::string& path,
                          const SQLite::Exception& error,
                          int busy_timeout_ms) {
  throw_database_error(path, sqlite_failure(error), busy_timeout_ms);
}

std::string sqlite_error_text(const SQLite::Exception& error) {
  return ::sqlite3_errstr(error.getExtendedErrorCode());
}

bool world_accessible(unsigned mode) {
  return (mode & (S_IROTH | S_IWOTH)) != 0;
}

Store::Store(std::unique_ptr<Connection> connection,
             std::string path,
             Access access,
             int busy_timeout_ms,
             int version_at_open)
    : m_connection(std::move(connection)),
      m_path(std::move(path)),
      m_access(access),
      m_busy_timeout_ms(busy_timeout_ms),
      m_version_at_open(version_at_open) {
  struct stat status {};
  if (m_path != ":memory:" && ::stat(m_path.c_str(), &status) == 0) {
    m_file_mode = status.st_mode & 07777;
  }
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

std::unique_ptr<PreparedStatement> Store::take_prepared(std::string_view sql) {
  if (m_idle.empty()) {
    return nullptr;
  }
  const auto kept = m_idle.find(std::string(sql));
  if (kept == m_idle.end()) {
    return nullptr;
  }
  std::unique_ptr<PreparedStatement> prepared = std::move(kept->second);
  m_idle.erase(kept);
  return prepared;
}

void Store::keep_prepared(std::string_view sql, std::unique_ptr<PreparedStatement> prepared) {
  if (m_reuse_depth == 0) {
    return;
  }
  try {
    // Reset now, not when taken again: a statement left mid-way holds SQLite's read snapshot.
    prepared->reset();
    prepared->clear_bindings();
  } catch (const DatabaseFailure&) {
    return;  // a statement whose last run failed is finalized, never lent again
  }
  m_idle.try_emplace(std::string(sql), std::move(prepared));
}

TemporaryFilesInMemory::TemporaryFilesInMemory(Store& store) : m_store(store) {
  if (store.engine() != Engine::sqlite || store.connection().in_transaction()) {
    return;
  }
  try {
    store.connection().execute("PRAGMA temp_store = MEMORY");
    m_set = true;
  } catch (const DatabaseFailure& failure) {
    store.fail(failure);
  }
}

TemporaryFilesInMemory::~TemporaryFilesInMemory() {
  if (!m_set) {
    return;
  }
  try {
    m_store.connection().execute("PRAGMA temp_store = DEFAULT");
  } catch (const DatabaseFailure&) {
    // Only the speed of this connection's later statements depends on it.
  }
}

StatementReuse::~StatementReuse() {
  if (--m_store.m_reuse_depth == 0) {
    m_store.m_idle.clear();
  }
}

Store Store::open(const std::filesystem::path& path, Access access, const StoreOptions& options) {
  const std::string name = path.string();
  if (is_postgresql_uri(name)) {
    return open_postgresql(name, access, options);
  }
  if (!std::filesystem::exists(path)) {
    if (!options.create) {
      throw StoreError(MessageId::db_missing, {name});
    }
    create_with_mode(path, options.file_mode);
  }
  try {
    auto db = connect(name, options.create ? Access::read_write : access, options.busy_timeout_ms,
                      options.create);
    const int version = schema_version(*db);
    if (access == Access::read_write || options.create) {
      migrate(*db, name);
      return Store(std::make_unique<SqliteConnection>(std::move(db)), name, Access::read_write,
                   options.busy_timeout_ms, version);
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
    return Store(std::make_unique<SqliteConnection>(std::move(db)), name, Access::read_only,
                 options.busy_timeout_ms, version);
  } catch (const SQLite::Exception& error) {
    throw_database_error(name, error, options.busy_timeout_ms);
  }
}

Store Store::open_postgresql(const std::string& uri, Access access, const StoreOptions& options) {
  const std::string name = without_password(uri);
  try {
    auto connection = std::make_unique<PostgresqlConnection>(uri);
    // PostgreSQL waits forever at lock_timeout 0; SQLite's busy timeout 0 waits not at all.
    connection->execute("SET lock_timeout = " +
                        std::to_string(std::max(options.busy_timeout_ms, 1)));
    if (connection->is_foreign_database()) {
      throw StoreError(MessageId::db_postgresql_not_ent110, {name});
    }
    const int version = connection->schema_version();
    if (version == 0 && !options.create) {
      throw StoreError(MessageId::db_not_initialised, {name});
    }
    if (version == 0) {
      require_byte_order_collation(*connection, name);
    }
    // Also before a read-only command: as on SQLite, an older database is brought up to date.
    migrate(*connection, name);
    const Access granted = options.create ? Access::read_write : access;
    if (granted == Access::read_only) {
      connection->execute("SET default_transaction_read_only = on");
    }
    return Store(std::move(connection), name, granted, options.busy_timeout_ms, version);
  } catch (const DatabaseFailure& failure) {
    if (failure.code() == "08001") {
      throw StoreError(MessageId::db_cannot_open, {name, failure.detail()});
    }
    throw_database_error(name, failure, options.busy_timeout_ms);
  }
}

Store Store::open_in_memory() {
  auto db =
      std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db->exec("PRAGMA foreign_keys = ON");
  migrate(*db, ":memory:");
  return Store(std::make_unique<SqliteConnection>(std::move(db)), ":memory:", Access::read_write, 0,
               0);
}

void Store::write(const std::function<void()>& work) {
  try {
    if (m_connection->in_transaction()) {
      // A write inside a write (one command made of several library actions, such as
      // `triage --apply`) joins the outer transaction; the savepoint undoes only its own part
      // when it throws, and the outer commit makes everything durable at once.
      m_connection->execute("SAVEPOINT nested_write");
      try {
        work();
      } catch (...) {
        m_connection->execute("ROLLBACK TO SAVEPOINT nested_write");
        m_connection->execute("RELEASE SAVEPOINT nested_write");
        throw;
      }
      m_connection->execute("RELEASE SAVEPOINT nested_write");
      return;
    }
    const auto transaction = [&] {
      try {
        m_connection->begin_write();
        try {
          work();
          // Once per transaction, not per row: a batch re-tokenizes each case it wrote once.
          rebuild_pending_search_rows(*this);
          // From COMMIT on the work is done: an interrupt must not report it undone (exit 130)
          // and invite a retry that would do it twice.
          mark_committing();
          m_connection->commit();
        } catch (...) {
          clear_committing();
          m_connection->rollback();
          throw;
        }
      } catch (const DatabaseFailure& failure) {
        fail(failure);
      }
    };
    constexpr int k_attempts = 5;
    for (int attempt = 1;; ++attempt) {
      try {
        transaction();
        return;
      } catch (const SerializationFailure&) {
        if (attempt == k_attempts) {
          throw;
        }
      }
      // Apart at random, so that the transactions that collided do not collide again.
      thread_local std::minstd_rand random(std::random_device{}());
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 20 * attempt)(random)));
    }
  } catch (const DatabaseFailure& failure) {
    fail(failure);
  } catch (const SQLite::Exception& error) {
    throw_database_error(m_path, error, m_busy_timeout_ms);
  }
}

void Store::update_search_index() {
  if (m_connection->in_transaction()) {
    if (m_access == Access::read_write) {
      rebuild_pending_search_rows(*this);
    }
    return;
  }
  if (!search_rows_pending(*this)) {
    return;
  }
  if (m_access == Access::read_write) {
    write([] {});
    return;
  }
  StoreOptions options;
  options.busy_timeout_ms = m_busy_timeout_ms;
  open(m_path, Access::read_write, options).write([] {});
}

void Store::read(const std::function<void()>& work) {
  try {
    if (m_connection->in_transaction()) {
      work();
      return;
    }
    m_connection->begin_read();
    try {
      work();
      m_connection->commit();
    } catch (...) {
      m_connection->rollback();
      throw;
    }
  } catch (const DatabaseFailure& failure) {
    fail(failure);
  } catch (const SQLite::Exception& error) {
    throw_database_error(m_path, error, m_busy_timeout_ms);
  }
}

void Store::fail(const DatabaseFailure& failure) const {
  throw_database_error(m_path, failure, m_busy_timeout_ms);
}

}  // namespace ent110
