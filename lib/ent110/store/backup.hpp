// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/store/store.hpp>

#include <cstdint>
#include <filesystem>

namespace ent110 {

/// What a backup wrote.
struct BackupSummary {
  std::uintmax_t bytes = 0;
  int schema_version = 0;
  bool written_through = false;  ///< into a FIFO or a device (stdout perhaps), not a file
};

/// Writes a consistent, compacted copy of `store` (SQLite VACUUM INTO) into a temporary file,
/// mode 0600 from creation, checks the copy's integrity, and only then gives it `file_mode` and
/// renames it over `target` (a regular file or none; symbolic links are followed), or copies it
/// through `target` when that is a FIFO or a device (/dev/stdout). A failed or interrupted backup
/// leaves neither a partial file nor the temporary one nor its journal. Throws StoreError.
BackupSummary backup_database(Store& store,
                              const std::filesystem::path& target,
                              unsigned file_mode);

}  // namespace ent110
