// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/util/csv.hpp>

#include <csv.h>

#include <algorithm>
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

namespace {

extern "C" void on_pending_field(void* bytes, std::size_t length, void* data) {
  static_cast<CsvReader::Pending*>(data)->fields.emplace_back(static_cast<const char*>(bytes),
                                                              length);
}

extern "C" void on_pending_record(int, void* data) {
  auto* pending = static_cast<CsvReader::Pending*>(data);
  ++pending->row;
  const bool blank =
      pending->fields.empty() || (pending->fields.size() == 1 && pending->fields.front().empty());
  if (!blank) {
    pending->rows.push_back(CsvRow{pending->row, std::move(pending->fields)});
  }
  pending->fields.clear();
}

// Bytes handed to libcsv at a time: large enough that its calls cost nothing, small enough that
// the rows parsed ahead stay few.
constexpr std::size_t k_csv_piece_bytes = 64 * 1024;

}  // namespace

CsvReader::CsvReader(std::istream& in, std::string file_name)
    : m_in(in), m_file_name(std::move(file_name)), m_parser(new csv_parser) {
  if (csv_init(m_parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    throw std::bad_alloc();
  }
}

CsvReader::~CsvReader() {
  csv_free(m_parser.get());
}

std::optional<CsvRow> CsvReader::next() {
  while (m_pending.rows.empty() && !m_finished) {
    feed();
  }
  if (m_pending.rows.empty()) {
    return std::nullopt;
  }
  CsvRow row = std::move(m_pending.rows.front());
  m_pending.rows.pop_front();
  return row;
}

void CsvReader::feed() {
  std::string read(k_csv_piece_bytes, '\0');
  m_in.read(read.data(), static_cast<std::streamsize>(read.size()));
  read.resize(static_cast<std::size_t>(m_in.gcount()));
  if (m_position == 0 && std::string_view(read).starts_with(k_utf8_bom)) {
    read.erase(0, k_utf8_bom.size());
    m_position = k_utf8_bom.size();
  }
  const bool last = read.empty();
  // A CRLF is folded whole, never split between two pieces: a CR that ends a piece waits for
  // the next one (and is kept as it is when nothing follows).
  read.insert(0, m_carried_cr);
  m_position += read.size() - m_carried_cr.size();
  m_carried_cr.clear();
  if (!last && read.back() == '\r') {
    m_carried_cr = "\r";
    read.pop_back();
  }
  // As parse_csv: with CRLF folded to LF, CSV_REPALL_NL reports every line end.
  std::string piece;
  piece.reserve(read.size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    if (!(read[i] == '\r' && i + 1 < read.size() && read[i + 1] == '\n')) {
      piece += read[i];
    }
  }
  if (csv_parse(m_parser.get(), piece.data(), piece.size(), on_pending_field, on_pending_record,
                &m_pending) != piece.size()) {
    m_finished = true;
    throw BadInput(MessageId::csv_malformed, {m_file_name, std::to_string(m_pending.row + 1)});
  }
  if (last) {
    m_finished = true;
    if (csv_fini(m_parser.get(), on_pending_field, on_pending_record, &m_pending) != 0) {
      throw BadInput(MessageId::csv_malformed, {m_file_name, std::to_string(m_pending.row + 1)});
    }
  }
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
