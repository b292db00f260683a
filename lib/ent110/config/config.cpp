// SPDX-License-Identifier: MIT
#include <ent110/config/config.hpp>
#include <ent110/config/toml.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>
#include <ent110/core/time.hpp>

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <functional>
#include <regex>

namespace ent110 {
namespace {

struct Where {
  const std::string& file;
  const toml::node& node;
  std::string_view key;
};

std::vector<std::string> location(const Where& where) {
  const auto& begin = where.node.source().begin;
  return {where.file, std::to_string(begin.line), std::to_string(begin.column)};
}

[[noreturn]] void wrong_type(const Where& where, MessageId expected) {
  auto args = location(where);
  args.emplace_back(where.key);
  args.push_back(tr(Lang::en, expected));
  throw BadInput(MessageId::config_wrong_type, std::move(args));
}

[[noreturn]] void bad_value(const Where& where,
                            const std::string& shown,
                            MessageId hint,
                            std::vector<std::string> hint_args = {}) {
  auto args = location(where);
  args.emplace_back(where.key);
  args.push_back(shown);
  args.push_back(tr(Lang::en, hint, std::move(hint_args)));
  throw BadInput(MessageId::config_bad_value, std::move(args));
}

// A range refusal is one catalogue entry, not a hint inside config_bad_value, so that it reads
// whole in Chinese too.
[[noreturn]] void out_of_range(const Where& where,
                               MessageId id,
                               const std::string& shown,
                               const std::string& minimum,
                               const std::string& maximum) {
  auto args = location(where);
  args.emplace_back(where.key);
  args.insert(args.end(), {shown, minimum, maximum});
  throw BadInput(id, std::move(args));
}

std::string read_string(const Where& where) {
  if (auto value = where.node.value<std::string>(); value && where.node.is_string()) {
    return *value;
  }
  wrong_type(where, MessageId::type_string);
}

// Each numeric setting has a range (documented in ent110-config(1) and examples/config.toml):
// TOML integers are 64-bit, and a value beyond `int` would otherwise wrap (4294967296 → 0).
int read_integer(const Where& where, int minimum, int maximum) {
  if (!where.node.is_integer()) {
    wrong_type(where, MessageId::type_integer);
  }
  const std::int64_t value = *where.node.value<std::int64_t>();
  if (value < minimum || value > maximum) {
    out_of_range(where, MessageId::input_config_integer_range, std::to_string(value),
                 std::to_string(minimum), std::to_string(maximum));
  }
  return static_cast<int>(value);
}

// TOML has nan and inf; a weight of either would make every total nan.
double read_number(const Where& where, double minimum, double maximum) {
  if (!where.node.is_number()) {
    wrong_type(where, MessageId::type_number);
  }
  const double value = *where.node.value<double>();
  if (!(value >= minimum && value <= maximum)) {
    out_of_range(where, MessageId::input_config_number_range, fmt::format("{}", value),
                 fmt::format("{}", minimum), fmt::format("{}", maximum));
  }
  return value;
}

bool read_boolean(const Where& where) {
  if (!where.node.is_boolean()) {
    wrong_type(where, MessageId::type_boolean);
  }
  return *where.node.value<bool>();
}

std::vector<std::string> read_strings(const Where& where) {
  const toml::array* array = where.node.as_array();
  if (array == nullptr || !array->is_homogeneous(toml::node_type::string)) {
    if (array == nullptr || !array->empty()) {
      wrong_type(where, MessageId::type_string_array);
    }
  }
  std::vector<std::string> values;
  for (const toml::node& item : *array) {
    values.push_back(*item.value<std::string>());
  }
  return values;
}

std::string read_unit_code(const Where& where) {
  std::string code = read_string(where);
  static const std::regex k_code("[A-Za-z0-9_-]+");
  if (!std::regex_match(code, k_code)) {
    bad_value(where, "\"" + code + "\"", MessageId::config_want_unit_code);
  }
  return code;
}

std::string toml_string(const std::string& text) {
  return "\"" + text + "\"";
}

std::string toml_string_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i ? ", " : "") + toml_string(items[i]);
  }
  return out + "]";
}

// One setting: its key as written in the file, how to read it, how to show it.
struct Setting {
  std::string_view key;
  std::function<void(Config&, const Where&)> read;
  std::function<std::string(const Config&)> show;
};

