// SPDX-License-Identifier: MIT
// The SQL of cases and clocks (schema/003_cases.sql), used by the service. Every function runs in
// the caller's transaction or read.
#pragma once

#include <ent110/cases/case.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/store/database.hpp>
#include <ent110/store/statement.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;
class Zone;

/// The columns of a clock, from case_clock aliased `k`, in the order clock_from_row reads them.
std::string_view clock_columns();
/// The clock in the clock_columns() of `row` that start at column `first`.
Clock clock_from_row(const Statement& row, int first);

/// The id `ref` names (full id, "YYYY-N" or the number alone); throws NotFound or UsageError.
std::string resolve_case_id(Store& store, std::string_view ref);
/// The case `id` with its clocks (no events), or nullopt.
std::optional<Case> find_case(Store& store, std::string_view id);
/// Every case with its co-units and clocks (no events), in id order, one at a time: three
/// ordered scans merged, so that checking every case reads each table once.
class CasesInOrder {
 public:
  explicit CasesInOrder(Store& store);
  ~CasesInOrder();
  CasesInOrder(const CasesInOrder&) = delete;
  CasesInOrder& operator=(const CasesInOrder&) = delete;
  /// The next case, or nullopt after the last.
  std::optional<Case> next();

 private:
  Statement m_cases;
  Statement m_co_units;
  Statement m_clocks;
  bool m_co_unit_ready = false;
  bool m_clock_ready = false;
};

/// The case taken in with a channel and a source id (index case_by_source), through one prepared
/// statement however many are looked up: a bulk intake asks once per record.
class SourceIds {
 public:
  explicit SourceIds(Store& store);
  /// The id of the case of `channel` with `source_id`, or nullopt.
  std::optional<std::string> find(Channel channel, const std::string& source_id);

 private:
  Statement m_query;
};

/// The open, unmerged cases of `enterprise` received from `since` to `until`, oldest first, with
/// only their id, title and body (the candidates a new case may duplicate).
std::vector<Case> open_cases_received(Store& store,
                                      std::int64_t enterprise,
                                      Instant since,
                                      Instant until);
/// The ids of the cases merged into `primary` (并单), in id order.
std::vector<std::string> duplicates_of(Store& store, std::string_view primary);
/// The next free number of `year` (1 for the first case of the year).
int next_case_number(Store& store, int year);
/// Writes what a replay decides of `kase` (state, units, round, texts, rating, reason, time of
/// receipt and its local month in `zone`).
void save_case(Store& store, const Case& kase, const Zone& zone);
/// Stores the clocks of `kase` as replayed: the n-th clock over the n-th row of the case.
void save_clocks(Store& store, const Case& kase);
/// Inserts a new case as its replay left it (every column save_case writes, co-units too), so that
/// each row is written once.
void insert_replayed_case(Store& store, const Case& kase, const Zone& zone);
/// Inserts the clocks of a new case as replayed and fills in their ids.
void insert_replayed_clocks(Store& store, Case& kase);
/// The cases with a clock counted in working days over one of `days` (ascending): started
/// before the day and due on or after it, whether running or stopped.
std::vector<std::string> cases_counting_over(Store& store, const std::vector<LocalDate>& days);
/// The SQL condition that case `c` is about an enterprise or a project that officer `officer`
/// serves on `day` (an assignment covering the day, the officer not retired by then); the two
/// arguments are placeholders, `day` a 'YYYY-MM-DD' text.
std::string served_by_officer(std::string_view officer, std::string_view day);
/// The summaries `query` selects, most urgent first; with `officer`, only the cases of the
/// enterprises and projects that officer serves on `today`, open ones unless `query.state` says.
std::vector<CaseSummary> query_cases(Store& store,
                                     const CaseQuery& query,
                                     LocalDate today,
                                     std::optional<std::int64_t> officer);
/// The clocks `query` selects, by due date.
std::vector<ClockRow> query_clocks(Store& store, const ClockQuery& query);

}  // namespace ent110
