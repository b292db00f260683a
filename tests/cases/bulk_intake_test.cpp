// SPDX-License-Identifier: MIT
// Bulk intake (`intake --from`, CaseService::intake_each): every query it runs per record uses an
// index, the cases it reports are the cases as stored, and the CSV it reads piece by piece is the
// CSV parse_csv reads whole.
#include "cases/case_fixture.hpp"
#include "support/statement_log.hpp"

#include <ent110/cases/intake_file.hpp>
#include <ent110/cases/replay.hpp>
#include <ent110/core/error.hpp>
#include <ent110/util/csv.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace ent110;

namespace {

IntakeRecord record(const std::string& title, bool major, std::optional<std::string> source_id) {
  IntakeRecord record;
  record.where = "cases.ndjson:" + title;
  record.request.enterprise = "信阳示例机械有限公司";
  record.request.type = major ? CaseType::coordinate : CaseType::consult;
  record.request.major = major;
  record.request.channel = Channel::web;
  record.request.title = title;
  record.request.body = "厂区需要增容";
  record.request.source_id = std::move(source_id);
  return record;
}

std::vector<IntakeRecord> records(int count) {
  std::vector<IntakeRecord> all;
  for (int i = 0; i < count; ++i) {
    all.push_back(record("问题" + std::to_string(i), i % 2 == 1, "W-" + std::to_string(i)));
  }
  return all;
}

}  // namespace

TEST_CASE("bulk intake: every query it runs per record uses an index", "[cases][intake][plan]") {
  test::CaseFixture f;
  if (!test::plans_are_readable(f.store)) {
    return;
  }
  f.service.intake_many(records(3), "wang", f.at("2025-10-10T09:00"), false);
  std::vector<std::string> statements;
  {
    test::StatementLog log(f.store);
    std::vector<IntakeRecord> again = records(6);
    again.erase(again.begin(), again.begin() + 3);
    // One record already present by its id, as an export read back.
    again.push_back(record("问题0", false, "W-0"));
    again.back().id = "2025-000001";
    const BatchIntake batch = f.service.intake_many(again, "wang", f.at("2025-10-10T10:00"), false);
    CHECK(batch.cases.size() == 3);
    CHECK(batch.already_present == std::vector<std::string>{"2025-000001"});
    statements = log.statements();
  }
  // Reads only: a write's plan lists the foreign-key checks of child tables, which run only
  // while a violation is pending.
  const std::vector<std::string> queries = test::queries_among(statements);
  CHECK_FALSE(queries.empty());
  for (const std::string& sql : queries) {
    // The chain's tail is one step from the end of its rowid table, and whether any user exists
    // stops at the first row.
    if (sql.find("ORDER BY seq DESC LIMIT 1") == std::string::npos &&
        sql.find("EXISTS (SELECT 1 FROM \"user\")") == std::string::npos) {
      test::check_no_full_scan(f.store, sql);
    }
  }
}

TEST_CASE("bulk intake: the cases it reports are the cases as stored", "[cases][intake]") {
  test::CaseFixture f;
  const BatchIntake batch =
      f.service.intake_many(records(4), "wang", f.at("2025-10-10T09:00"), false);
  REQUIRE(batch.cases.size() == 4);
  for (const Case& reported : batch.cases) {
    Case stored = f.service.get(reported.id);
    INFO(reported.id);
    CHECK_FALSE(first_difference(stored, reported));
    REQUIRE(stored.clocks.size() == reported.clocks.size());
    for (std::size_t i = 0; i < stored.clocks.size(); ++i) {
      CHECK(stored.clocks[i].id == reported.clocks[i].id);
      CHECK(stored.clocks[i].provisional == reported.clocks[i].provisional);
    }
    CHECK(reported.events.empty());
    CHECK(stored.enterprise.name == reported.enterprise.name);
    CHECK(stored.source_id == reported.source_id);
  }
  CHECK(batch.cases[1].clocks.size() == 2);  // a major case runs the government's clock too
}

TEST_CASE("CsvReader: reads piece by piece what parse_csv reads whole", "[cases][intake]") {
  // Line ends CRLF, quoted fields with line breaks and quotes, blank lines: enough rows that
  // every kind lands on a piece boundary somewhere.
  std::string content =
      "\xEF\xBB\xBF"
      "a,b,c\r\n";
  for (int i = 0; i < 6000; ++i) {
    content += std::to_string(i) + ",\"x\r\ny \"\"q\"\"\"," + std::string(i % 7, 'z') + "\r\n";
    if (i % 97 == 0) {
      content += "\r\n";
    }
  }
  const std::vector<CsvRow> whole = parse_csv(content, "f.csv");
  std::istringstream in(content);
  CsvReader reader(in, "f.csv");
  std::size_t index = 0;
  while (std::optional<CsvRow> row = reader.next()) {
    REQUIRE(index < whole.size());
    CHECK(row->row == whole[index].row);
    CHECK(row->fields == whole[index].fields);
    ++index;
  }
  CHECK(index == whole.size());
  CHECK(reader.consumed() == content.size());

  std::istringstream broken_in("a,b\n1,\"open\n2,3\n");
  CsvReader broken(broken_in, "g.csv");
  CHECK(broken.next());
  CHECK_THROWS_AS(
      [&] {
        while (broken.next()) {
        }
      }(),
      BadInput);
}

TEST_CASE("IntakeFile: reads the records of read_intake_file one at a time", "[cases][intake]") {
  const test::TempDir dir;
  test::write_file(
      dir / "cases.ndjson",
      "{\"enterprise\":\"E\",\"type\":\"consult\",\"channel\":\"web\",\"title\":\"a\"}\n"
      "\n"
      "{\"enterprise\":\"E\",\"type\":\"consult\",\"channel\":\"web\",\"title\":\"b\"}");
  IntakeFile file(dir / "cases.ndjson", Zone("UTC"));
  CHECK(file.fraction_read() == 0.0);
  const std::optional<IntakeRecord> first = file.next();
  REQUIRE(first);
  CHECK(first->where == (dir / "cases.ndjson").string() + ":1");
  CHECK(file.fraction_read() < 1.0);
  const std::optional<IntakeRecord> second = file.next();
  REQUIRE(second);
  CHECK(second->where == (dir / "cases.ndjson").string() + ":3");
  CHECK_FALSE(file.next());
  CHECK(file.fraction_read() >= 1.0);
}
