// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>

namespace ent110::cli {
namespace {

struct ReviewOptions {
  std::string id;
  bool approve = false;
  std::optional<std::string> text;
  std::optional<std::string> return_reason;
};

int run_review(const ReviewOptions& options, Session& s) {
  CaseService service = case_service(s);
  if (options.approve) {
    return print_action_result(s, service.approve(options.id, options.text, s.actor(), s.now()));
  }
  if (!options.return_reason) {
    throw UsageError(MessageId::case_review_needs_one);
  }
  return print_action_result(
      s, service.return_result(options.id, *options.return_reason, s.actor(), s.now()));
}

}  // namespace

void add_review(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<ReviewOptions>();
  auto raw = std::make_shared<std::pair<std::string, std::string>>();
  CLI::App* cmd = app.add_subcommand("review", tr(lang, MessageId::case_cmd_review));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  CLI::Option* approve =
      cmd->add_flag("--approve", options->approve, tr(lang, MessageId::case_opt_approve));
  CLI::Option* text =
      cmd->add_option("--text", raw->first, tr(lang, MessageId::case_opt_approve_text))
          ->needs(approve);
  CLI::Option* back = cmd->add_option("--return", raw->second, tr(lang, MessageId::case_opt_return))
                          ->excludes(approve)
                          ->type_name("REASON");
  inv.on(cmd, Needs::store_write, [options, raw, text, back](Session& s) {
    options->text = text->count() > 0 ? std::optional(raw->first) : std::nullopt;
    options->return_reason = back->count() > 0 ? std::optional(raw->second) : std::nullopt;
    return run_review(*options, s);
  });
}

}  // namespace ent110::cli
