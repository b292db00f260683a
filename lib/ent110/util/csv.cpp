// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/util/csv.hpp>

#include <csv.h>

#include <memory>

namespace ent110 {
namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

struct Collector {
  std::vector<CsvRow> rows;
  std::vector<std::string> fields;
  std::size_t row = 0;
};

extern "C" void on_field(void* bytes, std::size_t length, void* data) {
  static_cast<Collector*>(data)->fields.emplace_back(static_cast<const char*>(bytes), length);
}

extern "C" void on_record(int, void* data) {
  auto* collector = static_cast<Collector*>(data);
  ++collector->row;
  const bool blank = collector->fields.empty() ||
                     (collector->fields.size() == 1 && collector->fields.front().empty());
  if (!blank) {
    collector->rows.push_back(CsvRow{collector->row, std::move(collector->fields)});
  }
  collector->fields.clear();
}

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view content, const std::string& file_name) {
  if (content.starts_with(k_utf8_bom)) {
    content.remove_prefix(k_utf8_bom.size());
  }
  // With CRLF folded to LF, CSV_REPALL_NL reports every line end, blank lines included, so
  // that row numbers match what an editor shows.
  std::string text;
  text.reserve(content.size());
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (!(content[i] == '\r' && i + 1 < content.size() && content[i + 1] == '\n')) {
      text += content[i];
    }
  }
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    throw std::bad_alloc();
  }
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser, csv_free);
  Collector collector;
  const std::size_t parsed =
      csv_parse(&parser, text.data(), text.size(), on_field, on_record, &collector);
  const bool failed =
      parsed != text.size() || csv_fini(&parser, on_field, on_record, &collector) != 0;
  if (failed) {
    throw BadInput(MessageId::csv_malformed, {file_name, std::to_string(collector.row + 1)});
  }
  return std::move(collector.rows);
}

std::string csv_quote(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(field);
  }
  std::string quoted = "\"";
  for (char c : field) {
    quoted += c;
    if (c == '"') {
      quoted += '"';
    }
  }
  return quoted + "\"";
}

}  // namespace ent110
