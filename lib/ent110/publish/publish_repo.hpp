// SPDX-License-Identifier: MIT
// The SQL of `publish`; runs in the caller's read.
#pragma once

#include <ent110/core/time.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Store;

/// The ids of the cases with a published answer (at or after `since`), neither confidential nor
/// following another case, newest answer first.
std::vector<std::string> publishable_case_ids(Store& store, std::optional<Instant> since);

}  // namespace ent110
