// SPDX-License-Identifier: MIT
#include <ent110/report/document.hpp>
#include <ent110/report/render_common.hpp>
#include <ent110/util/display_width.hpp>
#include <ent110/util/html.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace ent110 {
namespace {

using namespace report_detail;

// The page is XHTML so that it is well-formed XML (xmllint checks it) and still opens in every
// browser; the CSS fits 180 mm of A4 between 15 mm margins. It avoids '<', '>' and '&' so that the
// style element needs no escaping.
constexpr std::string_view k_style = R"(
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 10.5pt;
  color: #000; background: #fff; max-width: 180mm; margin: 0 auto; line-height: 1.45; }
header { text-align: center; margin-bottom: 10pt; }
h1 { font-size: 18pt; margin: 0 0 4pt 0; }
.period { font-size: 12pt; margin: 0 0 6pt 0; }
.issue { display: flex; justify-content: space-between; border-bottom: 1.5pt solid #b00;
  padding-bottom: 4pt; font-size: 10pt; }
h2 { font-size: 13pt; margin: 14pt 0 6pt 0; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4pt 0; }
th, td { border: 0.5pt solid #555; padding: 1.5pt 3pt; vertical-align: top; }
th { background: #eee; font-weight: bold; }
.r { text-align: right; }
table.wide { font-size: 7.5pt; }
table.wide th, table.wide td { padding: 1pt 2pt; }
td.r { white-space: nowrap; }
td.rate { white-space: normal; }
td.rate span { white-space: nowrap; }
th, td { min-width: 2.2em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
p.note { font-size: 9pt; margin: 3pt 0; }
figure { margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9.5pt; font-weight: bold; margin-bottom: 2pt; }
svg { display: block; max-width: 100%; height: auto; font-size: 11px; }
.definitions dt { font-weight: bold; }
.definitions dd { margin: 0 0 3pt 2em; font-size: 9.5pt; }
footer { margin-top: 16pt; border-top: 1pt solid #000; border-bottom: 1pt solid #000;
  padding: 3pt 0; font-size: 10pt; break-inside: avoid; page-break-inside: avoid; }
footer p { margin: 1pt 0; }
@media screen { body { padding: 12mm; } }
)";

constexpr std::array<std::string_view, 6> k_palette = {"#2b6cb0", "#c05621", "#2f855a",
                                                       "#6b46c1", "#b7791f", "#4a5568"};

constexpr double k_svg_width = 680;

std::string number(double value) {
  return fmt::format("{:.1f}", value);
}

std::string svg_open(double height, std::string_view label) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\" aria-label=\"{2}\">\n",
      number(k_svg_width), number(height), html_escape(label));
}

std::string svg_text(double x, double y, std::string_view anchor, std::string_view text) {
  return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n", number(x), number(y),
                     anchor, html_escape(text));
}

std::string bar_chart_svg(const BarChart& chart) {
  constexpr double label_right = 190;
  constexpr double bar_left = 198;
  constexpr double bar_width = 300;
  constexpr double row = 18;
  constexpr double bar_height = 12;
  const std::int64_t max = max_count(chart.bars);
  const double height = row * static_cast<double>(chart.bars.size()) + 8;
  std::string svg = svg_open(height, chart.title);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& bar = chart.bars[i];
    const double top = 4 + row * static_cast<double>(i);
    const double baseline = top + bar_height - 2;
    // Long unit names are cut here only; the table above the chart shows them whole.
    svg += svg_text(label_right, baseline, "end", truncate_to_width(bar.label, 28));
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#e2e8f0\"/>\n",
                       number(bar_left), number(top), number(bar_width), number(bar_height));
    const std::size_t filled = bar_cells(bar.value, max, static_cast<std::size_t>(bar_width));
    if (filled > 0) {
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n",
                         number(bar_left), number(top), number(static_cast<double>(filled)),
                         number(bar_height), k_palette[0]);
    }
    svg += svg_text(bar_left + bar_width + 8, baseline, "start", format_value(bar.value));
  }
  return svg + "</svg>\n";
}