#define ENT110_STRING_SETTING(key, member)                             \
  Setting {                                                            \
    key, [](Config& c, const Where& w) { c.member = read_string(w); }, \
        [](const Config& c) { return toml_string(c.member); }          \
  }
#define ENT110_UNIT_SETTING(key, member)                                  \
  Setting {                                                               \
    key, [](Config& c, const Where& w) { c.member = read_unit_code(w); }, \
        [](const Config& c) { return toml_string(c.member); }             \
  }
#define ENT110_INT_SETTING(key, member, minimum, maximum)                                 \
  Setting {                                                                               \
    key, [](Config& c, const Where& w) { c.member = read_integer(w, minimum, maximum); }, \
        [](const Config& c) { return std::to_string(c.member); }                          \
  }
#define ENT110_NUMBER_SETTING(key, member, minimum, maximum)                             \
  Setting {                                                                              \
    key, [](Config& c, const Where& w) { c.member = read_number(w, minimum, maximum); }, \
        [](const Config& c) { return fmt::format("{}", c.member); }                      \
  }
#define ENT110_LIST_SETTING(key, member)                                \
  Setting {                                                             \
    key, [](Config& c, const Where& w) { c.member = read_strings(w); }, \
        [](const Config& c) { return toml_string_list(c.member); }      \
  }

const std::vector<Setting>& settings() {
  static const std::vector<Setting> k_settings = {
      ENT110_STRING_SETTING("database.path", database_path),
      ENT110_INT_SETTING("database.busy_timeout_ms", busy_timeout_ms, 0, 600000),
      Setting{"database.file_mode",
              [](Config& c, const Where& w) {
                const std::string text = read_string(w);
                static const std::regex k_octal("0?[0-7]{3}");
                if (!std::regex_match(text, k_octal)) {
                  bad_value(w, toml_string(text), MessageId::config_want_mode);
                }
                c.file_mode = static_cast<unsigned>(std::stoul(text, nullptr, 8));
              },
              [](const Config& c) { return toml_string(fmt::format("{:04o}", c.file_mode)); }},
      Setting{"general.time_zone",
              [](Config& c, const Where& w) {
                std::string name = read_string(w);
                try {
                  Zone{name};
                } catch (const UsageError&) {
                  bad_value(w, toml_string(name), MessageId::config_want_zone);
                }
                c.time_zone = std::move(name);
              },
              [](const Config& c) { return toml_string(c.time_zone); }},
      Setting{"general.language",
              [](Config& c, const Where& w) {
                std::string text = read_string(w);
                if (!text.empty() && text != "zh" && text != "en") {
                  bad_value(w, toml_string(text), MessageId::config_want_lang);
                }
                c.language = std::move(text);
              },
              [](const Config& c) { return toml_string(c.language); }},
      ENT110_UNIT_SETTING("units.office", office_unit),
      ENT110_STRING_SETTING("units.office_name", office_name),
      ENT110_UNIT_SETTING("units.government", government_unit),
      ENT110_STRING_SETTING("units.government_name", government_name),
      ENT110_UNIT_SETTING("units.inspection", inspection_unit),
      ENT110_STRING_SETTING("units.inspection_name", inspection_name),
      ENT110_UNIT_SETTING("units.supervision", supervision_unit),
      ENT110_STRING_SETTING("units.supervision_name", supervision_name),
      ENT110_INT_SETTING("clocks.review_days", review_days, 1, 250),
      ENT110_INT_SETTING("clocks.resubmit_days", resubmit_days, 1, 250),
      ENT110_INT_SETTING("clocks.assist_days", assist_days, 1, 250),
      ENT110_INT_SETTING("triage.unrated_after_days", unrated_after_days, 1, 3650),
      ENT110_INT_SETTING("triage.unrated_within_days", unrated_within_days, 1, 3650),
      ENT110_INT_SETTING("intake.duplicate_window_days", duplicate_window_days, 0, 3650),
      ENT110_STRING_SETTING("report.issuer", report_issuer),
      ENT110_STRING_SETTING("report.title", report_title),
      ENT110_LIST_SETTING("report.recipients", report_recipients),
      ENT110_LIST_SETTING("report.copies", report_copies),
      Setting{"report.basic_counts_as_satisfied",
              [](Config& c, const Where& w) { c.basic_counts_as_satisfied = read_boolean(w); },
              [](const Config& c) {
                return std::string(c.basic_counts_as_satisfied ? "true" : "false");
              }},
      ENT110_NUMBER_SETTING("assessment.weight_satisfaction", weight_satisfaction, 0.0, 1000.0),
      ENT110_NUMBER_SETTING("assessment.weight_timeliness", weight_timeliness, 0.0, 1000.0),
      ENT110_NUMBER_SETTING("assessment.weight_policy", weight_policy, 0.0, 1000.0),
      ENT110_NUMBER_SETTING("assessment.weight_supervision", weight_supervision, 0.0, 1000.0),
      ENT110_NUMBER_SETTING("assessment.weight_coverage", weight_coverage, 0.0, 1000.0),
      ENT110_INT_SETTING("assessment.commend_top", commend_top, 0, 1000),
  };
  return k_settings;
}

