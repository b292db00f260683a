// SPDX-License-Identifier: MIT
// Full-text search over cases (titles, bodies, published answers, every event's text) and the
// hints built on it: similar answered cases at intake, the unit that answered them at forward.
// The database finds the cases containing the terms; the ranking (BM25) is computed here from
// their texts, so that SQLite and PostgreSQL give the same answers.
#pragma once

#include <ent110/cases/state.hpp>
#include <ent110/core/time.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// `search`: the text and the filters, combined with AND.
struct SearchQuery {
  std::string text;  ///< terms separated by white space (ASCII or the ideographic space)
  std::optional<CaseType> type;
  std::optional<std::string> unit;  ///< the lead unit
  std::optional<State> state;
  std::optional<Instant> since;  ///< received at or after
  std::size_t limit = 20;
};

/// The texts of a case that search looks in, by weight in the ranking (highest first).
enum class SearchField { title, answer, body, notes };
/// "title", "answer", "body" or "notes".
std::string_view to_string(SearchField field);

/// A case that contains every term.
struct SearchHit {
  std::string id;
  State state = State::received;
  CaseType type = CaseType::consult;
  std::string unit;  ///< the lead unit; empty before forwarding
  std::string title;
  Instant received_at;
  double score = 0;                        ///< BM25; higher is better
  SearchField field = SearchField::title;  ///< where the snippet comes from
  std::string snippet;                     ///< one line of that field around its first match
};

/// The terms searched for and the best cases, best first (ties: newest first).
struct SearchResult {
  std::vector<std::string> terms;
  std::vector<SearchHit> hits;
};

/// The terms of `text`: split on white space, duplicates dropped; throws UsageError when none.
std::vector<std::string> search_terms(std::string_view text);

/// The cases containing every term of `query.text` (substring; ASCII letters in any case).
SearchResult search_cases(Store& store, const SearchQuery& query);

/// A byte range [begin, end) of a text.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Where the terms occur in `text`, in order and not overlapping (for highlighting).
std::vector<TextSpan> matched_spans(std::string_view text, const std::vector<std::string>& terms);

/// An answered case like a new one.
struct SimilarCase {
  std::string id;
  std::string title;
  std::string unit;         ///< the unit that published the answer
  std::string answer_line;  ///< the answer's first line
  double score = 0;
};

/// Up to `limit` answered cases whose texts share enough of `title`'s character trigrams (at
/// least 40% of them), best first by BM25 over those trigrams; `except_id` is left out.
std::vector<SimilarCase> similar_answered(Store& store,
                                          std::string_view title,
                                          std::string_view except_id,
                                          std::size_t limit = 3);

/// The unit that answered most of the cases similar to a case.
struct SuggestedUnit {
  std::string unit;
  std::size_t cases = 0;    ///< how many of the similar cases it answered
  std::size_t similar = 0;  ///< how many similar cases there are
};

/// The unit that answered most of the (up to ten) answered cases similar to `title` (ties: the
/// one with the better case), nullopt when there are none.
std::optional<SuggestedUnit> suggest_unit(Store& store,
                                          std::string_view title,
                                          std::string_view except_id);

}  // namespace ent110
