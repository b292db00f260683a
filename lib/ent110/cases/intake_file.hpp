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
/// `zone` unless it has an offset), project (a project code, or empty for none), source_id (the
/// sending system's id), confidential (as major), id (the case's id in the ent110 database it was
/// exported from). The other fields `export` and `list --format ndjson` write are read and
/// ignored. Throws BadInput naming `file:line` for the first bad record.
std::vector<IntakeRecord> read_intake_file(const std::filesystem::path& file, const Zone& zone);

}  // namespace ent110
