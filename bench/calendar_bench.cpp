// SPDX-License-Identifier: MIT
// Working-day arithmetic over random dates of 2017–2026, beside the day-by-day loop it replaces.
// Run the Release build: `make bench` (build-release/bench/ent110_bench).
#include <ent110/calendar/calendar.hpp>
#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/store/store.hpp>

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace {

using ent110::LocalDate;
using ent110::WorkingCalendar;

// The official schedule compiled into the program, as a fresh database would hold it.
const WorkingCalendar& official_calendar() {
  static const WorkingCalendar calendar = [] {
    ent110::Store store = ent110::Store::open_in_memory();
    ent110::load_holidays(store, {}, ent110::Actor{"bench", "OFFICE"},
                          ent110::parse_utc("2026-01-01T00:00:00Z"), nullptr);
    return ent110::load_calendar(store);
  }();
  return calendar;
}

struct Query {
  LocalDate from;
  LocalDate to;
  int n;
};

// A fixed pseudo-random set of queries (a power of two, so the loop index is a mask): dates
// uniform over 2017–2026, n from 1 to 20 working days as the rules' clocks use.
const std::vector<Query>& queries() {
  static const std::vector<Query> list = [] {
    std::mt19937 random(20250930);
    const int first = ent110::parse_date("2017-01-01").time_since_epoch().count();
    const int last = ent110::parse_date("2026-12-31").time_since_epoch().count();
    std::uniform_int_distribution<int> pick_day(first, last);
    std::uniform_int_distribution<int> pick_n(1, 20);
    std::vector<Query> out(4096);
    for (Query& query : out) {
      LocalDate a{date::days{pick_day(random)}};
      LocalDate b{date::days{pick_day(random)}};
      if (b < a) {
        std::swap(a, b);
      }
      query = Query{a, b, pick_n(random)};
    }
    return out;
  }();
  return list;
}

LocalDate naive_add_working_days(const WorkingCalendar& calendar, LocalDate from, int n) {
  LocalDate day = from;
  while (n > 0) {
    day += date::days{1};
    if (calendar.is_working_day(day)) {
      --n;
    }
  }
  return day;
}

int naive_working_days_between(const WorkingCalendar& calendar, LocalDate from, LocalDate to) {
  int count = 0;
  for (LocalDate day = from + date::days{1}; day <= to; day += date::days{1}) {
    count += calendar.is_working_day(day) ? 1 : 0;
  }
  return count;
}

void bm_add_working_days(benchmark::State& state) {
  const WorkingCalendar& calendar = official_calendar();
  const std::vector<Query>& list = queries();
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& query = list[i++ & (list.size() - 1)];
    benchmark::DoNotOptimize(calendar.add_working_days(query.from, query.n));
  }
}
BENCHMARK(bm_add_working_days);

void bm_add_working_days_naive(benchmark::State& state) {
  const WorkingCalendar& calendar = official_calendar();
  const std::vector<Query>& list = queries();
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& query = list[i++ & (list.size() - 1)];
    benchmark::DoNotOptimize(naive_add_working_days(calendar, query.from, query.n));
  }
}
BENCHMARK(bm_add_working_days_naive);

void bm_working_days_between(benchmark::State& state) {
  const WorkingCalendar& calendar = official_calendar();
  const std::vector<Query>& list = queries();
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& query = list[i++ & (list.size() - 1)];
    benchmark::DoNotOptimize(calendar.working_days_between(query.from, query.to));
  }
}
BENCHMARK(bm_working_days_between);

void bm_working_days_between_naive(benchmark::State& state) {
  const WorkingCalendar& calendar = official_calendar();
  const std::vector<Query>& list = queries();
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& query = list[i++ & (list.size() - 1)];
    benchmark::DoNotOptimize(naive_working_days_between(calendar, query.from, query.to));
  }
}
BENCHMARK(bm_working_days_between_naive);

void bm_kind_of(benchmark::State& state) {
  const WorkingCalendar& calendar = official_calendar();
  const std::vector<Query>& list = queries();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.kind_of(list[i++ & (list.size() - 1)].from));
  }
}
BENCHMARK(bm_kind_of);

}  // namespace
