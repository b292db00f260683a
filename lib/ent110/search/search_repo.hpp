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
};

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

/// The cases containing every term (substrings, given with ASCII letters in lower case; matched in
/// any case, for other letters too on some paths: the caller checks exactly), newest first.
std::vector<SearchRow> matching_cases(Store& store,
                                      const std::vector<std::string>& terms,
                                      const SearchFilters& filters);

/// The answered cases (but `except_id`) containing any of `trigrams` (terms of exactly three
/// characters, as above), newest first: at most `limit` of them, taken from the `newest` cases
/// containing any term, so that the cost does not grow with the database.
std::vector<SearchRow> answered_containing_any(Store& store,
                                               const std::vector<std::string>& trigrams,
                                               const std::string& except_id,
                                               std::size_t newest,
                                               std::size_t limit);

/// How many cases contain `term` (in lower case, as above): the document frequency of BM25.
std::int64_t cases_containing(Store& store, const std::string& term);

/// How many cases contain `term` (3 characters or more, in lower case, as above), for a ranking
/// whose cost must not grow with the database: on SQLite counted up to `exact_up_to`, beyond that
/// estimated from how many of the newest cases contain it; on PostgreSQL counted.
std::int64_t cases_containing_about(Store& store,
                                    const std::string& term,
                                    std::int64_t exact_up_to);

/// How many cases there are.
std::int64_t case_total(Store& store);

}  // namespace ent110
