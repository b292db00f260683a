// SPDX-License-Identifier: MIT
#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/clock_rules.hpp>
#include <ent110/cases/replay.hpp>
#include <ent110/cases/transitions.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <sstream>

namespace ent110 {
namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    if (end > start) {
      parts.emplace_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return parts;
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

/// The replay's running state of one case.
class Replay {
 public:
  Replay(const Case& header, const ReplayContext& context) : m_context(context) {
    m_kase.id = header.id;
    m_kase.year = header.year;
    m_kase.number = header.number;
    m_kase.enterprise = header.enterprise;
    m_kase.project = header.project;
    m_kase.source_id = header.source_id;
    m_kase.confidential = header.confidential;
    m_kase.channel = header.channel;
    m_kase.body = header.body;
  }

  void apply(const Event& event) {
    m_event = &event;
    m_day = m_context.zone.local_date(event.at);
    if (event.action == Action::intake) {
      intake(event);
      return;
    }
    if (!m_taken_in) {
      impossible(MessageId::case_replay_before_intake, {});
    }
    switch (event.action) {
      case Action::merge:
        merge(event);
        return;
      case Action::unmerge:
        unmerge();
        return;
      case Action::follow:
        follow(event);
        return;
      default:
        break;
    }
    if (m_kase.merged_into && event.action != Action::evaluate) {
      // A duplicate is acted on through its primary; only its own rating is its own.
      impossible(MessageId::merge_replay_merged, {*m_kase.merged_into});
    }
    if (event.action == Action::escalate_inspection) {
      judge_referral(event);
      return;
    }
    const Transition* row = find_transition(m_kase.state, event.action, m_kase.type, m_kase.major);
    if (row == nullptr) {
      impossible(MessageId::case_replay_state,
                 {std::string(to_string(m_kase.state)), std::string(command_of(event.action))});
    }
    check_actor(*row, event);
    effects(*row, event);
    m_kase.state = row->to;
  }

  Replayed finish() && { return Replayed{std::move(m_kase), std::move(m_stale)}; }

 private:
  // Refuses with `reason`, whose first three arguments name the case, the event and its command.
  [[noreturn]] void impossible(MessageId reason, std::vector<std::string> args) const {
    args.insert(args.begin(), {m_kase.id, std::to_string(m_event->case_seq),
                               std::string(command_of(m_event->action))});
    throw Refused(reason, std::move(args));
  }

  void intake(const Event& event) {
    if (m_taken_in) {
      impossible(MessageId::case_replay_second_intake, {});
    }
    m_taken_in = true;
    // "coordinate" or "coordinate major" (CaseService::intake).
    const std::vector<std::string> words = split(event.detail, ' ');
    const std::optional<CaseType> type =
        words.empty() ? std::nullopt : parse_case_type(words.front());
    if (!type) {
      throw StoreError(MessageId::case_stored_value_bad, {"case_event.detail", event.detail});
    }
    m_kase.type = *type;
    m_kase.major = words.size() > 1 && words[1] == "major";
    m_kase.title = event.text;
    m_kase.received_at = event.at;
    m_kase.state = State::received;
    start_clocks(Action::intake, State::received, {});
  }

  void merge(const Event& event) {
    if (m_kase.merged_into) {
      impossible(MessageId::merge_replay_merged, {*m_kase.merged_into});
    }
    if (!is_open(m_kase.state)) {
      impossible(MessageId::case_replay_state, {std::string(to_string(m_kase.state))});
    }
    m_kase.merged_into = event.detail;
    m_suspended.clear();
    // A duplicate is answered with its primary: its running clocks not yet due are cancelled,
    // but one already past its due date ends as missed at the merge (a merge must not erase a
    // lateness already incurred); those decided before the merge stay.
    for (Clock& clock : m_kase.clocks) {
      if (clock.outcome == ClockOutcome::running) {
        m_suspended.push_back(clock);
        set(clock, clock.due < m_day ? ClockOutcome::missed : ClockOutcome::cancelled);
      } else if (clock.outcome == ClockOutcome::paused) {
        set(clock, ClockOutcome::cancelled);
      }
    }
  }

  // The duplicate goes back to where it was: each clock that ran at the merge runs again, counted
  // anew from the unmerge with its limit in working days (a fixed due date gives way to the
  // rule's limit, which may be long past); a paused clock stays ended, as the office's next
  // decision starts the clocks that follow an explanation or a dispute.
  void unmerge() {
    if (!m_kase.merged_into) {
      impossible(MessageId::merge_replay_not_merged, {});
    }
    if (m_kase.answer) {
      impossible(MessageId::merge_replay_answered, {*m_kase.merged_into});
    }
    m_kase.merged_into.reset();
    for (const Clock& suspended : m_suspended) {
      const ClockRule& rule = clock_rule(suspended.name);
      start(rule, suspended.unit, DecidedLimit{suspended.working_days, std::nullopt});
    }
    m_suspended.clear();
  }

  // The primary's answer reaches its duplicate; an empty text means the primary's answer was
  // voided by a correction, and the duplicate waits again as it did before.
  void follow(const Event& event) {
    if (m_kase.merged_into != event.detail) {
      impossible(MessageId::merge_replay_not_following, {event.detail});
    }
    if (event.text.empty()) {
      if (m_before_follow) {
        m_kase.state = *m_before_follow;
        m_kase.answer.reset();
        m_kase.rating.reset();
        m_kase.rating_comment.clear();
        m_before_follow.reset();
      }
      return;
    }
    if (!m_before_follow) {
      m_before_follow = m_kase.state;
    }
    m_kase.answer = Authored{event.text, event.unit, event.actor, event.at, false};
    if (m_kase.state != State::evaluated) {
      m_kase.state = State::answered;
    }
  }

  // A lead-unit action must come from the lead unit of the time, a co-unit's from one of its
  // co-units: a correction of the assignment may not leave another unit's answer standing.
  void check_actor(const Transition& row, const Event& event) const {
    if (row.actors == Actors::lead_unit && event.unit != m_kase.unit) {
      impossible(MessageId::case_replay_not_lead, {event.unit, m_kase.unit});
    }
    if (row.actors == Actors::co_unit && std::find(m_kase.co_units.begin(), m_kase.co_units.end(),
                                                   event.unit) == m_kase.co_units.end()) {
      impossible(MessageId::case_replay_not_co_unit, {event.unit});
    }
  }

  void effects(const Transition& row, const Event& event) {
    const Authored authored{event.text, event.unit, event.actor, event.at, false};
    switch (event.action) {
      case Action::reject:
        m_kase.reject_reason = parse_reject_reason(event.detail);
        break;
      case Action::forward:
      case Action::redo: {
        end_clocks(event.action);
        if (event.action == Action::redo) {
          // 重办: handled again and rated again; the new clocks count the new round.
          ++m_kase.round;
          m_kase.rating.reset();
          m_kase.rating_comment.clear();
        }
        const std::optional<ForwardDetail> parsed = parse_forward_detail(event.detail);
        if (!parsed) {
          throw StoreError(MessageId::case_stored_value_bad, {"case_event.detail", event.detail});
        }
        const ForwardDetail& forward = *parsed;
        m_kase.unit = forward.lead;
        m_kase.co_units = forward.co_units;
        start_clocks(event.action, row.to, forward.limit);
        return;
      }
      case Action::reply:
        if (m_kase.state == State::escalated) {
          m_kase.answer = authored;  // the office answers the enterprise itself (Art. 7)
        } else if (row.to == State::answered) {
          m_kase.answer = authored;  // Art. 6: a consult answer goes to the enterprise directly
        } else {
          m_kase.result = authored;
        }
        break;
      case Action::approve: {
        // 谁发布、谁负责 (Art. 14, 16): the office publishes, so the answer is the office's.
        Authored published = authored;
        published.edited = event.detail == "edited";
        m_kase.answer = published;
        break;
      }
      case Action::evaluate:
        m_kase.rating = parse_rating(event.detail);
        m_kase.rating_comment = event.text;
        break;
      default:
        break;
    }
    end_clocks(event.action);
    start_clocks(event.action, row.to, {});
  }

  // Stops, pauses and cancels what `action` stops, pauses and cancels (clock_rules.cpp).
  void end_clocks(Action action) {
    std::optional<ClockOutcome> reply_verdict;
    for (Clock& clock : m_kase.clocks) {
      const ClockRule& rule = clock_rule(clock.name);
      const bool mine = rule.owner != ClockOwner::co_unit || action != Action::contribute ||
                        clock.unit == m_event->unit;
      if (clock.outcome == ClockOutcome::running && rule.stopped_by.contains(action) && mine) {
        set(clock, m_day <= clock.due ? ClockOutcome::met : ClockOutcome::missed);
        if (clock.name == ClockName::reply) {
          reply_verdict = clock.outcome;
        }
      } else if (clock.outcome == ClockOutcome::running && rule.paused_by.contains(action) &&
                 m_day <= clock.due) {
        set(clock, ClockOutcome::paused);
      }
    }
    for (Clock& clock : m_kase.clocks) {
      const ClockRule& rule = clock_rule(clock.name);
      if (!rule.cancelled_by.contains(action) ||
          (clock.outcome != ClockOutcome::running && clock.outcome != ClockOutcome::paused)) {
        continue;
      }
      if (clock.name == ClockName::explain && reply_verdict) {
        // An explanation is owed only by a unit that cannot answer in time (Art. 7): a reply
        // on time ends it, a late reply without one leaves it missed.
        set(clock,
            *reply_verdict == ClockOutcome::met ? ClockOutcome::cancelled : ClockOutcome::missed);
      } else if (clock.outcome == ClockOutcome::running && m_day > clock.due) {
        set(clock, ClockOutcome::missed);  // no action erases a miss
      } else {
        set(clock, ClockOutcome::cancelled);
      }
    }
  }

  void start_clocks(Action action, State to, const DecidedLimit& limit) {
    const bool decided = limit.within_days || limit.due;
    for (const ClockRule& rule : clock_rules()) {
      if (!rule.started_by.contains(action)) {
        continue;
      }
      switch (rule.start_when) {
        case StartWhen::always:
          break;
        case StartWhen::major:
          if (!m_kase.major) {
            continue;
          }
          break;
        case StartWhen::coordinate_by_the_rule:
          if (m_kase.type != CaseType::coordinate || decided) {
            continue;
          }
          break;
        case StartWhen::result_submitted:
          if (to != State::submitted) {
            continue;
          }
          break;
        case StartWhen::per_co_unit:
          for (const std::string& unit : m_kase.co_units) {
            start(rule, unit, {});
          }
          continue;
      }
      const std::string owner =
          rule.owner == ClockOwner::office ? m_context.config.office_unit : m_kase.unit;
      start(rule, owner, rule.clock == ClockName::reply ? limit : DecidedLimit{});
    }
  }

  void start(const ClockRule& rule, const std::string& unit, const DecidedLimit& limit) {
    Clock clock;
    clock.case_id = m_kase.id;
    clock.name = rule.clock;
    clock.unit = unit;
    clock.round = m_kase.round;
    clock.started_at = m_event->at;
    clock.started = m_day;
    if (limit.due) {
      clock.due = *limit.due;
    } else {
      // The n-th working day strictly after the start's local date (spec/rules.md "Counting").
      const int n = limit.within_days.value_or(clock_limit(rule, m_kase.type, m_context.config));
      const DueDate due = m_context.calendar.due_after(m_day, n);
      clock.working_days = n;
      clock.due = due.date;
      clock.provisional = due.provisional;
    }
    if (rule.owner == ClockOwner::co_unit) {
      // Never later than the lead unit's reply due date: the contribution is for that reply.
      for (const Clock& other : m_kase.clocks) {
        if (other.name == ClockName::reply && other.outcome == ClockOutcome::running &&
            other.due < clock.due) {
          clock.due = other.due;
          clock.provisional = other.provisional;
        }
      }
    }
    m_kase.clocks.push_back(clock);
  }

  void set(Clock& clock, ClockOutcome outcome) const {
    clock.outcome = outcome;
    clock.stopped = m_day;
  }

  // Art. 7 last paragraph: a referral stands while the unit was late on its reply and had not
  // explained in time, as the events now tell it; else it is due to be withdrawn.
  void judge_referral(const Event& event) {
    Clock* reply = nullptr;
    for (Clock& clock : m_kase.clocks) {
      if (clock.name == ClockName::reply) {
        reply = &clock;
      }
    }
    const bool late =
        reply != nullptr && reply->due < m_day &&
        (reply->outcome == ClockOutcome::running || reply->outcome == ClockOutcome::missed) &&
        !reply->referred_at;
    if (late) {
      reply->referred_at = event.at;
    } else {
      m_stale.push_back(event.case_seq);
    }
  }

  const ReplayContext& m_context;
  Case m_kase;
  std::vector<int> m_stale;
  const Event* m_event = nullptr;
  LocalDate m_day;
  bool m_taken_in = false;
  std::vector<Clock> m_suspended;        ///< the clocks a merge stopped, as they ran then
  std::optional<State> m_before_follow;  ///< the duplicate's state before an answer reached it
};

std::string authored_text(const std::optional<Authored>& a) {
  if (!a) {
    return "-";
  }
  return fmt::format("{}|{}|{}|{}|{}", a->text, a->unit, a->by, format_utc(a->at), a->edited);
}

std::string clock_text(const Clock& c, std::string_view field) {
  if (field == "name")
    return std::string(to_string(c.name));
  if (field == "unit")
    return c.unit;
  if (field == "round")
    return std::to_string(c.round);
  if (field == "started")
    return format_utc(c.started_at) + " " + format_date(c.started);
  if (field == "working_days")
    return c.working_days ? std::to_string(*c.working_days) : "-";
  if (field == "due")
    return format_date(c.due) + (c.provisional ? "?" : "");
  if (field == "stopped")
    return c.stopped ? format_date(*c.stopped) : "-";
  if (field == "outcome")
    return std::string(to_string(c.outcome));
  return c.referred_at ? format_utc(*c.referred_at) : "-";
}

}  // namespace

std::string forward_detail(const std::string& lead,
                           const std::vector<std::string>& co_units,
                           const DecidedLimit& limit) {
  std::string detail = lead;
  for (std::size_t i = 0; i < co_units.size(); ++i) {
    detail += (i == 0 ? " with " : ",") + co_units[i];
  }
  if (limit.within_days) {
    detail += fmt::format(" within {}", *limit.within_days);
  } else if (limit.due) {
    detail += " due " + format_date(*limit.due);
  }
  return detail;
}

std::optional<ForwardDetail> parse_forward_detail(std::string_view detail) {
  const std::vector<std::string> words = split(detail, ' ');
  ForwardDetail parsed;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i == 0) {
      parsed.lead = words[0];
    } else if (words[i] == "with" && i + 1 < words.size()) {
      parsed.co_units = split(words[++i], ',');
    } else if (words[i] == "within" && i + 1 < words.size()) {
      parsed.limit.within_days = parse_int(words[++i]);
    } else if (words[i] == "due" && i + 1 < words.size()) {
      parsed.limit.due = try_parse_date(words[++i]);
    }
  }
  if (parsed.lead.empty()) {
    return std::nullopt;
  }
  return parsed;
}

