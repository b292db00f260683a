// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using ent110::test::run_cli;
using ent110::test::TempDir;

namespace {

// A database made by `init` (the official schedule loaded), and the arguments to reach it.
struct CalendarDb {
  TempDir dir;
  std::string db = (dir / "ent110.db").string();
  CalendarDb() { REQUIRE(run_cli({"--db", db, "init", "--at", "2025-09-30"}).code == 0); }
  ent110::test::CliResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    return run_cli(args);
  }
};

}  // namespace

TEST_CASE("calendar show: the October 2025 grid marks National Day and the working Saturday",
          "[calendar][cli]") {
  const CalendarDb db;
  const auto zh = db.run({"calendar", "show", "2025-10", "--lang", "zh"});
  REQUIRE(zh.code == 0);
  CHECK(zh.out.find("2025年10月") != std::string::npos);
  CHECK(zh.out.find("一   二   三   四   五   六   日") != std::string::npos);
  CHECK(zh.out.find(" 6休  7休  8休  9   10   11班 12") != std::string::npos);
  CHECK(zh.out.find("10-01–10-08 休  国庆节、中秋节") != std::string::npos);
  CHECK(zh.out.find("10-11       班  国庆节、中秋节 (星期六)") != std::string::npos);
  CHECK(zh.err.empty());

  const auto en = db.run({"calendar", "show", "2025-10"});
  CHECK(en.out.find("October 2025") != std::string::npos);
  CHECK(en.out.find("+ made-up working day") != std::string::npos);
}

TEST_CASE("calendar show --json: one entry per day in the contract's shape", "[calendar][cli]") {
  const CalendarDb db;
  const auto year = db.run({"calendar", "show", "2025", "--json"});
  REQUIRE(year.code == 0);
  const auto document = nlohmann::json::parse(year.out);
  CHECK(document["year"] == 2025);
  CHECK_FALSE(document.contains("month"));
  REQUIRE(document["days"].size() == 365);
  CHECK(document["days"][0] ==
        nlohmann::json::parse(
            R"({"date": "2025-01-01", "workday": false, "kind": "holiday", "name": "元旦"})"));
  CHECK(document["days"][1]["kind"] == "workday");
  CHECK(document["days"][1]["name"].is_null());

  const auto month = nlohmann::json::parse(db.run({"calendar", "show", "2025-10", "--json"}).out);
  CHECK(month["month"] == 10);
  CHECK(month["days"].size() == 31);
  CHECK(month["days"][10]["kind"] == "adjusted-workday");
  CHECK(month["days"][10]["workday"] == true);

  const auto one = nlohmann::json::parse(db.run({"calendar", "show", "2025-10-12", "--json"}).out);
  CHECK(one["kind"] == "weekend");
}

TEST_CASE("calendar add and between: the rules' counting, provisional past the schedule",
          "[calendar][cli]") {
  const CalendarDb db;
  const auto add = db.run({"calendar", "add", "2025-09-30", "5", "--json"});
  REQUIRE(add.code == 0);
  CHECK(nlohmann::json::parse(add.out) ==
        nlohmann::json::parse(R"({"from": "2025-09-30", "n": 5, "date": "2025-10-14"})"));
  CHECK(add.err.empty());

  const auto late = db.run({"calendar", "add", "2026-12-31", "1", "--json"});
  CHECK(nlohmann::json::parse(late.out)["provisional"] == true);
  CHECK(late.err.find("warning: the official schedule of 2027 is not loaded") != std::string::npos);

  const auto between = db.run({"calendar", "between", "2025-09-30", "2025-10-14"});
  CHECK(between.out == "working days after 2025-09-30 up to and including 2025-10-14: 5\n");
  CHECK(db.run({"calendar", "add", "2025-09-30", "0"}).code == 2);
  CHECK(db.run({"calendar", "add", "2025-09-31", "1"}).code == 2);
}

TEST_CASE("calendar is-workday: exit 0 on a working day, 1 otherwise", "[calendar][cli]") {
  const CalendarDb db;
  CHECK(db.run({"calendar", "is-workday", "2025-10-11"}).code == 0);
  CHECK(db.run({"calendar", "is-workday", "2025-10-08"}).code == 1);
  CHECK(db.run({"calendar", "is-workday", "2025-10-12"}).code == 1);
  CHECK(db.run({"calendar", "is-workday", "--at", "2025-10-09T09:00"}).code == 0);
}

