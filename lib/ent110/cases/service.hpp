// SPDX-License-Identifier: MIT
// CaseService: one function per command verb. Each writing function runs in exactly one
// Store::write (BEGIN IMMEDIATE); a refusal throws before anything is written.
#pragma once

#include <ent110/calendar/deadlines.hpp>
#include <ent110/cases/case.hpp>
#include <ent110/cases/case_clock.hpp>
#include <ent110/cases/replay.hpp>
#include <ent110/cases/state.hpp>
#include <ent110/cases/transitions.hpp>
#include <ent110/core/messages.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/officers.hpp>
#include <ent110/registry/projects.hpp>

#include <date/date.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class SourceIds;
class Store;
class WorkingCalendar;
class Zone;
struct Config;

/// `intake`: a new case.
struct IntakeRequest {
  std::string enterprise;  ///< id, credit code or exact name
  CaseType type = CaseType::consult;
  bool major = false;  ///< 特殊、重大或紧急 (Art. 8): also starts the government clock
  Channel channel = Channel::web;
  std::string title;
  std::string body;
  /// The project under construction the case is about (项目统一代码), if any.
  std::optional<std::string> project;
  /// The id the sending system gave the case (the website's, the hotline's), unique per channel.
  std::optional<std::string> source_id;
  bool confidential = false;  ///< 商业秘密: never published
};

/// One case of a bulk intake file (`intake --from`).
struct IntakeRecord {
  std::string where;  ///< "file:line", for messages
  IntakeRequest request;
  std::optional<Instant> received_at;  ///< the record's own time of receipt, else `--at`
  /// The id the case has in the ent110 database it was exported from: kept, so that a case
  /// moved between databases keeps its number; nullopt to number it here.
  std::optional<std::string> id;
};

/// The records of a bulk intake, read one at a time so that a file of any length is taken in
/// in the same memory.
class IntakeRecords {
 public:
  virtual ~IntakeRecords() = default;
  /// The next record, or nullopt after the last. Throws BadInput naming file:line for a bad one.
  virtual std::optional<IntakeRecord> next() = 0;
  /// How much of the input has been read, from 0 to 1.
  virtual double fraction_read() const = 0;
};

/// What bulk intake does with a record nearly the same as an open case (并单).
enum class OnDuplicate {
  warn,   ///< take it in and say which case it likely duplicates
  skip,   ///< do not take it in; count it
  merge,  ///< take it in and merge it into the case it likely duplicates
};
/// "warn", "skip" or "merge".
std::string_view to_string(OnDuplicate policy);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<OnDuplicate> parse_on_duplicate(std::string_view text);
/// Every OnDuplicate spelling.
std::vector<std::string> on_duplicate_names();

/// The reason recorded on a merge made by bulk intake (`--on-duplicate merge`).
inline constexpr std::string_view k_merge_on_intake_reason = "duplicate found on intake";

/// What a bulk intake did, or with `dry_run` would have done (then nothing is stored).
struct BatchIntake {
  std::vector<Case> cases;  ///< the cases as taken in, without events
  /// The cases of records already taken in with the same content (by id or by channel and
  /// source id): an import repeated, or retried after an interruption, adds nothing for them.
  std::vector<std::string> already_present;
  /// The likely primary of each case taken in that was flagged (case id → primary id).
  std::map<std::string, std::string> likely_duplicate_of;
  int skipped_duplicates = 0;  ///< records not taken in as likely duplicates (OnDuplicate::skip)
  std::vector<Clock> provisional;  ///< clocks started with a provisional due date
  std::vector<Message> warnings;   ///< what the caller should tell (see ActionResult)
  bool dry_run = false;
};

/// `forward`: assign a case to a lead unit, with co-units.
struct ForwardRequest {
  std::string to_unit;
  std::vector<std::string> with_units;
  std::optional<int> within_days;  ///< the escalation decision's limit in working days
  std::optional<LocalDate> due;    ///< the escalation decision's fixed due date
  std::string note;
  bool redo = false;  ///< handle again after a dissatisfied rating (重办, Art. 9)
};

/// Where `escalate --to` takes a case.
enum class EscalationTarget {
  government,     ///< 市政府 (Art. 7, 8)
  joint_meeting,  ///< 联席会议 (Art. 2, 7)
  inspection,     ///< 市政府督查室: a late unit without explanation (督办, Art. 7)
};

/// "government", "joint-meeting" or "inspection".
std::string_view to_string(EscalationTarget target);
/// Parses a spelling of to_string; nullopt for anything else.
std::optional<EscalationTarget> parse_escalation_target(std::string_view text);
/// Every escalation target spelling.
std::vector<std::string> escalation_target_names();

