// SPDX-License-Identifier: MIT
// The registers of Art. 3: officers by level and unit, assignments with their dates and history,
// retirement, projects, the CSV imports (all or nothing) and the audit events they leave.
#include "support/test_support.hpp"

#include <ent110/core/error.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {

const Instant k_now = parse_utc("2025-01-01T00:00:00Z");
const Actor k_office{"wang", "OFFICE"};
const std::string k_project = "2024-411502-48-03-000101";

struct Registers {
  Store store = test::fresh_store();
  std::int64_t key_firm = 0;    // key and above-scale, in SHI
  std::int64_t small_firm = 0;  // neither, in SHI
};

Registers registers() {
  Registers r;
  ensure_builtin_units(r.store, Config{}, k_office, k_now);
  add_unit(r.store, Unit{"FGW", "市发展和改革委员会", UnitKind::department, "", "", ""}, k_office,
           k_now);
  add_unit(r.store, Unit{"SHI", "浉河区", UnitKind::district, "", "", ""}, k_office, k_now);
  add_unit(r.store, Unit{"PQQ", "平桥区", UnitKind::district, "", "", ""}, k_office, k_now);
  r.key_firm =
      add_enterprise(r.store, Enterprise{0, "信阳毛尖茶业有限公司", "", "SHI", true, true, "", ""},
                     k_office, k_now);
  r.small_firm = add_enterprise(r.store, Enterprise{0, "浉河小店", "", "SHI", false, false, "", ""},
                                k_office, k_now);
  add_project(r.store,
              Project{k_project, "浉河区道路工程", "SHI", std::nullopt,
                      ProjectStatus::under_construction, std::nullopt, std::nullopt},
              k_office, k_now);
  return r;
}

Project project(std::string code, std::string name, std::string county) {
  Project p;
  p.code = std::move(code);
  p.name = std::move(name);
  p.county = std::move(county);
  return p;
}

Officer officer(std::string name, OfficerLevel level, std::string unit) {
  Officer o;
  o.name = std::move(name);
  o.level = level;
  o.unit = std::move(unit);
  return o;
}

std::int64_t count(Store& store, const std::string& table) {
  return Statement(store, "SELECT count(*) FROM " + table).scalar_int64();
}

std::vector<std::string> actions(Store& store) {
  std::vector<std::string> names;
  for (const AuditEvent& event : find_audit_events(store, std::nullopt)) {
    names.push_back(event.action);
  }
  return names;
}

LocalDate day(const char* text) {
  return parse_date(text);
}

Served enterprise(std::int64_t id) {
  return Served{id, std::nullopt};
}

}  // namespace

TEST_CASE("an officer's unit must fit the level", "[officers]") {
  Registers r = registers();
  CHECK_THROWS_AS(
      add_officer(r.store, officer("甲", OfficerLevel::county_leader, "FGW"), k_office, k_now),
      BadInput);
  CHECK_THROWS_AS(
      add_officer(r.store, officer("乙", OfficerLevel::city_leader, "SHI"), k_office, k_now),
      BadInput);
  CHECK_THROWS_AS(
      add_officer(r.store, officer("丙", OfficerLevel::department_leader, "GOV"), k_office, k_now),
      BadInput);
  CHECK_THROWS_AS(
      add_officer(r.store, officer("丁", OfficerLevel::city_leader, "NOPE"), k_office, k_now),
      NotFound);
  CHECK_THROWS_AS(
      add_officer(r.store, officer("", OfficerLevel::city_leader, "GOV"), k_office, k_now),
      UsageError);
  CHECK(count(r.store, "officer") == 0);
  CHECK(add_officer(r.store, officer("王区长", OfficerLevel::county_leader, "SHI"), k_office,
                    k_now) == 1);
  CHECK(add_officer(r.store, officer("李市长", OfficerLevel::city_leader, "GOV"), k_office,
                    k_now) == 2);
  CHECK(add_officer(r.store, officer("县直部门", OfficerLevel::department_leader, "PQQ"), k_office,
                    k_now) == 3);
  CHECK(
      list_officers(r.store, OfficerFilter{"SHI", std::nullopt, false}, day("2025-01-01")).size() ==
      1);
  CHECK(
      list_officers(r.store, OfficerFilter{"", OfficerLevel::city_leader, false}, day("2025-01-01"))
          .front()
          .name == "李市长");
}

