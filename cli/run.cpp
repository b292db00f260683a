// SPDX-License-Identifier: MIT
#include "run.hpp"

#include "app.hpp"
#include "render/progress_line.hpp"
#include "session.hpp"
#include "version.hpp"

#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>
#include <ent110/util/spellcheck.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <ranges>

namespace ent110::cli {
namespace {

// `--lang` must be known before parsing so that help is printed in it.
Lang language_before_parse(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) {
      return parse_lang(args[i + 1]).value_or(Lang::en);
    }
    if (args[i].starts_with("--lang=")) {
      return parse_lang(args[i].substr(7)).value_or(Lang::en);
    }
  }
  return language_from_environment();
}

void print_error(std::ostream& err, Lang lang, const std::string& text) {
  // One line, and nothing a terminal would act on, whatever a message quoted.
  err << tr(lang, MessageId::cli_error_prefix) << escape_controls(text) << '\n';
}

// Every argument must be UTF-8 before any of it reaches a message, a file or the database. A
// refusal names the option the argument is the value of ("--title X" or "--title=X", the byte
// counted in X), else the argument's position.
void require_utf8_arguments(const std::vector<std::string>& args, Lang lang) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!invalid_utf8_offset(arg)) {
      continue;
    }
    const std::size_t equals = arg.starts_with("--") ? arg.find('=') : std::string::npos;
    if (equals != std::string::npos && !invalid_utf8_offset(arg.substr(0, equals))) {
      require_utf8_argument(std::string_view(arg).substr(equals + 1), arg.substr(0, equals));
    }
    const bool option_value = i > 0 && args[i - 1].starts_with("-") &&
                              args[i - 1].find('=') == std::string::npos &&
                              !invalid_utf8_offset(args[i - 1]);
    require_utf8_argument(
        arg, option_value ? args[i - 1]
                          : tr(lang, MessageId::input_argument_position, {std::to_string(i + 1)}));
  }
}

// The deepest subcommand the parser reached, for "see 'ent110 unit add --help'".
CLI::App* deepest_subcommand(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands()) {
    return deepest_subcommand(*sub);
  }
  return &app;
}