/// `correct`: an earlier event corrected in the open.
struct CorrectionRequest {
  Correction correction;
  std::string reason;
};

/// A case after an action, and the clocks the action started whose due date is provisional
/// (past the loaded official schedule) so that the caller can warn.
struct ActionResult {
  Case kase;
  std::vector<Clock> provisional;
  /// What was done but deserves a second look, e.g. a case linked to a project that another
  /// enterprise invests in.
  std::vector<Message> warnings;
  /// The open case of the same enterprise that a new case nearly repeats (intake only).
  std::optional<std::string> likely_duplicate_of;
};

/// Whom an officer of a case serves: the case's enterprise or its project.
enum class Serves { enterprise, project };
/// "enterprise" or "project".
std::string_view to_string(Serves serves);

/// An officer serving a case's enterprise or project (首席服务员, Art. 3).
struct CaseOfficer {
  Officer officer;
  Serves serves = Serves::enterprise;
};

/// A case as `show` presents it: with the officers serving its enterprise and its project.
struct CaseDetail {
  Case kase;
  std::optional<Project> project;  ///< the project the case is about, if any
  /// The officers serving the enterprise, then those serving the project (officers_serving's
  /// order within each); an officer serving both is listed for each.
  std::vector<CaseOfficer> officers;
};

/// Filters of `list`, combined with AND; each is served by an index.
struct CaseQuery {
  std::optional<State> state;
  std::optional<std::string> unit;  ///< the lead unit
  std::optional<CaseType> type;
  bool major_only = false;
  std::optional<date::year_month> month;  ///< month of receipt (local)
  // The clock filters below all apply to one running clock: a case matches when one of its
  // running clocks passes every one given, and its list line shows that clock.
  bool overdue_only = false;            ///< the clock is past its due date at `today`
  bool due_today = false;               ///< the clock is due on `today`
  std::optional<LocalDate> due_before;  ///< the clock is due before this date (exclusive)
  /// The clock is a reply clock past its due date: the unit is late and did not explain, since
  /// an explanation pauses the clock (Art. 7); what `triage` refers to inspection.
  bool unexplained = false;
  std::optional<ClockName> clock;  ///< the clock has this name
  /// An officer's id: only the cases of the enterprises and projects the officer serves on
  /// `today`, open ones unless `state` is given (点对点服务, Art. 3).
  std::optional<std::string> officer;
  std::optional<int> limit;  ///< at most this many cases, the most urgent
};

/// One line of `list`: the case and its most urgent running clock.
struct CaseSummary {
  std::string id;
  State state = State::received;
  CaseType type = CaseType::consult;
  bool major = false;
  std::string unit;
  std::string enterprise;  ///< the enterprise's name
  std::string title;
  Instant received_at;
  std::optional<Clock> urgent;  ///< the running clock with the earliest due date
  Channel channel = Channel::web;
  std::string body;
  std::optional<std::string> source_id;
};

/// Filters over clocks (for triage and reports), combined with AND.
struct ClockQuery {
  std::optional<ClockOutcome> outcome = ClockOutcome::running;  ///< nullopt: any
  std::optional<std::string> unit;                              ///< who owes the clock
  std::optional<ClockName> name;
  std::optional<LocalDate> due_from;   ///< due on or after
  std::optional<LocalDate> due_until;  ///< due on or before
};

/// A clock with what a list line needs of its case.
struct ClockRow {
  Clock clock;
  State state = State::received;
  CaseType type = CaseType::consult;
  bool major = false;
  std::string lead_unit;
  std::string enterprise;  ///< the enterprise's name
  std::string title;
};

/// The case library: every command's one call. Actions take the acting login and the instant of
/// the action (`--at`); with no users registered one person may do everything, otherwise the
/// login must be a registered user whose role the transition table allows.
class CaseService {
 public:
  /// A service over `store`, counting working days with `calendar` in local dates of `zone`.
  CaseService(Store& store,
              const WorkingCalendar& calendar,
              const Config& config,
              const Zone& zone);

