// SPDX-License-Identifier: MIT
// The year-end assessment's figures (Art. 11–13): the monthly definitions applied to the year,
// the recorded policy scores and findings, and the accountability list.
#include <ent110/report/annual.hpp>
#include <ent110/report/coverage.hpp>
#include <ent110/report/report_figures.hpp>
#include <ent110/report/report_repo.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>
#include <map>

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
  for (const auto& [code, value] : report_repo::policy_scores(store, year)) {
    if (UnitYear* unit = find(code)) {
      unit->scores.policy = value;
    }
  }
  for (const report_repo::FindingTotal& total : report_repo::findings_by_unit(store, year)) {
    UnitYear* unit = find(total.unit);
    if (unit != nullptr && unit->supervision != Supervision::not_applicable) {
      unit->findings = total.findings;
      unit->finding_points = total.points;
      unit->supervision = Supervision::supervised;
      unit->scores.supervision = std::max(0.0, 100 - unit->finding_points);
    }
  }
}

// Art. 3: a county or area answers for its enterprises and projects, a department for its own
// officers; one with nothing to cover has nothing missing.
void add_coverage_scores(const UnitCoverage& coverage, std::vector<UnitYear>& units) {
  for (UnitYear& unit : units) {
    const std::map<std::string, Rate>& shares =
        supervision_applies(unit.unit.kind) ? coverage.areas : coverage.officers;
    const auto found = shares.find(unit.unit.code);
    const std::optional<double> share =
        found == shares.end() ? std::nullopt : rate_value(found->second);
    unit.scores.coverage = share ? *share * 100 : 100.0;
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

  for (report_repo::LateClock& late :
       report_repo::late_clocks(store, window.first, window.last, window.as_of)) {
    if (AccountableUnit* unit = find(late.unit)) {
      ++(late.unhandled ? unit->unhandled : unit->late);
      unit->cases.push_back(AccountableCase{
          std::move(late.case_id), std::move(late.title),
          late.unhandled ? AccountabilityReason::unhandled : AccountabilityReason::late, late.due});
    }
  }

  for (report_repo::StandingReferral& referral : report_repo::standing_referrals(store, window)) {
    if (AccountableUnit* unit = find(referral.unit)) {
      ++unit->referred;
      unit->cases.push_back(AccountableCase{std::move(referral.case_id), std::move(referral.title),
                                            AccountabilityReason::referred,
                                            zone.local_date(referral.at)});
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
    std::vector<UnitMonth> members = report_figures::member_unit_rows(store);
    const report_figures::UnitIndex by_unit = report_figures::index_units(members);
    MonthTotals totals;
    report_figures::add_event_figures(report_repo::event_counts(store, window, config.office_unit),
                                      config, by_unit, totals);
    report_figures::set_reply_rates(
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
    add_coverage_scores(unit_coverage(store, zone, window.as_of), report.units);
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
