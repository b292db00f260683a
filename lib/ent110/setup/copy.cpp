// SPDX-License-Identifier: MIT
#include <ent110/calendar/calendar.hpp>
#include <ent110/core/error.hpp>
#include <ent110/setup/copy.hpp>
#include <ent110/setup/verify.hpp>
#include <ent110/store/location.hpp>
#include <ent110/store/migrate.hpp>
#include <ent110/store/table_copy.hpp>

#include <filesystem>
#include <system_error>

namespace ent110 {
namespace {

void remove_database_file(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix, ignored);
  }
}

}  // namespace

CopySummary copy_database(Store& source,
                          const std::string& target_location,
                          const StoreOptions& options,
                          const Config& config,
                          const Zone& zone) {
  const bool creates_file =
      !is_postgresql_uri(target_location) && !std::filesystem::exists(target_location);
  StoreOptions target_options = options;
  target_options.create = true;
  try {
    Store target = Store::open(target_location, Access::read_write, target_options);
    CopySummary summary;
    target.write([&] {
      for (const std::string& table : schema_tables()) {
        if (const std::int64_t present = table_rows(target, table); present > 0) {
          throw Refused(MessageId::copy_target_not_empty,
                        {target_location, table, std::to_string(present)});
        }
      }
      for (const std::string& table : schema_tables()) {
        const std::int64_t copied = copy_table(source, target, table);
        summary.rows.emplace_back(table, copied);
        summary.total_rows += copied;
      }
      continue_identities(target);
      const WorkingCalendar calendar = load_calendar(target);
      const VerifyReport report = verify_database(target, ReplayContext{calendar, config, zone});
      if (!report.ok()) {
        throw StoreError(MessageId::copy_not_verified, {target_location});
      }
      summary.anchor = report.anchor;
    });
    summary.schema_version = latest_schema_version();
    return summary;
  } catch (...) {
    if (creates_file) {
      remove_database_file(target_location);
    }
    throw;
  }
}

}  // namespace ent110
