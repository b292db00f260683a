// SPDX-License-Identifier: MIT
#include <ent110/audit/audit_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/util/enum_names.hpp>

#include <charconv>
#include <map>

namespace ent110 {
namespace {

constexpr EnumNames<AuditSubject, 6> k_subjects = {{
    {AuditSubject::unit, "unit"},
    {AuditSubject::user, "user"},
    {AuditSubject::enterprise, "enterprise"},
    {AuditSubject::calendar_year, "calendar_year"},
    {AuditSubject::calendar_override, "calendar_override"},
    {AuditSubject::assessment_event, "assessment_event"},
}};

constexpr std::string_view k_audit_columns =
    "SELECT seq, at, actor, unit, action, subject, key, before, after, after_case_seq, "
    "prev_hash, hash FROM audit_event ";

// The view of schema/008_audit.sql that renders `subject`'s rows as audit JSON.
std::string view_of(AuditSubject subject) {
  return "audit_row_" + std::string(to_string(subject));
}

// Whether `subject`'s rows are keyed by an integer (an id or a year) rather than a text code.
// The key is bound as what the view's column holds: PostgreSQL does not compare 5 with '5'.
bool integer_keyed(AuditSubject subject) {
  return subject != AuditSubject::unit && subject != AuditSubject::user;
}

AuditEvent audit_event_from_row(const Statement& row) {
  AuditEvent event;
  event.seq = row.int64(0);
  event.at = parse_utc(row.text(1));
  event.actor = row.text(2);
  event.unit = row.text(3);
  event.action = row.text(4);
  const std::string subject = row.text(5);
  if (auto parsed = value_of(k_subjects, subject)) {
    event.subject = *parsed;
  } else {
    throw StoreError(MessageId::case_stored_value_bad, {"audit_event.subject", subject});
  }
  event.key = row.text(6);
  event.before = row.optional_text(7);
  event.after = row.optional_text(8);
  event.after_case_seq = row.int64(9);
  event.prev_hash = row.text(10);
  event.hash = row.text(11);
  return event;
}

}  // namespace

std::string_view to_string(AuditSubject subject) {
  return name_of(k_subjects, subject);
}

const std::vector<AuditSubject>& audit_subjects() {
  static const std::vector<AuditSubject> k_all = [] {
    std::vector<AuditSubject> all;
    for (const auto& entry : k_subjects) {
      all.push_back(entry.first);
    }
    return all;
  }();
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
  Statement query(store, "SELECT row FROM " + view_of(subject) + " WHERE key = ?");
  if (integer_keyed(subject)) {
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), number);
    if (error != std::errc{} || end != key.data() + key.size()) {
      return std::nullopt;
    }
    query.bind(1, number);
  } else {
    query.bind(1, key);
  }
  if (!query.step()) {
    return std::nullopt;
  }
  return query.text(0);
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
  event.after_case_seq =
      Statement(store, "SELECT coalesce(max(seq), 0) FROM case_event").scalar_int64();
  ChainTail tail = chain_tail(store, "audit_event");
  event.seq = tail.next_seq;
  event.prev_hash = std::move(tail.prev_hash);
  event.hash = audit_hash(event);

  Statement(store,
            "INSERT INTO audit_event (seq, at, actor, unit, action, subject, key, before, after, "
            "after_case_seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, event.seq)
      .bind(2, format_utc(event.at))
      .bind(3, event.actor)
      .bind(4, event.unit)
      .bind(5, event.action)
      .bind(6, to_string(event.subject))
      .bind(7, event.key)
      .bind(8, event.before)
      .bind(9, event.after)
      .bind(10, event.after_case_seq)
      .bind(11, event.prev_hash)
      .bind(12, event.hash)
      .run();
  return event;
}

std::vector<AuditEvent> find_audit_events(Store& store, std::optional<Instant> since) {
  Statement query(store, std::string(k_audit_columns) +
                             (since ? "WHERE at >= ? ORDER BY at, seq" : "ORDER BY at, seq"));
  if (since) {
    query.bind(1, format_utc(*since));
  }
  std::vector<AuditEvent> events;
  while (query.step()) {
    events.push_back(audit_event_from_row(query));
  }
  return events;
}

AuditChainCheck verify_audit_chain(Store& store) {
  Statement query(store, std::string(k_audit_columns) + "ORDER BY seq");
  ChainWalk walk;
  while (query.step()) {
    const AuditEvent event = audit_event_from_row(query);
    walk.check(event.seq, event.prev_hash, audit_hash(event), event.hash);
  }
  return AuditChainCheck{walk.entries(), walk.first_broken()};
}

std::optional<RowMismatch> first_row_mismatch(Store& store) {
  Statement replay(store, "SELECT key, after FROM audit_event WHERE subject = ? ORDER BY seq");
  for (AuditSubject subject : audit_subjects()) {
    std::map<std::string, std::string> expected;
    replay.bind(1, to_string(subject));
    while (replay.step()) {
      if (auto after = replay.optional_text(1)) {
        expected[replay.text(0)] = *after;
      } else {
        expected.erase(replay.text(0));
      }
    }
    replay.reset();
    // Keys compare as the text audit_event.key holds, whatever the view's column type.
    std::map<std::string, std::string> stored;
    Statement rows(store, "SELECT CAST(key AS TEXT), row FROM " + view_of(subject));
    while (rows.step()) {
      stored[rows.text(0)] = rows.text(1);
    }
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
