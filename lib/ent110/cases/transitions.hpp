// SPDX-License-Identifier: MIT
// The state machine as data: one table of rows {from, action, to, roles, applies_to}. The
// service consults nothing else; tests walk every row and every pair missing from it, and the
// man page prints it.
#pragma once

#include <ent110/cases/state.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

/// Who may take a transition (spec/rules.md "Who acts").
enum class Actors : std::uint8_t {
  office = 1,     ///< office users (市企业服务活动办公室)
  lead_unit = 2,  ///< users of the case's lead unit (主办单位)
  co_unit = 3,    ///< users of one of the case's co-units (协办单位)
};

/// Which cases a row applies to.
enum class AppliesTo : std::uint8_t {
  any,         ///< every case
  consult,     ///< consult cases only (Art. 6)
  coordinate,  ///< coordinate cases only (Art. 6)
  major,       ///< major cases only (Art. 8)
};

/// One row of the state machine; `to == from` for actions that keep the state.
struct Transition {
  State from;
  Action action;
  State to;
  Actors actors;
  AppliesTo applies_to;
};

/// The whole table, in the order the man page prints it.
std::span<const Transition> transitions();

/// Whether `row` applies to a case of `type` with `major` flag.
bool applies(const Transition& row, CaseType type, bool major);

/// The row for `action` on a case in `state` of `type` and `major` flag, or nullptr.
const Transition* find_transition(State state, Action action, CaseType type, bool major);

/// The states from which `action` is allowed on a case of `type` and `major` flag.
std::vector<State> states_allowing(Action action, CaseType type, bool major);

/// The row for `action` on case `case_id`; throws Refused naming the case's state and what the
/// action needs (the states it may start from, or the case type it needs).
const Transition& require_transition(
    std::string_view case_id, State state, Action action, CaseType type, bool major);

/// "office", "lead unit" or "co-unit", as the man page and refusals name `actors`.
std::string_view to_string(Actors actors);
/// "any", "consult", "coordinate" or "major".
std::string_view to_string(AppliesTo applies_to);

}  // namespace ent110