TEST_CASE("assign, unassign and retire keep who served whom when", "[officers]") {
  Registers r = registers();
  const std::int64_t leader =
      add_officer(r.store, officer("王区长", OfficerLevel::county_leader, "SHI"), k_office, k_now);
  const std::int64_t member = add_officer(
      r.store, officer("李副主任", OfficerLevel::department_leader, "FGW"), k_office, k_now);

  const AssignmentOutcome first =
      assign_officer(r.store, leader, enterprise(r.key_firm), day("2025-02-01"), k_office,
                     "officer assign", k_now);
  CHECK(first.warnings.empty());
  CHECK(first.assignment.subject_name == "信阳毛尖茶业有限公司");
  // Several officers at once on one subject (a leader who contacts it, a member in charge).
  assign_officer(r.store, member, enterprise(r.key_firm), day("2025-02-10"), k_office,
                 "officer assign", k_now);
  CHECK(officers_serving(r.store, enterprise(r.key_firm), day("2025-02-10")).size() == 2);

  // The same officer twice at once is refused, and changes nothing.
  const auto assignments = count(r.store, "assignment");
  const auto events = actions(r.store).size();
  CHECK_THROWS_AS(assign_officer(r.store, leader, enterprise(r.key_firm), day("2025-03-01"),
                                 k_office, "officer assign", k_now),
                  Refused);
  CHECK_THROWS_AS(
      unassign_officer(r.store, leader, enterprise(r.key_firm), day("2025-01-31"), k_office, k_now),
      Refused);
  CHECK_THROWS_AS(unassign_officer(r.store, leader, enterprise(r.small_firm), day("2025-03-01"),
                                   k_office, k_now),
                  Refused);
  CHECK(count(r.store, "assignment") == assignments);
  CHECK(actions(r.store).size() == events);

  const Assignment ended =
      unassign_officer(r.store, leader, enterprise(r.key_firm), day("2025-04-01"), k_office, k_now);
  CHECK(ended.until == day("2025-04-01"));
  // A new assignment may not start inside the ended one, but may from its until date.
  CHECK_THROWS_AS(assign_officer(r.store, leader, enterprise(r.key_firm), day("2025-03-15"),
                                 k_office, "officer assign", k_now),
                  Refused);
  assign_officer(r.store, leader, enterprise(r.key_firm), day("2025-05-01"), k_office,
                 "officer assign", k_now);
  CHECK(officers_serving(r.store, enterprise(r.key_firm), day("2025-04-15")).size() == 1);

  // Retiring before an open assignment began is refused; retiring ends the open ones that day.
  CHECK_THROWS_AS(retire_officer(r.store, leader, day("2025-04-20"), k_office, k_now), Refused);
  CHECK(retire_officer(r.store, leader, day("2025-06-01"), k_office, k_now) == 1);
  CHECK_THROWS_AS(retire_officer(r.store, leader, day("2025-07-01"), k_office, k_now), Refused);
  CHECK_THROWS_AS(assign_officer(r.store, leader, enterprise(r.small_firm), day("2025-07-01"),
                                 k_office, "officer assign", k_now),
                  Refused);

  const OfficerDetail detail = officer_detail(r.store, std::to_string(leader), day("2025-05-15"));
  REQUIRE(detail.history.size() == 2);
  CHECK(detail.history[0].from == day("2025-02-01"));
  CHECK(detail.history[0].until == day("2025-04-01"));
  CHECK(detail.history[1].until == day("2025-06-01"));
  CHECK(detail.serving.size() == 1);
  CHECK(list_officers(r.store, OfficerFilter{}, day("2025-06-01")).size() == 1);
  CHECK(list_officers(r.store, OfficerFilter{"", std::nullopt, true}, day("2025-06-01")).size() ==
        2);

  const std::vector<std::string> done = actions(r.store);
  CHECK(std::vector<std::string>(done.end() - 8, done.end()) ==
        std::vector<std::string>{"officer add", "officer add", "officer assign", "officer assign",
                                 "officer unassign", "officer assign", "officer retire",
                                 "officer retire"});
  CHECK(first_row_mismatch(r.store) == std::nullopt);
}

