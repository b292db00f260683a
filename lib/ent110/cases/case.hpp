// SPDX-License-Identifier: MIT
// Plain structs of a case as the library hands it out; no behaviour here.
#pragma once

#include <ent110/cases/case_clock.hpp>
#include <ent110/cases/state.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/registry.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

/// One entry of a case's history, appended and never edited.
struct Event {
  std::int64_t seq = 0;  ///< position in the global chain of events (all cases)
  std::string case_id;
  int case_seq = 0;  ///< 1, 2, … within the case (the JSON "seq")
  Instant at;        ///< when it happened (`--at`), as the rules count it
  /// When it was recorded (the wall clock); nullopt for events recorded before ent110 kept it.
  std::optional<Instant> recorded_at;
  Action action = Action::intake;
  std::string actor;      ///< login of the person who acted
  std::string unit;       ///< the unit they acted for
  std::string detail;     ///< the action's value: target unit, rating, reason, … (may be empty)
  std::string text;       ///< what was said: the note, answer, explanation, …
  std::string prev_hash;  ///< hash of the previous event in the chain (64 zeros for the first)
  std::string hash;       ///< SHA-256 (hex) of this event's content and prev_hash
};

/// A text given to the enterprise or the office, with who gave it (谁发布、谁负责, Art. 14, 16).
struct Authored {
  std::string text;
  std::string unit;  ///< the unit responsible for it
  std::string by;    ///< the login of the person who published or submitted it
  Instant at;
  bool edited = false;  ///< the office changed the unit's text when publishing it
};

/// A case with its clocks and (when asked for) its history.
struct Case {
  std::string id;  ///< "YYYY-NNNNNN", by the local year of receipt
  int year = 0;
  int number = 0;  ///< NNNNNN, sequential within the year
  Enterprise enterprise;
  /// The project under construction the case is about (项目统一代码), fixed at intake like the
  /// enterprise; nullopt for a case about the enterprise alone.
  std::optional<std::string> project;
  /// The id the sending system gave the case, unique per channel; fixed at intake.
  std::optional<std::string> source_id;
  bool confidential = false;  ///< 商业秘密, never published; fixed at intake
  /// The primary this duplicate follows (并单), by its merge and unmerge events.
  std::optional<std::string> merged_into;
  CaseType type = CaseType::consult;
  bool major = false;
  Channel channel = Channel::web;
  std::string title;
  std::string body;
  Instant received_at;
  State state = State::received;
  std::string unit;                   ///< the lead unit (主办), empty before forwarding
  std::vector<std::string> co_units;  ///< the co-units (协办)
  int round = 0;                      ///< times handled again after a dissatisfied rating (重办)
  std::optional<RejectReason> reject_reason;
  std::optional<Authored> result;  ///< a coordinate result as last submitted by the unit
  std::optional<Authored> answer;  ///< the answer as published to the enterprise
  std::optional<Rating> rating;
  std::string rating_comment;
  std::vector<Clock> clocks;  ///< in the order started
  std::vector<Event> events;  ///< in order; empty when not loaded
};

}  // namespace ent110