  /// Records a case received at `at`; starts the forward clock and, for a major case, the
  /// government clock. Throws NotFound for an unknown enterprise or project, BadInput for a
  /// malformed project code; warns when the project's investing enterprise is another.
  ///
  /// A case whose channel and source id are taken already is not taken in again: with the same
  /// content the stored case is returned with a warning (case_already_present), otherwise
  /// BadInput names the first differing field.
  ActionResult intake(const IntakeRequest& request, std::string_view login, Instant at);
  /// Takes in every record in one transaction, all or nothing; a record without its own
  /// received_at is received at `at`. A record already present (same id, or same channel and
  /// source id, with the same content) is counted in `already_present`, not taken in again; one
  /// with other content is BadInput naming its file:line and the field. Errors name the record's
  /// file:line (BadInput); an unknown login is NotFound. With `dry_run` everything is checked and
  /// numbered, then rolled back.
  /// A record nearly the same as an open case is handled as `on_duplicate` says.
  BatchIntake intake_many(const std::vector<IntakeRecord>& records,
                          std::string_view login,
                          Instant at,
                          bool dry_run,
                          OnDuplicate on_duplicate = OnDuplicate::warn);
  /// Called with each case a bulk intake takes in (in a dry run, would take in), without
  /// events, and the case it likely duplicates.
  using TakenInCase =
      std::function<void(const Case& kase, const std::optional<std::string>& likely_duplicate_of)>;
  /// intake_many over records read one at a time, each case taken in handed to `taken_in` as it
  /// is (the returned batch's `cases` and `likely_duplicate_of` stay empty): memory does not
  /// grow with the number of records. A later bad record still refuses the whole batch, so
  /// `taken_in` must keep what it is given until this returns. Reports ProgressWork::intake.
  BatchIntake intake_each(IntakeRecords& records,
                          std::string_view login,
                          Instant at,
                          bool dry_run,
                          OnDuplicate on_duplicate,
                          const TakenInCase& taken_in);
  /// Does not accept the case (Art. 6): stops the forward clock.
  ActionResult reject(std::string_view ref,
                      RejectReason reason,
                      const std::string& explanation,
                      std::string_view login,
                      Instant at);
  /// Forwards (or with `request.redo` handles again) the case: stops the forward clock or
  /// cancels the previous assignment's clocks, starts reply (and explain for coordinate).
  ActionResult forward(std::string_view ref,
                       const ForwardRequest& request,
                       std::string_view login,
                       Instant at);
  /// The lead unit's reply (consult: published; coordinate: submitted for review), or the
  /// office's own answer to an escalated case.
  ActionResult reply(std::string_view ref,
                     const std::string& text,
                     std::string_view login,
                     Instant at);
  /// A co-unit's contribution to the lead unit (协办意见, Art. 6): stops that co-unit's assist
  /// clock. `unit` names the co-unit when one person acts for everyone; a registered user acts
  /// for their own unit.
  ActionResult contribute(std::string_view ref,
                          const std::optional<std::string>& unit,
                          const std::string& text,
                          std::string_view login,
                          Instant at);
  /// The office approves a submitted result and publishes it, with `edited_text` if given.
  ActionResult approve(std::string_view ref,
                       const std::optional<std::string>& edited_text,
                       std::string_view login,
                       Instant at);
  /// The office returns a submitted result; the resubmit clock starts.
  ActionResult return_result(std::string_view ref,
                             const std::string& reason,
                             std::string_view login,
                             Instant at);
  /// The unit explains why it cannot finish and proposes a plan (Art. 7): stops explain, pauses
  /// reply.
  ActionResult explain(std::string_view ref,
                       const std::string& reason,
                       const std::string& plan,
                       std::string_view login,
                       Instant at);
  /// The office escalates to the government or the joint meeting, or refers an overdue,
  /// unexplained unit to inspection (once per reply clock).
  ActionResult escalate(std::string_view ref,
                        EscalationTarget target,
                        const std::string& note,
                        std::string_view login,
                        Instant at);
  /// The unit disputes the assignment (Art. 2): its clocks pause.
  ActionResult dispute(std::string_view ref,
                       const std::string& reason,
                       std::string_view login,
                       Instant at);
  /// Records the enterprise's rating of the answer (Art. 9).
  ActionResult evaluate(std::string_view ref,
                        Rating rating,
                        const std::string& comment,
                        std::string_view login,
                        Instant at);

  /// The office merges duplicate `ref` into `primary` (并单): the duplicate's running clocks are
  /// cancelled and it follows the primary's published answer, at once when the primary has one.
  /// Refused when either is merged already, the duplicate is closed or has duplicates, or the
  /// primary was not accepted; warns when the enterprises differ.
  ActionResult merge(std::string_view ref,
                     std::string_view primary,
                     const std::string& reason,
                     std::string_view login,
                     Instant at);
  /// The office undoes the merge of `ref` while its primary is unanswered: the clocks that ran at
  /// the merge run again from `at`.
  ActionResult unmerge(std::string_view ref,
                       const std::string& reason,
                       std::string_view login,
                       Instant at);

