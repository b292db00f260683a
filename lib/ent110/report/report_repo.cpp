// SPDX-License-Identifier: MIT
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

// Binds the window's [begin, end) as UTC text at parameters `first` and `first` + 1.
void bind_window(Statement& statement, const ReportWindow& window, int first = 1) {
  statement.bind(first, format_utc(window.begin));
  statement.bind(first + 1, format_utc(window.end));
}

// SQL condition on a referral event aliased `e`: no later `withdraw` event names it (a fact
// recorded late, or a calendar change, proved it wrong), so it stands.
constexpr std::string_view k_referral_stands =
    "NOT EXISTS (SELECT 1 FROM case_event w WHERE w.case_id = e.case_id AND w.action = "
    "'withdraw' AND w.detail = CAST(e.case_seq AS TEXT))";

}  // namespace

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

namespace {

std::vector<Tally> tallies(Statement& query) {
  std::vector<Tally> rows;
  while (query.step()) {
    rows.push_back(Tally{query.text(0), query.int64(1)});
  }
  return rows;
}

std::vector<PairTally> pair_tallies(Statement& query) {
  std::vector<PairTally> rows;
  while (query.step()) {
    rows.push_back(PairTally{query.text(0), query.text(1), query.int64(2)});
  }
  return rows;
}

std::optional<Instant> optional_instant(const Statement& row, int column) {
  return row.is_null(column) ? std::nullopt : std::optional(parse_utc(row.text(column)));
}

std::optional<LocalDate> optional_date(const Statement& row, int column) {
  return row.is_null(column) ? std::nullopt : std::optional(parse_date(row.text(column)));
}

}  // namespace

// The joins name case_type_unit (schema 004): without statistics SQLite would read each case's
// row through the primary key instead of the index that already holds its type and lead unit.
EventCounts event_counts(Store& store, const ReportWindow& window, std::string_view office_unit) {
  const std::string case_type_unit = dialect::indexed_by(store.engine(), "case_type_unit");
  EventCounts counts;

  Statement forwards(store,
                     "SELECT detail, count(*) FROM case_event "
                     "WHERE action IN ('forward', 'redo') AND at >= ? AND at < ? "
                     "GROUP BY detail");
  bind_window(forwards, window);
  counts.forwards = tallies(forwards);

  Statement rejects(store,
                    "SELECT detail, count(*) FROM case_event "
                    "WHERE action = 'reject' AND at >= ? AND at < ? GROUP BY detail");
  bind_window(rejects, window);
  counts.rejections = tallies(rejects);

  // Art. 6: a consult reply and the office's own reply are published at once; a coordinate
  // result is published when the office approves it, to the credit of the case's lead unit.
  Statement answers(store,
                    "SELECT CASE WHEN e.action = 'approve' THEN c.unit ELSE e.unit END, "
                    "count(*) FROM case_event e JOIN case_file c " +
                        case_type_unit +
                        " ON c.id = e.case_id "
                        "WHERE ((e.action = 'reply' AND (c.type = 'consult' OR e.unit = ?)) "
                        "OR e.action = 'approve') AND e.at >= ? AND e.at < ? GROUP BY 1");
  answers.bind(1, office_unit);
  bind_window(answers, window, 2);
  counts.answers = tallies(answers);

  // What the unit itself did: explanations (Art. 7) and disputes (Art. 2).
  Statement own(store,
                "SELECT action, unit, count(*) FROM case_event "
                "WHERE action IN ('explain', 'dispute') AND at >= ? AND at < ? "
                "GROUP BY action, unit");
  bind_window(own, window);
  counts.own_actions = pair_tallies(own);

  // A referral to inspection names the late unit in its detail (Art. 7).
  Statement referred(store,
                     "SELECT e.detail, count(*) FROM case_event e "
                     "WHERE e.action = 'escalate-inspection' AND e.at >= ? AND e.at < ? "
                     "AND " +
                         std::string(k_referral_stands) + " GROUP BY e.detail");
  bind_window(referred, window);
  counts.referrals = tallies(referred);

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
    counts.returned[reviews.text(0)] = Rate{reviews.int64(1), reviews.int64(2)};
  }

  // Art. 9: a rating is the lead unit's.
  Statement ratings(store, "SELECT c.unit, e.detail, count(*) FROM case_event e JOIN case_file c " +
                               case_type_unit +
                               " ON c.id = e.case_id "
                               "WHERE e.action = 'evaluate' AND e.at >= ? AND e.at < ? "
                               "GROUP BY c.unit, e.detail");
  bind_window(ratings, window);
  counts.ratings = pair_tallies(ratings);
  return counts;
}

