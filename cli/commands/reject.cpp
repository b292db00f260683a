// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

namespace ent110::cli {
namespace {

struct RejectOptions {
  std::string id;
  std::string reason;
  std::string explanation;
};

int run_reject(const RejectOptions& options, Session& s) {
  return print_action_result(
      s, case_service(s).reject(options.id, *parse_reject_reason(options.reason),
                                options.explanation, s.actor(), s.now()));
}

}  // namespace

void add_reject(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<RejectOptions>();
  CLI::App* cmd = app.add_subcommand("reject", tr(lang, MessageId::case_cmd_reject));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  cmd->add_option("--reason", options->reason, tr(lang, MessageId::case_opt_reject_reason))
      ->required()
      ->check(one_of(reject_reason_names()));
  cmd->add_option("--explain", options->explanation, tr(lang, MessageId::case_opt_reject_explain))
      ->required();
  inv.on(cmd, Needs::store_write, [options](Session& s) { return run_reject(*options, s); });
}

}  // namespace ent110::cli
