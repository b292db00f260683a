// SPDX-License-Identifier: MIT
// Bulk intake files (`intake --from`): NDJSON (one object per line) or CSV with a header row.
#pragma once

#include <ent110/cases/service.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Zone;

/// Reads `file` (".csv" by its extension, NDJSON otherwise). Fields: enterprise, type, channel,
/// title (required), body, major (true/false, 1/0, yes/no), received_at (as `--at`, local in
/// `zone` unless it has an offset), project (a project code, or empty for none). Throws BadInput
/// naming `file:line` for the first bad record.
std::vector<IntakeRecord> read_intake_file(const std::filesystem::path& file, const Zone& zone);

}  // namespace ent110
