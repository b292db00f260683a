// SPDX-License-Identifier: MIT
#include <ent110/report/annual.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {

UnitYear unit(const std::string& code,
              std::optional<double> timeliness,
              std::optional<double> satisfaction = std::nullopt,
              std::optional<double> policy = std::nullopt,
              double supervision = 100) {
  UnitYear u;
  u.unit.code = code;
  u.scores.timeliness = timeliness;
  u.scores.satisfaction = satisfaction;
  u.scores.policy = policy;
  u.scores.supervision = supervision;
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
