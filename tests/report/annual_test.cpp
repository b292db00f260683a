// SPDX-License-Identifier: MIT
#include <ent110/report/annual.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ent110;

namespace {

// A department unless a supervision score is given, then a district supervised in the year.
UnitYear unit(const std::string& code,
              std::optional<double> timeliness,
              std::optional<double> satisfaction = std::nullopt,
              std::optional<double> policy = std::nullopt,
              std::optional<double> supervision = std::nullopt) {
  UnitYear u;
  u.unit.code = code;
  u.scores.timeliness = timeliness;
  u.scores.satisfaction = satisfaction;
  u.scores.policy = policy;
  u.scores.supervision = supervision;
  if (supervision) {
    u.unit.kind = UnitKind::district;
    u.supervision = Supervision::supervised;
  }
  return u;
}

UnitYear accountable(UnitYear u) {
  u.accountable = true;
  return u;
}

}  // namespace

TEST_CASE("rank_units: the total is the weighted mean of the scores present", "[report][annual]") {
  Config config;  // weights 40, 40, 10, 10
  std::vector<UnitYear> units{unit("A", 80, 100, 92, 100), unit("B", 100, 0, std::nullopt, 97)};
  rank_units(units, config);
  REQUIRE(units[0].total.has_value());
  CHECK(*units[0].total == Approx(91.2));
  // No policy score: 40 × 0 + 40 × 100 + 10 × 97 over 90.
  CHECK(*units[1].total == Approx(55.2));
}

TEST_CASE("rank_units: equal totals share a rank and a tie at the boundary is commended",
          "[report][annual]") {
  Config config;
  config.commend_top = 2;
  std::vector<UnitYear> units{unit("C", 70), unit("A", 90), unit("B", 90), unit("D", 60)};
  rank_units(units, config);
  CHECK(units[0].unit.code == "A");
  CHECK(units[1].unit.code == "B");
  CHECK(units[0].rank == 1);
  CHECK(units[1].rank == 1);
  CHECK(units[2].rank == 3);
  CHECK(units[3].rank == 4);
  CHECK(units[0].commended);
  CHECK(units[1].commended);
  CHECK_FALSE(units[2].commended);

  config.commend_top = 1;
  rank_units(units, config);
  CHECK(units[0].commended);
  CHECK(units[1].commended);
}

TEST_CASE("rank_units: a unit with no reply clock due is listed last, unranked",
          "[report][annual]") {
  Config config;
  std::vector<UnitYear> units{unit("IDLE", std::nullopt, std::nullopt, 100), unit("A", 10)};
  rank_units(units, config);
  CHECK(units[0].unit.code == "A");
  CHECK(units[0].rank == 1);
  CHECK(units[1].rank == 0);
  CHECK_FALSE(units[1].total.has_value());
  CHECK_FALSE(units[1].commended);
}

TEST_CASE("rank_units: commend_top 0 commends no one", "[report][annual]") {
  Config config;
  config.commend_top = 0;
  std::vector<UnitYear> units{unit("A", 100)};
  rank_units(units, config);
  CHECK(units[0].rank == 1);
  CHECK_FALSE(units[0].commended);
}

TEST_CASE("rank_units: issue 10, a unit on the accountability list is never commended",
          "[report][annual][regression]") {
  // Reproduction: 0% on time but full marks elsewhere ranked first, and was both commended and
  // listed for accountability.
  Config config;
  config.commend_top = 2;
  std::vector<UnitYear> units{unit("GOOD", 90, 90), accountable(unit("LATE", 0, 100, 100, 100)),
                              unit("FAIR", 60, 60), unit("POOR", 40, 40)};
  config.weight_timeliness = 1;
  config.weight_satisfaction = 1;
  config.weight_policy = 100;
  config.weight_supervision = 100;
  rank_units(units, config);
  CHECK(units[0].unit.code == "LATE");
  CHECK(units[0].rank == 1);
  CHECK_FALSE(units[0].commended);
  // Commendation goes to the top two units off the list.
  CHECK(units[1].unit.code == "GOOD");
  CHECK(units[1].commended);
  CHECK(units[2].unit.code == "FAIR");
  CHECK(units[2].commended);
  CHECK_FALSE(units[3].commended);
}

