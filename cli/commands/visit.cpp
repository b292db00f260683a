// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/cases/labels.hpp>
#include <ent110/cases/visits.hpp>

#include <ostream>

namespace ent110::cli {
namespace {

struct VisitOptions {
  VisitRequest request;
  std::string enterprise;
  std::string project;
  std::string type;
  std::string officer;
  std::string since;
};

nlohmann::json visit_json(const Visit& visit, const Session& s) {
  return {
      {"id", visit.id},
      {"officer", visit.officer},
      {"officer_name", visit.officer_name},
      {"enterprise", visit.enterprise ? nlohmann::json(*visit.enterprise) : nlohmann::json()},
      {"project", visit.project ? nlohmann::json(*visit.project) : nlohmann::json()},
      {"place", visit.subject_name},
      {"at", s.zone().format_local(visit.at)},
      {"note", visit.note},
      {"case_id", visit.case_id ? nlohmann::json(*visit.case_id) : nlohmann::json()},
      {"actor", visit.actor},
      {"recorded_at", s.zone().format_local(visit.recorded_at)},
  };
}

int run_visit_add(const VisitOptions& options, Session& s) {
  VisitRequest request = options.request;
  if (!options.enterprise.empty()) {
    request.enterprise = options.enterprise;
  }
  if (!options.project.empty()) {
    request.project = options.project;
  }
  if (!options.type.empty()) {
    request.type = *parse_case_type(options.type);
  }
  CaseService cases = case_service(s);
  const RecordedVisit recorded =
      record_visit(s.store(), cases, s.config(), s.zone(), request, s.actor(), s.now());
  nlohmann::json warnings = nlohmann::json::array();
  for (const Message& warning : recorded.warnings) {
    s.warn(warning.id, warning.args);
    warnings.push_back(s.tr(warning.id, warning.args));
  }
  for (const Clock& clock : recorded.provisional) {
    s.warn(MessageId::case_clock_provisional,
           {label(s.lang(), clock.name), clock.case_id, format_date(clock.due),
            std::to_string(static_cast<int>(date::year_month_day{clock.due}.year()))});
  }
  const Visit& visit = recorded.visit;
  if (s.json()) {
    nlohmann::json json = visit_json(visit, s);
    json["warnings"] = warnings;
    emit_json(s, json);
    return 0;
  }
  s.out() << s.tr(MessageId::visits_recorded,
                  {std::to_string(visit.id), std::to_string(visit.officer), visit.officer_name,
                   s.zone().format_local_short(visit.at), visit.subject_name})
          << '\n';
  if (visit.case_id) {
    s.out() << s.tr(MessageId::visits_problem_taken_in, {*visit.case_id}) << '\n';
  }
  return 0;
}

int run_visit_list(const VisitOptions& options, Session& s) {
  VisitQuery query;
  if (!options.officer.empty()) {
    query.officer = options.officer;
  }
  if (!options.since.empty()) {
    query.since = parse_date(options.since);
  }
  const std::vector<Visit> visits = list_visits(s.store(), s.zone(), query);
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const Visit& visit : visits) {
      list.push_back(visit_json(visit, s));
    }
    emit_json(s, {{"visits", list}});
    return 0;
  }
  if (visits.empty()) {
    s.out() << s.tr(MessageId::visits_none) << '\n';
    return 0;
  }
  Table table({{s.tr(MessageId::visits_col_id), Table::Align::right},
               {s.tr(MessageId::visits_col_at)},
               {s.tr(MessageId::visits_col_officer)},
               {s.tr(MessageId::visits_col_place)},
               {s.tr(MessageId::visits_col_case)},
               {s.tr(MessageId::visits_col_note), Table::Align::left, true}});
  for (const Visit& visit : visits) {
    const std::string place =
        visit.project ? *visit.project + " " + visit.subject_name : visit.subject_name;
    table.add_row({std::to_string(visit.id), s.zone().format_local_short(visit.at),
                   std::to_string(visit.officer) + " " + visit.officer_name, place,
                   visit.case_id.value_or("—"), visit.note});
  }
  emit_table(s, table);
  return 0;
}

}  // namespace

void add_visit(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<VisitOptions>();
  CLI::App* visit = app.add_subcommand("visit", tr(lang, MessageId::visits_cmd_visit));
  visit->require_subcommand(1);

  VisitRequest& request = options->request;
  CLI::App* add = visit->add_subcommand("add", tr(lang, MessageId::visits_cmd_add));
  add->add_option("--officer", request.officer, tr(lang, MessageId::visits_opt_officer))
      ->type_name("ID")
      ->required();
  CLI::Option* enterprise = add->add_option("--enterprise", options->enterprise,
                                            tr(lang, MessageId::visits_opt_enterprise))
                                ->type_name("ID|USCC|NAME");
  add->add_option("--project", options->project, tr(lang, MessageId::visits_opt_project_visited))
      ->type_name("CODE")
      ->excludes(enterprise);
  add->add_option("--note", request.note, tr(lang, MessageId::visits_opt_note))
      ->type_name("TEXT")
      ->required();
  CLI::Option* problem =
      add->add_flag("--problem", request.problem, tr(lang, MessageId::visits_opt_problem));
  add->add_option("--title", request.title, tr(lang, MessageId::visits_opt_title))
      ->type_name("TEXT")
      ->needs(problem);
  add->add_option("--type", options->type, tr(lang, MessageId::visits_opt_type))
      ->check(one_of(case_type_names()))
      ->needs(problem);
  inv.on(add, Needs::store_write, [options](Session& s) { return run_visit_add(*options, s); });

  CLI::App* list = visit->add_subcommand("list", tr(lang, MessageId::visits_cmd_list));
  list->add_option("--officer", options->officer,
                   tr(lang, MessageId::visits_opt_list_officer_visits))
      ->type_name("ID");
  list->add_option("--since", options->since, tr(lang, MessageId::visits_opt_since))
      ->type_name("DATE");
  inv.on(list, Needs::store_read, [options](Session& s) { return run_visit_list(*options, s); });
}

}  // namespace ent110::cli
