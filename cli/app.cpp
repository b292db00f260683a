// SPDX-License-Identifier: MIT
#include "app.hpp"

#include "commands.hpp"
#include "version.hpp"

#include <ent110/util/display_width.hpp>

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

namespace {

// CLI11 writes its headings and markers in English; this one says them in the reader's language.
// The English catalogue texts are CLI11's own words, so English help is as CLI11 prints it.
class TranslatedFormatter : public CLI::Formatter {
 public:
  explicit TranslatedFormatter(Lang lang) {
    label("Usage", tr(lang, MessageId::help_usage));
    label("OPTIONS", tr(lang, MessageId::help_options_placeholder));
    label("SUBCOMMAND", tr(lang, MessageId::help_subcommand_placeholder));
    label("SUBCOMMANDS", tr(lang, MessageId::help_subcommand_placeholder));
    label("Options", tr(lang, MessageId::help_options));
    label("Positionals", tr(lang, MessageId::help_positionals));
    label("Subcommands", tr(lang, MessageId::help_subcommands));
    label("REQUIRED", tr(lang, MessageId::help_required));
    label("Env", tr(lang, MessageId::help_env));
    label("Needs", tr(lang, MessageId::help_needs));
    label("Excludes", tr(lang, MessageId::help_excludes));
  }

  // CLI11 pads the left column by bytes; a Chinese marker such as "（必填）" needs its width.
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return help_line(make_option_name(opt, is_positional) + make_option_opts(opt),
                     make_option_desc(opt));
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return help_line(sub->get_display_name(true), sub->get_description());
  }

  std::string make_group(std::string group,
                         bool is_positional,
                         std::vector<const CLI::Option*> opts) const override {
    return Formatter::make_group(get_label(group), is_positional, std::move(opts));
  }

  // CLI11 heads the list with the subcommands' group name as it was set, never a label.
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    std::string text = Formatter::make_subcommands(app, mode);
    const std::string heading = "\nSubcommands:\n";
    if (const std::size_t at = text.find(heading); at != std::string::npos) {
      text.replace(at, heading.size(), "\n" + get_label("Subcommands") + ":\n");
    }
    return text;
  }

 private:
  // One entry as CLI::detail::format_help lays it out: the name in the left column, the
  // description beside it or, when the name fills the column, on the next line.
  std::string help_line(const std::string& name, const std::string& description) const {
    const std::string left = "  " + name;
    const std::size_t width = display_width(left);
    std::string line = left;
    if (!description.empty()) {
      line += width >= column_width_ ? "\n" + std::string(column_width_, ' ')
                                     : std::string(column_width_ - width, ' ');
      for (const char c : description) {
        line += c;
        if (c == '\n') {
          line += std::string(column_width_, ' ');
        }
      }
    }
    return line + "\n";
  }
};

}  // namespace

CLI::IsMember one_of(const std::vector<std::string>& names) {
  return CLI::IsMember(names);
}

std::unique_ptr<CLI::App> make_app(Invocation& inv, Lang lang) {
  auto app = std::make_unique<CLI::App>(tr(lang, MessageId::cli_app_description), "ent110");
  app->formatter(std::make_shared<TranslatedFormatter>(lang));
  app->set_help_flag("-h,--help", tr(lang, MessageId::cli_help_flag));
  app->set_version_flag(
      "--version",
      [lang] {
        // CLI11 ends the line itself.
        std::string text = version_text(lang);
        text.pop_back();
        return text;
      },
      tr(lang, MessageId::cli_opt_version));
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
  app->add_flag("--quiet", g.quiet, tr(lang, MessageId::cli_opt_quiet));

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
  add_completion(*app, inv, lang);
  return app;
}

}  // namespace ent110::cli
