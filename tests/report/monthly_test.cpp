// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"

#include <ent110/core/error.hpp>
#include <ent110/report/monthly.hpp>
#include <ent110/report/report_repo.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {

// September 2025 on two units, each case chosen for one rule of the counting table:
//   A consult  FGW  received 09-01, forwarded and answered on time, rated satisfied
//   B coord.   FGW  replied after its due date 09-11, approved 09-16, rated basic
//   C coord.   FGW  forwarded late, never replied: overdue, referred to inspection 09-22
//   D consult  JXW  due 09-26, answered only on 10-09, after the month
//   E consult  JXW  forwarded 09-29, answered 09-30 on its due date
//   F consult  —    not accepted 09-05 as unclear
//   G consult  JXW  received and forwarded 08-29, answered 09-01 (its clocks fall due in Sept.)
struct SeptemberFixture : test::CaseFixture {
  SeptemberFixture() {
    const std::string g = intake(CaseType::consult, "2025-08-29T10:00");
    forward_to(g, "JXW", "2025-08-29T11:00");
    service.reply(g, "已答复", "wang", at("2025-09-01T09:00"));

    const std::string a = intake(CaseType::consult, "2025-09-01T10:00");
    forward_to(a, "FGW", "2025-09-01T11:00");
    service.reply(a, "已答复", "wang", at("2025-09-02T09:00"));
    service.evaluate(a, Rating::satisfied, "", "wang", at("2025-09-03T09:00"));

    const std::string b = intake(CaseType::coordinate, "2025-09-03T10:00");
    forward_to(b, "FGW", "2025-09-04T10:00");
    service.reply(b, "办理结果", "wang", at("2025-09-15T10:00"));
    service.approve(b, std::nullopt, "wang", at("2025-09-16T10:00"));
    service.evaluate(b, Rating::basic, "", "wang", at("2025-09-17T10:00"));

    const std::string c = intake(CaseType::coordinate, "2025-09-10T10:00");
    forward_to(c, "FGW", "2025-09-12T10:00");
    service.escalate(c, EscalationTarget::inspection, "逾期未说明", "wang", at("2025-09-22T10:00"));

    const std::string d = intake(CaseType::consult, "2025-09-25T09:00");
    forward_to(d, "JXW", "2025-09-25T10:00");
    service.reply(d, "迟复", "wang", at("2025-10-09T10:00"));

    const std::string e = intake(CaseType::consult, "2025-09-29T09:00");
    forward_to(e, "JXW", "2025-09-29T10:00");
    service.reply(e, "已答复", "wang", at("2025-09-30T16:00"));

    const std::string f = intake(CaseType::consult, "2025-09-05T09:00");
    service.reject(f, RejectReason::unclear, "请补充", "wang", at("2025-09-05T10:00"));
  }

  void forward_to(const std::string& id, const std::string& unit, const std::string& when) {
    ForwardRequest request;
    request.to_unit = unit;
    service.forward(id, request, "wang", at(when));
  }

  MonthlyReport september(const std::string& now = "2025-10-10T09:00") {
    return compute_monthly(store, calendar, config, date::year{2025} / 9, at(now));
  }

  static const UnitMonth& unit(const MonthlyReport& report, const std::string& code) {
    for (const UnitMonth& u : report.units) {
      if (u.unit.code == code) {
        return u;
      }
    }
    FAIL("no row for " << code);
    return report.units.front();
  }
};

}  // namespace

TEST_CASE_METHOD(SeptemberFixture,
                 "compute_monthly: intake figures count cases received in the month",
                 "[report][monthly]") {
  const MonthlyReport report = september();
  CHECK(report.totals.received == 6);
  CHECK(report.totals.consult == 4);
  CHECK(report.totals.coordinate == 2);
  CHECK(report.totals.hotline == 6);
  CHECK(report.totals.major == 0);
  CHECK(report.totals.rejected_unclear == 1);
  CHECK(report.totals.rejected_unlawful == 0);
  CHECK(report.previous.received == 1);
}

TEST_CASE_METHOD(SeptemberFixture,
                 "compute_monthly: actions count in the month they happened",
                 "[report][monthly]") {
  const MonthlyReport report = september();
  CHECK(report.totals.forwarded == 5);
  // G (answered 09-01), A, B (approved), E; D was answered in October.
  CHECK(report.totals.answered == 4);
  CHECK(unit(report, "FGW").forwarded == 3);
  CHECK(unit(report, "FGW").answered == 2);
  CHECK(unit(report, "JXW").forwarded == 2);
  CHECK(unit(report, "JXW").answered == 2);
  CHECK(unit(report, "FGW").referred == 1);
  CHECK(unit(report, "FGW").returned == Rate{0, 1});
}

