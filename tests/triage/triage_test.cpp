// SPDX-License-Identifier: MIT
// compute_triage and apply_triage around the 2025 National Day holiday: 1–8 October off,
// Sunday 28 September and Saturday 11 October working (调休).
#include "support/statement_log.hpp"
#include "triage/triage_fixture.hpp"

#include <ent110/cases/event_log.hpp>
#include <ent110/cases/labels.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/statement.hpp>

#include <catch2/catch.hpp>

#include <map>

using namespace ent110;
using ent110::test::NationalDay;
using ent110::test::titles;
using ent110::test::TriageFixture;
using Titles = std::vector<std::string>;

namespace {

const UnitTriage& unit_of(const Triage& triage, const std::string& code) {
  for (const UnitTriage& unit : triage.units) {
    if (unit.unit == code) {
      return unit;
    }
  }
  FAIL("unit " << code << " is not in the triage");
  throw std::logic_error("unreachable");
}

std::vector<std::string> unit_codes(const Triage& triage) {
  std::vector<std::string> codes;
  for (const UnitTriage& unit : triage.units) {
    codes.push_back(unit.unit);
  }
  return codes;
}

std::int64_t count_events(Store& store, const std::string& case_id, const std::string& action) {
  return Statement(store, "SELECT count(*) FROM case_event WHERE case_id = ? AND action = ?")
      .bind(1, case_id)
      .bind(2, action)
      .scalar_int64();
}

std::int64_t count_referrals(Store& store) {
  return Statement(store, "SELECT count(*) FROM case_event WHERE action = 'escalate-inspection'")
      .scalar_int64();
}

}  // namespace

TEST_CASE("compute_triage: the office's sections on Friday 10 October 2025", "[triage]") {
  NationalDay f;
  const Triage t = f.triage("2025-10-10");
  CHECK(t.day_kind == DayKind::workday);
  CHECK(format_date(t.next_working_day) == "2025-10-11");  // a made-up working Saturday
  CHECK(t.office_included);
  CHECK(titles(t.office.to_forward) == Titles{"fwd-late", "fwd-today"});
  CHECK(titles(t.office.government_report) == Titles{"report-late", "report-due"});
  CHECK(titles(t.office.awaiting_review) == Titles{"review-today"});
  CHECK(titles(t.office.awaiting_decision) == Titles{"explained", "escalated"});
  CHECK(titles(t.office.disputes) == Titles{"disputed"});
  CHECK(titles(t.office.unrated) == Titles{"unrated"});
  CHECK(unit_codes(t) == Titles{"FGW", "JXW"});
}

TEST_CASE("compute_triage: each line carries its clock, due date and working days left or late",
          "[triage]") {
  NationalDay f;
  const Triage t = f.triage("2025-10-10");
  const TriageLine& late = t.office.to_forward[0];
  CHECK(late.case_id == f.id["fwd-late"]);
  CHECK(late.enterprise == "信阳示例机械有限公司");
  CHECK(late.unit.empty());
  CHECK(late.clock->name == ClockName::forward);
  CHECK(format_date(*late.due) == "2025-10-09");
  CHECK(late.overdue);
  CHECK(late.working_days_left == -1);
  const TriageLine& today = t.office.to_forward[1];
  CHECK_FALSE(today.overdue);
  CHECK(today.working_days_left == 0);

  // Art. 8: received 26 Sep, due Monday 29 Sep; 30 Sep, 9 and 10 Oct are late.
  CHECK(t.office.government_report[0].working_days_left == -3);
  CHECK(t.office.government_report[1].working_days_left == 1);

  // Answered 26 Sep: the 3 working days ran to 30 Sep; 9 and 10 Oct are late.
  const TriageLine& unrated = t.office.unrated[0];
  CHECK_FALSE(unrated.clock.has_value());
  CHECK(format_date(*unrated.answered) == "2025-09-26");
  CHECK(format_date(*unrated.due) == "2025-09-30");
  CHECK(unrated.working_days_left == -2);

  // The explained case waits with its reply clock paused at its original due date.
  const TriageLine& explained = t.office.awaiting_decision[0];
  CHECK(explained.clock->name == ClockName::reply);
  CHECK(explained.clock->outcome == ClockOutcome::paused);
  CHECK(format_date(*explained.due) == "2025-09-28");
}

