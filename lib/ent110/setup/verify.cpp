// SPDX-License-Identifier: MIT
#include <ent110/audit/ledger.hpp>
#include <ent110/cases/event_log.hpp>
#include <ent110/setup/verify.hpp>
#include <ent110/store/migrate.hpp>

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <utility>

namespace ent110 {
namespace {

using SchemaObjects = std::map<std::pair<std::string, std::string>, std::string>;

// Every table, index, trigger and view by (type, name), with its SQL; SQLite's own are left out.
SchemaObjects schema_objects(SQLite::Database& db) {
  SchemaObjects objects;
  SQLite::Statement query(db,
                          "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                          "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  while (query.executeStep()) {
    objects[{query.getColumn(0).getString(), query.getColumn(1).getString()}] =
        query.getColumn(2).getString();
  }
  return objects;
}

// What the migrations create, built once per process from a database migrated in memory.
const SchemaObjects& expected_schema() {
  static const SchemaObjects k_expected = [] {
    SQLite::Database fresh(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(fresh, ":memory:");
    return schema_objects(fresh);
  }();
  return k_expected;
}

std::vector<SchemaProblem> schema_problems(Store& store) {
  const SchemaObjects actual = schema_objects(store.db());
  std::vector<SchemaProblem> problems;
  for (const auto& [key, sql] : expected_schema()) {
    auto found = actual.find(key);
    if (found == actual.end()) {
      problems.push_back({SchemaProblemKind::missing, key.first, key.second});
    } else if (found->second != sql) {
      problems.push_back({SchemaProblemKind::changed, key.first, key.second});
    }
  }
  for (const auto& [key, sql] : actual) {
    if (!expected_schema().contains(key)) {
      problems.push_back({SchemaProblemKind::unexpected, key.first, key.second});
    }
  }
  return problems;
}

std::optional<AuditPastCases> first_audit_past_cases(Store& store) {
  SQLite::Statement query(store.db(),
                          "SELECT seq, after_case_seq FROM audit_event WHERE after_case_seq > "
                          "(SELECT coalesce(max(seq), 0) FROM case_event) ORDER BY seq LIMIT 1");
  if (!query.executeStep()) {
    return std::nullopt;
  }
  return AuditPastCases{query.getColumn(0).getInt64(), query.getColumn(1).getInt64()};
}

}  // namespace

bool is_digest(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

VerifyReport verify_database(Store& store,
                             const ReplayContext& context,
                             const std::optional<std::string>& anchor) {
  VerifyReport report;
  store.read([&] {
    SQLite::Statement integrity(store.db(), "PRAGMA integrity_check");
    while (integrity.executeStep()) {
      const std::string line = integrity.getColumn(0).getString();
      if (line != "ok") {
        report.integrity_problems.push_back(line);
      }
    }
    SQLite::Statement foreign_keys(store.db(), "PRAGMA foreign_key_check");
    while (foreign_keys.executeStep()) {
      ++report.foreign_key_violations;
    }
    report.schema_problems = schema_problems(store);

    const ChainCheck chain = verify_event_chain(store);
    report.events = chain.events;
    report.first_broken_event = chain.first_broken;
    if (chain.first_broken) {
      SQLite::Statement owner(store.db(), "SELECT case_id FROM case_event WHERE seq = ?");
      owner.bind(1, *chain.first_broken);
      if (owner.executeStep()) {
        report.first_broken_case = owner.getColumn(0).getString();
      }
    }

    const ReplayCheck replays = check_case_replays(store, context);
    report.cases = replays.cases;
    report.case_mismatch = replays.first;

    const AuditChainCheck audit = verify_audit_chain(store);
    report.audit_events = audit.events;
    report.first_broken_audit_event = audit.first_broken;
    report.audit_past_cases = first_audit_past_cases(store);
    report.row_mismatch = first_row_mismatch(store);

    const std::vector<std::string> digests = ledger_digests(store);
    report.anchor = digests.back();
    if (anchor) {
      report.anchor_extended = ledger_extends(digests, *anchor);
    }
  });
  return report;
}

}  // namespace ent110
