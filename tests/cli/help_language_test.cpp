// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

using ent110::test::run_cli;

namespace {

// Every command line the program knows, "ent110 unit add" …, read from the completion tables:
// they are walked from the same command tree, so a command added later is checked too.
std::vector<std::vector<std::string>> every_command() {
  const auto script = run_cli({"completion", "bash"});
  REQUIRE(script.code == 0);
  std::vector<std::vector<std::string>> commands;
  std::istringstream lines(script.out);
  bool in_table = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("declare -gA _ent110_options=(")) {
      in_table = true;
    } else if (in_table && line == ")") {
      break;
    } else if (in_table) {
      const std::string path = line.substr(4, line.find("']=") - 4);
      std::vector<std::string> words;
      std::istringstream split(path);
      for (std::string word; split >> word;) {
        words.push_back(word);
      }
      words.erase(words.begin());
      commands.push_back(words);
    }
  }
  return commands;
}

bool ascii_only(const std::string& line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A help line may be all ASCII only when it is blank or names an option or a positional whose
// description did not fit beside it (it follows on the next line, indented).
bool allowed_ascii_line(const std::string& line, bool among_positionals) {
  const std::size_t start = line.find_first_not_of(' ');
  return start == std::string::npos || line[start] == '-' ||
         (among_positionals && start == 2 && line.find("  ", start) == std::string::npos);
}

}  // namespace

TEST_CASE("help: every command's help is Chinese under --lang zh, headings included", "[cli]") {
  const auto commands = every_command();
  REQUIRE(commands.size() > 60);
  for (const auto& command : commands) {
    std::vector<std::string> args{"--lang", "zh"};
    args.insert(args.end(), command.begin(), command.end());
    args.push_back("--help");
    const auto help = run_cli(args);
    REQUIRE(help.code == 0);
    std::istringstream lines(help.out);
    bool among_positionals = false;
    for (std::string line; std::getline(lines, line);) {
      if (!line.starts_with(" ")) {
        among_positionals = line.starts_with("位置参数");
      }
      INFO(line);
      CHECK((!ascii_only(line) || allowed_ascii_line(line, among_positionals)));
    }
  }
}

TEST_CASE("help: CLI11's usage errors are said again in Chinese", "[cli]") {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"unit", "add", "X", "--kind", "county"},
           {"unit", "add", "X", "--kind", "county", "--name"},
           {"unit", "add", "X", "--kind", "city", "--name", "N"},
           {"list", "--limit", "0"},
           {"list", "--limit", "x"},
           {"unit", "list", "extra"},
           {"unit"},
       }) {
    std::vector<std::string> zh{"--lang", "zh"};
    zh.insert(zh.end(), args.begin(), args.end());
    const auto result = run_cli(zh);
    INFO(result.err);
    CHECK(result.code == 2);
    CHECK(result.err.starts_with("ent110：错误："));
    CHECK(result.err.find("命令行有误") == std::string::npos);
  }
}
