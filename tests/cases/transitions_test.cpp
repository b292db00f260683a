// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"
#include "cases/driver.hpp"
#include "support/test_support.hpp"

#include <ent110/cases/event_log.hpp>
#include <ent110/cases/transitions.hpp>
#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <fstream>

using namespace ent110;
using ent110::test::CaseFixture;
using ent110::test::Driver;

namespace {

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