// The smallest 1, 2 or 5 × 10^k that is at least `value`, so that gridlines fall on round numbers.
std::int64_t round_scale(std::int64_t value) {
  std::int64_t magnitude = 1;
  while (true) {
    for (std::int64_t step : {1, 2, 5}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    magnitude *= 10;
  }
}

std::string trend_chart_svg(const TrendChart& chart) {
  constexpr double left = 52;
  constexpr double right = 12;
  constexpr double top = 30;
  constexpr double plot_height = 150;
  constexpr double height = top + plot_height + 26;
  const double plot_width = k_svg_width - left - right;
  const std::size_t periods = std::max<std::size_t>(chart.periods.size(), 1);
  const double slot = plot_width / static_cast<double>(periods);
  const bool rates = !chart.series.empty() && !chart.series.front().points.empty() &&
                     std::holds_alternative<Rate>(chart.series.front().points.front());

  std::int64_t max = 0;
  for (const TrendSeries& series : chart.series) {
    for (const ReportValue& point : series.points) {
      if (const auto* count = std::get_if<std::int64_t>(&point)) {
        max = std::max(max, *count);
      }
    }
  }
  const std::int64_t scale = rates ? 100 : round_scale(std::max<std::int64_t>(max, 1));
  auto y_of = [&](double fraction) { return top + plot_height * (1 - fraction); };

  std::string svg = svg_open(height, chart.title);
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const double x = left + 130 * static_cast<double>(s);
    svg += fmt::format("<rect x=\"{}\" y=\"6\" width=\"10\" height=\"10\" fill=\"{}\"/>\n",
                       number(x), k_palette[s % k_palette.size()]);
    svg += svg_text(x + 14, 15, "start", chart.series[s].name);
  }
  for (int tick = 0; tick <= 4; ++tick) {
    const double fraction = tick / 4.0;
    const double y = y_of(fraction);
    svg += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#cbd5e0\" stroke-width=\"0.5\"/>\n",
        number(left), number(y), number(left + plot_width), number(y));
    std::string label;
    if (rates) {
      label = fmt::format("{}%", 25 * tick);
    } else if (scale * tick % 4 == 0) {
      label = std::to_string(scale * tick / 4);
    }
    if (!label.empty()) {
      svg += svg_text(left - 4, y + 4, "end", label);
    }
  }
  for (std::size_t i = 0; i < chart.periods.size(); ++i) {
    svg += svg_text(left + slot * (static_cast<double>(i) + 0.5), top + plot_height + 16, "middle",
                    chart.periods[i]);
  }

  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const TrendSeries& series = chart.series[s];
    const std::string_view colour = k_palette[s % k_palette.size()];
    if (rates) {
      // A month without a denominator breaks the line: there is nothing to join to.
      std::string points;
      auto flush = [&] {
        if (!points.empty()) {
          svg += fmt::format(
              "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"/>\n",
              points, colour);
          points.clear();
        }
      };
      for (std::size_t i = 0; i < series.points.size(); ++i) {
        const std::optional<double> value = rate_value(std::get<Rate>(series.points[i]));
        if (!value) {
          flush();
          continue;
        }
        const double x = left + slot * (static_cast<double>(i) + 0.5);
        const double y = y_of(*value);
        if (!points.empty()) {
          points += ' ';
        }
        points += number(x);
        points += ',';
        points += number(y);
        svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"{}\"/>\n", number(x),
                           number(y), colour);
      }
      flush();
    } else {
      const double group = slot * 0.7;
      const double width = group / static_cast<double>(chart.series.size());
      for (std::size_t i = 0; i < series.points.size(); ++i) {
        const auto count = std::get<std::int64_t>(series.points[i]);
        const double x = left + slot * static_cast<double>(i) + (slot - group) / 2 +
                         width * static_cast<double>(s);
        const double y = y_of(static_cast<double>(count) / static_cast<double>(scale));
        svg +=
            fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n",
                        number(x), number(y), number(width), number(top + plot_height - y), colour);
        svg += svg_text(x + width / 2, y - 2, "middle", std::to_string(count));
      }
    }
  }
  svg += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#000\" "
      "stroke-width=\"0.8\"/>\n",
      number(left), number(top + plot_height), number(left + plot_width));
  return svg + "</svg>\n";
}

// "88.4% (1291/1460)" may break before its fraction only, so that a wide table of large counts
// still fits the page's width and leaves room for the units' names.
std::string rate_cell(const Rate& rate) {
  const std::string text = format_rate(rate);
  const std::size_t space = text.find(' ');
  if (space == std::string::npos) {
    return html_escape(text);
  }
  return "<span>" + html_escape(text.substr(0, space)) + "</span> <span>" +
         html_escape(text.substr(space + 1)) + "</span>";
}

// Tables with this many columns or more (the units' table) are set smaller to fit 180 mm.
constexpr std::size_t k_wide_table_columns = 9;

