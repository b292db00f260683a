// SPDX-License-Identifier: MIT
#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/case_repo.hpp>
#include <ent110/cases/event_log.hpp>
#include <ent110/cases/service.hpp>
#include <ent110/cases/transitions.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/error.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/store/store.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace ent110 {
namespace {

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

// The latest clock `name` whose outcome is one of `outcomes`, or nullptr.
Clock* latest_clock(Case& kase, ClockName name, std::initializer_list<ClockOutcome> outcomes) {
  for (auto it = kase.clocks.rbegin(); it != kase.clocks.rend(); ++it) {
    if (it->name == name &&
        std::find(outcomes.begin(), outcomes.end(), it->outcome) != outcomes.end()) {
      return &*it;
    }
  }
  return nullptr;
}

// The unit's clocks of the current assignment: what forwarding again or the office's own answer
// ends.
bool is_unit_clock(ClockName name) {
  return name == ClockName::reply || name == ClockName::explain || name == ClockName::resubmit ||
         name == ClockName::review;
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
  Case kase;
  Action action = Action::intake;
  State to = State::received;
  std::string login;
  std::string unit;  ///< the acting unit recorded on the event
  Instant at;
  LocalDate day;  ///< the local date of the action: "on time" means day ≤ due

  void stop(Store& store, Clock& clock) const {
    clock.stopped = day;
    clock.outcome = on_time(day, clock.due) ? ClockOutcome::met : ClockOutcome::missed;
    save_clock(store, clock);
  }
  void set(Store& store, Clock& clock, ClockOutcome outcome) const {
    clock.stopped = day;
    clock.outcome = outcome;
    save_clock(store, clock);
  }
};

CaseService::CaseService(Store& store,
                         const WorkingCalendar& calendar,
                         const Config& config,
                         const Zone& zone)
    : m_store(store), m_calendar(calendar), m_config(config), m_zone(zone) {}

std::string CaseService::acting_unit(Actors actors,
                                     const Case& kase,
                                     std::string_view login,
                                     Action action) {
  // With no users registered one person acts for the office and for every unit.
  if (!has_users(m_store)) {
    return actors == Actors::office ? m_config.office_unit : kase.unit;
  }
  const std::optional<User> user = find_user(m_store, login);
  if (!user) {
    throw NotFound(MessageId::case_user_unknown, {std::string(login)});
  }
  const std::string role(to_string(user->role));
  if (actors == Actors::office) {
    if (user->role != Role::office) {
      throw Refused(MessageId::case_refused_office_only,
                    {user->login, user->unit, role, std::string(command_of(action))});
    }
    return user->unit;
  }
  if (user->role != Role::unit || user->unit != kase.unit) {
    throw Refused(
        MessageId::case_refused_lead_unit_only,
        {user->login, user->unit, role, std::string(command_of(action)), kase.id, kase.unit});
  }
  return user->unit;
}

CaseService::Acting CaseService::begin(std::string_view ref,
                                       Action action,
                                       std::string_view login,
                                       Instant at) {
  const std::string id = resolve_case_id(m_store, ref);
  Acting acting;
  acting.kase = *find_case(m_store, id);
  const Transition& row =
      require_transition(id, acting.kase.state, action, acting.kase.type, acting.kase.major);
  acting.action = action;
  acting.to = row.to;
  acting.login = std::string(login);
  acting.unit = acting_unit(row.actors, acting.kase, login, action);
  // Back-dated entry from paper records is fine; rewriting history is not.
  if (auto last = last_event_at(m_store, id); last && at < *last) {
    throw Refused(MessageId::case_refused_before_last,
                  {id, m_zone.format_local(at), m_zone.format_local(*last)});
  }
  acting.at = at;
  acting.day = m_zone.local_date(at);
  return acting;
}

Clock& CaseService::start_clock(Acting& acting,
                                ClockName name,
                                const std::string& unit,
                                std::optional<int> working_days,
                                std::optional<LocalDate> fixed_due) {
  Clock clock;
  clock.case_id = acting.kase.id;
  clock.name = name;
  clock.unit = unit;
  clock.round = acting.kase.round;
  clock.started_at = acting.at;
  clock.started = acting.day;
  if (fixed_due) {
    clock.due = *fixed_due;
  } else {
    // The n-th working day strictly after the start's local date (spec/rules.md "Counting").
    const int n = working_days.value_or(clock_limit(name, acting.kase.type, m_config));
    const DueDate due = m_calendar.due_after(acting.day, n);
    clock.working_days = n;
    clock.due = due.date;
    clock.provisional = due.provisional;
  }
  clock.id = insert_clock(m_store, clock);
  if (clock.provisional) {
    m_provisional.push_back(clock);
  }
  acting.kase.clocks.push_back(clock);
  return acting.kase.clocks.back();
}

void CaseService::finish(Acting& acting, std::string detail, std::string text) {
  acting.kase.state = acting.to;
  save_case(m_store, acting.kase);
  Event event;
  event.case_id = acting.kase.id;
  event.at = acting.at;
  event.action = acting.action;
  event.actor = acting.login;
  event.unit = acting.unit;
  event.detail = std::move(detail);
  event.text = std::move(text);
  append_event(m_store, std::move(event));
}

ActionResult CaseService::result_of(const std::string& id) {
  ActionResult result{get(id), std::move(m_provisional)};
  m_provisional.clear();
  return result;
}

ActionResult CaseService::intake(const IntakeRequest& request, std::string_view login, Instant at) {
  std::string id;
  m_provisional.clear();
  m_store.write([&] { id = intake_here(request, login, at); });
  return result_of(id);
}

BatchIntake CaseService::intake_many(const std::vector<IntakeRecord>& records,
                                     std::string_view login,
                                     Instant at,
                                     bool dry_run) {
  // Thrown to roll a dry run back once everything has been checked.
  struct DryRunDone {};
  BatchIntake batch;
  batch.dry_run = dry_run;
  m_provisional.clear();
  try {
    m_store.write([&] {
      for (const IntakeRecord& record : records) {
        std::string id;
        try {
          id = intake_here(record.request, login, record.received_at.value_or(at));
        } catch (const NotFound& error) {
          throw BadInput(MessageId::case_import_row, {record.where, error.what()});
        } catch (const UsageError& error) {
          throw BadInput(MessageId::case_import_row, {record.where, error.what()});
        }
        batch.cases.push_back(*find_case(m_store, id));
      }
      if (dry_run) {
        throw DryRunDone{};
      }
    });
  } catch (const DryRunDone&) {
  }
  batch.provisional = std::move(m_provisional);
  m_provisional.clear();
  return batch;
}

std::string CaseService::intake_here(const IntakeRequest& request,
                                     std::string_view login,
                                     Instant at) {
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
  kase.type = request.type;
  kase.major = request.major;
  kase.channel = request.channel;
  kase.title = request.title;
  kase.body = request.body;
  kase.received_at = at;
  kase.state = State::received;
  const date::year_month_day ymd{acting.day};
  kase.year = static_cast<int>(ymd.year());
  kase.number = next_case_number(m_store, kase.year);
  if (kase.number > 999999) {
    throw Refused(MessageId::case_year_full, {std::to_string(kase.year)});
  }
  kase.id = fmt::format("{:04}-{:06}", kase.year, kase.number);
  insert_case(m_store, kase, format_month(ymd.year() / ymd.month()));
  // Art. 7: forwarded within 1 working day, whatever the hour or day of receipt.
  start_clock(acting, ClockName::forward, m_config.office_unit, std::nullopt, std::nullopt);
  if (kase.major) {
    // Art. 8: a major case is reported to the city government within 2 working days.
    start_clock(acting, ClockName::government, m_config.office_unit, std::nullopt, std::nullopt);
  }
  std::string detail(to_string(kase.type));
  if (kase.major) {
    detail += " major";
  }
  finish(acting, detail, kase.title);
  return kase.id;
}

ActionResult CaseService::reject(std::string_view ref,
                                 RejectReason reason,
                                 const std::string& explanation,
                                 std::string_view login,
                                 Instant at) {
  require_text(explanation, "--explain");
  std::string id;
  m_provisional.clear();
  m_store.write([&] {
    Acting acting = begin(ref, Action::reject, login, at);
    for (Clock& clock : acting.kase.clocks) {
      if (clock.outcome != ClockOutcome::running) {
        continue;
      }
      if (clock.name == ClockName::forward) {
        acting.stop(m_store, clock);
      } else {
        // A case not accepted is not reported to the government either.
        acting.set(m_store, clock, ClockOutcome::cancelled);
      }
    }
    acting.kase.reject_reason = reason;
    finish(acting, std::string(to_string(reason)), explanation);
    id = acting.kase.id;
  });
  return result_of(id);
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
  std::string id;
  m_provisional.clear();
  m_store.write([&] {
    Acting acting = begin(ref, request.redo ? Action::redo : Action::forward, login, at);
    Case& kase = acting.kase;
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

    for (Clock& clock : kase.clocks) {
      if (clock.name == ClockName::forward && clock.outcome == ClockOutcome::running) {
        acting.stop(m_store, clock);
      } else if (is_unit_clock(clock.name) && (clock.outcome == ClockOutcome::running ||
                                               clock.outcome == ClockOutcome::paused)) {
        // The previous assignment ends; the new one gets its own clocks.
        acting.set(m_store, clock, ClockOutcome::cancelled);
      }
    }
    if (request.redo) {
      // 重办: the case is handled again and rated again; reports count the round separately.
      ++kase.round;
      kase.rating.reset();
      kase.rating_comment.clear();
    }
    kase.unit = lead.code;
    kase.co_units = co_units;
    start_clock(acting, ClockName::reply, lead.code, request.within_days, request.due);
    if (kase.type == CaseType::coordinate && !decided) {
      // Art. 7: a coordinate unit that cannot finish explains within 3 working days.
      start_clock(acting, ClockName::explain, lead.code, std::nullopt, std::nullopt);
    }
    std::string detail = lead.code;
    for (std::size_t i = 0; i < co_units.size(); ++i) {
      detail += (i == 0 ? " with " : ",") + co_units[i];
    }
    finish(acting, detail, request.note);
    id = kase.id;
  });
  return result_of(id);
}

ActionResult CaseService::reply(std::string_view ref,
                                const std::string& text,
                                std::string_view login,
                                Instant at) {
  require_text(text, "--text");
  std::string id;
  m_provisional.clear();
  m_store.write([&] {
    Acting acting = begin(ref, Action::reply, login, at);
    Case& kase = acting.kase;
    const Authored authored{text, acting.unit, acting.login, at, false};
    if (kase.state == State::escalated) {
      // The office answers the enterprise itself; the unit no longer owes anything.
      for (Clock& clock : kase.clocks) {
        if (is_unit_clock(clock.name) &&
            (clock.outcome == ClockOutcome::running || clock.outcome == ClockOutcome::paused)) {
          acting.set(m_store, clock, ClockOutcome::cancelled);
        }
      }
      kase.answer = authored;
    } else if (kase.state == State::returned) {
      if (Clock* resubmit = latest_clock(kase, ClockName::resubmit, {ClockOutcome::running})) {
        acting.stop(m_store, *resubmit);
      }
      kase.result = authored;
    } else {
      if (Clock* reply = latest_clock(kase, ClockName::reply, {ClockOutcome::running})) {
        acting.stop(m_store, *reply);
      }
      if (Clock* explain = latest_clock(kase, ClockName::explain, {ClockOutcome::running})) {
        // Finished in time: no explanation is owed.
        acting.set(m_store, *explain, ClockOutcome::cancelled);
      }
      if (acting.to == State::answered) {
        kase.answer = authored;  // Art. 6: a consult answer goes to the enterprise directly
      } else {
        kase.result = authored;
      }
    }
    if (acting.to == State::submitted) {
      start_clock(acting, ClockName::review, m_config.office_unit, std::nullopt, std::nullopt);
    }
    finish(acting, "", text);
    id = kase.id;
  });
  return result_of(id);
}

ActionResult CaseService::approve(std::string_view ref,
                                  const std::optional<std::string>& edited_text,
                                  std::string_view login,
                                  Instant at) {
  if (edited_text) {
    require_text(*edited_text, "--text");
  }
  std::string id;
  m_provisional.clear();
  m_store.write([&] {
    Acting acting = begin(ref, Action::approve, login, at);
    Case& kase = acting.kase;
    if (Clock* review = latest_clock(kase, ClockName::review, {ClockOutcome::running})) {
      acting.stop(m_store, *review);
    }
    const std::string submitted = kase.result ? kase.result->text : std::string();
    const bool edited = edited_text && *edited_text != submitted;
    // 谁发布、谁负责 (Art. 14, 16): the office publishes, so the answer is the office's.
    kase.answer =
        Authored{edited ? *edited_text : submitted, acting.unit, acting.login, at, edited};
    finish(acting, edited ? "edited" : "", kase.answer->text);
    id = kase.id;
  });
  return result_of(id);
}

ActionResult CaseService::return_result(std::string_view ref,
                                        const std::string& reason,
                                        std::string_view login,
                                        Instant at) {
  require_text(reason, "--return");
  std::string id;
  m_provisional.clear();
  m_store.write([&] {
    Acting acting = begin(ref, Action::return_result, login, at);
    if (Clock* review = latest_clock(acting.kase, ClockName::review, {ClockOutcome::running})) {
      acting.stop(m_store, *review);
    }
    start_clock(acting, ClockName::resubmit, acting.kase.unit, std::nullopt, std::nullopt);
    finish(acting, "", reason);
    id = acting.kase.id;
  });
  return result_of(id);
}

ActionResult CaseService::explain(std::string_view ref,
                                  const std::string& reason,
                                  const std::string& plan,
                                  std::string_view login,
                                  Instant at) {
  require_text(reason, "--explain");
  require_text(plan, "--propose");
  std::string id;
  m_provisional.clear();
  m_store.write([&] {
    Acting acting = begin(ref, Action::explain, login, at);
    Case& kase = acting.kase;
    if (Clock* explain = latest_clock(kase, ClockName::explain, {ClockOutcome::running})) {
      acting.stop(m_store, *explain);
    }
    // Art. 7: the case waits for the office's decision, which sets the new due date.
    if (Clock* reply = latest_clock(kase, ClockName::reply, {ClockOutcome::running})) {
      acting.set(m_store, *reply, ClockOutcome::paused);
    }
    finish(acting, plan, reason);
    id = kase.id;
  });
  return result_of(id);
}

ActionResult CaseService::escalate(std::string_view ref,
                                   EscalationTarget target,
                                   const std::string& note,
                                   std::string_view login,
                                   Instant at) {
  std::string id;
  m_provisional.clear();
  m_store.write([&] {
    Acting acting = begin(ref, action_of(target), login, at);
    Case& kase = acting.kase;
    std::string detail;
    if (target == EscalationTarget::government && kase.major) {
      Clock* government = latest_clock(kase, ClockName::government, {ClockOutcome::running});
      if (government != nullptr) {
        acting.stop(m_store, *government);  // Art. 8: reported to the city government
      } else if (acting.to == kase.state) {
        const Clock* done =
            latest_clock(kase, ClockName::government, {ClockOutcome::met, ClockOutcome::missed});
        throw Refused(MessageId::case_already_reported,
                      {kase.id, done != nullptr && done->stopped ? format_date(*done->stopped)
                                                                 : std::string("?")});
      }
    }
    if (target == EscalationTarget::inspection) {
      // Art. 7 last paragraph: only a unit late on its reply and without explanation.
      Clock* reply = latest_clock(kase, ClockName::reply, {ClockOutcome::running});
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
      reply->referred_at = at;
      save_clock(m_store, *reply);
      detail = reply->unit;
    }
    finish(acting, detail, note);
    id = kase.id;
  });
  return result_of(id);
}

ActionResult CaseService::dispute(std::string_view ref,
                                  const std::string& reason,
                                  std::string_view login,
                                  Instant at) {
  require_text(reason, "--reason");
  std::string id;
  m_provisional.clear();
  m_store.write([&] {
    Acting acting = begin(ref, Action::dispute, login, at);
    // Art. 2: the joint meeting decides who is responsible; until then nothing counts.
    for (Clock& clock : acting.kase.clocks) {
      if (is_unit_clock(clock.name) && clock.outcome == ClockOutcome::running) {
        acting.set(m_store, clock, ClockOutcome::paused);
      }
    }
    finish(acting, "", reason);
    id = acting.kase.id;
  });
  return result_of(id);
}

ActionResult CaseService::evaluate(std::string_view ref,
                                   Rating rating,
                                   const std::string& comment,
                                   std::string_view login,
                                   Instant at) {
  std::string id;
  m_provisional.clear();
  m_store.write([&] {
    Acting acting = begin(ref, Action::evaluate, login, at);
    acting.kase.rating = rating;
    acting.kase.rating_comment = comment;
    finish(acting, std::string(to_string(rating)), comment);
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

std::vector<CaseSummary> CaseService::list(const CaseQuery& query, LocalDate today) {
  std::vector<CaseSummary> summaries;
  m_store.read([&] {
    if (query.unit) {
      get_unit(m_store, *query.unit);  // a misspelt unit is an error with a hint, not an empty list
    }
    summaries = query_cases(m_store, query, today);
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
