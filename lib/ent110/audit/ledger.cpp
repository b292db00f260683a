// SPDX-License-Identifier: MIT
#include <ent110/audit/ledger.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/store/statement.hpp>

#include <algorithm>
#include <cctype>

namespace ent110 {

std::vector<std::string> ledger_digests(Store& store) {
  std::vector<std::string> digests{genesis_hash()};
  const auto fold = [&](const std::string& entry_hash) {
    digests.push_back(sha256_hex(digests.back() + entry_hash));
  };
  Statement audits(store,
                   "SELECT after_case_seq, hash FROM audit_event ORDER BY after_case_seq, seq");
  bool audit_pending = audits.step();
  // Audit events written after case event `case_seq` (or before any, for 0) come next.
  const auto fold_audits_through = [&](std::int64_t case_seq) {
    while (audit_pending && audits.int64(0) <= case_seq) {
      fold(audits.text(1));
      audit_pending = audits.step();
    }
  };
  fold_audits_through(0);
  Statement cases(store, "SELECT seq, hash FROM case_event ORDER BY seq");
  while (cases.step()) {
    const std::int64_t seq = cases.int64(0);
    fold_audits_through(seq - 1);
    fold(cases.text(1));
    fold_audits_through(seq);
  }
  while (audit_pending) {
    fold(audits.text(1));
    audit_pending = audits.step();
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
