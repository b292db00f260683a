// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/calendar/deadlines.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/store/store.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

/// What `ent110 init` did.
struct InitSummary {
  int schema_before = 0;  ///< schema version before (0: the file was new)
  int schema_after = 0;   ///< schema version now
  int builtin_units_created = 0;
  std::vector<int> holiday_years;   ///< years of the official schedule now loaded
  std::vector<MovedDueDate> moved;  ///< due dates and verdicts that a newly loaded year moved
};

/// Brings a just-opened database up to date (the Store already migrated it), creates the built-in
/// units of `config`, and loads the official holiday schedule from `holidays_dir` (default: the
/// copy compiled into the program), recording the audit events by `actor` (authorised by the
/// caller). Idempotent. One transaction.
InitSummary initialize(Store& store,
                       const Config& config,
                       const std::optional<std::filesystem::path>& holidays_dir,
                       const Actor& actor,
                       Instant now);

}  // namespace ent110
