// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

namespace ent110::cli {
namespace {

std::string origin_text(const Session& s, const ConfigOrigin& origin) {
  return origin.file.empty()
             ? s.tr(MessageId::source_default)
             : s.tr(MessageId::source_file, {origin.file, std::to_string(origin.line)});
}

int run_config(Session& s) {
  const LoadedConfig& loaded = s.loaded_config();
  const std::vector<ConfigEntry> entries = describe_config(loaded);
  const std::string file = loaded.file ? loaded.file->string() : std::string{};
  if (s.json()) {
    nlohmann::json settings = nlohmann::json::array();
    for (const ConfigEntry& entry : entries) {
      settings.push_back({{"key", entry.key},
                          // Values are written as TOML literals, which JSON reads alike.
                          {"value", nlohmann::json::parse(entry.value)},
                          {"origin", entry.origin.file.empty() ? "default" : entry.origin.file},
                          {"line", entry.origin.line}});
    }
    emit_json(s, {{"config_file", file.empty() ? nlohmann::json() : nlohmann::json(file)},
                  {"database", s.db_path().string()},
                  {"time_zone", s.config().time_zone},
                  {"lang", s.lang() == Lang::zh ? "zh" : "en"},
                  {"settings", settings}});
    return 0;
  }
  Fields header;
  header.add(s.tr(MessageId::config_label_file),
             file.empty() ? s.tr(MessageId::config_no_file) : file);
  header.add(s.tr(MessageId::config_label_database), s.db_path().string());
  s.out() << header.render() << '\n';
  Table table({{s.tr(MessageId::col_key)},
               {s.tr(MessageId::col_value), Table::Align::left, true},
               {s.tr(MessageId::col_origin)}});
  for (const ConfigEntry& entry : entries) {
    table.add_row({entry.key, entry.value, origin_text(s, entry.origin)});
  }
  emit_table(s, table);
  return 0;
}

}  // namespace

void add_config(CLI::App& app, Invocation& inv, Lang lang) {
  CLI::App* cmd = app.add_subcommand("config", tr(lang, MessageId::cmd_config));
  inv.on(cmd, Needs::config, run_config);
}

}  // namespace ent110::cli
