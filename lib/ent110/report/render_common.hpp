// SPDX-License-Identifier: MIT
// Pieces shared by the report renderers (internal to lib/ent110/report).
#pragma once

#include <ent110/report/document.hpp>

#include <string>
#include <vector>

namespace ent110::report_detail {

/// The numbering of section `index` (0-based): "一、" … "九十九、" in zh, "1. " in en.
std::string section_number(Lang lang, std::size_t index);

/// `day` as a reader expects it: "2025年10月1日" (zh) or "2025-10-01" (en).
std::string long_date(Lang lang, LocalDate day);

/// `items` joined with "、" (zh) or ", " (en).
std::string join_list(Lang lang, const std::vector<std::string>& items);

/// The report's header fields (title, period, issuer, date of issue, 报送, 抄送) as
/// (label, value) pairs in print order, plus the definitions, for the CSV "about" table.
std::vector<std::pair<std::string, std::string>> header_fields(const ReportDocument& document);

/// How many of `width` cells a bar of `value` fills on its chart's scale (`max_count` for
/// counts): never full unless the rate is complete, never empty unless it is zero.
std::size_t bar_cells(const ReportValue& value, std::int64_t max_count, std::size_t width);

/// Whether `value` can be drawn: false for a rate without denominator or a score without value.
bool has_measure(const ReportValue& value);

/// The largest count among `bars` (0 when they are rates or all zero).
std::int64_t max_count(const std::vector<Bar>& bars);

/// A chart as aligned text lines: a title line, then for bars "label  87.5% (7/8)  ████░░",
/// for trends a table of periods × series. Used by the text and Markdown renderers.
std::string chart_as_text(const ReportChart& chart);

}  // namespace ent110::report_detail
