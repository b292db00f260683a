// SPDX-License-Identifier: MIT
#include <ent110/registry/registry.hpp>
#include <ent110/report/report_figures.hpp>

namespace ent110::report_figures {

UnitIndex index_units(std::vector<UnitMonth>& units) {
  UnitIndex index;
  for (UnitMonth& unit : units) {
    index[unit.unit.code] = &unit;
  }
  return index;
}

std::vector<UnitMonth> member_unit_rows(Store& store) {
  std::vector<UnitMonth> rows;
  for (const Unit& unit : list_units(store)) {
    if (is_member_kind(unit.kind)) {
      UnitMonth row;
      row.unit = unit;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

void add_event_figures(const report_repo::EventCounts& counts,
                       const Config& config,
                       const UnitIndex& by_unit,
                       MonthTotals& totals) {
  // Forwards and redos name the lead unit first in their detail ("FGW with JXW,ZRZY"), cut here
  // rather than in SQL, where the two engines name the search for a space differently.
  for (const auto& [detail, n] : counts.forwards) {
    totals.forwarded += n;
    if (auto found = by_unit.find(detail.substr(0, detail.find(' '))); found != by_unit.end()) {
      found->second->forwarded += n;
    }
  }

  for (const auto& [reason, n] : counts.rejections) {
    (reason == "unlawful" ? totals.rejected_unlawful : totals.rejected_unclear) += n;
  }

  for (const auto& [unit, n] : counts.answers) {
    totals.answered += n;
    if (auto found = by_unit.find(unit); found != by_unit.end()) {
      found->second->answered += n;
    }
  }

  for (const auto& [action, unit, n] : counts.own_actions) {
    const bool explain = action == "explain";
    if (explain) {
      totals.explained += n;
    }
    if (auto found = by_unit.find(unit); found != by_unit.end()) {
      (explain ? found->second->explained : found->second->disputed) += n;
    }
  }

  for (const auto& [unit, n] : counts.referrals) {
    if (auto found = by_unit.find(unit); found != by_unit.end()) {
      found->second->referred += n;
    }
  }

  for (const auto& [unit, returned] : counts.returned) {
    if (auto found = by_unit.find(unit); found != by_unit.end()) {
      found->second->returned = returned;
    }
  }

  for (const auto& [unit, rating, n] : counts.ratings) {
    if (auto found = by_unit.find(unit); found != by_unit.end()) {
      Rate& satisfaction = found->second->satisfaction;
      satisfaction.denominator += n;
      if (counts_as_satisfied(rating, config)) {
        satisfaction.numerator += n;
      }
    }
  }
}

void set_reply_rates(const std::map<std::string, report_repo::ClockRates>& rates,
                     const UnitIndex& by_unit) {
  for (const auto& [unit, unit_rates] : rates) {
    if (auto found = by_unit.find(unit); found != by_unit.end()) {
      found->second->consult_on_time = unit_rates.consult;
      found->second->coordinate_on_time = unit_rates.coordinate;
    }
  }
}

report_repo::ClockRates total_rates(const std::map<std::string, report_repo::ClockRates>& rates) {
  report_repo::ClockRates total;
  for (const auto& [unit, unit_rates] : rates) {
    total.consult.numerator += unit_rates.consult.numerator;
    total.consult.denominator += unit_rates.consult.denominator;
    total.coordinate.numerator += unit_rates.coordinate.numerator;
    total.coordinate.denominator += unit_rates.coordinate.denominator;
  }
  return total;
}

bool counts_as_satisfied(std::string_view rating, const Config& config) {
  return rating == "satisfied" || (rating == "basic" && config.basic_counts_as_satisfied);
}

Rate satisfaction(const MonthTotals& totals, const Config& config) {
  return Rate{totals.satisfied + (config.basic_counts_as_satisfied ? totals.basic : 0),
              totals.satisfied + totals.basic + totals.dissatisfied};
}

}  // namespace ent110::report_figures