std::string table_html(const ReportTable& table) {
  std::string html =
      table.columns.size() >= k_wide_table_columns ? "<table class=\"wide\">" : "<table>";
  html += "\n<thead>\n<tr>";
  for (const ReportColumn& column : table.columns) {
    html += column.align == ColumnAlign::right ? "<th class=\"r\">" : "<th>";
    html += html_escape(column.header) + "</th>";
  }
  html += "</tr>\n</thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    html += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool right = i < table.columns.size() && table.columns[i].align == ColumnAlign::right;
      if (right && std::holds_alternative<Rate>(row[i])) {
        html += "<td class=\"r rate\">" + rate_cell(std::get<Rate>(row[i]));
      } else {
        html += (right ? "<td class=\"r\">" : "<td>") + html_escape(format_value(row[i]));
      }
      html += "</td>";
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

}  // namespace

std::string render_html(const ReportDocument& document) {
  const Lang lang = document.lang;
  const std::string language = lang == Lang::zh ? "zh-CN" : "en";
  std::string html = "<!DOCTYPE html>\n";
  html += fmt::format(
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{0}\" xml:lang=\"{0}\">\n", language);
  html += "<head>\n<meta charset=\"utf-8\"/>\n";
  html += "<title>" + html_escape(document.title + " " + document.period_label) + "</title>\n";
  html += "<style>" + std::string(k_style) + "</style>\n</head>\n<body>\n";

  html += "<header>\n<h1>" + html_escape(document.title) + "</h1>\n";
  html += "<p class=\"period\">" + html_escape(document.period_label) + "</p>\n";
  html += "<div class=\"issue\"><span>" + html_escape(document.issuer) + "</span><span>" +
          html_escape(long_date(lang, document.issued)) + "</span></div>\n</header>\n";

  for (std::size_t i = 0; i < document.sections.size(); ++i) {
    const ReportSection& section = document.sections[i];
    html += "<section id=\"" + html_escape(section.key) + "\">\n";
    html += "<h2>" + html_escape(section_number(lang, i) + section.heading) + "</h2>\n";
    for (const std::string& paragraph : section.paragraphs) {
      html += "<p>" + html_escape(paragraph) + "</p>\n";
    }
    if (section.table) {
      html += table_html(*section.table);
    }
    for (const std::string& note : section.notes) {
      html += "<p class=\"note\">" + html_escape(tr(lang, MessageId::report_label_note) + note) +
              "</p>\n";
    }
    for (const ReportChart& chart : section.charts) {
      const bool bars = std::holds_alternative<BarChart>(chart);
      const std::string& title =
          bars ? std::get<BarChart>(chart).title : std::get<TrendChart>(chart).title;
      html += "<figure>\n<figcaption>" + html_escape(title) + "</figcaption>\n";
      html += bars ? bar_chart_svg(std::get<BarChart>(chart))
                   : trend_chart_svg(std::get<TrendChart>(chart));
      html += "</figure>\n";
    }
    html += "</section>\n";
  }

  if (!document.definitions.empty()) {
    html += "<section class=\"definitions\">\n<h2>" +
            html_escape(tr(lang, MessageId::report_label_definitions)) + "</h2>\n<dl>\n";
    for (const ReportDefinition& definition : document.definitions) {
      html += "<dt>" + html_escape(definition.term) + "</dt><dd>" +
              html_escape(definition.meaning) + "</dd>\n";
    }
    html += "</dl>\n</section>\n";
  }

  // 版记: recipients and copies close an official notice, between two rules.
  html += "<footer>\n<p>" +
          html_escape(tr(lang, MessageId::report_definition,
                         {tr(lang, MessageId::report_label_recipients),
                          join_list(lang, document.recipients)})) +
          "</p>\n<p>" +
          html_escape(
              tr(lang, MessageId::report_definition,
                 {tr(lang, MessageId::report_label_copies), join_list(lang, document.copies)})) +
          "</p>\n<p>" +
          html_escape(tr(lang, MessageId::report_definition,
                         {tr(lang, MessageId::report_label_issuer), document.issuer})) +
          "</p>\n";
  if (!document.anchor.empty()) {
    html += "<p class=\"anchor\">" +
            html_escape(tr(lang, MessageId::report_definition,
                           {tr(lang, MessageId::report_label_anchor), document.anchor})) +
            "</p>\n";
  }
  html += "</footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace ent110
