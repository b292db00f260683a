// SPDX-License-Identifier: MIT
#include "run.hpp"
#include "support/test_support.hpp"

#include <ent110/config/paths.hpp>
#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>
#include <sstream>

using namespace ent110;
using ent110::test::TempDir;
using ent110::test::write_file;

namespace {

// Sets the variables the lookup reads for one test and puts back what was there before, so that
// the tests that follow in the same process see the environment ctest gave.
class ScopedEnvironment {
 public:
  ScopedEnvironment() {
    for (const char* name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "ENT110_CONFIG",
                             "ENT110_DB", "ENT110_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
      const char* value = std::getenv(name);
      m_saved[name] = value == nullptr ? std::optional<std::string>() : std::string(value);
      ::unsetenv(name);
    }
  }
  ~ScopedEnvironment() {
    for (const auto& [name, value] : m_saved) {
      if (value) {
        ::setenv(name.c_str(), value->c_str(), 1);
      } else {
        ::unsetenv(name.c_str());
      }
    }
  }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

  void set(const char* name, const std::string& value) { ::setenv(name, value.c_str(), 1); }

 private:
  std::map<std::string, std::optional<std::string>> m_saved;
};

// `ent110 ARGS… config --json` in-process, in the environment the test set up.
nlohmann::json effective(std::vector<std::string> args) {
  args.insert(args.end(), {"config", "--json"});
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run_main(args, out, err);
  INFO(err.str());
  REQUIRE(code == 0);
  return nlohmann::json::parse(out.str());
}

void write_config(const std::filesystem::path& path, const std::string& database) {
  std::filesystem::create_directories(path.parent_path());
  write_file(path, "[database]\npath = \"" + database + "\"\n");
}

}  // namespace

TEST_CASE("paths: the user's configuration, then the machine's, then the defaults", "[config]") {
  TempDir dir;
  PathEnvironment environment{dir / "home", "", "", dir / "etc"};
  const auto user_file = dir / "home" / ".config" / "ent110" / "config.toml";
  const auto system_file = dir / "etc" / "config.toml";
  CHECK(config_candidates(environment) == std::vector{user_file, system_file});

  CHECK_FALSE(find_config("", environment).file);
  write_config(system_file, "/srv/system.db");
  CHECK(find_config("", environment).file == system_file);
  write_config(user_file, "/srv/user.db");
  CHECK(find_config("", environment).file == user_file);
  CHECK(find_config("", environment).config.database_path == "/srv/user.db");

  environment.xdg_config_home = (dir / "xdg").string();
  CHECK(find_config("", environment).file == system_file);
  write_config(dir / "xdg" / "ent110" / "config.toml", "/srv/xdg.db");
  CHECK(find_config("", environment).file == dir / "xdg" / "ent110" / "config.toml");

  CHECK_THROWS_AS(find_config((dir / "missing.toml").string(), environment), BadInput);
}

TEST_CASE("paths: the database is named, else configured, else in the XDG data home", "[config]") {
  TempDir dir;
  PathEnvironment environment{dir / "home", "", "", dir / "etc"};
  Config config;
  CHECK(database_location("", config, environment) ==
        dir / "home" / ".local" / "share" / "ent110" / "ent110.db");
  environment.xdg_data_home = "/var/lib";
  CHECK(database_location("", config, environment) == "/var/lib/ent110/ent110.db");
  config.database_path = "/srv/configured.db";
  CHECK(database_location("", config, environment) == "/srv/configured.db");
  CHECK(database_location("postgresql://db/ent110", config, environment) ==
        "postgresql://db/ent110");
}

TEST_CASE("paths: an empty or relative XDG directory counts as unset", "[config]") {
  const PathEnvironment environment{"/home/li", "relative/config", "", "/etc/ent110"};
  CHECK(config_home(environment) == "/home/li/.config");
  CHECK(data_home(environment) == "/home/li/.local/share");
  CHECK(data_home({"/home/li", "", "data", "/etc/ent110"}) == "/home/li/.local/share");
  CHECK(config_home({"/home/li", "/cfg", "/data", "/etc/ent110"}) == "/cfg");
  CHECK(data_home({"/home/li", "/cfg", "/data", "/etc/ent110"}) == "/data");
}

TEST_CASE("paths: options beat environment variables, which beat the XDG lookup", "[config]") {
  ScopedEnvironment environment;
  TempDir dir;
  environment.set("HOME", (dir / "home").string());
  const auto home_file = dir / "home" / ".config" / "ent110" / "config.toml";
  write_config(home_file, (dir / "home.db").string());

  nlohmann::json found = effective({});
  CHECK(found["config_file"] == home_file.string());
  CHECK(found["database"] == (dir / "home.db").string());

  const auto xdg_file = dir / "xdg" / "ent110" / "config.toml";
  write_config(xdg_file, (dir / "xdg.db").string());
  environment.set("XDG_CONFIG_HOME", (dir / "xdg").string());
  CHECK(effective({})["config_file"] == xdg_file.string());

  const auto named_file = dir / "named.toml";
  write_config(named_file, (dir / "named.db").string());
  environment.set("ENT110_CONFIG", named_file.string());
  found = effective({});
  CHECK(found["config_file"] == named_file.string());
  CHECK(found["database"] == (dir / "named.db").string());
  CHECK(effective({"--config", xdg_file.string()})["config_file"] == xdg_file.string());

  environment.set("ENT110_DB", (dir / "variable.db").string());
  CHECK(effective({})["database"] == (dir / "variable.db").string());
  CHECK(effective({"--db", (dir / "option.db").string()})["database"] ==
        (dir / "option.db").string());
}

TEST_CASE("paths: without a database setting it lives under XDG_DATA_HOME, else ~/.local/share",
          "[config]") {
  ScopedEnvironment environment;
  TempDir dir;
  environment.set("HOME", (dir / "home").string());
  environment.set("ENT110_CONFIG", "/dev/null");
  CHECK(effective({})["database"] ==
        (dir / "home" / ".local" / "share" / "ent110" / "ent110.db").string());
  environment.set("XDG_DATA_HOME", (dir / "data").string());
  CHECK(effective({})["database"] == (dir / "data" / "ent110" / "ent110.db").string());
  environment.set("XDG_DATA_HOME", "data");
  CHECK(effective({})["database"] ==
        (dir / "home" / ".local" / "share" / "ent110" / "ent110.db").string());
}
