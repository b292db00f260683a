// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/officer_json.hpp"
#include "render/output.hpp"
#include "render/registry_json.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>
#include <ent110/registry/registry.hpp>

namespace ent110::cli {
namespace {

struct OfficerOptions {
  Officer officer;
  std::string level;
  std::string reference;
  std::string unit_filter;
  std::string level_filter;
  bool all = false;
  std::optional<std::string> enterprise;
  std::optional<std::string> project;
  std::string day;
  std::string file;
};

std::vector<std::string> level_names() {
  std::vector<std::string> names;
  for (OfficerLevel level : officer_levels()) {
    names.emplace_back(to_string(level));
  }
  return names;
}

LocalDate day_or_today(Session& s, const std::string& day) {
  return day.empty() ? s.zone().local_date(s.now()) : parse_date(day);
}

Served served_by(const OfficerOptions& options, Session& s) {
  if (options.enterprise.has_value() == options.project.has_value()) {
    throw UsageError(MessageId::assign_subject_missing);
  }
  return resolve_served(s.store(), options.enterprise, options.project);
}

Table assignment_table(Session& s, const std::vector<Assignment>& assignments, bool by_officer) {
  Table table({{s.tr(MessageId::officer_col_from)},
               {s.tr(MessageId::officer_col_until)},
               {s.tr(by_officer ? MessageId::officer_col_officer : MessageId::officer_col_subject),
                Table::Align::left, true}});
  for (const Assignment& a : assignments) {
    table.add_row(
        {format_date(a.from), a.until ? format_date(*a.until) : "",
         by_officer ? std::to_string(a.officer) + " " + a.officer_name : assignment_subject(a)});
  }
  return table;
}

void show_fields(Session& s, const Officer& o) {
  Fields fields;
  fields.add(s.tr(MessageId::col_id), std::to_string(o.id));
  fields.add(s.tr(MessageId::officer_col_name), o.name);
  fields.add(s.tr(MessageId::officer_col_level), officer_level_label(s.lang(), o.level));
  fields.add(s.tr(MessageId::col_unit), o.unit);
  fields.add(s.tr(MessageId::officer_col_post), o.post);
  fields.add(s.tr(MessageId::col_phone), o.phone);
  fields.add(s.tr(MessageId::officer_col_retired_on),
             o.retired_on ? format_date(*o.retired_on) : "");
  s.out() << fields.render();
}

int run_officer_add(OfficerOptions& options, Session& s) {
  options.officer.level = *parse_officer_level(options.level);
  const std::int64_t id = add_officer(s.store(), options.officer,
                                      s.authorized(Duty::registers, "officer add"), s.now());
  const Officer officer = get_officer(s.store(), std::to_string(id));
  if (s.json()) {
    emit_json(s, to_json(officer));
    return 0;
  }
  s.out() << s.tr(MessageId::officer_added,
                  {std::to_string(id), officer.name, officer_level_label(s.lang(), officer.level),
                   officer.unit})
          << '\n';
  return 0;
}

int run_officer_list(const OfficerOptions& options, Session& s) {
  OfficerFilter filter{options.unit_filter, parse_officer_level(options.level_filter), options.all};
  const std::vector<Officer> officers =
      list_officers(s.store(), filter, s.zone().local_date(s.now()));
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const Officer& o : officers) {
      list.push_back(to_json(o));
    }
    emit_json(s, {{"officers", list}});
    return 0;
  }
  Table table({{s.tr(MessageId::col_id), Table::Align::right},
               {s.tr(MessageId::officer_col_name), Table::Align::left, true},
               {s.tr(MessageId::officer_col_level)},
               {s.tr(MessageId::col_unit)},
               {s.tr(MessageId::officer_col_post), Table::Align::left, true},
               {s.tr(MessageId::col_phone)},
               {s.tr(MessageId::officer_col_retired_on)}});
  for (const Officer& o : officers) {
    table.add_row({std::to_string(o.id), o.name, officer_level_label(s.lang(), o.level), o.unit,
                   o.post, o.phone, o.retired_on ? format_date(*o.retired_on) : ""});
  }
  emit_table(s, table);
  return 0;
}