TEST_CASE_METHOD(SeptemberFixture,
                 "compute_monthly: on-time rates count clocks due in the month, late answers "
                 "after the month included",
                 "[report][monthly][rate]") {
  const MonthlyReport report = september();
  // Forward clocks due in September: G (due 09-01), A, B, D, E, F met; C forwarded late.
  CHECK(report.current.forward_on_time == Rate{6, 7});
  CHECK(report.current.consult_on_time == Rate{3, 4});
  // All late: B replied after its due date, C never replied.
  CHECK(report.current.coordinate_on_time == Rate{0, 2});
  CHECK(report.current.reply_on_time == Rate{3, 6});
  CHECK(unit(report, "FGW").consult_on_time == Rate{1, 1});
  CHECK(unit(report, "FGW").coordinate_on_time == Rate{0, 2});
  // D was due 09-26 and answered 10-09: late in September, whenever the report is drawn.
  CHECK(unit(report, "JXW").consult_on_time == Rate{2, 3});
  CHECK(unit(september("2025-12-31T09:00"), "JXW").consult_on_time == Rate{2, 3});
}

TEST_CASE_METHOD(SeptemberFixture,
                 "compute_monthly: a unit with no case has no denominator, never 0% or 100%",
                 "[report][monthly][rate]") {
  add_unit(store, Unit{"ZRZY", "市自然资源和规划局", UnitKind::department, "", "", ""},
           Actor{"test", "OFFICE"}, at("2025-01-01"));
  const MonthlyReport report = september();
  const UnitMonth& idle = unit(report, "ZRZY");
  CHECK(idle.forwarded == 0);
  CHECK(idle.consult_on_time == Rate{0, 0});
  CHECK(format_rate(idle.satisfaction) == "—");
  CHECK(report.units.size() == 3);
}

TEST_CASE_METHOD(SeptemberFixture,
                 "compute_monthly: satisfaction follows report.basic_counts_as_satisfied",
                 "[report][monthly]") {
  CHECK(september().current.satisfaction == Rate{2, 2});
  CHECK(unit(september(), "FGW").satisfaction == Rate{2, 2});
  config.basic_counts_as_satisfied = false;
  CHECK(september().current.satisfaction == Rate{1, 2});
  CHECK(unit(september(), "FGW").satisfaction == Rate{1, 2});
}

TEST_CASE_METHOD(SeptemberFixture,
                 "compute_monthly: overdue at month end includes clocks stopped only later",
                 "[report][monthly]") {
  const MonthlyReport report = september();
  REQUIRE(report.overdue.size() == 2);
  CHECK(report.overdue[0].unit == "FGW");
  CHECK(report.overdue[0].due == parse_date("2025-09-19"));
  // 22–26, Sunday 28 (a working day in 2025), 29, 30 September.
  CHECK(report.overdue[0].working_days_late == 8);
  CHECK(report.overdue[1].unit == "JXW");
  CHECK(report.overdue[1].working_days_late == 3);
  CHECK(unit(report, "FGW").overdue == 1);
  REQUIRE(report.referred.size() == 1);
  CHECK(report.referred[0].date == parse_date("2025-09-22"));
  CHECK(report.referred[0].due == parse_date("2025-09-19"));
}

TEST_CASE_METHOD(SeptemberFixture,
                 "compute_monthly: inside the month, clocks not yet due are not counted",
                 "[report][monthly][rate]") {
  // Drawn on 09-20, the figures stand as at the end of 09-19: D and E are not yet due, C fell
  // due that day, B was late.
  const MonthlyReport report = september("2025-09-20T12:00");
  CHECK(report.window.as_of == parse_date("2025-09-19"));
  CHECK(report.current.coordinate_on_time == Rate{0, 2});
  CHECK(unit(report, "JXW").consult_on_time == Rate{1, 1});
  CHECK(unit(report, "JXW").forwarded == 0);
}

