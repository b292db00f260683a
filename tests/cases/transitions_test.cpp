// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"
#include "support/test_support.hpp"

#include <ent110/cases/event_log.hpp>
#include <ent110/cases/transitions.hpp>
#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <fstream>

using namespace ent110;
using ent110::test::CaseFixture;

namespace {

// Every step of the preparation happens on Monday 2025-09-01, an hour apart; the action under
// test comes later (when reply clocks are overdue, as a referral to inspection needs).
struct Driver {
  CaseFixture& f;
  int hour = 8;

  std::string next() { return fmt::format("2025-09-01T{:02}:00", hour++); }

  void act(const std::string& id, Action action, const std::string& when) {
    const Instant t = f.at(when);
    switch (action) {
      case Action::intake:
        FAIL("intake creates a case");
        break;
      case Action::reject:
        f.service.reject(id, RejectReason::unclear, "诉求不明确", "wang", t);
        break;
      case Action::forward:
      case Action::redo: {
        ForwardRequest request;
        request.to_unit = "FGW";
        request.with_units = {"JXW"};
        request.redo = action == Action::redo;
        f.service.forward(id, request, "wang", t);
        break;
      }
      case Action::reply:
        f.service.reply(id, "已办理", "li", t);
        break;
      case Action::approve:
        f.service.approve(id, std::nullopt, "wang", t);
        break;
      case Action::return_result:
        f.service.return_result(id, "材料不全", "wang", t);
        break;
      case Action::explain:
        f.service.explain(id, "涉及多部门", "提请联席会议", "li", t);
        break;
      case Action::escalate_government:
        f.service.escalate(id, EscalationTarget::government, "", "wang", t);
        break;
      case Action::escalate_joint_meeting:
        f.service.escalate(id, EscalationTarget::joint_meeting, "", "wang", t);
        break;
      case Action::escalate_inspection:
        f.service.escalate(id, EscalationTarget::inspection, "", "wang", t);
        break;
      case Action::dispute:
        f.service.dispute(id, "不属于本单位职责", "li", t);
        break;
      case Action::evaluate:
        f.service.evaluate(id, Rating::dissatisfied, "", "wang", t);
        break;
      case Action::contribute:
        f.service.contribute(id, std::nullopt, "已提供用地资料", "zhao", t);
        break;
      case Action::correct:
      case Action::withdraw:
        FAIL("corrections and withdrawals are not transitions");
        break;
    }
  }

  // The actions that bring a new case to `state`, or nullopt where no path leads there.
  static std::optional<std::vector<Action>> path_to(State state, CaseType type) {
    using A = Action;
    const bool coordinate = type == CaseType::coordinate;
    switch (state) {
      case State::received:
        return std::vector<A>{};
      case State::rejected:
        return std::vector<A>{A::reject};
      case State::forwarded:
        return std::vector<A>{A::forward};
      case State::submitted:
        return coordinate ? std::optional(std::vector<A>{A::forward, A::reply}) : std::nullopt;
      case State::returned:
        return coordinate ? std::optional(std::vector<A>{A::forward, A::reply, A::return_result})
                          : std::nullopt;
      case State::explained:
        return coordinate ? std::optional(std::vector<A>{A::forward, A::explain}) : std::nullopt;
      case State::escalated:
        return std::vector<A>{A::forward, A::dispute, A::escalate_joint_meeting};
      case State::answered:
        return coordinate ? std::vector<A>{A::forward, A::reply, A::approve}
                          : std::vector<A>{A::forward, A::reply};
      case State::evaluated:
        return coordinate ? std::vector<A>{A::forward, A::reply, A::approve, A::evaluate}
                          : std::vector<A>{A::forward, A::reply, A::evaluate};
      case State::disputed:
        return std::vector<A>{A::forward, A::dispute};
    }
    return std::nullopt;
  }

  // With `late`, the path's last step comes after the reply was due (2025-09-20): a referral to
  // inspection needs the unit late, and an explanation or dispute that late does not pause.
  std::optional<std::string> case_in(State state, CaseType type, bool major, bool late = false) {
    const auto path = path_to(state, type);
    if (!path) {
      return std::nullopt;
    }
    const std::string id = f.intake(type, next(), major);
    for (std::size_t i = 0; i < path->size(); ++i) {
      act(id, (*path)[i], late && i + 1 == path->size() ? "2025-09-20T10:00" : next());
    }
    REQUIRE(f.service.get(id).state == state);
    return id;
  }
};

std::vector<std::pair<CaseType, bool>> kinds() {
  return {{CaseType::consult, false},
          {CaseType::consult, true},
          {CaseType::coordinate, false},
          {CaseType::coordinate, true}};
}

}  // namespace

