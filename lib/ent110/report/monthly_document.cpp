// SPDX-License-Identifier: MIT
// The monthly report (通报, Art. 10) as a document: what it says and in which order.
#include <ent110/cases/labels.hpp>
#include <ent110/report/monthly.hpp>
#include <ent110/report/render_common.hpp>
#include <ent110/report/report_labels.hpp>

namespace ent110 {
namespace {

using Row = std::vector<ReportValue>;

Rate combined(const Rate& a, const Rate& b) {
  return Rate{a.numerator + b.numerator, a.denominator + b.denominator};
}

std::string signed_count(std::int64_t now, std::int64_t before) {
  const std::int64_t change = now - before;
  return change > 0 ? "+" + std::to_string(change) : (change == 0 ? "±0" : std::to_string(change));
}

ReportSection totals_section(const MonthlyReport& report, Lang lang) {
  const MonthTotals& t = report.totals;
  ReportSection section;
  section.key = "totals";
  section.heading = tr(lang, MessageId::report_monthly_totals);
  section.paragraphs.push_back(
      tr(lang, MessageId::report_monthly_totals_summary,
         {month_label(lang, report.window.month), std::to_string(t.received),
          std::to_string(t.consult), std::to_string(t.coordinate), std::to_string(t.major),
          std::to_string(t.forwarded), std::to_string(t.answered),
          std::to_string(t.rejected_unlawful + t.rejected_unclear)}));
  ReportTable table{{{"item", tr(lang, MessageId::report_col_item)},
                     {"value", tr(lang, MessageId::report_col_value), ColumnAlign::right}},
                    {}};
  auto add = [&](MessageId label, ReportValue value) {
    table.rows.push_back(Row{tr(lang, label), std::move(value)});
  };
  add(MessageId::report_item_received, count_cell(t.received));
  add(MessageId::report_item_consult, count_cell(t.consult));
  add(MessageId::report_item_coordinate, count_cell(t.coordinate));
  add(MessageId::report_item_major, count_cell(t.major));
  add(MessageId::merge_report_item_merged, count_cell(t.merged));
  add(MessageId::report_item_web, count_cell(t.web));
  add(MessageId::report_item_hotline, count_cell(t.hotline));
  add(MessageId::report_item_visit, count_cell(t.visit));
  add(MessageId::report_item_other, count_cell(t.other));
  add(MessageId::report_item_rejected_unlawful, count_cell(t.rejected_unlawful));
  add(MessageId::report_item_rejected_unclear, count_cell(t.rejected_unclear));
  add(MessageId::report_item_forwarded, count_cell(t.forwarded));
  add(MessageId::report_item_answered, count_cell(t.answered));
  add(MessageId::report_item_explained, count_cell(t.explained));
  add(MessageId::report_item_explained_late, count_cell(t.explained_late));
  add(MessageId::report_item_forward_on_time, report.current.forward_on_time);
  add(MessageId::report_item_satisfied, count_cell(t.satisfied));
  add(MessageId::report_item_basic, count_cell(t.basic));
  add(MessageId::report_item_dissatisfied, count_cell(t.dissatisfied));
  add(MessageId::report_item_satisfaction, report.current.satisfaction);
  section.table = std::move(table);
  return section;
}

ReportSection units_section(const MonthlyReport& report, Lang lang) {
  ReportSection section;
  section.key = "units";
  section.heading = tr(lang, MessageId::report_monthly_units);
  ReportTable table{
      unit_columns(lang, {{"forwarded", MessageId::report_col_forwarded},
                          {"answered", MessageId::report_col_answered},
                          {"consult_on_time", MessageId::report_col_consult_on_time},
                          {"coordinate_on_time", MessageId::report_col_coordinate_on_time},
                          {"overdue", MessageId::report_col_overdue},
                          {"explained", MessageId::report_col_explained},
                          {"explained_late", MessageId::report_col_explained_late},
                          {"referred", MessageId::report_col_referred},
                          {"returned", MessageId::report_col_returned},
                          {"disputed", MessageId::report_col_disputed},
                          {"assist_on_time", MessageId::report_col_assist_on_time},
                          {"satisfaction", MessageId::report_col_satisfaction}}),
      {}};
  BarChart on_time{"unit_on_time", tr(lang, MessageId::report_chart_unit_on_time), {}};
  BarChart satisfaction{
      "unit_satisfaction", tr(lang, MessageId::report_chart_unit_satisfaction), {}};
  for (const UnitMonth& u : report.units) {
    table.rows.push_back(Row{u.unit.code, u.unit.name, count_cell(u.forwarded),
                             count_cell(u.answered), u.consult_on_time, u.coordinate_on_time,
                             count_cell(u.overdue), count_cell(u.explained),
                             count_cell(u.explained_late), count_cell(u.referred), u.returned,
                             count_cell(u.disputed), u.assist_on_time, u.satisfaction});
    on_time.bars.push_back({u.unit.name, combined(u.consult_on_time, u.coordinate_on_time)});
    satisfaction.bars.push_back({u.unit.name, u.satisfaction});
  }
  section.table = std::move(table);
  section.notes.push_back(tr(lang, MessageId::report_monthly_units_note));
  section.charts.emplace_back(std::move(on_time));
  section.charts.emplace_back(std::move(satisfaction));
  return section;
}

ReportSection referred_section(const MonthlyReport& report, Lang lang) {
  ReportSection section;
  section.key = "referred";
  section.heading = tr(lang, MessageId::report_monthly_referred);
  if (report.referred.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::report_monthly_referred_none));
    return section;
  }
  ReportTable table{{{"case", tr(lang, MessageId::report_col_case)},
                     {"unit", tr(lang, MessageId::report_col_unit_name)},
                     {"title", tr(lang, MessageId::report_col_title)},
                     {"due", tr(lang, MessageId::report_col_due)},
                     {"referred_on", tr(lang, MessageId::report_col_referred_on)}},
                    {}};
  for (const ReportCase& c : report.referred) {
    table.rows.push_back(Row{c.id, c.unit_name, c.title, format_date(c.due), format_date(c.date)});
  }
  section.table = std::move(table);
  return section;
}