TEST_CASE_METHOD(SeptemberFixture,
                 "compute_monthly: six months of trend, oldest first",
                 "[report][monthly]") {
  const MonthlyReport report = september();
  REQUIRE(report.trend.size() == 6);
  CHECK(report.trend.front().month == date::year{2025} / 4);
  CHECK(report.trend.back().month == date::year{2025} / 9);
  CHECK(report.trend[4].received == 1);
  CHECK(report.trend[5].received == 6);
  CHECK(report.trend[0].reply_on_time == Rate{0, 0});
}

TEST_CASE("parse_report_month: YYYY-MM, last and this in the local zone", "[report]") {
  const Zone zone("Asia/Shanghai");
  // 2025-10-31T16:30Z is already 1 November in Shanghai.
  const Instant now = parse_utc("2025-10-31T16:30:00Z");
  CHECK(parse_report_month("this", zone, now) == date::year{2025} / 11);
  CHECK(parse_report_month("last", zone, now) == date::year{2025} / 10);
  CHECK(parse_report_month("2024-12", zone, now) == date::year{2024} / 12);
  CHECK(parse_report_month("last", zone, parse_utc("2025-01-15T00:00:00Z")) ==
        date::year{2024} / 12);
  CHECK_THROWS_AS(parse_report_month("2025-13", zone, now), UsageError);
  CHECK_THROWS_AS(parse_report_month("previous", zone, now), UsageError);
}

TEST_CASE("report_window: local month bounds as UTC instants", "[report]") {
  const Zone zone("Asia/Shanghai");
  const ReportWindow window =
      report_window(date::year{2025} / 9, zone, parse_utc("2025-10-01T00:00:00Z"));
  CHECK(format_utc(window.begin) == "2025-08-31T16:00:00Z");
  CHECK(format_utc(window.end) == "2025-09-30T16:00:00Z");
  CHECK(window.as_of == parse_date("2025-09-30"));
  const ReportWindow inside =
      report_window(date::year{2025} / 9, zone, parse_utc("2025-09-20T04:00:00Z"));
  CHECK(inside.as_of == parse_date("2025-09-19"));
  CHECK(format_utc(inside.end) == "2025-09-19T16:00:00Z");
}

TEST_CASE_METHOD(SeptemberFixture,
                 "clock_rate: a month that is over is counted as the general rule counts it",
                 "[report][monthly][rate]") {
  // A reply clock paused by an explanation before its due date, and one paused only after it.
  const std::string early = intake(CaseType::coordinate, "2025-09-15T09:00");
  forward_to(early, "JXW", "2025-09-15T10:00");
  service.explain(early, "需市政府研究", "建议报市政府", "wang", at("2025-09-16T10:00"));
  const std::string late = intake(CaseType::coordinate, "2025-09-01T09:00");
  forward_to(late, "JXW", "2025-09-01T10:00");
  service.explain(late, "需多部门协调", "建议联席会议", "wang", at("2025-10-09T10:00"));

  // 1 October is a holiday, so no clock is due on it: the window to 1 October, judged at the end
  // of 30 September, takes the general rule over the same clocks the month takes the shortcut.
  const LocalDate first = parse_date("2025-09-01");
  const LocalDate last = parse_date("2025-09-30");
  const LocalDate holiday = parse_date("2025-10-01");
  store.read([&] {
    for (const char* clock : {"forward", "reply", "explain", "review"}) {
      INFO(clock);
      CHECK(report_repo::clock_rate(store, clock, first, last, last) ==
            report_repo::clock_rate(store, clock, first, holiday, last));
    }
    const auto month = report_repo::reply_rates_by_type(store, first, last, last);
    const auto general = report_repo::reply_rates_by_type(store, first, holiday, last);
    REQUIRE(month.size() == general.size());
    for (const auto& [code, rates] : month) {
      INFO(code);
      CHECK(rates.consult == general.at(code).consult);
      CHECK(rates.coordinate == general.at(code).coordinate);
    }
  });
}

