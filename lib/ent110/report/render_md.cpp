// SPDX-License-Identifier: MIT
#include <ent110/report/document.hpp>
#include <ent110/report/render_common.hpp>

namespace ent110 {
namespace {

// Text is shown as written: punctuation that Markdown would read as markup or as raw HTML is
// backslash-escaped, and a line break would end a table row, so it becomes a space.
std::string markdown_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\|*_`<>[]#").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string markdown_table(const ReportTable& table) {
  std::string header = "|";
  std::string rule = "|";
  for (const ReportColumn& column : table.columns) {
    header += ' ';
    header += markdown_text(column.header);
    header += " |";
    rule += column.align == ColumnAlign::right ? " ---: |" : " --- |";
  }
  std::string out = header + "\n" + rule + "\n";
  for (const auto& row : table.rows) {
    out += "|";
    for (const ReportValue& value : row) {
      out += ' ';
      out += markdown_text(format_value(value));
      out += " |";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

using namespace report_detail;

std::string render_markdown(const ReportDocument& document) {
  const Lang lang = document.lang;
  std::string out = "# " + markdown_text(document.title) + "\n\n**" +
                    markdown_text(document.period_label) + "**\n\n";
  std::vector<std::pair<std::string, std::string>> fields{
      {tr(lang, MessageId::report_label_issuer), document.issuer},
      {tr(lang, MessageId::report_label_issued), long_date(lang, document.issued)},
      {tr(lang, MessageId::report_label_recipients), join_list(lang, document.recipients)},
      {tr(lang, MessageId::report_label_copies), join_list(lang, document.copies)},
  };
  if (!document.anchor.empty()) {
    fields.emplace_back(tr(lang, MessageId::report_label_anchor), document.anchor);
  }
  for (const auto& [label, value] : fields) {
    out += "- " + tr(lang, MessageId::report_definition, {label, markdown_text(value)}) + "\n";
  }

  for (std::size_t i = 0; i < document.sections.size(); ++i) {
    const ReportSection& section = document.sections[i];
    out += "\n## " + section_number(lang, i) + markdown_text(section.heading) + "\n";
    for (const std::string& paragraph : section.paragraphs) {
      out += '\n';
      out += markdown_text(paragraph);
      out += '\n';
    }
    if (section.table) {
      out += '\n';
      out += markdown_table(*section.table);
    }
    for (const std::string& note : section.notes) {
      out += '\n';
      out += tr(lang, MessageId::report_label_note);
      out += markdown_text(note);
      out += '\n';
    }
    for (const ReportChart& chart : section.charts) {
      out += "\n```text\n" + chart_as_text(chart) + "```\n";
    }
  }

  if (!document.definitions.empty()) {
    out += "\n## " + tr(lang, MessageId::report_label_definitions) + "\n\n";
    for (const ReportDefinition& definition : document.definitions) {
      out += "- " +
             tr(lang, MessageId::report_definition,
                {"**" + markdown_text(definition.term) + "**", markdown_text(definition.meaning)}) +
             "\n";
    }
  }
  return out;
}

}  // namespace ent110