TEST_CASE("compute_triage: the units' sections on Friday 10 October 2025", "[triage]") {
  NationalDay f;
  const Triage t = f.triage("2025-10-10");
  const UnitTriage& fgw = unit_of(t, "FGW");
  CHECK(fgw.name == "市发展和改革委员会");
  CHECK(titles(fgw.due_today) == Titles{"consult-today"});
  CHECK(titles(fgw.due_next_working_day) == Titles{"consult-next"});
  CHECK(titles(fgw.overdue_explained).empty());  // escalated: the decision is taken
  CHECK(titles(fgw.overdue_unexplained) == Titles{"consult-late"});
  CHECK(titles(fgw.resubmit_overdue) == Titles{"resubmit-late"});

  const UnitTriage& jxw = unit_of(t, "JXW");
  // The explain clock of one case and the reply clock of another are both due today; the
  // lapsed explain clock of "reply-today" is not listed.
  CHECK(titles(jxw.due_today) == Titles{"explain-today", "reply-today"});
  CHECK(jxw.due_today[0].clock->name == ClockName::explain);
  CHECK(jxw.due_today[1].clock->name == ClockName::reply);
  CHECK(titles(jxw.due_next_working_day).empty());
  CHECK(titles(jxw.overdue_explained) == Titles{"explained"});
  CHECK(titles(jxw.overdue_unexplained) == Titles{"coord-late"});
  CHECK(jxw.overdue_unexplained[0].working_days_left == -4);  // 29, 30 Sep, 9, 10 Oct

  CHECK(titles(t.pending_referrals()) == Titles{"coord-late", "consult-late"});
  CHECK(t.anything_overdue());
}

TEST_CASE("compute_triage: on the made-up Saturday 11 October the next working day is Monday",
          "[triage]") {
  NationalDay f;
  const Triage t = f.triage("2025-10-11");
  CHECK(t.day_kind == DayKind::adjusted_workday);
  CHECK(format_date(t.next_working_day) == "2025-10-13");  // Sunday 12 is off
  CHECK(titles(t.office.to_forward) == Titles{"fwd-late", "fwd-today", "fwd-next"});
  CHECK(titles(t.office.unrated) == Titles{"unrated", "answered-recently"});
  const UnitTriage& fgw = unit_of(t, "FGW");
  CHECK(titles(fgw.due_today) == Titles{"consult-next"});
  CHECK(titles(fgw.overdue_unexplained) == Titles{"consult-late", "consult-today"});
  const UnitTriage& jxw = unit_of(t, "JXW");
  CHECK(titles(jxw.due_today).empty());  // the explain clock of "explain-today" lapsed
  CHECK(titles(jxw.due_next_working_day) == Titles{"explain-today"});
  CHECK(titles(jxw.overdue_unexplained) == Titles{"coord-late", "reply-today"});
}

TEST_CASE(
    "compute_triage: on a holiday nothing is due today and the next working day skips "
    "the holiday",
    "[triage]") {
  TriageFixture f;
  f.forwarded("consult", CaseType::consult, "FGW", "2025-09-30T08:00", "2025-09-30T09:00");
  f.forwarded("coordinate", CaseType::coordinate, "FGW", "2025-09-22T08:00", "2025-09-22T09:00");

  SECTION("on the last working day before it") {
    const Triage t = f.triage("2025-09-30");
    CHECK(format_date(t.next_working_day) == "2025-10-09");
    CHECK(titles(unit_of(t, "FGW").due_next_working_day) == Titles{"consult"});
  }
  SECTION("during it") {
    const Triage t = f.triage("2025-10-04");
    CHECK(t.day_kind == DayKind::holiday);
    CHECK(format_date(t.next_working_day) == "2025-10-09");
    const UnitTriage& fgw = unit_of(t, "FGW");
    CHECK(fgw.due_today.empty());
    CHECK(titles(fgw.due_next_working_day) == Titles{"consult"});
    CHECK(titles(fgw.overdue_unexplained) == Titles{"coordinate"});
    CHECK(fgw.overdue_unexplained[0].working_days_left == -2);  // 29 and 30 September
  }
  SECTION("on its first working day") {
    const Triage t = f.triage("2025-10-09");
    CHECK(titles(unit_of(t, "FGW").due_today) == Titles{"consult"});
  }
}

TEST_CASE("compute_triage: a day in a year with no official schedule is provisional", "[triage]") {
  TriageFixture f;
  CHECK_FALSE(f.triage("2025-12-31").provisional);  // next working day 4 January 2026
  CHECK(f.triage("2027-03-01").provisional);
}