TEST_CASE("transitions: every row of the table takes a case from its state to its target",
          "[cases][transitions]") {
  for (const Transition& row : transitions()) {
    for (const auto& [type, major] : kinds()) {
      if (!applies(row, type, major)) {
        continue;
      }
      CaseFixture f;
      Driver driver{f};
      const auto id =
          driver.case_in(row.from, type, major, row.action == Action::escalate_inspection);
      if (!id) {
        continue;
      }
      INFO(to_string(row.from) << " --" << to_string(row.action) << "--> " << to_string(row.to)
                               << " (" << to_string(type) << (major ? ", major" : "") << ")");
      driver.act(*id, row.action, "2025-09-30T10:00");
      const Case after = f.service.get(*id);
      CHECK(after.state == row.to);
      CHECK(after.events.back().action == row.action);
    }
  }
}

TEST_CASE("transitions: every pair missing from the table is refused and changes nothing",
          "[cases][transitions]") {
  for (const auto& [type, major] : kinds()) {
    for (State state : all_states()) {
      CaseFixture f;
      Driver driver{f};
      const auto id = driver.case_in(state, type, major);
      if (!id) {
        continue;
      }
      for (Action action : case_actions()) {
        if (find_transition(state, action, type, major) != nullptr) {
          continue;
        }
        INFO(to_string(state) << " --" << to_string(action) << "--> ? (" << to_string(type)
                              << (major ? ", major" : "") << ")");
        const std::size_t events = case_events(f.store, *id).size();
        try {
          driver.act(*id, action, "2025-09-30T10:00");
          FAIL("not refused");
        } catch (const Refused& refused) {
          const std::string what = refused.what();
          const std::string quoted_state = "is '" + std::string(to_string(state)) + "'";
          const std::string quoted_type = "is a '" + std::string(to_string(type)) + "' case";
          CHECK((what.find(quoted_state) != std::string::npos ||
                 what.find(quoted_type) != std::string::npos));
          CHECK(what.find(std::string(command_of(action))) != std::string::npos);
        }
        CHECK(case_events(f.store, *id).size() == events);
        CHECK(f.service.get(*id).state == state);
      }
    }
  }
}

TEST_CASE("transitions: a refusal names the state and every state the action needs",
          "[cases][transitions]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-09-01T09:00");
  f.forward(id, "2025-09-01T10:00");
  f.service.reply(id, "已答复", "li", f.at("2025-09-01T11:00"));
  CHECK_THROWS_WITH(f.forward(id, "2025-09-01T12:00"),
                    "case '2025-000001' is 'answered'; forward needs one of 'received', "
                    "'escalated', 'disputed'");
  CHECK_THROWS_WITH(
      f.service.explain(id, "x", "y", "li", f.at("2025-09-01T12:00")),
      "case '2025-000001' is a 'consult' case; escalate --explain needs a 'coordinate' case");
  CHECK_THROWS_WITH(
      f.service.reject(id, RejectReason::unclear, "x", "wang", f.at("2025-09-01T12:00")),
      "case '2025-000001' is 'answered'; reject needs 'received'");
}

TEST_CASE("transitions: every state and action has a JSON spelling that parses back",
          "[cases][transitions]") {
  for (State state : all_states()) {
    CHECK(parse_state(to_string(state)) == state);
  }
  for (Action action : case_actions()) {
    CHECK(parse_action(to_string(action)) == action);
    CHECK_FALSE(command_of(action).empty());
  }
}

TEST_CASE("transitions: man/ent110.1 prints exactly the table", "[cases][transitions]") {
  const std::vector<std::string> printed =
      ent110::test::man_table_rows("man/ent110.1", ".SH STATE MACHINE");
  std::vector<std::string> expected;
  for (const Transition& row : transitions()) {
    expected.push_back(fmt::format("{}\t{}\t{}\t{}\t{}", to_string(row.from),
                                   command_of(row.action), to_string(row.to), to_string(row.actors),
                                   to_string(row.applies_to)));
  }
  CHECK(printed == expected);
}
