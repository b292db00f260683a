// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/store/store.hpp>

#include <optional>
#include <string>

namespace ent110 {

/// The login the database itself authenticated: PostgreSQL's session_user, which is who acts
/// there (each person connects as their own role). SQLite has none: nullopt.
std::optional<std::string> database_login(Store& store);

}  // namespace ent110
