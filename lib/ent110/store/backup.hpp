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
};

/// Writes a consistent, compacted copy of `store` to `target` (SQLite VACUUM INTO), checks the
/// copy's integrity, gives it mode `file_mode`, and only then renames it over `target`, so that a
/// failed or interrupted backup never leaves a partial file. Throws StoreError.
BackupSummary backup_database(Store& store,
                              const std::filesystem::path& target,
                              unsigned file_mode);

}  // namespace ent110
