// SPDX-License-Identifier: MIT
// The ledger: the case-event chain and the audit chain merged in one append-stable order, folded
// into a running digest. A digest taken once (an anchor, printed by verify and the monthly
// report) stays in the fold as long as history is only ever appended.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// The ledger's running digests L0 … Ln: L0 is 64 zeros and Lk = SHA-256(L(k-1) || hash of entry
/// k), hex. Entries are the case events by seq, each audit event placed after the case event its
/// after_case_seq names (before them all for 0, at the end when that event is missing), ties by
/// audit seq.
std::vector<std::string> ledger_digests(Store& store);

/// The ledger's head digest Ln (64 zeros for an empty ledger).
std::string ledger_head(Store& store);

/// Whether one of `digests` (from ledger_digests) equals `anchor` (lowercase or uppercase hex),
/// i.e. the ledger still extends the history that digest was taken of.
bool ledger_extends(const std::vector<std::string>& digests, std::string_view anchor);

}  // namespace ent110
