// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

namespace ent110::cli {
namespace {

struct UnmergeOptions {
  std::string id;
  std::string reason;
};

int run_unmerge(const UnmergeOptions& options, Session& s) {
  return print_action_result(
      s, case_service(s).unmerge(options.id, options.reason, s.actor(), s.now()));
}

}  // namespace

void add_unmerge(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<UnmergeOptions>();
  CLI::App* cmd = app.add_subcommand("unmerge", tr(lang, MessageId::merge_cmd_unmerge));
  cmd->add_option("id", options->id, tr(lang, MessageId::merge_opt_duplicate))->required();
  cmd->add_option("--reason", options->reason, tr(lang, MessageId::merge_opt_reason))->required();
  inv.on(cmd, Needs::store_write, [options](Session& s) { return run_unmerge(*options, s); });
}

}  // namespace ent110::cli
