// SPDX-License-Identifier: MIT
#include <ent110/access/access.hpp>
#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/case_repo.hpp>
#include <ent110/cases/duplicates.hpp>
#include <ent110/cases/event_log.hpp>
#include <ent110/cases/replay.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/cases/transitions.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/progress.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/store/store.hpp>
#include <ent110/util/enum_names.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>

namespace ent110 {
namespace {

constexpr EnumNames<Serves, 2> k_serves = {{
    {Serves::enterprise, "enterprise"},
    {Serves::project, "project"},
}};

constexpr EnumNames<OnDuplicate, 3> k_on_duplicate = {{
    {OnDuplicate::warn, "warn"},
    {OnDuplicate::skip, "skip"},
    {OnDuplicate::merge, "merge"},
}};

constexpr std::array k_targets = {
    std::pair{EscalationTarget::government, "government"},
    std::pair{EscalationTarget::joint_meeting, "joint-meeting"},
    std::pair{EscalationTarget::inspection, "inspection"},
};

Action action_of(EscalationTarget target) {
  switch (target) {
    case EscalationTarget::government:
      return Action::escalate_government;
    case EscalationTarget::joint_meeting:
      return Action::escalate_joint_meeting;
    case EscalationTarget::inspection:
      return Action::escalate_inspection;
  }
  return Action::escalate_government;
}

// The latest clock `name`, with `outcome` unless nullopt, or nullptr.
const Clock* latest_clock(const Case& kase, ClockName name, std::optional<ClockOutcome> outcome) {
  for (auto it = kase.clocks.rbegin(); it != kase.clocks.rend(); ++it) {
    if (it->name == name && (!outcome || it->outcome == *outcome)) {
      return &*it;
    }
  }
  return nullptr;
}

std::string join(const std::vector<std::string>& codes) {
  std::string list;
  for (const std::string& code : codes) {
    list += (list.empty() ? "" : ", ") + code;
  }
  return list;
}

bool same_answer(const std::optional<Authored>& a, const std::optional<Authored>& b) {
  if (!a || !b) {
    return !a && !b;
  }
  return a->text == b->text && a->unit == b->unit && a->by == b->by && a->at == b->at &&
         a->edited == b->edited;
}

void require_text(const std::string& text, std::string_view option) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw UsageError(MessageId::case_text_empty, {std::string(option)});
  }
}

}  // namespace

std::string_view to_string(EscalationTarget target) {
  for (const auto& [candidate, name] : k_targets) {
    if (candidate == target) {
      return name;
    }
  }
  return {};
}

