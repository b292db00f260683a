// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>
#include <ent110/setup/verify.hpp>

namespace ent110::cli {
namespace {

struct VerifyOptions {
  std::string anchor;
};

std::string_view verify_schema_kind(SchemaProblemKind kind) {
  switch (kind) {
    case SchemaProblemKind::missing:
      return "missing";
    case SchemaProblemKind::changed:
      return "changed";
    case SchemaProblemKind::unexpected:
      return "unexpected";
  }
  return {};
}

std::string_view verify_row_problem(RowProblem problem) {
  switch (problem) {
    case RowProblem::unaudited:
      return "unaudited";
    case RowProblem::differs:
      return "differs";
    case RowProblem::missing:
      return "missing";
  }
  return {};
}

nlohmann::json verify_json(const VerifyReport& report) {
  nlohmann::json schema = nlohmann::json::array();
  for (const SchemaProblem& problem : report.schema_problems) {
    schema.push_back({{"problem", verify_schema_kind(problem.kind)},
                      {"type", problem.type},
                      {"name", problem.name}});
  }
  nlohmann::json row;
  if (report.row_mismatch) {
    row = {{"problem", verify_row_problem(report.row_mismatch->problem)},
           {"table", to_string(report.row_mismatch->subject)},
           {"key", report.row_mismatch->key}};
  }
  nlohmann::json past;
  if (report.audit_past_cases) {
    past = {{"audit_event", report.audit_past_cases->audit_seq},
            {"after_case_event", report.audit_past_cases->after_case_seq}};
  }
  const auto optional_seq = [](const std::optional<std::int64_t>& seq) {
    return seq ? nlohmann::json(*seq) : nlohmann::json();
  };
  return {{"ok", report.ok()},
          {"integrity_problems", report.integrity_problems},
          {"foreign_key_violations", report.foreign_key_violations},
          {"schema_problems", schema},
          {"events", report.events},
          {"first_broken_event", optional_seq(report.first_broken_event)},
          {"first_broken_case",
           report.first_broken_event ? nlohmann::json(report.first_broken_case) : nlohmann::json()},
          {"cases", report.cases},
          {"case_mismatch", report.case_mismatch
                                ? nlohmann::json{{"case", report.case_mismatch->case_id},
                                                 {"field", report.case_mismatch->field}}
                                : nlohmann::json()},
          {"audit_events", report.audit_events},
          {"first_broken_audit_event", optional_seq(report.first_broken_audit_event)},
          {"audit_after_missing_cases", past},
          {"first_row_mismatch", row},
          {"anchor", report.anchor},
          {"anchor_extended", report.anchor_extended}};
}

void print_verify_problems(Session& s, const VerifyReport& report) {
  for (const std::string& problem : report.integrity_problems) {
    s.out() << s.tr(MessageId::verify_integrity_problem, {problem}) << '\n';
  }
  if (report.foreign_key_violations > 0) {
    s.out() << s.tr(MessageId::verify_foreign_keys, {std::to_string(report.foreign_key_violations)})
            << '\n';
  }
  for (const SchemaProblem& problem : report.schema_problems) {
    const MessageId id =
        problem.kind == SchemaProblemKind::missing   ? MessageId::verify_schema_missing
        : problem.kind == SchemaProblemKind::changed ? MessageId::verify_schema_changed
                                                     : MessageId::verify_schema_unexpected;
    s.out() << s.tr(id, {problem.type, problem.name}) << '\n';
  }
  if (report.first_broken_event) {
    s.out() << s.tr(MessageId::verify_chain_broken,
                    {std::to_string(*report.first_broken_event), report.first_broken_case})
            << '\n';
  }
  if (report.first_broken_audit_event) {
    s.out() << s.tr(MessageId::verify_audit_chain_broken,
                    {std::to_string(*report.first_broken_audit_event)})
            << '\n';
  }
  if (report.audit_past_cases) {
    s.out() << s.tr(MessageId::verify_audit_past_cases,
                    {std::to_string(report.audit_past_cases->audit_seq),
                     std::to_string(report.audit_past_cases->after_case_seq)})
            << '\n';
  }
  if (report.case_mismatch) {
    s.out() << s.tr(MessageId::verify_case_mismatch,
                    {report.case_mismatch->case_id, report.case_mismatch->field})
            << '\n';
  }
  if (report.row_mismatch) {
    const MessageId id =
        report.row_mismatch->problem == RowProblem::unaudited ? MessageId::verify_row_unaudited
        : report.row_mismatch->problem == RowProblem::differs ? MessageId::verify_row_differs
                                                              : MessageId::verify_row_missing;
    s.out() << s.tr(id, {std::string(to_string(report.row_mismatch->subject)),
                         report.row_mismatch->key})
            << '\n';
  }
}

int run_verify(const VerifyOptions& options, Session& s) {
  std::optional<std::string> anchor;
  if (!options.anchor.empty()) {
    if (!is_digest(options.anchor)) {
      throw UsageError(MessageId::verify_anchor_malformed, {options.anchor});
    }
    anchor = options.anchor;
  }
  const VerifyReport report =
      verify_database(s.store(), ReplayContext{s.calendar(), s.config(), s.zone()}, anchor);
  const int code = static_cast<int>(report.ok() ? ExitCode::ok : ExitCode::store);
  if (s.json()) {
    emit_json(s, verify_json(report));
    return code;
  }
  print_verify_problems(s, report);
  if (report.ok()) {
    s.out() << s.tr(MessageId::verify_ok,
                    {std::to_string(report.events), std::to_string(report.cases)})
            << '\n';
    s.out() << s.tr(MessageId::verify_audit_ok, {std::to_string(report.audit_events)}) << '\n';
  }
  s.out() << s.tr(MessageId::verify_anchor_line, {report.anchor}) << '\n';
  if (!report.anchor_extended) {
    s.err() << s.tr(MessageId::cli_error_prefix)
            << s.tr(MessageId::verify_anchor_lost, {options.anchor}) << '\n';
  } else if (!report.ok()) {
    s.err() << s.tr(MessageId::cli_error_prefix) << s.tr(MessageId::verify_failed) << '\n';
  }
  return code;
}

}  // namespace

void add_verify(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<VerifyOptions>();
  CLI::App* cmd = app.add_subcommand("verify", tr(lang, MessageId::cmd_verify));
  cmd->add_option("--anchor", options->anchor, tr(lang, MessageId::opt_verify_anchor))
      ->type_name("HEX");
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_verify(*options, s); });
}

}  // namespace ent110::cli
