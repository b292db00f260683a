// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/store/store.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

/// What `ent110 verify` found.
struct VerifyReport {
  std::vector<std::string> integrity_problems;     ///< PRAGMA integrity_check lines other than "ok"
  std::int64_t foreign_key_violations = 0;         ///< rows whose reference points nowhere
  std::int64_t events = 0;                         ///< events whose hash chain was checked
  std::optional<std::int64_t> first_broken_event;  ///< seq of the first event that fails
  std::string first_broken_case;                   ///< the case of that event

  /// Whether nothing was found.
  bool ok() const {
    return integrity_problems.empty() && foreign_key_violations == 0 && !first_broken_event;
  }
};

/// Checks the database file (SQLite's integrity check and foreign keys) and the event chain
/// (every event's SHA-256 over its content and its predecessor's hash), read-only.
VerifyReport verify_database(Store& store);

}  // namespace ent110
