// SPDX-License-Identifier: MIT
#include <ent110/report/document.hpp>

#include <nlohmann/json.hpp>

namespace ent110 {
namespace {

using nlohmann::json;

json value_json(const ReportValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    return *text;
  }
  if (const auto* count = std::get_if<std::int64_t>(&value)) {
    return *count;
  }
  if (const auto* score = std::get_if<Score>(&value)) {
    return score->value ? json(*score->value) : json(nullptr);
  }
  const Rate& rate = std::get<Rate>(value);
  const std::optional<double> fraction = rate_value(rate);
  return {{"numerator", rate.numerator},
          {"denominator", rate.denominator},
          {"rate", fraction ? json(*fraction) : json(nullptr)},
          {"text", format_rate(rate)}};
}

json table_json(const ReportTable& table) {
  json columns = json::array();
  for (const ReportColumn& column : table.columns) {
    columns.push_back({{"key", column.key},
                       {"header", column.header},
                       {"align", column.align == ColumnAlign::right ? "right" : "left"}});
  }
  json rows = json::array();
  for (const auto& row : table.rows) {
    json object = json::object();
    for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
      object[table.columns[i].key] = value_json(row[i]);
    }
    rows.push_back(std::move(object));
  }
  return {{"columns", columns}, {"rows", rows}};
}

json chart_json(const ReportChart& chart) {
  if (const auto* bars = std::get_if<BarChart>(&chart)) {
    json items = json::array();
    for (const Bar& bar : bars->bars) {
      items.push_back({{"label", bar.label}, {"value", value_json(bar.value)}});
    }
    return {{"type", "bars"}, {"key", bars->key}, {"title", bars->title}, {"bars", items}};
  }
  const TrendChart& trend = std::get<TrendChart>(chart);
  json series = json::array();
  for (const TrendSeries& line : trend.series) {
    json points = json::array();
    for (const ReportValue& point : line.points) {
      points.push_back(value_json(point));
    }
    series.push_back({{"key", line.key}, {"name", line.name}, {"points", points}});
  }
  return {{"type", "trend"},
          {"key", trend.key},
          {"title", trend.title},
          {"periods", trend.periods},
          {"series", series}};
}

}  // namespace

std::string render_json(const ReportDocument& document) {
  json definitions = json::array();
  for (const ReportDefinition& definition : document.definitions) {
    definitions.push_back({{"term", definition.term}, {"meaning", definition.meaning}});
  }
  json sections = json::array();
  for (const ReportSection& section : document.sections) {
    json charts = json::array();
    for (const ReportChart& chart : section.charts) {
      charts.push_back(chart_json(chart));
    }
    sections.push_back({{"key", section.key},
                        {"heading", section.heading},
                        {"paragraphs", section.paragraphs},
                        {"table", section.table ? table_json(*section.table) : json(nullptr)},
                        {"notes", section.notes},
                        {"charts", charts}});
  }
  // nlohmann sorts object keys, so the field order is stable across versions.
  const json root = {{"report", document.kind},
                     {"language", document.lang == Lang::zh ? "zh" : "en"},
                     {"title", document.title},
                     {"period", document.period},
                     {"period_label", document.period_label},
                     {"issuer", document.issuer},
                     {"recipients", document.recipients},
                     {"copies", document.copies},
                     {"issued", format_date(document.issued)},
                     {"anchor", document.anchor.empty() ? json(nullptr) : json(document.anchor)},
                     {"definitions", definitions},
                     {"sections", sections}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace ent110
