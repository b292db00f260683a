// SPDX-License-Identifier: MIT
#include "report/golden.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using ent110::test::read_file;
using ent110::test::run_cli;
using ent110::test::TempDir;
using nlohmann::json;

namespace {

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A database with two units and one consult case answered late in September 2025.
struct ReportDb {
  TempDir dir;
  std::string db = (dir / "r.db").string();

  ReportDb() {
    run({"init"});
    run({"unit", "add", "FGW", "--name", "市发展和改革委员会", "--kind", "department"});
    run({"unit", "add", "PQX", "--name", "平桥区", "--kind", "district"});
    run({"enterprise", "add", "--name", "信阳示例机械有限公司"});
    run({"--at", "2025-09-01T10:00", "intake", "--enterprise", "信阳示例机械有限公司", "--type",
         "consult", "--channel", "web", "--title", "用电增容", "--body", "厂区需要增容"});
    run({"--at", "2025-09-01T11:00", "forward", "2025-000001", "--to", "FGW"});
    run({"--at", "2025-09-03T11:00", "reply", "2025-000001", "--text", "已答复"});
    run({"--at", "2025-09-04T11:00", "evaluate", "2025-000001", "--rating", "satisfied"});
  }

  ent110::test::CliResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    const auto result = run_cli(args);
    INFO(result.err);
    REQUIRE(result.code == 0);
    return result;
  }

  ent110::test::CliResult attempt(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    return run_cli(args);
  }
};

}  // namespace

TEST_CASE("report monthly: --format json and --json give the same document", "[report][cli]") {
  ReportDb db;
  const auto format =
      db.run({"--at", "2025-10-08", "report", "monthly", "--month", "2025-09", "--format", "json"});
  const auto flag = db.run({"--at", "2025-10-08", "report", "monthly", "--json"});
  CHECK(format.out == flag.out);
  const json report = json::parse(format.out);
  CHECK(report["report"] == "monthly");
  CHECK(report["period"] == "2025-09");
  CHECK(report["issued"] == "2025-10-08");
  const json& units = report["sections"][1]["table"]["rows"];
  REQUIRE(units.size() == 2);
  CHECK(units[0]["unit"] == "FGW");
  CHECK(units[0]["consult_on_time"]["text"] == "0.0% (0/1)");
  CHECK(units[1]["unit"] == "PQX");
  CHECK(units[1]["satisfaction"]["rate"].is_null());
}

TEST_CASE("report monthly: -o writes the file atomically and prints nothing", "[report][cli]") {
  ReportDb db;
  const std::string file = (db.dir / "r.html").string();
  const auto result = db.run({"--at", "2025-10-08", "report", "monthly", "--month", "last",
                              "--format", "html", "-o", file});
  CHECK(result.out.empty());
  CHECK(read_file(file).rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(read_file(file).find("平桥区") != std::string::npos);
}

TEST_CASE("report monthly: an unwritable -o is one line, exit 5, and leaves no file",
          "[report][cli]") {
  ReportDb db;
  const std::string file = (db.dir / "missing" / "r.html").string();
  const auto result =
      db.attempt({"report", "monthly", "--month", "2025-09", "--format", "html", "-o", file});
  CHECK(result.code == 5);
  CHECK(lines(result.err) == 1);
  CHECK(result.err.find("cannot write the report to '" + file + "'") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db.dir / "missing"));
}

TEST_CASE("report monthly: a malformed month or format is a usage error", "[report][cli]") {
  ReportDb db;
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"report", "monthly", "--month", "2025-13"},
                                             {"report", "monthly", "--month", "previous"},
                                             {"report", "monthly", "--format", "pdf"},
                                             {"report", "annual"},
                                             {"report", "annual", "--year", "25000"}}) {
    const auto result = db.attempt(args);
    INFO(result.err);
    CHECK(result.code == 2);
    CHECK(lines(result.err) == 1);
  }
}

