// SPDX-License-Identifier: MIT
// What `ent110 verify` reads of the database itself, engine by engine: damage to the file,
// broken references, schema objects changed behind the tool's back, and the links between the
// case-event and audit-event chains. Every function runs in the caller's read.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ent110 {

class Store;

/// The damage the engine finds in its own storage, one line per problem. On SQLite the lines of
/// PRAGMA integrity_check other than "ok" (a file can be edited behind SQLite's back); none on
/// PostgreSQL, which checks its own pages as it reads them.
std::vector<std::string> integrity_problems(Store& store);

/// The rows whose reference points nowhere. On SQLite the rows PRAGMA foreign_key_check lists
/// (foreign keys are off in its shell, so they can be broken); 0 on PostgreSQL, which enforces
/// foreign keys itself.
std::int64_t foreign_key_violations(Store& store);

/// Schema objects by (type, name): "table", "index", "trigger" or "view", with their SQL.
using SchemaObjects = std::map<std::pair<std::string, std::string>, std::string>;

/// Every table, index, trigger and view of the database with its SQL, the engine's own left out.
/// On SQLite read from sqlite_master. On PostgreSQL nullopt: its catalogue is not compared yet
/// (it would have to be compared with what the migration files define, since no fresh database
/// can be migrated in-process to compare with).
std::optional<SchemaObjects> schema_objects(Store& store);

/// What the migrations create, for comparing with schema_objects: the schema objects of a SQLite
/// database migrated in memory, built once per process.
const SchemaObjects& migrated_schema_objects();

/// The case of case event `seq`, or nullopt when there is no such event.
std::optional<std::string> case_of_event(Store& store, std::int64_t seq);

/// An audit event placed after a case event that no longer exists.
struct AuditPastCases {
  std::int64_t audit_seq = 0;
  std::int64_t after_case_seq = 0;
};

/// The first audit event (by seq) whose after_case_seq lies past the last case event.
std::optional<AuditPastCases> first_audit_past_cases(Store& store);

}  // namespace ent110
