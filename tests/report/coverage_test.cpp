// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"

#include <ent110/registry/enterprises.hpp>
#include <ent110/report/annual.hpp>
#include <ent110/report/coverage.hpp>
#include <ent110/store/statement.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>

using namespace ent110;

namespace {

constexpr std::string_view k_p1 = "2025-411500-44-03-000001";
constexpr std::string_view k_p2 = "2025-411500-44-03-000002";
constexpr std::string_view k_p3 = "2025-411500-44-03-000003";

// Coverage on 2025-09-30, each subject chosen for one rule:
//   甲 LSX above-scale, key   served by 王一 (department leader): covered, no leader
//   乙 LSX above-scale        served only by 赵二, retired 09-15: not covered
//   丙 PQX above-scale        assignment until 09-29 (ended the day before): not covered
//   丁 PQX above-scale        assignment until 09-30 (ends on the day): not covered
//   戊 no county, above-scale served by 孙三 (city leader): covered
//   己 key, not above-scale   served by 孙三: led, not counted
//   P1 LSX under construction, city key   served by 王一: covered, no leader
//   P2 PQX completed, no officer: not counted
//   P3 PQX under construction, no officer: not covered
// 孙三 serves the fixture's enterprise (the cases') from 09-10.
struct CoverageFixture : test::CaseFixture {
  std::int64_t jia = 0, yi = 0, bing = 0, ding = 0, wu = 0, ji = 0;

  CoverageFixture() {
    const Instant start = at("2025-01-01");
    const Actor actor{"test", "OFFICE"};
    add_unit(store, Unit{"LSX", "罗山县", UnitKind::county, "", "", ""}, actor, start);
    add_unit(store, Unit{"PQX", "平桥区", UnitKind::district, "", "", ""}, actor, start);
    auto enterprise = [&](const std::string& name, const std::string& county, bool above_scale,
                          bool key) {
      Enterprise e;
      e.name = name;
      e.county = county;
      e.above_scale = above_scale;
      e.key = key;
      return add_enterprise(store, e, actor, start);
    };
    jia = enterprise("甲", "LSX", true, true);
    yi = enterprise("乙", "LSX", true, false);
    bing = enterprise("丙", "PQX", true, false);
    ding = enterprise("丁", "PQX", true, false);
    wu = enterprise("戊", "", true, false);
    ji = enterprise("己", "LSX", false, true);
    add_service_data();
  }

  // The officers, projects, assignments and visits, written as plain rows: the commands that
  // record them are another piece of work.
  void add_service_data() {
    store.write([&] {
      auto sql = [&](const std::string& text) { Statement(store, text).run(); };
      sql("INSERT INTO officer (id, name, level, unit, created_at, retired_on) VALUES "
          "(1, '王一', 'department-leader', 'FGW', '2025-01-01T00:00:00Z', NULL), "
          "(2, '赵二', 'department-leader', 'JXW', '2025-01-01T00:00:00Z', '2025-09-15'), "
          "(3, '孙三', 'city-leader', 'FGW', '2025-01-01T00:00:00Z', NULL)");
      sql(fmt::format(
          "INSERT INTO project (code, name, county, status, key_level, created_at) VALUES "
          "('{}', '一号项目', 'LSX', 'under-construction', 'city', '2025-01-01T00:00:00Z'), "
          "('{}', '二号项目', 'PQX', 'completed', NULL, '2025-01-01T00:00:00Z'), "
          "('{}', '三号项目', 'PQX', 'under-construction', NULL, '2025-01-01T00:00:00Z')",
          k_p1, k_p2, k_p3));
      auto assign = [&](int officer, std::int64_t enterprise, const std::string& from,
                        const std::string& until) {
        sql(fmt::format(
            "INSERT INTO assignment (officer, enterprise, from_date, until_date, created_at) "
            "VALUES ({}, {}, '{}', {}, '2025-01-01T00:00:00Z')",
            officer, enterprise, from, until.empty() ? "NULL" : "'" + until + "'"));
      };
      assign(1, jia, "2025-02-01", "");
      assign(2, yi, "2025-02-01", "");
      assign(1, bing, "2025-02-01", "2025-09-29");
      assign(1, ding, "2025-02-01", "2025-09-30");
      assign(3, wu, "2025-02-01", "");
      assign(3, ji, "2025-02-01", "");
      assign(3, 1, "2025-09-10", "");
      sql(
          fmt::format("INSERT INTO assignment (officer, project, from_date, created_at) "
                      "VALUES (1, '{}', '2025-02-01', '2025-01-01T00:00:00Z')",
                      k_p1));
      // Local 09-01 00:30 is in the period, 08-31 23:30 and 10-01 00:10 are not.
      sql(
          fmt::format("INSERT INTO visit (officer, enterprise, at, note, actor, recorded_at) "
                      "VALUES (1, {0}, '2025-08-31T16:30:00Z', '走访', 'wang', "
                      "'2025-09-01T00:00:00Z'), (1, {0}, '2025-08-31T15:30:00Z', '走访', 'wang', "
                      "'2025-09-01T00:00:00Z'), (3, {1}, '2025-09-30T16:10:00Z', '走访', 'wang', "
                      "'2025-10-01T00:00:00Z')",
                      jia, wu));
    });
  }

