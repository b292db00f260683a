// SPDX-License-Identifier: MIT
#include "version.hpp"

#include <ent110/calendar/holiday_file.hpp>
#include <ent110/core/library_versions.hpp>
#include <ent110/store/migrate.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>

namespace ent110::cli {
namespace {

// Global options that take a value (spec/cli.md); the rest are flags.
constexpr std::array<std::string_view, 5> k_valued_globals{"--db", "--config", "--as", "--at",
                                                           "--lang"};
constexpr std::array<std::string_view, 3> k_flag_globals{"--no-color", "--quiet", "--json"};

// The year of each built-in holiday file, read from its name ("holidays/2025.toml"), so that
// --version parses none of them.
std::vector<int> calendar_years() {
  std::vector<int> years;
  for (const EmbeddedFile& file : embedded_holidays()) {
    years.push_back(std::stoi(std::filesystem::path(file.name).stem().string()));
  }
  std::sort(years.begin(), years.end());
  return years;
}

std::string year_span(const std::vector<int>& years) {
  if (years.empty()) {
    return "";
  }
  return years.front() == years.back() ? std::to_string(years.front())
                                       : fmt::format("{}–{}", years.front(), years.back());
}

// The libraries in the order --version lists them: the engines' and the parsers' first. CLI11 and
// date are header-only without a version macro worth including here; CMake knows theirs.
std::vector<std::pair<std::string, std::string>> all_library_versions() {
  std::vector<std::pair<std::string, std::string>> versions = library_versions();
  const auto after = [&versions](std::string_view name) {
    return std::find_if(versions.begin(), versions.end(),
                        [name](const auto& entry) { return entry.first == name; }) +
           1;
  };
  versions.insert(after("SQLite"), {"CLI11", ENT110_CLI11_VERSION});
  versions.insert(after("toml++"), {"date", ENT110_DATE_VERSION});
  return versions;
}

}  // namespace

std::optional<bool> version_requested(const std::vector<std::string>& args) {
  bool version = false;
  bool json = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const std::string name = arg.substr(0, arg.find('='));
    if (arg == "--version") {
      version = true;
    } else if (arg == "--json") {
      json = true;
    } else if (std::find(k_flag_globals.begin(), k_flag_globals.end(), arg) !=
               k_flag_globals.end()) {
      continue;
    } else if (std::find(k_valued_globals.begin(), k_valued_globals.end(), name) !=
               k_valued_globals.end()) {
      i += name == arg ? 1 : 0;
    } else {
      return std::nullopt;
    }
  }
  return version ? std::optional(json) : std::nullopt;
}

std::string version_text(Lang lang) {
  std::string text = fmt::format("ent110 {}\n", ENT110_VERSION);
  text += tr(lang, MessageId::version_schema, {std::to_string(latest_schema_version())}) + "\n";
  text += tr(lang, MessageId::version_calendar, {year_span(calendar_years())}) + "\n";
  text += tr(lang, MessageId::version_libraries) + "\n";
  for (const auto& [name, version] : all_library_versions()) {
    text += fmt::format("  {:<14}{}\n", name, version);
  }
  return text;
}

std::string version_json() {
  nlohmann::ordered_json libraries = nlohmann::ordered_json::object();
  for (const auto& [name, version] : all_library_versions()) {
    libraries[name] = version;
  }
  const nlohmann::ordered_json document{{"version", ENT110_VERSION},
                                        {"schema_version", latest_schema_version()},
                                        {"calendar_years", calendar_years()},
                                        {"libraries", libraries}};
  return document.dump(2) + "\n";
}

}  // namespace ent110::cli
