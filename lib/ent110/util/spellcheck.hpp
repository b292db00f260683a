// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

/// Edit distance between `a` and `b` (insertions, deletions, substitutions and swaps of
/// neighbours), counting bytes, case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is a plausible typo (distance ≤ 2, and less than the
/// word's length), for "did you mean" hints; nullopt otherwise.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

}  // namespace ent110
