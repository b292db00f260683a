// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/report/coverage.hpp>
#include <ent110/report/document.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Store;
class WorkingCalendar;

/// The days and instants a monthly figure is counted over: which cases count in which month is
/// decided here and nowhere else (the table in ent110-report(1)).
struct ReportWindow {
  date::year_month month;
  LocalDate first;  ///< first local day of the month
  LocalDate last;   ///< last local day of the month
  Instant begin;    ///< the instant the first day begins (local midnight)
  Instant end;      ///< the instant the day after the last begins (exclusive)
  LocalDate as_of;  ///< the last day, or the day of "now" when the report runs inside the month
};

/// The month named by `text` at `now` in `zone`: "YYYY-MM", "last" (the month before now's) or
/// "this" (now's); throws UsageError(report_bad_month).
date::year_month parse_report_month(std::string_view text, const Zone& zone, Instant now);

/// The window of `month` in `zone` as seen at `now`.
ReportWindow report_window(date::year_month month, const Zone& zone, Instant now);

/// The headline figures of one month, for the comparison with the previous month and the trend.
struct MonthHeadline {
  date::year_month month;
  std::int64_t received = 0;
  Rate forward_on_time;     ///< the office's own forward clocks due in the month (Art. 7)
  Rate reply_on_time;       ///< the units' reply clocks due in the month
  Rate consult_on_time;     ///< of those, consult cases' (this and the previous month only)
  Rate coordinate_on_time;  ///< of those, coordinate cases' (this and the previous month only)
  Rate satisfaction;        ///< ratings recorded in the month
};

/// A month's totals over all cases (Art. 10).
struct MonthTotals {
  std::int64_t received = 0;
  std::int64_t rejected_unlawful = 0;  ///< rejected in the month as unlawful (Art. 6)
  std::int64_t rejected_unclear = 0;   ///< rejected in the month as unclear (Art. 6)
  std::int64_t forwarded = 0;          ///< forward actions in the month
  std::int64_t answered = 0;           ///< answers published in the month
  std::int64_t explained = 0;          ///< explanations filed in the month (Art. 7)
  std::int64_t explained_late = 0;     ///< of those, filed after the explain clock's due date
  std::int64_t consult = 0;            ///< received in the month, by type (Art. 6)
  std::int64_t coordinate = 0;
  std::int64_t major = 0;  ///< received in the month flagged major (Art. 8)
  /// Received in the month and merged into another case (并单): answered with it, never late.
  std::int64_t merged = 0;
  std::int64_t web = 0;  ///< received in the month, by channel (Art. 4)
  std::int64_t hotline = 0;
  std::int64_t visit = 0;
  std::int64_t other = 0;
  std::int64_t satisfied = 0;  ///< ratings recorded in the month (Art. 9)
  std::int64_t basic = 0;
  std::int64_t dissatisfied = 0;
};

/// One member unit's month; every member unit has one, with or without cases (Art. 13).
struct UnitMonth {
  Unit unit;
  std::int64_t forwarded = 0;       ///< forward actions to the unit in the month
  std::int64_t answered = 0;        ///< the unit's answers published in the month
  Rate consult_on_time;             ///< its consult reply clocks due in the month
  Rate coordinate_on_time;          ///< its coordinate reply clocks due in the month
  std::int64_t overdue = 0;         ///< its reply and resubmit clocks still open past due at as_of
  std::int64_t explained = 0;       ///< explanations it filed in the month (Art. 7)
  std::int64_t explained_late = 0;  ///< of those, filed after the 3-working-day explain limit
  std::int64_t referred = 0;        ///< its cases referred to inspection in the month (Art. 7)
  Rate returned;                    ///< its results returned in review of all reviewed in the month
  std::int64_t disputed = 0;        ///< disputes it filed in the month (Art. 2)
  Rate assist_on_time;              ///< its assist clocks (as a co-unit, 协办) due in the month
  Rate satisfaction;                ///< of the ratings of its answers recorded in the month
};

/// A case named in a report section (inspection referrals, overdue cases, agenda items).
struct ReportCase {
  std::string id;
  std::string unit;  ///< the unit code concerned
  std::string unit_name;
  std::string title;
  std::string clock;  ///< the clock concerned, e.g. "reply"
  LocalDate date;     ///< when it happened (referral) or when it was due (overdue)
  LocalDate due;
  int working_days_late = 0;  ///< working days after due up to as_of
};

/// A referral to inspection withdrawn in the month: a fact recorded late (or a calendar change)
/// showed the unit was not late without explanation; the reports count the case as the corrected
/// record says and show how late the fact was entered.
struct WithdrawnReferral {
  std::string id;
  std::string unit;
  std::string unit_name;
  std::string title;
  LocalDate referred_on;
  std::optional<LocalDate> answered_on;  ///< when the reply clock stopped, if it has
  std::optional<LocalDate> recorded_on;  ///< when the withdrawal was recorded
  std::optional<int> entry_lag;          ///< working days from answered_on to recorded_on
};

/// Everything the monthly report (通报, Art. 10) shows, computed by SQL aggregation.
struct MonthlyReport {
  ReportWindow window;
  bool basic_counts_as_satisfied = true;
  MonthTotals totals;
  MonthHeadline current;
  MonthHeadline previous;
  std::vector<UnitMonth> units;      ///< every member unit, in unit list order
  std::vector<ReportCase> referred;  ///< referred to inspection in the month, still standing
  std::vector<WithdrawnReferral> withdrawn;  ///< referrals withdrawn in the month
  std::vector<ReportCase> overdue;           ///< clocks of units open past due at as_of
  std::vector<MonthHeadline> trend;          ///< the six months up to and including this one
  CoverageReport coverage;  ///< Art. 3, on the month's last day (today inside the month)
  std::string anchor;       ///< the ledger's head digest when drawn (audit/ledger.hpp)
};

/// Computes the report of `month` as seen at `now` with GROUP BY queries over indexed columns;
/// memory grows with the number of units and listed cases, never with the number of cases.
MonthlyReport compute_monthly(Store& store,
                              const WorkingCalendar& calendar,
                              const Config& config,
                              date::year_month month,
                              Instant now);

/// The monthly report as a document in `lang`, headed with the configured title, issuer,
/// recipients and copies, issued on `issued`.
ReportDocument monthly_document(const MonthlyReport& report,
                                const Config& config,
                                Lang lang,
                                LocalDate issued);

}  // namespace ent110
