// SPDX-License-Identifier: MIT
#include <ent110/report/document.hpp>
#include <ent110/report/render_common.hpp>
#include <ent110/util/csv.hpp>

namespace ent110 {
namespace {

// RFC 4180 records end in CRLF; Excel reads the BOM as "this is UTF-8".
constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_crlf = "\r\n";

void append_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += (i == 0 ? "" : ",") + csv_quote(fields[i]);
  }
  out += k_crlf;
}

}  // namespace

using namespace report_detail;

std::string render_csv(const ReportDocument& document) {
  const Lang lang = document.lang;
  std::string out(k_bom);
  append_record(out, {"report", tr(lang, MessageId::report_label_about)});
  append_record(out,
                {tr(lang, MessageId::report_col_item), tr(lang, MessageId::report_col_content)});
  for (const auto& [label, value] : header_fields(document)) {
    append_record(out, {label, value});
  }
  out += k_crlf;

  for (const ReportSection& section : document.sections) {
    if (!section.table) {
      continue;
    }
    append_record(out, {section.key, section.heading});
    std::vector<std::string> headers;
    for (const ReportColumn& column : section.table->columns) {
      headers.push_back(column.header);
    }
    append_record(out, headers);
    for (const auto& row : section.table->rows) {
      std::vector<std::string> cells;
      for (const ReportValue& value : row) {
        cells.push_back(format_value(value));
      }
      append_record(out, cells);
    }
    out += k_crlf;
  }
  return out;
}

}  // namespace ent110
