// SPDX-License-Identifier: MIT
// The assignment table: every statement on it.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/assignments.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// The assignments of officer `officer_id`, by from date then id.
std::vector<Assignment> find_assignments_of_officer(Store& store, std::int64_t officer_id);
/// The assignments to `served`, by from date then id.
std::vector<Assignment> find_assignments_of_subject(Store& store, const Served& served);
/// Officer `officer_id`'s assignments to `served` that are open or end after `day`, by from date.
std::vector<Assignment> find_assignments_reaching(Store& store,
                                                  std::int64_t officer_id,
                                                  const Served& served,
                                                  LocalDate day);
/// Officer `officer_id`'s open assignments, by from date.
std::vector<Assignment> find_open_assignments(Store& store, std::int64_t officer_id);

/// Inserts an open assignment, audited as `action` by `actor`; returns its id.
std::int64_t insert_assignment(Store& store,
                               std::int64_t officer_id,
                               const Served& served,
                               LocalDate from,
                               const Actor& actor,
                               std::string_view action,
                               Instant now);
/// Sets assignment `id`'s until date, audited as `action` by `actor`.
void end_assignment(Store& store,
                    std::int64_t id,
                    LocalDate until,
                    const Actor& actor,
                    std::string_view action,
                    Instant now);

}  // namespace ent110
