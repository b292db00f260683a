// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/officer_json.hpp"
#include "render/output.hpp"
#include "render/registry_json.hpp"
#include "session.hpp"

#include <ent110/registry/registry.hpp>

namespace ent110::cli {
namespace {

struct ProjectOptions {
  Project project;
  std::optional<std::string> name;
  std::string enterprise;
  std::string status;
  std::string key;
  std::string started;
  std::string county_filter;
  bool uncovered = false;
  std::string file;
};

std::vector<std::string> status_names() {
  std::vector<std::string> names;
  for (ProjectStatus status : project_statuses()) {
    names.emplace_back(to_string(status));
  }
  return names;
}

std::vector<std::string> key_names(bool with_none) {
  std::vector<std::string> names;
  for (ProjectKey key : project_keys()) {
    names.emplace_back(to_string(key));
  }
  if (with_none) {
    names.emplace_back("none");
  }
  return names;
}

void show_fields(Session& s, const Project& p, const std::string& enterprise_name) {
  Fields fields;
  fields.add(s.tr(MessageId::col_code), p.code);
  fields.add(s.tr(MessageId::col_name), p.name);
  fields.add(s.tr(MessageId::col_county), p.county);
  fields.add(s.tr(MessageId::project_col_enterprise),
             p.enterprise ? std::to_string(*p.enterprise) + " " + enterprise_name : "");
  fields.add(s.tr(MessageId::project_col_status), project_status_label(s.lang(), p.status));
  fields.add(s.tr(MessageId::project_col_key), project_key_label(s.lang(), p.key));
  fields.add(s.tr(MessageId::project_col_started), p.started_on ? format_date(*p.started_on) : "");
  s.out() << fields.render();
}

int show_project(Session& s, const std::string& code) {
  const ProjectDetail detail = project_detail(s.store(), code, s.zone().local_date(s.now()));
  if (s.json()) {
    nlohmann::json document = to_json(detail.project);
    document["officers"] = nlohmann::json::array();
    for (const Officer& o : detail.officers) {
      document["officers"].push_back(to_json(o));
    }
    document["assignments"] = nlohmann::json::array();
    for (const Assignment& a : detail.history) {
      document["assignments"].push_back(to_json(a));
    }
    document["cases"] = nlohmann::json::array();
    for (const ProjectCase& c : detail.cases) {
      document["cases"].push_back({{"id", c.id}, {"state", c.state}, {"title", c.title}});
    }
    emit_json(s, document);
    return 0;
  }
  show_fields(s, detail.project, detail.enterprise_name);
  s.out() << '\n' << s.tr(MessageId::project_heading_officers) << '\n';
  if (detail.officers.empty()) {
    s.out() << "  " << s.tr(MessageId::officers_none) << '\n';
  }
  for (const Officer& o : detail.officers) {
    s.out() << "  "
            << s.tr(MessageId::officer_line,
                    {std::to_string(o.id), o.name, officer_level_label(s.lang(), o.level), o.unit})
            << '\n';
  }
  s.out() << '\n' << s.tr(MessageId::officer_heading_history) << '\n';
  Table history({{s.tr(MessageId::officer_col_from)},
                 {s.tr(MessageId::officer_col_until)},
                 {s.tr(MessageId::officer_col_officer), Table::Align::left, true}});
  for (const Assignment& a : detail.history) {
    history.add_row({format_date(a.from), a.until ? format_date(*a.until) : "",
                     std::to_string(a.officer) + " " + a.officer_name});
  }
  emit_table(s, history);
  s.out() << '\n' << s.tr(MessageId::project_heading_cases) << '\n';
  Table cases({{s.tr(MessageId::project_col_case)},
               {s.tr(MessageId::project_col_state)},
               {s.tr(MessageId::project_col_title), Table::Align::left, true}});
  for (const ProjectCase& c : detail.cases) {
    cases.add_row({c.id, s.tr(MessageId::project_case_state, {c.state}), c.title});
  }
  emit_table(s, cases);
  return 0;
}

int run_project_add(ProjectOptions& options, Session& s) {
  Project& project = options.project;
  project.name = options.name.value_or("");
  if (!options.enterprise.empty()) {
    project.enterprise = get_enterprise(s.store(), options.enterprise).id;
  }
  if (!options.status.empty()) {
    project.status = *parse_project_status(options.status);
  }
  project.key = parse_project_key(options.key);
  if (!options.started.empty()) {
    project.started_on = parse_date(options.started);
  }
  add_project(s.store(), project, s.authorized(Duty::registers, "project add"), s.now());
  return show_project(s, project.code);
}

int run_project_list(const ProjectOptions& options, Session& s) {
  const ProjectFilter filter{options.county_filter, parse_project_status(options.status),
                             parse_project_key(options.key), options.uncovered};
  const std::vector<Project> projects =
      list_projects(s.store(), filter, s.zone().local_date(s.now()));
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const Project& p : projects) {
      list.push_back(to_json(p));
    }
    emit_json(s, {{"projects", list}});
    return 0;
  }
  Table table({{s.tr(MessageId::col_code)},
               {s.tr(MessageId::col_name), Table::Align::left, true},
               {s.tr(MessageId::col_county)},
               {s.tr(MessageId::project_col_status)},
               {s.tr(MessageId::project_col_key)},
               {s.tr(MessageId::project_col_started)}});
  for (const Project& p : projects) {
    table.add_row({p.code, p.name, p.county, project_status_label(s.lang(), p.status),
                   project_key_label(s.lang(), p.key),
                   p.started_on ? format_date(*p.started_on) : ""});
  }
  emit_table(s, table);
  return 0;
}

