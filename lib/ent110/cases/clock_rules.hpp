// SPDX-License-Identifier: MIT
// The clocks of the rules as data: one row per clock {clock, owner, limit, started by, stopped
// by, paused by, cancelled by, article}, as transitions.hpp is for states. The case replay
// (replay.cpp) reads nothing else to start, stop, pause or cancel a clock; the triage, the bench
// generator and the man pages read the same rows, and tests walk every one.
#pragma once

#include <ent110/cases/case_clock.hpp>
#include <ent110/cases/state.hpp>

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

namespace ent110 {

struct Config;

/// Who owes the action a clock counts.
enum class ClockOwner : std::uint8_t {
  office,     ///< the office (市企业服务活动办公室)
  lead_unit,  ///< the case's lead unit (主办单位)
  co_unit,    ///< each co-unit named with `forward --with` (协办单位), one clock each
};

/// A set of actions, as bits of `Action`.
class ActionSet {
 public:
  constexpr ActionSet(std::initializer_list<Action> actions) {
    for (Action action : actions) {
      m_bits |= bit(action);
    }
  }
  constexpr bool contains(Action action) const { return (m_bits & bit(action)) != 0; }
  constexpr bool empty() const { return m_bits == 0; }

 private:
  static constexpr std::uint32_t bit(Action action) {
    return std::uint32_t{1} << static_cast<unsigned>(action);
  }
  std::uint32_t m_bits = 0;
};

/// When an action of `started_by` starts the clock.
enum class StartWhen : std::uint8_t {
  always,
  major,                   ///< only for a major case (Art. 8)
  coordinate_by_the_rule,  ///< only for a coordinate case forwarded with the rule's limits (Art. 7)
  result_submitted,        ///< only when the action takes the case to `submitted` (Art. 6)
  per_co_unit,             ///< once for each co-unit of the assignment (Art. 6)
};

/// One clock of spec/rules.md's clock table.
struct ClockRule {
  ClockName clock;
  ClockOwner owner;
  int consult_days;             ///< the limit for a consult case (0: from `config_days`)
  int coordinate_days;          ///< the limit for a coordinate case (0: from `config_days`)
  int Config::*config_days;     ///< the configured limit where the rule sets none, or nullptr
  std::string_view config_key;  ///< its key in config.toml, or empty
  StartWhen start_when;
  ActionSet started_by;
  /// Stops the running clock, judged met (on or before its due date) or missed (after it).
  ActionSet stopped_by;
  /// Pauses the running clock while the office decides, but only on or before its due date:
  /// an explanation or a dispute after the deadline does not undo the miss (Art. 7).
  ActionSet paused_by;
  /// The clock is no longer owed (running or paused); a running clock already past its due date
  /// is judged missed instead, so that no action of anyone erases a miss.
  ActionSet cancelled_by;
  int article;
};

/// The whole table, in the order of `ClockName`.
std::span<const ClockRule> clock_rules();

/// The row of `clock`.
const ClockRule& clock_rule(ClockName clock);

/// "office", "lead unit" or "co-unit".
std::string_view to_string(ClockOwner owner);

/// The limit of `rule` in working days for a case of `type` under `config`.
int clock_limit(const ClockRule& rule, CaseType type, const Config& config);

}  // namespace ent110
