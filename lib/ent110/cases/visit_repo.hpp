// SPDX-License-Identifier: MIT
// The visit table: every statement on it.
#pragma once

#include <ent110/cases/visits.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Store;

/// Inserts `visit` (its id and the officer's and subject's names ignored) and returns its id.
std::int64_t insert_visit(Store& store, const Visit& visit);
/// The visit `id`, or nullopt.
std::optional<Visit> find_visit(Store& store, std::int64_t id);
/// The visits of `officer` (all when nullopt) at or after `since` (all when nullopt), by time
/// then id.
std::vector<Visit> find_visits(Store& store,
                               std::optional<std::int64_t> officer,
                               std::optional<Instant> since);

}  // namespace ent110
