// SPDX-License-Identifier: MIT
// The coverage report (Art. 3) as a document, and its short section in the monthly report.
#include <ent110/registry/officers.hpp>
#include <ent110/report/coverage.hpp>
#include <ent110/report/render_common.hpp>
#include <ent110/report/report_labels.hpp>

namespace ent110 {
namespace {

using Row = std::vector<ReportValue>;

std::string kind_label(Lang lang, SubjectKind kind) {
  return tr(lang, kind == SubjectKind::enterprise ? MessageId::coverage_kind_enterprise
                                                  : MessageId::coverage_kind_project);
}

std::string key_level_label(Lang lang, const LeaderGap& gap) {
  if (gap.kind == SubjectKind::enterprise) {
    return tr(lang, MessageId::coverage_key_enterprise);
  }
  return tr(lang, gap.key_level == ProjectKey::provincial ? MessageId::coverage_key_provincial
                                                          : MessageId::coverage_key_city);
}

std::string county_label(Lang lang, const std::string& county_name) {
  return county_name.empty() ? tr(lang, MessageId::coverage_no_county) : county_name;
}

std::int64_t uncovered(const Rate& rate) {
  return rate.denominator - rate.numerator;
}

Row county_row(const CoverageRow& row, std::string code, std::string name) {
  return Row{std::move(code),
             std::move(name),
             count_cell(row.enterprises.denominator),
             count_cell(row.enterprises.numerator),
             count_cell(uncovered(row.enterprises)),
             row.enterprises,
             count_cell(row.projects.denominator),
             count_cell(row.projects.numerator),
             count_cell(uncovered(row.projects)),
             row.projects};
}

ReportSection counties_section(const CoverageReport& report, Lang lang) {
  ReportSection section;
  section.key = "counties";
  section.heading = tr(lang, MessageId::coverage_counties);
  const std::string day = report_detail::long_date(lang, report.period.day);
  section.paragraphs.push_back(tr(lang, MessageId::coverage_intro,
                                  {day, report_detail::long_date(lang, report.period.first)}));
  if (report.counties.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::coverage_counties_none));
  }
  ReportTable table{
      {{"county", tr(lang, MessageId::coverage_col_county)},
       {"county_name", tr(lang, MessageId::coverage_col_county_name)},
       {"enterprises", tr(lang, MessageId::coverage_col_enterprises), ColumnAlign::right},
       {"enterprises_covered", tr(lang, MessageId::coverage_col_enterprises_covered),
        ColumnAlign::right},
       {"enterprises_uncovered", tr(lang, MessageId::coverage_col_enterprises_uncovered),
        ColumnAlign::right},
       {"enterprise_coverage", tr(lang, MessageId::coverage_col_enterprise_rate),
        ColumnAlign::right},
       {"projects", tr(lang, MessageId::coverage_col_projects), ColumnAlign::right},
       {"projects_covered", tr(lang, MessageId::coverage_col_projects_covered), ColumnAlign::right},
       {"projects_uncovered", tr(lang, MessageId::coverage_col_projects_uncovered),
        ColumnAlign::right},
       {"project_coverage", tr(lang, MessageId::coverage_col_project_rate), ColumnAlign::right}},
      {}};
  for (const CoverageRow& row : report.counties) {
    table.rows.push_back(county_row(row, row.county, county_label(lang, row.county_name)));
  }
  table.rows.push_back(county_row(report.total, "", tr(lang, MessageId::coverage_total)));
  section.table = std::move(table);
  return section;
}

// The columns naming an enterprise or project and its county, then one per (key, header) in
// `more`.
std::vector<ReportColumn> subject_columns(
    Lang lang, const std::vector<std::pair<std::string, MessageId>>& more) {
  std::vector<ReportColumn> columns{{"kind", tr(lang, MessageId::coverage_col_kind)},
                                    {"key", tr(lang, MessageId::coverage_col_key)},
                                    {"name", tr(lang, MessageId::coverage_col_name)},
                                    {"county", tr(lang, MessageId::coverage_col_county)},
                                    {"county_name", tr(lang, MessageId::coverage_col_county_name)}};
  for (const auto& [key, header] : more) {
    columns.push_back({key, tr(lang, header)});
  }
  return columns;
}

