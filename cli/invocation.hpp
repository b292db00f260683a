// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace ent110::cli {

class Session;

/// What a command needs opened before it runs (ninja's Tool::when): help and usage errors
/// never get this far, so they never touch the database.
enum class Needs {
  nothing,       ///< neither config nor database
  config,        ///< the configuration only
  store_read,    ///< the database, opened read-only
  store_write,   ///< the database, opened read-write; the command writes in one transaction
  store_create,  ///< like store_write, creating the file when missing (init)
};

/// The global options of spec/cli.md, as parsed (empty strings when not given).
struct GlobalOptions {
  std::string db;
  std::string config;
  std::string as;
  std::string at;
  std::string lang;
  bool json = false;
  bool no_color = false;
  bool quiet = false;
};

/// A command body: runs against an opened session and returns the exit code.
using Runner = std::function<int(Session&)>;

/// Collects the global options and which command the parse chose; main runs it afterwards.
struct Invocation {
  GlobalOptions globals;
  Needs needs = Needs::nothing;
  Runner runner;
  CLI::App* chosen = nullptr;

  /// Records that `command`, when chosen, runs `runner` with `needs` opened.
  void on(CLI::App* command, Needs needs, Runner runner);
  /// Like on(), for a command whose needs depend on its options (`triage --apply` writes):
  /// `decide` runs after the command's options are parsed.
  void on(CLI::App* command, std::function<Needs()> decide, Runner runner);
};

}  // namespace ent110::cli
