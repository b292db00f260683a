// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

namespace ent110::cli {
namespace {

struct MergeOptions {
  std::string id;
  std::string into;
  std::string reason;
};

int run_merge(const MergeOptions& options, Session& s) {
  return print_action_result(
      s, case_service(s).merge(options.id, options.into, options.reason, s.actor(), s.now()));
}

}  // namespace

void add_merge(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", tr(lang, MessageId::merge_cmd_merge));
  cmd->add_option("id", options->id, tr(lang, MessageId::merge_opt_duplicate))->required();
  cmd->add_option("--into", options->into, tr(lang, MessageId::merge_opt_into))->required();
  cmd->add_option("--reason", options->reason, tr(lang, MessageId::merge_opt_reason))->required();
  inv.on(cmd, Needs::store_write, [options](Session& s) { return run_merge(*options, s); });
}

}  // namespace ent110::cli
