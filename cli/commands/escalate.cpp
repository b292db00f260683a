// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>

namespace ent110::cli {
namespace {

struct EscalateOptions {
  std::string id;
  std::string explanation;
  std::string proposal;
  std::string to;
  std::string note;
};

int run_escalate(const EscalateOptions& options, Session& s) {
  CaseService service = case_service(s);
  if (!options.to.empty()) {
    return print_action_result(s, service.escalate(options.id, *parse_escalation_target(options.to),
                                                   options.note, s.actor(), s.now()));
  }
  if (options.explanation.empty() || options.proposal.empty()) {
    throw UsageError(MessageId::case_escalate_needs_one);
  }
  return print_action_result(
      s, service.explain(options.id, options.explanation, options.proposal, s.actor(), s.now()));
}

}  // namespace

void add_escalate(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<EscalateOptions>();
  CLI::App* cmd = app.add_subcommand("escalate", tr(lang, MessageId::case_cmd_escalate));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  CLI::Option* explain =
      cmd->add_option("--explain", options->explanation, tr(lang, MessageId::case_opt_explain))
          ->type_name("REASON");
  CLI::Option* propose =
      cmd->add_option("--propose", options->proposal, tr(lang, MessageId::case_opt_propose))
          ->type_name("PLAN");
  cmd->add_option("--to", options->to, tr(lang, MessageId::case_opt_escalate_to))
      ->check(one_of(escalation_target_names()))
      ->excludes(explain)
      ->excludes(propose)
      ->type_name("TARGET");
  cmd->add_option("--note", options->note, tr(lang, MessageId::case_opt_note));
  inv.on(cmd, Needs::store_write, [options](Session& s) { return run_escalate(*options, s); });
}

}  // namespace ent110::cli
