// SPDX-License-Identifier: MIT
#include <ent110/config/paths.hpp>

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace ent110 {
namespace {

std::string variable(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string{} : std::string(value);
}

std::filesystem::path xdg_or(const std::string& value,
                             const std::filesystem::path& home,
                             const char* fallback) {
  const std::filesystem::path given(value);
  return given.is_absolute() ? given : home / fallback;
}

}  // namespace

PathEnvironment path_environment() {
  PathEnvironment environment;
  environment.home = variable("HOME");
  if (environment.home.empty()) {
    const passwd* entry = ::getpwuid(::geteuid());
    environment.home = entry != nullptr ? entry->pw_dir : ".";
  }
  environment.xdg_config_home = variable("XDG_CONFIG_HOME");
  environment.xdg_data_home = variable("XDG_DATA_HOME");
  return environment;
}

std::filesystem::path config_home(const PathEnvironment& environment) {
  return xdg_or(environment.xdg_config_home, environment.home, ".config");
}

std::filesystem::path data_home(const PathEnvironment& environment) {
  return xdg_or(environment.xdg_data_home, environment.home, ".local/share");
}

std::vector<std::filesystem::path> config_candidates(const PathEnvironment& environment) {
  return {config_home(environment) / "ent110" / "config.toml",
          environment.system_config_dir / "config.toml"};
}

LoadedConfig find_config(const std::string& named, const PathEnvironment& environment) {
  if (!named.empty()) {
    return load_config(named);
  }
  for (const std::filesystem::path& candidate : config_candidates(environment)) {
    // A home another account kept (sudo, runuser) may not be searchable: that user has no file
    // there to read, which is not an error.
    std::error_code unreachable;
    if (std::filesystem::exists(candidate, unreachable)) {
      return load_config(candidate);
    }
  }
  return default_config();
}

std::filesystem::path database_location(const std::string& named,
                                        const Config& config,
                                        const PathEnvironment& environment) {
  if (!named.empty()) {
    return named;
  }
  if (!config.database_path.empty()) {
    return config.database_path;
  }
  return data_home(environment) / "ent110" / "ent110.db";
}

}  // namespace ent110