std::vector<Tally> received_by_type(Store& store, date::year_month month) {
  Statement types(store,
                  "SELECT type, count(*) FROM case_file WHERE received_month = ? "
                  "GROUP BY type");
  types.bind(1, format_month(month));
  return tallies(types);
}

std::vector<Tally> received_by_channel(Store& store, date::year_month month) {
  Statement channels(store,
                     "SELECT channel, count(*) FROM case_file WHERE received_month = ? "
                     "GROUP BY channel");
  channels.bind(1, format_month(month));
  return tallies(channels);
}

std::int64_t major_received(Store& store, date::year_month month) {
  Statement major(store, "SELECT count(*) FROM case_file " +
                             dialect::indexed_by(store.engine(), "case_major") +
                             " WHERE received_month = ? AND major = 1");
  major.bind(1, format_month(month));
  major.step();
  return major.int64(0);
}

std::int64_t merged_received(Store& store, date::year_month month) {
  Statement merged(store,
                   "SELECT count(*) FROM case_file WHERE received_month = ? "
                   "AND merged_into IS NOT NULL");
  merged.bind(1, format_month(month));
  merged.step();
  return merged.int64(0);
}

std::int64_t cases_received(Store& store, date::year_month month) {
  Statement received(store, "SELECT count(*) FROM case_file WHERE received_month = ?");
  received.bind(1, format_month(month));
  received.step();
  return received.int64(0);
}

std::vector<Tally> ratings_by_rating(Store& store, const ReportWindow& window) {
  Statement ratings(store,
                    "SELECT detail, count(*) FROM case_event "
                    "WHERE action = 'evaluate' AND at >= ? AND at < ? GROUP BY detail");
  bind_window(ratings, window);
  return tallies(ratings);
}

std::vector<Tally> late_explanations_by_unit(Store& store, LocalDate first, LocalDate as_of) {
  // "outcome <> 'met'" restates the partial index's condition, which SQLite only matches
  // literally; without the index it would read every explain clock ever stopped.
  Statement query(store, "SELECT unit, count(*) FROM case_clock " +
                             dialect::indexed_by(store.engine(), "case_clock_late_by_stopped") +
                             " WHERE name = 'explain' AND stopped BETWEEN ? AND ? "
                             "AND outcome <> 'met' AND outcome = 'missed' GROUP BY unit");
  query.bind(1, format_date(first));
  query.bind(2, format_date(as_of));
  return tallies(query);
}

std::vector<OverdueClock> overdue_clocks(Store& store, LocalDate as_of) {
  // Two queries, each on its own partial index (schema 003, 005), named because without
  // statistics SQLite would rather scan every reply clock ever due through case_clock_by_due.
  Statement query(store,
                  "SELECT k.case_id, k.unit, k.name, k.due, c.title "
                  "FROM case_clock k " +
                      dialect::indexed_by(store.engine(), "case_clock_running_by_due") +
                      " JOIN case_file c ON c.id = k.case_id "
                      "WHERE k.outcome = 'running' AND k.name IN ('reply', 'resubmit') "
                      "AND k.due <= ?1 "
                      "UNION ALL "
                      "SELECT k.case_id, k.unit, k.name, k.due, c.title "
                      "FROM case_clock k " +
                      dialect::indexed_by(store.engine(), "case_clock_late_by_stopped") +
                      " JOIN case_file c ON c.id = k.case_id "
                      "WHERE k.name IN ('reply', 'resubmit') AND k.stopped > ?1 "
                      "AND k.outcome <> 'met' AND k.due <= ?1 "
                      "ORDER BY 4, 1");
  query.bind(1, format_date(as_of));
  std::vector<OverdueClock> clocks;
  while (query.step()) {
    clocks.push_back(OverdueClock{query.text(0), query.text(1), query.text(2),
                                  parse_date(query.text(3)), query.text(4)});
  }
  return clocks;
}