ReportSection withdrawn_section(const MonthlyReport& report, Lang lang) {
  ReportSection section;
  section.key = "withdrawn";
  section.heading = tr(lang, MessageId::report_monthly_withdrawn);
  if (report.withdrawn.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::report_monthly_withdrawn_none));
    return section;
  }
  section.paragraphs.push_back(tr(lang, MessageId::report_monthly_withdrawn_intro));
  ReportTable table{{{"case", tr(lang, MessageId::report_col_case)},
                     {"unit", tr(lang, MessageId::report_col_unit_name)},
                     {"title", tr(lang, MessageId::report_col_title)},
                     {"referred_on", tr(lang, MessageId::report_col_referred_on)},
                     {"answered_on", tr(lang, MessageId::report_col_answered_on)},
                     {"recorded_on", tr(lang, MessageId::report_col_recorded_on)},
                     {"entry_lag", tr(lang, MessageId::report_col_entry_lag)}},
                    {}};
  const auto date_or_dash = [](const std::optional<LocalDate>& day) {
    return day ? format_date(*day) : std::string("—");
  };
  for (const WithdrawnReferral& w : report.withdrawn) {
    table.rows.push_back(
        Row{w.id, w.unit_name, w.title, format_date(w.referred_on), date_or_dash(w.answered_on),
            date_or_dash(w.recorded_on),
            w.entry_lag ? ReportValue(count_cell(*w.entry_lag)) : ReportValue("—")});
  }
  section.table = std::move(table);
  return section;
}

ReportSection overdue_section(const MonthlyReport& report, Lang lang) {
  ReportSection section;
  section.key = "overdue";
  section.heading = tr(lang, MessageId::report_monthly_overdue);
  const std::string as_of = report_detail::long_date(lang, report.window.as_of);
  if (report.overdue.empty()) {
    section.paragraphs.push_back(tr(lang, MessageId::report_monthly_overdue_none, {as_of}));
    return section;
  }
  section.paragraphs.push_back(tr(lang, MessageId::report_monthly_overdue_intro, {as_of}));
  ReportTable table{
      {{"case", tr(lang, MessageId::report_col_case)},
       {"unit", tr(lang, MessageId::report_col_unit_name)},
       {"title", tr(lang, MessageId::report_col_title)},
       {"clock", tr(lang, MessageId::report_col_clock)},
       {"due", tr(lang, MessageId::report_col_due)},
       {"working_days_late", tr(lang, MessageId::report_col_days_late), ColumnAlign::right}},
      {}};
  for (const ReportCase& c : report.overdue) {
    table.rows.push_back(Row{c.id, c.unit_name, c.title,
                             label(lang, parse_clock_name(c.clock).value()), format_date(c.due),
                             count_cell(c.working_days_late)});
  }
  section.table = std::move(table);
  return section;
}

