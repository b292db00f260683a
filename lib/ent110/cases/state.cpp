// SPDX-License-Identifier: MIT
#include <ent110/cases/state.hpp>
#include <ent110/util/enum_names.hpp>

#include <array>
#include <utility>

namespace ent110 {
namespace {

constexpr std::array k_states = {
    std::pair{State::received, "received"},   std::pair{State::rejected, "rejected"},
    std::pair{State::forwarded, "forwarded"}, std::pair{State::submitted, "submitted"},
    std::pair{State::returned, "returned"},   std::pair{State::explained, "explained"},
    std::pair{State::escalated, "escalated"}, std::pair{State::answered, "answered"},
    std::pair{State::evaluated, "evaluated"}, std::pair{State::disputed, "disputed"},
};

constexpr std::array k_actions = {
    std::pair{Action::intake, "intake"},
    std::pair{Action::reject, "reject"},
    std::pair{Action::forward, "forward"},
    std::pair{Action::redo, "redo"},
    std::pair{Action::reply, "reply"},
    std::pair{Action::approve, "approve"},
    std::pair{Action::return_result, "return"},
    std::pair{Action::explain, "explain"},
    std::pair{Action::escalate_government, "escalate-government"},
    std::pair{Action::escalate_joint_meeting, "escalate-joint-meeting"},
    std::pair{Action::escalate_inspection, "escalate-inspection"},
    std::pair{Action::dispute, "dispute"},
    std::pair{Action::evaluate, "evaluate"},
    std::pair{Action::contribute, "contribute"},
    std::pair{Action::correct, "correct"},
    std::pair{Action::withdraw, "withdraw"},
    std::pair{Action::merge, "merge"},
    std::pair{Action::unmerge, "unmerge"},
    std::pair{Action::follow, "follow"},
};

constexpr std::array k_commands = {
    std::pair{Action::intake, "intake"},
    std::pair{Action::reject, "reject"},
    std::pair{Action::forward, "forward"},
    std::pair{Action::redo, "forward --redo"},
    std::pair{Action::reply, "reply"},
    std::pair{Action::approve, "review --approve"},
    std::pair{Action::return_result, "review --return"},
    std::pair{Action::explain, "escalate --explain"},
    std::pair{Action::escalate_government, "escalate --to government"},
    std::pair{Action::escalate_joint_meeting, "escalate --to joint-meeting"},
    std::pair{Action::escalate_inspection, "escalate --to inspection"},
    std::pair{Action::dispute, "dispute"},
    std::pair{Action::evaluate, "evaluate"},
    std::pair{Action::contribute, "reply --contribution"},
    std::pair{Action::correct, "correct"},
    std::pair{Action::withdraw, "triage --apply"},
    std::pair{Action::merge, "merge"},
    std::pair{Action::unmerge, "unmerge"},
    std::pair{Action::follow, "follow"},
};

constexpr std::array k_case_types = {std::pair{CaseType::consult, "consult"},
                                     std::pair{CaseType::coordinate, "coordinate"}};

constexpr std::array k_channels = {
    std::pair{Channel::web, "web"}, std::pair{Channel::hotline, "hotline"},
    std::pair{Channel::visit, "visit"}, std::pair{Channel::other, "other"}};

constexpr std::array k_ratings = {std::pair{Rating::satisfied, "satisfied"},
                                  std::pair{Rating::basic, "basic"},
                                  std::pair{Rating::dissatisfied, "dissatisfied"}};

constexpr std::array k_reject_reasons = {std::pair{RejectReason::unlawful, "unlawful"},
                                         std::pair{RejectReason::unclear, "unclear"}};

}  // namespace

std::string_view to_string(State state) {
  return name_of(k_states, state);
}
std::string_view to_string(Action action) {
  return name_of(k_actions, action);
}
std::string_view command_of(Action action) {
  return name_of(k_commands, action);
}
std::string_view to_string(CaseType type) {
  return name_of(k_case_types, type);
}
std::string_view to_string(Channel channel) {
  return name_of(k_channels, channel);
}
std::string_view to_string(Rating rating) {
  return name_of(k_ratings, rating);
}
std::string_view to_string(RejectReason reason) {
  return name_of(k_reject_reasons, reason);
}

std::optional<State> parse_state(std::string_view text) {
  return value_of(k_states, text);
}
std::optional<Action> parse_action(std::string_view text) {
  return value_of(k_actions, text);
}
std::optional<CaseType> parse_case_type(std::string_view text) {
  return value_of(k_case_types, text);
}
std::optional<Channel> parse_channel(std::string_view text) {
  return value_of(k_channels, text);
}
std::optional<Rating> parse_rating(std::string_view text) {
  return value_of(k_ratings, text);
}
std::optional<RejectReason> parse_reject_reason(std::string_view text) {
  return value_of(k_reject_reasons, text);
}

std::vector<std::string> state_names() {
  return names_of(k_states);
}
std::vector<std::string> case_type_names() {
  return names_of(k_case_types);
}
std::vector<std::string> channel_names() {
  return names_of(k_channels);
}
std::vector<std::string> rating_names() {
  return names_of(k_ratings);
}
std::vector<std::string> reject_reason_names() {
  return names_of(k_reject_reasons);
}

std::vector<State> all_states() {
  return values_of(k_states);
}

bool is_open(State state) {
  return state != State::rejected && state != State::answered && state != State::evaluated;
}

std::vector<State> open_states() {
  std::vector<State> states = all_states();
  std::erase_if(states, [](State state) { return !is_open(state); });
  return states;
}

std::vector<Action> case_actions() {
  std::vector<Action> actions;
  for (const auto& entry : k_actions) {
    // Corrections and withdrawals annotate events; merges tie a case to another: none is a
    // transition of the table.
    if (entry.first < Action::correct && entry.first != Action::intake) {
      actions.push_back(entry.first);
    }
  }
  return actions;
}

}  // namespace ent110