std::vector<StandingReferral> standing_referrals(Store& store, const ReportWindow& window) {
  Statement referred(store,
                     "SELECT e.detail, e.case_id, c.title, e.at FROM case_event e "
                     "JOIN case_file c ON c.id = e.case_id "
                     "WHERE e.action = 'escalate-inspection' AND e.at >= ? AND e.at < ? "
                     "AND " +
                         std::string(k_referral_stands) + " ORDER BY e.at, e.case_id");
  bind_window(referred, window);
  std::vector<StandingReferral> referrals;
  while (referred.step()) {
    referrals.push_back(StandingReferral{referred.text(1), referred.text(0), referred.text(2),
                                         parse_utc(referred.text(3))});
  }
  return referrals;
}

std::vector<MarkedReferral> marked_referrals(Store& store, const ReportWindow& window) {
  // One referral marks one clock; should two clocks share its instant, the first is taken, as
  // SQLite did by itself (PostgreSQL refuses a scalar subquery that returns two rows).
  Statement query(store,
                  "SELECT e.case_id, e.detail, e.at, c.title, "
                  "(SELECT k.due FROM case_clock k WHERE k.case_id = e.case_id "
                  " AND k.referred_at = e.at ORDER BY k.id LIMIT 1) "
                  "FROM case_event e JOIN case_file c ON c.id = e.case_id "
                  "WHERE e.action = 'escalate-inspection' AND e.at >= ? AND e.at < ? "
                  "AND " +
                      std::string(k_referral_stands) + " ORDER BY e.at, e.case_id");
  bind_window(query, window);
  std::vector<MarkedReferral> referrals;
  while (query.step()) {
    referrals.push_back(
        MarkedReferral{{query.text(0), query.text(1), query.text(3), parse_utc(query.text(2))},
                       optional_date(query, 4)});
  }
  return referrals;
}

std::vector<Withdrawal> withdrawals(Store& store, const ReportWindow& window) {
  Statement query(
      store,
      "SELECT w.case_id, r.detail, r.at, w.recorded_at, c.title, "
      "(SELECT k.stopped FROM case_clock k WHERE k.case_id = w.case_id AND k.name = 'reply' "
      " AND k.started_at <= r.at ORDER BY k.id DESC LIMIT 1) "
      "FROM case_event w JOIN case_event r ON r.case_id = w.case_id "
      "AND r.case_seq = CAST(w.detail AS INTEGER) JOIN case_file c ON c.id = w.case_id "
      "WHERE w.action = 'withdraw' AND w.at >= ? AND w.at < ? ORDER BY w.at, w.case_id");
  bind_window(query, window);
  std::vector<Withdrawal> withdrawn;
  while (query.step()) {
    withdrawn.push_back(Withdrawal{query.text(0), query.text(1), query.text(4),
                                   parse_utc(query.text(2)), optional_instant(query, 3),
                                   optional_date(query, 5)});
  }
  return withdrawn;
}

std::vector<PolicyScore> policy_scores(Store& store, int year) {
  Statement policy(store,
                   "SELECT unit, value FROM assessment_event "
                   "WHERE year = ? AND kind = 'policy' ORDER BY id");
  policy.bind(1, year);
  std::vector<PolicyScore> scores;
  while (policy.step()) {
    scores.push_back(PolicyScore{policy.text(0), policy.real(1)});
  }
  return scores;
}

std::vector<FindingTotal> findings_by_unit(Store& store, int year) {
  Statement findings(store,
                     "SELECT unit, count(*), sum(value) FROM assessment_event "
                     "WHERE year = ? AND kind = 'finding' GROUP BY unit");
  findings.bind(1, year);
  std::vector<FindingTotal> totals;
  while (findings.step()) {
    totals.push_back(FindingTotal{findings.text(0), findings.int64(1), findings.real(2)});
  }
  return totals;
}

