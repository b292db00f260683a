// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

/// Every setting of config.toml with its built-in default (documented in examples/config.toml).
struct Config {
  std::string database_path;  ///< empty: $XDG_DATA_HOME/ent110/ent110.db
  int busy_timeout_ms = 5000;
  unsigned file_mode = 0600;  ///< permissions of a newly created database file
  std::string time_zone = "Asia/Shanghai";
  std::string language;  ///< "", "zh" or "en"; empty: from the locale

  std::string office_unit = "OFFICE";
  std::string office_name = "市企业服务活动办公室";
  std::string government_unit = "GOV";
  std::string government_name = "市人民政府";
  std::string inspection_unit = "DCS";
  std::string inspection_name = "市政府督查室";
  std::string supervision_unit = "JCJ";
  std::string supervision_name = "市监察局";

  int review_days = 1;  ///< the rule sets none (Art. 6); working days for the office's review
  int resubmit_days =
      2;                ///< the rule sets none (Art. 6); working days to resubmit a returned result
  int assist_days = 3;  ///< the rule sets none (Art. 6); working days for a co-unit's contribution

  int unrated_after_days = 3;    ///< triage lists answered cases unrated for longer than this
  int unrated_within_days = 20;  ///< … and for at most this long (older ones are not chased)

  /// Intake flags a likely duplicate of an open case of the same enterprise received within
  /// this many days before (并单).
  int duplicate_window_days = 30;

  std::string report_issuer = "信阳市企业服务活动办公室";
  std::string report_title = "企业服务110问题办理情况通报";
  std::vector<std::string> report_recipients = {"市委主要领导", "市政府主要领导", "市政府分管领导"};
  std::vector<std::string> report_copies = {"市政府督查室", "各成员单位"};
  bool basic_counts_as_satisfied = true;

  double weight_satisfaction = 40;
  double weight_timeliness = 40;
  double weight_policy = 10;
  double weight_supervision = 10;
  double weight_coverage = 0;  ///< Art. 3 coverage; 0: shown in the assessment, not weighed
  int commend_top = 3;
};

/// Where one setting's value came from: the built-in default or a place in a file.
struct ConfigOrigin {
  std::string file;  ///< empty for the default
  long line = 0;
};

/// A configuration and the origin of each setting, keyed as in the file ("database.path").
struct LoadedConfig {
  Config config;
  std::optional<std::filesystem::path> file;
  std::map<std::string, ConfigOrigin, std::less<>> origins;
};

/// The built-in defaults, every origin "default".
LoadedConfig default_config();

/// Reads `path` over the defaults; throws BadInput naming `file:line:col` for syntax errors,
/// unknown keys, wrong types and values out of range.
LoadedConfig load_config(const std::filesystem::path& path);

/// Parses TOML `text` as if read from `file_name` (used by load_config and tests).
LoadedConfig parse_config(std::string_view text, const std::string& file_name);

/// One line per setting for `ent110 config`: key, value as TOML, origin.
struct ConfigEntry {
  std::string key;
  std::string value;
  ConfigOrigin origin;
};

/// Every setting of `loaded` in file order, values written as TOML.
std::vector<ConfigEntry> describe_config(const LoadedConfig& loaded);

}  // namespace ent110