TEST_CASE(
    "compute_monthly: issue 10, an explanation after the explain limit counts as late, per "
    "unit and in the totals",
    "[report][monthly][regression]") {
  test::CaseFixture f;
  auto forward_coordinate = [&](const std::string& received, const std::string& forwarded) {
    const std::string id = f.intake(CaseType::coordinate, received);
    f.forward(id, forwarded);
    return id;
  };
  // Forwarded Monday 09-01: explain due 09-04, reply due 09-08.
  const std::string late = forward_coordinate("2025-09-01T09:00", "2025-09-01T10:00");
  f.service.explain(late, "涉及多部门", "提请联席会议", "wang", f.at("2025-09-05T10:00"));
  const std::string in_time = forward_coordinate("2025-09-01T09:30", "2025-09-01T10:30");
  f.service.explain(in_time, "需市政府研究", "报市政府", "wang", f.at("2025-09-03T10:00"));

  const MonthlyReport report = compute_monthly(f.store, f.calendar, f.config, date::year{2025} / 9,
                                               f.at("2025-10-10T09:00"));
  CHECK(report.totals.explained == 2);
  CHECK(report.totals.explained_late == 1);
  const auto fgw = std::find_if(report.units.begin(), report.units.end(),
                                [](const UnitMonth& u) { return u.unit.code == "FGW"; });
  REQUIRE(fgw != report.units.end());
  CHECK(fgw->explained == 2);
  CHECK(fgw->explained_late == 1);
  // Drawn inside the month before the late explanation, nothing is late yet.
  const MonthlyReport early = compute_monthly(f.store, f.calendar, f.config, date::year{2025} / 9,
                                              f.at("2025-09-05T09:00"));
  CHECK(early.totals.explained_late == 0);

  const ReportDocument document =
      monthly_document(report, f.config, Lang::en, LocalDate{date::year{2025} / 10 / 10});
  const ReportSection& units = document.sections.at(1);
  REQUIRE(units.table);
  const auto column = std::find_if(units.table->columns.begin(), units.table->columns.end(),
                                   [](const ReportColumn& c) { return c.key == "explained_late"; });
  REQUIRE(column != units.table->columns.end());
  const std::size_t index = static_cast<std::size_t>(column - units.table->columns.begin());
  CHECK(std::get<std::int64_t>(units.table->rows.front()[index]) == 1);
  CHECK(std::any_of(document.definitions.begin(), document.definitions.end(),
                    [](const ReportDefinition& d) { return d.term == "explained late"; }));
}

TEST_CASE(
    "compute_monthly: a referral withdrawn by a late entry counts as on time and shows "
    "its entry lag, co-units' assist clocks are rated",
    "[report]") {
  test::CaseFixture f;
  // A consult forwarded Monday 3 November, due Tuesday 4, referred on Wednesday 5; the
  // telephone answer of the 4th is entered on Friday 7.
  const std::string id = f.intake(CaseType::consult, "2025-11-03T09:00");
  ForwardRequest request;
  request.to_unit = "FGW";
  request.with_units = {"JXW"};
  f.service.forward(id, request, "wang", f.at("2025-11-03T10:00"));
  f.service.escalate(id, EscalationTarget::inspection, "", "wang", f.at("2025-11-05T08:30"));
  f.service.reply(id, "已电话答复", "wang", f.at("2025-11-04T17:00"));
  Event recorded = f.service.get(id).events.back();
  REQUIRE(recorded.action == Action::withdraw);
  REQUIRE(recorded.recorded_at.has_value());

  const MonthlyReport report = compute_monthly(
      f.store, f.calendar, f.config, date::year{2025} / date::November, f.at("2025-12-01T09:00"));
  CHECK(report.referred.empty());
  REQUIRE(report.withdrawn.size() == 1);
  const WithdrawnReferral& w = report.withdrawn.front();
  CHECK(w.id == id);
  CHECK(w.unit == "FGW");
  CHECK(w.referred_on == parse_date("2025-11-05"));
  CHECK(w.answered_on == parse_date("2025-11-04"));
  // Recorded by the wall clock, so the lag is counted up to today, whatever today is.
  CHECK(w.recorded_on == f.zone.local_date(*recorded.recorded_at));
  CHECK(w.entry_lag == f.calendar.working_days_between(parse_date("2025-11-04"), *w.recorded_on));
  const auto unit = [&](const std::string& code) {
    for (const UnitMonth& u : report.units) {
      if (u.unit.code == code) {
        return u;
      }
    }
    FAIL("no unit " << code);
    return UnitMonth{};
  };
  CHECK(unit("FGW").referred == 0);
  CHECK(unit("FGW").consult_on_time.numerator == 1);
  CHECK(unit("FGW").consult_on_time.denominator == 1);
  // JXW's assist clock (due the 4th with the lead's reply) ended with the lead's reply, still in
  // time: cancelled, so not counted.
  CHECK(unit("JXW").assist_on_time.denominator == 0);
}
