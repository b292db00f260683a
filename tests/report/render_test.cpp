// SPDX-License-Identifier: MIT
#include "report/golden.hpp"

#include <ent110/report/document.hpp>
#include <ent110/util/csv.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace ent110;
using ent110::test::check_golden;

namespace {

// A small document that exercises every feature the renderers must handle: CJK text, characters
// that need escaping in each format, rates with and without a denominator, both chart kinds.
ReportDocument sample_document() {
  ReportDocument document;
  document.kind = "monthly";
  document.lang = Lang::zh;
  document.title = "企业服务110问题办理情况通报";
  document.period = "2025-09";
  document.period_label = "2025年9月";
  document.issuer = "信阳市企业服务活动办公室";
  document.recipients = {"市委主要领导", "市政府主要领导"};
  document.copies = {"市政府督查室", "各成员单位"};
  document.issued = LocalDate{date::year{2025} / 10 / 1};
  document.definitions = {{"答复按时率", "本月到期的答复时限中按时办结的件数 / 本月到期的件数"},
                          {"满意率", "满意与基本满意 / 本月评价件数"}};

  ReportSection totals;
  totals.key = "totals";
  totals.heading = "总体情况";
  totals.paragraphs = {"本月共受理企业诉求 12 件。"};
  totals.table = ReportTable{{{"item", "项目"}, {"count", "件数", ColumnAlign::right}},
                             {{std::string("受理"), std::int64_t{12}},
                              {std::string("不予受理（违法、不明确）"), std::int64_t{2}},
                              {std::string("转办"), std::int64_t{10}}}};
  document.sections.push_back(totals);

  ReportSection units;
  units.key = "units";
  units.heading = "各单位办理情况";
  units.table = ReportTable{{{"unit", "单位代码"},
                             {"name", "单位名称"},
                             {"forwarded", "转办", ColumnAlign::right},
                             {"on_time", "答复按时率", ColumnAlign::right},
                             {"satisfaction", "满意率", ColumnAlign::right},
                             {"score", "得分", ColumnAlign::right}},
                            {{std::string("FGW"), std::string("市发展和改革委员会"),
                              std::int64_t{8}, Rate{7, 8}, Rate{3, 4}, Score{92.5}},
                             {std::string("R&D"), std::string("研发<试点>区, \"新\" | 区"),
                              std::int64_t{2}, Rate{0, 2}, Rate{0, 0}, Score{}},
                             {std::string("ZRZY"), std::string("市自然资源和规划局"),
                              std::int64_t{0}, Rate{0, 0}, Rate{0, 0}, Score{100}}}};
  units.notes = {"无分母的比率显示为“—”。"};
  units.charts.push_back(BarChart{"on_time",
                                  "各单位答复按时率",
                                  {{"市发展和改革委员会", Rate{7, 8}},
                                   {"研发<试点>区, \"新\" | 区", Rate{0, 2}},
                                   {"市自然资源和规划局", Rate{0, 0}}}});
  units.charts.push_back(BarChart{"forwarded",
                                  "各单位转办件数",
                                  {{"市发展和改革委员会", std::int64_t{8}},
                                   {"研发<试点>区, \"新\" | 区", std::int64_t{2}},
                                   {"市自然资源和规划局", std::int64_t{0}}}});
  units.charts.push_back(BarChart{"score",
                                  "得分",
                                  {{"市发展和改革委员会", Score{92.5}},
                                   {"研发<试点>区, \"新\" | 区", Score{}},
                                   {"市自然资源和规划局", Score{100}}}});
  document.sections.push_back(units);

  ReportSection trend;
  trend.key = "trend";
  trend.heading = "近期趋势";
  trend.charts.push_back(
      TrendChart{"rates",
                 "按时率与满意率",
                 {"2025-07", "2025-08", "2025-09"},
                 {{"on_time", "答复按时率", {Rate{0, 0}, Rate{4, 5}, Rate{7, 10}}},
                  {"satisfaction", "满意率", {Rate{1, 2}, Rate{2, 2}, Rate{3, 4}}}}});
  trend.charts.push_back(
      TrendChart{"received",
                 "受理件数",
                 {"2025-07", "2025-08", "2025-09"},
                 {{"received", "受理", {std::int64_t{5}, std::int64_t{9}, std::int64_t{12}}}}});
  document.sections.push_back(trend);
  return document;
}

}  // namespace

TEST_CASE("render_text: the sample document matches its golden file", "[report][render]") {
  check_golden("document-sample.txt", render_text(sample_document()));
}

TEST_CASE("render_text: English labels and numbering", "[report][render]") {
  ReportDocument document = sample_document();
  document.lang = Lang::en;
  const std::string text = render_text(document);
  CHECK(text.find("\n1. 总体情况\n") != std::string::npos);
  CHECK(text.find("Copy to") != std::string::npos);
  CHECK(text.find("Date of issue  2025-10-01") != std::string::npos);
}

TEST_CASE("render_text: a narrow width cuts text columns, never rates", "[report][render]") {
  const std::string text = render_text(sample_document(), 60);
  CHECK(text.find("87.5% (7/8)") != std::string::npos);
  CHECK(text.find("…") != std::string::npos);
}

TEST_CASE("render_markdown: the sample document matches its golden file", "[report][render]") {
  check_golden("document-sample.md", render_markdown(sample_document()));
}

