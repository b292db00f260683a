// SPDX-License-Identifier: MIT
#include <ent110/registry/registry.hpp>
#include <ent110/report/report_repo.hpp>
#include <ent110/store/dialect.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <fmt/format.h>

namespace ent110::report_repo {
namespace {

// The one definition of "on time" and "decided" for a clock due in a period, as it stood at the
// end of day as_of (?4; see clock_rate). Each counts the rows a CASE marks: PostgreSQL sums no
// boolean.
constexpr std::string_view k_on_time =
    "count(CASE WHEN k.outcome = 'met' AND k.stopped <= ?4 THEN 1 END)";
constexpr std::string_view k_decided =
    "count(CASE WHEN (k.outcome = 'met' AND k.stopped <= ?4) "
    "OR (k.outcome = 'missed' AND k.stopped <= ?4) "
    "OR (k.outcome IN ('running', 'met', 'missed') AND (k.stopped IS NULL OR k.stopped > ?4) "
    "AND k.due <= ?4) THEN 1 END)";
// The same two counts when every clock counted fell due by as_of (a month that is over): a met
// clock stopped by its due date, so by as_of; a running or missed one was open at the end of its
// due date, so it is decided and late. Reading no stopped date makes them three times cheaper.
constexpr std::string_view k_on_time_all_due = "count(CASE WHEN k.outcome = 'met' THEN 1 END)";
constexpr std::string_view k_decided_all_due =
    "count(CASE WHEN k.outcome IN ('running', 'met', 'missed') THEN 1 END)";

std::string rate_sums(LocalDate last, LocalDate as_of) {
  return last <= as_of ? fmt::format("{}, {}", k_on_time_all_due, k_decided_all_due)
                       : fmt::format("{}, {}", k_on_time, k_decided);
}

// Binds the clocks `name` due from `first` to `last` at ?1 to ?3, and as_of at ?4 when
// rate_sums reads it.
void bind_clocks(
    Statement& query, std::string_view name, LocalDate first, LocalDate last, LocalDate as_of) {
  query.bind(1, name).bind(2, format_date(first)).bind(3, format_date(last));
  if (last > as_of) {
    query.bind(4, format_date(as_of));
  }
}

}  // namespace

void bind_window(Statement& statement, const ReportWindow& window, int first) {
  statement.bind(first, format_utc(window.begin));
  statement.bind(first + 1, format_utc(window.end));
}

Rate clock_rate(
    Store& store, std::string_view name, LocalDate first, LocalDate last, LocalDate as_of) {
  Statement query(store, "SELECT " + rate_sums(last, as_of) +
                             " FROM case_clock k WHERE k.name = ?1 AND k.due BETWEEN ?2 AND ?3");
  bind_clocks(query, name, first, last, as_of);
  query.step();
  return Rate{query.int64(0), query.int64(1)};
}

std::map<std::string, Rate> clock_rates_by_unit(
    Store& store, std::string_view name, LocalDate first, LocalDate last, LocalDate as_of) {
  Statement query(store, "SELECT k.unit, " + rate_sums(last, as_of) +
                             " FROM case_clock k WHERE k.name = ?1 "
                             "AND k.due BETWEEN ?2 AND ?3 GROUP BY k.unit");
  bind_clocks(query, name, first, last, as_of);
  std::map<std::string, Rate> rates;
  while (query.step()) {
    rates[query.text(0)] = Rate{query.int64(1), query.int64(2)};
  }
  return rates;
}

std::map<std::string, ClockRates> reply_rates_by_type(Store& store,
                                                      LocalDate first,
                                                      LocalDate last,
                                                      LocalDate as_of) {
  Statement query(store, "SELECT k.unit, c.type, " + rate_sums(last, as_of) +
                             " FROM case_clock k JOIN case_file c " +
                             dialect::indexed_by(store.engine(), "case_type_unit") +
                             " ON c.id = k.case_id "
                             "WHERE k.name = ?1 AND k.due BETWEEN ?2 AND ?3 "
                             "GROUP BY k.unit, c.type");
  bind_clocks(query, "reply", first, last, as_of);
  std::map<std::string, ClockRates> rates;
  while (query.step()) {
    ClockRates& unit = rates[query.text(0)];
    (query.text(1) == "consult" ? unit.consult : unit.coordinate) =
        Rate{query.int64(2), query.int64(3)};
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
  const std::string case_type_unit = dialect::indexed_by(store.engine(), "case_type_unit");

  // Forwards and redos name the lead unit first in their detail ("FGW with JXW,ZRZY"), cut here
  // rather than in SQL, where the two engines name the search for a space differently.
  Statement forwards(store,
                     "SELECT detail, count(*) FROM case_event "
                     "WHERE action IN ('forward', 'redo') AND at >= ? AND at < ? "
                     "GROUP BY detail");
  bind_window(forwards, window);
  while (forwards.step()) {
    const std::string detail = forwards.text(0);
    const std::int64_t n = forwards.int64(1);
    totals.forwarded += n;
    if (auto found = by_unit.find(detail.substr(0, detail.find(' '))); found != by_unit.end()) {
      found->second->forwarded += n;
    }
  }

  Statement rejects(store,
                    "SELECT detail, count(*) FROM case_event "
                    "WHERE action = 'reject' AND at >= ? AND at < ? GROUP BY detail");
  bind_window(rejects, window);
  while (rejects.step()) {
    const std::string reason = rejects.text(0);
    (reason == "unlawful" ? totals.rejected_unlawful : totals.rejected_unclear) += rejects.int64(1);
  }

  // Art. 6: a consult reply and the office's own reply are published at once; a coordinate
  // result is published when the office approves it, to the credit of the case's lead unit.
  Statement answers(store,
                    "SELECT CASE WHEN e.action = 'approve' THEN c.unit ELSE e.unit END, "
                    "count(*) FROM case_event e JOIN case_file c " +
                        case_type_unit +
                        " ON c.id = e.case_id "
                        "WHERE ((e.action = 'reply' AND (c.type = 'consult' OR e.unit = ?)) "
                        "OR e.action = 'approve') AND e.at >= ? AND e.at < ? GROUP BY 1");
  answers.bind(1, config.office_unit);
  bind_window(answers, window, 2);
  while (answers.step()) {
    totals.answered += answers.int64(1);
    if (auto found = by_unit.find(answers.text(0)); found != by_unit.end()) {
      found->second->answered += answers.int64(1);
    }
  }

  // What the unit itself did: explanations (Art. 7) and disputes (Art. 2).
  Statement own(store,
                "SELECT action, unit, count(*) FROM case_event "
                "WHERE action IN ('explain', 'dispute') AND at >= ? AND at < ? "
                "GROUP BY action, unit");
  bind_window(own, window);
  while (own.step()) {
    const bool explain = own.text(0) == "explain";
    const std::int64_t n = own.int64(2);
    if (explain) {
      totals.explained += n;
    }
    if (auto found = by_unit.find(own.text(1)); found != by_unit.end()) {
      (explain ? found->second->explained : found->second->disputed) += n;
    }
  }

  // A referral to inspection names the late unit in its detail (Art. 7).
  Statement referred(store,
                     "SELECT e.detail, count(*) FROM case_event e "
                     "WHERE e.action = 'escalate-inspection' AND e.at >= ? AND e.at < ? "
                     "AND " +
                         std::string(k_referral_stands) + " GROUP BY e.detail");
  bind_window(referred, window);
  while (referred.step()) {
    if (auto found = by_unit.find(referred.text(0)); found != by_unit.end()) {
      found->second->referred += referred.int64(1);
    }
  }

  // The office's reviews of each unit's results: returned of all reviewed (≈ 重办率).
  Statement reviews(store,
                    "SELECT c.unit, count(CASE WHEN e.action = 'return' THEN 1 END), count(*) "
                    "FROM case_event e JOIN case_file c " +
                        case_type_unit +
                        " ON c.id = e.case_id "
                        "WHERE e.action IN ('approve', 'return') AND e.at >= ? AND e.at < ? "
                        "GROUP BY c.unit");
  bind_window(reviews, window);
  while (reviews.step()) {
    if (auto found = by_unit.find(reviews.text(0)); found != by_unit.end()) {
      found->second->returned = Rate{reviews.int64(1), reviews.int64(2)};
    }
  }

  // Art. 9: a rating is the lead unit's.
  Statement ratings(store, "SELECT c.unit, e.detail, count(*) FROM case_event e JOIN case_file c " +
                               case_type_unit +
                               " ON c.id = e.case_id "
                               "WHERE e.action = 'evaluate' AND e.at >= ? AND e.at < ? "
                               "GROUP BY c.unit, e.detail");
  bind_window(ratings, window);
  while (ratings.step()) {
    const std::string rating = ratings.text(1);
    const std::int64_t n = ratings.int64(2);
    if (auto found = by_unit.find(ratings.text(0)); found != by_unit.end()) {
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

}  // namespace ent110::report_repo
