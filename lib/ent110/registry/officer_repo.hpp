// SPDX-License-Identifier: MIT
// The officer and assignment tables: every statement on them.
#pragma once

#include <ent110/registry/officers.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace ent110 {

class Store;

/// The officer with `id`, or nullopt.
std::optional<Officer> find_officer(Store& store, std::int64_t id);

/// The officers with an assignment to `served` covering `day` who have not retired by then,
/// leaders first, then by id.
std::vector<Officer> find_officers_serving(Store& store, const Served& served, LocalDate day);

}  // namespace ent110
