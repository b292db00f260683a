// SPDX-License-Identifier: MIT
// Bulk intake files (`intake --from`): NDJSON (one object per line) or CSV with a header row.
#pragma once

#include <ent110/cases/service.hpp>
#include <ent110/util/csv.hpp>

#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Zone;

/// The records of a bulk intake file, read and checked one at a time (read_intake_file's rules).
class IntakeFile final : public IntakeRecords {
 public:
  /// Reads `file` through once to check that it is UTF-8 and within the size limit; the records
  /// are then read and parsed as next() asks for them, a piece of the file at a time.
  IntakeFile(const std::filesystem::path& file, const Zone& zone);
  ~IntakeFile() override;
  std::optional<IntakeRecord> next() override;
  double fraction_read() const override;

 private:
  std::optional<IntakeRecord> next_ndjson();
  std::optional<IntakeRecord> next_csv();

  const Zone& m_zone;
  std::string m_name;
  std::size_t m_size = 0;  // set by m_in's initializer, so declared before it
  // The file, or for one that cannot be read twice (a pipe), its content.
  std::unique_ptr<std::istream> m_in;
  // NDJSON: where the next line starts and its number.
  std::size_t m_position = 0;
  std::size_t m_line = 0;
  // CSV: the reader and the header row.
  std::unique_ptr<CsvReader> m_csv;
  std::vector<std::string> m_header;
};

/// Reads `file` (".csv" by its extension, NDJSON otherwise). Fields: enterprise, type, channel,
/// title (required), body, major (true/false, 1/0, yes/no), received_at (as `--at`, local in
/// `zone` unless it has an offset), project (a project code, or empty for none), source_id (the
/// sending system's id), confidential (as major), id (the case's id in the ent110 database it was
/// exported from). The other fields `export` and `list --format ndjson` write are read and
/// ignored. Throws BadInput naming `file:line` for the first bad record.
std::vector<IntakeRecord> read_intake_file(const std::filesystem::path& file, const Zone& zone);

}  // namespace ent110
