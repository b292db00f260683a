// SPDX-License-Identifier: MIT
#include <ent110/audit/audit_repo.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/store.hpp>

namespace ent110 {
namespace {

constexpr std::string_view k_audit_columns =
    "SELECT seq, at, actor, unit, action, subject, key, before, after, after_case_seq, "
    "prev_hash, hash FROM audit_event ";

// The view of schema/008_audit.sql that renders `subject`'s rows as audit JSON.
std::string view_of(AuditSubject subject) {
  return "audit_row_" + std::string(to_string(subject));
}

template <typename Key>
std::optional<std::string> view_row(Store& store, AuditSubject subject, Key key) {
  Statement query(store, "SELECT row FROM " + view_of(subject) + " WHERE key = ?");
  query.bind(1, key);
  if (!query.step()) {
    return std::nullopt;
  }
  return query.text(0);
}

AuditEvent audit_event_from_row(const Statement& row) {
  AuditEvent event;
  event.seq = row.int64(0);
  event.at = parse_utc(row.text(1));
  event.actor = row.text(2);
  event.unit = row.text(3);
  event.action = row.text(4);
  const std::string subject = row.text(5);
  if (auto parsed = parse_audit_subject(subject)) {
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

LedgerEntry ledger_entry_from_row(const Statement& row) {
  return LedgerEntry{row.int64(0), row.text(1)};
}

}  // namespace

std::optional<std::string> audit_view_row(Store& store,
                                          AuditSubject subject,
                                          std::string_view key) {
  return view_row(store, subject, key);
}

std::optional<std::string> audit_view_row(Store& store, AuditSubject subject, std::int64_t key) {
  return view_row(store, subject, key);
}

std::map<std::string, std::string> audit_view_rows(Store& store, AuditSubject subject) {
  std::map<std::string, std::string> rows;
  // Keys come back as the text audit_event.key holds, whatever the view's column type.
  Statement query(store, "SELECT CAST(key AS TEXT), row FROM " + view_of(subject));
  while (query.step()) {
    rows[query.text(0)] = query.text(1);
  }
  return rows;
}

std::int64_t last_case_event_seq(Store& store) {
  return Statement(store, "SELECT coalesce(max(seq), 0) FROM case_event").scalar_int64();
}

void insert_audit_event(Store& store, const AuditEvent& event) {
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
}

AuditEvents audit_events_by_seq(Store& store) {
  return AuditEvents(Statement(store, std::string(k_audit_columns) + "ORDER BY seq"),
                     audit_event_from_row);
}

AuditEvents audit_events_by_time(Store& store, std::optional<Instant> since) {
  Statement query(store, std::string(k_audit_columns) +
                             (since ? "WHERE at >= ? ORDER BY at, seq" : "ORDER BY at, seq"));
  if (since) {
    query.bind(1, format_utc(*since));
  }
  return AuditEvents(std::move(query), audit_event_from_row);
}

AuditedChanges::AuditedChanges(Store& store)
    : m_select(store, "SELECT key, after FROM audit_event WHERE subject = ? ORDER BY seq") {}

void AuditedChanges::select(AuditSubject subject) {
  m_select.reset();
  m_select.bind(1, to_string(subject));
}

std::optional<AuditedChange> AuditedChanges::next() {
  if (!m_select.step()) {
    return std::nullopt;
  }
  return AuditedChange{m_select.text(0), m_select.optional_text(1)};
}

LedgerEntries case_event_hashes(Store& store) {
  return LedgerEntries(Statement(store, "SELECT seq, hash FROM case_event ORDER BY seq"),
                       ledger_entry_from_row);
}

LedgerEntries audit_event_hashes(Store& store) {
  return LedgerEntries(
      Statement(store, "SELECT after_case_seq, hash FROM audit_event ORDER BY after_case_seq, seq"),
      ledger_entry_from_row);
}

}  // namespace ent110