TEST_CASE("calendar set: an override is recorded and changes the counting", "[calendar][cli]") {
  const CalendarDb db;
  const auto set = db.run(
      {"calendar", "set", "2025-10-13", "off", "--reason", "typhoon", "--as", "wang", "--json"});
  REQUIRE(set.code == 0);
  const auto document = nlohmann::json::parse(set.out);
  CHECK(document["kind"] == "local-off");
  CHECK(document["reason"] == "typhoon");
  CHECK(document["revision"] == 2);
  CHECK(nlohmann::json::parse(
            db.run({"calendar", "add", "2025-09-30", "5", "--json"}).out)["date"] == "2025-10-15");
  CHECK(db.run({"calendar", "set", "2025-10-13", "off"}).code == 2);
  CHECK(db.run({"calendar", "set", "2025-10-14", "official", "--reason", "x"}).code == 3);
  CHECK(db.run({"calendar", "set", "2025-10-13", "official", "--reason", "passed"}).code == 0);
  CHECK(db.run({"calendar", "is-workday", "2025-10-13"}).code == 0);
}

TEST_CASE("calendar load: a bad file exits 5 naming file:line:col and loads nothing",
          "[calendar][cli]") {
  const CalendarDb db;
  const auto bad = db.dir / "2027.toml";
  ent110::test::write_file(bad,
                           "year = 2027\n[source]\nnotice = \"n\"\ntitle = \"t\"\nissued = "
                           "2026-11-01\nurl = \"u\"\n[[holiday]]\nname = \"x\"\nname_en = \"x\"\n"
                           "off = { from = 2027-10-01, to = 2027-10-07 }\nwork = [2027-10-08]\n");
  const auto result = db.run({"calendar", "load", bad.string()});
  CHECK(result.code == 5);
  CHECK(result.err == "ent110: error: " + bad.string() +
                          ":11:9: made-up working day 2027-10-08 is not a Saturday or Sunday; only "
                          "a weekend day can be made a working day\n");
  const auto check =
      nlohmann::json::parse(db.run({"calendar", "check", "--json", "--at", "2026-06-01"}).out);
  CHECK(check["revision"] == 1);

  const auto fixture = ent110::test::source_dir() / "tests/data/calendar/2027.toml";
  const auto loaded = db.run({"calendar", "load", fixture.string(), "--json"});
  REQUIRE(loaded.code == 0);
  CHECK(nlohmann::json::parse(loaded.out)["years"] == nlohmann::json::array({2027}));
  CHECK(nlohmann::json::parse(
            db.run({"calendar", "check", "--json", "--at", "2026-06-01"}).out)["revision"] == 2);
}

TEST_CASE("calendar check: loaded notices, and next year missing late in the year",
          "[calendar][cli]") {
  const CalendarDb db;
  const auto check = db.run({"calendar", "check", "--at", "2026-11-02"});
  REQUIRE(check.code == 0);
  CHECK(check.out.find("国办发明电〔2024〕12号") != std::string::npos);
  CHECK(check.err ==
        "ent110: warning: the official schedule of 2027 is not loaded yet; due dates in 2027 are "
        "provisional until it is (the State Council publishes it in November or December)\n");
  CHECK(db.run({"calendar", "check", "--at", "2026-10-31"}).err.empty());
  const auto json =
      nlohmann::json::parse(db.run({"calendar", "check", "--json", "--at", "2026-06-01"}).out);
  CHECK(json["years"][3]["amendments"] == "国办发明电〔2020〕1号");
  CHECK(json["missing"].empty());
}

TEST_CASE("init: loads the schedule once, or from --holidays DIR", "[calendar][cli]") {
  const CalendarDb db;
  REQUIRE(db.run({"init"}).code == 0);
  CHECK(nlohmann::json::parse(
            db.run({"calendar", "check", "--json", "--at", "2026-06-01"}).out)["revision"] == 1);

  TempDir other;
  const std::string path = (other / "ent110.db").string();
  const auto fixtures = (ent110::test::source_dir() / "tests/data/calendar").string();
  const auto init = run_cli({"--db", path, "init", "--holidays", fixtures, "--json"});
  REQUIRE(init.code == 0);
  CHECK(nlohmann::json::parse(init.out)["holiday_years"] == nlohmann::json::array({2027}));
  const auto missing = run_cli({"--db", path, "init", "--holidays", (other / "none").string()});
  CHECK(missing.code == 5);
}
