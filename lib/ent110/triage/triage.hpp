// SPDX-License-Identifier: MIT
// Daily triage (issue 5): what the office and each unit must do on a given local date, and the
// referral of late, unexplained units to the inspection office (督办, Art. 7).
#pragma once

#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/case_clock.hpp>
#include <ent110/cases/state.hpp>
#include <ent110/core/messages.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/officers.hpp>
#include <ent110/store/cursor.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class CaseService;
class Store;
struct RunningClocks;
struct ServedBy;
struct TriageRow;
class Zone;
struct Config;

/// One line of triage: a case and the clock (or rating wait) that puts it in its section.
struct TriageLine {
  std::string case_id;
  std::string enterprise;  ///< the enterprise's name
  std::string unit;        ///< the case's lead unit; empty before forwarding
  State state = State::received;
  CaseType type = CaseType::consult;
  bool major = false;
  std::string title;
  /// The clock; nullopt for an unrated answer (no clock counts the rating) and for a case
  /// waiting for a decision with no paused clock.
  std::optional<Clock> clock;
  /// The clock's due date; for an unrated answer the last day of the allowance
  /// (answer date + `unrated_after_days` working days).
  std::optional<LocalDate> due;
  /// Working days from today to `due` (0 when due today, working_days_between(today, due));
  /// negative when late (minus working_days_between(due, today)); nullopt without `due`.
  std::optional<int> working_days_left;
  bool overdue = false;               ///< `due` lies before today
  std::optional<LocalDate> answered;  ///< for an unrated answer: the local date it was published
};

/// The office's sections (spec/rules.md "Who acts": the office forwards, reviews, escalates).
struct OfficeTriage {
  /// Forward clocks due today or overdue (Art. 7: forwarded within 1 working day).
  std::vector<TriageLine> to_forward;
  /// Running government clocks: major cases not yet reported to the government (Art. 8).
  std::vector<TriageLine> government_report;
  /// Running review clocks: submitted results the office has not reviewed (Art. 6).
  std::vector<TriageLine> awaiting_review;
  /// Cases explained or escalated: the office's or the government's decision is owed (Art. 7).
  std::vector<TriageLine> awaiting_decision;
  /// Disputed cases: the joint meeting decides who is responsible (Art. 2).
  std::vector<TriageLine> disputes;
  /// Answered cases with no rating after more than `unrated_after_days` and at most
  /// `unrated_within_days` working days (Art. 9).
  std::vector<TriageLine> unrated;

  /// Whether every section is empty.
  bool empty() const;
};

/// One unit's sections; only the unit's own clocks (reply, explain, resubmit) appear here.
struct UnitTriage {
  std::string unit;  ///< the unit's code
  std::string name;  ///< the unit's name
  /// Reply, explain and resubmit clocks due today.
  std::vector<TriageLine> due_today;
  /// Reply, explain and resubmit clocks due after today up to the next working day.
  std::vector<TriageLine> due_next_working_day;
  /// Explained cases whose paused reply clock is past its due date: no referral (Art. 7).
  std::vector<TriageLine> overdue_explained;
  /// Running reply clocks past their due date: late without explanation, the inspection
  /// referrals (Art. 7 last paragraph); `clock->referred_at` says whether already referred.
  std::vector<TriageLine> overdue_unexplained;
  /// Running resubmit clocks past their due date (Art. 6; the limit is configuration).
  std::vector<TriageLine> resubmit_overdue;
  /// Co-unit contributions (协办) not given by their due date (Art. 6).
  std::vector<TriageLine> assist_overdue;

  /// Whether every section is empty.
  bool empty() const;
};

/// The triage of one local date.
struct Triage {
  LocalDate today;
  DayKind day_kind = DayKind::workday;  ///< how `today` counts
  LocalDate next_working_day;           ///< the first working day after today
  /// Today or the next working day lies in a year whose official schedule is not loaded, so
  /// the day's kind and the working days counted to it rest on the weekend rule.
  bool provisional = false;
  std::optional<std::string> unit;  ///< the unit it was narrowed to, if any
  /// The officer it was narrowed to, if any: only the cases of the enterprises and projects the
  /// officer serves on `today` (点对点服务, Art. 3).
  std::optional<Officer> officer;
  bool office_included = true;  ///< false when narrowed to a member unit
  int unrated_after_days = 0;   ///< the allowance in force (config)
  int unrated_within_days = 0;  ///< how long unrated answers are followed up (config)
  OfficeTriage office;
  std::vector<UnitTriage> units;  ///< units with something listed (the narrowed unit always)
  /// After apply_triage: the referrals it recorded, in order; empty otherwise.
  std::vector<TriageLine> referred;

  /// Overdue reply clocks not yet referred to inspection: what apply_triage would refer.
  std::vector<TriageLine> pending_referrals() const;
  /// Whether anything is overdue: a running clock of the office or of a unit past its due
  /// date, or an explained case past its reply due date (what `--exit-code` reports).
  bool anything_overdue() const;
};

/// What to triage: the local date `today`, for every unit or narrowed to `unit` (the office's
/// code narrows to the office's sections, a member unit's to its own); with `officer` (an
/// officer's id) every section keeps only the cases of the enterprises and projects that officer
/// serves on `today`; with `limit`, each section lists only its first `limit` lines.
struct TriageQuery {
  LocalDate today;
  std::optional<std::string> unit;
  std::optional<std::string> officer;
  std::optional<std::int64_t> limit;
};

