// SPDX-License-Identifier: MIT
// The enterprise table: every statement on it.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/enterprises.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// Every enterprise, ordered by id.
std::vector<Enterprise> list_enterprises(Store& store);
/// The enterprise with `id`, or nullopt.
std::optional<Enterprise> find_enterprise_by_id(Store& store, std::int64_t id);
/// The enterprise with credit code `credit_code`, or nullopt.
std::optional<Enterprise> find_enterprise_by_credit_code(Store& store,
                                                         std::string_view credit_code);
/// The enterprise named exactly `name`, or nullopt.
std::optional<Enterprise> find_enterprise_by_name(Store& store, std::string_view name);

/// Inserts `enterprise` (its `id` ignored) when `id` is nullopt, else updates row `id`, and
/// records the audit event of `action` by `actor`; returns the row's id.
std::int64_t save_enterprise(Store& store,
                             const Enterprise& enterprise,
                             std::optional<std::int64_t> id,
                             const Actor& actor,
                             std::string_view action,
                             Instant now);

}  // namespace ent110
