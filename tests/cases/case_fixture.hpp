// SPDX-License-Identifier: MIT
// A fresh database (test::fresh_store) with the official schedule, two units, users on demand and
// one enterprise, and a CaseService over it; instants are local Asia/Shanghai text.
#pragma once

#include "support/test_support.hpp"

#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/setup/init.hpp>
#include <ent110/store/store.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace ent110::test {

struct CaseFixture {
  Config config;
  Zone zone{"Asia/Shanghai"};
  Store store = test::fresh_store("case_fixture", [this](Store& fresh) { prepare(fresh); });
  WorkingCalendar calendar = load_calendar(store);
  CaseService service{store, calendar, config, zone};

  /// The local time `text` ("2025-09-30T20:15") as an instant.
  Instant at(const std::string& text) const { return parse_instant(text, zone); }

  /// A new case received at `when`.
  std::string intake(CaseType type, const std::string& when, bool major = false) {
    return intake("用电增容", type, when, major);
  }

  /// A case titled `title` received at `when`.
  std::string intake(const std::string& title,
                     CaseType type,
                     const std::string& when,
                     bool major = false) {
    IntakeRequest request;
    request.enterprise = "信阳示例机械有限公司";
    request.type = type;
    request.major = major;
    request.channel = Channel::hotline;
    request.title = title;
    request.body = "厂区需要增容";
    return service.intake(request, "wang", at(when)).kase.id;
  }

  /// Forwards `id` to FGW at `when`.
  Case forward(const std::string& id, const std::string& when, const std::string& login = "wang") {
    ForwardRequest request;
    request.to_unit = "FGW";
    return service.forward(id, request, login, at(when)).kase;
  }

  /// A copy of the clock `name` of `kase` started last (a copy, because callers often pass a
  /// temporary case).
  static Clock clock(const Case& kase, ClockName name) {
    const Clock* found = nullptr;
    for (const Clock& c : kase.clocks) {
      if (c.name == name) {
        found = &c;
      }
    }
    REQUIRE(found != nullptr);
    return *found;
  }

  /// Registers an office user "wang", FGW users "li" and JXW user "zhao", and a viewer "chen".
  void add_users() {
    const Instant now = at("2025-01-01");
    add_user(store, User{"wang", config.office_unit, Role::office}, Actor{"test", "OFFICE"}, now);
    add_user(store, User{"li", "FGW", Role::unit}, Actor{"test", "OFFICE"}, now);
    add_user(store, User{"zhao", "JXW", Role::unit}, Actor{"test", "OFFICE"}, now);
    add_user(store, User{"chen", config.office_unit, Role::viewer}, Actor{"test", "OFFICE"}, now);
  }

 private:
  void prepare(Store& store) const {
    const Instant now = parse_instant("2025-01-01", zone);
    initialize(store, config, std::nullopt, Actor{"test", "OFFICE"}, now);
    add_unit(store, Unit{"FGW", "市发展和改革委员会", UnitKind::department, "", "", ""},
             Actor{"test", "OFFICE"}, now);
    add_unit(store, Unit{"JXW", "市工业和信息化局", UnitKind::department, "", "", ""},
             Actor{"test", "OFFICE"}, now);
    Enterprise enterprise;
    enterprise.name = "信阳示例机械有限公司";
    add_enterprise(store, enterprise, Actor{"test", "OFFICE"}, now);
  }
};

}  // namespace ent110::test
