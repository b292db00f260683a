// SPDX-License-Identifier: MIT
#include <ent110/cases/clock_rules.hpp>
#include <ent110/config/config.hpp>

#include <array>

namespace ent110 {
namespace {

using A = Action;

// The assignment's clocks end when the case is forwarded again (to another unit, or with a
// decision's new limit after an escalation or a dispute, or handled again after a dissatisfied
// rating), or with a reply: the office's own answer after an escalation, or the lead unit's
// (which stops its own clocks first and ends what co-units still owed).
constexpr ActionSet k_assignment_ends = {A::forward, A::redo, A::reply};

constexpr std::array k_rules = {
    // Art. 7: the office forwards within 1 working day of receipt, any hour of any day.
    ClockRule{ClockName::forward,
              ClockOwner::office,
              1,
              1,
              nullptr,
              {},
              StartWhen::always,
              {A::intake},
              {A::forward, A::reject},
              {},
              {},
              7},
    // Art. 7: the lead unit replies within 1 (consult) or 5 (coordinate) working days, or the
    // limit the office's decision sets after an escalation or a dispute.
    ClockRule{ClockName::reply,
              ClockOwner::lead_unit,
              1,
              5,
              nullptr,
              {},
              StartWhen::always,
              {A::forward, A::redo},
              {A::reply},
              {A::explain, A::dispute},
              k_assignment_ends,
              7},
    // Art. 7: a coordinate unit that cannot finish explains within 3 working days.
    ClockRule{ClockName::explain,
              ClockOwner::lead_unit,
              3,
              3,
              nullptr,
              {},
              StartWhen::coordinate_by_the_rule,
              {A::forward, A::redo},
              {A::explain},
              {A::dispute},
              k_assignment_ends,
              7},
    // Art. 8: a major case is reported to the city government within 2 working days.
    ClockRule{ClockName::government,
              ClockOwner::office,
              2,
              2,
              nullptr,
              {},
              StartWhen::major,
              {A::intake},
              {A::escalate_government},
              {},
              {A::reject},
              8},
    // Art. 6: the office reviews a submitted result (the rule sets no limit).
    ClockRule{ClockName::review,
              ClockOwner::office,
              0,
              0,
              &Config::review_days,
              "clocks.review_days",
              StartWhen::result_submitted,
              {A::reply},
              {A::approve, A::return_result},
              {},
              k_assignment_ends,
              6},
    // Art. 6: the lead unit resubmits a returned result (the rule sets no limit).
    ClockRule{ClockName::resubmit,
              ClockOwner::lead_unit,
              0,
              0,
              &Config::resubmit_days,
              "clocks.resubmit_days",
              StartWhen::always,
              {A::return_result},
              {A::reply},
              {},
              k_assignment_ends,
              6},
    // Art. 6 (相关单位): each co-unit gives the lead unit its contribution, never later than the
    // lead unit's reply due date; the lead unit's reply ends what is still owed.
    ClockRule{ClockName::assist,
              ClockOwner::co_unit,
              0,
              0,
              &Config::assist_days,
              "clocks.assist_days",
              StartWhen::per_co_unit,
              {A::forward, A::redo},
              {A::contribute},
              {},
              k_assignment_ends,
              6},
};

}  // namespace

std::span<const ClockRule> clock_rules() {
  return k_rules;
}

const ClockRule& clock_rule(ClockName clock) {
  return k_rules.at(static_cast<std::size_t>(clock));
}

std::string_view to_string(ClockOwner owner) {
  switch (owner) {
    case ClockOwner::office:
      return "office";
    case ClockOwner::lead_unit:
      return "lead unit";
    case ClockOwner::co_unit:
      return "co-unit";
  }
  return {};
}

int clock_limit(const ClockRule& rule, CaseType type, const Config& config) {
  if (rule.config_days != nullptr) {
    return config.*rule.config_days;
  }
  return type == CaseType::consult ? rule.consult_days : rule.coordinate_days;
}

}  // namespace ent110
