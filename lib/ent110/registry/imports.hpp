// SPDX-License-Identifier: MIT
// Imports of the registries from files: units from TOML, enterprises from CSV. Each file is
// applied all or nothing, with one audit event per row it changes.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/messages.hpp>
#include <ent110/core/time.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

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

/// Adds or updates every row of a CSV file with a header row (name, level, unit, post, phone;
/// name, level and unit required), matching an officer by name and unit (the latest registered,
/// serving or retired: an import never brings a retired officer back), all or nothing, by
/// `actor` (authorised by the caller); throws BadInput naming `file:row` and the column.
ImportSummary import_officers(Store& store,
                              const std::filesystem::path& file,
                              const Actor& actor,
                              Instant now);

/// Adds or updates (matched by code) every row of a CSV file with a header row (code, name,
/// county, enterprise, status, key, started; only code is required, a new project needs a name
/// and county), all or nothing, by `actor` (authorised by the caller); throws BadInput naming
/// `file:row` and the column.
ImportSummary import_projects(Store& store,
                              const std::filesystem::path& file,
                              const Actor& actor,
                              Instant now);

/// A guidance warning about one row of an import.
struct ImportWarning {
  std::string file;
  std::size_t row = 0;
  Message message;
};

/// What an import of assignments did, and what Art. 3's guidance says about the rows.
struct AssignmentImport {
  ImportSummary summary;
  std::vector<ImportWarning> warnings;
};

/// Assigns officers from a CSV file with a header row (officer, enterprise, project, from):
/// officer is an id or NAME@UNIT, exactly one of enterprise (id, credit code or name) and project
/// (code) per row, from a date (empty: `today`). A row that repeats an open assignment from the
/// same day changes nothing; every other row is assigned as `officer assign` would, all or
/// nothing, by `actor` (authorised by the caller); throws BadInput naming `file:row`.
AssignmentImport import_assignments(Store& store,
                                    const std::filesystem::path& file,
                                    LocalDate today,
                                    const Actor& actor,
                                    Instant now);

}  // namespace ent110
