// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/uscc.hpp>

#include <array>
#include <cassert>

namespace ent110 {
namespace {

// GB 32100-2015 §4: the 31 characters a code may use, in value order.
constexpr std::string_view k_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// GB 32100-2015 Annex: weight of each of the first 17 positions, 3^(i) mod 31.
constexpr std::array<int, 17> k_weights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                           29, 25, 13, 8,  24, 10, 30, 28};
constexpr std::size_t k_length = 18;

}  // namespace

char uscc_check_character(std::string_view first17) {
  assert(first17.size() >= 17);
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const auto value = k_alphabet.find(first17[i]);
    assert(value != std::string_view::npos);
    sum += static_cast<int>(value) * k_weights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return k_alphabet[static_cast<std::size_t>(check)];
}

std::optional<UsccProblem> uscc_problem(std::string_view code) {
  if (code.size() != k_length) {
    return UsccProblem::length;
  }
  for (char c : code) {
    if (k_alphabet.find(c) == std::string_view::npos) {
      return UsccProblem::character;
    }
  }
  if (uscc_check_character(code) != code.back()) {
    return UsccProblem::check_character;
  }
  return std::nullopt;
}

void validate_uscc(std::string_view code) {
  const std::string text(code);
  const auto problem = uscc_problem(code);
  if (!problem) {
    return;
  }
  switch (*problem) {
    case UsccProblem::length:
      throw BadInput(MessageId::uscc_length, {text, std::to_string(code.size())});
    case UsccProblem::character:
      throw BadInput(MessageId::uscc_character, {text});
    case UsccProblem::check_character:
      throw BadInput(MessageId::uscc_check, {text, std::string(1, uscc_check_character(code))});
  }
}

}  // namespace ent110
