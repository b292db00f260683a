// SPDX-License-Identifier: MIT
#include <ent110/registry/registry.hpp>
#include <ent110/report/report_sql.hpp>
#include <ent110/store/store.hpp>

#include <fmt/format.h>

namespace ent110::report_sql {
namespace {

// The one definition of "on time" and "decided" for a clock due in a period, as it stood at the
// end of day :as_of (see clock_rate).
constexpr std::string_view k_on_time = "sum(k.outcome = 'met' AND k.stopped <= :as_of)";
constexpr std::string_view k_decided =
    "sum((k.outcome = 'met' AND k.stopped <= :as_of) "
    "OR (k.outcome = 'missed' AND k.stopped <= :as_of) "
    "OR (k.outcome IN ('running', 'met', 'missed') AND (k.stopped IS NULL OR k.stopped > :as_of) "
    "AND k.due <= :as_of))";
// The same two sums when every clock counted fell due by :as_of (a month that is over): a met
// clock stopped by its due date, so by :as_of; a running or missed one was open at the end of its
// due date, so it is decided and late. Reading no stopped date makes them three times cheaper.
constexpr std::string_view k_on_time_all_due = "sum(k.outcome = 'met')";
constexpr std::string_view k_decided_all_due = "sum(k.outcome IN ('running', 'met', 'missed'))";

std::string rate_sums(LocalDate last, LocalDate as_of) {
  return last <= as_of ? fmt::format("{}, {}", k_on_time_all_due, k_decided_all_due)
                       : fmt::format("{}, {}", k_on_time, k_decided);
}

}  // namespace

void bind_window(SQLite::Statement& statement, const ReportWindow& window, int first) {
  statement.bind(first, format_utc(window.begin));
  statement.bind(first + 1, format_utc(window.end));
}

Rate clock_rate(
    Store& store, std::string_view name, LocalDate first, LocalDate last, LocalDate as_of) {
  SQLite::Statement query(store.db(), "SELECT " + rate_sums(last, as_of) +
                                          " FROM case_clock k WHERE k.name = :name "
                                          "AND k.due BETWEEN :first AND :last");
  if (last > as_of) {
    query.bind(":as_of", format_date(as_of));
  }
  query.bind(":name", std::string(name));
  query.bind(":first", format_date(first));
  query.bind(":last", format_date(last));
  query.executeStep();
  return Rate{query.getColumn(0).getInt64(), query.getColumn(1).getInt64()};
}

std::map<std::string, Rate> clock_rates_by_unit(
    Store& store, std::string_view name, LocalDate first, LocalDate last, LocalDate as_of) {
  SQLite::Statement query(store.db(), "SELECT k.unit, " + rate_sums(last, as_of) +
                                          " FROM case_clock k WHERE k.name = :name "
                                          "AND k.due BETWEEN :first AND :last GROUP BY k.unit");
  if (last > as_of) {
    query.bind(":as_of", format_date(as_of));
  }
  query.bind(":name", std::string(name));
  query.bind(":first", format_date(first));
  query.bind(":last", format_date(last));
  std::map<std::string, Rate> rates;
  while (query.executeStep()) {
    rates[query.getColumn(0).getString()] =
        Rate{query.getColumn(1).getInt64(), query.getColumn(2).getInt64()};
  }
  return rates;
}

std::map<std::string, ClockRates> reply_rates_by_type(Store& store,
                                                      LocalDate first,
                                                      LocalDate last,
                                                      LocalDate as_of) {
  SQLite::Statement query(store.db(),
                          "SELECT k.unit, c.type, " + rate_sums(last, as_of) +
                              " FROM case_clock k "
                              "JOIN case_file c INDEXED BY case_type_unit ON c.id = k.case_id "
                              "WHERE k.name = 'reply' AND k.due BETWEEN :first AND :last "
                              "GROUP BY k.unit, c.type");
  if (last > as_of) {
    query.bind(":as_of", format_date(as_of));
  }
  query.bind(":first", format_date(first));
  query.bind(":last", format_date(last));
  std::map<std::string, ClockRates> rates;
  while (query.executeStep()) {
    ClockRates& unit = rates[query.getColumn(0).getString()];
    (query.getColumn(1).getString() == "consult" ? unit.consult : unit.coordinate) =
        Rate{query.getColumn(2).getInt64(), query.getColumn(3).getInt64()};
  }
  return rates;
}

UnitIndex index_units(std::vector<UnitMonth>& units) {
  UnitIndex index;
  for (UnitMonth& unit : units) {
    index[unit.unit.code] = &unit;
  }
  return index;
}

std::vector<UnitMonth> member_unit_rows(Store& store) {
  std::vector<UnitMonth> rows;
  for (const Unit& unit : list_units(store)) {
    if (is_member_kind(unit.kind)) {
      UnitMonth row;
      row.unit = unit;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

// The joins name case_type_unit (schema 004): without statistics SQLite would read each case's
// row through the primary key instead of the index that already holds its type and lead unit.
void add_event_figures(Store& store,
                       const ReportWindow& window,
                       const Config& config,
                       const UnitIndex& by_unit,
                       MonthTotals& totals) {
  // Forwards and redos name the lead unit first in their detail ("FGW with JXW,ZRZY").
  SQLite::Statement forwards(store.db(),
                             "SELECT CASE WHEN instr(detail, ' ') > 0 "
                             "THEN substr(detail, 1, instr(detail, ' ') - 1) ELSE detail END, "
                             "count(*) FROM case_event "
                             "WHERE action IN ('forward', 'redo') AND at >= ? AND at < ? "
                             "GROUP BY 1");
  bind_window(forwards, window);
  while (forwards.executeStep()) {
    totals.forwarded += forwards.getColumn(1).getInt64();
    if (auto found = by_unit.find(forwards.getColumn(0).getString()); found != by_unit.end()) {
      found->second->forwarded += forwards.getColumn(1).getInt64();
    }
  }

  SQLite::Statement rejects(store.db(),
                            "SELECT detail, count(*) FROM case_event "
                            "WHERE action = 'reject' AND at >= ? AND at < ? GROUP BY detail");
  bind_window(rejects, window);
  while (rejects.executeStep()) {
    const std::string reason = rejects.getColumn(0).getString();
    (reason == "unlawful" ? totals.rejected_unlawful : totals.rejected_unclear) +=
        rejects.getColumn(1).getInt64();
  }

  // Art. 6: a consult reply and the office's own reply are published at once; a coordinate
  // result is published when the office approves it, to the credit of the case's lead unit.
  SQLite::Statement answers(store.db(),
                            "SELECT CASE WHEN e.action = 'approve' THEN c.unit ELSE e.unit END, "
                            "count(*) FROM case_event e "
                            "JOIN case_file c INDEXED BY case_type_unit ON c.id = e.case_id "
                            "WHERE ((e.action = 'reply' AND (c.type = 'consult' OR e.unit = ?)) "
                            "OR e.action = 'approve') AND e.at >= ? AND e.at < ? GROUP BY 1");
  answers.bind(1, config.office_unit);
  bind_window(answers, window, 2);
  while (answers.executeStep()) {
    totals.answered += answers.getColumn(1).getInt64();
    if (auto found = by_unit.find(answers.getColumn(0).getString()); found != by_unit.end()) {
      found->second->answered += answers.getColumn(1).getInt64();
    }
  }

  // What the unit itself did: explanations (Art. 7) and disputes (Art. 2).
  SQLite::Statement own(store.db(),
                        "SELECT action, unit, count(*) FROM case_event "
                        "WHERE action IN ('explain', 'dispute') AND at >= ? AND at < ? "
                        "GROUP BY action, unit");
  bind_window(own, window);
  while (own.executeStep()) {
    const bool explain = own.getColumn(0).getString() == "explain";
    const std::int64_t n = own.getColumn(2).getInt64();
    if (explain) {
      totals.explained += n;
    }
    if (auto found = by_unit.find(own.getColumn(1).getString()); found != by_unit.end()) {
      (explain ? found->second->explained : found->second->disputed) += n;
    }
  }

  // A referral to inspection names the late unit in its detail (Art. 7).
  SQLite::Statement referred(store.db(),
                             "SELECT e.detail, count(*) FROM case_event e "
                             "WHERE e.action = 'escalate-inspection' AND e.at >= ? AND e.at < ? "
                             "AND " +
                                 std::string(k_referral_stands) + " GROUP BY e.detail");
  bind_window(referred, window);
  while (referred.executeStep()) {
    if (auto found = by_unit.find(referred.getColumn(0).getString()); found != by_unit.end()) {
      found->second->referred += referred.getColumn(1).getInt64();
    }
  }

  // The office's reviews of each unit's results: returned of all reviewed (≈ 重办率).
  SQLite::Statement reviews(store.db(),
                            "SELECT c.unit, sum(e.action = 'return'), count(*) "
                            "FROM case_event e "
                            "JOIN case_file c INDEXED BY case_type_unit ON c.id = e.case_id "
                            "WHERE e.action IN ('approve', 'return') AND e.at >= ? AND e.at < ? "
                            "GROUP BY c.unit");
  bind_window(reviews, window);
  while (reviews.executeStep()) {
    if (auto found = by_unit.find(reviews.getColumn(0).getString()); found != by_unit.end()) {
      found->second->returned =
          Rate{reviews.getColumn(1).getInt64(), reviews.getColumn(2).getInt64()};
    }
  }

  // Art. 9: a rating is the lead unit's.
  SQLite::Statement ratings(store.db(),
                            "SELECT c.unit, e.detail, count(*) "
                            "FROM case_event e "
                            "JOIN case_file c INDEXED BY case_type_unit ON c.id = e.case_id "
                            "WHERE e.action = 'evaluate' AND e.at >= ? AND e.at < ? "
                            "GROUP BY c.unit, e.detail");
  bind_window(ratings, window);
  while (ratings.executeStep()) {
    const std::string rating = ratings.getColumn(1).getString();
    const std::int64_t n = ratings.getColumn(2).getInt64();
    if (auto found = by_unit.find(ratings.getColumn(0).getString()); found != by_unit.end()) {
      Rate& satisfaction = found->second->satisfaction;
      satisfaction.denominator += n;
      if (counts_as_satisfied(rating, config)) {
        satisfaction.numerator += n;
      }
    }
  }
}

void set_reply_rates(const std::map<std::string, ClockRates>& rates, const UnitIndex& by_unit) {
  for (const auto& [unit, unit_rates] : rates) {
    if (auto found = by_unit.find(unit); found != by_unit.end()) {
      found->second->consult_on_time = unit_rates.consult;
      found->second->coordinate_on_time = unit_rates.coordinate;
    }
  }
}

ClockRates total_rates(const std::map<std::string, ClockRates>& rates) {
  ClockRates total;
  for (const auto& [unit, unit_rates] : rates) {
    total.consult.numerator += unit_rates.consult.numerator;
    total.consult.denominator += unit_rates.consult.denominator;
    total.coordinate.numerator += unit_rates.coordinate.numerator;
    total.coordinate.denominator += unit_rates.coordinate.denominator;
  }
  return total;
}

bool counts_as_satisfied(std::string_view rating, const Config& config) {
  return rating == "satisfied" || (rating == "basic" && config.basic_counts_as_satisfied);
}

Rate satisfaction(const MonthTotals& totals, const Config& config) {
  return Rate{totals.satisfied + (config.basic_counts_as_satisfied ? totals.basic : 0),
              totals.satisfied + totals.basic + totals.dissatisfied};
}

}  // namespace ent110::report_sql