int run_project_set(const ProjectOptions& options, Session& s) {
  ProjectChange change;
  change.name = options.name;
  if (!options.status.empty()) {
    change.status = parse_project_status(options.status);
  }
  if (!options.key.empty()) {
    change.key = parse_project_key(options.key);
  }
  if (!options.started.empty()) {
    change.started_on = parse_date(options.started);
  }
  set_project(s.store(), options.project.code, change, s.authorized(Duty::registers, "project set"),
              s.now());
  return show_project(s, options.project.code);
}

int run_project_import(const ProjectOptions& options, Session& s) {
  const ImportSummary summary = import_projects(
      s.store(), options.file, s.authorized(Duty::registers, "project import"), s.now());
  emit_import_summary(s, options.file, summary);
  return 0;
}

}  // namespace

void add_project(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<ProjectOptions>();
  CLI::App* project = app.add_subcommand("project", tr(lang, MessageId::cmd_project));
  project->require_subcommand(1);

  Project& p = options->project;
  CLI::App* add = project->add_subcommand("add", tr(lang, MessageId::cmd_project_add));
  add->add_option("code", p.code, tr(lang, MessageId::opt_project_code))->required();
  add->add_option("--name", options->name, tr(lang, MessageId::opt_project_name))->required();
  add->add_option("--county", p.county, tr(lang, MessageId::opt_project_county))
      ->required()
      ->type_name("CODE");
  add->add_option("--enterprise", options->enterprise, tr(lang, MessageId::opt_project_enterprise))
      ->type_name("REF");
  add->add_option("--status", options->status, tr(lang, MessageId::opt_project_status))
      ->check(one_of(status_names()));
  add->add_option("--key", options->key, tr(lang, MessageId::opt_project_key))
      ->check(one_of(key_names(false)));
  add->add_option("--started", options->started, tr(lang, MessageId::opt_project_started))
      ->type_name("DATE");
  inv.on(add, Needs::store_write, [options](Session& s) { return run_project_add(*options, s); });

  CLI::App* list = project->add_subcommand("list", tr(lang, MessageId::cmd_project_list));
  list->add_option("--county", options->county_filter,
                   tr(lang, MessageId::opt_project_filter_county))
      ->type_name("CODE");
  list->add_option("--status", options->status, tr(lang, MessageId::opt_project_filter_status))
      ->check(one_of(status_names()));
  list->add_option("--key", options->key, tr(lang, MessageId::opt_project_filter_key))
      ->check(one_of(key_names(false)));
  list->add_flag("--uncovered", options->uncovered, tr(lang, MessageId::opt_project_uncovered));
  inv.on(list, Needs::store_read, [options](Session& s) { return run_project_list(*options, s); });

  CLI::App* show = project->add_subcommand("show", tr(lang, MessageId::cmd_project_show));
  show->add_option("code", p.code, tr(lang, MessageId::opt_project_code))->required();
  inv.on(show, Needs::store_read,
         [options](Session& s) { return show_project(s, options->project.code); });

  CLI::App* set = project->add_subcommand("set", tr(lang, MessageId::cmd_project_set));
  set->add_option("code", p.code, tr(lang, MessageId::opt_project_code))->required();
  set->add_option("--name", options->name, tr(lang, MessageId::opt_project_name));
  set->add_option("--status", options->status, tr(lang, MessageId::opt_project_status))
      ->check(one_of(status_names()));
  set->add_option("--key", options->key, tr(lang, MessageId::opt_project_key_set))
      ->check(one_of(key_names(true)));
  set->add_option("--started", options->started, tr(lang, MessageId::opt_project_started))
      ->type_name("DATE");
  inv.on(set, Needs::store_write, [options](Session& s) { return run_project_set(*options, s); });

  CLI::App* import = project->add_subcommand("import", tr(lang, MessageId::cmd_project_import));
  import->add_option("file", options->file, tr(lang, MessageId::opt_import_csv))->required();
  inv.on(import, Needs::store_write,
         [options](Session& s) { return run_project_import(*options, s); });
}

}  // namespace ent110::cli
