// SPDX-License-Identifier: MIT
#include <ent110/report/document.hpp>
#include <ent110/report/render_common.hpp>
#include <ent110/util/display_width.hpp>
#include <ent110/util/table.hpp>

namespace ent110 {
namespace {

std::string text_table(const ReportTable& report_table, std::size_t width) {
  std::vector<Table::Column> columns;
  for (const ReportColumn& column : report_table.columns) {
    const bool right = column.align == ColumnAlign::right;
    // Only text columns may be cut: numbers and rates must stay whole.
    columns.push_back({column.header, right ? Table::Align::right : Table::Align::left, !right});
  }
  Table table(std::move(columns));
  for (const auto& row : report_table.rows) {
    std::vector<std::string> cells;
    for (const ReportValue& value : row) {
      cells.push_back(format_value(value));
    }
    table.add_row(std::move(cells));
  }
  return table.render(width);
}

}  // namespace

using namespace report_detail;

std::string render_text(const ReportDocument& document, std::size_t width) {
  const Lang lang = document.lang;
  std::string out = document.title + "\n" + document.period_label + "\n\n";

  std::vector<std::pair<std::string, std::string>> fields{
      {tr(lang, MessageId::report_label_issuer), document.issuer},
      {tr(lang, MessageId::report_label_issued), long_date(lang, document.issued)},
      {tr(lang, MessageId::report_label_recipients), join_list(lang, document.recipients)},
      {tr(lang, MessageId::report_label_copies), join_list(lang, document.copies)},
  };
  if (!document.anchor.empty()) {
    fields.emplace_back(tr(lang, MessageId::report_label_anchor), document.anchor);
  }
  std::size_t label_width = 0;
  for (const auto& field : fields) {
    label_width = std::max(label_width, display_width(field.first));
  }
  for (const auto& [label, value] : fields) {
    out += pad_to_width(label, label_width) + "  " + value + "\n";
  }

  for (std::size_t i = 0; i < document.sections.size(); ++i) {
    const ReportSection& section = document.sections[i];
    out += '\n';
    out += section_number(lang, i);
    out += section.heading;
    out += '\n';
    // Paragraphs, the table with its notes, and each chart are blocks apart by one blank line.
    std::vector<std::string> blocks;
    if (!section.paragraphs.empty()) {
      std::string block;
      for (const std::string& paragraph : section.paragraphs) {
        block += paragraph + "\n";
      }
      blocks.push_back(std::move(block));
    }
    if (section.table || !section.notes.empty()) {
      std::string block;
      if (section.table) {
        block += text_table(*section.table, width);
      }
      for (const std::string& note : section.notes) {
        block += tr(lang, MessageId::report_label_note) + note + "\n";
      }
      blocks.push_back(std::move(block));
    }
    for (const ReportChart& chart : section.charts) {
      blocks.push_back(chart_as_text(chart));
    }
    for (const std::string& block : blocks) {
      out += "\n" + block;
    }
  }

  if (!document.definitions.empty()) {
    out += '\n';
    out += tr(lang, MessageId::report_label_definitions);
    out += "\n\n";
    for (const ReportDefinition& definition : document.definitions) {
      out += tr(lang, MessageId::report_definition, {definition.term, definition.meaning}) + "\n";
    }
  }
  return out;
}

}  // namespace ent110
