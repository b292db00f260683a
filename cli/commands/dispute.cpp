// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

namespace ent110::cli {
namespace {

struct DisputeOptions {
  std::string id;
  std::string reason;
};

int run_dispute(const DisputeOptions& options, Session& s) {
  return print_action_result(
      s, case_service(s).dispute(options.id, options.reason, s.actor(), s.now()));
}

}  // namespace

void add_dispute(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<DisputeOptions>();
  CLI::App* cmd = app.add_subcommand("dispute", tr(lang, MessageId::case_cmd_dispute));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  cmd->add_option("--reason", options->reason, tr(lang, MessageId::case_opt_dispute_reason))
      ->required();
  inv.on(cmd, Needs::store_write, [options](Session& s) { return run_dispute(*options, s); });
}

}  // namespace ent110::cli