  CoverageReport on(const std::string& day) {
    return compute_coverage(store, zone, parse_date(day));
  }

  static const CoverageRow& county(const CoverageReport& report, const std::string& code) {
    const auto found = std::find_if(report.counties.begin(), report.counties.end(),
                                    [&](const CoverageRow& row) { return row.county == code; });
    REQUIRE(found != report.counties.end());
    return *found;
  }
};

std::vector<std::string> names(const std::vector<CoverageGap>& gaps) {
  std::vector<std::string> out;
  for (const CoverageGap& gap : gaps) {
    out.push_back(gap.name);
  }
  return out;
}

}  // namespace

TEST_CASE_METHOD(CoverageFixture,
                 "compute_coverage: retired officers, ended assignments and completed projects",
                 "[report][coverage]") {
  const CoverageReport report = on("2025-09-30");
  CHECK(county(report, "LSX").enterprises == Rate{1, 2});  // 乙's only officer retired
  CHECK(county(report, "LSX").projects == Rate{1, 1});
  // 丙 ended the day before, 丁 ends on the day: neither is served on it.
  CHECK(county(report, "PQX").enterprises == Rate{0, 2});
  CHECK(county(report, "PQX").projects == Rate{0, 1});  // the completed project is not counted
  CHECK(county(report, "").enterprises == Rate{1, 1});
  CHECK(report.counties.back().county.empty());  // "no county" is listed last
  // Names sort by their bytes, as on both engines: 丁 (U+4E01) before 丙 (U+4E19).
  CHECK(names(report.gaps) == std::vector<std::string>{"乙", "丁", "丙", "三号项目"});
  CHECK(report.gaps[3].key == k_p3);
}

TEST_CASE_METHOD(CoverageFixture,
                 "compute_coverage: the county rows sum to the total",
                 "[report][coverage]") {
  for (const std::string day : {"2025-09-14", "2025-09-29", "2025-09-30"}) {
    INFO(day);
    const CoverageReport report = on(day);
    Rate enterprises;
    Rate projects;
    for (const CoverageRow& row : report.counties) {
      enterprises.numerator += row.enterprises.numerator;
      enterprises.denominator += row.enterprises.denominator;
      projects.numerator += row.projects.numerator;
      projects.denominator += row.projects.denominator;
    }
    CHECK(enterprises == report.total.enterprises);
    CHECK(projects == report.total.projects);
  }
  // The day before 赵二 retired every above-scale enterprise was covered; then 乙 was not.
  CHECK(on("2025-09-14").total.enterprises == Rate{5, 5});
  CHECK(on("2025-09-28").total.enterprises == Rate{4, 5});
  CHECK(on("2025-09-30").total.enterprises == Rate{2, 5});
}

TEST_CASE_METHOD(CoverageFixture,
                 "compute_coverage: a key one served only by a department leader has no leader",
                 "[report][coverage]") {
  const CoverageReport report = on("2025-09-30");
  REQUIRE(report.leader_gaps.size() == 2);
  CHECK(report.leader_gaps[0].name == "甲");
  REQUIRE(report.leader_gaps[0].officers.size() == 1);
  CHECK(report.leader_gaps[0].officers[0].name == "王一");
  CHECK(report.leader_gaps[1].key == k_p1);
  CHECK(report.leader_gaps[1].key_level == ProjectKey::city);
}

TEST_CASE_METHOD(CoverageFixture,
                 "compute_coverage: officers serving on the day and their visits in the period",
                 "[report][coverage]") {
  const CoverageReport report = on("2025-09-30");
  REQUIRE(report.officers.size() == 2);              // 赵二 retired
  CHECK(report.officers[0].officer.name == "孙三");  // city leaders first
  CHECK(report.officers[0].enterprises == 3);
  CHECK(report.officers[0].visits == 0);  // local 10-01 is after the period
  CHECK(report.officers[1].officer.name == "王一");
  CHECK(report.officers[1].enterprises == 1);  // 甲; 丙 and 丁 have ended
  CHECK(report.officers[1].projects == 1);
  CHECK(report.officers[1].visits == 1);  // local 09-01 00:30, not 08-31 23:30
  CHECK(report.visits == 1);
}

