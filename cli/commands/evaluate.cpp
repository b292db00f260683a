// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

namespace ent110::cli {
namespace {

struct EvaluateOptions {
  std::string id;
  std::string rating;
  std::string comment;
};

int run_evaluate(const EvaluateOptions& options, Session& s) {
  return print_action_result(s, case_service(s).evaluate(options.id, *parse_rating(options.rating),
                                                         options.comment, s.actor(), s.now()));
}

}  // namespace

void add_evaluate(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<EvaluateOptions>();
  CLI::App* cmd = app.add_subcommand("evaluate", tr(lang, MessageId::case_cmd_evaluate));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  cmd->add_option("--rating", options->rating, tr(lang, MessageId::case_opt_rating))
      ->required()
      ->check(one_of(rating_names()));
  cmd->add_option("--comment", options->comment, tr(lang, MessageId::case_opt_comment));
  inv.on(cmd, Needs::store_write, [options](Session& s) { return run_evaluate(*options, s); });
}

}  // namespace ent110::cli