ReportSection comparison_section(const MonthlyReport& report, Lang lang) {
  const MonthHeadline& now = report.current;
  const MonthHeadline& before = report.previous;
  ReportSection section;
  section.key = "comparison";
  section.heading = tr(lang, MessageId::report_monthly_comparison);
  ReportTable table{{{"item", tr(lang, MessageId::report_col_item)},
                     {"this_month", month_label(lang, now.month), ColumnAlign::right},
                     {"previous_month", month_label(lang, before.month), ColumnAlign::right},
                     {"change", tr(lang, MessageId::report_col_change), ColumnAlign::right}},
                    {}};
  table.rows.push_back(Row{tr(lang, MessageId::report_col_received), count_cell(now.received),
                           count_cell(before.received),
                           signed_count(now.received, before.received)});
  auto add_rate = [&](MessageId label, const Rate& a, const Rate& b) {
    table.rows.push_back(Row{tr(lang, label), a, b, format_rate_change(lang, a, b)});
  };
  add_rate(MessageId::report_col_forward_on_time, now.forward_on_time, before.forward_on_time);
  add_rate(MessageId::report_col_consult_on_time, now.consult_on_time, before.consult_on_time);
  add_rate(MessageId::report_col_coordinate_on_time, now.coordinate_on_time,
           before.coordinate_on_time);
  add_rate(MessageId::report_col_satisfaction, now.satisfaction, before.satisfaction);
  section.table = std::move(table);
  return section;
}

ReportSection trend_section(const MonthlyReport& report, Lang lang) {
  ReportSection section;
  section.key = "trend";
  section.heading = tr(lang, MessageId::report_monthly_trend);
  TrendChart received{"received", tr(lang, MessageId::report_chart_received), {}, {}};
  TrendChart rates{"rates", tr(lang, MessageId::report_chart_rates), {}, {}};
  TrendSeries received_series{"received", tr(lang, MessageId::report_col_received), {}};
  TrendSeries forward{"forward_on_time", tr(lang, MessageId::report_col_forward_on_time), {}};
  TrendSeries reply{"reply_on_time", tr(lang, MessageId::report_col_reply_on_time), {}};
  TrendSeries satisfied{"satisfaction", tr(lang, MessageId::report_col_satisfaction), {}};
  for (const MonthHeadline& month : report.trend) {
    const std::string period = format_month(month.month);
    received.periods.push_back(period);
    rates.periods.push_back(period);
    received_series.points.push_back(count_cell(month.received));
    forward.points.push_back(month.forward_on_time);
    reply.points.push_back(month.reply_on_time);
    satisfied.points.push_back(month.satisfaction);
  }
  received.series.push_back(std::move(received_series));
  rates.series = {std::move(forward), std::move(reply), std::move(satisfied)};
  section.charts.emplace_back(std::move(received));
  section.charts.emplace_back(std::move(rates));
  return section;
}

}  // namespace

ReportDocument monthly_document(const MonthlyReport& report,
                                const Config& config,
                                Lang lang,
                                LocalDate issued) {
  ReportDocument document = document_header(config, lang, issued);
  document.kind = "monthly";
  document.anchor = report.anchor;
  document.period = format_month(report.window.month);
  document.period_label = month_label(lang, report.window.month);
  const std::string as_of = report_detail::long_date(lang, report.window.as_of);
  document.definitions = {
      {tr(lang, MessageId::report_def_intake), tr(lang, MessageId::report_def_intake_text)},
      {tr(lang, MessageId::report_def_actions), tr(lang, MessageId::report_def_actions_text)},
      {tr(lang, MessageId::report_def_on_time),
       tr(lang, MessageId::report_def_on_time_text, {as_of})},
      {tr(lang, MessageId::report_def_explained_late),
       tr(lang, MessageId::report_def_explained_late_text)},
      satisfaction_definition(lang, report.basic_counts_as_satisfied),
      {tr(lang, MessageId::report_def_overdue),
       tr(lang, MessageId::report_def_overdue_text, {as_of})},
      {tr(lang, MessageId::report_def_returned), tr(lang, MessageId::report_def_returned_text)},
      {tr(lang, MessageId::report_def_rate), tr(lang, MessageId::report_def_rate_text)},
  };
  document.sections = {
      totals_section(report, lang),   units_section(report, lang),
      referred_section(report, lang), withdrawn_section(report, lang),
      overdue_section(report, lang),  comparison_section(report, lang),
      trend_section(report, lang),    coverage_summary_section(report.coverage, lang)};
  return document;
}

}  // namespace ent110
