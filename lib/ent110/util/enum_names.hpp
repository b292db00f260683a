// SPDX-License-Identifier: MIT
// Spelling tables for enums: one constexpr array of {value, name} pairs per enum, so that each
// spelling exists once and both directions read the same table.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ent110 {

/// A table of an enum's values and their spellings.
template <typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, const char*>, N>;

/// The spelling of `value` in `table` (empty when the table lacks it, which is a bug).
template <typename Enum, std::size_t N>
std::string_view name_of(const EnumNames<Enum, N>& table, Enum value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) {
      return name;
    }
  }
  return {};
}

/// The value spelled `text` in `table`, or nullopt.
template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const EnumNames<Enum, N>& table, std::string_view text) {
  for (const auto& [candidate, name] : table) {
    if (text == name) {
      return candidate;
    }
  }
  return std::nullopt;
}

/// Every spelling of `table`, in table order (for option validation and messages).
template <typename Enum, std::size_t N>
std::vector<std::string> names_of(const EnumNames<Enum, N>& table) {
  std::vector<std::string> names;
  for (const auto& entry : table) {
    names.emplace_back(entry.second);
  }
  return names;
}

/// Every value of `table`, in table order.
template <typename Enum, std::size_t N>
std::vector<Enum> values_of(const EnumNames<Enum, N>& table) {
  std::vector<Enum> values;
  for (const auto& entry : table) {
    values.push_back(entry.first);
  }
  return values;
}

}  // namespace ent110
