// SPDX-License-Identifier: MIT
// Cases know their officer and visits (issue 13): a case's project through replay and verify,
// list and triage narrowed to an officer, and a visit with its problem's case in one transaction.
#include "cases/case_fixture.hpp"
#include "support/test_support.hpp"

#include <ent110/cases/replay_check.hpp>
#include <ent110/cases/visits.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/triage/triage.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ent110;
using ent110::test::CaseFixture;

namespace {

constexpr const char* k_park = "2024-411502-48-01-000001";   // invested in by enterprise 1
constexpr const char* k_depot = "2024-411502-48-03-000002";  // no investing enterprise known

// The fixture's database with officers, projects and assignments made in plain SQL until the
// officer commands exist: officer 1 serves enterprise 1, officer 2 the park project, officer 3
// served enterprise 1 until 2025-10-09, officer 4 serves it but retired on 2025-10-01.
struct OfficerFixture : CaseFixture {
  OfficerFixture() {
    Enterprise supplier;
    supplier.name = "华豫建材有限公司";
    add_enterprise(store, supplier, Actor{"test", "OFFICE"}, at("2025-01-01"));
    run("INSERT INTO officer (id, name, level, unit, created_at, retired_on) VALUES "
        "(1, '王区长', 'county-leader', 'FGW', '2025-01-01T00:00:00Z', NULL), "
        "(2, '李部长', 'department-leader', 'FGW', '2025-01-01T00:00:00Z', NULL), "
        "(3, '周主任', 'department-leader', 'JXW', '2025-01-01T00:00:00Z', NULL), "
        "(4, '赵副部长', 'department-leader', 'JXW', '2025-01-01T00:00:00Z', '2025-10-01')");
    run(std::string("INSERT INTO project (code, name, county, enterprise, created_at) VALUES "
                    "('") +
        k_park + "', '茶产业园', 'FGW', 1, '2025-01-01T00:00:00Z'), ('" + k_depot +
        "', '物流园', 'FGW', NULL, '2025-01-01T00:00:00Z')");
    run(std::string("INSERT INTO assignment (officer, enterprise, project, from_date, "
                    "until_date, created_at) VALUES "
                    "(1, 1, NULL, '2025-01-01', NULL, '2025-01-01T00:00:00Z'), "
                    "(2, NULL, '") +
        k_park +
        "', '2025-01-01', NULL, '2025-01-01T00:00:00Z'), "
        "(3, 1, NULL, '2025-01-01', '2025-10-09', '2025-01-01T00:00:00Z'), "
        "(4, 1, NULL, '2025-01-01', NULL, '2025-01-01T00:00:00Z')");
  }

  void run(const std::string& sql) {
    store.write([&] { Statement(store, sql).run(); });
  }

  std::int64_t count(const std::string& table) {
    std::int64_t rows = 0;
    store.read([&] { rows = Statement(store, "SELECT count(*) FROM " + table).scalar_int64(); });
    return rows;
  }

  std::string intake_about(const std::string& enterprise,
                           const std::optional<std::string>& project,
                           const std::string& when) {
    IntakeRequest request;
    request.enterprise = enterprise;
    request.channel = Channel::web;
    request.title = "用地手续";
    request.project = project;
    return service.intake(request, "wang", at(when)).kase.id;
  }

