// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"
#include "support/test_support.hpp"

#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/cases/calendar_follower.hpp>
#include <ent110/cases/case_clock.hpp>
#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>

using namespace ent110;
using ent110::test::CaseFixture;

namespace {

std::string due(const Case& kase, ClockName name) {
  return format_date(CaseFixture::clock(kase, name).due);
}

}  // namespace

TEST_CASE("forward clock: case received Tuesday 2025-09-30 20:15 is due 2025-10-09",
          "[cases][clock]") {
  CaseFixture f;
  const Case kase = f.service.get(f.intake(CaseType::consult, "2025-09-30T20:15"));
  const Clock forward = CaseFixture::clock(kase, ClockName::forward);
  CHECK(format_date(forward.started) == "2025-09-30");
  CHECK(format_date(forward.due) == "2025-10-09");
  CHECK(forward.working_days == 1);
  CHECK_FALSE(forward.provisional);
}

TEST_CASE("reply clock: coordinate case forwarded 2025-09-30 is due 2025-10-14", "[cases][clock]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::coordinate, "2025-09-30T09:00");
  const Case kase = f.forward(id, "2025-09-30T15:00");
  CHECK(due(kase, ClockName::reply) == "2025-10-14");
  // Art. 7: explain within 3 working days: 9, 10 and Saturday 11 October.
  CHECK(due(kase, ClockName::explain) == "2025-10-11");
  CHECK(CaseFixture::clock(kase, ClockName::forward).outcome == ClockOutcome::met);
}

TEST_CASE("clocks: a case received the last working day before the Spring Festival",
          "[cases][clock]") {
  CaseFixture f;
  // 2025-01-28 to 2025-02-04 off; Saturday 2025-02-08 is a working day.
  const std::string id = f.intake(CaseType::coordinate, "2025-01-27T17:30");
  CHECK(due(f.service.get(id), ClockName::forward) == "2025-02-05");
  const Case kase = f.forward(id, "2025-01-27T18:00");
  CHECK(due(kase, ClockName::reply) == "2025-02-10");  // 5, 6, 7, 8 (Saturday), 10 February
  CHECK(due(kase, ClockName::explain) == "2025-02-07");
}

TEST_CASE("clocks: a case received on a made-up working Sunday counts from that Sunday",
          "[cases][clock]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-09-28T10:00");  // Sunday, working
  CHECK(due(f.service.get(id), ClockName::forward) == "2025-09-29");
  const Case kase = f.forward(id, "2025-09-28T16:00");
  CHECK(due(kase, ClockName::reply) == "2025-09-29");
}

TEST_CASE(
    "clocks: a case forwarded on a Friday evening counts a working Sunday and skips the "
    "National Day holidays",
    "[cases][clock]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::coordinate, "2025-09-26T20:00");
  const Case kase = f.forward(id, "2025-09-26T23:30");  // Friday
  // 28 (Sunday, working), 29, 30 September, 9, 10 October.
  CHECK(due(kase, ClockName::reply) == "2025-10-10");
  CHECK(due(kase, ClockName::explain) == "2025-09-30");
}

TEST_CASE(
    "clocks: the local date decides: 00:30 on 1 October in Shanghai is still 30 September "
    "in UTC",
    "[cases][clock]") {
  CaseFixture f;
  const Case kase = f.service.get(f.intake(CaseType::consult, "2025-10-01T00:30"));
  CHECK(format_date(CaseFixture::clock(kase, ClockName::forward).started) == "2025-10-01");
  CHECK(due(kase, ClockName::forward) == "2025-10-09");
  CHECK(kase.id == "2025-000001");
}

