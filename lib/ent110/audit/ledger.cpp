// SPDX-License-Identifier: MIT
#include <ent110/audit/audit_repo.hpp>
#include <ent110/audit/ledger.hpp>
#include <ent110/store/chain_hash.hpp>

#include <algorithm>
#include <cctype>

namespace ent110 {

std::vector<std::string> ledger_digests(Store& store) {
  std::vector<std::string> digests{genesis_hash()};
  const auto fold = [&](const std::string& entry_hash) {
    digests.push_back(sha256_hex(digests.back() + entry_hash));
  };
  LedgerEntries audits = audit_event_hashes(store);
  std::optional<LedgerEntry> audit = audits.next();
  // Audit events written after case event `case_seq` (or before any, for 0) come next.
  const auto fold_audits_through = [&](std::int64_t case_seq) {
    while (audit && audit->case_seq <= case_seq) {
      fold(audit->hash);
      audit = audits.next();
    }
  };
  fold_audits_through(0);
  LedgerEntries cases = case_event_hashes(store);
  while (const std::optional<LedgerEntry> event = cases.next()) {
    fold_audits_through(event->case_seq - 1);
    fold(event->hash);
    fold_audits_through(event->case_seq);
  }
  while (audit) {
    fold(audit->hash);
    audit = audits.next();
  }
  return digests;
}

std::string ledger_head(Store& store) {
  return ledger_digests(store).back();
}

bool ledger_extends(const std::vector<std::string>& digests, std::string_view anchor) {
  std::string wanted(anchor);
  std::transform(wanted.begin(), wanted.end(), wanted.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(digests.begin(), digests.end(), wanted) != digests.end();
}

}  // namespace ent110