/// A section of triage: the office's six, then each unit's six.
enum class TriageSection {
  to_forward,
  government_report,
  awaiting_review,
  awaiting_decision,
  disputes,
  unrated,
  due_today,
  due_next_working_day,
  overdue_explained,
  overdue_unexplained,
  resubmit_overdue,
  assist_overdue,
};

/// Receives the lines of a section one at a time.
using TriageLineSink = std::function<void(TriageLine&&)>;

/// A triage read section by section in one read or transaction, in any order its reader asks
/// for, each section by its own query: a renderer writes each line as it comes, so that memory
/// stays flat however many lines there are. Made by read_triage and apply_triage.
class TriageSource {
 public:
  TriageSource(Store& store,
               const WorkingCalendar& calendar,
               const Config& config,
               Triage header,
               std::optional<std::int64_t> limit);

  /// The triage's day, narrowing and settings, with every section empty (and `referred`
  /// filled after apply_triage).
  const Triage& header() const { return m_header; }
  /// The units with something listed (the narrowed unit always), by code, each with its code and
  /// name and no lines; none when narrowed to the office.
  std::vector<UnitTriage> units();
  /// Gives `sink` the lines of the office's `section`, or of unit `unit`'s, in order (due date,
  /// then case id), at most the query's limit. Nothing for the office's sections when narrowed
  /// to a member unit.
  void lines(TriageSection section, const TriageLineSink& sink, const std::string& unit = {});
  /// Gives `sink` the pending referrals (Triage::pending_referrals), at most the query's limit.
  void pending_referrals(const TriageLineSink& sink);
  /// How many referrals are pending, whatever the limit.
  std::int64_t pending_referral_count();
  /// As Triage::anything_overdue, whatever the limit.
  bool anything_overdue();

 private:
  bool units_included() const;
  std::optional<ServedBy> served() const;
  RunningClocks pending_query() const;
  void office_clocks(std::vector<ClockName> names,
                     std::optional<LocalDate> due_to,
                     const TriageLineSink& sink);
  void unit_clocks(const std::string& unit,
                   std::vector<ClockName> names,
                   std::optional<LocalDate> due_from,
                   std::optional<LocalDate> due_to,
                   const TriageLineSink& sink);
  void decisions(std::vector<State> states, const TriageLineSink& sink);
  void overdue_explained(const std::string& unit, const TriageLineSink& sink);
  void unrated(const TriageLineSink& sink);
  void send(Cursor<TriageRow> rows, const TriageLineSink& sink) const;
  TriageLine line_from(TriageRow&& row) const;

  Store& m_store;
  const WorkingCalendar& m_calendar;
  const Config& m_config;
  Triage m_header;
  std::optional<std::int64_t> m_limit;
  std::optional<std::string> m_member;     ///< the member unit narrowed to, if any
  bool m_knows_overdue_explained = false;  ///< units() has filled the set below
  std::set<std::string> m_units_with_overdue_explained;
};

/// Reads the triage `query` asks for and hands `render` its source, inside one read. Throws
/// NotFound for an unknown unit or officer, UsageError for an officer that is not an id.
void read_triage(Store& store,
                 const WorkingCalendar& calendar,
                 const Config& config,
                 const TriageQuery& query,
                 const std::function<void(TriageSource&)>& render);

/// The whole triage of `query` in memory (what read_triage hands out, every section filled).
Triage compute_triage(Store& store,
                      const WorkingCalendar& calendar,
                      const Config& config,
                      const TriageQuery& query);

/// The triage on local date `today`, for every unit or narrowed to `unit`, in memory. Reads only
/// the running-clock and case-state indexes. Throws as read_triage.
Triage compute_triage(Store& store,
                      const WorkingCalendar& calendar,
                      const Config& config,
                      LocalDate today,
                      const std::optional<std::string>& unit,
                      const std::optional<std::string>& officer = std::nullopt);

/// `triage --apply` at `now` (its local date in `zone` is "today"): in one transaction, refers
/// every pending referral through `cases.escalate(…, inspection, …)` as `login`, with no note:
/// the event stores the late unit, never a sentence, so it reads in each reader's language
/// (issue 10). Each reply clock is referred once: a clock referred before is skipped. Then, in
/// the same transaction, hands `render` the triage as it stands afterwards, its header's
/// `referred` filled, each section cut to `limit` lines. Throws Refused when `login` may not act
/// for the office.
void apply_triage(Store& store,
                  CaseService& cases,
                  const WorkingCalendar& calendar,
                  const Config& config,
                  const Zone& zone,
                  Instant now,
                  const std::optional<std::string>& unit,
                  std::optional<std::int64_t> limit,
                  std::string_view login,
                  const std::function<void(TriageSource&)>& render);

/// apply_triage, returning the whole triage afterwards in memory, `referred` filled.
Triage apply_triage(Store& store,
                    CaseService& cases,
                    const WorkingCalendar& calendar,
                    const Config& config,
                    const Zone& zone,
                    Instant now,
                    const std::optional<std::string>& unit,
                    std::string_view login);

/// The unit triage narrows to by default for `login`: a unit user's own unit; nullopt for
/// office users, viewers, unknown logins and when no user is registered.
std::optional<std::string> default_triage_unit(Store& store, std::string_view login);

}  // namespace ent110