  std::vector<std::string> listed(const std::string& officer, const std::string& day) {
    CaseQuery query;
    query.officer = officer;
    std::vector<std::string> ids;
    for (const CaseSummary& summary : service.list(query, parse_date(day))) {
      ids.push_back(summary.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  VisitRequest visit(const std::string& officer, const std::string& note) {
    VisitRequest request;
    request.officer = officer;
    request.enterprise = "1";
    request.note = note;
    return request;
  }

  RecordedVisit record(const VisitRequest& request,
                       const std::string& when,
                       const std::string& login = "wang") {
    return record_visit(store, service, config, zone, request, login, at(when));
  }
};

}  // namespace

TEST_CASE("a case's project is fixed at intake and survives replay, correction and verify",
          "[visits]") {
  OfficerFixture f;
  const std::string id = f.intake_about("1", k_park, "2025-10-09T09:00");
  const std::string plain = f.intake_about("2", std::nullopt, "2025-10-09T09:30");
  CHECK(f.service.get(id).project == k_park);
  CHECK_FALSE(f.service.get(plain).project);

  CorrectionRequest correction;
  correction.correction.event = 1;
  correction.correction.kind = CorrectionKind::time;
  correction.correction.time = f.at("2025-10-09T08:00");
  correction.reason = "来电时间记错";
  const Case corrected = f.service.correct(id, correction, "wang", f.at("2025-10-09T10:00")).kase;
  CHECK(corrected.project == k_park);

  const Case stored = f.service.get(id);
  const Replayed replayed =
      replay(stored, stored.events, ReplayContext{f.calendar, f.config, f.zone});
  CHECK(replayed.kase.project == k_park);
  ReplayCheck check;
  f.store.read([&] {
    check = check_case_replays(f.store, ReplayContext{f.calendar, f.config, f.zone});
  });
  CHECK(check.cases == 2);
  CHECK_FALSE(check.first);
}

TEST_CASE("intake --project: unknown, malformed, and another enterprise's project", "[visits]") {
  OfficerFixture f;
  CHECK_THROWS_AS(f.intake_about("1", "2024-411502-48-01-999999", "2025-10-09T09:00"), NotFound);
  CHECK_THROWS_AS(f.intake_about("1", "2024-4115", "2025-10-09T09:00"), BadInput);
  CHECK(f.count("case_file") == 0);

  IntakeRequest request;
  request.enterprise = "2";
  request.title = "建材供货";
  request.project = k_park;
  const ActionResult result = f.service.intake(request, "wang", f.at("2025-10-09T09:00"));
  CHECK(result.kase.project == k_park);
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].id == MessageId::visits_project_other_enterprise);
  CHECK(result.warnings[0].args ==
        std::vector<std::string>{k_park, "茶产业园", "信阳示例机械有限公司", "华豫建材有限公司"});
}

TEST_CASE("show's officers: the enterprise's, then the project's, on the day", "[visits]") {
  OfficerFixture f;
  const std::string id = f.intake_about("1", k_park, "2025-10-09T09:00");
  const auto officers_on = [&](const std::string& day) {
    std::vector<std::string> names;
    for (const CaseOfficer& serving : f.service.detail(id, parse_date(day)).officers) {
      names.push_back(serving.officer.name + ":" + std::string(to_string(serving.serves)));
    }
    return names;
  };
  CHECK(officers_on("2025-10-10") ==
        std::vector<std::string>{"王区长:enterprise", "李部长:project"});
  CHECK(officers_on("2025-10-08") ==
        std::vector<std::string>{"王区长:enterprise", "周主任:enterprise", "李部长:project"});
}

TEST_CASE("list --officer: served today, not an assignment ended yesterday, nor a retired officer",
          "[visits]") {
  OfficerFixture f;
  const std::string park = f.intake_about("2", k_park, "2025-10-09T09:00");
  const std::string firm = f.intake_about("1", std::nullopt, "2025-10-09T09:10");
  f.intake_about("2", std::nullopt, "2025-10-09T09:20");
  CHECK(f.listed("1", "2025-10-10") == std::vector<std::string>{firm});
  CHECK(f.listed("2", "2025-10-10") == std::vector<std::string>{park});
  CHECK(f.listed("3", "2025-10-10").empty());
  CHECK(f.listed("3", "2025-10-08") == std::vector<std::string>{firm});
  CHECK(f.listed("4", "2025-10-10").empty());
  CHECK_THROWS_AS(f.listed("9", "2025-10-10"), NotFound);
  CHECK_THROWS_AS(f.listed("x", "2025-10-10"), UsageError);

  // Only open cases, unless a state is asked for.
  f.service.reject(firm, RejectReason::unclear, "诉求不明", "wang", f.at("2025-10-09T10:00"));
  CHECK(f.listed("1", "2025-10-10").empty());
  CaseQuery rejected;
  rejected.officer = "1";
  rejected.state = State::rejected;
  CHECK(f.service.list(rejected, parse_date("2025-10-10")).size() == 1);
}

TEST_CASE("triage --officer keeps every section to the officer's cases", "[visits]") {
  OfficerFixture f;
  const std::string park = f.intake_about("2", k_park, "2025-10-09T09:00");
  const std::string firm = f.intake_about("1", std::nullopt, "2025-10-09T09:10");
  f.intake_about("2", std::nullopt, "2025-10-09T09:20");
  const auto to_forward = [&](const std::optional<std::string>& officer) {
    const Triage triage = compute_triage(f.store, f.calendar, f.config, parse_date("2025-10-10"),
                                         std::nullopt, officer);
    std::vector<std::string> ids;
    for (const TriageLine& line : triage.office.to_forward) {
      ids.push_back(line.case_id);
    }
    return ids;
  };
  CHECK(to_forward(std::nullopt).size() == 3);
  CHECK(to_forward("2") == std::vector<std::string>{park});
  CHECK(to_forward("1") == std::vector<std::string>{firm});
  CHECK(to_forward("3").empty());
  CHECK_THROWS_AS(to_forward("9"), NotFound);

  ForwardRequest request;
  request.to_unit = "FGW";
  f.service.forward(park, request, "wang", f.at("2025-10-09T10:00"));
  const Triage unit_side =
      compute_triage(f.store, f.calendar, f.config, parse_date("2025-10-16"), std::nullopt, "1");
  CHECK(unit_side.units.empty());  // the forwarded case is the project's, not officer 1's
}

TEST_CASE("visit add: recorded and audited, warned off assignment, refused when retired",
          "[visits]") {
  OfficerFixture f;
  const RecordedVisit first = f.record(f.visit("1", "走访了解生产经营情况"), "2025-10-10T10:00");
  CHECK(first.visit.id == 1);
  CHECK(first.visit.officer_name == "王区长");
  CHECK(first.visit.subject_name == "信阳示例机械有限公司");
  CHECK_FALSE(first.visit.case_id);
  CHECK(first.warnings.empty());

  VisitRequest elsewhere = f.visit("2", "顺路走访");
  const RecordedVisit second = f.record(elsewhere, "2025-10-10T11:00");
  REQUIRE(second.warnings.size() == 1);
  CHECK(second.warnings[0].id == MessageId::visits_not_serving);

  CHECK_THROWS_AS(f.record(f.visit("4", "走访"), "2025-10-10T11:00"), Refused);
  CHECK_NOTHROW(f.record(f.visit("4", "走访"), "2025-09-30T11:00"));  // before retiring
  VisitRequest both = f.visit("1", "走访");
  both.project = k_park;
  CHECK_THROWS_AS(f.record(both, "2025-10-10T11:00"), UsageError);
  CHECK_THROWS_AS(f.record(f.visit("1", "  \n"), "2025-10-10T11:00"), UsageError);
  CHECK(f.count("visit") == 3);
  std::int64_t audited = 0;
  f.store.read([&] {
    audited = Statement(f.store,
                        "SELECT count(*) FROM audit_event WHERE subject = 'visit' AND "
                        "action = 'visit add'")
                  .scalar_int64();
  });
  CHECK(audited == 3);

  VisitQuery query;
  query.officer = "1";
  CHECK(list_visits(f.store, f.zone, query).size() == 1);
  query.officer.reset();
  query.since = parse_date("2025-10-10");
  CHECK(list_visits(f.store, f.zone, query).size() == 2);
}

TEST_CASE("visit add --problem: the case and the linked visit in one transaction", "[visits]") {
  OfficerFixture f;
  VisitRequest request;
  request.officer = "2";
  request.project = k_park;
  request.note = "施工用电不足\n需协调供电公司增容";
  request.problem = true;
  request.type = CaseType::coordinate;
  const RecordedVisit recorded = f.record(request, "2025-10-10T14:00");
  REQUIRE(recorded.kase);
  CHECK(recorded.visit.case_id == recorded.kase->id);
  const Case kase = f.service.get(recorded.kase->id);
  CHECK(kase.channel == Channel::visit);
  CHECK(kase.title == "施工用电不足");
  CHECK(kase.body == request.note);
  CHECK(kase.type == CaseType::coordinate);
  CHECK(kase.project == k_park);
  CHECK(kase.enterprise.id == 1);

  SECTION("a failure after the case is taken in leaves neither case nor visit") {
    const std::int64_t cases = f.count("case_file");
    if (f.store.engine() == Engine::sqlite) {
      f.run(
          "CREATE TRIGGER visit_refused BEFORE INSERT ON visit "
          "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
    } else {
      f.run(
          "CREATE FUNCTION visit_refused() RETURNS trigger LANGUAGE plpgsql AS "
          "$$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$");
      f.run(
          "CREATE TRIGGER visit_refused BEFORE INSERT ON visit "
          "FOR EACH ROW EXECUTE FUNCTION visit_refused()");
    }
    CHECK_THROWS(f.record(request, "2025-10-10T15:00"));
    CHECK(f.count("case_file") == cases);
    CHECK(f.count("visit") == 1);
  }
  SECTION("a problem on a project with no enterprise on record is refused") {
    request.project = k_depot;
    CHECK_THROWS_AS(f.record(request, "2025-10-10T15:00"), Refused);
    CHECK(f.count("visit") == 1);
  }
}

TEST_CASE("visit add: who may record, and who may take a problem in", "[visits]") {
  OfficerFixture f;
  f.add_users();
  CHECK_NOTHROW(f.record(f.visit("1", "走访"), "2025-10-10T10:00", "li"));  // FGW's officer
  CHECK_THROWS_AS(f.record(f.visit("1", "走访"), "2025-10-10T10:00", "zhao"), Refused);
  CHECK_THROWS_AS(f.record(f.visit("1", "走访"), "2025-10-10T10:00", "chen"), Refused);
  CHECK_THROWS_AS(f.record(f.visit("1", "走访"), "2025-10-10T10:00", "nobody"), NotFound);
  VisitRequest problem = f.visit("1", "发现问题");
  problem.problem = true;
  try {
    f.record(problem, "2025-10-10T10:00", "li");
    FAIL("a unit user took a problem in");
  } catch (const Refused& refused) {
    CHECK(refused.message().id == MessageId::visits_problem_needs_office);
  }
  CHECK(f.count("visit") == 1);
  CHECK(f.record(problem, "2025-10-10T11:00", "wang").kase);
}