TEST_CASE("status_at: open before the due date, due-today on it, overdue after it",
          "[cases][clock]") {
  CaseFixture f;
  const Case kase = f.service.get(f.intake(CaseType::consult, "2025-09-30T20:15"));
  const Clock forward = CaseFixture::clock(kase, ClockName::forward);
  CHECK(status_at(forward, parse_date("2025-10-08")) == ClockStatus::open);
  CHECK(status_at(forward, parse_date("2025-10-09")) == ClockStatus::due_today);
  CHECK(status_at(forward, parse_date("2025-10-10")) == ClockStatus::overdue);
  CHECK(working_days_left(forward, parse_date("2025-09-30"), f.calendar) == 1);
  CHECK(working_days_left(forward, parse_date("2025-10-03"), f.calendar) == 1);
  CHECK(working_days_left(forward, parse_date("2025-10-09"), f.calendar) == 0);
  CHECK(working_days_left(forward, parse_date("2025-10-13"), f.calendar) == -3);  // 10, 11, 13
}

TEST_CASE("stop: forwarding late on the due date's evening is met, the next morning missed",
          "[cases][clock]") {
  SECTION("on the due date at 23:59") {
    CaseFixture f;
    const std::string id = f.intake(CaseType::consult, "2025-09-30T20:15");
    const Clock forward = CaseFixture::clock(f.forward(id, "2025-10-09T23:59"), ClockName::forward);
    CHECK(forward.outcome == ClockOutcome::met);
    CHECK(format_date(*forward.stopped) == "2025-10-09");
  }
  SECTION("the next day at 00:01") {
    CaseFixture f;
    const std::string id = f.intake(CaseType::consult, "2025-09-30T20:15");
    const Clock forward = CaseFixture::clock(f.forward(id, "2025-10-10T00:01"), ClockName::forward);
    CHECK(forward.outcome == ClockOutcome::missed);
    CHECK(status_at(forward, parse_date("2025-12-01")) == ClockStatus::missed);
  }
}

TEST_CASE("clocks: review and resubmit take their limits from the configuration",
          "[cases][clock]") {
  CaseFixture f;
  f.config.review_days = 2;
  f.config.resubmit_days = 3;
  const std::string id = f.intake(CaseType::coordinate, "2025-09-29T09:00");
  f.forward(id, "2025-09-29T10:00");
  Case kase = f.service.reply(id, "结果", "li", f.at("2025-09-29T11:00")).kase;
  CHECK(due(kase, ClockName::review) == "2025-10-09");  // 30 September, 9 October
  kase = f.service.return_result(id, "补充材料", "wang", f.at("2025-09-30T09:00")).kase;
  CHECK(due(kase, ClockName::resubmit) == "2025-10-11");  // 9, 10, 11 (Saturday) October
  CHECK(CaseFixture::clock(kase, ClockName::review).outcome == ClockOutcome::met);
}

TEST_CASE("clocks: a due date past the loaded schedule is provisional until the year is loaded",
          "[cases][clock]") {
  CaseFixture f;
  const auto result = [&] {
    IntakeRequest request;
    request.enterprise = "信阳示例机械有限公司";
    request.type = CaseType::consult;
    request.title = "跨年";
    return f.service.intake(request, "wang", f.at("2026-12-31T10:00"));
  }();
  const Clock forward = CaseFixture::clock(result.kase, ClockName::forward);
  CHECK(format_date(forward.due) == "2027-01-01");  // a Friday by the weekend rule
  CHECK(forward.provisional);
  REQUIRE(result.provisional.size() == 1);
  CHECK(result.provisional[0].name == ClockName::forward);

  // The (invented) 2027 schedule makes 1 to 3 January days off.
  CaseClockFollower follower(f.store, f.config, f.zone, "li");
  const LoadSummary summary =
      load_holidays(f.store, {ent110::test::source_dir() / "tests/data/calendar/2027.toml"},
                    Actor{"li", "OFFICE"}, f.at("2026-12-31T11:00"), &follower);
  REQUIRE(summary.moved.size() == 1);
  CHECK(summary.moved[0].label == result.kase.id + " forward");
  const WorkingCalendar calendar = load_calendar(f.store);
  CaseService service{f.store, calendar, f.config, f.zone};
  const Clock moved = CaseFixture::clock(service.get(result.kase.id), ClockName::forward);
  CHECK(format_date(moved.due) == "2027-01-04");
  CHECK_FALSE(moved.provisional);
}
