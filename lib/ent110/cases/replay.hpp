// SPDX-License-Identifier: MIT
// A case is a function of its events and the calendar: `replay` is that function, written once.
// The case_file and case_clock rows are its cache; every action, correction, late entry and
// calendar change stores what `replay` returns, and `verify` compares the cache with it.
#pragma once

#include <ent110/cases/case.hpp>
#include <ent110/core/time.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class WorkingCalendar;
class Zone;
struct Config;

/// What a case's replay counts with.
struct ReplayContext {
  const WorkingCalendar& calendar;
  const Config& config;
  const Zone& zone;
};

/// The limit the office's decision sets when forwarding after an escalation or a dispute.
struct DecidedLimit {
  std::optional<int> within_days;
  std::optional<LocalDate> due;
};

/// The stored detail of a forward or redo event: "FGW", "FGW with SWJ,ZRZYJ", then " within 3"
/// or " due 2025-11-20" for a decided limit.
std::string forward_detail(const std::string& lead,
                           const std::vector<std::string>& co_units,
                           const DecidedLimit& limit);

/// A forward or redo event's detail, read back.
struct ForwardDetail {
  std::string lead;
  std::vector<std::string> co_units;
  DecidedLimit limit;
};

/// Parses forward_detail; nullopt when it names no lead unit.
std::optional<ForwardDetail> parse_forward_detail(std::string_view detail);

/// What `correct` does to the event it names.
enum class CorrectionKind {
  time,   ///< the event really happened at another instant
  to,     ///< a forward really went to another lead unit
  void_,  ///< the event should never have been recorded
};

/// A correction as stored in a `correct` event's detail.
struct Correction {
  int event = 0;  ///< case_seq of the corrected event
  CorrectionKind kind = CorrectionKind::void_;
  std::optional<Instant> time;  ///< for `time`
  std::string unit;             ///< for `to`
};

/// "3 time 2025-11-04T09:00:00Z", "3 to SWJ" or "3 void".
std::string correction_detail(const Correction& correction);
/// Parses correction_detail; nullopt for anything else.
std::optional<Correction> parse_correction(std::string_view detail);

/// The events that decide a case, after corrections and withdrawals: voided events, withdrawn
/// referrals, corrections and withdrawals themselves left out; times and units as corrected;
/// ordered by when they happened (then by when recorded).
std::vector<Event> effective_events(const std::vector<Event>& events);

/// What the events say a case is.
struct Replayed {
  Case kase;  ///< the case with state, units, texts, rating and clocks (clock ids are 0)
  /// case_seq of referrals to inspection that no longer hold (the unit was not late without
  /// explanation after all) and have not been withdrawn yet.
  std::vector<int> stale_referrals;
};

/// Replays `events` (the whole history, as stored) over `header` (the case's immutable fields:
/// id, year, number, enterprise, project, channel, body). Throws Refused naming the first event
/// that would be impossible (a correction that breaks the history).
Replayed replay(const Case& header, const std::vector<Event>& events, const ReplayContext& context);

/// The first field in which `stored` differs from `replayed`, e.g. "state", "answer",
/// "clock 2 (reply) due"; nullopt when they agree.
std::optional<std::string> first_difference(const Case& stored, const Case& replayed);

}  // namespace ent110
