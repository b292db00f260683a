// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

/// One CSV record and the 1-based row it came from, for `file:row` messages.
struct CsvRow {
  std::size_t row;
  std::vector<std::string> fields;
};

/// Parses RFC 4180 CSV (libcsv, strict quoting), ignoring a UTF-8 byte-order mark and blank
/// lines; throws BadInput(csv_malformed) naming `file_name` and the row.
std::vector<CsvRow> parse_csv(std::string_view content, const std::string& file_name);

/// `field` quoted for CSV output when it contains a comma, quote, or line break.
std::string csv_quote(std::string_view field);

}  // namespace ent110