TEST_CASE(
    "compute_triage: a clock due on a working Saturday is late on Sunday by no working day "
    "yet",
    "[triage]") {
  TriageFixture f;
  f.forwarded("consult", CaseType::consult, "FGW", "2025-10-10T08:00", "2025-10-10T09:00");
  const Triage t = f.triage("2025-10-12");
  const TriageLine& line = unit_of(t, "FGW").overdue_unexplained.at(0);
  CHECK(line.overdue);
  CHECK(line.working_days_left == 0);
  CHECK(t.anything_overdue());
}

TEST_CASE(
    "compute_triage: every query of cases and clocks starts from an index, running clocks "
    "from their partial indexes",
    "[triage]") {
  NationalDay f;
  if (!test::plans_are_readable(f.store)) {
    return;
  }
  for (const std::optional<std::string>& unit :
       {std::optional<std::string>(), std::optional<std::string>("FGW"),
        std::optional<std::string>(f.config.office_unit)}) {
    std::vector<std::string> statements;
    {
      test::StatementLog log(f.store);
      f.triage("2025-10-10", unit);
      statements = log.statements();
    }
    int checked = 0;
    for (const std::string& sql : statements) {
      if (sql.find("case_clock") == std::string::npos &&
          sql.find("case_file") == std::string::npos) {
        continue;
      }
      ++checked;
      for (const std::string& detail : test::query_plan(f.store, sql)) {
        INFO(sql << "\n" << detail);
        CHECK(detail.find("SCAN") == std::string::npos);
        // Running clocks come from the partial indexes, not from every clock ever stopped.
        if (detail.starts_with("SEARCH k USING") &&
            detail.find("PRIMARY KEY") == std::string::npos) {
          CHECK(detail.find("case_clock_running_by_") != std::string::npos);
        }
      }
    }
    CHECK(checked >= 2);
  }
}

TEST_CASE("compute_triage: nothing pending is an empty triage", "[triage]") {
  TriageFixture f;
  const Triage t = f.triage("2025-10-10");
  CHECK(t.office.empty());
  CHECK(t.units.empty());
  CHECK_FALSE(t.anything_overdue());
  CHECK(t.pending_referrals().empty());
}

TEST_CASE("compute_triage: --unit narrows to one unit or to the office", "[triage]") {
  NationalDay f;
  SECTION("a member unit: its own sections only") {
    const Triage t = f.triage("2025-10-10", "JXW");
    CHECK(t.unit == "JXW");
    CHECK_FALSE(t.office_included);
    CHECK(t.office.empty());
    REQUIRE(unit_codes(t) == Titles{"JXW"});
    CHECK(titles(t.units[0].due_today) == Titles{"explain-today", "reply-today"});
    CHECK(titles(t.units[0].overdue_explained) == Titles{"explained"});
    CHECK(titles(t.units[0].overdue_unexplained) == Titles{"coord-late"});
  }
  SECTION("a unit with nothing is still there, empty") {
    add_unit(f.store, Unit{"SWJ", "市商务局", UnitKind::department, "", "", ""},
             Actor{"test", "OFFICE"}, f.at("2025-01-01"));
    const Triage t = f.triage("2025-10-10", "SWJ");
    REQUIRE(unit_codes(t) == Titles{"SWJ"});
    CHECK(t.units[0].empty());
    CHECK_FALSE(t.anything_overdue());
  }
  SECTION("the office: its own sections only") {
    const Triage t = f.triage("2025-10-10", f.config.office_unit);
    CHECK(t.office_included);
    CHECK(titles(t.office.to_forward) == Titles{"fwd-late", "fwd-today"});
    CHECK(t.units.empty());
  }
  SECTION("an unknown unit is not found, with a hint") {
    CHECK_THROWS_AS(f.triage("2025-10-10", "FWG"), NotFound);
    CHECK_THROWS_WITH(f.triage("2025-10-10", "FWG"), Catch::Contains("did you mean 'FGW'?"));
  }
}

TEST_CASE("default_triage_unit: a unit user's own unit, nobody else's", "[triage]") {
  TriageFixture f;
  CHECK_FALSE(default_triage_unit(f.store, "li"));  // no users: one person does everything
  const Instant now = f.at("2025-01-01");
  add_user(f.store, User{"wang", f.config.office_unit, Role::office}, Actor{"test", "OFFICE"}, now);
  add_user(f.store, User{"li", "FGW", Role::unit}, Actor{"test", "OFFICE"}, now);
  add_user(f.store, User{"chen", f.config.office_unit, Role::viewer}, Actor{"test", "OFFICE"}, now);
  CHECK(default_triage_unit(f.store, "li") == "FGW");
  CHECK_FALSE(default_triage_unit(f.store, "wang"));
  CHECK_FALSE(default_triage_unit(f.store, "chen"));
  CHECK_FALSE(default_triage_unit(f.store, "nobody"));
}

