// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/store/store.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace ent110 {

/// The login the database itself authenticated: PostgreSQL's session_user, which is who acts
/// there (each person connects as their own role). SQLite has none: nullopt.
std::optional<std::string> database_login(Store& store);

/// Whether the database login owns ent110's tables (PostgreSQL: the owner who ran `init`, or a
/// superuser), which like the owner of a SQLite file may read without being an ent110 user.
/// Always true on SQLite, where whoever opens the file owns what it holds.
bool login_owns_database(Store& store);

/// On PostgreSQL, lets `login` connect and act as a member of `group` (a role of schema 011:
/// ent110_office, ent110_unit or ent110_viewer): creates the login role when it does not exist
/// and grants the membership, in the current transaction, through schema 011's function (so the
/// acting login needs to be office staff, and the database owner CREATEROLE; Refused, exit 4,
/// otherwise). SQLite has no logins: nothing to do.
void grant_database_login(Store& store, std::string_view login, std::string_view group);

}  // namespace ent110
