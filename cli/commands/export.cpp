// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/export/export.hpp>

#include <ostream>

namespace ent110::cli {
namespace {

struct ExportOptions {
  std::string format = "ndjson";
  std::string since;
  std::string state;
  bool events = false;
  std::string output;
};

int run_export(const ExportOptions& options, Session& s) {
  ExportRequest request;
  request.format = *parse_export_format(options.format);
  if (!options.since.empty()) {
    request.since = parse_date(options.since);
  }
  if (!options.state.empty()) {
    request.state = parse_state(options.state);
  }
  request.events = options.events;
  const Exported exported = export_cases(s.store(), request, s.zone());
  // "-" is stdout, as for most Unix tools.
  if (options.output.empty() || options.output == "-") {
    s.out() << exported.content << std::flush;
    return 0;
  }
  write_export_file(options.output, exported.content, s.config().file_mode);
  if (s.json()) {
    emit_json(s, {{"file", options.output}, {"cases", exported.cases}});
  } else {
    s.out() << s.tr(MessageId::export_done, {options.output, std::to_string(exported.cases)})
            << '\n';
  }
  return 0;
}

}  // namespace

void add_export(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", tr(lang, MessageId::export_cmd));
  cmd->add_option("--format", options->format, tr(lang, MessageId::export_opt_format))
      ->check(one_of(export_format_names()))
      ->type_name("ndjson|csv");
  cmd->add_option("--since", options->since, tr(lang, MessageId::export_opt_since))
      ->type_name("DATE");
  cmd->add_option("--state", options->state, tr(lang, MessageId::export_opt_state))
      ->check(one_of(state_names()));
  cmd->add_flag("--events", options->events, tr(lang, MessageId::export_opt_events));
  cmd->add_option("-o,--output", options->output, tr(lang, MessageId::export_opt_output))
      ->type_name("FILE");
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_export(*options, s); });
}

}  // namespace ent110::cli
