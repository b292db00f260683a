// SPDX-License-Identifier: MIT
// Where ent110 looks for its configuration and keeps its database when nobody names them
// (README "Files and paths", ent110(1) FILES): the XDG Base Directory specification for a
// user, /etc/ent110 for the machine.
#pragma once

#include <ent110/config/config.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

/// What the default locations depend on, read once from the process (path_environment) or
/// given by a test.
struct PathEnvironment {
  std::filesystem::path home;   ///< $HOME, else the account's home directory
  std::string xdg_config_home;  ///< $XDG_CONFIG_HOME as set (empty when unset)
  std::string xdg_data_home;    ///< $XDG_DATA_HOME as set (empty when unset)
  std::filesystem::path system_config_dir = "/etc/ent110";
};

/// The running process's environment.
PathEnvironment path_environment();

/// $XDG_CONFIG_HOME, else ~/.config; an empty or relative value counts as unset, as the XDG
/// specification asks.
std::filesystem::path config_home(const PathEnvironment& environment);

/// $XDG_DATA_HOME, else ~/.local/share, under the same rule.
std::filesystem::path data_home(const PathEnvironment& environment);

/// The configuration files looked for, in order: the user's, then the machine's.
std::vector<std::filesystem::path> config_candidates(const PathEnvironment& environment);

/// The configuration in force: `named` (--config or ENT110_CONFIG) when not empty, which must
/// exist; else the first candidate that exists (one that cannot be reached counts as missing);
/// else the built-in defaults.
LoadedConfig find_config(const std::string& named, const PathEnvironment& environment);

/// The database: `named` (--db or ENT110_DB) when not empty, else the configuration's
/// database.path, else ent110.db in the user's data directory.
std::filesystem::path database_location(const std::string& named,
                                        const Config& config,
                                        const PathEnvironment& environment);

}  // namespace ent110
