// SPDX-License-Identifier: MIT
// A generator of large, realistic ent110 databases for timing the reports (issue 6).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

namespace ent110::bench {

/// What to generate. Cases are spread over the months of [first_year, last_year] with a slow
/// growth, received mostly in office hours; everything happens before the end of last_year.
struct GeneratorOptions {
  std::int64_t cases = 10'000'000;
  /// Case ids allow 999 999 cases a year, so ten million need thirteen years; before 2017, the
  /// first year of the compiled-in official schedule, due dates follow the weekend rule alone.
  int first_year = 2013;
  int last_year = 2025;
  std::uint64_t seed = 110;
  /// Called now and then with the number of cases written so far.
  std::function<void(std::int64_t)> progress;
};

/// What was written.
struct GeneratorSummary {
  std::int64_t cases = 0;
  std::int64_t events = 0;
  std::int64_t clocks = 0;
};

/// Creates the database `path` (which must not exist); throws std::invalid_argument when a year
/// would get more cases than its ids allow with the schema, the official calendar,
/// 36 member units and 20 000 enterprises, then writes the cases, their clocks and events with
/// plain SQL: 70% consult, 2% major, 3% not accepted; replies mostly on time, some late, some
/// explained and escalated, disputed, returned in review, never handled and referred to
/// inspection; 70% of answers rated. Due dates are computed with the working-day calendar. The
/// schema's indexes are dropped for the load and built again at the end.
GeneratorSummary generate_report_database(const std::filesystem::path& path,
                                          const GeneratorOptions& options);

}  // namespace ent110::bench
