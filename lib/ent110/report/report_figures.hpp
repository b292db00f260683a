// SPDX-License-Identifier: MIT
// The counting shared by the monthly and annual figures over the rows of report_repo (internal to
// lib/ent110/report).
#pragma once

#include <ent110/config/config.hpp>
#include <ent110/report/monthly.hpp>
#include <ent110/report/report_repo.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {
class Store;
}  // namespace ent110

namespace ent110::report_figures {

/// The member units' rows by code, pointing into `units`.
using UnitIndex = std::map<std::string, UnitMonth*>;

/// `units` indexed by code; the pointers stay valid while `units` is not resized.
UnitIndex index_units(std::vector<UnitMonth>& units);

/// An empty row for every member unit (department … zone), in unit list order (Art. 13).
std::vector<UnitMonth> member_unit_rows(Store& store);

/// Adds what the window's events say (report_repo::event_counts): forwards (by target unit),
/// rejections (by reason), answers published (Art. 6), explanations, disputes, referrals to
/// inspection, reviews and ratings of each unit, and the totals of forwards, rejections, answers
/// and explanations.
void add_event_figures(const report_repo::EventCounts& counts,
                       const Config& config,
                       const UnitIndex& by_unit,
                       MonthTotals& totals);

/// Sets each unit's consult and coordinate reply on-time rates from `rates`.
void set_reply_rates(const std::map<std::string, report_repo::ClockRates>& rates,
                     const UnitIndex& by_unit);

/// The sum of `rates` over all units.
report_repo::ClockRates total_rates(const std::map<std::string, report_repo::ClockRates>& rates);

/// Whether `rating` ("satisfied", "basic", "dissatisfied") counts as satisfied under `config`.
bool counts_as_satisfied(std::string_view rating, const Config& config);

/// The satisfaction rate of the ratings counted in `totals` under `config`.
Rate satisfaction(const MonthTotals& totals, const Config& config);

}  // namespace ent110::report_figures
