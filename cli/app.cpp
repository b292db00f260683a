// SPDX-License-Identifier: MIT
#include "app.hpp"

#include "commands.hpp"

namespace ent110::cli {

void Invocation::on(CLI::App* command, Needs command_needs, Runner command_runner) {
  command->callback([this, command, command_needs, command_runner] {
    chosen = command;
    needs = command_needs;
    runner = command_runner;
  });
}

void Invocation::on(CLI::App* command, std::function<Needs()> decide, Runner command_runner) {
  command->callback([this, command, decide, command_runner] {
    chosen = command;
    needs = decide();
    runner = command_runner;
  });
}

CLI::IsMember one_of(const std::vector<std::string>& names) {
  return CLI::IsMember(names);
}

std::unique_ptr<CLI::App> make_app(Invocation& inv, Lang lang) {
  auto app = std::make_unique<CLI::App>(tr(lang, MessageId::cli_app_description), "ent110");
  app->set_help_flag("-h,--help", tr(lang, MessageId::cli_help_flag));
  app->set_version_flag("--version", std::string("ent110 ") + ENT110_VERSION);
  app->require_subcommand(1);
  // Global options may stand after the command name too (spec/cli.md).
  app->fallthrough();
  app->option_defaults()->always_capture_default(false);

  GlobalOptions& g = inv.globals;
  app->add_option("--db", g.db, tr(lang, MessageId::cli_opt_db))
      ->envname("ENT110_DB")
      ->type_name("PATH");
  app->add_option("--config", g.config, tr(lang, MessageId::cli_opt_config))
      ->envname("ENT110_CONFIG")
      ->type_name("PATH");
  app->add_option("--as", g.as, tr(lang, MessageId::cli_opt_as))
      ->envname("ENT110_USER")
      ->type_name("LOGIN");
  app->add_option("--at", g.at, tr(lang, MessageId::cli_opt_at))
      ->envname("ENT110_NOW")
      ->type_name("TIME");
  app->add_option("--lang", g.lang, tr(lang, MessageId::cli_opt_lang))
      ->envname("ENT110_LANG")
      ->check(CLI::IsMember({"zh", "en"}))
      ->type_name("zh|en");
  app->add_flag("--json", g.json, tr(lang, MessageId::cli_opt_json));
  app->add_flag("--no-color", g.no_color, tr(lang, MessageId::cli_opt_no_color));

  add_init(*app, inv, lang);
  add_config(*app, inv, lang);
  add_unit(*app, inv, lang);
  add_user(*app, inv, lang);
  add_enterprise(*app, inv, lang);
  add_officer(*app, inv, lang);
  add_project(*app, inv, lang);
  add_calendar(*app, inv, lang);
  add_backup(*app, inv, lang);
  add_copy(*app, inv, lang);
  add_verify(*app, inv, lang);
  add_triage(*app, inv, lang);
  add_intake(*app, inv, lang);
  add_reject(*app, inv, lang);
  add_forward(*app, inv, lang);
  add_reply(*app, inv, lang);
  add_review(*app, inv, lang);
  add_escalate(*app, inv, lang);
  add_dispute(*app, inv, lang);
  add_evaluate(*app, inv, lang);
  add_correct(*app, inv, lang);
  add_merge(*app, inv, lang);
  add_unmerge(*app, inv, lang);
  add_show(*app, inv, lang);
  add_list(*app, inv, lang);
  add_log(*app, inv, lang);
  add_report(*app, inv, lang);
  add_assess(*app, inv, lang);
  add_audit(*app, inv, lang);
  add_visit(*app, inv, lang);
  add_export(*app, inv, lang);
  add_search(*app, inv, lang);
  add_publish(*app, inv, lang);
  return app;
}

}  // namespace ent110::cli
