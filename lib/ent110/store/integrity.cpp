// SPDX-License-Identifier: MIT
#include <ent110/store/integrity.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

namespace ent110 {

std::vector<std::string> integrity_problems(Store& store) {
  std::vector<std::string> problems;
  if (store.engine() != Engine::sqlite) {
    return problems;
  }
  Statement integrity(store, "PRAGMA integrity_check");
  while (integrity.step()) {
    std::string line = integrity.text(0);
    if (line != "ok") {
      problems.push_back(std::move(line));
    }
  }
  return problems;
}

std::int64_t foreign_key_violations(Store& store) {
  std::int64_t violations = 0;
  if (store.engine() != Engine::sqlite) {
    return violations;
  }
  Statement foreign_keys(store, "PRAGMA foreign_key_check");
  while (foreign_keys.step()) {
    ++violations;
  }
  return violations;
}

std::optional<SchemaObjects> schema_objects(Store& store) {
  if (store.engine() != Engine::sqlite) {
    return std::nullopt;
  }
  SchemaObjects objects;
  Statement query(store,
                  "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                  "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  while (query.step()) {
    objects[{query.text(0), query.text(1)}] = query.text(2);
  }
  return objects;
}

const SchemaObjects& migrated_schema_objects() {
  static const SchemaObjects k_migrated = [] {
    Store fresh = Store::open_in_memory();
    return *schema_objects(fresh);
  }();
  return k_migrated;
}

std::optional<std::string> case_of_event(Store& store, std::int64_t seq) {
  Statement owner(store, "SELECT case_id FROM case_event WHERE seq = ?");
  owner.bind(1, seq);
  if (!owner.step()) {
    return std::nullopt;
  }
  return owner.text(0);
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

}  // namespace ent110
