// SPDX-License-Identifier: MIT
// When two cases are nearly the same (并单 on intake): the comparison is plain C++ over the few
// open cases of one enterprise that a bounded query returns.
#pragma once

#include <string>
#include <string_view>

namespace ent110 {

/// `text` as duplicates are compared: without whitespace, punctuation and control characters,
/// letters in lower case (so "退税，怎么办？" and "退税 怎么办" read the same).
std::u32string normalised_for_duplicates(std::string_view text);

/// The Jaccard similarity of the character bigrams of normalised `a` and `b`: 1 for the same
/// text, 0 when no two adjacent characters are shared (or either has fewer than two).
double bigram_similarity(std::string_view a, std::string_view b);

/// The similarity from which two cases count as nearly the same.
inline constexpr double k_duplicate_similarity = 0.8;

/// Whether a case titled `title` with `body` is nearly the same as one titled `other_title` with
/// `other_body`: the normalised titles are equal (and not empty), or the bigram similarity of
/// title and body together is at least k_duplicate_similarity.
bool nearly_same(std::string_view title,
                 std::string_view body,
                 std::string_view other_title,
                 std::string_view other_body);

}  // namespace ent110
