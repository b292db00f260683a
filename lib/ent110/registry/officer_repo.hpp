// SPDX-License-Identifier: MIT
// The officer and assignment tables: every statement on them.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/officers.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// The officer with `id`, or nullopt.
std::optional<Officer> find_officer(Store& store, std::int64_t id);

/// The officers with an assignment to `served` covering `day` who have not retired by then,
/// leaders first, then by id.
std::vector<Officer> find_officers_serving(Store& store, const Served& served, LocalDate day);

/// The officers `filter` selects (serving on `today` unless retired ones are asked for), by id.
std::vector<Officer> find_officers(Store& store, const OfficerFilter& filter, LocalDate today);

/// The most recently added officer named exactly `name` in unit `unit`, serving or retired.
std::optional<Officer> find_officer_by_name(Store& store,
                                            std::string_view name,
                                            std::string_view unit);

/// Inserts `officer` (its `id` and retired_on ignored) when `id` is nullopt, else updates row
/// `id`'s name, level, unit, post and phone, and records the audit event of `action` by `actor`;
/// returns the row's id.
std::int64_t save_officer(Store& store,
                          const Officer& officer,
                          std::optional<std::int64_t> id,
                          const Actor& actor,
                          std::string_view action,
                          Instant now);

/// Sets officer `id`'s retired_on to `on`, audited as "officer retire" by `actor`.
void set_officer_retired(
    Store& store, std::int64_t id, LocalDate on, const Actor& actor, Instant now);

}  // namespace ent110
