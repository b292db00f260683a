// SPDX-License-Identifier: MIT
// The SQL of search: which cases contain search terms, and how many. Matching is done by the
// database's substring index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL); scoring is done by
// search.cpp from the rows' texts, so that both engines rank alike.
#pragma once

#include <ent110/cases/case.hpp>
#include <ent110/cases/state.hpp>
#include <ent110/core/time.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Store;

/// What a matching case must also be, combined with AND.
struct SearchFilters {
  std::optional<CaseType> type;
  std::optional<std::string> unit;  ///< the lead unit
  std::optional<State> state;
  std::optional<Instant> since;  ///< received at or after
  bool answered_only = false;    ///< has a published answer
  std::optional<std::string> except_id;
};

/// Whether a case must contain every term or any one.
enum class TermsJoin { all, any };

/// A matching case with every text search scores.
struct SearchRow {
  std::string id;
  State state = State::received;
  CaseType type = CaseType::consult;
  std::string unit;  ///< the lead unit; empty before forwarding
  std::string title;
  std::string body;
  std::string answer;       ///< the published answer; empty while there is none
  std::string answer_unit;  ///< the unit that published it
  Instant received_at;
  /// The events with a text, and every correction, in order (case_seq, action, detail, text).
  std::vector<Event> events;
};

/// The cases containing the terms (substrings, given with ASCII letters in lower case; matched in
/// any case, for other letters too on some paths: the caller checks exactly), newest first, at
/// most `limit` of them when given.
std::vector<SearchRow> matching_cases(Store& store,
                                      const std::vector<std::string>& terms,
                                      TermsJoin join,
                                      const SearchFilters& filters,
                                      std::optional<std::size_t> limit);

/// How many cases contain `term` (in lower case, as above): the document frequency of BM25.
std::int64_t cases_containing(Store& store, const std::string& term);

/// How many cases there are.
std::int64_t case_total(Store& store);

}  // namespace ent110
