// SPDX-License-Identifier: MIT
// Shell completion generated from the command tree that parses and prints help, so that it cannot
// drift from them: `ent110 completion bash|zsh|fish` prints a script holding the tree's commands,
// options and enumerations; words kept in the database come from `ent110 complete`, which the
// scripts call at Tab time.
#include "app.hpp"
#include "commands.hpp"
#include "session.hpp"

#include <ent110/cases/completion_repo.hpp>

#include <fmt/format.h>

#include <map>
#include <sstream>

namespace ent110::cli {
namespace {

// What a word after an option (or in a positional's place) may be.
struct ValueWords {
  std::string kind;                  ///< "words", "units", "cases", "files", "dirs" or "any"
  std::vector<std::string> choices;  ///< for "words"
};

struct OptionEntry {
  std::vector<std::string> names;  ///< "-h", "--help"
  std::string description;
  std::optional<ValueWords> value;  ///< nullopt for a flag
};

struct CommandEntry {
  std::string path;  ///< the words that name it: "ent110", "ent110 unit add"
  std::vector<std::pair<std::string, std::string>> subcommands;  ///< name, description
  std::vector<OptionEntry> options;
  std::optional<ValueWords> positional;  ///< the first positional's words, when it has any
};

std::vector<std::string> split_words(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::istringstream stream(text);
  for (std::string part; std::getline(stream, part, separator);) {
    parts.push_back(part);
  }
  return parts;
}

bool is_lower_word(const std::string& text) {
  return !text.empty() && text.front() >= 'a' && text.front() <= 'z' &&
         std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
         });
}

// The enumeration an option checks: IsMember describes itself as "{a,b,c}". Without one, a type
// name spelling the choices ("ndjson|csv", "YYYY-MM|last|this") gives its lowercase words.
std::vector<std::string> choices_of(CLI::Option& option, const std::string& type_name) {
  for (int index = 0;; ++index) {
    CLI::Validator* validator = nullptr;
    try {
      validator = option.get_validator(index);
    } catch (const CLI::OptionNotFound&) {
      break;
    }
    const std::string set = validator->get_description();
    if (set.size() > 2 && set.front() == '{' && set.back() == '}') {
      return split_words(set.substr(1, set.size() - 2), ',');
    }
  }
  std::vector<std::string> words;
  for (const std::string& part : split_words(type_name, '|')) {
    if (is_lower_word(part)) {
      words.push_back(part);
    }
  }
  return words;
}

// Which words an option takes. Unit codes and case ids are recognised by the option's type name
// or long name, and by the help text the commands give their case and unit arguments.
ValueWords value_words(CLI::Option& option, Lang lang) {
  const std::string full_type = option.get_type_name();
  const std::string type_name = full_type.substr(0, full_type.find(':'));
  const std::string& description = option.get_description();
  const std::vector<std::string>& long_names = option.get_lnames();
  const auto has_long_name = [&long_names](std::string_view name) {
    return std::find(long_names.begin(), long_names.end(), name) != long_names.end();
  };
  for (const MessageId id :
       {MessageId::case_opt_id, MessageId::merge_opt_duplicate, MessageId::merge_opt_into}) {
    if (description == tr(lang, id)) {
      return {"cases", {}};
    }
  }
  if (type_name.starts_with("UNIT") || has_long_name("unit") || has_long_name("county") ||
      has_long_name("units") || description == tr(lang, MessageId::opt_unit_code)) {
    return {"units", {}};
  }
  if (std::vector<std::string> choices = choices_of(option, type_name); !choices.empty()) {
    return {"words", choices};
  }
  if (type_name.find("DIR") != std::string::npos) {
    return {"dirs", {}};
  }
  if (type_name.find("FILE") != std::string::npos || type_name.find("PATH") != std::string::npos) {
    return {"files", {}};
  }
  return {"any", {}};
}

