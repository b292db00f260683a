// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/store/store.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

/// The words of the database a shell completes.
enum class CompletionWords {
  units,  ///< unit codes
  cases,  ///< case ids
};

/// The unit codes or case ids that start with `prefix`, in order, for `ent110 complete`.
std::vector<std::string> completion_words(Store& store,
                                          CompletionWords words,
                                          std::string_view prefix);

}  // namespace ent110