TEST_CASE("report meeting and annual: every format renders", "[report][cli]") {
  ReportDb db;
  for (const std::string format : {"text", "md", "csv", "json", "html"}) {
    const auto meeting = db.run({"--at", "2025-10-08", "report", "meeting", "--format", format});
    CHECK_FALSE(meeting.out.empty());
    const auto annual =
        db.run({"--at", "2026-01-05", "report", "annual", "--year", "2025", "--format", format});
    CHECK(annual.out.find("市发展和改革委员会") != std::string::npos);
  }
}

TEST_CASE("assess policy and finding: recorded inputs change the annual scores",
          "[report][cli][assess]") {
  ReportDb db;
  db.run({"--at", "2025-12-20T10:00", "assess", "policy", "FGW", "--year", "2025", "--score", "70",
          "--note", "第一次评分"});
  db.run({"--at", "2025-12-21T10:00", "assess", "policy", "FGW", "--year", "2025", "--score", "88",
          "--note", "复核后评分"});
  const auto finding = db.run({"--at", "2025-12-22T10:00", "assess", "finding", "PQX", "--date",
                               "2025-06-12", "--points", "5", "--note", "督导通报", "--json"});
  CHECK(json::parse(finding.out)["points"] == 5);
  const json list = json::parse(db.run({"assess", "list", "--year", "2025", "--json"}).out);
  CHECK(list["entries"].size() == 3);

  const json annual = json::parse(
      db.run({"--at", "2026-01-05", "report", "annual", "--year", "2025", "--json"}).out);
  const json& fgw = annual["sections"][0]["table"]["rows"][0];
  CHECK(fgw["unit"] == "FGW");
  CHECK(fgw["score_policy"] == 88);
  CHECK(fgw["score_supervision"] == "n/a");
  const json& pqx = annual["sections"][0]["table"]["rows"][1];
  CHECK(pqx["unit"] == "PQX");
  CHECK(pqx["score_supervision"] == 95);
  CHECK(pqx["findings"] == 1);
  // The reply was late, so FGW is on the accountability list with its case, and not commended.
  CHECK(fgw["commended"] == "");
  const json& accountable = annual["sections"][4]["table"]["rows"];
  REQUIRE(accountable.size() == 1);
  CHECK(accountable[0]["case"] == "2025-000001");
}

TEST_CASE("assess: refusals and bad values", "[report][cli][assess]") {
  ReportDb db;
  const auto range =
      db.attempt({"assess", "policy", "FGW", "--year", "2025", "--score", "120", "--note", "x"});
  CHECK(range.code == 2);
  const auto zero = db.attempt(
      {"assess", "finding", "PQX", "--date", "2025-06-12", "--points", "0", "--note", "x"});
  CHECK(zero.code == 2);
  // Art. 11: supervision findings are a basis for counties, districts, areas and zones only.
  const auto department = db.attempt(
      {"assess", "finding", "FGW", "--date", "2025-06-12", "--points", "5", "--note", "x"});
  CHECK(department.code == 4);
  CHECK(department.err.find("Art. 11") != std::string::npos);
  const auto unknown =
      db.attempt({"assess", "policy", "FWG", "--year", "2025", "--score", "80", "--note", "x"});
  CHECK(unknown.code == 3);
  CHECK(unknown.err.find("did you mean 'FGW'") != std::string::npos);
  const auto office =
      db.attempt({"assess", "policy", "OFFICE", "--year", "2025", "--score", "80", "--note", "x"});
  CHECK(office.code == 4);
  CHECK(lines(office.err) == 1);

  db.run({"user", "add", "wang", "--unit", "OFFICE", "--role", "office"});
  db.run({"--as", "wang", "user", "add", "li", "--unit", "FGW", "--role", "unit"});
  const auto unit_user = db.attempt({"--as", "li", "assess", "policy", "FGW", "--year", "2025",
                                     "--score", "100", "--note", "自评"});
  CHECK(unit_user.code == 4);
  CHECK(unit_user.err.find("only office users") != std::string::npos);
  db.run({"--as", "wang", "assess", "policy", "FGW", "--year", "2025", "--score", "90", "--note",
          "考评"});
}