void collect(CLI::App& app, const std::string& path, Lang lang, std::vector<CommandEntry>& into) {
  CommandEntry entry;
  entry.path = path;
  for (CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) {
      continue;
    }
    const bool flag = option->get_expected_max() == 0;
    if (option->get_positional() && option->nonpositional()) {
      continue;
    }
    if (!option->nonpositional()) {
      if (!entry.positional) {
        ValueWords words = value_words(*option, lang);
        if (words.kind != "any") {
          entry.positional = std::move(words);
        }
      }
      continue;
    }
    OptionEntry described;
    for (const std::string& name : option->get_snames()) {
      described.names.push_back("-" + name);
    }
    for (const std::string& name : option->get_lnames()) {
      described.names.push_back("--" + name);
    }
    described.description = option->get_description();
    if (!flag) {
      described.value = value_words(*option, lang);
    }
    entry.options.push_back(std::move(described));
  }
  std::vector<CLI::App*> subcommands =
      app.get_subcommands([](CLI::App* sub) { return !sub->get_group().empty(); });
  for (CLI::App* sub : subcommands) {
    entry.subcommands.emplace_back(sub->get_name(), sub->get_description());
  }
  into.push_back(std::move(entry));
  for (CLI::App* sub : subcommands) {
    collect(*sub, path + " " + sub->get_name(), lang, into);
  }
}

// 'text' for a POSIX shell (bash, zsh).
std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

// 'text' for fish, where a backslash escapes inside single quotes too.
std::string fish_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) {
    text += (text.empty() ? "" : " ") + word;
  }
  return text;
}

// A value's words as the scripts' tables hold them: the choices, or "@units", "@files", ….
std::string value_code(const ValueWords& value) {
  return value.kind == "words" ? joined(value.choices) : "@" + value.kind;
}

// The tables every script walks: for each command its subcommands and options, and for each
// option that takes a value (keyed "command|--option") the words it takes.
struct Tables {
  std::map<std::string, std::string> subcommands;
  std::map<std::string, std::string> options;
  std::map<std::string, std::string> values;
};

Tables tables_of(const std::vector<CommandEntry>& commands) {
  Tables tables;
  for (const CommandEntry& command : commands) {
    std::vector<std::string> names;
    for (const auto& [name, description] : command.subcommands) {
      names.push_back(name);
    }
    tables.subcommands[command.path] = joined(names);
    names.clear();
    for (const OptionEntry& option : command.options) {
      for (const std::string& name : option.names) {
        names.push_back(name);
        if (option.value) {
          tables.values[command.path + "|" + name] = value_code(*option.value);
        }
      }
    }
    tables.options[command.path] = joined(names);
    if (command.positional) {
      tables.values[command.path + "|"] = value_code(*command.positional);
    }
  }
  return tables;
}

// Bash and zsh share the walk: which command the words so far name, skipping option values,
// then what the word under the cursor may be. Global options (the root's) count everywhere.
constexpr std::string_view k_bash_script =
    R"script(# bash completion for ent110, generated by `ent110 completion bash`.
{tables}
_ent110_words() {{
  # The words the database holds, from the database the command line names.
  local kind=$1 cur=$2 i args=()
  for ((i = 1; i < ${{#COMP_WORDS[@]}}; i++)); do
    case ${{COMP_WORDS[i]}} in
      --db | --config) args+=("${{COMP_WORDS[i]}}" "${{COMP_WORDS[i + 1]}}") ;;
      --db=* | --config=*) args+=("${{COMP_WORDS[i]}}") ;;
    esac
  done
  ent110 "${{args[@]}}" complete "$kind" -- "$cur" 2>/dev/null
}}

_ent110_reply() {{
  local words=$1 cur=$2
  case $words in
    @units) mapfile -t COMPREPLY < <(_ent110_words units "$cur") ;;
    @cases) mapfile -t COMPREPLY < <(_ent110_words cases "$cur") ;;
    @files) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    @dirs) mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    @any) COMPREPLY=() ;;
    *) mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur") ;;
  esac
}}