  /// The office corrects event `request.correction.event` of case `ref`: a `correct` event
  /// naming it is appended (the original stays), and the case's state and clocks are replayed.
  /// Refused (nothing written) when the corrected history makes a later event impossible.
  ActionResult correct(std::string_view ref,
                       const CorrectionRequest& request,
                       std::string_view login,
                       Instant at);

  /// Replays cases `ids` with this service's calendar inside the caller's transaction (after a
  /// calendar change), withdraws referrals that no longer hold, stores the result and returns
  /// the clocks whose due date, provisional flag, verdict or referral moved.
  std::vector<MovedDueDate> rejudge(const std::vector<std::string>& ids, std::string_view login);

  /// The id `ref` names: "2025-000123", "2025-123" or the number alone when one year has it.
  /// Throws NotFound, or UsageError listing the candidates when the number is ambiguous.
  std::string resolve_id(std::string_view ref);
  /// The case `ref` with clocks and events; throws like resolve_id.
  Case get(std::string_view ref);
  /// The case `ref` with clocks, events and the officers serving its enterprise and project on
  /// `today`; throws like resolve_id.
  CaseDetail detail(std::string_view ref, LocalDate today);
  /// The cases matching `query`, most urgent running clock first (by due date; cases with no
  /// running clock last, by id). `today` decides `overdue_only`, `due_today` and
  /// `unexplained`. Throws NotFound for an unknown unit or officer.
  std::vector<CaseSummary> list(const CaseQuery& query, LocalDate today);
  /// The events of case `ref` (all cases when nullopt) at or after `since`, oldest first.
  std::vector<Event> log(const std::optional<std::string>& ref, std::optional<Instant> since);
  /// The clocks matching `query`, by due date then case id.
  std::vector<ClockRow> clocks(const ClockQuery& query);

 private:
  struct Acting;
  /// The case taken in, or the one already present with the same content.
  struct TakenIn {
    std::string id;
    bool already_present = false;
    Case kase;  ///< as stored, without events
  };
  /// `received_at` is compared with a present case's only when `at_given` (the record said it).
  TakenIn intake_here(const IntakeRequest& request,
                      std::string_view login,
                      Instant at,
                      bool at_given,
                      const std::optional<std::string>& wanted_id,
                      SourceIds& source_ids);
  /// The earliest open, unmerged case of `enterprise` received within the duplicate window
  /// before `at` that `request` nearly repeats.
  std::optional<Case> likely_primary(const IntakeRequest& request,
                                     std::int64_t enterprise,
                                     Instant at);
  std::string merge_here(std::string_view ref,
                         std::string_view primary,
                         const std::string& reason,
                         std::string_view login,
                         Instant at);
  Acting begin(std::string_view ref, Action action, std::string_view login, Instant at);
  std::string acting_unit(Actors actors, const Case& kase, std::string_view login, Action action);
  /// When the case's latest referral to inspection and its latest other event happened.
  struct RecordedTimes {
    std::optional<Instant> last_decisive;
    std::optional<Instant> last_referral;
  };
  RecordedTimes recorded_times(const std::string& id);
  void finish(Acting& acting, std::string detail, std::string text);
  /// Appends to duplicate `id` the `follow` of `primary`'s answer (nullopt: it has none any more)
  /// at `at` or after the duplicate's last event, and replays the duplicate.
  void follow(const std::string& id, const Case& primary, std::string_view login, Instant at);
  /// Acting on case `ref` as the office for `action` (merge, unmerge), with no transition row.
  Acting begin_office(std::string_view ref, Action action, std::string_view login, Instant at);
  /// A case before and after its replay was stored.
  struct Rebuilt {
    Case before;
    Case after;
    std::vector<int> withdrawn;  ///< referrals withdrawn by this rebuild
  };
  Rebuilt rebuild(const std::string& id, std::string_view login);
  ActionResult act(std::string_view ref,
                   Action action,
                   std::string_view login,
                   Instant at,
                   const std::function<void(Acting&)>& body);
  ActionResult result_of(const std::string& id);
  /// Runs `body` (which returns the id of the case it acted on) in one write, as result_of.
  ActionResult written(const std::function<std::string()>& body);

  Store& m_store;
  const WorkingCalendar& m_calendar;
  const Config& m_config;
  const Zone& m_zone;
  std::vector<Clock> m_provisional;
  std::vector<Message> m_warnings;
  std::optional<std::string> m_likely_duplicate;  ///< of the case intake_here took in last
};

}  // namespace ent110