TEST_CASE("rank_units: a tie at the boundary among units off the list is commended",
          "[report][annual]") {
  Config config;
  config.commend_top = 1;
  std::vector<UnitYear> units{accountable(unit("TOP", 100)), unit("A", 80), unit("B", 80),
                              unit("C", 70)};
  rank_units(units, config);
  CHECK_FALSE(units[0].commended);
  CHECK(units[1].commended);
  CHECK(units[2].commended);
  CHECK_FALSE(units[3].commended);
}

TEST_CASE(
    "rank_units: supervision weighs only where a score exists, elsewhere its weight is "
    "spread over the other criteria",
    "[report][annual]") {
  Config config;  // weights 40, 40, 10, 10
  UnitYear department = unit("DEPT", 80, 100, 90);
  UnitYear unsupervised = unit("XIAN", 80, 100, 90);
  unsupervised.unit.kind = UnitKind::county;
  unsupervised.supervision = Supervision::not_supervised;
  UnitYear supervised = unit("QU", 80, 100, 90, 50);
  std::vector<UnitYear> units{department, unsupervised, supervised};
  rank_units(units, config);
  // (40 × 100 + 40 × 80 + 10 × 90) / 90 for both units without a supervision score.
  CHECK(*units[0].total == Approx(90.0));
  CHECK(*units[1].total == Approx(90.0));
  CHECK(units[0].rank == units[1].rank);
  // (40 × 100 + 40 × 80 + 10 × 90 + 10 × 50) / 100: findings lower the total.
  CHECK(units[2].unit.code == "QU");
  CHECK(*units[2].total == Approx(86.0));
}

TEST_CASE("supervision_applies: counties, districts, areas and zones only (Art. 11)",
          "[report][annual]") {
  CHECK(supervision_applies(UnitKind::county));
  CHECK(supervision_applies(UnitKind::district));
  CHECK(supervision_applies(UnitKind::area));
  CHECK(supervision_applies(UnitKind::zone));
  CHECK_FALSE(supervision_applies(UnitKind::department));
  CHECK_FALSE(supervision_applies(UnitKind::office));
}

TEST_CASE("annual_document: the weights applied are one row per weight set naming its units",
          "[report][annual]") {
  Config config;
  AnnualReport report;
  report.year = 2025;
  report.as_of = LocalDate{date::year{2025} / 12 / 31};
  UnitYear department = unit("FGW", 80);
  UnitYear unsupervised = unit("LSX", 80);
  unsupervised.unit.kind = UnitKind::county;
  unsupervised.supervision = Supervision::not_supervised;
  UnitYear unsupervised_zone = unsupervised;
  unsupervised_zone.unit.code = "KFQ";
  unsupervised_zone.unit.kind = UnitKind::zone;
  report.units = {department, unsupervised, unit("PQX", 80, std::nullopt, std::nullopt, 95),
                  unsupervised_zone};
  const ReportDocument document =
      annual_document(report, config, Lang::en, LocalDate{date::year{2026} / 1 / 5});
  const auto weights = std::find_if(document.sections.begin(), document.sections.end(),
                                    [](const ReportSection& s) { return s.key == "weights"; });
  REQUIRE(weights != document.sections.end());
  REQUIRE(weights->table);
  const auto& rows = weights->table->rows;
  REQUIRE(rows.size() == 3);
  CHECK(std::get<std::string>(rows[0][4]) == "10");
  CHECK(std::get<std::string>(rows[0][6]) == "PQX");
  CHECK(std::get<std::string>(rows[1][4]) == "—");
  CHECK(std::get<std::string>(rows[1][6]) == "LSX, KFQ");
  CHECK(std::get<std::string>(rows[2][4]) == "—");
  CHECK(std::get<std::string>(rows[2][6]) == "FGW");

  // The ranking shows why a unit has no supervision score instead of a blank.
  const ReportSection& ranking = document.sections.front();
  REQUIRE(ranking.table);
  CHECK(std::get<std::string>(ranking.table->rows[0][11]) == "n/a");
  CHECK(std::get<std::string>(ranking.table->rows[1][11]) == "not supervised");
  CHECK(std::get<Score>(ranking.table->rows[2][11]) == Score{95.0});
}
