// SPDX-License-Identifier: MIT
#include <ent110/report/document.hpp>

#include <fmt/format.h>

#include <array>
#include <cassert>

namespace ent110 {
namespace {

constexpr std::string_view k_no_rate = "—";

// Tenths of a percent, rounded half up, in integers so that equal counts always print alike.
std::int64_t per_mille(std::int64_t numerator, std::int64_t denominator) {
  return (2000 * numerator + denominator) / (2 * denominator);
}

std::string tenths(std::int64_t value) {
  return fmt::format("{}.{}", value / 10, value % 10);
}

constexpr std::array<std::pair<ReportFormat, std::string_view>, 5> k_formats = {{
    {ReportFormat::text, "text"},
    {ReportFormat::md, "md"},
    {ReportFormat::csv, "csv"},
    {ReportFormat::json, "json"},
    {ReportFormat::html, "html"},
}};

}  // namespace

std::optional<double> rate_value(const Rate& rate) {
  if (rate.denominator == 0) {
    return std::nullopt;
  }
  return static_cast<double>(rate.numerator) / static_cast<double>(rate.denominator);
}

std::string format_rate(const Rate& rate) {
  if (rate.denominator == 0) {
    return std::string(k_no_rate);
  }
  assert(rate.numerator >= 0 && rate.numerator <= rate.denominator);
  std::int64_t shown = per_mille(rate.numerator, rate.denominator);
  // 1999 of 2000 is not everything, and 1 of 2000 is not nothing: never round to the extremes.
  if (shown == 1000 && rate.numerator < rate.denominator) {
    shown = 999;
  } else if (shown == 0 && rate.numerator > 0) {
    shown = 1;
  }
  return fmt::format("{}% ({}/{})", tenths(shown), rate.numerator, rate.denominator);
}

std::string format_rate_change(Lang lang, const Rate& now, const Rate& before) {
  if (now.denominator == 0 || before.denominator == 0) {
    return std::string(k_no_rate);
  }
  const std::int64_t cross =
      now.numerator * before.denominator - before.numerator * now.denominator;
  const std::int64_t scale = now.denominator * before.denominator;
  const std::int64_t magnitude = per_mille(cross < 0 ? -cross : cross, scale);
  const std::string sign = magnitude == 0 ? "±" : (cross < 0 ? "-" : "+");
  return tr(lang, MessageId::report_rate_change, {sign + tenths(magnitude)});
}

std::string format_score(const Score& score) {
  if (!score.value) {
    return std::string(k_no_rate);
  }
  return fmt::format("{:.1f}", *score.value);
}

std::string format_value(const ReportValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    return *text;
  }
  if (const auto* count = std::get_if<std::int64_t>(&value)) {
    return std::to_string(*count);
  }
  if (const auto* score = std::get_if<Score>(&value)) {
    return format_score(*score);
  }
  return format_rate(std::get<Rate>(value));
}

std::string_view to_string(ReportFormat format) {
  for (const auto& [value, name] : k_formats) {
    if (value == format) {
      return name;
    }
  }
  return "text";
}

std::optional<ReportFormat> parse_report_format(std::string_view text) {
  for (const auto& [value, name] : k_formats) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

std::vector<std::string> report_format_names() {
  std::vector<std::string> names;
  for (const auto& entry : k_formats) {
    names.emplace_back(entry.second);
  }
  return names;
}

std::string render_report(const ReportDocument& document,
                          ReportFormat format,
                          std::size_t text_width) {
  switch (format) {
    case ReportFormat::text:
      return render_text(document, text_width);
    case ReportFormat::md:
      return render_markdown(document);
    case ReportFormat::csv:
      return render_csv(document);
    case ReportFormat::json:
      return render_json(document);
    case ReportFormat::html:
      return render_html(document);
  }
  return render_text(document, text_width);
}

}  // namespace ent110
