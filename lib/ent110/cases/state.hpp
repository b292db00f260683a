// SPDX-License-Identifier: MIT
// The vocabulary of a case: its states, the actions on it and the enumerated fields, each with
// its JSON/CLI spelling (spec/cli.md) kept in one table per enum.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

/// Where a case stands (spec/rules.md "Paths through a case").
enum class State {
  received,   ///< taken in by the office; forward clock runs (Art. 7)
  rejected,   ///< not accepted: unlawful or unclear (不予受理, Art. 6)
  forwarded,  ///< with the lead unit; reply clock runs (Art. 7)
  submitted,  ///< a coordinate result awaits the office's review (Art. 6)
  returned,   ///< the office sent the result back; resubmit clock runs (Art. 6)
  explained,  ///< the unit explained why it cannot finish; reply clock paused (Art. 7)
  escalated,  ///< taken to the government or the joint meeting (Art. 2, 7)
  answered,   ///< the answer is published to the enterprise (Art. 6, 8)
  evaluated,  ///< the enterprise's rating is recorded (Art. 9)
  disputed,   ///< the unit says it is not responsible; on the joint-meeting agenda (Art. 2)
};

/// What can be done to a case; every action is one event (intake creates the case).
enum class Action {
  intake,                  ///< record a case received (Art. 4, 6)
  reject,                  ///< do not accept: unlawful or unclear (Art. 6)
  forward,                 ///< assign to a lead unit (and co-units) (Art. 7)
  redo,                    ///< forward again after a dissatisfied rating (重办, Art. 9)
  reply,                   ///< the lead unit answers or submits its result (Art. 6, 7)
  approve,                 ///< the office approves a result and publishes it (Art. 6)
  return_result,           ///< the office returns a result to the unit (Art. 6)
  explain,                 ///< the unit explains and proposes a solution (Art. 7)
  escalate_government,     ///< the office takes the case to the city government (Art. 7, 8)
  escalate_joint_meeting,  ///< the office puts the case on the joint meeting's agenda (Art. 2, 7)
  escalate_inspection,     ///< the office refers a late, unexplained unit (督办, Art. 7)
  dispute,                 ///< the unit says the case is not its responsibility (Art. 2)
  evaluate,                ///< the enterprise's rating (Art. 9)
  contribute,              ///< a co-unit's contribution to the lead unit (协办, Art. 6)
  correct,                 ///< the office corrects an earlier event in the open; changes no state
  withdraw,                ///< a referral that a later-recorded fact proved wrong is withdrawn
  merge,                   ///< the office merges a duplicate into its primary (并单)
  unmerge,                 ///< the office undoes a merge while the primary is unanswered
  follow,                  ///< the primary's published answer copied into a duplicate's log
};

/// The kind of problem (Art. 6).
enum class CaseType {
  consult,     ///< 咨询类
  coordinate,  ///< 协调解决类
};

/// How the case came in (Art. 4, 6).
enum class Channel { web, hotline, visit, other };

/// The enterprise's rating (Art. 9).
enum class Rating {
  satisfied,     ///< 满意
  basic,         ///< 基本满意
  dissatisfied,  ///< 不满意
};

/// Why a case is not accepted (Art. 6).
enum class RejectReason {
  unlawful,  ///< the request is against laws or policy
  unclear,   ///< the request is not clear enough to act on
};

/// The JSON spelling of `state`, e.g. "forwarded".
std::string_view to_string(State state);
/// The stored/JSON spelling of `action`, e.g. "escalate-government".
std::string_view to_string(Action action);
/// How a person types `action` on the command line, e.g. "escalate --to government".
std::string_view command_of(Action action);
/// "consult" or "coordinate".
std::string_view to_string(CaseType type);
/// "web", "hotline", "visit" or "other".
std::string_view to_string(Channel channel);
/// "satisfied", "basic" or "dissatisfied".
std::string_view to_string(Rating rating);
/// "unlawful" or "unclear".
std::string_view to_string(RejectReason reason);

/// Parses a spelling of to_string; nullopt for anything else.
std::optional<State> parse_state(std::string_view text);
/// Parses a spelling of to_string(Action); nullopt for anything else.
std::optional<Action> parse_action(std::string_view text);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<CaseType> parse_case_type(std::string_view text);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<Channel> parse_channel(std::string_view text);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<Rating> parse_rating(std::string_view text);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<RejectReason> parse_reject_reason(std::string_view text);

/// Every spelling, in declaration order, for option checks and tests.
std::vector<std::string> state_names();
/// Every case type spelling.
std::vector<std::string> case_type_names();
/// Every channel spelling.
std::vector<std::string> channel_names();
/// Every rating spelling.
std::vector<std::string> rating_names();
/// Every reject reason spelling.
std::vector<std::string> reject_reason_names();

/// Every state, in declaration order.
std::vector<State> all_states();
/// Whether a case in `state` still waits on the office, a unit or a decision: every state but
/// rejected, answered and evaluated (an answered case waits only for the enterprise's rating).
bool is_open(State state);
/// The open states, in declaration order.
std::vector<State> open_states();
/// Every action of the transition table that acts on an existing case (all but intake, correct,
/// withdraw and the merge actions), in declaration order.
std::vector<Action> case_actions();

}  // namespace ent110