std::string correction_detail(const Correction& correction) {
  switch (correction.kind) {
    case CorrectionKind::time:
      return fmt::format("{} time {}", correction.event, format_utc(*correction.time));
    case CorrectionKind::to:
      return fmt::format("{} to {}", correction.event, correction.unit);
    case CorrectionKind::void_:
      return fmt::format("{} void", correction.event);
  }
  return {};
}

std::optional<Correction> parse_correction(std::string_view detail) {
  const std::vector<std::string> words = split(detail, ' ');
  if (words.size() < 2) {
    return std::nullopt;
  }
  Correction correction;
  const std::optional<int> event = parse_int(words[0]);
  if (!event || *event < 1) {
    return std::nullopt;
  }
  correction.event = *event;
  if (words[1] == "void" && words.size() == 2) {
    correction.kind = CorrectionKind::void_;
  } else if (words[1] == "to" && words.size() == 3) {
    correction.kind = CorrectionKind::to;
    correction.unit = words[2];
  } else if (words[1] == "time" && words.size() == 3) {
    correction.kind = CorrectionKind::time;
    try {
      correction.time = parse_utc(words[2]);
    } catch (const Error&) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  return correction;
}

std::vector<Event> effective_events(const std::vector<Event>& events) {
  std::map<int, Event> by_seq;
  for (const Event& event : events) {
    by_seq.emplace(event.case_seq, event);
  }
  std::set<int> voided;
  std::set<int> withdrawn;
  for (const Event& event : events) {
    if (event.action == Action::withdraw) {
      if (const std::optional<int> seq = parse_int(event.detail)) {
        withdrawn.insert(*seq);
      }
    } else if (event.action == Action::correct) {
      const std::optional<Correction> correction = parse_correction(event.detail);
      if (!correction) {
        throw StoreError(MessageId::case_stored_value_bad, {"case_event.detail", event.detail});
      }
      auto target = by_seq.find(correction->event);
      if (target == by_seq.end()) {
        continue;
      }
      switch (correction->kind) {
        case CorrectionKind::void_:
          voided.insert(correction->event);
          break;
        case CorrectionKind::time:
          target->second.at = *correction->time;
          break;
        case CorrectionKind::to:
          // Only the lead unit changes; the co-units and a decided limit stay.
          if (std::optional<ForwardDetail> forward = parse_forward_detail(target->second.detail)) {
            target->second.detail =
                forward_detail(correction->unit, forward->co_units, forward->limit);
          }
          break;
      }
    }
  }
  std::vector<Event> effective;
  for (const auto& [seq, event] : by_seq) {
    const bool marker = event.action == Action::correct || event.action == Action::withdraw;
    if (!marker && !voided.contains(seq) && !withdrawn.contains(seq)) {
      effective.push_back(event);
    }
  }
  std::stable_sort(effective.begin(), effective.end(),
                   [](const Event& a, const Event& b) { return a.at < b.at; });
  return effective;
}

Replayed replay(const Case& header,
                const std::vector<Event>& events,
                const ReplayContext& context) {
  Replay replay(header, context);
  for (const Event& event : effective_events(events)) {
    replay.apply(event);
  }
  return std::move(replay).finish();
}

std::optional<std::string> first_difference(const Case& stored, const Case& replayed) {
  const auto differs = [](const auto& a, const auto& b) { return !(a == b); };
  if (differs(stored.type, replayed.type))
    return "type";
  if (differs(stored.major, replayed.major))
    return "major";
  if (differs(stored.title, replayed.title))
    return "title";
  if (differs(stored.received_at, replayed.received_at))
    return "received_at";
  if (differs(stored.state, replayed.state))
    return "state";
  if (differs(stored.unit, replayed.unit))
    return "unit";
  if (differs(stored.co_units, replayed.co_units))
    return "co_units";
  if (differs(stored.round, replayed.round))
    return "round";
  if (differs(stored.reject_reason, replayed.reject_reason))
    return "reject_reason";
  if (differs(authored_text(stored.result), authored_text(replayed.result)))
    return "result";
  if (differs(authored_text(stored.answer), authored_text(replayed.answer)))
    return "answer";
  if (differs(stored.rating, replayed.rating))
    return "rating";
  if (differs(stored.rating_comment, replayed.rating_comment))
    return "rating_comment";
  if (differs(stored.merged_into, replayed.merged_into))
    return "merged_into";
  if (stored.clocks.size() != replayed.clocks.size())
    return "clocks";
  for (std::size_t i = 0; i < stored.clocks.size(); ++i) {
    for (std::string_view field : {"name", "unit", "round", "started", "working_days", "due",
                                   "stopped", "outcome", "referred_at"}) {
      if (clock_text(stored.clocks[i], field) != clock_text(replayed.clocks[i], field)) {
        return fmt::format("clock {} ({}) {}", i + 1, to_string(replayed.clocks[i].name), field);
      }
    }
  }
  return std::nullopt;
}

}  // namespace ent110
