// SPDX-License-Identifier: MIT
// The monthly report's figures. Which cases count in which month is decided here, once:
//   intake (received, type, channel, major)  case_file.received_month = the month
//   actions (reject, forward, answer, …)     the event's instant lies in the month (local)
//   on-time rates                            the clock's due date lies in the month
//   satisfaction                             the evaluate event lies in the month
//   late explanations                        the missed explain clock stopped in the month
//   overdue                                  a unit clock still open at the end of its due date
// Everything stands as at the end of as_of: the month's last day, or yesterday inside it.
// Every query is a GROUP BY over a covering index (schema/004_reports.sql), so the work grows
// with one month's activity, never with the number of cases stored.
#include <ent110/audit/ledger.hpp>
#include <ent110/calendar/calendar.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/progress.hpp>
#include <ent110/report/monthly.hpp>
#include <ent110/report/report_figures.hpp>
#include <ent110/report/report_repo.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>
#include <map>

namespace ent110 {
namespace {

void add_intake(Store& store, const ReportWindow& window, MonthTotals& totals) {
  for (const auto& [type, n] : report_repo::received_by_type(store, window.month)) {
    (type == "consult" ? totals.consult : totals.coordinate) = n;
  }
  totals.received = totals.consult + totals.coordinate;
  for (const auto& [channel, n] : report_repo::received_by_channel(store, window.month)) {
    if (channel == "web") {
      totals.web = n;
    } else if (channel == "hotline") {
      totals.hotline = n;
    } else if (channel == "visit") {
      totals.visit = n;
    } else {
      totals.other = n;
    }
  }
  totals.major = report_repo::major_received(store, window.month);
  totals.merged = report_repo::merged_received(store, window.month);
}

void add_rating_totals(Store& store, const ReportWindow& window, MonthTotals& totals) {
  for (const auto& [rating, n] : report_repo::ratings_by_rating(store, window)) {
    (rating == "satisfied" ? totals.satisfied
                           : (rating == "basic" ? totals.basic : totals.dissatisfied)) += n;
  }
}

// The headline figures of a month; `by_type`, the reply rates by unit and type, adds the
// consult/coordinate split, which needs each clock's case and is left out of the older months.
MonthHeadline headline(Store& store,
                       const ReportWindow& window,
                       const Config& config,
                       const std::map<std::string, report_repo::ClockRates>* by_type) {
  MonthHeadline month;
  month.month = window.month;
  month.received = report_repo::cases_received(store, window.month);

  month.forward_on_time =
      report_repo::clock_rate(store, "forward", window.first, window.last, window.as_of);
  if (by_type != nullptr) {
    const report_repo::ClockRates total = report_figures::total_rates(*by_type);
    month.consult_on_time = total.consult;
    month.coordinate_on_time = total.coordinate;
    month.reply_on_time = Rate{total.consult.numerator + total.coordinate.numerator,
                               total.consult.denominator + total.coordinate.denominator};
  } else {
    month.reply_on_time =
        report_repo::clock_rate(store, "reply", window.first, window.last, window.as_of);
  }

  MonthTotals ratings;
  add_rating_totals(store, window, ratings);
  month.satisfaction = report_figures::satisfaction(ratings, config);
  return month;
}

// Art. 7: an explanation filed after the explain clock's due date stops that clock as missed (and
// still pauses the reply clock when it comes before the reply due date). It counts in the month
// it was filed, as "explained" does, so late explanations are a part of the explanations.
void add_late_explanations(Store& store,
                           const ReportWindow& window,
                           const report_figures::UnitIndex& by_unit,
                           MonthTotals& totals) {
  for (const auto& [unit, n] :
       report_repo::late_explanations_by_unit(store, window.first, window.as_of)) {
    totals.explained_late += n;
    if (auto found = by_unit.find(unit); found != by_unit.end()) {
      found->second->explained_late += n;
    }
  }
}

std::vector<ReportCase> overdue_cases(Store& store,
                                      const WorkingCalendar& calendar,
                                      const ReportWindow& window,
                                      const report_figures::UnitIndex& by_unit) {
  std::vector<ReportCase> cases;
  for (report_repo::OverdueClock& clock : report_repo::overdue_clocks(store, window.as_of)) {
    const auto found = by_unit.find(clock.unit);
    if (found == by_unit.end()) {
      continue;
    }
    ReportCase c;
    c.id = std::move(clock.case_id);
    c.unit = std::move(clock.unit);
    c.unit_name = found->second->unit.name;
    c.clock = std::move(clock.clock);
    c.due = clock.due;
    c.date = c.due;
    c.title = std::move(clock.title);
    c.working_days_late = calendar.working_days_between(c.due, window.as_of);
    ++found->second->overdue;
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<ReportCase> referred_cases(Store& store,
                                       const Zone& zone,
                                       const ReportWindow& window,
                                       const report_figures::UnitIndex& by_unit) {
  std::vector<ReportCase> cases;
  for (report_repo::MarkedReferral& referral : report_repo::marked_referrals(store, window)) {
    ReportCase c;
    c.id = std::move(referral.case_id);
    c.unit = std::move(referral.unit);
    const auto found = by_unit.find(c.unit);
    c.unit_name = found != by_unit.end() ? found->second->unit.name : c.unit;
    c.date = zone.local_date(referral.at);
    c.title = std::move(referral.title);
    c.clock = "reply";
    c.due = referral.clock_due.value_or(c.date);
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<WithdrawnReferral> withdrawn_referrals(Store& store,
                                                   const WorkingCalendar& calendar,
                                                   const Zone& zone,
                                                   const ReportWindow& window,
                                                   const report_figures::UnitIndex& by_unit) {
  std::vector<WithdrawnReferral> withdrawn;
  for (report_repo::Withdrawal& withdrawal : report_repo::withdrawals(store, window)) {
    WithdrawnReferral w;
    w.id = std::move(withdrawal.case_id);
    w.unit = std::move(withdrawal.unit);
    const auto found = by_unit.find(w.unit);
    w.unit_name = found != by_unit.end() ? found->second->unit.name : w.unit;
    w.referred_on = zone.local_date(withdrawal.referred_at);
    if (withdrawal.recorded_at) {
      w.recorded_on = zone.local_date(*withdrawal.recorded_at);
    }
    w.title = std::move(withdrawal.title);
    w.answered_on = withdrawal.reply_stopped;
    if (w.answered_on && w.recorded_on && *w.answered_on <= *w.recorded_on) {
      w.entry_lag = calendar.working_days_between(*w.answered_on, *w.recorded_on);
    }
    withdrawn.push_back(std::move(w));
  }
  return withdrawn;
}

}  // namespace

date::year_month parse_report_month(std::string_view text, const Zone& zone, Instant now) {
  const date::year_month current{date::year_month_day{zone.local_date(now)}.year(),
                                 date::year_month_day{zone.local_date(now)}.month()};
  if (text == "this") {
    return current;
  }
  if (text == "last") {
    return current - date::months{1};
  }
  try {
    return parse_month(text);
  } catch (const UsageError&) {
    throw UsageError(MessageId::report_bad_month, {std::string(text)});
  }
}

ReportWindow report_window(date::year_month month, const Zone& zone, Instant now) {
  ReportWindow window;
  window.month = month;
  window.first = LocalDate{month / 1};
  window.last = LocalDate{month / date::last};
  window.begin = zone.start_of(window.first);
  // A day counts once it is over: figures drawn inside the month stand as at yesterday's end.
  window.as_of =
      std::clamp(zone.local_date(now) - date::days{1}, window.first - date::days{1}, window.last);
  window.end = zone.start_of(window.as_of + date::days{1});
  return window;
}

MonthlyReport compute_monthly(Store& store,
                              const WorkingCalendar& calendar,
                              const Config& config,
                              date::year_month month,
                              Instant now) {
  const Zone zone(config.time_zone);
  MonthlyReport report;
  report.window = report_window(month, zone, now);
  report.basic_counts_as_satisfied = config.basic_counts_as_satisfied;
  store.read([&] {
    // The report is a few dozen aggregate queries, no scan of its own: progress counts its parts.
    constexpr std::uint64_t k_parts = 5;
    ProgressTask progress(ProgressWork::report, k_parts);
    progress.update(0);
    report.units = report_figures::member_unit_rows(store);
    const report_figures::UnitIndex by_unit = report_figures::index_units(report.units);
    add_intake(store, report.window, report.totals);
    add_rating_totals(store, report.window, report.totals);
    report_figures::add_event_figures(
        report_repo::event_counts(store, report.window, config.office_unit), config, by_unit,
        report.totals);
    add_late_explanations(store, report.window, by_unit, report.totals);
    const ReportWindow& window = report.window;
    const auto current_rates =
        report_repo::reply_rates_by_type(store, window.first, window.last, window.as_of);
    report_figures::set_reply_rates(current_rates, by_unit);
    progress.update(1);
    for (const auto& [unit, rate] : report_repo::clock_rates_by_unit(store, "assist", window.first,
                                                                     window.last, window.as_of)) {
      if (auto found = by_unit.find(unit); found != by_unit.end()) {
        found->second->assist_on_time = rate;
      }
    }
    report.withdrawn = withdrawn_referrals(store, calendar, zone, window, by_unit);
    report.overdue = overdue_cases(store, calendar, window, by_unit);
    report.referred = referred_cases(store, zone, window, by_unit);
    progress.update(2);

    report.current = headline(store, window, config, &current_rates);
    const ReportWindow previous = report_window(month - date::months{1}, zone, now);
    const auto previous_rates =
        report_repo::reply_rates_by_type(store, previous.first, previous.last, previous.as_of);
    report.previous = headline(store, previous, config, &previous_rates);
    progress.update(3);
    for (int back = 5; back >= 0; --back) {
      const date::year_month trend_month = month - date::months{back};
      report.trend.push_back(
          back == 0 ? report.current
                    : (back == 1 ? report.previous
                                 : headline(store, report_window(trend_month, zone, now), config,
                                            nullptr)));
    }
    progress.update(4);
    report.coverage =
        compute_coverage(store, zone, coverage_day(month, zone, now), CaseComparison::left_out);
  });
  report.anchor = ledger_head(store);
  return report;
}

}  // namespace ent110
