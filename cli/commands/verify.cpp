// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>
#include <ent110/setup/verify.hpp>

namespace ent110::cli {
namespace {

int run_verify(Session& s) {
  const VerifyReport report = verify_database(s.store());
  const int code = static_cast<int>(report.ok() ? ExitCode::ok : ExitCode::store);
  if (s.json()) {
    emit_json(s, {{"ok", report.ok()},
                  {"integrity_problems", report.integrity_problems},
                  {"foreign_key_violations", report.foreign_key_violations},
                  {"events", report.events},
                  {"first_broken_event", report.first_broken_event
                                             ? nlohmann::json(*report.first_broken_event)
                                             : nlohmann::json()},
                  {"first_broken_case", report.first_broken_event
                                            ? nlohmann::json(report.first_broken_case)
                                            : nlohmann::json()}});
    return code;
  }
  for (const std::string& problem : report.integrity_problems) {
    s.out() << s.tr(MessageId::verify_integrity_problem, {problem}) << '\n';
  }
  if (report.foreign_key_violations > 0) {
    s.out() << s.tr(MessageId::verify_foreign_keys, {std::to_string(report.foreign_key_violations)})
            << '\n';
  }
  if (report.first_broken_event) {
    s.out() << s.tr(MessageId::verify_chain_broken,
                    {std::to_string(*report.first_broken_event), report.first_broken_case})
            << '\n';
  }
  if (report.ok()) {
    s.out() << s.tr(MessageId::verify_ok, {std::to_string(report.events)}) << '\n';
  } else {
    s.err() << s.tr(MessageId::cli_error_prefix) << s.tr(MessageId::verify_failed) << '\n';
  }
  return code;
}

}  // namespace

void add_verify(CLI::App& app, Invocation& inv, Lang lang) {
  CLI::App* cmd = app.add_subcommand("verify", tr(lang, MessageId::cmd_verify));
  inv.on(cmd, Needs::store_read, run_verify);
}

}  // namespace ent110::cli