TEST_CASE("the rule's guidance warns and never refuses", "[officers]") {
  Registers r = registers();
  const std::int64_t leader = add_officer(
      r.store, officer("平桥区长", OfficerLevel::county_leader, "PQQ"), k_office, k_now);
  const AssignmentOutcome outcome =
      assign_officer(r.store, leader, enterprise(r.small_firm), day("2025-02-01"), k_office,
                     "officer assign", k_now);
  std::vector<MessageId> ids;
  for (const Message& warning : outcome.warnings) {
    ids.push_back(warning.id);
  }
  CHECK(ids == std::vector<MessageId>{MessageId::assign_leader_not_key_enterprise,
                                      MessageId::assign_enterprise_not_counted,
                                      MessageId::assign_outside_county});
  set_project(r.store, k_project,
              ProjectChange{std::nullopt, ProjectStatus::completed, std::nullopt, std::nullopt},
              k_office, k_now);
  CHECK(assign_officer(r.store, leader, Served{std::nullopt, k_project}, day("2025-02-01"),
                       k_office, "officer assign", k_now)
            .warnings.size() == 3);
}

TEST_CASE("projects: added, changed, listed as uncovered", "[officers]") {
  Registers r = registers();
  CHECK_THROWS_AS(add_project(r.store, project(k_project, "重复", "SHI"), k_office, k_now),
                  BadInput);
  CHECK_THROWS_AS(add_project(r.store, project("2024-4115", "畸形", "SHI"), k_office, k_now),
                  BadInput);
  CHECK_THROWS_AS(
      add_project(r.store, project("2024-411502-48-03-000102", "部门", "FGW"), k_office, k_now),
      BadInput);
  const LocalDate today = day("2025-03-01");
  ProjectFilter uncovered;
  uncovered.uncovered = true;
  CHECK(list_projects(r.store, uncovered, today).size() == 1);
  const std::int64_t member = add_officer(
      r.store, officer("李副主任", OfficerLevel::department_leader, "FGW"), k_office, k_now);
  assign_officer(r.store, member, Served{std::nullopt, k_project}, day("2025-02-01"), k_office,
                 "officer assign", k_now);
  CHECK(list_projects(r.store, uncovered, today).empty());
  CHECK(list_projects(r.store, uncovered, day("2025-01-31")).size() == 1);

  ProjectChange change;
  change.key = ProjectKey::city;
  change.started_on = day("2024-10-01");
  const Project changed = set_project(r.store, k_project, change, k_office, k_now);
  CHECK(changed.key == ProjectKey::city);
  CHECK(get_project(r.store, k_project).started_on == day("2024-10-01"));
  change.key = std::optional<ProjectKey>{};
  CHECK_FALSE(set_project(r.store, k_project, change, k_office, k_now).key.has_value());
  // A case about the project (intake --project fixes the column at intake).
  r.store.write([&] {
    Statement(r.store,
              "INSERT INTO case_file (id, year, number, enterprise, type, channel, title, body, "
              "received_at, received_month, state, project) VALUES ('2025-000001', 2025, 1, ?, "
              "'coordinate', 'visit', '施工用电接入慢', '', '2025-02-03T01:00:00Z', '2025-02', "
              "'received', ?)")
        .bind(1, r.key_firm)
        .bind(2, k_project)
        .run();
  });
  const ProjectDetail detail = project_detail(r.store, k_project, today);
  CHECK(detail.officers.size() == 1);
  CHECK(detail.history.front().officer_name == "李副主任");
  REQUIRE(detail.cases.size() == 1);
  CHECK(detail.cases.front().title == "施工用电接入慢");
  CHECK(detail.cases.front().state == "received");
  CHECK(first_row_mismatch(r.store) == std::nullopt);
}

