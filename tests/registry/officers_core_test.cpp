// SPDX-License-Identifier: MIT
// The core of Art. 3's registers: the project code's shape, and who serves an enterprise or a
// project on a given day (assignment dates, retirement, several officers at once).
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

std::vector<std::int64_t> ids_of(const std::vector<Officer>& officers) {
  std::vector<std::int64_t> ids;
  for (const Officer& officer : officers) {
    ids.push_back(officer.id);
  }
  return ids;
}

void run_sql(Store& store, const std::string& sql) {
  store.write([&] { Statement(store, sql).run(); });
}

}  // namespace

TEST_CASE("a project code has the national shape", "[officers]") {
  CHECK(is_project_code("2017-411500-44-03-012345"));
  CHECK(is_project_code("2024-411502-48-01-000001"));
  CHECK_FALSE(is_project_code(""));
  CHECK_FALSE(is_project_code("2017-411500-44-04-012345"));   // no approval type 04
  CHECK_FALSE(is_project_code("1917-411500-44-03-012345"));   // not a year of coding
  CHECK_FALSE(is_project_code("2017-41150-44-03-0123456"));   // a field too short, one too long
  CHECK_FALSE(is_project_code("2017-411500-44-03-012345-"));  // trailing text
  CHECK_FALSE(is_project_code("2017-411500-4A-03-012345"));
  CHECK_FALSE(is_project_code("2017_411500_44_03_012345"));
  CHECK_FALSE(is_project_code("２０17-411500-44-03-012345"));  // full-width digits
  CHECK_THROWS_AS(validate_project_code("2017-411500"), BadInput);
}

TEST_CASE("the officers serving a subject on a day", "[officers]") {
  Store store = test::fresh_store();
  ensure_builtin_units(store, Config{}, k_office, k_now);
  add_unit(store, Unit{"FGW", "市发展和改革委员会", UnitKind::department, "", "", ""}, k_office,
           k_now);
  add_unit(store, Unit{"SHI", "浉河区", UnitKind::district, "", "", ""}, k_office, k_now);
  const std::int64_t firm = add_enterprise(
      store, Enterprise{0, "信阳毛尖茶业有限公司", "", "SHI", true, true, "", ""}, k_office, k_now);
  run_sql(store,
          "INSERT INTO officer (id, name, level, unit, created_at, retired_on) VALUES "
          "(1, '李部长', 'department-leader', 'FGW', '2025-01-01T00:00:00Z', NULL), "
          "(2, '王区长', 'county-leader', 'SHI', '2025-01-01T00:00:00Z', NULL), "
          "(3, '赵副部长', 'department-leader', 'FGW', '2025-01-01T00:00:00Z', '2025-06-01')");
  run_sql(store,
          "INSERT INTO project (code, name, county, status, created_at) VALUES "
          "('2017-411500-44-03-012345', '茶城物流园', 'SHI', 'under-construction', "
          "'2025-01-01T00:00:00Z')");
  run_sql(
      store,
      "INSERT INTO assignment (officer, enterprise, project, from_date, until_date, created_at) "
      "VALUES (1, " +
          std::to_string(firm) +
          ", NULL, '2025-02-01', '2025-03-01', 'x'), "
          "(2, " +
          std::to_string(firm) +
          ", NULL, '2025-02-15', NULL, 'x'), "
          "(3, " +
          std::to_string(firm) +
          ", NULL, '2025-01-01', NULL, 'x'), "
          "(1, NULL, '2017-411500-44-03-012345', '2025-03-01', NULL, 'x')");
  const Served enterprise{firm, std::nullopt};
  const Served project{std::nullopt, "2017-411500-44-03-012345"};

  CHECK(ids_of(officers_serving(store, enterprise, parse_date("2025-01-31"))) ==
        std::vector<std::int64_t>{3});
  // Leaders come first; the assignment's first day counts.
  CHECK(ids_of(officers_serving(store, enterprise, parse_date("2025-02-15"))) ==
        std::vector<std::int64_t>{2, 1, 3});
  // until_date is the first day no longer served; retired_on the first day not serving.
  CHECK(ids_of(officers_serving(store, enterprise, parse_date("2025-03-01"))) ==
        std::vector<std::int64_t>{2, 3});
  CHECK(ids_of(officers_serving(store, enterprise, parse_date("2025-06-01"))) ==
        std::vector<std::int64_t>{2});
  CHECK(ids_of(officers_serving(store, project, parse_date("2025-02-28"))).empty());
  CHECK(ids_of(officers_serving(store, project, parse_date("2025-03-01"))) ==
        std::vector<std::int64_t>{1});

  const Officer retired = get_officer(store, "3");
  CHECK(retired.serving_on(parse_date("2025-05-31")));
  CHECK_FALSE(retired.serving_on(parse_date("2025-06-01")));
  CHECK_THROWS_AS(get_officer(store, "9"), NotFound);
  CHECK_THROWS_AS(get_officer(store, "3x"), UsageError);
  CHECK(get_project(store, "2017-411500-44-03-012345").county == "SHI");
  CHECK_THROWS_AS(get_project(store, "2017-411500-44-03-099999"), NotFound);
  CHECK_THROWS_AS(get_project(store, "P-1"), BadInput);
}
