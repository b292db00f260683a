// SPDX-License-Identifier: MIT
#include <ent110/audit/audit_log.hpp>
#include <ent110/audit/audit_repo.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/util/enum_names.hpp>

#include <charconv>
#include <map>

namespace ent110 {
namespace {

constexpr EnumNames<AuditSubject, 10> k_subjects = {{
    {AuditSubject::unit, "unit"},
    {AuditSubject::user, "user"},
    {AuditSubject::enterprise, "enterprise"},
    {AuditSubject::calendar_year, "calendar_year"},
    {AuditSubject::calendar_override, "calendar_override"},
    {AuditSubject::assessment_event, "assessment_event"},
    {AuditSubject::officer, "officer"},
    {AuditSubject::project, "project"},
    {AuditSubject::assignment, "assignment"},
    {AuditSubject::visit, "visit"},
}};

// Whether `subject`'s rows are keyed by an integer (an id or a year) rather than a text code.
// The key is bound as what the view's column holds: PostgreSQL does not compare 5 with '5'.
bool integer_keyed(AuditSubject subject) {
  return subject != AuditSubject::unit && subject != AuditSubject::user &&
         subject != AuditSubject::project;
}

}  // namespace

std::string_view to_string(AuditSubject subject) {
  return name_of(k_subjects, subject);
}

std::optional<AuditSubject> parse_audit_subject(std::string_view text) {
  return value_of(k_subjects, text);
}

const std::vector<AuditSubject>& audit_subjects() {
  static const std::vector<AuditSubject> k_all = values_of(k_subjects);
  return k_all;
}

std::string audit_hash(const AuditEvent& event) {
  return chain_hash(
      {std::to_string(event.seq), format_utc(event.at), event.actor, event.unit, event.action,
       std::string(to_string(event.subject)), event.key, event.before.value_or(""),
       event.after.value_or(""), std::to_string(event.after_case_seq)},
      event.prev_hash);
}

std::optional<std::string> audit_row(Store& store, AuditSubject subject, std::string_view key) {
  if (!integer_keyed(subject)) {
    return audit_view_row(store, subject, key);
  }
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), number);
  if (error != std::errc{} || end != key.data() + key.size()) {
    return std::nullopt;
  }
  return audit_view_row(store, subject, number);
}

AuditEvent record_change(Store& store,
                         const Actor& actor,
                         std::string_view action,
                         AuditSubject subject,
                         std::string_view key,
                         std::optional<std::string> before,
                         Instant at) {
  AuditEvent event;
  event.at = at;
  event.actor = actor.login;
  event.unit = actor.unit;
  event.action = std::string(action);
  event.subject = subject;
  event.key = std::string(key);
  event.before = std::move(before);
  event.after = audit_row(store, subject, key);
  event.after_case_seq = last_case_event_seq(store);
  ChainTail tail = chain_tail(store, "audit_event");
  event.seq = tail.next_seq;
  event.prev_hash = std::move(tail.prev_hash);
  event.hash = audit_hash(event);

  insert_audit_event(store, event);
  return event;
}

std::vector<AuditEvent> find_audit_events(Store& store, std::optional<Instant> since) {
  AuditEvents in_order = audit_events_by_time(store, since);
  std::vector<AuditEvent> events;
  while (std::optional<AuditEvent> event = in_order.next()) {
    events.push_back(std::move(*event));
  }
  return events;
}

AuditChainCheck verify_audit_chain(Store& store) {
  AuditEvents chain = audit_events_by_seq(store);
  ChainWalk walk;
  while (const std::optional<AuditEvent> event = chain.next()) {
    walk.check(event->seq, event->prev_hash, audit_hash(*event), event->hash);
  }
  return AuditChainCheck{walk.entries(), walk.first_broken()};
}

std::optional<RowMismatch> first_row_mismatch(Store& store) {
  AuditedChanges changes(store);
  for (AuditSubject subject : audit_subjects()) {
    std::map<std::string, std::string> expected;
    changes.select(subject);
    while (std::optional<AuditedChange> change = changes.next()) {
      if (change->after) {
        expected[change->key] = std::move(*change->after);
      } else {
        expected.erase(change->key);
      }
    }
    const std::map<std::string, std::string> stored = audit_view_rows(store, subject);
    // Both maps are ordered by key: walk them together and stop at the first disagreement.
    auto want = expected.begin();
    auto have = stored.begin();
    while (want != expected.end() || have != stored.end()) {
      if (have == stored.end() || (want != expected.end() && want->first < have->first)) {
        return RowMismatch{subject, want->first, RowProblem::missing};
      }
      if (want == expected.end() || have->first < want->first) {
        return RowMismatch{subject, have->first, RowProblem::unaudited};
      }
      if (want->second != have->second) {
        return RowMismatch{subject, have->first, RowProblem::differs};
      }
      ++want;
      ++have;
    }
  }
  return std::nullopt;
}

}  // namespace ent110
