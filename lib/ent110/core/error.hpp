// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/core/input.hpp>
#include <ent110/core/messages.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace ent110 {

/// The process exit codes of the contract (spec/cli.md); the only place they are defined.
enum class ExitCode : int {
  ok = 0,
  attention = 1,      ///< `--exit-code` asked and something needs attention
  usage = 2,          ///< unknown option, missing argument, malformed value
  not_found = 3,      ///< case, unit, enterprise or user
  refused = 4,        ///< the rules or the actor's role do not allow it
  bad_input = 5,      ///< a holiday, import or config file, a date outside the calendar
  store = 6,          ///< cannot open, locked, newer schema, integrity failure
  internal = 70,      ///< a bug in ent110
  interrupted = 130,  ///< SIGINT (128 + 2), before the work was committed
  terminated = 143    ///< SIGTERM (128 + 15), before the work was committed
};

/// Base of every error ent110 throws; never thrown itself. `what()` is the English text.
class Error : public std::runtime_error {
 public:
  /// The catalogue entry and its arguments, for rendering in the user's language.
  const Message& message() const { return m_message; }
  /// The exit code this error maps to.
  virtual ExitCode exit_code() const = 0;

 protected:
  Error(MessageId id, std::vector<std::string> args)
      : Error(Message{id, quotable(std::move(args))}) {}

 private:
  explicit Error(Message message)
      : std::runtime_error(render(message, Lang::en)), m_message(std::move(message)) {}

  // Arguments often are what a user typed or a file held: a 120 KB title, a line break or a
  // terminal escape would break the one-line refusal, so each is cut and escaped.
  static std::vector<std::string> quotable(std::vector<std::string> args) {
    for (std::string& arg : args) {
      arg = excerpt_for_message(arg);
    }
    return args;
  }

  Message m_message;
};

#define ENT110_DEFINE_ERROR(Name, code)                                                    \
  class Name : public Error {                                                              \
   public:                                                                                 \
    Name(MessageId id, std::vector<std::string> args = {}) : Error(id, std::move(args)) {} \
    ExitCode exit_code() const override { return ExitCode::code; }                         \
  }

/// A malformed value or a combination of options that cannot work (exit 2).
ENT110_DEFINE_ERROR(UsageError, usage);
/// A case, unit, enterprise or user that does not exist (exit 3).
ENT110_DEFINE_ERROR(NotFound, not_found);
/// The rules or the actor's role forbid the action (exit 4).
ENT110_DEFINE_ERROR(Refused, refused);
/// A data file or imported record is invalid (exit 5).
ENT110_DEFINE_ERROR(BadInput, bad_input);
/// The database cannot be opened, is locked, too new, or damaged (exit 6).
ENT110_DEFINE_ERROR(StoreError, store);

#undef ENT110_DEFINE_ERROR

}  // namespace ent110