ReportSection gaps_section(const CoverageReport& report, Lang lang) {
  ReportSection section;
  section.key = "gaps";
  section.heading = tr(lang, MessageId::coverage_gaps);
  const std::string day = report_detail::long_date(lang, report.period.day);
  if (report.gaps.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::coverage_gaps_none, {day}));
    return section;
  }
  section.paragraphs.push_back(tr(lang, MessageId::coverage_gaps_intro, {day}));
  ReportTable table{subject_columns(lang, {{"key_subject", MessageId::coverage_col_key_subject}}),
                    {}};
  for (const CoverageGap& gap : report.gaps) {
    table.rows.push_back(Row{kind_label(lang, gap.kind), gap.key, gap.name, gap.county,
                             county_label(lang, gap.county_name),
                             gap.key_subject ? tr(lang, MessageId::word_yes) : std::string()});
  }
  section.table = std::move(table);
  return section;
}

ReportSection leader_gaps_section(const CoverageReport& report, Lang lang) {
  ReportSection section;
  section.key = "leader_gaps";
  section.heading = tr(lang, MessageId::coverage_leader_gaps);
  const std::string day = report_detail::long_date(lang, report.period.day);
  if (report.leader_gaps.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::coverage_leader_gaps_none, {day}));
    return section;
  }
  section.paragraphs.push_back(tr(lang, MessageId::coverage_leader_gaps_intro, {day}));
  ReportTable table{subject_columns(lang, {{"key_level", MessageId::coverage_col_key_level},
                                           {"officers", MessageId::coverage_col_officers}}),
                    {}};
  for (const LeaderGap& gap : report.leader_gaps) {
    std::vector<std::string> officers;
    for (const CoverageOfficer& officer : gap.officers) {
      officers.push_back(tr(lang, MessageId::coverage_officer_entry,
                            {officer.name, officer_level_label(lang, officer.level)}));
    }
    table.rows.push_back(
        Row{kind_label(lang, gap.kind), gap.key, gap.name, gap.county,
            county_label(lang, gap.county_name), key_level_label(lang, gap),
            officers.empty() ? std::string("—") : report_detail::join_list(lang, officers)});
  }
  section.table = std::move(table);
  return section;
}

ReportSection officers_section(const CoverageReport& report, Lang lang) {
  ReportSection section;
  section.key = "officers";
  section.heading = tr(lang, MessageId::coverage_officers);
  const std::string day = report_detail::long_date(lang, report.period.day);
  if (report.officers.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::coverage_officers_none, {day}));
    return section;
  }
  section.paragraphs.push_back(tr(
      lang, MessageId::coverage_officers_intro,
      {day, std::to_string(report.visits), report_detail::long_date(lang, report.period.first)}));
  ReportTable table{
      {{"officer", tr(lang, MessageId::coverage_col_officer), ColumnAlign::right},
       {"name", tr(lang, MessageId::coverage_col_officer_name)},
       {"level", tr(lang, MessageId::coverage_col_level)},
       {"unit", tr(lang, MessageId::report_col_unit)},
       {"unit_name", tr(lang, MessageId::report_col_unit_name)},
       {"enterprises", tr(lang, MessageId::coverage_col_served_enterprises), ColumnAlign::right},
       {"projects", tr(lang, MessageId::coverage_col_served_projects), ColumnAlign::right},
       {"visits", tr(lang, MessageId::coverage_col_visits), ColumnAlign::right}},
      {}};
  for (const OfficerLoad& load : report.officers) {
    table.rows.push_back(Row{count_cell(load.officer.id), load.officer.name,
                             officer_level_label(lang, load.officer.level), load.officer.unit,
                             load.unit_name, count_cell(load.enterprises),
                             count_cell(load.projects), count_cell(load.visits)});
  }
  section.table = std::move(table);
  return section;
}

