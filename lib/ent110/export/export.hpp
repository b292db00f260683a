// SPDX-License-Identifier: MIT
// `export`: every case with every field, in a form `intake --from` of another ent110 database
// reads back with the same ids, times and source ids; and the CSV of `list --format csv`.
#pragma once

#include <ent110/cases/service.hpp>
#include <ent110/cases/state.hpp>
#include <ent110/core/time.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;
class Zone;

enum class ExportFormat { ndjson, csv };
/// "ndjson" or "csv".
std::string_view to_string(ExportFormat format);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<ExportFormat> parse_export_format(std::string_view text);
/// Every export format spelling.
std::vector<std::string> export_format_names();

/// What `export` writes; the filters combine with AND.
struct ExportRequest {
  ExportFormat format = ExportFormat::ndjson;
  std::optional<LocalDate> since;  ///< received on or after this local date
  std::optional<State> state;
  bool events = false;  ///< each case's events (NDJSON: an array; CSV: a column of JSON text)
};

/// The exported text and how many cases it holds.
struct Exported {
  std::string content;
  std::size_t cases = 0;
};

/// The cases `request` selects in id order, one record each: id, received_at (local with
/// offset), enterprise (its credit code, else its name: what another database resolves),
/// enterprise_id, enterprise_name, enterprise_credit_code, type, major, channel, title, body,
/// source_id, project, confidential (the intake fields, which intake reads back), then state,
/// unit, co_units, round, reject_reason, answer, answer_unit, answer_by, answer_at,
/// answer_edited, rating, rating_comment, merged_into (what the case's events made of it, which
/// intake does not replay), and with `request.events` the events. CSV starts with a UTF-8
/// byte-order mark so that Excel reads it as UTF-8; absent values are empty there, null in NDJSON.
Exported export_cases(Store& store, const ExportRequest& request, const Zone& zone);

/// `list --format csv`: a byte-order mark, a header row, one row per summary.
std::string case_list_csv(const std::vector<CaseSummary>& cases, const Zone& zone);

/// Writes `content` to `target` atomically (core/file_output.hpp) with `mode`. Throws
/// BadInput(export_cannot_write) when it cannot.
void write_export_file(const std::filesystem::path& target,
                       std::string_view content,
                       unsigned mode);

}  // namespace ent110
