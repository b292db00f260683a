// SPDX-License-Identifier: MIT
// The user table: every statement on it.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/users.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// Every user, ordered by login.
std::vector<User> list_users(Store& store);
/// The user `login`, or nullopt.
std::optional<User> find_user(Store& store, std::string_view login);
/// Whether any user is registered (with none, one person acts for everyone).
bool has_users(Store& store);

/// Inserts `user` and records the audit event of `action` by `actor`.
void insert_user(
    Store& store, const User& user, const Actor& actor, std::string_view action, Instant now);

}  // namespace ent110