int run_officer_show(const OfficerOptions& options, Session& s) {
  const OfficerDetail detail =
      officer_detail(s.store(), options.reference, s.zone().local_date(s.now()));
  if (s.json()) {
    nlohmann::json document = to_json(detail.officer);
    document["serving"] = nlohmann::json::array();
    for (const Assignment& a : detail.serving) {
      document["serving"].push_back(to_json(a));
    }
    document["assignments"] = nlohmann::json::array();
    for (const Assignment& a : detail.history) {
      document["assignments"].push_back(to_json(a));
    }
    emit_json(s, document);
    return 0;
  }
  show_fields(s, detail.officer);
  s.out() << '\n' << s.tr(MessageId::officer_heading_serving) << '\n';
  if (detail.serving.empty()) {
    s.out() << "  " << s.tr(MessageId::officers_none) << '\n';
  }
  for (const Assignment& a : detail.serving) {
    s.out() << "  " << assignment_subject(a) << '\n';
  }
  s.out() << '\n' << s.tr(MessageId::officer_heading_history) << '\n';
  emit_table(s, assignment_table(s, detail.history, false));
  return 0;
}

int run_officer_retire(const OfficerOptions& options, Session& s) {
  const Officer officer = get_officer(s.store(), options.reference);
  const LocalDate on = day_or_today(s, options.day);
  const int ended = retire_officer(s.store(), officer.id, on,
                                   s.authorized(Duty::registers, "officer retire"), s.now());
  if (s.json()) {
    nlohmann::json document = to_json(get_officer(s.store(), options.reference));
    document["ended_assignments"] = ended;
    emit_json(s, document);
    return 0;
  }
  s.out() << s.tr(MessageId::officer_retired_done, {std::to_string(officer.id), officer.name,
                                                    format_date(on), std::to_string(ended)})
          << '\n';
  return 0;
}

int run_officer_assign(const OfficerOptions& options, Session& s) {
  const Officer officer = get_officer(s.store(), options.reference);
  const AssignmentOutcome outcome =
      assign_officer(s.store(), officer.id, served_by(options, s), day_or_today(s, options.day),
                     s.authorized(Duty::registers, "officer assign"), "officer assign", s.now());
  for (const Message& warning : outcome.warnings) {
    s.warn(warning.id, warning.args);
  }
  const Assignment& a = outcome.assignment;
  if (s.json()) {
    nlohmann::json document = to_json(a);
    document["warnings"] = nlohmann::json::array();
    for (const Message& warning : outcome.warnings) {
      document["warnings"].push_back(s.tr(warning.id, warning.args));
    }
    emit_json(s, document);
    return 0;
  }
  s.out() << s.tr(MessageId::assignment_added,
                  {std::to_string(a.id), std::to_string(a.officer), a.officer_name,
                   assignment_subject(a), format_date(a.from)})
          << '\n';
  return 0;
}

int run_officer_unassign(const OfficerOptions& options, Session& s) {
  const Officer officer = get_officer(s.store(), options.reference);
  const Assignment a =
      unassign_officer(s.store(), officer.id, served_by(options, s), day_or_today(s, options.day),
                       s.authorized(Duty::registers, "officer unassign"), s.now());
  if (s.json()) {
    emit_json(s, to_json(a));
    return 0;
  }
  s.out() << s.tr(MessageId::assignment_ended,
                  {std::to_string(a.id), std::to_string(a.officer), a.officer_name,
                   assignment_subject(a), format_date(a.from), format_date(*a.until)})
          << '\n';
  return 0;
}

int run_officer_import(const OfficerOptions& options, Session& s) {
  const ImportSummary summary = import_officers(
      s.store(), options.file, s.authorized(Duty::registers, "officer import"), s.now());
  emit_import_summary(s, options.file, summary);
  return 0;
}

int run_officer_import_assignments(const OfficerOptions& options, Session& s) {
  const AssignmentImport result =
      import_assignments(s.store(), options.file, s.zone().local_date(s.now()),
                         s.authorized(Duty::registers, "officer import-assignments"), s.now());
  std::vector<std::string> warnings;
  for (const ImportWarning& warning : result.warnings) {
    warnings.push_back(
        s.tr(MessageId::import_csv_row, {warning.file, std::to_string(warning.row),
                                         s.tr(warning.message.id, warning.message.args)}));
    s.warn(MessageId::import_csv_row, {warning.file, std::to_string(warning.row),
                                       s.tr(warning.message.id, warning.message.args)});
  }
  if (s.json()) {
    emit_json(s, {{"file", options.file},
                  {"added", result.summary.added},
                  {"updated", result.summary.updated},
                  {"warnings", warnings}});
    return 0;
  }
  emit_import_summary(s, options.file, result.summary);
  return 0;
}

