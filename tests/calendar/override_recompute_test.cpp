// SPDX-License-Identifier: MIT
// A local override moves the due dates of running case clocks that count over its day, and
// only those.
#include "../cases/case_fixture.hpp"

#include <ent110/calendar/calendar_repo.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ent110;
using ent110::test::CaseFixture;

namespace {

std::string due(CaseService& service, const std::string& id, ClockName name) {
  return format_date(CaseFixture::clock(service.get(id), name).due);
}

}  // namespace

TEST_CASE_METHOD(CaseFixture,
                 "set_override: running clocks counted over the day move, stopped ones stay",
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

  const OverrideSummary closed =
      set_override(store, parse_date("2025-10-10"), OverrideChoice::off, "停电", "wang", now);
  REQUIRE(closed.moved.size() == 2);
  CHECK(closed.moved[0].label == id + " explain");
  CHECK(closed.moved[0].before == parse_date("2025-10-13"));
  CHECK(closed.moved[0].after == parse_date("2025-10-14"));
  CHECK(closed.moved[1].label == id + " reply");
  CHECK(closed.moved[1].after == parse_date("2025-10-16"));
  CHECK(due(service, id, ClockName::explain) == "2025-10-14");
  CHECK(due(service, id, ClockName::reply) == "2025-10-16");
  CHECK(due(service, id, ClockName::forward) == "2025-10-10");  // stopped: judged as it was

  // Days the counts do not pass over: the start day itself, and a day after both due dates.
  CHECK(set_override(store, parse_date("2025-10-09"), OverrideChoice::off, "x", "wang", now)
            .moved.empty());
  CHECK(set_override(store, parse_date("2025-10-20"), OverrideChoice::off, "x", "wang", now)
            .moved.empty());

  // Sunday 12 October made a working day: both counts pass over it and come back earlier.
  const OverrideSummary worked =
      set_override(store, parse_date("2025-10-12"), OverrideChoice::work, "补班", "wang", now);
  CHECK(worked.moved.size() == 2);
  CHECK(due(service, id, ClockName::explain) == "2025-10-13");
  CHECK(due(service, id, ClockName::reply) == "2025-10-15");

  set_override(store, parse_date("2025-10-12"), OverrideChoice::official, "撤销", "wang", now);
  set_override(store, parse_date("2025-10-10"), OverrideChoice::official, "撤销", "wang", now);
  CHECK(due(service, id, ClockName::explain) == "2025-10-13");
  CHECK(due(service, id, ClockName::reply) == "2025-10-15");
}
