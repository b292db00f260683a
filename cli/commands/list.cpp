// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_json.hpp"
#include "render/case_view.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>
#include <ent110/export/export.hpp>

#include <ostream>

namespace ent110::cli {
namespace {

struct ListOptions {
  CaseQuery query;
  std::string state;
  std::string unit;
  std::string type;
  std::string month;
  std::string due_before;
  std::string clock;
  std::string officer;
  bool ndjson = false;
  std::string format;
};

int run_list(const ListOptions& options, Session& s) {
  CaseQuery query = options.query;
  if (!options.state.empty()) {
    query.state = parse_state(options.state);
  }
  if (!options.unit.empty()) {
    query.unit = options.unit;
  }
  if (!options.type.empty()) {
    query.type = parse_case_type(options.type);
  }
  if (!options.month.empty()) {
    query.month = parse_month(options.month);
  }
  if (!options.due_before.empty()) {
    query.due_before = parse_date(options.due_before);
  }
  if (!options.clock.empty()) {
    query.clock = parse_clock_name(options.clock);
  }
  if (!options.officer.empty()) {
    query.officer = options.officer;
  }
  if (options.ndjson && !options.format.empty() && options.format != "ndjson") {
    throw UsageError(MessageId::list_format_conflict);
  }
  const LocalDate today = s.zone().local_date(s.now());
  const std::vector<CaseSummary> cases = case_service(s).list(query, today);
  if (options.format == "csv") {
    s.out() << case_list_csv(cases, s.zone()) << std::flush;
  } else if (options.ndjson || options.format == "ndjson") {
    for (const CaseSummary& c : cases) {
      emit_json_line(s, to_json(c, today, s.zone(), s.calendar()));
    }
  } else if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const CaseSummary& c : cases) {
      list.push_back(to_json(c, today, s.zone(), s.calendar()));
    }
    emit_json(s, {{"cases", list}});
  } else {
    print_case_list(s, cases);
  }
  return 0;
}

}  // namespace

void add_list(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* cmd = app.add_subcommand("list", tr(lang, MessageId::case_cmd_list));
  cmd->add_option("--state", options->state, tr(lang, MessageId::case_opt_state))
      ->check(one_of(state_names()));
  cmd->add_option("--unit", options->unit, tr(lang, MessageId::case_opt_unit_filter))
      ->type_name("UNIT");
  cmd->add_option("--type", options->type, tr(lang, MessageId::case_opt_type_filter))
      ->check(one_of(case_type_names()));
  cmd->add_flag("--major", options->query.major_only, tr(lang, MessageId::case_opt_major_filter));
  cmd->add_flag("--overdue", options->query.overdue_only, tr(lang, MessageId::case_opt_overdue));
  cmd->add_flag("--due-today", options->query.due_today, tr(lang, MessageId::list_opt_due_today));
  cmd->add_option("--due-before", options->due_before, tr(lang, MessageId::list_opt_due_before))
      ->type_name("DATE");
  cmd->add_flag("--unexplained", options->query.unexplained,
                tr(lang, MessageId::list_opt_unexplained));
  cmd->add_option("--clock", options->clock, tr(lang, MessageId::list_opt_clock))
      ->check(one_of(clock_names()))
      ->type_name("NAME");
  cmd->add_option("--month", options->month, tr(lang, MessageId::case_opt_month))
      ->type_name("YYYY-MM");
  cmd->add_option("--officer", options->officer, tr(lang, MessageId::visits_opt_list_officer))
      ->type_name("ID");
  cmd->add_flag("--ndjson", options->ndjson, tr(lang, MessageId::case_opt_ndjson));
  cmd->add_option("--format", options->format, tr(lang, MessageId::list_opt_format))
      ->check(one_of({"text", "csv", "ndjson"}))
      ->type_name("text|csv|ndjson");
  cmd->add_option("--limit", options->query.limit, tr(lang, MessageId::list_opt_limit))
      ->check(CLI::PositiveNumber)
      ->type_name("N");
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_list(*options, s); });
}

}  // namespace ent110::cli
