// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"

#include <ent110/cases/intake_file.hpp>
#include <ent110/core/error.hpp>
#include <ent110/export/export.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>

using namespace ent110;

namespace {

IntakeRecord web_record(const std::string& source_id, const std::string& title) {
  IntakeRecord record;
  record.where = "cases.ndjson:" + source_id;
  record.request.enterprise = "信阳示例机械有限公司";
  record.request.type = CaseType::consult;
  record.request.channel = Channel::web;
  record.request.title = title;
  record.request.source_id = source_id;
  return record;
}

std::string refusal(const std::function<void()>& action) {
  try {
    action();
  } catch (const BadInput& error) {
    return error.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("source ids: unique per channel, a repeated record is present, not taken in again",
          "[export][intake]") {
  test::CaseFixture f;
  const Instant at = f.at("2025-10-10T09:00");
  const std::vector<IntakeRecord> records = {web_record("W-1", "退税"), web_record("W-2", "用电")};
  const BatchIntake first = f.service.intake_many(records, "wang", at, false);
  REQUIRE(first.cases.size() == 2);
  CHECK(first.cases[0].source_id == "W-1");

  const BatchIntake again = f.service.intake_many(records, "wang", at, false);
  CHECK(again.cases.empty());
  CHECK(again.already_present == std::vector<std::string>{"2025-000001", "2025-000002"});

  IntakeRecord hotline = web_record("W-1", "退税");
  hotline.request.channel = Channel::hotline;
  const BatchIntake other_channel = f.service.intake_many({hotline}, "wang", at, false);
  REQUIRE(other_channel.cases.size() == 1);
  CHECK(other_channel.cases[0].id == "2025-000003");

  const ActionResult single = f.service.intake(records[0].request, "wang", f.at("2025-10-11"));
  CHECK(single.kase.id == "2025-000001");
  REQUIRE(single.warnings.size() == 1);
  CHECK(single.warnings[0].id == MessageId::export_already_present);
}

TEST_CASE("source ids: a conflicting re-import names the record and the field, writes nothing",
          "[export][intake]") {
  test::CaseFixture f;
  const Instant at = f.at("2025-10-10T09:00");
  f.service.intake_many({web_record("W-1", "退税")}, "wang", at, false);
  IntakeRecord changed = web_record("W-1", "退税（改）");
  changed.where = "cases.ndjson:7";
  CHECK(refusal([&] {
          f.service.intake_many({web_record("W-5", "新"), changed}, "wang", at, false);
        }) ==
        "cases.ndjson:7: case 2025-000001 already has web source id 'W-1' with a different title; "
        "a re-import must carry the same content, nothing was taken in");
  CHECK(f.service.list(CaseQuery{}, f.zone.local_date(at)).size() == 1);

  IntakeRecord later = web_record("W-1", "退税");
  later.received_at = f.at("2025-10-12");
  CHECK(refusal([&] {
          f.service.intake_many({later}, "wang", at, false);
        }).find("a different received_at") != std::string::npos);
}

TEST_CASE("ids read back: kept, conflicts refused, numbering continues after the highest",
          "[export][intake]") {
  test::CaseFixture f;
  const Instant at = f.at("2025-10-10T09:00");
  IntakeRecord moved = web_record("W-1", "退税");
  moved.id = "2025-000007";
  CHECK(f.service.intake_many({moved}, "wang", at, false).cases.at(0).id == "2025-000007");
  CHECK(f.intake(CaseType::consult, "2025-10-11") == "2025-000008");
  IntakeRecord wrong_year = web_record("W-2", "用电");
  wrong_year.id = "2024-000001";
  CHECK(refusal([&] {
          f.service.intake_many({wrong_year}, "wang", at, false);
        }).find("id '2024-000001' is not a case id of the year of receipt 2025") !=
        std::string::npos);
  IntakeRecord taken = web_record("", "别的");
  taken.request.source_id.reset();
  taken.id = "2025-000008";
  CHECK(refusal([&] {
          f.service.intake_many({taken}, "wang", at, false);
        }).find("case 2025-000008 already exists with a different channel") != std::string::npos);
}

TEST_CASE("export: every field of a case, one NDJSON line each, CSV with a byte-order mark",
          "[export]") {
  test::CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-09-30T20:15");
  f.forward(id, "2025-10-08T09:00");
  ExportRequest request;
  request.events = true;
  const Exported ndjson = export_cases(f.store, request, f.zone);
  CHECK(ndjson.cases == 1);
  const auto record = nlohmann::ordered_json::parse(ndjson.content);
  std::vector<std::string> keys;
  for (const auto& item : record.items()) {
    keys.push_back(item.key());
  }
  CHECK(keys == std::vector<std::string>{"id",
                                         "received_at",
                                         "enterprise",
                                         "enterprise_id",
                                         "enterprise_name",
                                         "enterprise_credit_code",
                                         "type",
                                         "major",
                                         "channel",
                                         "title",
                                         "body",
                                         "source_id",
                                         "project",
                                         "confidential",
                                         "state",
                                         "unit",
                                         "co_units",
                                         "round",
                                         "reject_reason",
                                         "answer",
                                         "answer_unit",
                                         "answer_by",
                                         "answer_at",
                                         "answer_edited",
                                         "rating",
                                         "rating_comment",
                                         "merged_into",
                                         "events"});
  CHECK(record["received_at"] == "2025-09-30T20:15:00+08:00");
  CHECK(record["state"] == "forwarded");
  CHECK(record["unit"] == "FGW");
  CHECK(record["events"].size() == 2);
  CHECK(record["events"][1]["action"] == "forward");

  request.format = ExportFormat::csv;
  request.events = false;
  const Exported csv = export_cases(f.store, request, f.zone);
  CHECK(csv.content.starts_with("\xEF\xBB\xBFid,received_at,enterprise,enterprise_id,"));
  CHECK(csv.content.find("\r\n2025-000001,2025-09-30T20:15:00+08:00,") != std::string::npos);

  request.state = State::received;
  CHECK(export_cases(f.store, request, f.zone).cases == 0);
}

TEST_CASE("read_intake_file: source ids, ids and the fields of an export", "[export][intake]") {
  test::TempDir dir;
  test::write_file(dir / "cases.ndjson",
                   R"({"id": "2025-000004", "source_id": "W-1", "enterprise": "E", "type": )"
                   R"("consult", "channel": "web", "title": "t", "confidential": true, )"
                   R"("state": "answered", "co_units": ["FGW"], "events": [], "round": 0})"
                   "\n");
  const std::vector<IntakeRecord> records =
      read_intake_file(dir / "cases.ndjson", Zone("Asia/Shanghai"));
  REQUIRE(records.size() == 1);
  CHECK(records[0].id == "2025-000004");
  CHECK(records[0].request.source_id == "W-1");
  CHECK(records[0].request.confidential);

  test::write_file(dir / "empty.csv",
                   "enterprise,type,channel,title,source_id,id\nE,consult,web,t,,\n");
  const std::vector<IntakeRecord> csv = read_intake_file(dir / "empty.csv", Zone("Asia/Shanghai"));
  REQUIRE(csv.size() == 1);
  CHECK_FALSE(csv[0].id);
  CHECK_FALSE(csv[0].request.source_id);
}