std::vector<LateClock> late_clocks(Store& store, LocalDate first, LocalDate last, LocalDate as_of) {
  Statement late(store,
                 "SELECT k.unit, k.case_id, c.title, k.due, "
                 "CASE WHEN NOT EXISTS (SELECT 1 FROM case_event e "
                 " WHERE e.case_id = k.case_id AND e.unit = k.unit "
                 " AND e.action IN ('reply', 'explain', 'dispute') AND e.at >= k.started_at) "
                 "THEN 1 ELSE 0 END "
                 "FROM case_clock k JOIN case_file c ON c.id = k.case_id "
                 "WHERE k.name IN ('reply', 'resubmit') AND k.due BETWEEN ?1 AND ?2 "
                 "AND ((k.outcome = 'missed' AND k.stopped <= ?3) OR (k.outcome IN ('running', "
                 "'missed') AND (k.stopped IS NULL OR k.stopped > ?3) AND k.due <= ?3)) "
                 "ORDER BY k.due, k.case_id");
  late.bind(1, format_date(first));
  late.bind(2, format_date(last));
  late.bind(3, format_date(as_of));
  std::vector<LateClock> clocks;
  while (late.step()) {
    clocks.push_back(LateClock{late.text(0), late.text(1), late.text(2), parse_date(late.text(3)),
                               late.int64(4) != 0});
  }
  return clocks;
}

std::vector<OpenCase> open_cases(Store& store) {
  Statement query(
      store,
      "SELECT c.id, c.title, c.type, c.major, c.state, coalesce(c.unit, ''), "
      "coalesce(u.name, ''), c.received_at, "
      "(SELECT e.action FROM case_event e WHERE e.case_id = c.id "
      " AND e.action IN ('escalate-government', 'escalate-joint-meeting') "
      " ORDER BY e.case_seq DESC LIMIT 1) "
      "FROM case_file c LEFT JOIN unit u ON u.code = c.unit "
      "WHERE c.state IN ('received', 'forwarded', 'submitted', 'returned', 'explained', "
      "'escalated', 'disputed') AND c.merged_into IS NULL "
      "ORDER BY c.received_at, c.id");
  std::vector<OpenCase> cases;
  while (query.step()) {
    cases.push_back(OpenCase{query.text(0), query.text(1), query.text(2), query.int32(3) != 0,
                             query.text(4), query.text(5), query.text(6), parse_utc(query.text(7)),
                             query.optional_text(8)});
  }
  return cases;
}

std::vector<EventBrief> latest_events(Store& store, const std::string& id, int events) {
  Statement query(store,
                  "SELECT at, action, unit, text FROM case_event WHERE case_id = ? "
                  "ORDER BY case_seq DESC LIMIT ?");
  query.bind(1, id);
  query.bind(2, events);
  std::vector<EventBrief> latest;
  while (query.step()) {
    latest.push_back(
        EventBrief{parse_utc(query.text(0)), query.text(1), query.text(2), query.text(3)});
  }
  return latest;
}

