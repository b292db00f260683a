// SPDX-License-Identifier: MIT
#include <ent110/cases/transitions.hpp>
#include <ent110/core/error.hpp>

#include <array>

namespace ent110 {
namespace {

using enum State;
using A = Action;
constexpr Actors k_office = Actors::office;
constexpr Actors k_unit = Actors::lead_unit;
constexpr AppliesTo k_any = AppliesTo::any;

constexpr std::array k_table = {
    // Art. 6: the office does not accept what is unlawful or unclear.
    Transition{received, A::reject, rejected, k_office, k_any},
    // Art. 7: the office forwards within 1 working day; again after an escalation decision or
    // a dispute (Art. 2).
    Transition{received, A::forward, forwarded, k_office, k_any},
    Transition{escalated, A::forward, forwarded, k_office, k_any},
    Transition{disputed, A::forward, forwarded, k_office, k_any},
    // Art. 9: a dissatisfied enterprise's case is handled again (重办).
    Transition{evaluated, A::redo, forwarded, k_office, k_any},
    // Art. 6, 7: a consult case is answered by the unit directly (registered with the office);
    // a coordinate result goes to the office's review, also after a return.
    Transition{forwarded, A::reply, answered, k_unit, AppliesTo::consult},
    Transition{forwarded, A::reply, submitted, k_unit, AppliesTo::coordinate},
    Transition{returned, A::reply, submitted, k_unit, AppliesTo::coordinate},
    // Art. 7: after an escalation the office may answer the enterprise itself.
    Transition{escalated, A::reply, answered, k_office, k_any},
    // Art. 6: the office reviews a coordinate result: publishes it or returns it.
    Transition{submitted, A::approve, answered, k_office, AppliesTo::coordinate},
    Transition{submitted, A::return_result, returned, k_office, AppliesTo::coordinate},
    // Art. 7: a unit that cannot finish explains within 3 working days and proposes a solution.
    Transition{forwarded, A::explain, explained, k_unit, AppliesTo::coordinate},
    // Art. 7, 2: the office's decision on an explanation or a dispute.
    Transition{explained, A::escalate_government, escalated, k_office, k_any},
    Transition{disputed, A::escalate_government, escalated, k_office, k_any},
    Transition{explained, A::escalate_joint_meeting, escalated, k_office, k_any},
    Transition{disputed, A::escalate_joint_meeting, escalated, k_office, k_any},
    // Art. 8: a major case is reported to the city government; the case stays where it is.
    Transition{received, A::escalate_government, received, k_office, AppliesTo::major},
    Transition{forwarded, A::escalate_government, forwarded, k_office, AppliesTo::major},
    Transition{submitted, A::escalate_government, submitted, k_office, AppliesTo::major},
    Transition{returned, A::escalate_government, returned, k_office, AppliesTo::major},
    Transition{escalated, A::escalate_government, escalated, k_office, AppliesTo::major},
    Transition{answered, A::escalate_government, answered, k_office, AppliesTo::major},
    // Art. 7: a unit late without explanation is referred to the inspection office (督办);
    // it still owes its reply.
    Transition{forwarded, A::escalate_inspection, forwarded, k_office, k_any},
    // … also when its explanation or dispute came only after the reply was due: that changes
    // nothing about the miss.
    Transition{explained, A::escalate_inspection, explained, k_office, k_any},
    Transition{disputed, A::escalate_inspection, disputed, k_office, k_any},
    Transition{escalated, A::escalate_inspection, escalated, k_office, k_any},
    // Art. 2: the unit disputes the assignment; it goes on the joint meeting's agenda.
    Transition{forwarded, A::dispute, disputed, k_unit, k_any},
    // Art. 9: the office records the enterprise's rating of the answer.
    Transition{answered, A::evaluate, evaluated, k_office, k_any},
    // Art. 6 (相关单位): a co-unit gives the lead unit its contribution while the lead works.
    Transition{forwarded, A::contribute, forwarded, Actors::co_unit, k_any},
    Transition{explained, A::contribute, explained, Actors::co_unit, k_any},
    Transition{returned, A::contribute, returned, Actors::co_unit, k_any},
};

std::string quoted_list(const std::vector<State>& states) {
  std::string list;
  for (std::size_t i = 0; i < states.size(); ++i) {
    list += (i == 0 ? "'" : ", '") + std::string(to_string(states[i])) + "'";
  }
  return list;
}

}  // namespace

std::span<const Transition> transitions() {
  return k_table;
}

bool applies(const Transition& row, CaseType type, bool major) {
  switch (row.applies_to) {
    case AppliesTo::any:
      return true;
    case AppliesTo::consult:
      return type == CaseType::consult;
    case AppliesTo::coordinate:
      return type == CaseType::coordinate;
    case AppliesTo::major:
      return major;
  }
  return false;
}

const Transition* find_transition(State state, Action action, CaseType type, bool major) {
  for (const Transition& row : k_table) {
    if (row.from == state && row.action == action && applies(row, type, major)) {
      return &row;
    }
  }
  return nullptr;
}

std::vector<State> states_allowing(Action action, CaseType type, bool major) {
  std::vector<State> states;
  for (State state : all_states()) {
    if (find_transition(state, action, type, major) != nullptr) {
      states.push_back(state);
    }
  }
  return states;
}

const Transition& require_transition(
    std::string_view case_id, State state, Action action, CaseType type, bool major) {
  if (const Transition* row = find_transition(state, action, type, major)) {
    return *row;
  }
  const std::string id(case_id);
  const std::string command(command_of(action));
  const std::vector<State> allowed = states_allowing(action, type, major);
  if (allowed.empty()) {
    // No state would do: the action is for another kind of case.
    const CaseType other = type == CaseType::consult ? CaseType::coordinate : CaseType::consult;
    throw Refused(MessageId::case_refused_type,
                  {id, std::string(to_string(type)), command, std::string(to_string(other))});
  }
  if (allowed.size() == 1) {
    throw Refused(MessageId::case_refused_state_one,
                  {id, std::string(to_string(state)), command, std::string(to_string(allowed[0]))});
  }
  throw Refused(MessageId::case_refused_state,
                {id, std::string(to_string(state)), command, quoted_list(allowed)});
}

std::string_view to_string(Actors actors) {
  switch (actors) {
    case Actors::office:
      return "office";
    case Actors::lead_unit:
      return "lead unit";
    case Actors::co_unit:
      return "co-unit";
  }
  return {};
}

std::string_view to_string(AppliesTo applies_to) {
  switch (applies_to) {
    case AppliesTo::any:
      return "any";
    case AppliesTo::consult:
      return "consult";
    case AppliesTo::coordinate:
      return "coordinate";
    case AppliesTo::major:
      return "major";
  }
  return {};
}

}  // namespace ent110
