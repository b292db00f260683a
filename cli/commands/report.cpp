// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/report_output.hpp"
#include "session.hpp"

#include <ent110/calendar/calendar.hpp>
#include <ent110/report/annual.hpp>
#include <ent110/report/coverage.hpp>
#include <ent110/report/meeting.hpp>
#include <ent110/report/monthly.hpp>

namespace ent110::cli {
namespace {

struct ReportOptions {
  std::optional<std::string> month;
  int year = 0;
  std::optional<std::string> format;
  std::string output;
};

LocalDate report_issue_date(const Session& s) {
  return s.zone().local_date(s.now());
}

int run_report_monthly(const ReportOptions& options, Session& s) {
  const date::year_month month =
      parse_report_month(options.month.value_or("last"), s.zone(), s.now());
  const MonthlyReport report =
      compute_monthly(s.store(), load_calendar(s.store()), s.config(), month, s.now());
  emit_report(s, monthly_document(report, s.config(), s.lang(), report_issue_date(s)),
              report_format(s, options.format), options.output);
  return 0;
}

int run_report_meeting(const ReportOptions& options, Session& s) {
  const date::year_month month =
      parse_report_month(options.month.value_or("this"), s.zone(), s.now());
  const MeetingAgenda agenda = compute_meeting(s.store(), s.config(), month, s.now());
  emit_report(s, meeting_document(agenda, s.config(), s.lang(), report_issue_date(s)),
              report_format(s, options.format), options.output);
  return 0;
}

int run_report_annual(const ReportOptions& options, Session& s) {
  const AnnualReport report =
      compute_annual(s.store(), load_calendar(s.store()), s.config(), options.year, s.now());
  emit_report(s, annual_document(report, s.config(), s.lang(), report_issue_date(s)),
              report_format(s, options.format), options.output);
  return 0;
}

// Coverage is measured on the day of "now" (the global --at), or with --month on that month's
// last day; the global option is not shadowed, so `report coverage --at DATE` reads as elsewhere.
int run_report_coverage(const ReportOptions& options, Session& s) {
  const LocalDate day =
      options.month
          ? coverage_day(parse_report_month(*options.month, s.zone(), s.now()), s.zone(), s.now())
          : s.zone().local_date(s.now());
  const CoverageReport report = compute_coverage(s.store(), s.zone(), day);
  emit_report(s, coverage_document(report, s.config(), s.lang(), report_issue_date(s)),
              report_format(s, options.format), options.output);
  return 0;
}

void add_report_output_options(CLI::App* command, ReportOptions& options, Lang lang) {
  command->add_option("--format", options.format, tr(lang, MessageId::opt_report_format))
      ->check(one_of(report_format_names()))
      ->type_name("text|md|csv|json|html");
  command->add_option("-o,--output", options.output, tr(lang, MessageId::opt_report_output))
      ->type_name("FILE");
}

}  // namespace

void add_report(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* report = app.add_subcommand("report", tr(lang, MessageId::cmd_report));
  report->require_subcommand(1);

  CLI::App* monthly = report->add_subcommand("monthly", tr(lang, MessageId::cmd_report_monthly));
  monthly->add_option("--month", options->month, tr(lang, MessageId::opt_report_month))
      ->type_name("YYYY-MM|last|this");
  add_report_output_options(monthly, *options, lang);
  inv.on(monthly, Needs::store_read,
         [options](Session& s) { return run_report_monthly(*options, s); });

  CLI::App* meeting = report->add_subcommand("meeting", tr(lang, MessageId::cmd_report_meeting));
  meeting->add_option("--month", options->month, tr(lang, MessageId::opt_report_meeting_month))
      ->type_name("YYYY-MM|last|this");
  add_report_output_options(meeting, *options, lang);
  inv.on(meeting, Needs::store_read,
         [options](Session& s) { return run_report_meeting(*options, s); });

  CLI::App* annual = report->add_subcommand("annual", tr(lang, MessageId::cmd_report_annual));
  annual->add_option("--year", options->year, tr(lang, MessageId::opt_report_year))
      ->required()
      ->check(CLI::Range(1900, 9999))
      ->type_name("YYYY");
  add_report_output_options(annual, *options, lang);
  inv.on(annual, Needs::store_read,
         [options](Session& s) { return run_report_annual(*options, s); });

  CLI::App* coverage = report->add_subcommand("coverage", tr(lang, MessageId::cmd_report_coverage));
  coverage->add_option("--month", options->month, tr(lang, MessageId::opt_report_coverage_month))
      ->type_name("YYYY-MM|last|this");
  add_report_output_options(coverage, *options, lang);
  inv.on(coverage, Needs::store_read,
         [options](Session& s) { return run_report_coverage(*options, s); });
}

}  // namespace ent110::cli