TEST_CASE_METHOD(CoverageFixture,
                 "compute_coverage: cases count as covered by their officer on the day received",
                 "[report][coverage]") {
  const std::string before = intake(CaseType::consult, "2025-09-05T10:00");
  const std::string after = intake(CaseType::consult, "2025-09-12T10:00");
  forward(after, "2025-09-12T11:00");
  service.reply(after, "已答复", "wang", at("2025-09-15T09:00"));
  service.evaluate(after, Rating::satisfied, "", "wang", at("2025-09-16T09:00"));
  service.reject(before, RejectReason::unclear, "请补充", "wang", at("2025-09-05T11:00"));
  intake(CaseType::consult, "2025-10-01T00:10");  // after the period

  const CoverageReport report = on("2025-09-30");
  CHECK(report.covered_cases.received == 1);
  CHECK(report.covered_cases.answered == 1);
  CHECK(report.covered_cases.satisfied == 1);
  CHECK(report.uncovered_cases.received == 1);
  CHECK(report.uncovered_cases.rejected == 1);
  CHECK(report.uncovered_cases.open == 0);
}

TEST_CASE_METHOD(CoverageFixture,
                 "unit_coverage: counties by their subjects, departments by their officers",
                 "[report][coverage]") {
  UnitCoverage coverage;
  store.read([&] { coverage = unit_coverage(store, zone, parse_date("2025-12-31")); });
  CHECK(coverage.areas["LSX"] == Rate{2, 3});
  CHECK(coverage.areas["PQX"] == Rate{0, 3});
  CHECK(coverage.officers["FGW"] == Rate{2, 2});
  CHECK(coverage.officers.count("JXW") == 0);  // its only officer retired

  config.weight_coverage = 0;
  const AnnualReport unweighted =
      compute_annual(store, calendar, config, 2025, at("2026-01-05T10:00"));
  for (const UnitYear& unit : unweighted.units) {
    INFO(unit.unit.code);
    REQUIRE(unit.scores.coverage.has_value());
    if (unit.unit.code == "LSX") {
      CHECK(*unit.scores.coverage == Approx(200.0 / 3));
    } else if (unit.unit.code == "PQX") {
      CHECK(*unit.scores.coverage == 0);
    } else {
      CHECK(*unit.scores.coverage == 100);  // FGW all serve; JXW has none serving
    }
  }
}

TEST_CASE("rank_units: a coverage weight of 0 leaves the totals as they were",
          "[report][coverage][annual]") {
  Config config;
  REQUIRE(config.weight_coverage == 0);
  UnitYear a;
  a.unit.code = "A";
  a.scores.timeliness = 80;
  a.scores.satisfaction = 100;
  UnitYear b = a;
  b.unit.code = "B";
  b.scores.timeliness = 90;
  std::vector<UnitYear> without{a, b};
  rank_units(without, config);
  a.scores.coverage = 0;
  b.scores.coverage = 100;
  std::vector<UnitYear> with{a, b};
  rank_units(with, config);
  for (std::size_t i = 0; i < with.size(); ++i) {
    CHECK(with[i].unit.code == without[i].unit.code);
    CHECK(with[i].total == without[i].total);
  }

  config.weight_coverage = 20;
  rank_units(with, config);
  // B: (40 × 100 + 40 × 90 + 20 × 100) / 100; A: (40 × 100 + 40 × 80 + 20 × 0) / 100.
  CHECK(with[0].unit.code == "B");
  CHECK(*with[0].total == Approx(96.0));
  CHECK(*with[1].total == Approx(72.0));
}

TEST_CASE_METHOD(CoverageFixture,
                 "coverage_document: the county rows end with no county and the total",
                 "[report][coverage]") {
  const ReportDocument document =
      coverage_document(on("2025-09-30"), config, Lang::en, parse_date("2025-10-01"));
  CHECK(document.kind == "coverage");
  CHECK(document.period == "2025-09-30");
  REQUIRE(document.sections.size() == 5);
  const ReportTable& counties = document.sections[0].table.value();
  REQUIRE(counties.rows.size() == 4);  // LSX, PQX, no county, total
  CHECK(std::get<std::string>(counties.rows[2][1]) == "no county");
  CHECK(std::get<std::string>(counties.rows[3][1]) == "total");
  CHECK(std::get<Rate>(counties.rows[3][5]) == Rate{2, 5});
  const ReportTable& leaders = document.sections[2].table.value();
  CHECK(std::get<std::string>(leaders.rows[0].back()) == "王一 (department leader)");
  CHECK(std::get<std::string>(leaders.rows[1][5]) == "city key project");
}