TEST_CASE(
    "apply_triage: refers each overdue, unexplained reply once as the office's "
    "escalate-inspection event",
    "[triage]") {
  NationalDay f;
  const Triage t = f.apply("2025-10-10T08:30");
  CHECK(titles(t.referred) == Titles{"coord-late", "consult-late"});
  CHECK(t.pending_referrals().empty());
  for (const TriageLine& line : t.referred) {
    CHECK(line.clock->referred_at == f.at("2025-10-10T08:30"));
  }
  const Case kase = f.service.get(f.id["consult-late"]);
  CHECK(kase.state == State::forwarded);  // the unit still owes its reply
  const Event& event = kase.events.back();
  CHECK(event.action == Action::escalate_inspection);
  CHECK(event.actor == "wang");
  CHECK(event.unit == f.config.office_unit);
  CHECK(event.detail == "FGW");
  // Data, not a sentence in the language of whoever ran the triage (issue 10).
  CHECK(event.text.empty());
  CHECK(detail_label(Lang::zh, event, f.zone) == "FGW：答复逾期且未说明原因（第七条）");
  CHECK(detail_label(Lang::en, event, f.zone) ==
        "FGW late on its reply, no explanation filed (Art. 7)");
  CHECK(count_events(f.store, f.id["explained"], "escalate-inspection") == 0);
  CHECK_FALSE(verify_event_chain(f.store).first_broken);
}

TEST_CASE("apply_triage: run twice a day and every day for a week, each clock is referred once",
          "[triage]") {
  NationalDay f;
  CHECK(f.apply("2025-10-10T08:30").referred.size() == 2);
  CHECK(f.apply("2025-10-10T17:00").referred.empty());
  CHECK(count_referrals(f.store) == 2);
  // 11 Oct: the replies due 10 Oct are late now.
  CHECK(titles(f.apply("2025-10-11T08:30").referred) == Titles{"consult-today", "reply-today"});
  CHECK(f.apply("2025-10-12T08:30").referred.size() == 1);  // Sunday: due Saturday 11 Oct
  CHECK(f.apply("2025-10-13T08:30").referred.empty());
  CHECK(titles(f.apply("2025-10-14T08:30").referred) == Titles{"explain-today"});
  CHECK(f.apply("2025-10-15T08:30").referred.empty());
  // The major case forwarded 9 Oct was due 15 Oct (10, 11, 13, 14, 15).
  CHECK(titles(f.apply("2025-10-16T08:30").referred) == Titles{"report-due"});
  CHECK(f.apply("2025-10-17T08:30").referred.empty());
  for (const auto& [title, id] : f.id) {
    INFO(title);
    CHECK(count_events(f.store, id, "escalate-inspection") <= 1);
  }
  CHECK(count_referrals(f.store) == 7);
  CHECK_FALSE(verify_event_chain(f.store).first_broken);
}

TEST_CASE("apply_triage: all referrals of a run are one transaction", "[triage]") {
  TriageFixture f;
  f.forwarded("first", CaseType::consult, "FGW", "2025-09-30T08:00", "2025-09-30T09:00");
  const std::string second =
      f.forwarded("second", CaseType::consult, "FGW", "2025-09-30T08:00", "2025-09-30T09:00", true);
  // A later event on the second case makes its referral at an earlier time refused.
  f.service.escalate(second, EscalationTarget::government, "", "wang", f.at("2025-10-10T12:00"));
  CHECK_THROWS_AS(f.apply("2025-10-10T08:30"), Refused);
  CHECK(count_referrals(f.store) == 0);
  CHECK(Statement(f.store, "SELECT count(*) FROM case_clock WHERE referred_at IS NOT NULL")
            .scalar_int64() == 0);
  CHECK(f.apply("2025-10-10T13:00").referred.size() == 2);
}

TEST_CASE("apply_triage: only an office user may refer", "[triage]") {
  NationalDay f;
  const Instant now = f.at("2025-01-01");
  add_user(f.store, User{"wang", f.config.office_unit, Role::office}, Actor{"test", "OFFICE"}, now);
  add_user(f.store, User{"li", "FGW", Role::unit}, Actor{"test", "OFFICE"}, now);
  CHECK_THROWS_AS(f.apply("2025-10-10T08:30", "li"), Refused);
  CHECK(count_referrals(f.store) == 0);
  CHECK(f.apply("2025-10-10T08:30", "wang").referred.size() == 2);
}

