// SPDX-License-Identifier: MIT
// The SQL of the reports and the assessment inputs: every statement of lib/ent110/report, each
// returning plain figures or rows. Every function runs in the caller's transaction or read.
#pragma once

#include <ent110/core/time.hpp>
#include <ent110/registry/officers.hpp>
#include <ent110/registry/projects.hpp>
#include <ent110/report/assessment.hpp>
#include <ent110/report/monthly.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {
class Store;
}  // namespace ent110

namespace ent110::report_repo {

/// A count of the rows sharing one key.
struct Tally {
  std::string key;
  std::int64_t count = 0;
};

/// A count of the rows sharing two keys.
struct PairTally {
  std::string first;
  std::string second;
  std::int64_t count = 0;
};

/// Reply on-time rates of one unit, split by the case's type.
struct ClockRates {
  Rate consult;
  Rate coordinate;
};

/// The on-time rate of clocks `name` due from `first` to `last` (inclusive) as they stood at the
/// end of day `as_of`: on time when met by then; late when missed by then or still running at
/// the end of its due date; not counted when not yet due, or paused or cancelled (an explanation
/// or a dispute stopped it, or the case left the unit), whenever that happened.
Rate clock_rate(
    Store& store, std::string_view name, LocalDate first, LocalDate last, LocalDate as_of);

/// clock_rate of the clocks `name`, per owing unit.
std::map<std::string, Rate> clock_rates_by_unit(
    Store& store, std::string_view name, LocalDate first, LocalDate last, LocalDate as_of);

/// clock_rate of the reply clocks, per owing unit and case type.
std::map<std::string, ClockRates> reply_rates_by_type(Store& store,
                                                      LocalDate first,
                                                      LocalDate last,
                                                      LocalDate as_of);

/// What the window's events say, one GROUP BY per action.
struct EventCounts {
  /// Forwards and redos by their detail, which names the lead unit first ("FGW with JXW,ZRZY").
  std::vector<Tally> forwards;
  std::vector<Tally> rejections;  ///< by reason ("unlawful", "unclear")
  std::vector<Tally> answers;     ///< answers published (Art. 6), by the unit credited
  /// Explanations (Art. 7) and disputes (Art. 2), by action ("explain", "dispute") and unit.
  std::vector<PairTally> own_actions;
  std::vector<Tally> referrals;          ///< referrals to inspection that stand, by late unit
  std::map<std::string, Rate> returned;  ///< returned of all reviewed, by the case's lead unit
  std::vector<PairTally> ratings;        ///< by the case's lead unit and rating
};

/// The events of `window`, with answers published by `office_unit` (its own replies) counted
/// whatever the case's type.
EventCounts event_counts(Store& store, const ReportWindow& window, std::string_view office_unit);

/// The cases received in `month` by type ("consult", "coordinate").
std::vector<Tally> received_by_type(Store& store, date::year_month month);

/// The cases received in `month` by channel ("web", "hotline", "visit", or another).
std::vector<Tally> received_by_channel(Store& store, date::year_month month);

/// The cases received in `month` flagged major (Art. 8).
std::int64_t major_received(Store& store, date::year_month month);

/// The cases received in `month`.
std::int64_t cases_received(Store& store, date::year_month month);
/// The cases received in `month` that are merged into another (并单) now.
std::int64_t merged_received(Store& store, date::year_month month);

/// The ratings recorded in `window` by rating ("satisfied", "basic", "dissatisfied").
std::vector<Tally> ratings_by_rating(Store& store, const ReportWindow& window);

/// Late explanations by the explaining unit (Art. 7): the explain clocks stopped as missed from
/// `first` to `as_of` (inclusive), that is the explanations filed in that time after the explain
/// clock's due date.
std::vector<Tally> late_explanations_by_unit(Store& store, LocalDate first, LocalDate as_of);

/// A unit's reply or resubmit clock open past its due date.
struct OverdueClock {
  std::string case_id;
  std::string unit;
  std::string clock;  ///< "reply" or "resubmit"
  LocalDate due;
  std::string title;  ///< the case's
};

/// The reply and resubmit clocks open at the end of `as_of` and due by then, by due date and case:
/// still running, or stopped only later (a past month's end), which a clock met by its due date
/// never is.
std::vector<OverdueClock> overdue_clocks(Store& store, LocalDate as_of);

/// A referral to inspection that stands: no later `withdraw` event names it (a fact recorded
/// late, or a calendar change, proved it wrong).
struct StandingReferral {
  std::string case_id;
  std::string unit;  ///< the late unit its detail names
  std::string title;
  Instant at;
};

/// The referrals to inspection in `window` that stand, by time and case.
std::vector<StandingReferral> standing_referrals(Store& store, const ReportWindow& window);

/// A standing referral with the clock it marks.
struct MarkedReferral : StandingReferral {
  std::optional<LocalDate> clock_due;  ///< the marked clock's due date; none if none is marked
};

/// standing_referrals with the due date of the clock each marks.
std::vector<MarkedReferral> marked_referrals(Store& store, const ReportWindow& window);

/// A referral to inspection withdrawn.
struct Withdrawal {
  std::string case_id;
  std::string unit;  ///< the late unit the referral named
  std::string title;
  Instant referred_at;
  std::optional<Instant> recorded_at;  ///< when the withdrawal was recorded
  /// When the reply clock that was running at the referral stopped, if it has.
  std::optional<LocalDate> reply_stopped;
};

/// The referrals withdrawn in `window`, by the withdrawal's time and case.
std::vector<Withdrawal> withdrawals(Store& store, const ReportWindow& window);

/// A policy score recorded for a unit (Art. 12).
struct PolicyScore {
  std::string unit;
  double value = 0;
};

/// The policy scores recorded for `year`, in the order recorded, so the last of a unit is its
/// latest.
std::vector<PolicyScore> policy_scores(Store& store, int year);

/// A unit's supervision findings of a year (Art. 11).
struct FindingTotal {
  std::string unit;
  std::int64_t findings = 0;
  double points = 0;  ///< the points they deduct
};

/// The findings recorded for `year`, per unit.
std::vector<FindingTotal> findings_by_unit(Store& store, int year);

/// A reply or resubmit clock late as in the on-time rate (clock_rate).
struct LateClock {
  std::string unit;
  std::string case_id;
  std::string title;
  LocalDate due;
  /// The unit filed no reply, explanation or dispute on the case after the clock started.
  bool unhandled = false;
};

/// The reply and resubmit clocks due from `first` to `last` (inclusive) that were late as they
/// stood at the end of `as_of`, by due date and case.
std::vector<LateClock> late_clocks(Store& store, LocalDate first, LocalDate last, LocalDate as_of);

/// A case on the agenda's candidate list, as it stands.
struct OpenCase {
  std::string id;
  std::string title;
  std::string type;
  bool major = false;
  std::string state;
  std::string unit;       ///< the lead unit, or empty
  std::string unit_name;  ///< or empty
  Instant received_at;
  /// Where it was last escalated ("escalate-government", "escalate-joint-meeting"), if ever.
  std::optional<std::string> escalation;
};

/// The cases in an open state (received … disputed), by receipt and id, found through the state
/// index; the latest escalation names where an escalated case went.
std::vector<OpenCase> open_cases(Store& store);

/// One event of a case, in brief.
struct EventBrief {
  Instant at;
  std::string action;
  std::string unit;  ///< the acting unit
  std::string text;
};

/// The latest `events` events of case `id`, newest first.
std::vector<EventBrief> latest_events(Store& store, const std::string& id, int events);

/// An enterprise or project the coverage report (Art. 3) looks at.
struct CoverageSubjectRow {
  bool project = false;
  std::string key;  ///< the enterprise's id, or the project's code
  std::string name;
  std::string county;  ///< unit code, empty when the enterprise has none
  std::string county_name;
  bool counted = false;      ///< an above-scale enterprise, or a project under construction
  bool key_subject = false;  ///< a key enterprise, or a project with a key level
  std::optional<ProjectKey> key_level;  ///< a key project's level
};

/// The above-scale and key enterprises and the projects not completed, each once.
std::vector<CoverageSubjectRow> coverage_subjects(Store& store);

/// An assignment with its officer, for deciding who served whom on which day.
struct ServingRow {
  std::int64_t officer = 0;
  std::string name;
  OfficerLevel level = OfficerLevel::department_leader;
  std::string unit;
  bool project = false;
  std::string subject;  ///< the enterprise's id, or the project's code
  LocalDate from;
  std::optional<LocalDate> until;       ///< the first day no longer serving
  std::optional<LocalDate> retired_on;  ///< the officer's first day retired
};

/// The assignments by which some officer served on some day from `first` to `last` (inclusive),
/// by officer and assignment.
std::vector<ServingRow> serving_between(Store& store, LocalDate first, LocalDate last);

/// An officer not retired on a day.
struct OfficerRow {
  std::int64_t id = 0;
  std::string name;
  OfficerLevel level = OfficerLevel::department_leader;
  std::string unit;
  std::string unit_name;
  Instant created_at;
};

/// The officers not retired on `day` (some may have been added after it), by id.
std::vector<OfficerRow> officers_on(Store& store, LocalDate day);

/// The visits from `begin` (inclusive) to `end` (exclusive), counted per officer id.
std::map<std::int64_t, std::int64_t> visits_by_officer(Store& store, Instant begin, Instant end);

/// A case received in a period, as the coverage report compares them.
struct ReceivedCase {
  std::string enterprise;  ///< its id
  std::optional<std::string> project;
  Instant received_at;
  std::string state;
  std::optional<std::string> rating;
};

/// The cases received in `month` before `end`.
std::vector<ReceivedCase> received_before(Store& store, date::year_month month, Instant end);

/// Inserts `entry` (its id is ignored) and returns the new row's id.
std::int64_t insert_assessment_entry(Store& store, const AssessmentEntry& entry);

/// Every assessment input recorded for `year`, in the order recorded.
std::vector<AssessmentEntry> assessment_entries(Store& store, int year);

}  // namespace ent110::report_repo
