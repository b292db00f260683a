// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include "run.hpp"

#include <ent110/store/migrate.hpp>
#include <ent110/store/postgresql_connection.hpp>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>
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

// The databases this test process made, dropped when it ends (a ctest run starts hundreds of
// processes, and a database takes megabytes); a process that crashes leaves its own behind for
// the throwaway server's removal.
class MadeDatabases {
 public:
  void add(std::string name) { m_names.push_back(std::move(name)); }
  ~MadeDatabases() {
    if (m_names.empty()) {
      return;
    }
    try {
      PostgresqlConnection maintenance(*postgresql_test_server());
      for (const std::string& name : m_names) {
        maintenance.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (const DatabaseFailure&) {
      // The server is gone already: so are the databases.
    }
  }

 private:
  std::vector<std::string> m_names;
};

MadeDatabases& made_databases() {
  static MadeDatabases made;
  return made;
}

std::string new_database(PostgresqlConnection& maintenance, std::string_view template_name) {
  static int created = 0;
  const std::string name =
      std::string(k_database_prefix) + std::to_string(::getpid()) + "_" + std::to_string(++created);
  maintenance.execute("CREATE DATABASE " + name + " TEMPLATE " + std::string(template_name));
  made_databases().add(name);
  return name;
}

// One database migrated to the latest schema serves the whole server run as the template of
// every fresh_store: copying it is much cheaper than migrating each test's database. The first
// process to need it makes it; the others wait on the lock and find it made.
std::string migrated_template(PostgresqlConnection& maintenance, const std::string& server) {
  const std::string name =
      std::string(k_database_prefix) + "template_" + std::to_string(latest_schema_version());
  maintenance.execute("SELECT pg_advisory_lock(" + std::to_string(k_application_id) + ")");
  const auto exists = maintenance.prepare("SELECT 1 FROM pg_database WHERE datname = ?");
  exists->bind_text(1, name);
  if (!exists->step()) {
    maintenance.execute("CREATE DATABASE " + name + " TEMPLATE template0");
    Store::open(with_database(server, name), Access::read_write, StoreOptions{5000, 0600, true});
  }
  maintenance.execute("SELECT pg_advisory_unlock(" + std::to_string(k_application_id) + ")");
  return name;
}

// A template prepared by one build of the tests (its executable's modification time): a test
// server kept across rebuilds must not hand out what an older fixture prepared.
std::string prepared_template(PostgresqlConnection& maintenance,
                              const std::string& server,
                              std::string_view preparation,
                              const std::function<void(Store&)>& prepare) {
  struct stat executable {};
  ::stat("/proc/self/exe", &executable);
  const std::string name = std::string(k_database_prefix) + "prepared_" + std::string(preparation) +
                           "_" + std::to_string(latest_schema_version()) + "_" +
                           std::to_string(executable.st_mtime);
  const std::string migrated = migrated_template(maintenance, server);
  maintenance.execute("SELECT pg_advisory_lock(" + std::to_string(k_application_id) + ")");
  const auto exists = maintenance.prepare("SELECT 1 FROM pg_database WHERE datname = ?");
  exists->bind_text(1, name);
  if (!exists->step()) {
    // Prepared under another name and renamed when done, so that a process killed half-way
    // leaves no half-prepared template behind that name.
    const std::string partial = name + "_partial";
    maintenance.execute("DROP DATABASE IF EXISTS " + partial);
    maintenance.execute("CREATE DATABASE " + partial + " TEMPLATE " + migrated);
    {
      Store store = Store::open(with_database(server, partial), Access::read_write,
                                StoreOptions{5000, 0600, true});
      prepare(store);
    }
    maintenance.execute("ALTER DATABASE " + partial + " RENAME TO " + name);
  }
  maintenance.execute("SELECT pg_advisory_unlock(" + std::to_string(k_application_id) + ")");
  return name;
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
  // The maintenance database is no ent110 database: it is reached below Store.
  PostgresqlConnection maintenance(*server);
  return with_database(*server, new_database(maintenance, "template0"));
}

Store fresh_store() {
  if (!postgresql_test_server()) {
    return Store::open_in_memory();
  }
  const std::string server = *postgresql_test_server();
  PostgresqlConnection maintenance(server);
  const std::string database = new_database(maintenance, migrated_template(maintenance, server));
  return Store::open(with_database(server, database), Access::read_write,
                     StoreOptions{5000, 0600, true});
}

Store fresh_store(std::string_view preparation, const std::function<void(Store&)>& prepare) {
  if (!postgresql_test_server()) {
    Store store = Store::open_in_memory();
    prepare(store);
    return store;
  }
  const std::string server = *postgresql_test_server();
  PostgresqlConnection maintenance(server);
  const std::string database =
      new_database(maintenance, prepared_template(maintenance, server, preparation, prepare));
  return Store::open(with_database(server, database), Access::read_write,
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
