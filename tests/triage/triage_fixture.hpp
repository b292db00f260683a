// SPDX-License-Identifier: MIT
// A database in memory with the official schedule, units FGW and JXW, one enterprise and a case
// service; cases are made through the service at local Asia/Shanghai times, each with its own
// title so that tests can name them.
#pragma once

#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/setup/init.hpp>
#include <ent110/store/store.hpp>
#include <ent110/triage/triage.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ent110::test {

struct TriageFixture {
  Store store = Store::open_in_memory();
  Config config;
  Zone zone{"Asia/Shanghai"};
  WorkingCalendar calendar = prepared(store, config, zone);
  CaseService service{store, calendar, config, zone};

  /// The local time `text` ("2025-09-30T20:15") as an instant.
  Instant at(const std::string& text) const { return parse_instant(text, zone); }

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
    request.body = "……";
    return service.intake(request, "wang", at(when)).kase.id;
  }

  /// A case titled `title` received at `received` and forwarded to `unit` at `forwarded`.
  std::string forwarded(const std::string& title,
                        CaseType type,
                        const std::string& unit,
                        const std::string& received,
                        const std::string& forwarded_at,
                        bool major = false) {
    const std::string id = intake(title, type, received, major);
    ForwardRequest request;
    request.to_unit = unit;
    service.forward(id, request, "wang", at(forwarded_at));
    return id;
  }

  /// The triage on local date `day`.
  Triage triage(const std::string& day, const std::optional<std::string>& unit = std::nullopt) {
    return compute_triage(store, calendar, config, parse_date(day), unit);
  }

  /// `triage --apply` at local time `when` as `login`.
  Triage apply(const std::string& when, const std::string& login = "wang") {
    return apply_triage(store, service, calendar, config, zone, at(when), std::nullopt, login,
                        Lang::en);
  }

 private:
  static WorkingCalendar prepared(Store& store, const Config& config, const Zone& zone) {
    const Instant now = parse_instant("2025-01-01", zone);
    initialize(store, config, std::nullopt, now);
    add_unit(store, Unit{"FGW", "市发展和改革委员会", UnitKind::department, "", "", ""}, now);
    add_unit(store, Unit{"JXW", "市工业和信息化局", UnitKind::department, "", "", ""}, now);
    Enterprise enterprise;
    enterprise.name = "信阳示例机械有限公司";
    add_enterprise(store, enterprise, now);
    return load_calendar(store);
  }
};

/// The titles of `lines`, in order.
inline std::vector<std::string> titles(const std::vector<TriageLine>& lines) {
  std::vector<std::string> result;
  for (const TriageLine& line : lines) {
    result.push_back(line.title);
  }
  return result;
}

}  // namespace ent110::test
