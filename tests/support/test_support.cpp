// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include "run.hpp"

#include <ent110/store/postgresql_connection.hpp>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

namespace ent110::test {

CliResult run_cli(std::vector<std::string> args) {
  for (const char* variable :
       {"ENT110_DB", "ENT110_USER", "ENT110_NOW", "ENT110_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    ::unsetenv(variable);
  }
  ::setenv("ENT110_CONFIG", "/dev/null", 1);
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run_main(args, out, err);
  return CliResult{code, out.str(), err.str()};
}

TempDir::TempDir() {
  std::random_device random;
  m_path = std::filesystem::temp_directory_path() / ("ent110-test-" + std::to_string(random()));
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

namespace {

constexpr std::string_view k_database_prefix = "ent110_test_";

std::string with_database(const std::string& server, const std::string& database) {
  return server + (server.find('?') == std::string::npos ? "?" : "&") + "dbname=" + database;
}

// Each test process names its databases after its pid; a database whose process has ended is
// garbage (a ctest run starts hundreds of processes, and a database takes megabytes).
void drop_abandoned_databases(PostgresqlConnection& maintenance) {
  std::vector<std::string> abandoned;
  const auto databases =
      maintenance.prepare("SELECT datname FROM pg_database WHERE substr(datname, 1, 12) = ?");
  databases->bind_text(1, k_database_prefix);
  while (databases->step()) {
    const std::string name = databases->text(0);
    const pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + k_database_prefix.size()));
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) {
      abandoned.push_back(name);
    }
  }
  for (const std::string& name : abandoned) {
    try {
      maintenance.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (const DatabaseFailure&) {
      // Another test process dropped it first.
    }
  }
}

}  // namespace

std::optional<std::string> postgresql_test_server() {
  const char* server = std::getenv("ENT110_TEST_POSTGRESQL");
  return server != nullptr && *server != '\0' ? std::optional<std::string>(server) : std::nullopt;
}

std::string fresh_postgresql_database() {
  const std::optional<std::string> server = postgresql_test_server();
  if (!server) {
    throw std::logic_error("fresh_postgresql_database needs ENT110_TEST_POSTGRESQL");
  }
  static int created = 0;
  const std::string name =
      std::string(k_database_prefix) + std::to_string(::getpid()) + "_" + std::to_string(++created);
  // The maintenance database is no ent110 database: it is reached below Store.
  PostgresqlConnection maintenance(*server);
  drop_abandoned_databases(maintenance);
  // FILE_COPY of the empty template0 is several times faster than the default WAL_LOG.
  maintenance.execute("CREATE DATABASE " + name + " TEMPLATE template0 STRATEGY FILE_COPY");
  return with_database(*server, name);
}

Store fresh_store() {
  if (!postgresql_test_server()) {
    return Store::open_in_memory();
  }
  return Store::open(fresh_postgresql_database(), Access::read_write,
                     StoreOptions{5000, 0600, true});
}

std::filesystem::path source_dir() {
  return ENT110_SOURCE_DIR;
}

std::vector<std::string> man_table_rows(const std::string& page, const std::string& section) {
  std::ifstream in(source_dir() / page);
  std::string line;
  std::vector<std::string> rows;
  bool in_section = false;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with(".SH")) {
      in_section = line == section;
    } else if (in_section && line == "_") {
      inside = true;
    } else if (line == ".TE") {
      inside = false;
    } else if (inside) {
      std::string plain;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line.compare(i, 2, "\\-") != 0) {
          plain += line[i];
        }
      }
      rows.push_back(plain);
    }
  }
  return rows;
}

}  // namespace ent110::test
