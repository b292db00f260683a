// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/file_output.hpp>
#include <ent110/core/progress.hpp>
#include <ent110/store/backup.hpp>
#include <ent110/store/location.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/sqlite_connection.hpp>
#include <ent110/store/statement.hpp>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include <cstring>
#include <system_error>

namespace ent110 {

BackupSummary backup_database(Store& store,
                              const std::filesystem::path& target,
                              unsigned file_mode) {
  if (store.engine() == Engine::postgresql) {
    // The server's own tool makes a consistent copy while units go on working; a second,
    // home-made format would only be a worse pg_dump.
    throw Refused(MessageId::backup_use_pg_dump,
                  {fmt::format("pg_dump --format=custom --file={} '{}'", target.string(),
                               without_password(store.path()))});
  }
  try {
    const OutputTarget where = resolve_output_target(target);
    // A replaced file gets its copy beside it (rename is atomic within one file system); a FIFO
    // or a device gets it from a copy in the temporary directory.
    const std::filesystem::path directory =
        where.write_through ? std::filesystem::temp_directory_path() : where.path.parent_path();
    const std::unique_ptr<TemporaryFile> copy =
        create_temporary_file(directory, where.path.filename().string());
    // VACUUM INTO writes a rollback journal beside its output (with the output's mode, 0600).
    const TemporaryFile journal(copy->path().string() + "-journal");

    // One statement copies the pages, so progress counts the steps: copy, check, put in place.
    ProgressTask progress(ProgressWork::backup, 3);
    progress.update(0);
    Statement(store, "VACUUM INTO ?").bind(1, copy->path().string()).run();
    progress.update(1);

    BackupSummary summary;
    {
      SQLite::Database check(copy->path().string(), SQLite::OPEN_READONLY);
      const std::string integrity = check.execAndGet("PRAGMA integrity_check").getString();
      if (integrity != "ok") {
        throw StoreError(MessageId::backup_integrity, {target.string(), integrity});
      }
      summary = BackupSummary{std::filesystem::file_size(copy->path()), schema_version(check),
                              where.write_through};
    }
    progress.update(2);
    if (where.write_through) {
      copy_through(copy->path(), where);
    } else {
      move_into_place(*copy, where, file_mode);
    }
    return summary;
  } catch (const SQLite::Exception& error) {
    throw StoreError(MessageId::backup_failed, {target.string(), sqlite_error_text(error)});
  } catch (const std::system_error& error) {
    throw StoreError(MessageId::backup_failed,
                     {target.string(), std::strerror(error.code().value())});
  }
}

}  // namespace ent110
