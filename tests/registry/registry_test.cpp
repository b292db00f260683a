// SPDX-License-Identifier: MIT
// The registries through their repositories: what each table stores and reads back, and the
// audit events that account for every row.
#include "support/test_support.hpp"

#include <ent110/core/error.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

using namespace ent110;
using ent110::test::TempDir;
using ent110::test::write_file;

namespace {

const Instant k_now = parse_utc("2025-01-01T00:00:00Z");
const Actor k_office{"wang", "OFFICE"};

Store store_with_units() {
  Store store = test::fresh_store();
  ensure_builtin_units(store, Config{}, k_office, k_now);
  add_unit(store, Unit{"FGW", "市发展和改革委员会", UnitKind::department, "张三", "", "0376-1"},
           k_office, k_now);
  add_unit(store, Unit{"SHI", "浉河区", UnitKind::district, "", "", ""}, k_office, k_now);
  return store;
}

}  // namespace

TEST_CASE("units: built-ins first, optional fields read back empty", "[registry]") {
  Store store = store_with_units();
  const std::vector<Unit> units = list_units(store);
  REQUIRE(units.size() == 6);
  CHECK(units.front().kind == UnitKind::office);
  CHECK(units[4].code == "FGW");
  CHECK(units[4].leader == "张三");
  CHECK(units[4].contact.empty());
  CHECK(units[5].code == "SHI");
  CHECK_THROWS_WITH(get_unit(store, "FGX"), Catch::Contains("FGW"));
  CHECK(first_row_mismatch(store) == std::nullopt);
}

TEST_CASE("users: the table PostgreSQL reserves the name of reads and writes", "[registry]") {
  Store store = store_with_units();
  CHECK_FALSE(has_users(store));
  add_user(store, User{"wang", "OFFICE", Role::office}, k_office, k_now);
  add_user(store, User{"li", "FGW", Role::unit}, k_office, k_now);
  CHECK(has_users(store));
  const std::vector<User> users = list_users(store);
  REQUIRE(users.size() == 2);
  CHECK(users[0].login == "li");
  CHECK(find_user(store, "wang")->role == Role::office);
  CHECK_FALSE(find_user(store, "zhao"));
  CHECK_THROWS_AS(add_user(store, User{"li", "FGW", Role::unit}, k_office, k_now), BadInput);
  CHECK(audit_row(store, AuditSubject::user, "li").has_value());
  CHECK(first_row_mismatch(store) == std::nullopt);
}

TEST_CASE("enterprises: found by id, credit code or name, and updated in place by an import",
          "[registry]") {
  Store store = store_with_units();
  Enterprise enterprise;
  enterprise.name = "信阳示例机械有限公司";
  enterprise.county = "SHI";
  enterprise.key = true;
  const std::int64_t id = add_enterprise(store, enterprise, k_office, k_now);
  CHECK(id == 1);
  CHECK(get_enterprise(store, "1").name == enterprise.name);
  CHECK(get_enterprise(store, enterprise.name).id == id);
  // A long run of digits is no id: it is looked up as a code or name, and is neither.
  CHECK_THROWS_AS(get_enterprise(store, "12345678901234567"), NotFound);
  CHECK(audit_row(store, AuditSubject::enterprise, "1").has_value());
  CHECK_FALSE(audit_row(store, AuditSubject::enterprise, "x").has_value());

  TempDir dir;
  write_file(dir / "e.csv",
             "name,credit_code,above_scale,phone\n"
             "信阳示例机械有限公司,91411500MA44XXXX0P,是,0376-2\n"
             "信阳新材料有限公司,,0,\n");
  // A bad credit code on the first row changes nothing, not even the second row.
  CHECK_THROWS_AS(import_enterprises(store, dir / "e.csv", k_office, k_now), BadInput);
  write_file(dir / "e.csv",
             "name,above_scale,phone\n"
             "信阳示例机械有限公司,是,0376-2\n"
             "信阳新材料有限公司,0,\n");
  const ImportSummary summary = import_enterprises(store, dir / "e.csv", k_office, k_now);
  CHECK(summary.added == 1);
  CHECK(summary.updated == 1);
  const Enterprise updated = get_enterprise(store, "1");
  CHECK(updated.above_scale);
  CHECK(updated.key);
  CHECK(updated.county == "SHI");
  CHECK(updated.phone == "0376-2");
  CHECK(get_enterprise(store, "信阳新材料有限公司").id == 2);
  CHECK(first_row_mismatch(store) == std::nullopt);
}

TEST_CASE("audit: a row changed behind the tool's back no longer matches its events",
          "[registry][audit]") {
  Store store = store_with_units();
  Statement(store, "UPDATE unit SET name = ? WHERE code = ?").bind(1, "改名").bind(2, "FGW").run();
  const std::optional<RowMismatch> mismatch = first_row_mismatch(store);
  REQUIRE(mismatch);
  CHECK(mismatch->subject == AuditSubject::unit);
  CHECK(mismatch->key == "FGW");
  CHECK(mismatch->problem == RowProblem::differs);
}