ReportSection cases_section(const CoverageReport& report, Lang lang) {
  ReportSection section;
  section.key = "cases";
  section.heading = tr(lang, MessageId::coverage_cases);
  ReportTable table{
      {{"item", tr(lang, MessageId::report_col_item)},
       {"covered", tr(lang, MessageId::coverage_col_covered), ColumnAlign::right},
       {"uncovered", tr(lang, MessageId::coverage_col_uncovered), ColumnAlign::right}},
      {}};
  const CaseOutcomes& a = report.covered_cases;
  const CaseOutcomes& b = report.uncovered_cases;
  auto add = [&](MessageId label, std::int64_t covered, std::int64_t not_covered) {
    table.rows.push_back(Row{tr(lang, label), count_cell(covered), count_cell(not_covered)});
  };
  add(MessageId::coverage_item_received, a.received, b.received);
  add(MessageId::coverage_item_answered, a.answered, b.answered);
  add(MessageId::coverage_item_open, a.open, b.open);
  add(MessageId::coverage_item_rejected, a.rejected, b.rejected);
  add(MessageId::coverage_item_satisfied, a.satisfied, b.satisfied);
  section.table = std::move(table);
  section.notes.push_back(tr(lang, MessageId::coverage_cases_note));
  return section;
}

}  // namespace

ReportDocument coverage_document(const CoverageReport& report,
                                 const Config& config,
                                 Lang lang,
                                 LocalDate issued) {
  ReportDocument document = document_header(config, lang, issued);
  document.kind = "coverage";
  document.title = tr(lang, MessageId::coverage_title);
  document.period = format_date(report.period.day);
  document.period_label = tr(lang, MessageId::coverage_period_label,
                             {report_detail::long_date(lang, report.period.day),
                              report_detail::long_date(lang, report.period.first)});
  document.definitions = {
      {tr(lang, MessageId::coverage_def_day), tr(lang, MessageId::coverage_def_day_text)},
      {tr(lang, MessageId::coverage_def_serving), tr(lang, MessageId::coverage_def_serving_text)},
      {tr(lang, MessageId::coverage_def_subjects), tr(lang, MessageId::coverage_def_subjects_text)},
      {tr(lang, MessageId::coverage_def_leader), tr(lang, MessageId::coverage_def_leader_text)},
      {tr(lang, MessageId::report_def_rate), tr(lang, MessageId::report_def_rate_text)},
  };
  document.sections = {counties_section(report, lang), gaps_section(report, lang),
                       leader_gaps_section(report, lang), officers_section(report, lang),
                       cases_section(report, lang)};
  return document;
}

ReportSection coverage_summary_section(const CoverageReport& report, Lang lang) {
  ReportSection section;
  section.key = "coverage";
  section.heading = tr(lang, MessageId::coverage_monthly_section);
  section.paragraphs.push_back(tr(lang, MessageId::coverage_monthly_intro,
                                  {report_detail::long_date(lang, report.period.day)}));
  ReportTable table{{{"item", tr(lang, MessageId::report_col_item)},
                     {"value", tr(lang, MessageId::report_col_value), ColumnAlign::right}},
                    {}};
  table.rows.push_back(
      Row{tr(lang, MessageId::coverage_item_enterprises), report.total.enterprises});
  table.rows.push_back(Row{tr(lang, MessageId::coverage_item_projects), report.total.projects});
  table.rows.push_back(Row{tr(lang, MessageId::coverage_item_leader_gaps),
                           count_cell(static_cast<std::int64_t>(report.leader_gaps.size()))});
  table.rows.push_back(Row{tr(lang, MessageId::coverage_item_visits), count_cell(report.visits)});
  section.table = std::move(table);
  return section;
}

}  // namespace ent110
