// SPDX-License-Identifier: MIT
// Where a database is: a SQLite file path, or a PostgreSQL connection URI (--db, ENT110_DB, the
// configuration's database path).
#pragma once

#include <string>
#include <string_view>

namespace ent110 {

/// Whether `location` is a PostgreSQL connection URI (postgresql:// or postgres://) rather than a
/// file path.
bool is_postgresql_uri(std::string_view location);

/// `uri` with any password taken out (the user:password@ part and a password= parameter), for
/// messages and for commands printed for the user to run.
std::string without_password(std::string_view uri);

}  // namespace ent110
