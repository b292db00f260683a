// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string_view>

namespace ent110 {

/// An optional text column's value to bind: NULL for an empty text, so that "not given" stays
/// distinguishable in the registries. Reads turn NULL back into an empty text.
inline std::optional<std::string_view> empty_as_null(std::string_view text) {
  return text.empty() ? std::nullopt : std::optional<std::string_view>(text);
}

}  // namespace ent110
