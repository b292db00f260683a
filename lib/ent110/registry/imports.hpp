// SPDX-License-Identifier: MIT
// Imports of the registries from files: units from TOML, enterprises from CSV. Each file is
// applied all or nothing, with one audit event per row it changes.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>

#include <filesystem>

namespace ent110 {

class Store;

/// Counts of an import: rows that created a record and rows that updated one.
struct ImportSummary {
  int added = 0;
  int updated = 0;
};

/// Adds or updates every `[[unit]]` of a TOML file in one go, by `actor` (authorised by the
/// caller); throws BadInput naming `file:line:col` for any bad entry, and then changes nothing.
ImportSummary import_units(Store& store,
                           const std::filesystem::path& file,
                           const Actor& actor,
                           Instant now);

/// Adds or updates (matched by credit code, else name) every row of a CSV file with a header row
/// (name, credit_code, county, above_scale, key, contact, phone; only name is required), all or
/// nothing, by `actor` (authorised by the caller); throws BadInput naming `file:row`.
ImportSummary import_enterprises(Store& store,
                                 const std::filesystem::path& file,
                                 const Actor& actor,
                                 Instant now);

}  // namespace ent110
