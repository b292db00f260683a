// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/moved_due_dates.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/core/error.hpp>
#include <ent110/setup/init.hpp>

#include <fmt/format.h>

namespace ent110::cli {
namespace {

struct InitOptions {
  std::string holidays;
};

int run_init(const InitOptions& options, Session& s) {
  std::optional<std::filesystem::path> holidays;
  if (!options.holidays.empty()) {
    holidays = options.holidays;
  }
  // Once users exist, init changes the calendar only for the office (the schema is migrated on
  // open, before this check, so an upgrade never waits for it).
  const InitSummary summary =
      initialize(s.store(), s.config(), holidays,
                 s.authorized(Duty::calendar, holidays ? "init --holidays" : "init"), s.now());
  std::string years;
  if (!summary.holiday_years.empty()) {
    years = summary.holiday_years.size() == 1
                ? std::to_string(summary.holiday_years.front())
                : fmt::format("{}–{}", summary.holiday_years.front(), summary.holiday_years.back());
  }
  if (s.json()) {
    emit_json(s, {{"database", s.db_path().string()},
                  {"schema_before", summary.schema_before},
                  {"schema_version", summary.schema_after},
                  {"builtin_units_created", summary.builtin_units_created},
                  {"holiday_years", summary.holiday_years},
                  {"moved", moved_due_dates_json(summary.moved)}});
    return 0;
  }
  const MessageId state = summary.schema_before == 0 ? MessageId::init_created
                          : summary.schema_before < summary.schema_after
                              ? MessageId::init_upgraded
                              : MessageId::init_up_to_date;
  s.out() << s.tr(state, {s.db_path().string(), std::to_string(summary.schema_before),
                          std::to_string(summary.schema_after)})
          << '\n';
  s.out() << s.tr(MessageId::init_units, {std::to_string(summary.builtin_units_created)}) << '\n';
  if (!years.empty()) {
    s.out() << s.tr(MessageId::init_holidays, {years}) << '\n';
  }
  print_moved_due_dates(s, summary.moved);
  return 0;
}

}  // namespace

void add_init(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand("init", tr(lang, MessageId::cmd_init));
  cmd->add_option("--holidays", options->holidays, tr(lang, MessageId::opt_holidays_dir))
      ->type_name("DIR");
  inv.on(cmd, Needs::store_create, [options](Session& s) { return run_init(*options, s); });
}

}  // namespace ent110::cli
