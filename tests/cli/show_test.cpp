// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using ent110::test::run_cli;
using ent110::test::TempDir;

TEST_CASE("show --json: the contract's shape after intake and forward", "[cli][cases]") {
  TempDir dir;
  const std::string db = (dir / "ent110.db").string();
  REQUIRE(run_cli({"init", "--db", db, "--at", "2025-01-01"}).code == 0);
  REQUIRE(run_cli({"unit", "add", "FGW", "--name", "发改委", "--kind", "department", "--db", db})
              .code == 0);
  REQUIRE(run_cli({"enterprise", "add", "--name", "示例公司", "--db", db}).code == 0);
  REQUIRE(run_cli({"intake", "--enterprise", "示例公司", "--type", "coordinate", "--channel",
                   "hotline", "--title", "用电增容", "--db", db, "--at", "2025-09-30 20:15"})
              .code == 0);
  const auto forwarded =
      run_cli({"forward", "1", "--to", "FGW", "--db", db, "--at", "2025-09-30T21:00", "--json"});
  REQUIRE(forwarded.code == 0);

  const auto shown = run_cli({"--json", "show", "2025-000001", "--db", db, "--at", "2025-10-14"});
  REQUIRE(shown.code == 0);
  const nlohmann::json json = nlohmann::json::parse(shown.out);
  // Only the statuses moved with --at: everything else is what forward printed, and show adds
  // the officers serving the enterprise and the project (none here); forward's hint of the unit
  // that answered similar cases is no part of the case.
  nlohmann::json after_forward = nlohmann::json::parse(forwarded.out);
  CHECK(after_forward["suggested_unit"].is_null());
  after_forward.erase("suggested_unit");
  after_forward["clocks"] = json["clocks"];
  after_forward["officers"] = nlohmann::json::array();
  CHECK(json == after_forward);
  CHECK(json["id"] == "2025-000001");
  CHECK(json["state"] == "forwarded");
  CHECK(json["type"] == "coordinate");
  CHECK(json["major"] == false);
  CHECK(json["channel"] == "hotline");
  CHECK(json["enterprise"]["name"] == "示例公司");
  CHECK(json["unit"] == "FGW");
  CHECK(json["received_at"] == "2025-09-30T20:15:00+08:00");
  const nlohmann::json& reply = json["clocks"][1];
  CHECK(reply["name"] == "reply");
  CHECK(reply["started"] == "2025-09-30");
  CHECK(reply["due"] == "2025-10-14");
  CHECK(reply["stopped"].is_null());
  CHECK(reply["status"] == "due-today");
  CHECK_FALSE(reply.contains("provisional"));
  const nlohmann::json& event = json["events"][1];
  CHECK(event["seq"] == 2);
  CHECK(event["action"] == "forward");
  CHECK(event["unit"] == "OFFICE");
  CHECK(event["at"] == "2025-09-30T21:00:00+08:00");
}

TEST_CASE("show: an unknown case is exit 3 with one line", "[cli][cases]") {
  TempDir dir;
  const std::string db = (dir / "ent110.db").string();
  REQUIRE(run_cli({"init", "--db", db, "--at", "2025-01-01"}).code == 0);
  const auto result = run_cli({"show", "2025-000009", "--db", db});
  CHECK(result.code == 3);
  CHECK(result.err == "ent110: error: unknown case '2025-000009'; 'ent110 list' shows the cases\n");
}