std::string command_path(CLI::App* app) {
  std::string path;
  for (CLI::App* at = app; at != nullptr; at = at->get_parent()) {
    path = at->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

// Unknown words where a subcommand was expected get ninja's "did you mean".
std::optional<std::string> subcommand_hint(CLI::App& app, const std::vector<std::string>& args) {
  CLI::App* where = deepest_subcommand(app);
  std::vector<std::string> names;
  for (const CLI::App* sub : where->get_subcommands({})) {
    names.push_back(sub->get_name());
  }
  if (names.empty()) {
    // A leaf command took the parse ("enterprize list" chose `list`): the typo is a command name.
    where = &app;
    for (const CLI::App* sub : app.get_subcommands({})) {
      names.push_back(sub->get_name());
    }
  }
  const auto on_path = [&app](const std::string& arg) {
    for (const CLI::App* at = deepest_subcommand(app); at != nullptr; at = at->get_parent()) {
      if (at->get_name() == arg) {
        return true;
      }
    }
    return false;
  };
  for (const std::string& arg : args) {
    if (arg.starts_with("-") || std::find(names.begin(), names.end(), arg) != names.end() ||
        on_path(arg)) {
      continue;
    }
    if (auto near = closest_match(arg, names)) {
      return arg + "\n" + *near;
    }
  }
  return std::nullopt;
}

// `text` cut at the first `marker`: what stands before it and what after, when it is there.
std::optional<std::pair<std::string, std::string>> split_at(const std::string& text,
                                                            std::string_view marker) {
  const std::size_t at = text.find(marker);
  if (at == std::string::npos) {
    return std::nullopt;
  }
  return std::pair(text.substr(0, at), text.substr(at + marker.size()));
}

// CLI11 writes a value count as "Expected exactly 2 arguments to --x, got 1" or
// "--x: At least 2 required but received 1".
std::optional<std::string> value_count_detail(const std::string& what, Lang lang) {
  for (const std::string_view lead : {"Expected exactly ", "Expected at least "}) {
    if (what.starts_with(lead)) {
      const auto count = split_at(what.substr(lead.size()), " arguments to ");
      const auto name = count ? split_at(count->second, ", got ") : std::nullopt;
      if (name) {
        return tr(lang, MessageId::cli_value_count, {name->first, count->first, name->second});
      }
    }
  }
  for (const std::string_view middle : {": At least ", ": At Most "}) {
    const auto name = split_at(what, middle);
    const auto count = name ? split_at(name->second, " required but received ") : std::nullopt;
    if (count) {
      return tr(lang, MessageId::cli_value_count, {name->first, count->first, count->second});
    }
  }
  return std::nullopt;
}

// CLI::Range says "--x: Value 7 not in range 1 to 5"; CLI::PositiveNumber is a Range of doubles
// from the smallest above 0 (written "0.000000") to the largest.
std::optional<std::string> range_detail(const std::string& what, Lang lang) {
  const auto name = split_at(what, ": Value ");
  const auto value = name ? split_at(name->second, " not in range ") : std::nullopt;
  const auto bounds = value ? split_at(value->second, " to ") : std::nullopt;
  if (!bounds) {
    return std::nullopt;
  }
  if (bounds->first == "0.000000" && std::stod(bounds->second) > 1e300) {
    return tr(lang, MessageId::cli_value_not_positive,
              {name->first, excerpt_for_message(value->first)});
  }
  return tr(lang, MessageId::cli_value_out_of_range,
            {name->first, excerpt_for_message(value->first), bounds->first, bounds->second});
}

// What CLI11 found wrong, in the reader's language. CLI11 words its errors in English only; each
// error our command tree can meet is recognised by its class and its fixed wording
// (CLI/Error.hpp, CLI/Validators.hpp) and said again from the catalogue; anything else keeps
// CLI11's words inside a sentence of the reader's language. The exit code tells the class: some
// errors carry the command's name where the class name would be.
std::string usage_detail(CLI::App& where, const CLI::ParseError& error, Lang lang) {
  std::string what = error.what();
  std::replace(what.begin(), what.end(), '\n', ' ');
  const auto kind = static_cast<CLI::ExitCodes>(error.get_exit_code());
  const auto after = [&what](std::string_view marker) -> std::optional<std::string> {
    const std::size_t at = what.find(marker);
    return at == std::string::npos ? std::nullopt : std::optional(what.substr(at + marker.size()));
  };
  if (kind == CLI::ExitCodes::ExtrasError) {
    // CLI11 lists the extras last first (it parses a reversed vector); say them as typed.
    if (auto listed = after(": ")) {
      std::string typed;
      for (const auto word : std::views::split(*listed, ' ')) {
        typed.insert(0, std::string(word.begin(), word.end()) + (typed.empty() ? "" : " "));
      }
      return tr(lang, MessageId::cli_unexpected_arguments, {excerpt_for_message(typed)});
    }
  } else if (kind == CLI::ExitCodes::RequiredError) {
    if (what == "A subcommand is required" || what.starts_with("Requires at least ")) {
      const std::vector<std::string> unknown = where.remaining();
      return unknown.empty()
                 ? tr(lang, MessageId::cli_command_required)
                 : tr(lang, MessageId::cli_unknown_command, {excerpt_for_message(unknown.front())});
    }
    constexpr std::string_view k_required = " is required";
    if (what.ends_with(k_required)) {
      return tr(lang, MessageId::cli_option_required,
                {what.substr(0, what.size() - k_required.size())});
    }
  } else if (kind == CLI::ExitCodes::ConversionError) {
    if (auto value = after("Could not convert: ")) {
      return tr(lang, MessageId::cli_value_unreadable, {excerpt_for_message(*value)});
    }
    if (auto flag = split_at(what, ": too many inputs for a flag")) {
      return tr(lang, MessageId::cli_flag_takes_no_value, {flag->first});
    }
    if (auto flag = split_at(what, ": Should be true/false or a number")) {
      return tr(lang, MessageId::cli_flag_takes_no_value, {flag->first});
    }
  } else if (kind == CLI::ExitCodes::ValidationError) {
    const std::size_t colon = what.find(": ");
    const std::size_t not_in = what.find(" not in ");
    if (auto range = range_detail(what, lang)) {
      return *range;
    }
    if (colon != std::string::npos && not_in != std::string::npos && not_in > colon) {
      return tr(
          lang, MessageId::cli_value_not_allowed,
          {what.substr(0, colon), excerpt_for_message(what.substr(colon + 2, not_in - colon - 2)),
           what.substr(not_in + 8)});
    }
  } else if (kind == CLI::ExitCodes::ArgumentMismatch) {
    if (auto missing = split_at(what, " required ");
        missing && missing->second.ends_with(" missing")) {
      return tr(lang, MessageId::cli_value_missing,
                {missing->first.substr(0, missing->first.rfind(": "))});
    }
    if (auto flag = split_at(what, " was given a disallowed flag override")) {
      return tr(lang, MessageId::cli_flag_takes_no_value, {flag->first});
    }
    if (auto count = value_count_detail(what, lang)) {
      return *count;
    }
  } else if (kind == CLI::ExitCodes::RequiresError) {
    if (auto pair = split_at(what, " requires ")) {
      return tr(lang, MessageId::cli_option_requires, {pair->first, pair->second});
    }
  } else if (kind == CLI::ExitCodes::ExcludesError) {
    if (auto pair = split_at(what, " excludes ")) {
      return tr(lang, MessageId::cli_option_excludes, {pair->first, pair->second});
    }
  }
  return tr(lang, MessageId::cli_usage_other, {what});
}

int usage_error(CLI::App& app,
                const CLI::ParseError& error,
                const std::vector<std::string>& args,
                Lang lang,
                std::ostream& err) {
  // Only a word CLI11 could not place may be a misspelt command; a bad value or a missing
  // option is said as such.
  const auto kind = static_cast<CLI::ExitCodes>(error.get_exit_code());
  const bool stray_word = kind == CLI::ExitCodes::ExtrasError ||
                          (kind == CLI::ExitCodes::RequiredError &&
                           std::string_view(error.what()) == "A subcommand is required");
  if (auto hint = stray_word ? subcommand_hint(app, args) : std::nullopt) {
    const auto newline = hint->find('\n');
    print_error(err, lang,
                tr(lang, MessageId::cli_unknown_command_near,
                   {excerpt_for_message(hint->substr(0, newline)), hint->substr(newline + 1)}));
    return static_cast<int>(ExitCode::usage);
  }
  CLI::App* where = deepest_subcommand(app);
  print_error(
      err, lang,
      tr(lang, MessageId::cli_usage, {usage_detail(*where, error, lang), command_path(where)}));
  return static_cast<int>(ExitCode::usage);
}

}  // namespace

int run_main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const Lang help_lang = language_before_parse(args);
  if (const std::optional<bool> json = version_requested(args)) {
    out << (*json ? version_json() : version_text(help_lang));
    return static_cast<int>(ExitCode::ok);
  }
  Invocation inv;
  std::unique_ptr<CLI::App> app;
  try {
    require_utf8_arguments(args, help_lang);
    const std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
      app = make_app_for(inv, help_lang, args);
      if (app) {
        std::vector<std::string> words = reversed;
        app->parse(words);
      }
    } catch (const CLI::ParseError&) {
      app.reset();
    }
    if (!app) {
      inv = Invocation{};
      app = make_app(inv, help_lang);
      if (args.empty()) {
        out << app->help();
        return static_cast<int>(ExitCode::ok);
      }
      std::vector<std::string> words = reversed;
      app->parse(words);
    }
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app->exit(error, out, err);
    }
    // Global options alone ("ent110 --lang zh") ask for nothing but help, as no arguments do.
    if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::RequiredError) &&
        app->get_subcommands().empty() && app->remaining().empty()) {
      out << app->help();
      return static_cast<int>(ExitCode::ok);
    }
    return usage_error(*app, error, args, help_lang, err);
  } catch (const UsageError& error) {
    print_error(err, help_lang, render(error.message(), help_lang));
    return static_cast<int>(error.exit_code());
  }

  Lang lang = help_lang;
  std::optional<Session> session;
  // A failed `init` must not leave a half-made database behind for the next command to find.
  auto discard_new_database = [&] {
    if (session && session->created_database()) {
      const std::string path = session->db_path().string();
      session.reset();
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ignored;
        std::filesystem::remove(path + suffix, ignored);
      }
    }
  };
  try {
    session.emplace(inv.globals, inv.needs, out, err);
    lang = session->lang();
    std::optional<ProgressLine> progress;
    if (progress_wanted(err, inv.globals.quiet)) {
      progress.emplace(err, lang);
    }
    return inv.runner(*session);
  } catch (const Error& error) {
    discard_new_database();
    print_error(err, lang, render(error.message(), lang));
    return static_cast<int>(error.exit_code());
  } catch (const std::exception& error) {
    discard_new_database();
    print_error(err, lang, tr(lang, MessageId::cli_internal_error, {error.what()}));
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace ent110::cli
