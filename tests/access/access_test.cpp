// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/access/access.hpp>
#include <ent110/core/error.hpp>
#include <ent110/registry/units.hpp>
#include <ent110/registry/users.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {

const Instant k_now = parse_utc("2025-01-01T00:00:00Z");
const Actor k_setup{"setup", "OFFICE"};

Store store_with_units() {
  Store store = test::fresh_store();
  ensure_builtin_units(store, Config{}, k_setup, k_now);
  add_unit(store, Unit{"FGW", "市发展和改革委员会", UnitKind::department, "", "", ""}, k_setup,
           k_now);
  add_unit(store, Unit{"JXW", "市工业和信息化局", UnitKind::department, "", "", ""}, k_setup,
           k_now);
  return store;
}

void add_users(Store& store) {
  add_user(store, User{"wang", "OFFICE", Role::office}, k_setup, k_now);
  add_user(store, User{"chen", "OFFICE", Role::viewer}, k_setup, k_now);
  add_user(store, User{"li", "FGW", Role::unit}, k_setup, k_now);
  add_user(store, User{"zhao", "JXW", Role::unit}, k_setup, k_now);
}

const CaseParties k_case{"2025-000001", "OFFICE", "FGW"};

}  // namespace

TEST_CASE("authorize: with no user registered anyone acts for the office", "[access]") {
  Store store = store_with_units();
  const Actor actor = authorize(store, "anyone", Duty::calendar, "calendar set", "OFFICE");
  CHECK(actor.login == "anyone");
  CHECK(actor.unit == "OFFICE");
  CHECK(authorize_case_action(store, "anyone", CaseParty::lead_unit, "reply", k_case) == "FGW");
  CHECK(authorize_case_action(store, "anyone", CaseParty::co_unit, "reply", k_case).empty());
}

TEST_CASE("authorize: once users exist every duty needs the office role", "[access]") {
  Store store = store_with_units();
  add_users(store);
  for (Duty duty : {Duty::registers, Duty::calendar, Duty::assessment}) {
    CHECK(authorize(store, "wang", duty, "x", "OFFICE").unit == "OFFICE");
    CHECK_THROWS_WITH(authorize(store, "chen", duty, "calendar set", "OFFICE"),
                      "user 'chen' (unit 'OFFICE', role 'viewer') may not calendar set; only "
                      "office users may");
    CHECK_THROWS_AS(authorize(store, "li", duty, "calendar set", "OFFICE"), Refused);
  }
}

TEST_CASE("authorize: an unregistered login is not found, in one message for every attempt",
          "[access][regression]") {
  Store store = store_with_units();
  add_users(store);
  const std::string expected =
      "unknown user 'mallory'; act as a registered user with --as LOGIN ('ent110 user list' "
      "shows them)";
  for (Duty duty : {Duty::registers, Duty::calendar, Duty::assessment}) {
    CHECK_THROWS_AS(authorize(store, "mallory", duty, "calendar set", "OFFICE"), NotFound);
    CHECK_THROWS_WITH(authorize(store, "mallory", duty, "calendar load", "OFFICE"), expected);
  }
  for (CaseParty party : {CaseParty::office, CaseParty::lead_unit, CaseParty::co_unit}) {
    CHECK_THROWS_AS(authorize_case_action(store, "mallory", party, "reply", k_case), NotFound);
    CHECK_THROWS_WITH(authorize_case_action(store, "mallory", party, "reply", k_case), expected);
  }
}

TEST_CASE("require_known_login: anyone before users exist, a registered user after",
          "[access][regression]") {
  Store store = store_with_units();
  CHECK_NOTHROW(require_known_login(store, "anyone"));
  add_users(store);
  CHECK_NOTHROW(require_known_login(store, "chen"));
  CHECK_THROWS_AS(require_known_login(store, "mallory"), NotFound);
}

TEST_CASE("authorize_case_action: office, lead unit and co-unit actions", "[access]") {
  Store store = store_with_units();
  add_users(store);
  CHECK(authorize_case_action(store, "wang", CaseParty::office, "forward", k_case) == "OFFICE");
  CHECK_THROWS_AS(authorize_case_action(store, "li", CaseParty::office, "forward", k_case),
                  Refused);
  CHECK(authorize_case_action(store, "li", CaseParty::lead_unit, "reply", k_case) == "FGW");
  CHECK_THROWS_WITH(authorize_case_action(store, "zhao", CaseParty::lead_unit, "reply", k_case),
                    "user 'zhao' (unit 'JXW', role 'unit') may not reply case '2025-000001'; "
                    "only users of its lead unit 'FGW' may");
  CHECK(authorize_case_action(store, "zhao", CaseParty::co_unit, "reply", k_case) == "JXW");
  CHECK_THROWS_WITH(authorize_case_action(store, "wang", CaseParty::co_unit, "reply", k_case),
                    "user 'wang' (unit 'OFFICE', role 'office') may not reply case "
                    "'2025-000001'; only users of its co-units may");
}
