// SPDX-License-Identifier: MIT
// Walks every row of the clock-rules table through every row of the transition table: after
// each action, each clock that was running or paused ended, paused or stayed as the table says,
// and the clocks the table starts (and only those) started.
#include "cases/case_fixture.hpp"
#include "cases/driver.hpp"

#include <ent110/cases/clock_rules.hpp>
#include <ent110/cases/transitions.hpp>
#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace ent110;
using ent110::test::CaseFixture;
using ent110::test::Driver;

namespace {

// What the table says becomes of `before` when `action` happens on `day`; `reply_met` tells how
// the lead unit's reply clock was judged by the same action (an explain clock follows it).
ClockOutcome expected_outcome(const Clock& before,
                              Action action,
                              LocalDate day,
                              std::optional<ClockOutcome> reply_verdict) {
  const ClockRule& rule = clock_rule(before.name);
  const bool running = before.outcome == ClockOutcome::running;
  if (running && rule.stopped_by.contains(action)) {
    return day <= before.due ? ClockOutcome::met : ClockOutcome::missed;
  }
  if (running && rule.paused_by.contains(action) && day <= before.due) {
    return ClockOutcome::paused;
  }
  if ((running || before.outcome == ClockOutcome::paused) && rule.cancelled_by.contains(action)) {
    if (before.name == ClockName::explain && reply_verdict) {
      return *reply_verdict == ClockOutcome::met ? ClockOutcome::cancelled : ClockOutcome::missed;
    }
    return running && day > before.due ? ClockOutcome::missed : ClockOutcome::cancelled;
  }
  return before.outcome;
}

// The clocks the table starts when `action` takes a case of `kase`'s kind to `to`.
std::multiset<ClockName> expected_starts(const Case& after, Action action, State to) {
  std::multiset<ClockName> started;
  for (const ClockRule& rule : clock_rules()) {
    if (!rule.started_by.contains(action)) {
      continue;
    }
    switch (rule.start_when) {
      case StartWhen::always:
        started.insert(rule.clock);
        break;
      case StartWhen::major:
        if (after.major) {
          started.insert(rule.clock);
        }
        break;
      case StartWhen::coordinate_by_the_rule:
        if (after.type == CaseType::coordinate) {
          started.insert(rule.clock);  // the walker never forwards with a decided limit
        }
        break;
      case StartWhen::result_submitted:
        if (to == State::submitted) {
          started.insert(rule.clock);
        }
        break;
      case StartWhen::per_co_unit:
        for (std::size_t i = 0; i < after.co_units.size(); ++i) {
          started.insert(rule.clock);
        }
        break;
    }
  }
  return started;
}

}  // namespace

TEST_CASE("clock rules: every action ends, pauses and starts the clocks its rows name",
          "[cases][clocks]") {
  std::map<ClockName, int> started_seen;
  std::map<ClockName, int> ended_seen;
  // Intake creates the case, so it is no row of the transition table.
  for (const bool major : {false, true}) {
    CaseFixture f;
    const Case kase = f.service.get(f.intake(CaseType::consult, "2025-09-01T09:00", major));
    std::multiset<ClockName> started;
    for (const Clock& clock : kase.clocks) {
      started.insert(clock.name);
      ++started_seen[clock.name];
    }
    CHECK(started == expected_starts(kase, Action::intake, State::received));
  }
  for (const Transition& row : transitions()) {
    for (const auto& [type, major] : std::vector<std::pair<CaseType, bool>>{
             {CaseType::consult, false}, {CaseType::coordinate, true}}) {
      if (!applies(row, type, major)) {
        continue;
      }
      // On time (the evening of the preparation day) and late (after every due date).
      for (const std::string when : {"2025-09-01T22:00", "2025-09-25T10:00"}) {
        CaseFixture f;
        f.add_users();
        Driver driver{f};
        const bool late = when != std::string("2025-09-01T22:00");
        const auto id = driver.case_in(row.from, type, major, late);
        if (!id) {
          continue;
        }
        const Case before = f.service.get(*id);
        try {
          driver.act(*id, row.action, when);
        } catch (const Refused&) {
          continue;  // e.g. a referral before the reply is due; the transition tests cover it
        }
        const Case after = f.service.get(*id);
        INFO(to_string(row.from) << " --" << to_string(row.action) << "--> " << to_string(row.to)
                                 << " (" << to_string(type) << ", " << when << ")");
        REQUIRE(after.clocks.size() >= before.clocks.size());
        const LocalDate day = f.zone.local_date(f.at(when));
        std::optional<ClockOutcome> reply_verdict;
        for (std::size_t i = 0; i < before.clocks.size(); ++i) {
          if (before.clocks[i].name == ClockName::reply &&
              before.clocks[i].outcome == ClockOutcome::running &&
              clock_rule(ClockName::reply).stopped_by.contains(row.action)) {
            reply_verdict = after.clocks[i].outcome;
          }
        }
        for (std::size_t i = 0; i < before.clocks.size(); ++i) {
          INFO("clock " << to_string(before.clocks[i].name) << " was "
                        << to_string(before.clocks[i].outcome));
          const ClockOutcome expected =
              expected_outcome(before.clocks[i], row.action, day, reply_verdict);
          CHECK(after.clocks[i].outcome == expected);
          if (expected != before.clocks[i].outcome) {
            ++ended_seen[before.clocks[i].name];
          }
        }
        std::multiset<ClockName> started;
        for (std::size_t i = before.clocks.size(); i < after.clocks.size(); ++i) {
          started.insert(after.clocks[i].name);
          ++started_seen[after.clocks[i].name];
          CHECK(after.clocks[i].outcome == ClockOutcome::running);
        }
        CHECK(started == expected_starts(after, row.action, row.to));
      }
    }
  }
  // Every clock of the table was started and ended somewhere in the walk.
  for (const ClockRule& rule : clock_rules()) {
    INFO(to_string(rule.clock));
    CHECK(started_seen[rule.clock] > 0);
    CHECK(ended_seen[rule.clock] > 0);
  }
}
