// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/store/backup.hpp>
#include <ent110/store/migrate.hpp>

#include <SQLiteCpp/Statement.h>

#include <sys/stat.h>
#include <unistd.h>

namespace ent110 {

BackupSummary backup_database(Store& store,
                              const std::filesystem::path& target,
                              unsigned file_mode) {
  const std::filesystem::path temporary =
      target.string() + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
  std::error_code ignored;
  std::filesystem::remove(temporary, ignored);
  try {
    SQLite::Statement vacuum(store.db(), "VACUUM INTO ?");
    vacuum.bind(1, temporary.string());
    vacuum.exec();

    SQLite::Database copy(temporary.string(), SQLite::OPEN_READONLY);
    const std::string integrity = copy.execAndGet("PRAGMA integrity_check").getString();
    if (integrity != "ok") {
      throw StoreError(MessageId::backup_integrity, {temporary.string(), integrity});
    }
    BackupSummary summary{std::filesystem::file_size(temporary), schema_version(copy)};
    ::chmod(temporary.c_str(), static_cast<mode_t>(file_mode));
    std::filesystem::rename(temporary, target);
    return summary;
  } catch (const SQLite::Exception& error) {
    std::filesystem::remove(temporary, ignored);
    throw StoreError(MessageId::backup_failed, {target.string(), error.what()});
  } catch (const std::filesystem::filesystem_error& error) {
    std::filesystem::remove(temporary, ignored);
    throw StoreError(MessageId::backup_failed, {target.string(), error.code().message()});
  } catch (...) {
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace ent110
