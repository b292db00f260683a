// SPDX-License-Identifier: MIT
#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/calendar/holiday_file.hpp>
#include <ent110/cases/calendar_follower.hpp>
#include <ent110/registry/units.hpp>
#include <ent110/setup/init.hpp>

namespace ent110 {

InitSummary initialize(Store& store,
                       const Config& config,
                       const std::optional<std::filesystem::path>& holidays_dir,
                       const Actor& actor,
                       Instant now) {
  InitSummary summary;
  summary.schema_before = store.version_at_open();
  summary.schema_after = store.connection().schema_version();
  // Read and validate every holiday file before writing anything: a bad file changes nothing.
  const std::vector<HolidaySchedule> schedules =
      holidays_dir ? read_holiday_files({*holidays_dir}) : embedded_holiday_schedules();
  store.write([&] {
    summary.builtin_units_created = ensure_builtin_units(store, config, actor, now);
    // An unchanged schedule is not stored again, so that init stays idempotent.
    const Zone zone(config.time_zone);
    CaseClockFollower follower(store, config, zone, actor.login);
    LoadSummary loaded =
        store_holiday_schedules(store, schedules, actor, now, &follower, /*only_if_changed=*/true);
    summary.holiday_years = std::move(loaded.years);
    summary.moved = std::move(loaded.moved);
  });
  return summary;
}

}  // namespace ent110
