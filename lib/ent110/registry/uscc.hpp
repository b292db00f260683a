// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ent110 {

/// Why a unified social credit code (统一社会信用代码, GB 32100-2015) is invalid.
enum class UsccProblem { length, character, check_character };

/// The problem with `code`, or nullopt when it is a valid 18-character code whose last character
/// is the GB 32100-2015 check character of the first 17 (alphabet 0-9 and A-Y without I O S V Z).
std::optional<UsccProblem> uscc_problem(std::string_view code);

/// The check character for the first 17 characters of `code` (which must be in the alphabet).
char uscc_check_character(std::string_view first17);

/// Validates `code` and throws BadInput naming the problem and, for a wrong check character,
/// the character that would be right.
void validate_uscc(std::string_view code);

}  // namespace ent110
