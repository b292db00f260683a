// SPDX-License-Identifier: MIT
// The user registry: each login and the unit and role it acts for. Lookups are in
// user_repo.hpp; what a role may do is decided in lib/ent110/access.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// Who a user is in the rules (spec/rules.md, "Who acts").
enum class Role {
  office,  ///< staff of the Office
  unit,    ///< staff of a handling unit
  viewer,  ///< reads only
};

/// The JSON/CLI spelling of `role`.
std::string_view to_string(Role role);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<Role> parse_role(std::string_view text);
/// The spellings of every role.
std::vector<std::string> role_names();

/// The PostgreSQL group role (schema 011) whose privileges a login of `role` gets.
std::string_view database_group(Role role);

/// A login and the unit and role it acts for.
struct User {
  std::string login;
  std::string unit;
  Role role = Role::viewer;
};

/// Registers `user` and records its audit event by `actor` (authorised by the caller); the unit
/// must exist (NotFound), an office user must belong to the office and a unit user to a member
/// unit (Refused), and the login must be new (BadInput).
void add_user(Store& store, const User& user, const Actor& actor, Instant now);

}  // namespace ent110
