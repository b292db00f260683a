// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ent110 {

/// Terminal columns `text` occupies: CJK ideographs and fullwidth forms count 2, combining marks 0
/// (Unicode East Asian Width via utf8proc), ANSI colour sequences 0. Invalid UTF-8 bytes count 1
/// each.
std::size_t display_width(std::string_view text);

/// The longest prefix of `text` that fits in `columns`, ending in "…" when something was cut.
std::string truncate_to_width(std::string_view text, std::size_t columns);

/// `text` padded with spaces on the right (left-aligned) or left (right-aligned) to `columns`.
std::string pad_to_width(std::string_view text, std::size_t columns, bool align_right = false);

}  // namespace ent110
