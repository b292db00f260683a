// SPDX-License-Identifier: MIT
// The SQL of the audit log and the ledger (schema/008_audit.sql): audit events, the audit views
// that render a register's or the calendar's rows as JSON, and the hashes the ledger folds. Every
// function runs in the caller's transaction or read; the cursors read row by row.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/store/cursor.hpp>
#include <ent110/store/statement.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ent110 {

class Store;

/// Row `key` of `subject`'s audit view as JSON, or nullopt when there is none. The key is given
/// as the view's column holds it: a text code for units and users, an integer for the rest.
std::optional<std::string> audit_view_row(Store& store, AuditSubject subject, std::string_view key);
std::optional<std::string> audit_view_row(Store& store, AuditSubject subject, std::int64_t key);

/// Every row of `subject`'s audit view as JSON by its key, the key as text.
std::map<std::string, std::string> audit_view_rows(Store& store, AuditSubject subject);

/// The seq of the last case event; 0 when there is none.
std::int64_t last_case_event_seq(Store& store);

/// Stores `event` as it is, hash included.
void insert_audit_event(Store& store, const AuditEvent& event);

/// Audit events read one at a time, in the order the function that made it gives.
using AuditEvents = Cursor<AuditEvent>;

/// Every audit event in chain order (by seq).
AuditEvents audit_events_by_seq(Store& store);
/// The audit events at or after `since` (all when nullopt), by time, then seq.
AuditEvents audit_events_by_time(Store& store, std::optional<Instant> since);

/// One change an audit event records: the row's key and the row after it (nullopt: deleted).
struct AuditedChange {
  std::string key;
  std::optional<std::string> after;
};

/// The changes audit events record, one subject at a time, each subject's in seq order.
class AuditedChanges {
 public:
  explicit AuditedChanges(Store& store);
  /// Starts reading the changes of `subject`, dropping any not yet read.
  void select(AuditSubject subject);
  /// The next change of the selected subject, or nullopt after the last.
  std::optional<AuditedChange> next();

 private:
  Statement m_select;
};

/// A ledger entry's hash with the case event it is (a case event) or follows (an audit event).
struct LedgerEntry {
  std::int64_t case_seq = 0;
  std::string hash;
};

/// Ledger entries read one at a time.
using LedgerEntries = Cursor<LedgerEntry>;

/// The case events' hashes by seq (case_seq: the event's own seq).
LedgerEntries case_event_hashes(Store& store);
/// The audit events' hashes by after_case_seq, then seq (case_seq: their after_case_seq).
LedgerEntries audit_event_hashes(Store& store);

}  // namespace ent110
