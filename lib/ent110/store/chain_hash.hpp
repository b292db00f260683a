// SPDX-License-Identifier: MIT
// The hashing shared by the append-only chains (case events, audit events) and the ledger.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// The prev_hash of a chain's first entry, and the ledger's starting digest: 64 zeros.
const std::string& genesis_hash();

/// SHA-256 of `data`, lowercase hex. Throws StoreError when the digest cannot be computed.
std::string sha256_hex(std::string_view data);

/// The hash of one chain entry: SHA-256 (hex) of every field length-prefixed ("5:hello,"), in
/// order, followed by `prev_hash`.
std::string chain_hash(const std::vector<std::string>& fields, std::string_view prev_hash);

/// Where the next entry of a chain goes: its seq and the hash it links to.
struct ChainTail {
  std::int64_t next_seq = 1;
  std::string prev_hash;
};

/// The tail of the chain stored in `table` (columns seq and hash): after its last entry, or
/// seq 1 after genesis_hash() when it is empty.
ChainTail chain_tail(Store& store, std::string_view table);

/// Walks a chain in seq order and remembers the first entry whose link or hash fails.
class ChainWalk {
 public:
  /// Checks the next entry: `prev_hash` must be the previous entry's hash (genesis_hash() for the
  /// first) and `recomputed` (its hash computed again) must equal its stored `hash`.
  void check(std::int64_t seq,
             const std::string& prev_hash,
             const std::string& recomputed,
             const std::string& hash);
  /// Entries checked so far.
  std::int64_t entries() const { return m_entries; }
  /// Seq of the first entry that failed, if any.
  std::optional<std::int64_t> first_broken() const { return m_first_broken; }

 private:
  std::string m_previous = genesis_hash();
  std::int64_t m_entries = 0;
  std::optional<std::int64_t> m_first_broken;
};

/// Makes chain_hash callable from SQL on `db` as ent110_chain_hash(prev_hash, field, …), NULL
/// fields counting as empty, so that a migration can seal rows it writes itself.
void register_chain_hash_function(SQLite::Database& db);

}  // namespace ent110
