// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/cases/replay_check.hpp>
#include <ent110/store/integrity.hpp>
#include <ent110/store/store.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

/// How a schema object differs from what the migrations create.
enum class SchemaProblemKind {
  missing,     ///< created by a migration, absent now (e.g. a dropped trigger)
  changed,     ///< present with other SQL than the migrations give it
  unexpected,  ///< present, but no migration creates it
};

/// One table, index, trigger or view that is not as the migrations leave it.
struct SchemaProblem {
  SchemaProblemKind kind = SchemaProblemKind::missing;
  std::string type;  ///< "table", "index", "trigger" or "view"
  std::string name;
};

/// What `ent110 verify` found.
struct VerifyReport {
  // The database file.
  std::vector<std::string> integrity_problems;  ///< PRAGMA integrity_check lines other than "ok"
  std::int64_t foreign_key_violations = 0;      ///< rows whose reference points nowhere
  std::vector<SchemaProblem> schema_problems;   ///< objects not as the migrations create them

  // The case-event chain.
  std::int64_t events = 0;                         ///< events whose hash chain was checked
  std::optional<std::int64_t> first_broken_event;  ///< seq of the first event that fails
  std::string first_broken_case;                   ///< the case of that event

  // The case replay: every case's stored record against its events and the calendar.
  std::int64_t cases = 0;                       ///< cases replayed
  std::optional<ReplayMismatch> case_mismatch;  ///< the first case whose record differs

  // The audit chain and what it records.
  std::int64_t audit_events = 0;                         ///< audit events checked
  std::optional<std::int64_t> first_broken_audit_event;  ///< seq of the first that fails
  std::optional<AuditPastCases> audit_past_cases;  ///< the first audit event after missing cases
  std::optional<RowMismatch> row_mismatch;  ///< the first register or calendar row that differs

  // The ledger.
  std::string anchor;           ///< the ledger's head digest now
  bool anchor_extended = true;  ///< false when an anchor was given and the ledger no longer has it

  /// Whether nothing was found.
  bool ok() const {
    return integrity_problems.empty() && foreign_key_violations == 0 && schema_problems.empty() &&
           !first_broken_event && !case_mismatch && !first_broken_audit_event &&
           !audit_past_cases && !row_mismatch && anchor_extended;
  }
};

/// Whether `text` is the form of a ledger digest: 64 hexadecimal digits.
bool is_digest(std::string_view text);

/// Checks, read-only: on SQLite the database file (its integrity check, foreign keys, and every
/// schema object against a fresh database migrated in memory), the case-event and audit-event
/// chains (every entry's SHA-256 over its content and its predecessor's hash), every case against
/// the replay of its events with `context` (replay.hpp), the registers and the calendar against the
/// replay of the audit events, and the ledger: its head digest, and when `anchor` is given (a
/// digest, see is_digest) whether the ledger still extends it.
VerifyReport verify_database(Store& store,
                             const ReplayContext& context,
                             const std::optional<std::string>& anchor = std::nullopt);

}  // namespace ent110
