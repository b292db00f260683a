// SPDX-License-Identifier: MIT
// Whole tables moved between two stores of either engine (`ent110 copy`).
#pragma once

#include <ent110/store/store.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace ent110 {

/// Every table of the ent110 schema, in an order where each row's references already exist.
const std::vector<std::string>& schema_tables();

/// The number of rows of `table` (one of schema_tables()).
std::int64_t table_rows(Store& store, const std::string& table);

/// Inserts every row of `table` of `source` into the same table of `target`, in the order of its
/// first column, with the same column values; returns how many. The caller holds the target's
/// write transaction.
std::int64_t copy_table(Store& source, Store& target, const std::string& table);

/// After rows were inserted with their ids: PostgreSQL's identity columns continue after the
/// largest id (SQLite needs nothing).
void continue_identities(Store& target);

}  // namespace ent110
