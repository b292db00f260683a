// SPDX-License-Identifier: MIT
// The year-end assessment (Art. 11–13) as a document, and the ranking rule.
#include <ent110/report/annual.hpp>
#include <ent110/report/render_common.hpp>
#include <ent110/report/report_labels.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace ent110 {
namespace {

using Row = std::vector<ReportValue>;

std::string weight_text(double weight) {
  return fmt::format("{}", weight);
}

MessageId reason_label(AccountabilityReason reason) {
  switch (reason) {
    case AccountabilityReason::late:
      return MessageId::report_reason_late;
    case AccountabilityReason::referred:
      return MessageId::report_reason_referred;
    case AccountabilityReason::unhandled:
      return MessageId::report_reason_unhandled;
  }
  return MessageId::report_reason_late;
}

// The supervision score, or why there is none: a blank would read as full marks or as zero.
ReportValue supervision_cell(const UnitYear& u, Lang lang) {
  switch (u.supervision) {
    case Supervision::supervised:
      return Score{u.scores.supervision};
    case Supervision::not_supervised:
      return tr(lang, MessageId::report_supervision_not_supervised);
    case Supervision::not_applicable:
      return tr(lang, MessageId::report_supervision_not_applicable);
  }
  return Score{};
}

ReportSection ranking_section(const AnnualReport& report, Lang lang) {
  ReportSection section;
  section.key = "ranking";
  section.heading = tr(lang, MessageId::report_annual_ranking);
  section.paragraphs.push_back(tr(lang, MessageId::report_annual_weights));
  std::vector<ReportColumn> columns{
      {"rank", tr(lang, MessageId::report_col_rank), ColumnAlign::right}};
  for (ReportColumn& column :
       unit_columns(lang, {{"forwarded", MessageId::report_col_forwarded},
                           {"answered", MessageId::report_col_answered},
                           {"on_time", MessageId::report_col_on_time},
                           {"satisfaction", MessageId::report_col_satisfaction},
                           {"findings", MessageId::report_col_findings},
                           {"score_satisfaction", MessageId::report_col_score_satisfaction},
                           {"score_timeliness", MessageId::report_col_score_timeliness},
                           {"score_policy", MessageId::report_col_score_policy},
                           {"score_supervision", MessageId::report_col_score_supervision},
                           {"score_coverage", MessageId::report_col_score_coverage},
                           {"total", MessageId::report_col_total}})) {
    columns.push_back(std::move(column));
  }
  columns.push_back({"commended", tr(lang, MessageId::report_col_commended)});
  ReportTable table{std::move(columns), {}};
  BarChart totals{"total", tr(lang, MessageId::report_annual_chart_total), {}};
  for (const UnitYear& u : report.units) {
    table.rows.push_back(Row{
        u.rank > 0 ? ReportValue{std::int64_t{u.rank}} : ReportValue{std::string("—")}, u.unit.code,
        u.unit.name, ReportValue{u.forwarded}, ReportValue{u.answered}, u.on_time, u.satisfaction,
        ReportValue{u.findings}, Score{u.scores.satisfaction}, Score{u.scores.timeliness},
        Score{u.scores.policy}, supervision_cell(u, lang), Score{u.scores.coverage}, Score{u.total},
        u.commended ? tr(lang, MessageId::word_yes) : std::string()});
    totals.bars.push_back({u.unit.name, Score{u.total}});
  }
  section.table = std::move(table);
  section.charts.emplace_back(std::move(totals));
  return section;
}

// One row per weight set: which criteria weigh on which units, with the units named (Art. 11).
ReportSection weights_section(const AnnualReport& report, const Config& config, Lang lang) {
  ReportSection section;
  section.key = "weights";
  section.heading = tr(lang, MessageId::report_annual_weight_sets);
  ReportTable table{
      {{"applies_to", tr(lang, MessageId::report_col_applies_to)},
       {"weight_satisfaction", tr(lang, MessageId::report_col_weight_satisfaction),
        ColumnAlign::right},
       {"weight_timeliness", tr(lang, MessageId::report_col_weight_timeliness), ColumnAlign::right},
       {"weight_policy", tr(lang, MessageId::report_col_weight_policy), ColumnAlign::right},
       {"weight_supervision", tr(lang, MessageId::report_col_weight_supervision),
        ColumnAlign::right},
       {"weight_coverage", tr(lang, MessageId::report_col_weight_coverage), ColumnAlign::right},
       {"units", tr(lang, MessageId::report_col_units)}},
      {}};
  for (const auto& [supervision, group] :
       {std::pair{Supervision::supervised, MessageId::report_weights_supervised},
        std::pair{Supervision::not_supervised, MessageId::report_weights_not_supervised},
        std::pair{Supervision::not_applicable, MessageId::report_weights_not_applicable}}) {
    std::string units;
    for (const UnitYear& u : report.units) {
      if (u.supervision == supervision) {
        units += (units.empty() ? "" : tr(lang, MessageId::report_list_separator)) + u.unit.code;
      }
    }
    table.rows.push_back(
        Row{tr(lang, group), weight_text(config.weight_satisfaction),
            weight_text(config.weight_timeliness), weight_text(config.weight_policy),
            supervision == Supervision::supervised ? weight_text(config.weight_supervision)
                                                   : std::string("—"),
            weight_text(config.weight_coverage), units.empty() ? std::string("—") : units});
  }
  section.table = std::move(table);
  return section;
}

ReportSection commendation_section(const AnnualReport& report, const Config& config, Lang lang) {
  ReportSection section;
  section.key = "commendation";
  section.heading = tr(lang, MessageId::report_annual_commendation);
  const bool any = std::any_of(report.units.begin(), report.units.end(),
                               [](const UnitYear& u) { return u.commended; });
  if (!any) {
    section.paragraphs.push_back(tr(lang, MessageId::report_annual_commendation_none));
    return section;
  }
  section.paragraphs.push_back(
      tr(lang, MessageId::report_annual_commendation_text, {std::to_string(config.commend_top)}));
  ReportTable table{{{"rank", tr(lang, MessageId::report_col_rank), ColumnAlign::right},
                     {"unit", tr(lang, MessageId::report_col_unit)},
                     {"name", tr(lang, MessageId::report_col_unit_name)},
                     {"total", tr(lang, MessageId::report_col_total), ColumnAlign::right}},
                    {}};
  for (const UnitYear& u : report.units) {
    if (u.commended) {
      table.rows.push_back(
          Row{ReportValue{std::int64_t{u.rank}}, u.unit.code, u.unit.name, Score{u.total}});
    }
  }
  section.table = std::move(table);
  return section;
}

ReportSection accountability_section(const AnnualReport& report, Lang lang) {
  ReportSection section;
  section.key = "accountability";
  section.heading = tr(lang, MessageId::report_annual_accountability);
  if (report.accountability.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::report_annual_accountability_none));
    return section;
  }
  section.paragraphs.push_back(tr(lang, MessageId::report_annual_accountability_text));
  ReportTable table{unit_columns(lang, {{"late", MessageId::report_col_late},
                                        {"referred", MessageId::report_col_referred},
                                        {"unhandled", MessageId::report_col_unhandled}}),
                    {}};
  for (const AccountableUnit& a : report.accountability) {
    table.rows.push_back(Row{a.unit.code, a.unit.name, ReportValue{a.late}, ReportValue{a.referred},
                             ReportValue{a.unhandled}});
  }
  section.table = std::move(table);
  return section;
}

