// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

namespace ent110::cli {
namespace {

struct ReplyOptions {
  std::string id;
  std::optional<std::string> text;
  std::optional<std::string> text_file;
};

int run_reply(const ReplyOptions& options, Session& s) {
  const std::string text = text_from(options.text, options.text_file, "--text", "--text-file");
  return print_action_result(s, case_service(s).reply(options.id, text, s.actor(), s.now()));
}

}  // namespace

void add_reply(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<ReplyOptions>();
  auto raw = std::make_shared<std::pair<std::string, std::string>>();
  CLI::App* cmd = app.add_subcommand("reply", tr(lang, MessageId::case_cmd_reply));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  CLI::Option* text = cmd->add_option("--text", raw->first, tr(lang, MessageId::case_opt_text));
  CLI::Option* text_file =
      cmd->add_option("--text-file", raw->second, tr(lang, MessageId::case_opt_text_file))
          ->type_name("FILE")
          ->excludes(text);
  inv.on(cmd, Needs::store_write, [options, raw, text, text_file](Session& s) {
    options->text = text->count() > 0 ? std::optional(raw->first) : std::nullopt;
    options->text_file = text_file->count() > 0 ? std::optional(raw->second) : std::nullopt;
    return run_reply(*options, s);
  });
}

}  // namespace ent110::cli