std::optional<EscalationTarget> parse_escalation_target(std::string_view text) {
  for (const auto& [candidate, name] : k_targets) {
    if (text == name) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::vector<std::string> escalation_target_names() {
  std::vector<std::string> names;
  for (const auto& entry : k_targets) {
    names.emplace_back(entry.second);
  }
  return names;
}

/// A case being acted on inside the write transaction.
struct CaseService::Acting {
  Case kase;  ///< as stored before the action
  Action action = Action::intake;
  State to = State::received;
  std::string login;
  std::string unit;  ///< the acting unit recorded on the event
  Instant at;
  LocalDate day;  ///< the local date of the action: "on time" means day ≤ due
};

std::string_view to_string(Serves serves) {
  return name_of(k_serves, serves);
}

std::string_view to_string(OnDuplicate policy) {
  return name_of(k_on_duplicate, policy);
}

std::optional<OnDuplicate> parse_on_duplicate(std::string_view text) {
  return value_of(k_on_duplicate, text);
}

std::vector<std::string> on_duplicate_names() {
  return names_of(k_on_duplicate);
}

CaseService::CaseService(Store& store,
                         const WorkingCalendar& calendar,
                         const Config& config,
                         const Zone& zone)
    : m_store(store), m_calendar(calendar), m_config(config), m_zone(zone) {}

std::string CaseService::acting_unit(Actors actors,
                                     const Case& kase,
                                     std::string_view login,
                                     Action action) {
  const CaseParty party = actors == Actors::office      ? CaseParty::office
                          : actors == Actors::lead_unit ? CaseParty::lead_unit
                                                        : CaseParty::co_unit;
  return authorize_case_action(m_store, login, party, command_of(action),
                               CaseParties{kase.id, m_config.office_unit, kase.unit});
}

CaseService::Acting CaseService::begin(std::string_view ref,
                                       Action action,
                                       std::string_view login,
                                       Instant at) {
  const std::string id = resolve_case_id(m_store, ref);
  Acting acting;
  acting.kase = *find_case(m_store, id);
  if (acting.kase.merged_into && action != Action::evaluate) {
    throw Refused(MessageId::merge_acting_on_merged, {id, *acting.kase.merged_into});
  }
  const Transition& row =
      require_transition(id, acting.kase.state, action, acting.kase.type, acting.kase.major);
  acting.action = action;
  acting.to = row.to;
  acting.login = std::string(login);
  // Back-dated entry from paper records is fine, also before a referral that the late fact may
  // prove wrong (it is then withdrawn); placing an action before anything else people did is
  // rewriting history, which only `correct` does, in the open.
  const RecordedTimes times = recorded_times(id);
  if (times.last_decisive && at < *times.last_decisive) {
    throw Refused(MessageId::case_refused_before_last,
                  {id, m_zone.format_local(at), m_zone.format_local(*times.last_decisive)});
  }
  if (times.last_referral && at < *times.last_referral && row.actors != Actors::office) {
    // A fact that would overturn a referral reaches the record through the office (the paper or
    // telephone record it received), never from the referred unit itself.
    try {
      acting_unit(Actors::office, acting.kase, login, action);
    } catch (const Refused&) {
      throw Refused(MessageId::case_late_entry_office_only,
                    {id, m_zone.format_local(*times.last_referral), std::string(login)});
    }
    acting.unit = row.actors == Actors::lead_unit ? acting.kase.unit : std::string();
  } else {
    acting.unit = acting_unit(row.actors, acting.kase, login, action);
  }
  acting.at = at;
  acting.day = m_zone.local_date(at);
  return acting;
}

CaseService::RecordedTimes CaseService::recorded_times(const std::string& id) {
  RecordedTimes times;
  for (const Event& event : effective_events(case_events(m_store, id))) {
    std::optional<Instant>& last =
        event.action == Action::escalate_inspection ? times.last_referral : times.last_decisive;
    last = std::max(last.value_or(event.at), event.at);
  }
  return times;
}

void CaseService::finish(Acting& acting, std::string detail, std::string text) {
  Event event;
  event.case_id = acting.kase.id;
  event.at = acting.at;
  event.action = acting.action;
  event.actor = acting.login;
  event.unit = acting.unit;
  event.detail = std::move(detail);
  event.text = std::move(text);
  append_event(m_store, std::move(event));
  const Rebuilt rebuilt = rebuild(acting.kase.id, acting.login);
  // A published answer, or its correction, reaches every duplicate in the same transaction.
  if (acting.action != Action::follow &&
      !same_answer(rebuilt.before.answer, rebuilt.after.answer)) {
    for (const std::string& duplicate : duplicates_of(m_store, acting.kase.id)) {
      follow(duplicate, rebuilt.after, acting.login, acting.at);
    }
  }
}

void CaseService::follow(const std::string& id,
                         const Case& primary,
                         std::string_view login,
                         Instant at) {
  const RecordedTimes times = recorded_times(id);
  Event event;
  event.case_id = id;
  event.at = std::max({at, times.last_decisive.value_or(at), times.last_referral.value_or(at)});
  event.action = Action::follow;
  event.actor = std::string(login);
  event.unit = primary.answer ? primary.answer->unit : m_config.office_unit;
  event.detail = primary.id;
  event.text = primary.answer ? primary.answer->text : std::string();
  append_event(m_store, std::move(event));
  rebuild(id, login);
}

CaseService::Acting CaseService::begin_office(std::string_view ref,
                                              Action action,
                                              std::string_view login,
                                              Instant at) {
  Acting acting;
  acting.kase = *find_case(m_store, resolve_case_id(m_store, ref));
  acting.action = action;
  acting.to = acting.kase.state;
  acting.login = std::string(login);
  acting.unit = acting_unit(Actors::office, acting.kase, login, action);
  acting.at = at;
  acting.day = m_zone.local_date(at);
  const RecordedTimes times = recorded_times(acting.kase.id);
  if (times.last_decisive && at < *times.last_decisive) {
    throw Refused(MessageId::case_refused_before_last, {acting.kase.id, m_zone.format_local(at),
                                                        m_zone.format_local(*times.last_decisive)});
  }
  return acting;
}

ActionResult CaseService::merge(std::string_view ref,
                                std::string_view primary_ref,
                                const std::string& reason,
                                std::string_view login,
                                Instant at) {
  require_text(reason, "--reason");
  return written([&] { return merge_here(ref, primary_ref, reason, login, at); });
}

ActionResult CaseService::written(const std::function<std::string()>& body) {
  std::string id;
  m_provisional.clear();
  m_warnings.clear();
  m_store.write([&] { id = body(); });
  return result_of(id);
}

std::string CaseService::merge_here(std::string_view ref,
                                    std::string_view primary_ref,
                                    const std::string& reason,
                                    std::string_view login,
                                    Instant at) {
  Acting acting = begin_office(ref, Action::merge, login, at);
  const Case& kase = acting.kase;
  const Case primary = *find_case(m_store, resolve_case_id(m_store, primary_ref));
  if (primary.id == kase.id) {
    throw Refused(MessageId::merge_into_itself, {kase.id});
  }
  if (kase.merged_into) {
    throw Refused(MessageId::merge_acting_on_merged, {kase.id, *kase.merged_into});
  }
  if (primary.merged_into) {
    throw Refused(MessageId::merge_primary_merged, {primary.id, *primary.merged_into});
  }
  if (primary.state == State::rejected) {
    throw Refused(MessageId::merge_primary_rejected, {primary.id});
  }
  if (!is_open(kase.state)) {
    throw Refused(MessageId::merge_duplicate_closed, {kase.id, std::string(to_string(kase.state))});
  }
  if (const std::vector<std::string> own = duplicates_of(m_store, kase.id); !own.empty()) {
    throw Refused(MessageId::merge_has_duplicates, {kase.id, join(own)});
  }
  if (kase.enterprise.id != primary.enterprise.id) {
    m_warnings.push_back(
        Message{MessageId::merge_other_enterprise,
                {kase.id, kase.enterprise.name, primary.id, primary.enterprise.name}});
  }
  finish(acting, primary.id, reason);
  if (primary.answer) {
    // A duplicate of a case already answered gets that answer at once (and its own rating).
    follow(kase.id, primary, login, at);
  }
  return kase.id;
}

ActionResult CaseService::unmerge(std::string_view ref,
                                  const std::string& reason,
                                  std::string_view login,
                                  Instant at) {
  require_text(reason, "--reason");
  return written([&] {
    Acting acting = begin_office(ref, Action::unmerge, login, at);
    const std::string id = acting.kase.id;
    if (!acting.kase.merged_into) {
      throw Refused(MessageId::merge_not_merged, {id});
    }
    const Case primary = *find_case(m_store, *acting.kase.merged_into);
    if (primary.answer) {
      throw Refused(MessageId::merge_primary_answered, {id, primary.id});
    }
    finish(acting, "", reason);
    return id;
  });
}

CaseService::Rebuilt CaseService::rebuild(const std::string& id, std::string_view login) {
  Rebuilt rebuilt;
  rebuilt.before = *find_case(m_store, id);
  const ReplayContext context{m_calendar, m_config, m_zone};
  std::vector<Event> events = case_events(m_store, id);
  Replayed replayed = replay(rebuilt.before, events, context);
  if (!replayed.stale_referrals.empty()) {
    // A fact recorded late proves a referral wrong: it is withdrawn by an event of its own, after
    // everything the case has recorded, so the log shows when the record was put right.
    Instant latest = events.front().at;
    for (const Event& event : events) {
      latest = std::max(latest, event.at);
    }
    for (int referral : replayed.stale_referrals) {
      Event withdrawal;
      withdrawal.case_id = id;
      withdrawal.at = latest;
      withdrawal.action = Action::withdraw;
      withdrawal.actor = std::string(login);
      withdrawal.unit = m_config.office_unit;
      withdrawal.detail = std::to_string(referral);
      events.push_back(append_event(m_store, std::move(withdrawal)));
    }
    rebuilt.withdrawn = std::move(replayed.stale_referrals);
    replayed = replay(rebuilt.before, events, context);
  }
  for (std::size_t i = rebuilt.before.clocks.size(); i < replayed.kase.clocks.size(); ++i) {
    if (replayed.kase.clocks[i].provisional) {
      m_provisional.push_back(replayed.kase.clocks[i]);
    }
  }
  save_case(m_store, replayed.kase, m_zone);
  save_clocks(m_store, replayed.kase);
  rebuilt.after = std::move(replayed.kase);
  return rebuilt;
}

std::vector<MovedDueDate> CaseService::rejudge(const std::vector<std::string>& ids,
                                               std::string_view login) {
  std::vector<MovedDueDate> moved;
  ProgressTask progress(ProgressWork::recompute, ids.size());
  for (const std::string& id : ids) {
    const Rebuilt rebuilt = rebuild(id, login);
    progress.update(static_cast<std::uint64_t>(&id - ids.data()) + 1);
    const std::size_t common = std::min(rebuilt.before.clocks.size(), rebuilt.after.clocks.size());
    for (std::size_t i = 0; i < common; ++i) {
      const Clock& before = rebuilt.before.clocks[i];
      const Clock& after = rebuilt.after.clocks[i];
      const bool withdrawn = before.referred_at && !after.referred_at;
      if (before.due == after.due && before.outcome == after.outcome && !withdrawn &&
          before.provisional == after.provisional) {
        continue;
      }
      MovedDueDate line;
      line.table = "case_clock";
      line.key = std::to_string(before.id);
      line.label = id + " " + std::string(to_string(after.name));
      line.before = before.due;
      line.after = after.due;
      line.provisional = after.provisional;
      if (before.outcome != after.outcome) {
        line.verdict_before = to_string(before.outcome);
        line.verdict_after = to_string(after.outcome);
      }
      line.referral_withdrawn = withdrawn;
      moved.push_back(std::move(line));
    }
  }
  m_provisional.clear();
  return moved;
}

ActionResult CaseService::result_of(const std::string& id) {
  ActionResult result{get(id), std::move(m_provisional), std::move(m_warnings),
                      std::move(m_likely_duplicate)};
  m_provisional.clear();
  m_warnings.clear();
  m_likely_duplicate.reset();
  return result;
}

ActionResult CaseService::intake(const IntakeRequest& request, std::string_view login, Instant at) {
  TakenIn taken;
  m_provisional.clear();
  m_warnings.clear();
  m_store.write([&] {
    SourceIds source_ids(m_store);
    taken = intake_here(request, login, at, false, std::nullopt, source_ids);
  });
  if (taken.already_present) {
    m_warnings.push_back(Message{
        MessageId::export_already_present,
        {taken.id, std::string(to_string(request.channel)), request.source_id.value_or("")}});
  }
  return result_of(taken.id);
}

namespace {

// The records of a vector, for intake_many.
class RecordsInMemory final : public IntakeRecords {
 public:
  explicit RecordsInMemory(const std::vector<IntakeRecord>& records) : m_records(records) {}
  std::optional<IntakeRecord> next() override {
    if (m_next == m_records.size()) {
      return std::nullopt;
    }
    return m_records[m_next++];
  }
  double fraction_read() const override {
    return m_records.empty() ? 1.0
                             : static_cast<double>(m_next) / static_cast<double>(m_records.size());
  }

 private:
  const std::vector<IntakeRecord>& m_records;
  std::size_t m_next = 0;
};

}  // namespace

BatchIntake CaseService::intake_many(const std::vector<IntakeRecord>& records,
                                     std::string_view login,
                                     Instant at,
                                     bool dry_run,
                                     OnDuplicate on_duplicate) {
  RecordsInMemory source(records);
  std::vector<Case> cases;
  std::map<std::string, std::string> likely_duplicate_of;
  BatchIntake batch = intake_each(source, login, at, dry_run, on_duplicate,
                                  [&](const Case& kase, const std::optional<std::string>& likely) {
                                    cases.push_back(kase);
                                    if (likely) {
                                      likely_duplicate_of[kase.id] = *likely;
                                    }
                                  });
  batch.cases = std::move(cases);
  batch.likely_duplicate_of = std::move(likely_duplicate_of);
  return batch;
}

BatchIntake CaseService::intake_each(IntakeRecords& records,
                                     std::string_view login,
                                     Instant at,
                                     bool dry_run,
                                     OnDuplicate on_duplicate,
                                     const TakenInCase& taken_in) {
  // Thrown to roll a dry run back once everything has been checked.
  struct DryRunDone {};
  BatchIntake batch;
  batch.dry_run = dry_run;
  m_provisional.clear();
  m_warnings.clear();
  // Every record runs the same few statements: each is prepared once for the whole batch.
  const StatementReuse reuse(m_store);
  const TemporaryFilesInMemory journals_in_memory(m_store);
  ProgressTask progress(ProgressWork::intake, 0);
  try {
    m_store.write([&] {
      // The login is the same for every row: an unknown one is the command's NotFound, not the
      // bad input of a row (which the loop below makes of NotFound).
      acting_unit(Actors::office, Case{}, login, Action::intake);
      SourceIds source_ids(m_store);
      std::uint64_t read = 0;
      while (const std::optional<IntakeRecord> next = records.next()) {
        progress.update(++read, records.fraction_read());
        const IntakeRecord& record = *next;
        TakenIn taken;
        const Instant received = record.received_at.value_or(at);
        try {
          // A record already taken in (by id or source id) is counted as present, never skipped
          // as a duplicate of itself.
          const bool known = (record.request.source_id &&
                              source_ids.find(record.request.channel, *record.request.source_id)) ||
                             (record.id && find_case(m_store, *record.id));
          if (on_duplicate == OnDuplicate::skip && !known) {
            const Enterprise enterprise = get_enterprise(m_store, record.request.enterprise);
            if (const std::optional<Case> primary =
                    likely_primary(record.request, enterprise.id, received)) {
              m_warnings.push_back(
                  Message{MessageId::merge_skipped_duplicate, {record.where, primary->id}});
              ++batch.skipped_duplicates;
              continue;
            }
          }
          taken = intake_here(record.request, login, received, record.received_at.has_value(),
                              record.id, source_ids);
          if (!taken.already_present && m_likely_duplicate && on_duplicate == OnDuplicate::merge) {
            merge_here(taken.id, *m_likely_duplicate, std::string(k_merge_on_intake_reason), login,
                       received);
            taken.kase = *find_case(m_store, taken.id);
          }
        } catch (const NotFound& error) {
          throw BadInput(MessageId::case_import_row, {record.where, error.what()});
        } catch (const UsageError& error) {
          throw BadInput(MessageId::case_import_row, {record.where, error.what()});
        } catch (const BadInput& error) {
          throw BadInput(MessageId::case_import_row, {record.where, error.what()});
        }
        if (taken.already_present) {
          batch.already_present.push_back(taken.id);
        } else {
          taken_in(taken.kase, m_likely_duplicate);
        }
      }
      if (dry_run) {
        throw DryRunDone{};
      }
    });
  } catch (const DryRunDone&) {
  }
  batch.provisional = std::move(m_provisional);
  batch.warnings = std::move(m_warnings);
  m_provisional.clear();
  m_warnings.clear();
  return batch;
}

namespace {

// The first field of the intake content of `kase` that differs from `wanted`, or nullopt:
// what makes a second intake of the same source id or case id a conflict, not a repetition.
std::optional<std::string_view> differing_field(const Case& kase,
                                                const Case& wanted,
                                                bool at_given) {
  if (kase.enterprise.id != wanted.enterprise.id) {
    return "enterprise";
  }
  if (kase.channel != wanted.channel) {
    return "channel";
  }
  if (kase.type != wanted.type) {
    return "type";
  }
  if (kase.major != wanted.major) {
    return "major";
  }
  if (kase.title != wanted.title) {
    return "title";
  }
  if (kase.body != wanted.body) {
    return "body";
  }
  if (at_given && kase.received_at != wanted.received_at) {
    return "received_at";
  }
  if (kase.project != wanted.project) {
    return "project";
  }
  if (kase.source_id != wanted.source_id) {
    return "source_id";
  }
  if (kase.confidential != wanted.confidential) {
    return "confidential";
  }
  return std::nullopt;
}

// The number of `id` when it is a case id of `year` ("YYYY-NNNNNN"), else nullopt.
std::optional<int> number_in_year(const std::string& id, int year) {
  if (id.size() != 11 || id[4] != '-' || id.substr(0, 4) != fmt::format("{:04}", year) ||
      id.find_first_not_of("0123456789", 5) != std::string::npos) {
    return std::nullopt;
  }
  const int number = std::stoi(id.substr(5));
  return number > 0 ? std::optional(number) : std::nullopt;
}

}  // namespace

CaseService::TakenIn CaseService::intake_here(const IntakeRequest& request,
                                              std::string_view login,
                                              Instant at,
                                              bool at_given,
                                              const std::optional<std::string>& wanted_id,
                                              SourceIds& source_ids) {
  m_likely_duplicate.reset();
  require_text(request.title, "--title");
  Acting acting;
  acting.action = Action::intake;
  acting.to = State::received;
  acting.login = std::string(login);
  acting.unit = acting_unit(Actors::office, acting.kase, login, Action::intake);
  acting.at = at;
  acting.day = m_zone.local_date(at);

  Case& kase = acting.kase;
  kase.enterprise = get_enterprise(m_store, request.enterprise);
  if (request.project) {
    const Project project = get_project(m_store, *request.project);
    kase.project = project.code;
    // A case may be about a project that another enterprise invests in (a supplier's or a
    // contractor's problem on the site); worth a second look, not a refusal.
    if (project.enterprise && *project.enterprise != kase.enterprise.id) {
      const Enterprise investor = get_enterprise(m_store, std::to_string(*project.enterprise));
      m_warnings.push_back(
          Message{MessageId::visits_project_other_enterprise,
                  {project.code, project.name, investor.name, kase.enterprise.name}});
    }
  }
  kase.source_id = request.source_id;
  kase.confidential = request.confidential;
  kase.type = request.type;
  kase.major = request.major;
  kase.channel = request.channel;
  kase.title = request.title;
  kase.body = request.body;
  kase.received_at = at;
  kase.state = State::received;
  const date::year_month_day ymd{acting.day};
  kase.year = static_cast<int>(ymd.year());

  // A case already taken in, by its id from another ent110 database or by the id its sending
  // system gave it, is the same case again when everything taken in agrees; anything else is a
  // conflict the sender must resolve, never a silent second case or an overwrite.
  std::optional<std::string> present =
      kase.source_id ? source_ids.find(kase.channel, *kase.source_id) : std::nullopt;
  std::optional<Case> stored;
  if (wanted_id) {
    const std::optional<int> number = number_in_year(*wanted_id, kase.year);
    if (!number) {
      throw BadInput(MessageId::export_id_bad, {*wanted_id, std::to_string(kase.year)});
    }
    if (present && *present != *wanted_id) {
      throw BadInput(MessageId::export_source_conflict,
                     {*present, std::string(to_string(kase.channel)), *kase.source_id, "id"});
    }
    stored = find_case(m_store, *wanted_id);
    kase.number = *number;
  } else {
    kase.number = next_case_number(m_store, kase.year);
  }
  if (!stored && present) {
    stored = find_case(m_store, *present);
  }
  if (stored) {
    if (const auto field = differing_field(*stored, kase, at_given)) {
      if (stored->source_id && stored->source_id == kase.source_id) {
        throw BadInput(MessageId::export_source_conflict,
                       {stored->id, std::string(to_string(kase.channel)), *kase.source_id,
                        std::string(*field)});
      }
      throw BadInput(MessageId::export_id_conflict, {stored->id, std::string(*field)});
    }
    return TakenIn{stored->id, true, std::move(*stored)};
  }
  if (kase.number > 999999) {
    throw Refused(MessageId::case_year_full, {std::to_string(kase.year)});
  }
  kase.id = fmt::format("{:04}-{:06}", kase.year, kase.number);
  m_likely_duplicate.reset();
  if (const std::optional<Case> primary = likely_primary(request, kase.enterprise.id, at)) {
    m_likely_duplicate = primary->id;
    m_warnings.push_back(
        Message{MessageId::merge_likely_duplicate, {kase.id, primary->id, primary->title}});
  }
  Event event;
  event.case_id = kase.id;
  event.at = at;
  event.action = Action::intake;
  event.actor = acting.login;
  event.unit = acting.unit;
  event.detail = std::string(to_string(kase.type));
  if (kase.major) {
    event.detail += " major";
  }
  event.text = kase.title;
  event = sealed_event(m_store, std::move(event));
  // The replay starts the forward clock (Art. 7) and, for a major case, the government's (Art. 8).
  // It runs before anything is written, so that the case row goes in once with its final values
  // (inserting it bare and then storing its replay wrote it twice, the search index with it).
  Replayed replayed = replay(kase, {event}, ReplayContext{m_calendar, m_config, m_zone});
  for (const Clock& clock : replayed.kase.clocks) {
    if (clock.provisional) {
      m_provisional.push_back(clock);
    }
  }
  insert_replayed_case(m_store, replayed.kase, m_zone);
  insert_event(m_store, event);
  insert_replayed_clocks(m_store, replayed.kase);
  replayed.kase.events.clear();
  return TakenIn{kase.id, false, std::move(replayed.kase)};
}

std::optional<Case> CaseService::likely_primary(const IntakeRequest& request,
                                                std::int64_t enterprise,
                                                Instant at) {
  if (m_config.duplicate_window_days == 0) {
    return std::nullopt;
  }
  const Instant since = at - std::chrono::days(m_config.duplicate_window_days);
  for (Case& candidate : open_cases_received(m_store, enterprise, since, at)) {
    if (nearly_same(request.title, request.body, candidate.title, candidate.body)) {
      return std::move(candidate);
    }
  }
  return std::nullopt;
}

ActionResult CaseService::reject(std::string_view ref,
                                 RejectReason reason,
                                 const std::string& explanation,
                                 std::string_view login,
                                 Instant at) {
  require_text(explanation, "--explain");
  return act(ref, Action::reject, login, at,
             [&](Acting& acting) { finish(acting, std::string(to_string(reason)), explanation); });
}

ActionResult CaseService::forward(std::string_view ref,
                                  const ForwardRequest& request,
                                  std::string_view login,
                                  Instant at) {
  if (request.within_days && request.due) {
    throw UsageError(MessageId::case_within_and_due, {});
  }
  if (request.within_days && *request.within_days < 1) {
    throw UsageError(MessageId::case_within_positive, {std::to_string(*request.within_days)});
  }
  const Action action = request.redo ? Action::redo : Action::forward;
  return act(ref, action, login, at, [&](Acting& acting) {
    const Case& kase = acting.kase;
    const State from = kase.state;
    if (request.redo && kase.rating != Rating::dissatisfied) {
      throw Refused(MessageId::case_redo_needs_dissatisfied,
                    {kase.id, std::string(to_string(kase.rating.value_or(Rating::satisfied)))});
    }
    const bool decided = request.within_days || request.due;
    // Art. 7 fixes the limits; only the office's decision after an escalation or a dispute
    // sets another.
    if (decided && from != State::escalated && from != State::disputed) {
      throw Refused(MessageId::case_override_needs_decision,
                    {kase.id, std::string(to_string(from))});
    }
    if (request.due && *request.due <= acting.day) {
      throw UsageError(MessageId::case_due_not_after,
                       {format_date(*request.due), format_date(acting.day)});
    }
    if (request.due && !m_calendar.is_working_day(*request.due)) {
      // A period never ends on a day off (Civil Code Art. 203).
      throw Refused(
          MessageId::case_due_day_off,
          {format_date(*request.due), format_date(m_calendar.add_working_days(*request.due, 1))});
    }
    const Unit lead = get_unit(m_store, request.to_unit);
    if (!is_member_kind(lead.kind)) {
      throw Refused(MessageId::case_unit_not_member,
                    {lead.code, std::string(to_string(lead.kind))});
    }
    std::vector<std::string> co_units;
    for (const std::string& code : request.with_units) {
      const Unit co = get_unit(m_store, code);
      if (!is_member_kind(co.kind)) {
        throw Refused(MessageId::case_unit_not_member, {co.code, std::string(to_string(co.kind))});
      }
      if (co.code != lead.code &&
          std::find(co_units.begin(), co_units.end(), co.code) == co_units.end()) {
        co_units.push_back(co.code);
      }
    }
    finish(acting, forward_detail(lead.code, co_units, {request.within_days, request.due}),
           request.note);
  });
}

ActionResult CaseService::reply(std::string_view ref,
                                const std::string& text,
                                std::string_view login,
                                Instant at) {
  require_text(text, "--text");
  return act(ref, Action::reply, login, at, [&](Acting& acting) { finish(acting, "", text); });
}

ActionResult CaseService::contribute(std::string_view ref,
                                     const std::optional<std::string>& unit,
                                     const std::string& text,
                                     std::string_view login,
                                     Instant at) {
  require_text(text, "--text");
  return act(ref, Action::contribute, login, at, [&](Acting& acting) {
    const std::vector<std::string>& co_units = acting.kase.co_units;
    if (co_units.empty()) {
      throw Refused(MessageId::case_no_co_units, {acting.kase.id});
    }
    if (unit) {
      if (!acting.unit.empty() && acting.unit != *unit) {
        throw Refused(MessageId::case_contribution_other_unit, {acting.login, acting.unit, *unit});
      }
      acting.unit = *unit;
    }
    if (acting.unit.empty()) {
      // One person acting for everyone names the co-unit unless the case has only one.
      if (co_units.size() != 1) {
        throw UsageError(MessageId::case_contribution_unit_needed,
                         {acting.kase.id, join(co_units)});
      }
      acting.unit = co_units.front();
    }
    if (std::find(co_units.begin(), co_units.end(), acting.unit) == co_units.end()) {
      throw Refused(MessageId::case_not_co_unit, {acting.kase.id, acting.unit, join(co_units)});
    }
    finish(acting, "", text);
  });
}

ActionResult CaseService::approve(std::string_view ref,
                                  const std::optional<std::string>& edited_text,
                                  std::string_view login,
                                  Instant at) {
  if (edited_text) {
    require_text(*edited_text, "--text");
  }
  return act(ref, Action::approve, login, at, [&](Acting& acting) {
    const std::string submitted = acting.kase.result ? acting.kase.result->text : std::string();
    const bool edited = edited_text && *edited_text != submitted;
    finish(acting, edited ? "edited" : "", edited ? *edited_text : submitted);
  });
}

ActionResult CaseService::return_result(std::string_view ref,
                                        const std::string& reason,
                                        std::string_view login,
                                        Instant at) {
  require_text(reason, "--return");
  return act(ref, Action::return_result, login, at,
             [&](Acting& acting) { finish(acting, "", reason); });
}

ActionResult CaseService::explain(std::string_view ref,
                                  const std::string& reason,
                                  const std::string& plan,
                                  std::string_view login,
                                  Instant at) {
  require_text(reason, "--explain");
  require_text(plan, "--propose");
  return act(ref, Action::explain, login, at,
             [&](Acting& acting) { finish(acting, plan, reason); });
}

ActionResult CaseService::escalate(std::string_view ref,
                                   EscalationTarget target,
                                   const std::string& note,
                                   std::string_view login,
                                   Instant at) {
  return act(ref, action_of(target), login, at, [&](Acting& acting) {
    const Case& kase = acting.kase;
    std::string detail;
    if (target == EscalationTarget::government && kase.major && acting.to == kase.state &&
        latest_clock(kase, ClockName::government, ClockOutcome::running) == nullptr) {
      const Clock* done = latest_clock(kase, ClockName::government, std::nullopt);
      throw Refused(MessageId::case_already_reported,
                    {kase.id, done != nullptr && done->stopped ? format_date(*done->stopped)
                                                               : std::string("?")});
    }
    if (target == EscalationTarget::inspection) {
      // Art. 7 last paragraph: only a unit late on its reply and without explanation.
      const Clock* reply = latest_clock(kase, ClockName::reply, ClockOutcome::running);
      if (reply == nullptr || status_at(*reply, acting.day) != ClockStatus::overdue) {
        throw Refused(
            MessageId::case_inspection_not_overdue,
            {kase.id, reply ? format_date(reply->due) : std::string("-"),
             reply ? std::string(to_string(status_at(*reply, acting.day))) : std::string("-")});
      }
      if (reply->referred_at) {
        throw Refused(MessageId::case_already_referred,
                      {kase.id, m_zone.format_local(*reply->referred_at)});
      }
      detail = reply->unit;
    }
    finish(acting, detail, note);
  });
}

ActionResult CaseService::dispute(std::string_view ref,
                                  const std::string& reason,
                                  std::string_view login,
                                  Instant at) {
  require_text(reason, "--reason");
  return act(ref, Action::dispute, login, at, [&](Acting& acting) { finish(acting, "", reason); });
}

ActionResult CaseService::evaluate(std::string_view ref,
                                   Rating rating,
                                   const std::string& comment,
                                   std::string_view login,
                                   Instant at) {
  return act(ref, Action::evaluate, login, at,
             [&](Acting& acting) { finish(acting, std::string(to_string(rating)), comment); });
}

ActionResult CaseService::correct(std::string_view ref,
                                  const CorrectionRequest& request,
                                  std::string_view login,
                                  Instant at) {
  require_text(request.reason, "--reason");
  std::string id;
  m_provisional.clear();
  m_warnings.clear();
  m_store.write([&] {
    id = resolve_case_id(m_store, ref);
    const Case kase = *find_case(m_store, id);
    Acting acting;
    acting.kase = kase;
    acting.action = Action::correct;
    acting.login = std::string(login);
    acting.unit = acting_unit(Actors::office, kase, login, Action::correct);
    acting.at = at;
    acting.day = m_zone.local_date(at);
    acting.to = kase.state;
    const std::vector<Event> events = case_events(m_store, id);
    const Event* target = nullptr;
    for (const Event& event : events) {
      if (event.case_seq == request.correction.event) {
        target = &event;
      }
    }
    if (target == nullptr) {
      throw NotFound(MessageId::case_correct_no_event,
                     {id, std::to_string(request.correction.event), std::to_string(events.size())});
    }
    if (target->action == Action::correct || target->action == Action::withdraw) {
      throw Refused(MessageId::case_correct_marker,
                    {id, std::to_string(target->case_seq), std::string(to_string(target->action))});
    }
    Correction correction = request.correction;
    if (correction.kind == CorrectionKind::to) {
      if (target->action != Action::forward && target->action != Action::redo) {
        throw Refused(
            MessageId::case_correct_to_needs_forward,
            {id, std::to_string(target->case_seq), std::string(command_of(target->action))});
      }
      const Unit lead = get_unit(m_store, correction.unit);
      if (!is_member_kind(lead.kind)) {
        throw Refused(MessageId::case_unit_not_member,
                      {lead.code, std::string(to_string(lead.kind))});
      }
      correction.unit = lead.code;
    }
    if (correction.kind == CorrectionKind::time && target->action == Action::intake &&
        static_cast<int>(date::year_month_day{m_zone.local_date(*correction.time)}.year()) !=
            kase.year) {
      // The case's number is counted within its year of receipt.
      throw Refused(MessageId::case_correct_intake_year, {id, std::to_string(kase.year)});
    }
    finish(acting, correction_detail(correction), request.reason);
  });
  return result_of(id);
}

ActionResult CaseService::act(std::string_view ref,
                              Action action,
                              std::string_view login,
                              Instant at,
                              const std::function<void(Acting&)>& body) {
  std::string id;
  m_provisional.clear();
  m_warnings.clear();
  m_store.write([&] {
    Acting acting = begin(ref, action, login, at);
    body(acting);
    id = acting.kase.id;
  });
  return result_of(id);
}

std::string CaseService::resolve_id(std::string_view ref) {
  std::string id;
  m_store.read([&] { id = resolve_case_id(m_store, ref); });
  return id;
}

Case CaseService::get(std::string_view ref) {
  Case kase;
  m_store.read([&] {
    const std::string id = resolve_case_id(m_store, ref);
    kase = *find_case(m_store, id);
    kase.events = case_events(m_store, id);
  });
  return kase;
}

CaseDetail CaseService::detail(std::string_view ref, LocalDate today) {
  CaseDetail detail;
  m_store.read([&] {
    detail.kase = get(ref);
    const Case& kase = detail.kase;
    for (Officer& officer : officers_serving(m_store, Served{kase.enterprise.id, {}}, today)) {
      detail.officers.push_back(CaseOfficer{std::move(officer), Serves::enterprise});
    }
    if (kase.project) {
      detail.project = get_project(m_store, *kase.project);
      for (Officer& officer : officers_serving(m_store, Served{{}, kase.project}, today)) {
        detail.officers.push_back(CaseOfficer{std::move(officer), Serves::project});
      }
    }
  });
  return detail;
}

std::vector<CaseSummary> CaseService::list(const CaseQuery& query, LocalDate today) {
  std::vector<CaseSummary> summaries;
  m_store.read([&] {
    if (query.unit) {
      get_unit(m_store, *query.unit);  // a misspelt unit is an error with a hint, not an empty list
    }
    std::optional<std::int64_t> officer;
    if (query.officer) {
      officer = get_officer(m_store, *query.officer).id;
    }
    summaries = query_cases(m_store, query, today, officer);
  });
  return summaries;
}

std::vector<Event> CaseService::log(const std::optional<std::string>& ref,
                                    std::optional<Instant> since) {
  std::vector<Event> events;
  m_store.read([&] {
    std::optional<std::string> id;
    if (ref) {
      id = resolve_case_id(m_store, *ref);
    }
    events = find_events(m_store, id, since);
  });
  return events;
}

std::vector<ClockRow> CaseService::clocks(const ClockQuery& query) {
  std::vector<ClockRow> rows;
  m_store.read([&] { rows = query_clocks(m_store, query); });
  return rows;
}

}  // namespace ent110