_ent110() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} path=ent110 word i
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${{COMP_WORDS[i]}}
    if [[ $word == -* ]]; then
      if [[ $word != *=* && -n ${{_ent110_values["$path|$word"]+x}}${{_ent110_values["ent110|$word"]+x}} ]]; then
        ((i++))
      fi
      continue
    fi
    if [[ " ${{_ent110_subcommands[$path]}} " == *" $word "* ]]; then
      path="$path $word"
    fi
  done
  local prev=${{COMP_WORDS[COMP_CWORD - 1]}}
  # "--kind=co": bash splits at the '=' (COMP_WORDBREAKS).
  if [[ $prev == = ]] && ((COMP_CWORD > 2)); then
    prev=${{COMP_WORDS[COMP_CWORD - 2]}}
  fi
  if ((COMP_CWORD > 1)) && [[ $prev == -* ]]; then
    if [[ -n ${{_ent110_values["$path|$prev"]+x}} ]]; then
      _ent110_reply "${{_ent110_values["$path|$prev"]}}" "$cur"
      return
    elif [[ -n ${{_ent110_values["ent110|$prev"]+x}} ]]; then
      _ent110_reply "${{_ent110_values["ent110|$prev"]}}" "$cur"
      return
    fi
  fi
  if [[ $cur == -* ]]; then
    local options=${{_ent110_options[$path]}}
    [[ $path == ent110 ]] || options+=" ${{_ent110_options[ent110]}}"
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
  elif [[ -n ${{_ent110_subcommands[$path]}} ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${{_ent110_subcommands[$path]}}" -- "$cur")
  elif [[ -n ${{_ent110_values["$path|"]+x}} ]]; then
    _ent110_reply "${{_ent110_values["$path|"]}}" "$cur"
  fi
}}
complete -F _ent110 ent110
)script";

std::string bash_tables(const Tables& tables) {
  // declare -g: bash-completion sources this file inside a function.
  std::string text = "declare -gA _ent110_subcommands=(\n";
  for (const auto& [path, names] : tables.subcommands) {
    text += fmt::format("  [{}]={}\n", shell_quoted(path), shell_quoted(names));
  }
  text += ")\ndeclare -gA _ent110_options=(\n";
  for (const auto& [path, names] : tables.options) {
    text += fmt::format("  [{}]={}\n", shell_quoted(path), shell_quoted(names));
  }
  text += ")\ndeclare -gA _ent110_values=(\n";
  for (const auto& [key, words] : tables.values) {
    text += fmt::format("  [{}]={}\n", shell_quoted(key), shell_quoted(words));
  }
  return text + ")";
}

constexpr std::string_view k_zsh_script = R"script(#compdef ent110
# zsh completion for ent110, generated by `ent110 completion zsh`.
{tables}
_ent110_words() {{
  local kind=$1 cur=$2 i args=()
  for ((i = 2; i <= $#words; i++)); do
    case $words[i] in
      --db | --config) args+=($words[i] $words[i + 1]) ;;
      --db=* | --config=*) args+=($words[i]) ;;
    esac
  done
  ent110 $args complete $kind -- $cur 2>/dev/null
}}

_ent110_offer() {{
  local code=$1 cur=$2
  case $code in
    @units) compadd -- ${{(f)"$(_ent110_words units $cur)"}} ;;
    @cases) compadd -- ${{(f)"$(_ent110_words cases $cur)"}} ;;
    @files) _files ;;
    @dirs) _files -/ ;;
    @any) ;;
    *) compadd -- ${{=code}} ;;
  esac
}}

_ent110() {{
  # Not "path": zsh ties it to $PATH.
  local cur=$words[CURRENT] at=ent110 word i
  for ((i = 2; i < CURRENT; i++)); do
    word=$words[i]
    if [[ $word == -* ]]; then
      if [[ $word != *=* ]] && (( ${{+_ent110_values[$at|$word]}} || ${{+_ent110_values[ent110|$word]}} )); then
        ((i++))
      fi
      continue
    fi
    if [[ " $_ent110_subcommands[$at] " == *" $word "* ]]; then
      at="$at $word"
    fi
  done
  local prev=$words[CURRENT-1]
  if ((CURRENT > 2)) && [[ $prev == -* ]]; then
    if (( ${{+_ent110_values[$at|$prev]}} )); then
      _ent110_offer "$_ent110_values[$at|$prev]" "$cur"
      return
    elif (( ${{+_ent110_values[ent110|$prev]}} )); then
      _ent110_offer "$_ent110_values[ent110|$prev]" "$cur"
      return
    fi
  fi
  local -a described
  if [[ $cur == -* ]]; then
    described=(${{(f)_ent110_described[$at]}})
    [[ $at == ent110 ]] || described+=(${{(f)_ent110_described[ent110]}})
    _describe -t options option described
  elif [[ -n $_ent110_subcommands[$at] ]]; then
    described=(${{(f)_ent110_described[$at/]}})
    _describe -t commands command described
  elif (( ${{+_ent110_values[$at|]}} )); then
    _ent110_offer "$_ent110_values[$at|]" "$cur"
  fi
}}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _ent110 "$@"
else
  compdef _ent110 ent110
