// SPDX-License-Identifier: MIT
// The year-end assessment's figures (Art. 11–13): the monthly definitions applied to the year,
// the recorded policy scores and findings, and the accountability list.
#include <ent110/report/annual.hpp>
#include <ent110/report/report_repo.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>

namespace ent110 {
namespace {

ReportWindow year_window(int year, const Zone& zone, Instant now) {
  const date::year y{year};
  ReportWindow window = report_window(y / date::January, zone, now);
  const ReportWindow december = report_window(y / date::December, zone, now);
  window.last = december.last;
  window.as_of =
      std::clamp(zone.local_date(now) - date::days{1}, window.first - date::days{1}, window.last);
  window.end = zone.start_of(window.as_of + date::days{1});
  return window;
}

void add_assessment_inputs(Store& store, int year, std::vector<UnitYear>& units) {
  auto find = [&](const std::string& code) -> UnitYear* {
    const auto found = std::find_if(units.begin(), units.end(),
                                    [&](const UnitYear& u) { return u.unit.code == code; });
    return found == units.end() ? nullptr : &*found;
  };
  // Recorded in order, so the last policy score read is the latest.
  Statement policy(store,
                   "SELECT unit, value FROM assessment_event "
                   "WHERE year = ? AND kind = 'policy' ORDER BY id");
  policy.bind(1, year);
  while (policy.step()) {
    if (UnitYear* unit = find(policy.text(0))) {
      unit->scores.policy = policy.real(1);
    }
  }
  Statement findings(store,
                     "SELECT unit, count(*), sum(value) FROM assessment_event "
                     "WHERE year = ? AND kind = 'finding' GROUP BY unit");
  findings.bind(1, year);
  while (findings.step()) {
    UnitYear* unit = find(findings.text(0));
    if (unit != nullptr && unit->supervision != Supervision::not_applicable) {
      unit->findings = findings.int64(1);
      unit->finding_points = findings.real(2);
      unit->supervision = Supervision::supervised;
      unit->scores.supervision = std::max(0.0, 100 - unit->finding_points);
    }
  }
}

// Art. 13: units late, referred to inspection, or that never acted on a case forwarded to them.
std::vector<AccountableUnit> accountability(Store& store,
                                            const Zone& zone,
                                            const ReportWindow& window,
                                            const std::vector<UnitMonth>& members) {
  std::vector<AccountableUnit> list;
  for (const UnitMonth& member : members) {
    AccountableUnit entry;
    entry.unit = member.unit;
    list.push_back(std::move(entry));
  }
  auto find = [&](const std::string& code) -> AccountableUnit* {
    const auto found = std::find_if(list.begin(), list.end(),
                                    [&](const AccountableUnit& a) { return a.unit.code == code; });
    return found == list.end() ? nullptr : &*found;
  };

  // Late as in the on-time rate (report_repo.cpp); never handled when the unit filed no reply,
  // explanation or dispute on the case after the clock started.
  Statement late(store,
                 "SELECT k.unit, k.case_id, c.title, k.due, "
                 "CASE WHEN NOT EXISTS (SELECT 1 FROM case_event e "
                 " WHERE e.case_id = k.case_id AND e.unit = k.unit "
                 " AND e.action IN ('reply', 'explain', 'dispute') AND e.at >= k.started_at) "
                 "THEN 1 ELSE 0 END "
                 "FROM case_clock k JOIN case_file c ON c.id = k.case_id "
                 "WHERE k.name IN ('reply', 'resubmit') AND k.due BETWEEN ?1 AND ?2 "
                 "AND ((k.outcome = 'missed' AND k.stopped <= ?3) OR (k.outcome IN ('running', "
                 "'missed') AND (k.stopped IS NULL OR k.stopped > ?3) AND k.due <= ?3)) "
                 "ORDER BY k.due, k.case_id");
  late.bind(1, format_date(window.first));
  late.bind(2, format_date(window.last));
  late.bind(3, format_date(window.as_of));
  while (late.step()) {
    if (AccountableUnit* unit = find(late.text(0))) {
      const bool unhandled = late.int64(4) != 0;
      ++(unhandled ? unit->unhandled : unit->late);
      unit->cases.push_back(
          AccountableCase{late.text(1), late.text(2),
                          unhandled ? AccountabilityReason::unhandled : AccountabilityReason::late,
                          parse_date(late.text(3))});
    }
  }

  Statement referred(store,
                     "SELECT e.detail, e.case_id, c.title, e.at FROM case_event e "
                     "JOIN case_file c ON c.id = e.case_id "
                     "WHERE e.action = 'escalate-inspection' AND e.at >= ? AND e.at < ? "
                     "AND " +
                         std::string(report_repo::k_referral_stands) + " ORDER BY e.at, e.case_id");
  report_repo::bind_window(referred, window);
  while (referred.step()) {
    if (AccountableUnit* unit = find(referred.text(0))) {
      ++unit->referred;
      unit->cases.push_back(AccountableCase{referred.text(1), referred.text(2),
                                            AccountabilityReason::referred,
                                            zone.local_date(parse_utc(referred.text(3)))});
    }
  }
  std::erase_if(list, [](const AccountableUnit& a) { return a.cases.empty(); });
  return list;
}

}  // namespace

AnnualReport compute_annual(
    Store& store, const WorkingCalendar&, const Config& config, int year, Instant now) {
  const Zone zone(config.time_zone);
  const ReportWindow window = year_window(year, zone, now);
  AnnualReport report;
  report.year = year;
  report.as_of = window.as_of;
  report.weights = config;
  store.read([&] {
    std::vector<UnitMonth> members = report_repo::member_unit_rows(store);
    const report_repo::UnitIndex by_unit = report_repo::index_units(members);
    MonthTotals totals;
    report_repo::add_event_figures(store, window, config, by_unit, totals);
    report_repo::set_reply_rates(
        report_repo::reply_rates_by_type(store, window.first, window.last, window.as_of), by_unit);
    for (const UnitMonth& member : members) {
      UnitYear unit;
      unit.unit = member.unit;
      unit.forwarded = member.forwarded;
      unit.answered = member.answered;
      unit.on_time =
          Rate{member.consult_on_time.numerator + member.coordinate_on_time.numerator,
               member.consult_on_time.denominator + member.coordinate_on_time.denominator};
      unit.satisfaction = member.satisfaction;
      // Art. 11: no finding recorded means no supervision took place, not a clean one.
      unit.supervision = supervision_applies(unit.unit.kind) ? Supervision::not_supervised
                                                             : Supervision::not_applicable;
      if (const auto value = rate_value(unit.satisfaction)) {
        unit.scores.satisfaction = *value * 100;
      }
      if (const auto value = rate_value(unit.on_time)) {
        unit.scores.timeliness = *value * 100;
      }
      report.units.push_back(std::move(unit));
    }
    add_assessment_inputs(store, year, report.units);
    report.accountability = accountability(store, zone, window, members);
  });
  for (UnitYear& unit : report.units) {
    unit.accountable = std::any_of(
        report.accountability.begin(), report.accountability.end(),
        [&](const AccountableUnit& listed) { return listed.unit.code == unit.unit.code; });
  }
  rank_units(report.units, config);
  return report;
}

}  // namespace ent110