void add_subject_options(CLI::App* command, OfficerOptions& options, Lang lang) {
  command
      ->add_option("--enterprise", options.enterprise, tr(lang, MessageId::opt_assign_enterprise))
      ->type_name("REF");
  command->add_option("--project", options.project, tr(lang, MessageId::opt_assign_project))
      ->type_name("CODE");
}

}  // namespace

void add_officer(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<OfficerOptions>();
  CLI::App* officer = app.add_subcommand("officer", tr(lang, MessageId::cmd_officer));
  officer->require_subcommand(1);

  Officer& o = options->officer;
  CLI::App* add = officer->add_subcommand("add", tr(lang, MessageId::cmd_officer_add));
  add->add_option("name", o.name, tr(lang, MessageId::opt_officer_name))->required();
  add->add_option("--level", options->level, tr(lang, MessageId::opt_officer_level))
      ->required()
      ->check(one_of(level_names()));
  add->add_option("--unit", o.unit, tr(lang, MessageId::opt_officer_unit))
      ->required()
      ->type_name("CODE");
  add->add_option("--post", o.post, tr(lang, MessageId::opt_officer_post))->type_name("TEXT");
  add->add_option("--phone", o.phone, tr(lang, MessageId::opt_phone))->type_name("TEL");
  inv.on(add, Needs::store_write, [options](Session& s) { return run_officer_add(*options, s); });

  CLI::App* list = officer->add_subcommand("list", tr(lang, MessageId::cmd_officer_list));
  list->add_option("--unit", options->unit_filter, tr(lang, MessageId::opt_officer_filter_unit))
      ->type_name("CODE");
  list->add_option("--level", options->level_filter, tr(lang, MessageId::opt_officer_filter_level))
      ->check(one_of(level_names()));
  list->add_flag("--all", options->all, tr(lang, MessageId::opt_officer_all));
  inv.on(list, Needs::store_read, [options](Session& s) { return run_officer_list(*options, s); });

  CLI::App* show = officer->add_subcommand("show", tr(lang, MessageId::cmd_officer_show));
  show->add_option("id", options->reference, tr(lang, MessageId::opt_officer_id))->required();
  inv.on(show, Needs::store_read, [options](Session& s) { return run_officer_show(*options, s); });

  CLI::App* retire = officer->add_subcommand("retire", tr(lang, MessageId::cmd_officer_retire));
  retire->add_option("id", options->reference, tr(lang, MessageId::opt_officer_id))->required();
  retire->add_option("--on", options->day, tr(lang, MessageId::opt_officer_retire_on))
      ->type_name("DATE");
  inv.on(retire, Needs::store_write,
         [options](Session& s) { return run_officer_retire(*options, s); });

  CLI::App* assign = officer->add_subcommand("assign", tr(lang, MessageId::cmd_officer_assign));
  assign->add_option("id", options->reference, tr(lang, MessageId::opt_officer_id))->required();
  add_subject_options(assign, *options, lang);
  assign->add_option("--from", options->day, tr(lang, MessageId::opt_assign_from))
      ->type_name("DATE");
  inv.on(assign, Needs::store_write,
         [options](Session& s) { return run_officer_assign(*options, s); });

  CLI::App* unassign =
      officer->add_subcommand("unassign", tr(lang, MessageId::cmd_officer_unassign));
  unassign->add_option("id", options->reference, tr(lang, MessageId::opt_officer_id))->required();
  add_subject_options(unassign, *options, lang);
  unassign->add_option("--on", options->day, tr(lang, MessageId::opt_unassign_on))
      ->type_name("DATE");
  inv.on(unassign, Needs::store_write,
         [options](Session& s) { return run_officer_unassign(*options, s); });

  CLI::App* import = officer->add_subcommand("import", tr(lang, MessageId::cmd_officer_import));
  import->add_option("file", options->file, tr(lang, MessageId::opt_import_csv))->required();
  inv.on(import, Needs::store_write,
         [options](Session& s) { return run_officer_import(*options, s); });

  CLI::App* import_assignments = officer->add_subcommand(
      "import-assignments", tr(lang, MessageId::cmd_officer_import_assignments));
  import_assignments->add_option("file", options->file, tr(lang, MessageId::opt_import_csv))
      ->required();
  inv.on(import_assignments, Needs::store_write,
         [options](Session& s) { return run_officer_import_assignments(*options, s); });
}

}  // namespace ent110::cli
