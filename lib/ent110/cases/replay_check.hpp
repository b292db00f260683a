// SPDX-License-Identifier: MIT
// `verify`'s look at every case: the stored record against the replay of its events.
#pragma once

#include <ent110/cases/replay.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace ent110 {

class Store;

/// The first case whose stored record is not what its events say.
struct ReplayMismatch {
  std::string case_id;
  std::string field;  ///< e.g. "answer", "clock 3 (reply) due", or why the events cannot replay
};

/// What replaying every case found.
struct ReplayCheck {
  std::int64_t cases = 0;
  std::optional<ReplayMismatch> first;
};

/// Replays every case (in id order, reading each table once) and compares it with the stored
/// case_file, case_co_unit and case_clock rows. Runs in the caller's read.
ReplayCheck check_case_replays(Store& store, const ReplayContext& context);

}  // namespace ent110