TEST_CASE("render_markdown: markup characters in text are escaped, a pipe does not split a column",
          "[report][render]") {
  const std::string md = render_markdown(sample_document());
  CHECK(md.find("| 研发\\<试点\\>区, \"新\" \\| 区 |") != std::string::npos);
  CHECK(md.find("| ---: |") != std::string::npos);
}

TEST_CASE("render_csv: the sample document matches its golden file", "[report][render]") {
  check_golden("document-sample.csv", render_csv(sample_document()));
}

TEST_CASE("render_csv: a real CSV parser reads back every table", "[report][render][csv]") {
  const ReportDocument document = sample_document();
  const std::string csv = render_csv(document);
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  const std::vector<CsvRow> rows = parse_csv(csv, "sample.csv");
  REQUIRE(!rows.empty());
  CHECK(rows[0].fields == std::vector<std::string>{"report", "报告信息"});

  // Tables are found by their name line: the first record after a blank line.
  std::map<std::string, std::vector<std::vector<std::string>>> tables;
  std::string current;
  std::size_t last_row = 0;
  for (const CsvRow& row : rows) {
    if (row.row != last_row + 1 || last_row == 0) {
      REQUIRE(row.fields.size() == 2);
      current = row.fields[0];
    } else {
      tables[current].push_back(row.fields);
    }
    last_row = row.row;
  }
  CHECK(tables.size() == 5);
  CHECK(tables["trend.received"][0] == std::vector<std::string>{"月份", "受理"});
  CHECK(tables["trend.rates"][1] == std::vector<std::string>{"2025-07", "—", "50.0% (1/2)"});
  CHECK(tables["report"].size() == 1 + 6 + document.definitions.size());
  const auto& units = tables["units"];
  REQUIRE(units.size() == 4);
  CHECK(units[0] ==
        std::vector<std::string>{"单位代码", "单位名称", "转办", "答复按时率", "满意率", "得分"});
  CHECK(units[2] ==
        std::vector<std::string>{"R&D", "研发<试点>区, \"新\" | 区", "2", "0.0% (0/2)", "—", "—"});
  CHECK(tables["totals"][1] == std::vector<std::string>{"受理", "12"});
}

TEST_CASE("render_json: the sample document matches its golden file", "[report][render]") {
  check_golden("document-sample.json", render_json(sample_document()));
}

TEST_CASE("render_json: rows keyed by column, rates with counts and null for no denominator",
          "[report][render]") {
  const auto json = nlohmann::json::parse(render_json(sample_document()));
  CHECK(json["report"] == "monthly");
  CHECK(json["issued"] == "2025-10-01");
  const auto& row = json["sections"][1]["table"]["rows"][0];
  CHECK(row["unit"] == "FGW");
  CHECK(row["on_time"]["numerator"] == 7);
  CHECK(row["on_time"]["denominator"] == 8);
  CHECK(row["on_time"]["rate"] == 0.875);
  CHECK(json["sections"][1]["table"]["rows"][2]["on_time"]["rate"].is_null());
  CHECK(row["score"] == 92.5);
  CHECK(json["sections"][1]["table"]["rows"][1]["score"].is_null());
  CHECK(json["sections"][2]["charts"][0]["type"] == "trend");
}

TEST_CASE("render_html: the sample document matches its golden file", "[report][render]") {
  check_golden("document-sample.html", render_html(sample_document()));
}

TEST_CASE("render_html: self-contained, escaped, one inline SVG per chart", "[report][render]") {
  const std::string html = render_html(sample_document());
  CHECK(html.find("@page { size: A4") != std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("href=") == std::string::npos);
  CHECK(html.find("研发&lt;试点&gt;区, &quot;新&quot; | 区") != std::string::npos);
  CHECK(html.find("<试点>") == std::string::npos);
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg "); at != std::string::npos;
       at = html.find("<svg ", at + 1)) {
    ++svgs;
  }
  CHECK(svgs == 5);
  // The no-denominator bar has its track and its dash, but no filled bar.
  CHECK(html.find(">—</text>") != std::string::npos);
}

TEST_CASE("render_report: dispatches on the format", "[report][render]") {
  const ReportDocument document = sample_document();
  CHECK(render_report(document, ReportFormat::md) == render_markdown(document));
  CHECK(render_report(document, ReportFormat::html) == render_html(document));
  CHECK(render_report(document, ReportFormat::text, 60) == render_text(document, 60));
}

TEST_CASE("render_csv: every golden CSV reads back table by table with a real CSV parser",
          "[report][render][csv]") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(ent110::test::golden_path(""))) {
    if (entry.path().extension() != ".csv") {
      continue;
    }
    ++files;
    INFO(entry.path().string());
    const std::vector<CsvRow> rows =
        parse_csv(ent110::test::read_file(entry.path()), entry.path().filename().string());
    REQUIRE(!rows.empty());
    CHECK(rows.front().fields.front() == "report");
    // Each table: a name line after a blank line, a header, then rows as wide as the header.
    std::size_t width = 0;
    std::size_t last_row = 0;
    bool header_next = false;
    for (const CsvRow& row : rows) {
      if (last_row == 0 || row.row != last_row + 1) {
        CHECK(row.fields.size() == 2);
        header_next = true;
      } else if (header_next) {
        width = row.fields.size();
        header_next = false;
      } else {
        CHECK(row.fields.size() == width);
      }
      last_row = row.row;
    }
  }
  CHECK(files >= 3);
}