#undef ENT110_STRING_SETTING
#undef ENT110_UNIT_SETTING
#undef ENT110_INT_SETTING
#undef ENT110_NUMBER_SETTING
#undef ENT110_LIST_SETTING

const Setting* find_setting(std::string_view key) {
  for (const Setting& setting : settings()) {
    if (setting.key == key) {
      return &setting;
    }
  }
  return nullptr;
}

bool is_section(std::string_view name) {
  for (const Setting& setting : settings()) {
    if (setting.key.substr(0, setting.key.find('.')) == name) {
      return true;
    }
  }
  return false;
}

[[noreturn]] void unknown_key(const std::string& file,
                              const toml::key& name,
                              const std::string& key) {
  const auto& begin = name.source().begin;
  std::vector<std::string> args{file, std::to_string(begin.line), std::to_string(begin.column),
                                key};
  throw BadInput(MessageId::config_unknown_key, std::move(args));
}

}  // namespace

LoadedConfig default_config() {
  LoadedConfig loaded;
  for (const Setting& setting : settings()) {
    loaded.origins.emplace(std::string(setting.key), ConfigOrigin{});
  }
  return loaded;
}

LoadedConfig parse_config(std::string_view text, const std::string& file_name) {
  require_utf8_file(text, file_name);
  LoadedConfig loaded = default_config();
  toml::table root;
  try {
    root = toml::parse(text, file_name);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw BadInput(MessageId::config_syntax,
                   {file_name, std::to_string(begin.line), std::to_string(begin.column),
                    std::string(error.description())});
  }
  for (const auto& [section, section_node] : root) {
    const std::string section_name(section.str());
    const toml::table* table = section_node.as_table();
    if (table == nullptr || !is_section(section_name)) {
      unknown_key(file_name, section, section_name);
    }
    for (const auto& [key, node] : *table) {
      const std::string full_key = section_name + "." + std::string(key.str());
      const Setting* setting = find_setting(full_key);
      if (setting == nullptr) {
        unknown_key(file_name, key, full_key);
      }
      setting->read(loaded.config, Where{file_name, node, full_key});
      loaded.origins[full_key] =
          ConfigOrigin{file_name, static_cast<long>(node.source().begin.line)};
    }
  }
  // Follow-up of unrated answers runs from after_days to within_days: an empty window would
  // silently drop the whole section from the triage.
  const Config& config = loaded.config;
  if (config.unrated_within_days <= config.unrated_after_days) {
    const ConfigOrigin& within = loaded.origins.at("triage.unrated_within_days");
    const ConfigOrigin& origin =
        within.file.empty() ? loaded.origins.at("triage.unrated_after_days") : within;
    throw BadInput(MessageId::config_unrated_window, {file_name, std::to_string(origin.line),
                                                      std::to_string(config.unrated_within_days),
                                                      std::to_string(config.unrated_after_days)});
  }
  return loaded;
}

LoadedConfig load_config(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw BadInput(MessageId::config_missing, {path.string()});
  }
  LoadedConfig loaded =
      parse_config(read_bounded(in, k_max_settings_file_bytes, path.string()), path.string());
  loaded.file = path;
  return loaded;
}

std::vector<ConfigEntry> describe_config(const LoadedConfig& loaded) {
  std::vector<ConfigEntry> entries;
  for (const Setting& setting : settings()) {
    auto origin = loaded.origins.find(setting.key);
    entries.push_back(
        ConfigEntry{std::string(setting.key), setting.show(loaded.config),
                    origin == loaded.origins.end() ? ConfigOrigin{} : origin->second});
  }
  return entries;
}

}  // namespace ent110
