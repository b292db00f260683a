// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/core/messages.hpp>
#include <ent110/core/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ent110 {

/// A rate as counted: `numerator` of `denominator` (e.g. 7 of 8 replies on time).
struct Rate {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;

  friend bool operator==(const Rate&, const Rate&) = default;
};

/// The rate as a fraction 0–1, or nullopt when there is no denominator.
std::optional<double> rate_value(const Rate& rate);

/// The rate to one decimal with its counts, "87.5% (7/8)"; "—" when the denominator is 0, never
/// 0% or 100%. Rounding never shows 100.0% unless all counted, nor 0.0% unless none.
/// This is the one place that rule lives (issue 6).
std::string format_rate(const Rate& rate);

/// The change from `before` to `now` in percentage points to one decimal, "+3.2 pp" (en) or
/// "+3.2个百分点" (zh), "±0.0 pp" for none; "—" when either rate has no denominator.
std::string format_rate_change(Lang lang, const Rate& now, const Rate& before);

/// A score on the 0–100 scale of the assessment; none when there is nothing to score.
struct Score {
  std::optional<double> value;

  friend bool operator==(const Score&, const Score&) = default;
};

/// The score to one decimal, "85.3"; "—" when there is none.
std::string format_score(const Score& score);

/// One value of a report: text, a count, a rate (rendered with format_rate) or a score.
using ReportValue = std::variant<std::string, std::int64_t, Rate, Score>;

/// A count as a cell: any integer type becomes the int64 alternative.
inline ReportValue count_cell(std::int64_t n) {
  return ReportValue{n};
}

/// The display text of `value` (format_rate for rates, format_score for scores).
std::string format_value(const ReportValue& value);

/// How a column's cells are placed.
enum class ColumnAlign { left, right };

/// A table column: `key` is its stable JSON field name, `header` its caption in the report's
/// language.
struct ReportColumn {
  std::string key;
  std::string header;
  ColumnAlign align = ColumnAlign::left;
};

/// A table: columns and rows of one value per column.
struct ReportTable {
  std::vector<ReportColumn> columns;
  std::vector<std::vector<ReportValue>> rows;
};

/// A horizontal bar. The chart's scale is 0–1 for rates, 0–100 for scores and 0–max for counts;
/// a rate with no denominator or a score with no value draws no bar and shows "—".
struct Bar {
  std::string label;
  ReportValue value;  ///< a rate, a score or a count
};

/// Horizontal bars, one per label (e.g. per-unit on-time rate).
struct BarChart {
  std::string key;  ///< stable JSON name
  std::string title;
  std::vector<Bar> bars;
};

/// One line (rates) or one set of bars (counts) of a trend chart, one point per month.
struct TrendSeries {
  std::string key;
  std::string name;
  std::vector<ReportValue> points;  ///< all Rate or all counts, one per TrendChart::periods
};

/// Values over consecutive periods (months): rate series are drawn as lines on 0–100%, count
/// series as bars on 0–max; a chart holds one kind only.
struct TrendChart {
  std::string key;
  std::string title;
  std::vector<std::string> periods;  ///< "2025-04" … "2025-09"
  std::vector<TrendSeries> series;
};

/// A chart of a section.
using ReportChart = std::variant<BarChart, TrendChart>;

/// A section: heading, text, at most one table, notes under it, and charts.
struct ReportSection {
  std::string key;  ///< stable JSON name, also the CSV table name
  std::string heading;
  std::vector<std::string> paragraphs;  ///< before the table
  std::optional<ReportTable> table;
  std::vector<std::string> notes;  ///< after the table ("注：…")
  std::vector<ReportChart> charts;
};

/// A term the report uses and what it counts (e.g. "on-time rate": clocks due in the month…).
struct ReportDefinition {
  std::string term;
  std::string meaning;
};

/// A finished report, independent of its output format; every text is in `lang`.
struct ReportDocument {
  std::string kind;  ///< "monthly", "meeting", "annual"
  Lang lang = Lang::zh;
  std::string title;
  std::string period;        ///< machine form: "2025-09", "2025"
  std::string period_label;  ///< human form: "2025年9月"
  std::string issuer;
  std::vector<std::string> recipients;  ///< 报送
  std::vector<std::string> copies;      ///< 抄送
  LocalDate issued;                     ///< date of issue
  /// The ledger's head digest when the report was drawn (ent110-verify(1) --anchor), so that a
  /// history rewritten after the report went out is provable; empty for reports without one.
  std::string anchor;
  std::vector<ReportDefinition> definitions;
  std::vector<ReportSection> sections;
};

/// The output formats of `ent110 report`.
enum class ReportFormat { text, md, csv, json, html };

/// The option spelling of `format` ("text", "md", …).
std::string_view to_string(ReportFormat format);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<ReportFormat> parse_report_format(std::string_view text);
/// Every spelling, for option validation.
std::vector<std::string> report_format_names();

/// Plain text for a terminal, tables aligned by display width (CJK aware); shrinkable columns
/// are cut to `width` columns when `width` > 0.
std::string render_text(const ReportDocument& document, std::size_t width = 0);
/// GitHub-flavoured Markdown: headings, pipe tables with alignment, charts as text bars.
std::string render_markdown(const ReportDocument& document);
/// CSV, UTF-8 with BOM, CRLF line ends: a "report" table of the header fields, then each
/// section's table and each trend chart's data as a table, each preceded by a line holding its
/// name ("units", "trend.rates") and heading and followed by a blank line (layout documented in
/// ent110-report(1)); paragraphs, notes and bar charts are not data and are left out.
std::string render_csv(const ReportDocument& document);
/// One JSON document with stable field names (documented in ent110-report(1)).
std::string render_json(const ReportDocument& document);
/// One self-contained XHTML file for A4 printing: inline CSS, tables, charts as inline SVG.
std::string render_html(const ReportDocument& document);

/// Renders `document` in `format`; `text_width` as for render_text.
std::string render_report(const ReportDocument& document,
                          ReportFormat format,
                          std::size_t text_width = 0);

}  // namespace ent110
