// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>

namespace ent110::cli {
namespace {

struct IntakeOptions {
  IntakeRequest request;
  std::string type;
  std::string channel;
  std::optional<std::string> body;
  std::optional<std::string> body_file;
};

int run_intake(const IntakeOptions& options, Session& s) {
  IntakeRequest request = options.request;
  request.type = *parse_case_type(options.type);
  request.channel = *parse_channel(options.channel);
  if (options.body || options.body_file) {
    request.body = text_from(options.body, options.body_file, "--body", "--body-file");
  }
  return print_action_result(s, case_service(s).intake(request, s.actor(), s.now()));
}

}  // namespace

void add_intake(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<IntakeOptions>();
  auto raw = std::make_shared<std::pair<std::string, std::string>>();
  CLI::App* cmd = app.add_subcommand("intake", tr(lang, MessageId::case_cmd_intake));
  cmd->add_option("--enterprise", options->request.enterprise,
                  tr(lang, MessageId::case_opt_enterprise))
      ->required()
      ->type_name("ID|USCC|NAME");
  cmd->add_option("--type", options->type, tr(lang, MessageId::case_opt_type))
      ->required()
      ->check(one_of(case_type_names()));
  cmd->add_flag("--major", options->request.major, tr(lang, MessageId::case_opt_major));
  cmd->add_option("--channel", options->channel, tr(lang, MessageId::case_opt_channel))
      ->required()
      ->check(one_of(channel_names()));
  cmd->add_option("--title", options->request.title, tr(lang, MessageId::case_opt_title))
      ->required();
  CLI::Option* body = cmd->add_option("--body", raw->first, tr(lang, MessageId::case_opt_body));
  CLI::Option* body_file =
      cmd->add_option("--body-file", raw->second, tr(lang, MessageId::case_opt_body_file))
          ->type_name("FILE")
          ->excludes(body);
  inv.on(cmd, Needs::store_write, [options, raw, body, body_file](Session& s) {
    options->body = body->count() > 0 ? std::optional(raw->first) : std::nullopt;
    options->body_file = body_file->count() > 0 ? std::optional(raw->second) : std::nullopt;
    return run_intake(*options, s);
  });
}

}  // namespace ent110::cli
