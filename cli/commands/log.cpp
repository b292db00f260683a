// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_json.hpp"
#include "render/case_view.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ostream>

namespace ent110::cli {
namespace {

struct LogOptions {
  std::string id;
  std::string since;
  bool ndjson = false;
};

int run_log(const LogOptions& options, Session& s) {
  std::optional<std::string> id;
  if (!options.id.empty()) {
    id = options.id;
  }
  std::optional<Instant> since;
  if (!options.since.empty()) {
    since = parse_instant(options.since, s.zone());
  }
  const std::vector<Event> events = case_service(s).log(id, since);
  if (options.ndjson) {
    for (const Event& event : events) {
      emit_json_line(s, to_json(event, s.zone()));
    }
  } else if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const Event& event : events) {
      list.push_back(to_json(event, s.zone()));
    }
    emit_json(s, {{"events", list}});
  } else {
    print_events(s, events, !id);
  }
  return 0;
}

}  // namespace

void add_log(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<LogOptions>();
  CLI::App* cmd = app.add_subcommand("log", tr(lang, MessageId::case_cmd_log));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id));
  cmd->add_option("--since", options->since, tr(lang, MessageId::case_opt_since))
      ->type_name("TIME");
  cmd->add_flag("--ndjson", options->ndjson, tr(lang, MessageId::case_opt_ndjson));
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_log(*options, s); });
}

}  // namespace ent110::cli
