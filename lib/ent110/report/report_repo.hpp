// SPDX-License-Identifier: MIT
// SQL pieces shared by the monthly and annual figures (internal to lib/ent110/report).
#pragma once

#include <ent110/config/config.hpp>
#include <ent110/report/monthly.hpp>

#include <map>
#include <string>
#include <string_view>

namespace ent110 {
class Statement;
class Store;
}  // namespace ent110

namespace ent110::report_repo {

/// Binds the window's [begin, end) as UTC text at parameters `first` and `first` + 1.
void bind_window(Statement& statement, const ReportWindow& window, int first = 1);

/// SQL condition on a referral event aliased `e`: no later `withdraw` event names it (a fact
/// recorded late, or a calendar change, proved it wrong), so it stands.
inline constexpr std::string_view k_referral_stands =
    "NOT EXISTS (SELECT 1 FROM case_event w WHERE w.case_id = e.case_id AND w.action = "
    "'withdraw' AND w.detail = CAST(e.case_seq AS TEXT))";

/// Reply on-time rates of one unit, split by the case's type.
struct ClockRates {
  Rate consult;
  Rate coordinate;
};

/// The on-time rate of clocks `name` due from `first` to `last` (inclusive) as they stood at the
/// end of day `as_of`: on time when met by then; late when missed by then or still running at
/// the end of its due date; not counted when not yet due, or paused or cancelled (an explanation
/// or a dispute stopped it, or the case left the unit), whenever that happened.
Rate clock_rate(
    Store& store, std::string_view name, LocalDate first, LocalDate last, LocalDate as_of);

/// clock_rate of the clocks `name`, per owing unit.
std::map<std::string, Rate> clock_rates_by_unit(
    Store& store, std::string_view name, LocalDate first, LocalDate last, LocalDate as_of);

/// clock_rate of the reply clocks, per owing unit and case type.
std::map<std::string, ClockRates> reply_rates_by_type(Store& store,
                                                      LocalDate first,
                                                      LocalDate last,
                                                      LocalDate as_of);

/// The member units' rows by code, pointing into `units`.
using UnitIndex = std::map<std::string, UnitMonth*>;

/// `units` indexed by code; the pointers stay valid while `units` is not resized.
UnitIndex index_units(std::vector<UnitMonth>& units);

/// An empty row for every member unit (department … zone), in unit list order (Art. 13).
std::vector<UnitMonth> member_unit_rows(Store& store);

/// Adds what the window's events say: forwards (by target unit), rejections (by reason), answers
/// published (Art. 6), explanations, disputes, referrals to inspection, reviews and ratings of
/// each unit, and the totals of forwards, rejections and answers. One GROUP BY per action.
void add_event_figures(Store& store,
                       const ReportWindow& window,
                       const Config& config,
                       const UnitIndex& by_unit,
                       MonthTotals& totals);

/// Sets each unit's consult and coordinate reply on-time rates from `rates`.
void set_reply_rates(const std::map<std::string, ClockRates>& rates, const UnitIndex& by_unit);

/// The sum of `rates` over all units.
ClockRates total_rates(const std::map<std::string, ClockRates>& rates);

/// Whether `rating` ("satisfied", "basic", "dissatisfied") counts as satisfied under `config`.
bool counts_as_satisfied(std::string_view rating, const Config& config);

/// The satisfaction rate of the ratings counted in `totals` under `config`.
Rate satisfaction(const MonthTotals& totals, const Config& config);

}  // namespace ent110::report_repo
