// SPDX-License-Identifier: MIT
#include <ent110/core/library_versions.hpp>

#include <fmt/core.h>
#include <nlohmann/json_fwd.hpp>
#include <openssl/crypto.h>
#include <sqlite3.h>
#include <toml++/impl/version.h>
#include <utf8proc.h>

#include <pg_config.h>

namespace ent110 {

std::vector<std::pair<std::string, std::string>> library_versions() {
  // PG_VERSION_NUM is major * 10000 + minor from PostgreSQL 10 on.
  constexpr int libpq = PG_VERSION_NUM;
  return {
      {"SQLite", sqlite3_libversion()},
      {"fmt",
       fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100)},
      {"nlohmann-json", fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR,
                                    NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)},
      {"toml++", fmt::format("{}.{}.{}", TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH)},
      {"libpq", fmt::format("{}.{}", libpq / 10000, libpq % 10000)},
      {"OpenSSL", OpenSSL_version(OPENSSL_VERSION_STRING)},
      {"utf8proc", utf8proc_version()},
  };
}

}  // namespace ent110