fi
)script";

// "name:description" for _describe, a colon in the name escaped.
std::string described(const std::string& name, const std::string& description) {
  std::string escaped;
  for (const char c : name) {
    escaped += c == ':' ? std::string("\\:") : std::string(1, c);
  }
  std::string one_line = description;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  return escaped + ":" + one_line;
}

std::string zsh_tables(const Tables& tables, const std::vector<CommandEntry>& commands) {
  std::string text = "typeset -gA _ent110_subcommands _ent110_values _ent110_described\n";
  text += "_ent110_subcommands=(\n";
  for (const auto& [path, names] : tables.subcommands) {
    text += fmt::format("  {} {}\n", shell_quoted(path), shell_quoted(names));
  }
  text += ")\n_ent110_values=(\n";
  for (const auto& [key, words] : tables.values) {
    text += fmt::format("  {} {}\n", shell_quoted(key), shell_quoted(words));
  }
  // Options under "PATH", subcommands under "PATH/": one "name:description" a line.
  text += ")\n_ent110_described=(\n";
  for (const CommandEntry& command : commands) {
    std::string lines;
    for (const OptionEntry& option : command.options) {
      for (const std::string& name : option.names) {
        lines += (lines.empty() ? "" : "\n") + described(name, option.description);
      }
    }
    text += fmt::format("  {} {}\n", shell_quoted(command.path), shell_quoted(lines));
    lines.clear();
    for (const auto& [name, description] : command.subcommands) {
      lines += (lines.empty() ? "" : "\n") + described(name, description);
    }
    text += fmt::format("  {} {}\n", shell_quoted(command.path + "/"), shell_quoted(lines));
  }
  return text + ")";
}

constexpr std::string_view k_fish_script =
    R"script(# fish completion for ent110, generated by `ent110 completion fish`.
{tables}
# The command the words so far name, option values skipped.
function __ent110_path
    set -l path ent110
    set -l skip 0
    for word in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        if string match -q -- '-*' $word
            if not string match -q -- '*=*' $word; and contains -- "$path|$word" $__ent110_valued
                set skip 1
            else if not string match -q -- '*=*' $word; and contains -- "ent110|$word" $__ent110_valued
                set skip 1
            end
            continue
        end
        if contains -- "$path $word" $__ent110_commands
            set path "$path $word"
        end
    end
    echo $path
end

function __ent110_at
    test (__ent110_path) = "$argv[1]"
end

function __ent110_words
    set -l args
    set -l words (commandline -opc)
    for i in (seq 2 (count $words))
        switch $words[$i]
            case --db --config
                set -a args $words[$i] $words[(math $i + 1)]
            case '--db=*' '--config=*'
                set -a args $words[$i]
        end
    end
    ent110 $args complete $argv[1] -- (commandline -ct) 2>/dev/null
end

complete -c ent110 -f
{completes})script";

std::string fish_value_arguments(const ValueWords& value) {
  if (value.kind == "words") {
    return "-x -a " + fish_quoted(joined(value.choices));
  }
  if (value.kind == "units" || value.kind == "cases") {
    return fmt::format("-x -a '(__ent110_words {})'", value.kind);
  }
  if (value.kind == "files" || value.kind == "dirs") {
    return "-r -F";
  }
  return "-x";
}

