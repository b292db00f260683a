// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/report/assessment.hpp>

#include <fmt/format.h>

namespace ent110::cli {
namespace {

struct AssessOptions {
  std::string unit;
  int year = 0;
  double value = 0;
  std::string day;
  std::string note;
};

nlohmann::json assessment_json(const Session& s, const AssessmentEntry& entry) {
  return {{"id", entry.id},
          {"kind", to_string(entry.kind)},
          {"unit", entry.unit},
          {"year", entry.year},
          {"date", entry.date ? nlohmann::json(format_date(*entry.date)) : nlohmann::json()},
          {entry.kind == AssessmentKind::policy ? "score" : "points", entry.value},
          {"note", entry.note},
          {"actor", entry.actor},
          {"at", s.zone().format_local(entry.at)}};
}

void print_recorded(Session& s, const AssessmentEntry& entry) {
  if (s.json()) {
    emit_json(s, assessment_json(s, entry));
    return;
  }
  const std::string value = fmt::format("{}", entry.value);
  if (entry.kind == AssessmentKind::policy) {
    s.out() << s.tr(MessageId::assess_recorded_policy,
                    {entry.unit, std::to_string(entry.year), value})
            << '\n';
  } else {
    s.out() << s.tr(MessageId::assess_recorded_finding,
                    {entry.unit, format_date(*entry.date), value})
            << '\n';
  }
}

int run_assess_policy(const AssessOptions& options, Session& s) {
  print_recorded(
      s, record_policy_score(s.store(), options.unit, options.year, options.value, options.note,
                             s.authorized(Duty::assessment, "assess policy"), s.now()));
  return 0;
}

int run_assess_finding(const AssessOptions& options, Session& s) {
  print_recorded(
      s, record_finding(s.store(), options.unit, parse_date(options.day), options.value,
                        options.note, s.authorized(Duty::assessment, "assess finding"), s.now()));
  return 0;
}

int run_assess_list(const AssessOptions& options, Session& s) {
  const std::vector<AssessmentEntry> entries = list_assessment(s.store(), options.year);
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const AssessmentEntry& entry : entries) {
      list.push_back(assessment_json(s, entry));
    }
    emit_json(s, {{"year", options.year}, {"entries", list}});
    return 0;
  }
  Table table({{s.tr(MessageId::assess_col_kind)},
               {s.tr(MessageId::report_col_unit)},
               {s.tr(MessageId::report_col_date)},
               {s.tr(MessageId::assess_col_value), Table::Align::right},
               {s.tr(MessageId::assess_col_note), Table::Align::left, true},
               {s.tr(MessageId::assess_col_recorded)}});
  for (const AssessmentEntry& entry : entries) {
    table.add_row({s.tr(entry.kind == AssessmentKind::policy ? MessageId::assess_kind_policy
                                                             : MessageId::assess_kind_finding),
                   entry.unit, entry.date ? format_date(*entry.date) : std::to_string(entry.year),
                   fmt::format("{}", entry.value), entry.note,
                   entry.actor + " " + s.zone().format_local_short(entry.at)});
  }
  emit_table(s, table);
  return 0;
}

}  // namespace

void add_assess(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<AssessOptions>();
  CLI::App* assess = app.add_subcommand("assess", tr(lang, MessageId::cmd_assess));
  assess->require_subcommand(1);

  CLI::App* policy = assess->add_subcommand("policy", tr(lang, MessageId::cmd_assess_policy));
  policy->add_option("unit", options->unit, tr(lang, MessageId::opt_assess_unit))->required();
  policy->add_option("--year", options->year, tr(lang, MessageId::opt_assess_year))
      ->required()
      ->check(CLI::Range(1900, 9999))
      ->type_name("YYYY");
  policy->add_option("--score", options->value, tr(lang, MessageId::opt_assess_score))
      ->required()
      ->check(CLI::Range(0.0, 100.0))
      ->type_name("0-100");
  policy->add_option("--note", options->note, tr(lang, MessageId::opt_assess_note))->required();
  inv.on(policy, Needs::store_write,
         [options](Session& s) { return run_assess_policy(*options, s); });

  CLI::App* finding = assess->add_subcommand("finding", tr(lang, MessageId::cmd_assess_finding));
  finding->add_option("unit", options->unit, tr(lang, MessageId::opt_assess_unit))->required();
  finding->add_option("--date", options->day, tr(lang, MessageId::opt_assess_date))
      ->required()
      ->type_name("YYYY-MM-DD");
  finding->add_option("--points", options->value, tr(lang, MessageId::opt_assess_points))
      ->required()
      ->check(CLI::Range(0.0, 100.0))
      ->type_name("P");
  finding->add_option("--note", options->note, tr(lang, MessageId::opt_assess_note))->required();
  inv.on(finding, Needs::store_write,
         [options](Session& s) { return run_assess_finding(*options, s); });

  CLI::App* list = assess->add_subcommand("list", tr(lang, MessageId::cmd_assess_list));
  list->add_option("--year", options->year, tr(lang, MessageId::opt_assess_list_year))
      ->required()
      ->check(CLI::Range(1900, 9999))
      ->type_name("YYYY");
  inv.on(list, Needs::store_read, [options](Session& s) { return run_assess_list(*options, s); });
}

}  // namespace ent110::cli