TEST_CASE("compute_triage: an unrated answer is followed up for triage.unrated_within_days",
          "[triage]") {
  NationalDay f;
  // "unrated" was answered on Friday 26 September: five working days by 10 October (Sunday
  // 28 September was a made-up working day).
  f.config.unrated_within_days = 5;
  CHECK(titles(f.triage("2025-10-10").office.unrated) == Titles{"unrated"});
  f.config.unrated_within_days = 4;
  CHECK(f.triage("2025-10-10").office.unrated.empty());
  // Across a holiday: on 9 October the same answer had waited four working days.
  CHECK(titles(f.triage("2025-10-09").office.unrated) == Titles{"unrated"});
}

TEST_CASE(
    "triage: every query of every narrowing, of --limit and of --apply starts from an index and "
    "reads its section in order, so that lines stream",
    "[triage]") {
  NationalDay f;
  if (!test::plans_are_readable(f.store)) {
    return;
  }
  std::vector<std::string> statements;
  {
    test::StatementLog log(f.store);
    for (const std::optional<std::string>& unit :
         {std::optional<std::string>(), std::optional<std::string>("JXW"),
          std::optional<std::string>(f.config.office_unit)}) {
      read_triage(f.store, f.calendar, f.config,
                  TriageQuery{parse_date("2025-10-10"), unit, std::nullopt, 1},
                  [](TriageSource& source) {
                    source.pending_referral_count();
                    source.anything_overdue();
                  });
      f.triage("2025-10-10", unit);
    }
    f.apply("2025-10-10T08:30");
    statements = log.statements();
  }
  std::map<std::string, int> indexes_used;
  for (const std::string& sql : statements) {
    // The triage's own statements, not those of the referrals --apply records.
    if (sql.find("JOIN enterprise e ON e.id = c.enterprise") == std::string::npos &&
        sql.find("FROM case_clock k") == std::string::npos) {
      continue;
    }
    const bool running = sql.find("k.outcome = 'running'") != std::string::npos;
    for (const std::string& detail : test::query_plan(f.store, sql)) {
      INFO(sql << "\n" << detail);
      CHECK(detail.find("SCAN") == std::string::npos);
      if (running && detail.starts_with("SEARCH k USING")) {
        // Bounded by the unit when it has one, else by the due date; never every stopped clock.
        const std::string index = sql.find("k.unit = ?") != std::string::npos ||
                                          sql.find("k.unit > ?") != std::string::npos
                                      ? "case_clock_running_by_unit"
                                      : "case_clock_running_by_due";
        CHECK(detail.find(index) != std::string::npos);
        ++indexes_used[index];
      }
      // In the index's order: at most the lines of one due date are sorted, so the first line
      // comes before the last is read.
      if (running) {
        CHECK(detail != "USE TEMP B-TREE FOR ORDER BY");
      }
    }
  }
  CHECK(indexes_used["case_clock_running_by_unit"] >= 10);
  CHECK(indexes_used["case_clock_running_by_due"] >= 2);
}

TEST_CASE("compute_triage: --limit keeps the first lines of each section by due date", "[triage]") {
  NationalDay f;
  const Triage all = f.triage("2025-10-10");
  const Triage first =
      compute_triage(f.store, f.calendar, f.config,
                     TriageQuery{parse_date("2025-10-10"), std::nullopt, std::nullopt, 1});
  REQUIRE(unit_codes(first) == unit_codes(all));
  for (std::size_t i = 0; i < all.units.size(); ++i) {
    for (const auto section : {&UnitTriage::due_today, &UnitTriage::due_next_working_day,
                               &UnitTriage::overdue_explained, &UnitTriage::overdue_unexplained}) {
      const std::vector<TriageLine>& cut = first.units[i].*section;
      const std::vector<TriageLine>& whole = all.units[i].*section;
      INFO(all.units[i].unit);
      CHECK(cut.size() == std::min<std::size_t>(whole.size(), 1));
      if (!cut.empty()) {
        CHECK(cut[0].case_id == whole[0].case_id);
      }
    }
  }
  CHECK(first.office.to_forward.size() == 1);
  CHECK(first.anything_overdue() == all.anything_overdue());
}
