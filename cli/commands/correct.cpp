// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>

namespace ent110::cli {
namespace {

struct CorrectOptions {
  std::string id;
  int event = 0;
  std::string time;
  std::string to;
  bool void_event = false;
  std::string reason;
};

int run_correct(const CorrectOptions& options, Session& s) {
  CorrectionRequest request;
  request.correction.event = options.event;
  request.reason = options.reason;
  if (!options.time.empty()) {
    request.correction.kind = CorrectionKind::time;
    request.correction.time = parse_instant(options.time, s.zone());
  } else if (!options.to.empty()) {
    request.correction.kind = CorrectionKind::to;
    request.correction.unit = options.to;
  } else if (options.void_event) {
    request.correction.kind = CorrectionKind::void_;
  } else {
    throw UsageError(MessageId::case_correct_needs_one);
  }
  return print_action_result(s, case_service(s).correct(options.id, request, s.actor(), s.now()));
}

}  // namespace

void add_correct(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<CorrectOptions>();
  CLI::App* cmd = app.add_subcommand("correct", tr(lang, MessageId::case_cmd_correct));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  cmd->add_option("event", options->event, tr(lang, MessageId::case_opt_event))
      ->required()
      ->check(CLI::PositiveNumber);
  CLI::Option* time =
      cmd->add_option("--time", options->time, tr(lang, MessageId::case_opt_correct_time))
          ->type_name("TIME");
  CLI::Option* to = cmd->add_option("--to", options->to, tr(lang, MessageId::case_opt_correct_to))
                        ->type_name("UNIT")
                        ->excludes(time);
  cmd->add_flag("--void", options->void_event, tr(lang, MessageId::case_opt_correct_void))
      ->excludes(time)
      ->excludes(to);
  cmd->add_option("--reason", options->reason, tr(lang, MessageId::case_opt_correct_reason))
      ->required();
  inv.on(cmd, Needs::store_write, [options](Session& s) { return run_correct(*options, s); });
}

}  // namespace ent110::cli
