// SPDX-License-Identifier: MIT
// The unit table: every statement on it.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/units.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// Every unit, ordered by kind (built-ins first) then code.
std::vector<Unit> list_units(Store& store);
/// The unit `code`, or nullopt.
std::optional<Unit> find_unit(Store& store, std::string_view code);
/// The code of every unit.
std::vector<std::string> unit_codes(Store& store);

/// Inserts `unit`, or updates the unit with its code, and records the audit event of `action`
/// by `actor`.
void save_unit(
    Store& store, const Unit& unit, const Actor& actor, std::string_view action, Instant now);

}  // namespace ent110