ReportSection accountable_cases_section(const AnnualReport& report, Lang lang) {
  ReportSection section;
  section.key = "accountable_cases";
  section.heading = tr(lang, MessageId::report_annual_accountable_cases);
  if (report.accountability.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::report_meeting_none));
    return section;
  }
  ReportTable table{{{"unit", tr(lang, MessageId::report_col_unit)},
                     {"name", tr(lang, MessageId::report_col_unit_name)},
                     {"case", tr(lang, MessageId::report_col_case)},
                     {"title", tr(lang, MessageId::report_col_title)},
                     {"reason", tr(lang, MessageId::report_col_reason)},
                     {"date", tr(lang, MessageId::report_col_date)}},
                    {}};
  for (const AccountableUnit& a : report.accountability) {
    for (const AccountableCase& c : a.cases) {
      table.rows.push_back(Row{a.unit.code, a.unit.name, c.id, c.title,
                               tr(lang, reason_label(c.reason)), format_date(c.date)});
    }
  }
  section.table = std::move(table);
  return section;
}

}  // namespace

std::string_view to_string(AccountabilityReason reason) {
  switch (reason) {
    case AccountabilityReason::late:
      return "late";
    case AccountabilityReason::referred:
      return "referred";
    case AccountabilityReason::unhandled:
      return "unhandled";
  }
  return "late";
}

