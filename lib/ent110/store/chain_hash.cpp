// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/store/statement.hpp>

#include <fmt/format.h>
// The low-level digest, deprecated in OpenSSL 3 but kept by it: the EVP interface first builds
// OpenSSL's provider and name tables, which cost a command that writes one event a quarter of its
// CPU time (issue 15). The digest is the same.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <sqlite3.h>

#include <array>

namespace ent110 {
namespace {

void chain_hash_sql(sqlite3_context* context, int argc, sqlite3_value** argv) {
  if (argc < 1) {
    sqlite3_result_error(context, "ent110_chain_hash needs prev_hash and fields", -1);
    return;
  }
  auto text_of = [](sqlite3_value* value) {
    const unsigned char* text = sqlite3_value_text(value);
    return text == nullptr ? std::string{}
                           : std::string(reinterpret_cast<const char*>(text),
                                         static_cast<std::size_t>(sqlite3_value_bytes(value)));
  };
  std::vector<std::string> fields;
  for (int i = 1; i < argc; ++i) {
    fields.push_back(text_of(argv[i]));
  }
  try {
    const std::string hash = chain_hash(fields, text_of(argv[0]));
    sqlite3_result_text(context, hash.c_str(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
  } catch (const Error& error) {
    sqlite3_result_error(context, error.what(), -1);
  }
}

}  // namespace

const std::string& genesis_hash() {
  static const std::string k_genesis(64, '0');
  return k_genesis;
}

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256_CTX context;
  if (SHA256_Init(&context) != 1 || SHA256_Update(&context, data.data(), data.size()) != 1 ||
      SHA256_Final(digest.data(), &context) != 1) {
    throw StoreError(MessageId::case_hash_failed, {});
  }
  std::string hex;
  for (unsigned char byte : digest) {
    hex += fmt::format("{:02x}", byte);
  }
  return hex;
}

std::string chain_hash(const std::vector<std::string>& fields, std::string_view prev_hash) {
  std::string content;
  for (const std::string& field : fields) {
    content += std::to_string(field.size());
    content += ':';
    content += field;
    content += ',';
  }
  content += prev_hash;
  return sha256_hex(content);
}

ChainTail chain_tail(Store& store, std::string_view table) {
  Statement last(store,
                 "SELECT seq, hash FROM " + std::string(table) + " ORDER BY seq DESC LIMIT 1");
  if (!last.step()) {
    return ChainTail{1, genesis_hash()};
  }
  return ChainTail{last.int64(0) + 1, last.text(1)};
}

void ChainWalk::check(std::int64_t seq,
                      const std::string& prev_hash,
                      const std::string& recomputed,
                      const std::string& hash) {
  ++m_entries;
  if (!m_first_broken && (prev_hash != m_previous || recomputed != hash)) {
    m_first_broken = seq;
  }
  m_previous = hash;
}

void register_chain_hash_function(SQLite::Database& db) {
  sqlite3_create_function(db.getHandle(), "ent110_chain_hash", -1,
                          SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, chain_hash_sql, nullptr,
                          nullptr);
}

}  // namespace ent110
