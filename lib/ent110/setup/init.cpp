// SPDX-License-Identifier: MIT
#include <ent110/registry/registry.hpp>
#include <ent110/setup/init.hpp>
#include <ent110/store/migrate.hpp>

namespace ent110 {

InitSummary initialize(Store& store,
                       const Config& config,
                       const std::optional<std::filesystem::path>& holidays_dir,
                       Instant now) {
  (void)holidays_dir;  // the calendar (issue 3) loads it
  InitSummary summary;
  summary.schema_before = store.version_at_open();
  summary.schema_after = schema_version(store.db());
  store.write([&] { summary.builtin_units_created = ensure_builtin_units(store, config, now); });
  return summary;
}

}  // namespace ent110
