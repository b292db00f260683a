// SPDX-License-Identifier: MIT
#pragma once

#include <deque>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct csv_parser;

namespace ent110 {

/// One CSV record and the 1-based row it came from, for `file:row` messages.
struct CsvRow {
  std::size_t row;
  std::vector<std::string> fields;
};

/// Parses RFC 4180 CSV (libcsv, strict quoting), ignoring a UTF-8 byte-order mark and blank
/// lines; throws BadInput(csv_malformed) naming `file_name` and the row.
std::vector<CsvRow> parse_csv(std::string_view content, const std::string& file_name);

/// The records of the CSV text `in` as parse_csv reads them, read and parsed a piece at a time
/// as they are asked for, so that the file is never held whole. `in` must outlive the reader.
class CsvReader {
 public:
  CsvReader(std::istream& in, std::string file_name);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;
  /// The next record, or nullopt after the last; throws like parse_csv.
  std::optional<CsvRow> next();
  /// Bytes of `in` parsed so far.
  std::size_t consumed() const { return m_position; }

  /// Rows parsed but not yet handed out, and the row being parsed (libcsv's callbacks fill it).
  struct Pending {
    std::deque<CsvRow> rows;
    std::vector<std::string> fields;
    std::size_t row = 0;
  };

 private:
  void feed();

  std::istream& m_in;
  std::string m_carried_cr;  ///< a CR that ended the last piece: folded with the next byte's LF
  std::string m_file_name;
  std::unique_ptr<csv_parser> m_parser;
  Pending m_pending;
  std::size_t m_position = 0;
  bool m_finished = false;
};

/// `field` quoted for CSV output when it contains a comma, quote, or line break.
std::string csv_quote(std::string_view field);

}  // namespace ent110
