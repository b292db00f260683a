// SPDX-License-Identifier: MIT
// The monthly report on a large database. ENT110_BENCH_DB names a database built with
// ent110_report_generate (e.g. ten million cases over 2017–2025); without it a database of
// 100 000 cases is generated in a temporary directory first.
#include "report_generator.hpp"

#include <ent110/calendar/calendar.hpp>
#include <ent110/config/config.hpp>
#include <ent110/report/monthly.hpp>
#include <ent110/store/store.hpp>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

namespace {

const std::filesystem::path& bench_database() {
  static const std::filesystem::path path = [] {
    if (const char* given = std::getenv("ENT110_BENCH_DB")) {
      return std::filesystem::path(given);
    }
    const std::filesystem::path generated =
        std::filesystem::temp_directory_path() / "ent110-report-bench-100k.db";
    if (!std::filesystem::exists(generated)) {
      ent110::bench::GeneratorOptions options;
      options.cases = 100'000;
      ent110::bench::generate_report_database(generated, options);
    }
    return generated;
  }();
  return path;
}

struct Opened {
  ent110::Store store;
  ent110::WorkingCalendar calendar;
};

Opened& opened() {
  static Opened instance = [] {
    ent110::Store store =
        ent110::Store::open(bench_database(), ent110::Access::read_only, ent110::StoreOptions{});
    ent110::WorkingCalendar calendar = ent110::load_calendar(store);
    return Opened{std::move(store), std::move(calendar)};
  }();
  return instance;
}

// The report of June 2025 drawn in January 2026: every clock of the month is decided.
void monthly_report(benchmark::State& state, ent110::ReportFormat format) {
  Opened& db = opened();
  const ent110::Config config;
  const ent110::Instant now = ent110::parse_utc("2026-01-02T01:00:00Z");
  for (auto _ : state) {
    const ent110::MonthlyReport report =
        ent110::compute_monthly(db.store, db.calendar, config, date::year{2025} / 6, now);
    const std::string rendered =
        ent110::render_report(ent110::monthly_document(report, config, ent110::Lang::zh,
                                                       ent110::parse_date("2026-01-02")),
                              format);
    benchmark::DoNotOptimize(rendered.data());
    state.counters["received"] = static_cast<double>(report.totals.received);
  }
}

void BM_monthly_report_text(benchmark::State& state) {
  monthly_report(state, ent110::ReportFormat::text);
}
void BM_monthly_report_html(benchmark::State& state) {
  monthly_report(state, ent110::ReportFormat::html);
}
BENCHMARK(BM_monthly_report_text)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_monthly_report_html)->Unit(benchmark::kMillisecond);

}  // namespace
