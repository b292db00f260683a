// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ent110 {

/// The libraries the program runs on, each with the version it reports at run time (SQLite,
/// OpenSSL, utf8proc: a shared library may be newer than the one built against) or was compiled
/// with (fmt, nlohmann-json, toml++, and libpq, which is loaded only when a PostgreSQL database is
/// opened: loading it for --version would cost the start-up it saves): SQLite, fmt,
/// nlohmann-json, toml++, libpq, OpenSSL, utf8proc. Names as their projects spell them.
std::vector<std::pair<std::string, std::string>> library_versions();

}  // namespace ent110
