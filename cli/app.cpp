// SPDX-License-Identifier: MIT
#include "app.hpp"

#include "commands.hpp"
#include "version.hpp"

#include <ent110/util/display_width.hpp>

#include <algorithm>
#include <array>
#include <string_view>

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

namespace {

struct Command {
  std::string_view name;
  void (*add)(CLI::App&, Invocation&, Lang);
  /// Reads the whole command tree when it runs (completion is generated from it).
  bool needs_whole_tree = false;
};

// In the order help lists them.
constexpr std::array k_commands{
    Command{"init", add_init},
    Command{"config", add_config},
    Command{"unit", add_unit},
    Command{"user", add_user},
    Command{"enterprise", add_enterprise},
    Command{"officer", add_officer},
    Command{"project", add_project},
    Command{"calendar", add_calendar},
    Command{"backup", add_backup},
    Command{"copy", add_copy},
    Command{"verify", add_verify},
    Command{"triage", add_triage},
    Command{"intake", add_intake},
    Command{"reject", add_reject},
    Command{"forward", add_forward},
    Command{"reply", add_reply},
    Command{"review", add_review},
    Command{"escalate", add_escalate},
    Command{"dispute", add_dispute},
    Command{"evaluate", add_evaluate},
    Command{"correct", add_correct},
    Command{"merge", add_merge},
    Command{"unmerge", add_unmerge},
    Command{"show", add_show},
    Command{"list", add_list},
    Command{"log", add_log},
    Command{"report", add_report},
    Command{"assess", add_assess},
    Command{"audit", add_audit},
    Command{"visit", add_visit},
    Command{"export", add_export},
    Command{"search", add_search},
    Command{"publish", add_publish},
    Command{"completion", add_completion, true},
};

// The root: global options and version flag, no commands yet.
std::unique_ptr<CLI::App> make_root(Invocation& inv, Lang lang) {
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

  return app;
}

// The command `args` name, when only global options (and their values) come before it.
const Command* named_command(const CLI::App& root, const std::vector<std::string>& args) {
  const auto command_named = [](std::string_view word) -> const Command* {
    const auto* found = std::find_if(k_commands.begin(), k_commands.end(),
                                     [&](const Command& command) { return command.name == word; });
    return found == k_commands.end() ? nullptr : found;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (!word.starts_with("-")) {
      return command_named(word);
    }
    const std::size_t equals = word.find('=');
    const CLI::Option* option = root.get_option_no_throw(word.substr(0, equals));
    if (option == nullptr) {
      return nullptr;
    }
    // CLI11 ends an option's values at a command's name: such a value is left to the whole tree.
    const bool value_follows = option->get_type_size() != 0 && equals == std::string::npos;
    if (value_follows && (++i == args.size() || command_named(args[i]) != nullptr)) {
      return nullptr;
    }
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<CLI::App> make_app(Invocation& inv, Lang lang) {
  auto app = make_root(inv, lang);
  for (const Command& command : k_commands) {
    command.add(*app, inv, lang);
  }
  return app;
}

std::unique_ptr<CLI::App> make_app_for(Invocation& inv,
                                       Lang lang,
                                       const std::vector<std::string>& args) {
  auto app = make_root(inv, lang);
  const Command* command = named_command(*app, args);
  if (command == nullptr || command->needs_whole_tree) {
    return nullptr;
  }
  command->add(*app, inv, lang);
  return app;
}

}  // namespace ent110::cli
