// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/store/store.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ent110 {

/// What `ent110 copy` moved.
struct CopySummary {
  std::vector<std::pair<std::string, std::int64_t>> rows;  ///< per table, in copy order
  std::int64_t total_rows = 0;
  int schema_version = 0;
  std::string anchor;  ///< the ledger's head digest, the same in both databases
};

/// Copies every row of `source` into the database at `target` (a file path or a PostgreSQL URI,
/// as --db), which is created and migrated when missing and must hold no rows. The copy is one
/// transaction on the target, and before it commits the target is verified as `ent110 verify`
/// does (chains, registers, calendar, every case's replay) with `config` and `zone`: a copy that
/// would not verify leaves nothing behind, not even a file it created. Throws Refused when the
/// target holds rows, StoreError when it cannot be opened or does not verify.
CopySummary copy_database(Store& source,
                          const std::string& target,
                          const StoreOptions& options,
                          const Config& config,
                          const Zone& zone);

}  // namespace ent110
