// SPDX-License-Identifier: MIT
#include <ent110/report/render_common.hpp>
#include <ent110/util/display_width.hpp>
#include <ent110/util/table.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace ent110::report_detail {
namespace {

constexpr std::size_t k_text_bar_width = 20;

std::string chinese_numeral(std::size_t n) {
  static constexpr std::array<std::string_view, 10> digits = {"",   "一", "二", "三", "四",
                                                              "五", "六", "七", "八", "九"};
  if (n < 10) {
    return std::string(digits[n]);
  }
  const std::size_t tens = n / 10;
  return std::string(tens == 1 ? "" : digits[tens]) + "十" + std::string(digits[n % 10]);
}

std::string bar_line(const ReportValue& value, std::int64_t max_count) {
  const std::size_t filled = bar_cells(value, max_count, k_text_bar_width);
  std::string bar;
  for (std::size_t i = 0; i < k_text_bar_width; ++i) {
    bar += i < filled ? "█" : "░";
  }
  return bar;
}

std::string bars_as_text(const BarChart& chart) {
  const std::int64_t max = max_count(chart.bars);
  Table table({{""}, {"", Table::Align::right}, {""}});
  for (const Bar& bar : chart.bars) {
    table.add_row({bar.label, format_value(bar.value),
                   has_measure(bar.value) ? bar_line(bar.value, max) : ""});
  }
  // The table's header and rule lines are blank here: the chart title stands for them.
  std::string rendered = table.render();
  rendered.erase(0, rendered.find('\n') + 1);
  rendered.erase(0, rendered.find('\n') + 1);
  std::string out = chart.title + "\n";
  std::size_t start = 0;
  while (start < rendered.size()) {
    const std::size_t end = rendered.find('\n', start);
    std::string line = rendered.substr(start, end - start);
    line.erase(line.find_last_not_of(' ') + 1);
    out += "  " + line + "\n";
    start = end + 1;
  }
  return out;
}

std::string trend_as_text(const TrendChart& chart) {
  std::vector<Table::Column> columns{{""}};
  for (const TrendSeries& series : chart.series) {
    columns.push_back({series.name, Table::Align::right});
  }
  Table table(columns);
  for (std::size_t i = 0; i < chart.periods.size(); ++i) {
    std::vector<std::string> row{chart.periods[i]};
    for (const TrendSeries& series : chart.series) {
      row.push_back(i < series.points.size() ? format_value(series.points[i]) : "");
    }
    table.add_row(std::move(row));
  }
  std::string out = chart.title + "\n";
  const std::string rendered = table.render();
  std::size_t start = 0;
  while (start < rendered.size()) {
    const std::size_t end = rendered.find('\n', start);
    out += "  " + rendered.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string section_number(Lang lang, std::size_t index) {
  if (lang == Lang::zh) {
    return chinese_numeral(index + 1) + "、";
  }
  return std::to_string(index + 1) + ". ";
}

std::string long_date(Lang lang, LocalDate day) {
  if (lang == Lang::en) {
    return format_date(day);
  }
  const date::year_month_day ymd{day};
  return fmt::format("{}年{}月{}日", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string join_list(Lang lang, const std::vector<std::string>& items) {
  const std::string separator = tr(lang, MessageId::report_list_separator);
  std::string joined;
  for (const std::string& item : items) {
    joined += (joined.empty() ? "" : separator) + item;
  }
  return joined;
}

std::vector<std::pair<std::string, std::string>> header_fields(const ReportDocument& document) {
  const Lang lang = document.lang;
  std::vector<std::pair<std::string, std::string>> fields{
      {tr(lang, MessageId::report_label_title), document.title},
      {tr(lang, MessageId::report_label_period), document.period_label},
      {tr(lang, MessageId::report_label_issuer), document.issuer},
      {tr(lang, MessageId::report_label_issued), long_date(lang, document.issued)},
      {tr(lang, MessageId::report_label_recipients), join_list(lang, document.recipients)},
      {tr(lang, MessageId::report_label_copies), join_list(lang, document.copies)},
  };
  if (!document.anchor.empty()) {
    fields.emplace_back(tr(lang, MessageId::report_label_anchor), document.anchor);
  }
  for (const ReportDefinition& definition : document.definitions) {
    fields.emplace_back(definition.term, definition.meaning);
  }
  return fields;
}

std::size_t bar_cells(const ReportValue& value, std::int64_t max_count, std::size_t width) {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  if (const auto* rate = std::get_if<Rate>(&value)) {
    numerator = rate->numerator;
    denominator = rate->denominator;
  } else if (const auto* count = std::get_if<std::int64_t>(&value)) {
    numerator = *count;
    denominator = max_count;
  } else if (const auto* score = std::get_if<Score>(&value); score && score->value) {
    // Tenths of a point, as shown, so that the bar and its label agree.
    numerator = std::llround(*score->value * 10);
    denominator = 1000;
  }
  if (denominator <= 0 || numerator <= 0) {
    return 0;
  }
  const auto cells = static_cast<std::int64_t>(width);
  std::int64_t filled = (2 * numerator * cells + denominator) / (2 * denominator);
  if (filled == cells && numerator < denominator) {
    filled = cells - 1;
  }
  return static_cast<std::size_t>(std::clamp<std::int64_t>(filled, 1, cells));
}

bool has_measure(const ReportValue& value) {
  if (const auto* rate = std::get_if<Rate>(&value)) {
    return rate->denominator > 0;
  }
  if (const auto* score = std::get_if<Score>(&value)) {
    return score->value.has_value();
  }
  return true;
}

std::int64_t max_count(const std::vector<Bar>& bars) {
  std::int64_t max = 0;
  for (const Bar& bar : bars) {
    if (const auto* count = std::get_if<std::int64_t>(&bar.value)) {
      max = std::max(max, *count);
    }
  }
  return max;
}

std::string chart_as_text(const ReportChart& chart) {
  if (const auto* bars = std::get_if<BarChart>(&chart)) {
    return bars_as_text(*bars);
  }
  return trend_as_text(std::get<TrendChart>(chart));
}

}  // namespace ent110::report_detail
