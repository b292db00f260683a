// SPDX-License-Identifier: MIT
#include <ent110/audit/audit_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/store/store.hpp>
#include <ent110/util/enum_names.hpp>

#include <SQLiteCpp/Statement.h>

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

std::optional<std::string> optional_text(SQLite::Statement& row, int column) {
  if (row.getColumn(column).isNull()) {
    return std::nullopt;
  }
  return row.getColumn(column).getString();
}

AuditEvent audit_event_from_row(SQLite::Statement& row) {
  AuditEvent event;
  event.seq = row.getColumn(0).getInt64();
  event.at = parse_utc(row.getColumn(1).getString());
  event.actor = row.getColumn(2).getString();
  event.unit = row.getColumn(3).getString();
  event.action = row.getColumn(4).getString();
  const std::string subject = row.getColumn(5).getString();
  if (auto parsed = value_of(k_subjects, subject)) {
    event.subject = *parsed;
  } else {
    throw StoreError(MessageId::case_stored_value_bad, {"audit_event.subject", subject});
  }
  event.key = row.getColumn(6).getString();
  event.before = optional_text(row, 7);
  event.after = optional_text(row, 8);
  event.after_case_seq = row.getColumn(9).getInt64();
  event.prev_hash = row.getColumn(10).getString();
  event.hash = row.getColumn(11).getString();
  return event;
}

void bind_optional(SQLite::Statement& statement,
                   int index,
                   const std::optional<std::string>& text) {
  if (text) {
    statement.bind(index, *text);
  } else {
    statement.bind(index);
  }
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
  SQLite::Statement query(store.db(), "SELECT row FROM " + view_of(subject) + " WHERE key = ?");
  query.bind(1, std::string(key));
  if (!query.executeStep()) {
    return std::nullopt;
  }
  return query.getColumn(0).getString();
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
      store.db().execAndGet("SELECT coalesce(max(seq), 0) FROM case_event").getInt64();
  ChainTail tail = chain_tail(store, "audit_event");
  event.seq = tail.next_seq;
  event.prev_hash = std::move(tail.prev_hash);
  event.hash = audit_hash(event);

  SQLite::Statement insert(store.db(),
                           "INSERT INTO audit_event (seq, at, actor, unit, action, subject, key, "
                           "before, after, after_case_seq, prev_hash, hash) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, event.seq);
  insert.bind(2, format_utc(event.at));
  insert.bind(3, event.actor);
  insert.bind(4, event.unit);
  insert.bind(5, event.action);
  insert.bind(6, std::string(to_string(event.subject)));
  insert.bind(7, event.key);
  bind_optional(insert, 8, event.before);
  bind_optional(insert, 9, event.after);
  insert.bind(10, event.after_case_seq);
  insert.bind(11, event.prev_hash);
  insert.bind(12, event.hash);
  insert.exec();
  return event;
}

std::vector<AuditEvent> find_audit_events(Store& store, std::optional<Instant> since) {
  SQLite::Statement query(store.db(),
                          std::string(k_audit_columns) +
                              (since ? "WHERE at >= ? ORDER BY at, seq" : "ORDER BY at, seq"));
  if (since) {
    query.bind(1, format_utc(*since));
  }
  std::vector<AuditEvent> events;
  while (query.executeStep()) {
    events.push_back(audit_event_from_row(query));
  }
  return events;
}

AuditChainCheck verify_audit_chain(Store& store) {
  SQLite::Statement query(store.db(), std::string(k_audit_columns) + "ORDER BY seq");
  ChainWalk walk;
  while (query.executeStep()) {
    const AuditEvent event = audit_event_from_row(query);
    walk.check(event.seq, event.prev_hash, audit_hash(event), event.hash);
  }
  return AuditChainCheck{walk.entries(), walk.first_broken()};
}

std::optional<RowMismatch> first_row_mismatch(Store& store) {
  SQLite::Statement replay(store.db(),
                           "SELECT key, after FROM audit_event WHERE subject = ? ORDER BY seq");
  for (AuditSubject subject : audit_subjects()) {
    std::map<std::string, std::string> expected;
    replay.bind(1, std::string(to_string(subject)));
    while (replay.executeStep()) {
      if (auto after = optional_text(replay, 1)) {
        expected[replay.getColumn(0).getString()] = *after;
      } else {
        expected.erase(replay.getColumn(0).getString());
      }
    }
    replay.reset();
    std::map<std::string, std::string> stored;
    SQLite::Statement rows(store.db(), "SELECT key, row FROM " + view_of(subject));
    while (rows.executeStep()) {
      stored[rows.getColumn(0).getString()] = rows.getColumn(1).getString();
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
