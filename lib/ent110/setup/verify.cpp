// SPDX-License-Identifier: MIT
#include <ent110/audit/ledger.hpp>
#include <ent110/cases/event_log.hpp>
#include <ent110/setup/verify.hpp>
#include <ent110/store/integrity.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace ent110 {
namespace {

std::vector<SchemaProblem> schema_problems(const SchemaObjects& actual,
                                           const SchemaObjects& expected) {
  std::vector<SchemaProblem> problems;
  for (const auto& [key, sql] : expected) {
    auto found = actual.find(key);
    if (found == actual.end()) {
      problems.push_back({SchemaProblemKind::missing, key.first, key.second});
    } else if (found->second != sql) {
      problems.push_back({SchemaProblemKind::changed, key.first, key.second});
    }
  }
  for (const auto& [key, sql] : actual) {
    if (!expected.contains(key)) {
      problems.push_back({SchemaProblemKind::unexpected, key.first, key.second});
    }
  }
  return problems;
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
    report.integrity_problems = integrity_problems(store);
    report.foreign_key_violations = foreign_key_violations(store);
    // PostgreSQL's catalogue is not compared yet (integrity.hpp says why).
    if (const std::optional<SchemaObjects> actual = schema_objects(store)) {
      report.schema_problems = schema_problems(*actual, migrated_schema_objects());
    }

    const ChainCheck chain = verify_event_chain(store);
    report.events = chain.events;
    report.first_broken_event = chain.first_broken;
    if (chain.first_broken) {
      report.first_broken_case = case_of_event(store, *chain.first_broken).value_or("");
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
