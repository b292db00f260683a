// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>

namespace ent110::cli {
namespace {

struct ReplyOptions {
  std::string id;
  std::optional<std::string> text;
  std::optional<std::string> text_file;
  bool contribution = false;
  std::optional<std::string> unit;
};

int run_reply(const ReplyOptions& options, Session& s) {
  const std::string text = text_from(options.text, options.text_file, "--text", "--text-file");
  if (options.contribution) {
    return print_action_result(
        s, case_service(s).contribute(options.id, options.unit, text, s.actor(), s.now()));
  }
  if (options.unit) {
    throw UsageError(MessageId::case_unit_needs_contribution);
  }
  return print_action_result(s, case_service(s).reply(options.id, text, s.actor(), s.now()));
}

}  // namespace

void add_reply(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<ReplyOptions>();
  struct Raw {
    std::string first;
    std::string second;
    std::string unit;
  };
  auto raw = std::make_shared<Raw>();
  CLI::App* cmd = app.add_subcommand("reply", tr(lang, MessageId::case_cmd_reply));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  CLI::Option* text = cmd->add_option("--text", raw->first, tr(lang, MessageId::case_opt_text));
  CLI::Option* text_file =
      cmd->add_option("--text-file", raw->second, tr(lang, MessageId::case_opt_text_file))
          ->type_name("FILE")
          ->excludes(text);
  cmd->add_flag("--contribution", options->contribution,
                tr(lang, MessageId::case_opt_contribution));
  CLI::Option* unit = cmd->add_option("--unit", raw->unit, tr(lang, MessageId::case_opt_co_unit))
                          ->type_name("CODE");
  inv.on(cmd, Needs::store_write, [options, raw, text, text_file, unit](Session& s) {
    options->text = text->count() > 0 ? std::optional(raw->first) : std::nullopt;
    options->text_file = text_file->count() > 0 ? std::optional(raw->second) : std::nullopt;
    options->unit = unit->count() > 0 ? std::optional(raw->unit) : std::nullopt;
    return run_reply(*options, s);
  });
}

}  // namespace ent110::cli
