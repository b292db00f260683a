// SPDX-License-Identifier: MIT
#include <ent110/cases/duplicates.hpp>

#include <utf8proc.h>

#include <cstdint>
#include <set>

namespace ent110 {
namespace {

bool ignored(utf8proc_int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return true;
    default:
      return false;
  }
}

std::set<std::uint64_t> bigrams(const std::u32string& text) {
  std::set<std::uint64_t> pairs;
  for (std::size_t i = 1; i < text.size(); ++i) {
    pairs.insert(static_cast<std::uint64_t>(text[i - 1]) << 32 | text[i]);
  }
  return pairs;
}

}  // namespace

std::u32string normalised_for_duplicates(std::string_view text) {
  std::u32string normalised;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length = utf8proc_iterate(bytes, remaining, &code_point);
    if (length < 0) {
      length = 1;  // not UTF-8: the byte is skipped, as it compares with nothing
    } else if (!ignored(code_point)) {
      normalised.push_back(static_cast<char32_t>(utf8proc_tolower(code_point)));
    }
    bytes += length;
    remaining -= length;
  }
  return normalised;
}

double bigram_similarity(std::string_view a, std::string_view b) {
  const std::set<std::uint64_t> first = bigrams(normalised_for_duplicates(a));
  const std::set<std::uint64_t> second = bigrams(normalised_for_duplicates(b));
  if (first.empty() || second.empty()) {
    return 0;
  }
  std::size_t shared = 0;
  for (std::uint64_t pair : first) {
    shared += second.count(pair);
  }
  const std::size_t either = first.size() + second.size() - shared;
  return static_cast<double>(shared) / static_cast<double>(either);
}

bool nearly_same(std::string_view title,
                 std::string_view body,
                 std::string_view other_title,
                 std::string_view other_body) {
  const std::u32string normalised = normalised_for_duplicates(title);
  if (!normalised.empty() && normalised == normalised_for_duplicates(other_title)) {
    return true;
  }
  return bigram_similarity(std::string(title) + std::string(body),
                           std::string(other_title) + std::string(other_body)) >=
         k_duplicate_similarity;
}

}  // namespace ent110
