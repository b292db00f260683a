// SPDX-License-Identifier: MIT
// Drives a new case of the fixture into any state by the shortest path of commands, and takes
// any action of the transition table on it: the walkers of the transition and clock tables.
#pragma once

#include "cases/case_fixture.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

namespace ent110::test {

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
      case Action::merge:
      case Action::unmerge:
      case Action::follow:
        FAIL("corrections, withdrawals and merges are not transitions");
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

  // With `late`, the path's explanation or dispute (else its last step) and what follows come
  // after the reply was due (2025-09-20): a referral to inspection needs the unit late, and an
  // explanation or dispute that late does not pause.
  std::optional<std::string> case_in(State state, CaseType type, bool major, bool late = false) {
    const auto path = path_to(state, type);
    if (!path) {
      return std::nullopt;
    }
    const std::string id = f.intake(type, next(), major);
    bool late_from = false;
    for (std::size_t i = 0; i < path->size(); ++i) {
      // With `late`, from the first explanation or dispute on, after the reply was due.
      late_from = late_from || (late && ((*path)[i] == Action::explain ||
                                         (*path)[i] == Action::dispute || i + 1 == path->size()));
      act(id, (*path)[i], late_from ? fmt::format("2025-09-20T{:02}:00", hour++) : next());
    }
    REQUIRE(f.service.get(id).state == state);
    return id;
  }
};

}  // namespace ent110::test
