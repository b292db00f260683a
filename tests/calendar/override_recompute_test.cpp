// SPDX-License-Identifier: MIT
// A local override moves the due dates of running case clocks that count over its day, and
// only those.
#include "../cases/case_fixture.hpp"
#include "support/test_support.hpp"

#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/cases/calendar_follower.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ent110;
using ent110::test::CaseFixture;

namespace {

std::string due(CaseService& service, const std::string& id, ClockName name) {
  return format_date(CaseFixture::clock(service.get(id), name).due);
}

}  // namespace

TEST_CASE_METHOD(
    CaseFixture,
    "set_override: every clock counted over the day is judged again, running or stopped",
    "[calendar][cases]") {
  // Received and forwarded Thursday 9 October 2025, the first working day after National Day:
  // forward clock met (due 10 October); explain due Monday 13 (10, Saturday 11, 13); reply due
  // Wednesday 15 (10, 11, 13, 14, 15).
  const std::string id = intake(CaseType::coordinate, "2025-10-09T09:00");
  forward(id, "2025-10-09T10:00");
  REQUIRE(due(service, id, ClockName::forward) == "2025-10-10");
  REQUIRE(due(service, id, ClockName::explain) == "2025-10-13");
  REQUIRE(due(service, id, ClockName::reply) == "2025-10-15");
  const Instant now = at("2025-10-09T18:00");
  CaseClockFollower follower(store, config, zone, "wang");

  const OverrideSummary closed = set_override(store, parse_date("2025-10-10"), OverrideChoice::off,
                                              "停电", Actor{"wang", "OFFICE"}, now, &follower);
  REQUIRE(closed.moved.size() == 3);
  // The forward clock stopped on the 9th; counted again it is due Saturday 11th (a made-up
  // working day), and still met. The clocks come in the order they started.
  CHECK(closed.moved[0].label == id + " forward");
  CHECK(closed.moved[0].after == parse_date("2025-10-11"));
  CHECK(closed.moved[0].verdict_before.empty());
  CHECK(closed.moved[1].label == id + " reply");
  CHECK(closed.moved[1].after == parse_date("2025-10-16"));
  CHECK(closed.moved[2].label == id + " explain");
  CHECK(closed.moved[2].before == parse_date("2025-10-13"));
  CHECK(closed.moved[2].after == parse_date("2025-10-14"));
  CHECK(due(service, id, ClockName::explain) == "2025-10-14");
  CHECK(due(service, id, ClockName::reply) == "2025-10-16");
  CHECK(due(service, id, ClockName::forward) == "2025-10-11");

  // Days the counts do not pass over: the start day itself, and a day after both due dates.
  CHECK(set_override(store, parse_date("2025-10-09"), OverrideChoice::off, "x",
                     Actor{"wang", "OFFICE"}, now, &follower)
            .moved.empty());
  CHECK(set_override(store, parse_date("2025-10-20"), OverrideChoice::off, "x",
                     Actor{"wang", "OFFICE"}, now, &follower)
            .moved.empty());

  // Sunday 12 October made a working day: both counts pass over it and come back earlier.
  const OverrideSummary worked = set_override(store, parse_date("2025-10-12"), OverrideChoice::work,
                                              "补班", Actor{"wang", "OFFICE"}, now, &follower);
  CHECK(worked.moved.size() == 2);  // explain and reply; forward's count does not reach the 12th
  CHECK(due(service, id, ClockName::explain) == "2025-10-13");
  CHECK(due(service, id, ClockName::reply) == "2025-10-15");

  set_override(store, parse_date("2025-10-12"), OverrideChoice::official, "撤销",
               Actor{"wang", "OFFICE"}, now, &follower);
  set_override(store, parse_date("2025-10-10"), OverrideChoice::official, "撤销",
               Actor{"wang", "OFFICE"}, now, &follower);
  CHECK(due(service, id, ClockName::explain) == "2025-10-13");
  CHECK(due(service, id, ClockName::reply) == "2025-10-15");
}

TEST_CASE_METHOD(CaseFixture,
                 "set_override: a stopped clock judged on a day that changed is judged again",
                 "[calendar][cases]") {
  // A consult forwarded Thursday 9 October 2025 is due Friday 10; answered Saturday 11 (a
  // made-up working day), it was late. Had Friday been closed, it would have been on time.
  const std::string id = intake(CaseType::consult, "2025-10-09T09:00");
  forward(id, "2025-10-09T10:00");
  service.reply(id, "已答复", "wang", at("2025-10-11T10:00"));
  REQUIRE(CaseFixture::clock(service.get(id), ClockName::reply).outcome == ClockOutcome::missed);
  CaseClockFollower follower(store, config, zone, "wang");
  const OverrideSummary closed =
      set_override(store, parse_date("2025-10-10"), OverrideChoice::off, "停电",
                   Actor{"wang", "OFFICE"}, at("2025-10-12T09:00"), &follower);
  const auto reply = std::find_if(closed.moved.begin(), closed.moved.end(),
                                  [&](const MovedDueDate& m) { return m.label == id + " reply"; });
  REQUIRE(reply != closed.moved.end());
  CHECK(reply->verdict_before == "missed");
  CHECK(reply->verdict_after == "met");
  CHECK(CaseFixture::clock(service.get(id), ClockName::reply).outcome == ClockOutcome::met);
}

TEST_CASE_METHOD(CaseFixture,
                 "load_holidays: a referral made on a provisional due date is withdrawn when the "
                 "schedule moves it",
                 "[calendar][cases]") {
  // Issue 10, section 5: a consult forwarded 2026-12-31 10:00 is due 2027-01-01 by the weekend
  // rule (2027 not loaded), referred on 2027-01-04; the 2027 schedule closes 1–3 January, so it
  // was due 2027-01-04 and the referral does not hold.
  const std::string id = intake(CaseType::consult, "2026-12-31T09:00");
  forward(id, "2026-12-31T10:00");
  REQUIRE(due(service, id, ClockName::reply) == "2027-01-01");
  service.escalate(id, EscalationTarget::inspection, "", "wang", at("2027-01-04T08:30"));
  REQUIRE(CaseFixture::clock(service.get(id), ClockName::reply).referred_at.has_value());

  CaseClockFollower follower(store, config, zone, "cron");
  const LoadSummary summary =
      load_holidays(store, {ent110::test::source_dir() / "tests/data/calendar/2027.toml"},
                    Actor{"wang", "OFFICE"}, at("2027-01-04T09:00"), &follower);
  const auto reply = std::find_if(summary.moved.begin(), summary.moved.end(),
                                  [&](const MovedDueDate& m) { return m.label == id + " reply"; });
  REQUIRE(reply != summary.moved.end());
  CHECK(reply->after == parse_date("2027-01-04"));
  CHECK(reply->referral_withdrawn);
  const Case kase = service.get(id);
  const Clock clock = CaseFixture::clock(kase, ClockName::reply);
  CHECK(format_date(clock.due) == "2027-01-04");
  CHECK_FALSE(clock.referred_at.has_value());
  CHECK(kase.events.back().action == Action::withdraw);
  CHECK(kase.events.back().actor == "cron");
}
