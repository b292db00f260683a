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
    if (i > 0) {
      out += ',';
    }
    out += csv_quote(fields[i]);
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
    if (section.table) {
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
    // A trend's figures appear nowhere else, so its data becomes a table of periods × series;
    // bar charts only repeat a column of the section's table and are left out.
    for (const ReportChart& chart : section.charts) {
      const auto* trend = std::get_if<TrendChart>(&chart);
      if (trend == nullptr) {
        continue;
      }
      append_record(out, {section.key + "." + trend->key, trend->title});
      std::vector<std::string> headers{tr(lang, MessageId::report_col_month)};
      for (const TrendSeries& series : trend->series) {
        headers.push_back(series.name);
      }
      append_record(out, headers);
      for (std::size_t i = 0; i < trend->periods.size(); ++i) {
        std::vector<std::string> cells{trend->periods[i]};
        for (const TrendSeries& series : trend->series) {
          cells.push_back(i < series.points.size() ? format_value(series.points[i]) : "");
        }
        append_record(out, cells);
      }
      out += k_crlf;
    }
  }
  return out;
}

}  // namespace ent110
