// SPDX-License-Identifier: MIT
// The audit log: every change outside case events (registries, calendar, assessment inputs) as an
// event with its actor, time, before and after, in its own SHA-256 chain (schema/008_audit.sql).
#pragma once

#include <ent110/core/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// Who makes a change, as recorded: the login and the unit it acted for.
struct Actor {
  std::string login;
  std::string unit;
};

/// The tables whose rows decide verdicts, each audited row by row.
enum class AuditSubject {
  unit,               ///< key: the unit code
  user,               ///< key: the login
  enterprise,         ///< key: the enterprise id
  calendar_year,      ///< key: the year; the row carries the year's stated days
  calendar_override,  ///< key: the override's id
  assessment_event,   ///< key: the input's id
  officer,            ///< key: the officer's id
  project,            ///< key: the project's code (项目统一代码)
  assignment,         ///< key: the assignment's id
  visit,              ///< key: the visit's id
};

/// The stored spelling of `subject` (its table's name).
std::string_view to_string(AuditSubject subject);
/// The subject `text` spells (see to_string), or nullopt.
std::optional<AuditSubject> parse_audit_subject(std::string_view text);
/// Every subject, in the order verify replays them.
const std::vector<AuditSubject>& audit_subjects();

/// One audit event as stored.
struct AuditEvent {
  std::int64_t seq = 0;
  Instant at;  ///< when the change happened (the action's instant)
  std::string actor;
  std::string unit;
  std::string action;  ///< the command that changed the row, e.g. "unit add"; "baseline"
  AuditSubject subject = AuditSubject::unit;
  std::string key;
  std::optional<std::string> before;  ///< the row as JSON before; nullopt for an insert
  std::optional<std::string> after;   ///< the row as JSON after
  std::int64_t after_case_seq = 0;    ///< case events that existed when it was written
  std::string prev_hash;
  std::string hash;
};

/// The hash of `event`: chain_hash over seq, at, actor, unit, action, subject, key, before,
/// after (an absent row as empty) and after_case_seq, then its prev_hash.
std::string audit_hash(const AuditEvent& event);

/// Row `key` of `subject` as the JSON an audit event stores, or nullopt when there is none.
std::optional<std::string> audit_row(Store& store, AuditSubject subject, std::string_view key);

/// Appends the change of row `key` of `subject` by `actor` at `at` inside the caller's
/// transaction: `before` as read before the change, the row as it is now as after.
AuditEvent record_change(Store& store,
                         const Actor& actor,
                         std::string_view action,
                         AuditSubject subject,
                         std::string_view key,
                         std::optional<std::string> before,
                         Instant at);

/// The audit events at or after `since` (all when nullopt), oldest first (by time, then seq).
std::vector<AuditEvent> find_audit_events(Store& store, std::optional<Instant> since);

/// What checking the audit chain found.
struct AuditChainCheck {
  std::int64_t events = 0;                   ///< audit events checked
  std::optional<std::int64_t> first_broken;  ///< seq of the first event whose hash or link fails
};

/// Recomputes every audit event's hash in chain order and checks each link to the previous one.
AuditChainCheck verify_audit_chain(Store& store);

/// How a stored row disagrees with the audit events.
enum class RowProblem {
  unaudited,  ///< the row exists but no audit event created it
  differs,    ///< the row is not what its last audit event left
  missing,    ///< the audit events leave a row that is not stored
};

/// The first stored row that disagrees with the replay of the audit events.
struct RowMismatch {
  AuditSubject subject = AuditSubject::unit;
  std::string key;
  RowProblem problem = RowProblem::unaudited;
};

/// Replays the audit events (the last `after` of each row) against the stored rows, subject by
/// subject in audit_subjects() order and by key, and returns the first disagreement.
std::optional<RowMismatch> first_row_mismatch(Store& store);

}  // namespace ent110
