// SPDX-License-Identifier: MIT
// Bulk intake through the library (the one call of `intake --from`), real and dry run, and the
// triage of the day on which every case so taken in is due (issue 15), on a database of 2 000
// cases from the report generator, made once per run in the temp directory. bench/compare.sh
// times the same as whole commands beside sqlite3.
#include "report_generator.hpp"

#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/store/store.hpp>
#include <ent110/triage/triage.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr std::string_view k_zone = "Asia/Shanghai";
// The generator's enterprises are numbered 1 to 20 000.
constexpr int k_enterprises = 20'000;
constexpr int k_due_cases = 10'000;

// This process's databases, removed when it ends.
class BenchFiles {
 public:
  BenchFiles()
      : m_directory(std::filesystem::temp_directory_path() /
                    ("ent110-intake-bench-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(m_directory);
  }
  ~BenchFiles() {
    std::error_code ignored;
    std::filesystem::remove_all(m_directory, ignored);
  }
  BenchFiles(const BenchFiles&) = delete;
  BenchFiles& operator=(const BenchFiles&) = delete;

  std::filesystem::path operator/(const std::string& name) const { return m_directory / name; }

 private:
  std::filesystem::path m_directory;
};

BenchFiles& files() {
  static BenchFiles instance;
  return instance;
}

// `intake --at` of every run: after the records' December, so that all of them are due.
ent110::Instant intake_time() {
  return ent110::parse_instant("2026-01-02T09:00", ent110::Zone(k_zone));
}

// `count` cases received over December 2025 by the generated enterprises, as an intake file's
// records would be read.
std::vector<ent110::IntakeRecord> december_records(int count) {
  const ent110::Instant december = ent110::parse_instant("2025-12-01T00:00", ent110::Zone(k_zone));
  std::vector<ent110::IntakeRecord> records(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    ent110::IntakeRecord& record = records[static_cast<std::size_t>(i)];
    record.where = "bench.ndjson:" + std::to_string(i + 1);
    record.request.enterprise = std::to_string(1 + (i * 7919) % k_enterprises);
    record.request.type = i % 10 < 3 ? ent110::CaseType::coordinate : ent110::CaseType::consult;
    record.request.channel = i % 5 < 3 ? ent110::Channel::web : ent110::Channel::hotline;
    record.request.title = "用电增容审批 " + std::to_string(i);
    record.received_at = december + std::chrono::seconds(std::int64_t{i} * 31 * 86'400 / count);
  }
  return records;
}

const std::filesystem::path& seed_database() {
  static const std::filesystem::path path = [] {
    const std::filesystem::path file = files() / "seed.db";
    ent110::bench::GeneratorOptions options;
    options.cases = 2'000;
    ent110::bench::generate_report_database(file, options);
    return file;
  }();
  return path;
}

// A copy of the seed database as a fresh file `name`.
std::filesystem::path fresh_copy(const std::string& name) {
  const std::filesystem::path copy = files() / name;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(copy.string() + suffix);
  }
  std::filesystem::copy_file(seed_database(), copy);
  return copy;
}

// A database opened as a command opens it, with the case service over it.
struct OpenDatabase {
  explicit OpenDatabase(const std::filesystem::path& file)
      : store(ent110::Store::open(file, ent110::Access::read_write, ent110::StoreOptions{})),
        calendar(ent110::load_calendar(store)),
        service(store, calendar, config, zone) {}
  // The service holds references to the members beside it.
  OpenDatabase(const OpenDatabase&) = delete;
  OpenDatabase& operator=(const OpenDatabase&) = delete;

  ent110::Config config;
  ent110::Zone zone{k_zone};
  ent110::Store store;
  ent110::WorkingCalendar calendar;
  ent110::CaseService service;
};

void BM_bulk_intake(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  const std::vector<ent110::IntakeRecord> records = december_records(count);
  const ent110::Instant at = intake_time();
  for (auto _ : state) {
    state.PauseTiming();
    auto db = std::make_unique<OpenDatabase>(fresh_copy("intake.db"));
    state.ResumeTiming();
    const ent110::BatchIntake batch = db->service.intake_many(records, "bench", at, false);
    benchmark::DoNotOptimize(batch.cases.data());
    state.PauseTiming();
    db.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * count);
}
// Wall time: the commit's wait for the disk is part of what intake costs.
BENCHMARK(BM_bulk_intake)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();

// `--dry-run` checks and numbers everything, then writes nothing: it must cost less than a run.
void BM_bulk_intake_dry_run(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  const std::vector<ent110::IntakeRecord> records = december_records(count);
  const ent110::Instant at = intake_time();
  OpenDatabase db(fresh_copy("dry-run.db"));
  for (auto _ : state) {
    const ent110::BatchIntake batch = db.service.intake_many(records, "bench", at, true);
    benchmark::DoNotOptimize(batch.cases.data());
  }
  state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_bulk_intake_dry_run)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The seed database with k_due_cases more taken in over December, all of them due on the day.
OpenDatabase& due_database() {
  static OpenDatabase db = [] {
    const std::filesystem::path file = fresh_copy("due.db");
    {
      OpenDatabase loading(file);
      loading.service.intake_many(december_records(k_due_cases), "bench", intake_time(), false);
    }
    return OpenDatabase(file);
  }();
  return db;
}

void BM_triage(benchmark::State& state, const std::optional<std::string>& unit) {
  OpenDatabase& db = due_database();
  const ent110::LocalDate today = db.zone.local_date(intake_time());
  for (auto _ : state) {
    const ent110::Triage triage =
        ent110::compute_triage(db.store, db.calendar, db.config, today, unit);
    benchmark::DoNotOptimize(triage.office.to_forward.data());
    state.counters["to_forward"] = static_cast<double>(triage.office.to_forward.size());
  }
}
BENCHMARK_CAPTURE(BM_triage, office_and_units, std::nullopt)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_triage, unit_FGW, std::optional<std::string>("FGW"))
    ->Unit(benchmark::kMillisecond);

}  // namespace
