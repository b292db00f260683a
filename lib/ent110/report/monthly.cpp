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
#include <ent110/report/monthly.hpp>
#include <ent110/report/report_repo.hpp>
#include <ent110/store/dialect.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>
#include <map>

namespace ent110 {
namespace {

using report_repo::bind_window;

void add_intake(Store& store, const ReportWindow& window, MonthTotals& totals) {
  const std::string month = format_month(window.month);
  Statement types(store,
                  "SELECT type, count(*) FROM case_file WHERE received_month = ? "
                  "GROUP BY type");
  types.bind(1, month);
  while (types.step()) {
    (types.text(0) == "consult" ? totals.consult : totals.coordinate) = types.int64(1);
  }
  totals.received = totals.consult + totals.coordinate;
  Statement channels(store,
                     "SELECT channel, count(*) FROM case_file WHERE received_month = ? "
                     "GROUP BY channel");
  channels.bind(1, month);
  while (channels.step()) {
    const std::string channel = channels.text(0);
    const std::int64_t n = channels.int64(1);
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
  Statement major(store, "SELECT count(*) FROM case_file " +
                             dialect::indexed_by(store.engine(), "case_major") +
                             " WHERE received_month = ? AND major = 1");
  major.bind(1, month);
  major.step();
  totals.major = major.int64(0);
}

void add_rating_totals(Store& store, const ReportWindow& window, MonthTotals& totals) {
  Statement ratings(store,
                    "SELECT detail, count(*) FROM case_event "
                    "WHERE action = 'evaluate' AND at >= ? AND at < ? GROUP BY detail");
  bind_window(ratings, window);
  while (ratings.step()) {
    const std::string rating = ratings.text(0);
    const std::int64_t n = ratings.int64(1);
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
  Statement received(store, "SELECT count(*) FROM case_file WHERE received_month = ?");
  received.bind(1, format_month(window.month));
  received.step();
  month.received = received.int64(0);

  month.forward_on_time =
      report_repo::clock_rate(store, "forward", window.first, window.last, window.as_of);
  if (by_type != nullptr) {
    const report_repo::ClockRates total = report_repo::total_rates(*by_type);
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
  month.satisfaction = report_repo::satisfaction(ratings, config);
  return month;
}

// Art. 7: an explanation filed after the explain clock's due date stops that clock as missed (and
// still pauses the reply clock when it comes before the reply due date). It counts in the month
// it was filed, as "explained" does, so late explanations are a part of the explanations.
void add_late_explanations(Store& store,
                           const ReportWindow& window,
                           const report_repo::UnitIndex& by_unit,
                           MonthTotals& totals) {
  // "outcome <> 'met'" restates the partial index's condition, which SQLite only matches
  // literally; without the index it would read every explain clock ever stopped.
  Statement query(store, "SELECT unit, count(*) FROM case_clock " +
                             dialect::indexed_by(store.engine(), "case_clock_late_by_stopped") +
                             " WHERE name = 'explain' AND stopped BETWEEN ? AND ? "
                             "AND outcome <> 'met' AND outcome = 'missed' GROUP BY unit");
  query.bind(1, format_date(window.first));
  query.bind(2, format_date(window.as_of));
  while (query.step()) {
    const std::int64_t n = query.int64(1);
    totals.explained_late += n;
    if (auto found = by_unit.find(query.text(0)); found != by_unit.end()) {
      found->second->explained_late += n;
    }
  }
}

std::vector<ReportCase> overdue_cases(Store& store,
                                      const WorkingCalendar& calendar,
                                      const ReportWindow& window,
                                      const report_repo::UnitIndex& by_unit) {
  // Open at the end of as_of: still running, or stopped only later (a past month's end), which
  // a clock met by its due date never is. Two queries, each on its own partial index (schema
  // 003, 005), named because without statistics SQLite would rather scan every reply clock ever
  // due through case_clock_by_due.
  Statement query(store,
                  "SELECT k.case_id, k.unit, k.name, k.due, c.title "
                  "FROM case_clock k " +
                      dialect::indexed_by(store.engine(), "case_clock_running_by_due") +
                      " JOIN case_file c ON c.id = k.case_id "
                      "WHERE k.outcome = 'running' AND k.name IN ('reply', 'resubmit') "
                      "AND k.due <= ?1 "
                      "UNION ALL "
                      "SELECT k.case_id, k.unit, k.name, k.due, c.title "
                      "FROM case_clock k " +
                      dialect::indexed_by(store.engine(), "case_clock_late_by_stopped") +
                      " JOIN case_file c ON c.id = k.case_id "
                      "WHERE k.name IN ('reply', 'resubmit') AND k.stopped > ?1 "
                      "AND k.outcome <> 'met' AND k.due <= ?1 "
                      "ORDER BY 4, 1");
  query.bind(1, format_date(window.as_of));
  std::vector<ReportCase> cases;
  while (query.step()) {
    const std::string unit = query.text(1);
    const auto found = by_unit.find(unit);
    if (found == by_unit.end()) {
      continue;
    }
    ReportCase c;
    c.id = query.text(0);
    c.unit = unit;
    c.unit_name = found->second->unit.name;
    c.clock = query.text(2);
    c.due = parse_date(query.text(3));
    c.date = c.due;
    c.title = query.text(4);
    c.working_days_late = calendar.working_days_between(c.due, window.as_of);
    ++found->second->overdue;
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<ReportCase> referred_cases(Store& store,
                                       const Zone& zone,
                                       const ReportWindow& window,
                                       const report_repo::UnitIndex& by_unit) {
  // One referral marks one clock; should two clocks share its instant, the first is taken, as
  // SQLite did by itself (PostgreSQL refuses a scalar subquery that returns two rows).
  Statement query(store,
                  "SELECT e.case_id, e.detail, e.at, c.title, "
                  "(SELECT k.due FROM case_clock k WHERE k.case_id = e.case_id "
                  " AND k.referred_at = e.at ORDER BY k.id LIMIT 1) "
                  "FROM case_event e JOIN case_file c ON c.id = e.case_id "
                  "WHERE e.action = 'escalate-inspection' AND e.at >= ? AND e.at < ? "
                  "AND " +
                      std::string(report_repo::k_referral_stands) + " ORDER BY e.at, e.case_id");
  bind_window(query, window);
  std::vector<ReportCase> cases;
  while (query.step()) {
    ReportCase c;
    c.id = query.text(0);
    c.unit = query.text(1);
    const auto found = by_unit.find(c.unit);
    c.unit_name = found != by_unit.end() ? found->second->unit.name : c.unit;
    c.date = zone.local_date(parse_utc(query.text(2)));
    c.title = query.text(3);
    c.clock = "reply";
    c.due = query.is_null(4) ? c.date : parse_date(query.text(4));
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<WithdrawnReferral> withdrawn_referrals(Store& store,
                                                   const WorkingCalendar& calendar,
                                                   const Zone& zone,
                                                   const ReportWindow& window,
                                                   const report_repo::UnitIndex& by_unit) {
  Statement query(
      store,
      "SELECT w.case_id, r.detail, r.at, w.recorded_at, c.title, "
      "(SELECT k.stopped FROM case_clock k WHERE k.case_id = w.case_id AND k.name = 'reply' "
      " AND k.started_at <= r.at ORDER BY k.id DESC LIMIT 1) "
      "FROM case_event w JOIN case_event r ON r.case_id = w.case_id "
      "AND r.case_seq = CAST(w.detail AS INTEGER) JOIN case_file c ON c.id = w.case_id "
      "WHERE w.action = 'withdraw' AND w.at >= ? AND w.at < ? ORDER BY w.at, w.case_id");
  bind_window(query, window);
  std::vector<WithdrawnReferral> withdrawn;
  while (query.step()) {
    WithdrawnReferral w;
    w.id = query.text(0);
    w.unit = query.text(1);
    const auto found = by_unit.find(w.unit);
    w.unit_name = found != by_unit.end() ? found->second->unit.name : w.unit;
    w.referred_on = zone.local_date(parse_utc(query.text(2)));
    if (!query.is_null(3)) {
      w.recorded_on = zone.local_date(parse_utc(query.text(3)));
    }
    w.title = query.text(4);
    if (!query.is_null(5)) {
      w.answered_on = parse_date(query.text(5));
    }
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
    report.units = report_repo::member_unit_rows(store);
    const report_repo::UnitIndex by_unit = report_repo::index_units(report.units);
    add_intake(store, report.window, report.totals);
    add_rating_totals(store, report.window, report.totals);
    report_repo::add_event_figures(store, report.window, config, by_unit, report.totals);
    add_late_explanations(store, report.window, by_unit, report.totals);
    const ReportWindow& window = report.window;
    const auto current_rates =
        report_repo::reply_rates_by_type(store, window.first, window.last, window.as_of);
    report_repo::set_reply_rates(current_rates, by_unit);
    for (const auto& [unit, rate] : report_repo::clock_rates_by_unit(store, "assist", window.first,
                                                                     window.last, window.as_of)) {
      if (auto found = by_unit.find(unit); found != by_unit.end()) {
        found->second->assist_on_time = rate;
      }
    }
    report.withdrawn = withdrawn_referrals(store, calendar, zone, window, by_unit);
    report.overdue = overdue_cases(store, calendar, window, by_unit);
    report.referred = referred_cases(store, zone, window, by_unit);

    report.current = headline(store, window, config, &current_rates);
    const ReportWindow previous = report_window(month - date::months{1}, zone, now);
    const auto previous_rates =
        report_repo::reply_rates_by_type(store, previous.first, previous.last, previous.as_of);
    report.previous = headline(store, previous, config, &previous_rates);
    for (int back = 5; back >= 0; --back) {
      const date::year_month trend_month = month - date::months{back};
      report.trend.push_back(
          back == 0 ? report.current
                    : (back == 1 ? report.previous
                                 : headline(store, report_window(trend_month, zone, now), config,
                                            nullptr)));
    }
  });
  report.anchor = ledger_head(store);
  return report;
}

}  // namespace ent110