// The statement ends with the function: one with a row left unread is still in progress and
// would keep the transaction's savepoints from being released.
std::int64_t insert_assessment_entry(Store& store, const AssessmentEntry& entry) {
  Statement insert(store,
                   "INSERT INTO assessment_event (kind, unit, year, date, value, note, actor, at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.bind(1, to_string(entry.kind));
  insert.bind(2, entry.unit);
  insert.bind(3, entry.year);
  insert.bind(4, entry.date ? std::optional(format_date(*entry.date)) : std::nullopt);
  insert.bind(5, entry.value);
  insert.bind(6, entry.note);
  insert.bind(7, entry.actor);
  insert.bind(8, format_utc(entry.at));
  return insert.scalar_int64();
}

std::vector<AssessmentEntry> assessment_entries(Store& store, int year) {
  Statement query(store,
                  "SELECT id, kind, unit, year, date, value, note, actor, at FROM assessment_event "
                  "WHERE year = ? ORDER BY id");
  query.bind(1, year);
  std::vector<AssessmentEntry> entries;
  while (query.step()) {
    AssessmentEntry entry;
    entry.id = query.int64(0);
    entry.kind = query.text(1) == "policy" ? AssessmentKind::policy : AssessmentKind::finding;
    entry.unit = query.text(2);
    entry.year = query.int32(3);
    if (!query.is_null(4)) {
      entry.date = try_parse_date(query.text(4));
    }
    entry.value = query.real(5);
    entry.note = query.text(6);
    entry.actor = query.text(7);
    entry.at = parse_utc(query.text(8));
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<CoverageSubjectRow> coverage_subjects(Store& store) {
  // Key projects are looked at until completed: a leader contacts a planned key project too.
  Statement query(store,
                  "SELECT 0, CAST(e.id AS TEXT), e.name, e.county, u.name, e.above_scale, "
                  "e.key_enterprise, CAST(NULL AS TEXT) "
                  "FROM enterprise e LEFT JOIN unit u ON u.code = e.county "
                  "WHERE e.above_scale = 1 OR e.key_enterprise = 1 "
                  "UNION ALL "
                  "SELECT 1, p.code, p.name, p.county, u.name, "
                  "CASE WHEN p.status = 'under-construction' THEN 1 ELSE 0 END, "
                  "CASE WHEN p.key_level IS NULL THEN 0 ELSE 1 END, p.key_level "
                  "FROM project p JOIN unit u ON u.code = p.county "
                  "WHERE p.status = 'under-construction' "
                  "OR (p.key_level IS NOT NULL AND p.status <> 'completed')");
  std::vector<CoverageSubjectRow> subjects;
  while (query.step()) {
    subjects.push_back(CoverageSubjectRow{
        query.int64(0) == 1, query.text(1), query.text(2), query.optional_text(3).value_or(""),
        query.optional_text(4).value_or(""), query.int64(5) == 1, query.int64(6) == 1,
        query.is_null(7) ? std::nullopt : parse_project_key(query.text(7))});
  }
  return subjects;
}

std::vector<ServingRow> serving_between(Store& store, LocalDate first, LocalDate last) {
  Statement query(store,
                  "SELECT a.officer, o.name, o.level, o.unit, CAST(a.enterprise AS TEXT), "
                  "a.project, a.from_date, a.until_date, o.retired_on "
                  "FROM assignment a JOIN officer o ON o.id = a.officer "
                  "WHERE a.from_date <= ?2 AND (a.until_date IS NULL OR a.until_date > ?1) "
                  "AND (o.retired_on IS NULL OR o.retired_on > ?1) ORDER BY a.officer, a.id");
  query.bind(1, format_date(first)).bind(2, format_date(last));
  std::vector<ServingRow> rows;
  while (query.step()) {
    ServingRow row;
    row.officer = query.int64(0);
    row.name = query.text(1);
    row.level = parse_officer_level(query.text(2)).value();
    row.unit = query.text(3);
    row.project = query.is_null(4);
    row.subject = row.project ? query.text(5) : query.text(4);
    row.from = parse_date(query.text(6));
    row.until = optional_date(query, 7);
    row.retired_on = optional_date(query, 8);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<OfficerRow> officers_on(Store& store, LocalDate day) {
  Statement query(store,
                  "SELECT o.id, o.name, o.level, o.unit, u.name, o.created_at "
                  "FROM officer o JOIN unit u ON u.code = o.unit "
                  "WHERE o.retired_on IS NULL OR o.retired_on > ? ORDER BY o.id");
  query.bind(1, format_date(day));
  std::vector<OfficerRow> officers;
  while (query.step()) {
    officers.push_back(OfficerRow{query.int64(0), query.text(1),
                                  parse_officer_level(query.text(2)).value(), query.text(3),
                                  query.text(4), parse_utc(query.text(5))});
  }
  return officers;
}

std::map<std::int64_t, std::int64_t> visits_by_officer(Store& store, Instant begin, Instant end) {
  Statement query(store,
                  "SELECT officer, count(*) FROM visit WHERE at >= ? AND at < ? GROUP BY officer");
  query.bind(1, format_utc(begin)).bind(2, format_utc(end));
  std::map<std::int64_t, std::int64_t> visits;
  while (query.step()) {
    visits[query.int64(0)] = query.int64(1);
  }
  return visits;
}

std::vector<ReceivedCase> received_before(Store& store, date::year_month month, Instant end) {
  Statement query(store,
                  "SELECT CAST(enterprise AS TEXT), project, received_at, state, rating "
                  "FROM case_file WHERE received_month = ? AND received_at < ?");
  query.bind(1, format_month(month)).bind(2, format_utc(end));
  std::vector<ReceivedCase> cases;
  while (query.step()) {
    cases.push_back(ReceivedCase{query.text(0), query.optional_text(1), parse_utc(query.text(2)),
                                 query.text(3), query.optional_text(4)});
  }
  return cases;
}

}  // namespace ent110::report_repo