std::string fish_script(const std::vector<CommandEntry>& commands) {
  std::string tables = "set -g __ent110_commands";
  std::string valued = "set -g __ent110_valued";
  std::string completes;
  for (const CommandEntry& command : commands) {
    tables += " " + fish_quoted(command.path);
    // Global options are offered everywhere, the others only after their command.
    const std::string condition =
        command.path == "ent110" ? ""
                                 : "-n " + fish_quoted("__ent110_at '" + command.path + "'") + " ";
    const std::string here = "-n " + fish_quoted("__ent110_at '" + command.path + "'") + " ";
    for (const auto& [name, description] : command.subcommands) {
      completes += fmt::format("complete -c ent110 {}-a {} -d {}\n", here, fish_quoted(name),
                               fish_quoted(description));
    }
    for (const OptionEntry& option : command.options) {
      std::string names;
      for (const std::string& name : option.names) {
        names += name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
        if (option.value) {
          valued += " " + fish_quoted(command.path + "|" + name);
        }
      }
      completes += fmt::format("complete -c ent110 {}{} {}-d {}\n", condition, names.substr(1),
                               option.value ? fish_value_arguments(*option.value) + " " : "",
                               fish_quoted(option.description));
    }
    if (command.positional && command.subcommands.empty()) {
      completes +=
          fmt::format("complete -c ent110 {}{}\n", here, fish_value_arguments(*command.positional));
    }
  }
  return fmt::format(fmt::runtime(k_fish_script), fmt::arg("tables", tables + "\n" + valued),
                     fmt::arg("completes", completes));
}

std::string completion_script(CLI::App& root, const std::string& shell, Lang lang) {
  std::vector<CommandEntry> commands;
  collect(root, "ent110", lang, commands);
  const Tables tables = tables_of(commands);
  if (shell == "bash") {
    return fmt::format(fmt::runtime(k_bash_script), fmt::arg("tables", bash_tables(tables)));
  }
  if (shell == "zsh") {
    return fmt::format(fmt::runtime(k_zsh_script),
                       fmt::arg("tables", zsh_tables(tables, commands)));
  }
  return fish_script(commands);
}

CLI::App& root_of(CLI::App& app) {
  CLI::App* at = &app;
  while (at->get_parent() != nullptr) {
    at = at->get_parent();
  }
  return *at;
}

struct CompleteOptions {
  std::string kind;
  std::string prefix;
};

// Called by the scripts at every Tab: quiet, whatever is wrong. No database, a locked one or a
// bad --at completes nothing rather than printing an error into the user's command line.
int run_complete(const CompleteOptions& options, const GlobalOptions& globals, Session& s) {
  try {
    std::ostringstream discarded;
    Session reading(globals, Needs::store_read, discarded, discarded);
    const CompletionWords words =
        options.kind == "units" ? CompletionWords::units : CompletionWords::cases;
    for (const std::string& word : completion_words(reading.store(), words, options.prefix)) {
      s.out() << word << '\n';
    }
  } catch (const std::exception&) {
    return 0;
  }
  return 0;
}

}  // namespace

void add_completion(CLI::App& app, Invocation& inv, Lang lang) {
  auto shell = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("completion", tr(lang, MessageId::cmd_completion));
  cmd->add_option("shell", *shell, tr(lang, MessageId::opt_completion_shell))
      ->required()
      ->check(one_of({"bash", "zsh", "fish"}));
  inv.on(cmd, Needs::nothing, [cmd, shell, lang](Session& s) {
    s.out() << completion_script(root_of(*cmd), *shell, lang);
    return 0;
  });

  auto options = std::make_shared<CompleteOptions>();
  CLI::App* complete = app.add_subcommand("complete", tr(lang, MessageId::cmd_complete));
  // Hidden: the scripts' helper, not a command for people.
  complete->group("");
  complete->add_option("kind", options->kind, tr(lang, MessageId::opt_complete_kind))
      ->required()
      ->check(one_of({"units", "cases"}));
  complete->add_option("prefix", options->prefix, tr(lang, MessageId::opt_complete_prefix));
  inv.on(complete, Needs::nothing,
         [options, &inv](Session& s) { return run_complete(*options, inv.globals, s); });
}

}  // namespace ent110::cli
