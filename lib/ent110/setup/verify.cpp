// SPDX-License-Identifier: MIT
#include <ent110/audit/ledger.hpp>
#include <ent110/cases/event_log.hpp>
#include <ent110/setup/verify.hpp>
#include <ent110/store/statement.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace ent110 {
namespace {

using SchemaObjects = std::map<std::pair<std::string, std::string>, std::string>;

// Every table, index, trigger and view of a SQLite database by (type, name), with its SQL;
// SQLite's own are left out.
SchemaObjects schema_objects(Store& store) {
  SchemaObjects objects;
  Statement query(store,
                  "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                  "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  while (query.step()) {
    objects[{query.text(0), query.text(1)}] = query.text(2);
  }
  return objects;
}

// What the migrations create, built once per process from a database migrated in memory.
const SchemaObjects& expected_schema() {
  static const SchemaObjects k_expected = [] {
    Store fresh = Store::open_in_memory();
    return schema_objects(fresh);
  }();
  return k_expected;
}

std::vector<SchemaProblem> schema_problems(Store& store) {
  const SchemaObjects actual = schema_objects(store);
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
  Statement query(store,
                  "SELECT seq, after_case_seq FROM audit_event WHERE after_case_seq > "
                  "(SELECT coalesce(max(seq), 0) FROM case_event) ORDER BY seq LIMIT 1");
  if (!query.step()) {
    return std::nullopt;
  }
  return AuditPastCases{query.int64(0), query.int64(1)};
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
    // A SQLite file can be edited behind SQLite's back (foreign keys are off in its shell);
    // PostgreSQL checks its own pages and enforces foreign keys itself.
    if (store.engine() == Engine::sqlite) {
      Statement integrity(store, "PRAGMA integrity_check");
      while (integrity.step()) {
        const std::string line = integrity.text(0);
        if (line != "ok") {
          report.integrity_problems.push_back(line);
        }
      }
      Statement foreign_keys(store, "PRAGMA foreign_key_check");
      while (foreign_keys.step()) {
        ++report.foreign_key_violations;
      }
      // Compared in SQLite's catalogue (sqlite_master); PostgreSQL's is not compared yet.
      report.schema_problems = schema_problems(store);
    }

    const ChainCheck chain = verify_event_chain(store);
    report.events = chain.events;
    report.first_broken_event = chain.first_broken;
    if (chain.first_broken) {
      Statement owner(store, "SELECT case_id FROM case_event WHERE seq = ?");
      owner.bind(1, *chain.first_broken);
      if (owner.step()) {
        report.first_broken_case = owner.text(0);
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