std::string_view to_string(Supervision supervision) {
  switch (supervision) {
    case Supervision::not_applicable:
      return "not_applicable";
    case Supervision::not_supervised:
      return "not_supervised";
    case Supervision::supervised:
      return "supervised";
  }
  return "not_applicable";
}

void rank_units(std::vector<UnitYear>& units, const Config& config) {
  for (UnitYear& u : units) {
    u.total.reset();
    u.rank = 0;
    u.commended = false;
    // Art. 12 weighs handling above all: without a reply clock due there is nothing to rank on.
    if (!u.scores.timeliness) {
      continue;
    }
    // A criterion without a score (no ratings, no policy score, supervision not applicable or
    // not done) is left out, so its weight falls proportionally on the others.
    double weighted = 0;
    double weights = 0;
    for (const auto& [score, weight] :
         {std::pair{u.scores.satisfaction, config.weight_satisfaction},
          std::pair{u.scores.timeliness, config.weight_timeliness},
          std::pair{u.scores.policy, config.weight_policy},
          std::pair{u.scores.supervision, config.weight_supervision},
          std::pair{u.scores.coverage, config.weight_coverage}}) {
      if (score) {
        weighted += weight * *score;
        weights += weight;
      }
    }
    if (weights > 0) {
      // Rounded to the tenth shown, so that equal-looking totals share a rank.
      u.total = std::round(weighted / weights * 10) / 10;
    }
  }
  std::stable_sort(units.begin(), units.end(), [](const UnitYear& a, const UnitYear& b) {
    if (a.total.has_value() != b.total.has_value()) {
      return a.total.has_value();
    }
    return a.total && *a.total > *b.total;
  });
  for (std::size_t i = 0; i < units.size() && units[i].total; ++i) {
    const bool tied = i > 0 && units[i - 1].total == units[i].total;
    units[i].rank = tied ? units[i - 1].rank : static_cast<int>(i + 1);
  }
  // Art. 12 and 13 cannot both apply: commendation goes to the best units not on the
  // accountability list, ranked among themselves, so a tie at the boundary commends them all.
  int eligible_rank = 0;
  int eligible_seen = 0;
  const UnitYear* previous = nullptr;
  for (UnitYear& u : units) {
    if (!u.total || u.accountable) {
      continue;
    }
    ++eligible_seen;
    if (previous == nullptr || previous->total != u.total) {
      eligible_rank = eligible_seen;
    }
    previous = &u;
    u.commended = eligible_rank <= config.commend_top;
  }
}

ReportDocument annual_document(const AnnualReport& report,
                               const Config& config,
                               Lang lang,
                               LocalDate issued) {
  ReportDocument document = document_header(config, lang, issued);
  document.kind = "annual";
  document.period = std::to_string(report.year);
  document.period_label = tr(lang, MessageId::report_year_label, {document.period});
  document.title = tr(lang, MessageId::report_annual_title, {document.period});
  document.definitions = {
      {tr(lang, MessageId::report_def_score_satisfaction),
       tr(lang, MessageId::report_def_score_satisfaction_text)},
      satisfaction_definition(lang, config.basic_counts_as_satisfied),
      {tr(lang, MessageId::report_def_score_timeliness),
       tr(lang, MessageId::report_def_score_timeliness_text)},
      {tr(lang, MessageId::report_def_on_time), tr(lang, MessageId::report_def_on_time_text,
                                                   {report_detail::long_date(lang, report.as_of)})},
      {tr(lang, MessageId::report_def_score_policy),
       tr(lang, MessageId::report_def_score_policy_text)},
      {tr(lang, MessageId::report_def_score_supervision),
       tr(lang, MessageId::report_def_score_supervision_text)},
      {tr(lang, MessageId::report_def_score_coverage),
       tr(lang, MessageId::report_def_score_coverage_text,
          {report_detail::long_date(lang, report.as_of), weight_text(config.weight_coverage)})},
      {tr(lang, MessageId::report_def_commendation),
       tr(lang, MessageId::report_def_commendation_text)},
      {tr(lang, MessageId::report_def_total), tr(lang, MessageId::report_def_total_text)},
      {tr(lang, MessageId::report_def_accountability),
       tr(lang, MessageId::report_def_accountability_text)},
      {tr(lang, MessageId::report_def_rate), tr(lang, MessageId::report_def_rate_text)},
  };
  document.sections = {ranking_section(report, lang), weights_section(report, config, lang),
                       commendation_section(report, config, lang),
                       accountability_section(report, lang),
                       accountable_cases_section(report, lang)};
  return document;
}

}  // namespace ent110