TEST_CASE("imports of officers, projects and assignments are all or nothing", "[officers]") {
  Registers r = registers();
  test::TempDir dir;
  // A bad level on the 3rd line: the good row before it is not kept.
  test::write_file(dir / "o.csv",
                   "\xEF\xBB\xBFname,level,unit,post,phone\n"
                   "王区长,county-leader,SHI,区长,\n"
                   "李副主任,deputy,FGW,,\n");
  CHECK_THROWS_WITH(import_officers(r.store, dir / "o.csv", k_office, k_now),
                    Catch::Contains("o.csv:3: column 'level' is 'deputy'"));
  CHECK(count(r.store, "officer") == 0);
  test::write_file(dir / "o.csv",
                   "\xEF\xBB\xBFname,level,unit,post,phone\n"
                   "王区长,county-leader,SHI,区长,\n"
                   "李副主任,department-leader,FGW,,0376-1\n");
  ImportSummary summary = import_officers(r.store, dir / "o.csv", k_office, k_now);
  CHECK(summary.added == 2);
  // Matched by name and unit: an update, with the columns the header names.
  test::write_file(dir / "o.csv", "name,unit,level,post\n王区长,SHI,county-leader,常务副区长\n");
  summary = import_officers(r.store, dir / "o.csv", k_office, k_now);
  CHECK(summary.updated == 1);
  // PostgreSQL spends ids on rolled-back inserts: look the officers up by name.
  const Officer district_head = *find_officer_by_name(r.store, "王区长", "SHI");
  CHECK(district_head.post == "常务副区长");
  const std::string member_id =
      std::to_string(find_officer_by_name(r.store, "李副主任", "FGW")->id);

  test::write_file(dir / "p.csv",
                   "code,name,county,status,key,started\n"
                   "2024-411503-54-03-000301,平桥物流园,PQQ,planned,,\n"
                   "2024-411503-54-03-000302,平桥二期,PQQ,under-construction,city,2024-13-01\n");
  CHECK_THROWS_WITH(import_projects(r.store, dir / "p.csv", k_office, k_now),
                    Catch::Contains("p.csv:3: column 'started'"));
  CHECK(count(r.store, "project") == 1);
  test::write_file(dir / "p.csv",
                   "code,name,county,status,key,started\n"
                   "2024-411503-54-03-000301,平桥物流园,PQQ,planned,,\n" +
                       k_project + ",浉河区道路工程,SHI,under-construction,city,2024-10-01\n");
  summary = import_projects(r.store, dir / "p.csv", k_office, k_now);
  CHECK(summary.added == 1);
  CHECK(summary.updated == 1);
  CHECK(get_project(r.store, k_project).key == ProjectKey::city);

  test::write_file(dir / "a.csv",
                   "officer,enterprise,project,from\n"
                   "王区长@SHI,信阳毛尖茶业有限公司,,2025-02-01\n"
                   "李副主任@FGW,,2024-411503-54-03-000399,2025-02-01\n");
  CHECK_THROWS_WITH(import_assignments(r.store, dir / "a.csv", day("2025-03-01"), k_office, k_now),
                    Catch::Contains("a.csv:3: column 'project'"));
  CHECK(count(r.store, "assignment") == 0);
  test::write_file(dir / "a.csv",
                   "officer,enterprise,project,from\n"
                   "王区长@SHI,信阳毛尖茶业有限公司,,2025-02-01\n" +
                       member_id + ",,2024-411503-54-03-000301,\n");
  const AssignmentImport imported =
      import_assignments(r.store, dir / "a.csv", day("2025-03-01"), k_office, k_now);
  CHECK(imported.summary.added == 2);
  CHECK(imported.warnings.empty());
  // The same file again repeats open assignments and changes nothing.
  CHECK(import_assignments(r.store, dir / "a.csv", day("2025-03-01"), k_office, k_now)
            .summary.added == 0);
  CHECK(
      officers_serving(r.store, Served{std::nullopt, "2024-411503-54-03-000301"}, day("2025-03-01"))
          .size() == 1);
  const std::vector<std::string> done = actions(r.store);
  CHECK(std::count(done.begin(), done.end(), "officer import") == 3);
  CHECK(std::count(done.begin(), done.end(), "project import") == 2);
  CHECK(std::count(done.begin(), done.end(), "assignment import") == 2);
  CHECK(first_row_mismatch(r.store) == std::nullopt);
}
