// SPDX-License-Identifier: MIT
#include <ent110/cases/replay.hpp>
#include <ent110/core/error.hpp>
#include <ent110/registry/units.hpp>
#include <ent110/search/search.hpp>
#include <ent110/search/search_repo.hpp>
#include <ent110/store/store.hpp>
#include <ent110/util/display_width.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>

namespace ent110 {
namespace {

// BM25 over four fields, each occurrence counted with its field's weight: a title says most
// about what a case is, the published answer next, then the question's body, then the notes.
constexpr std::array<double, 4> k_field_weight = {4.0, 3.0, 2.0, 1.0};
constexpr double k_bm25_k1 = 1.2;
constexpr double k_bm25_b = 0.75;

// A similar case must contain this share of the new title's trigrams, so that one common word
// (申请, 企业) does not make two cases alike.
constexpr double k_similar_share = 0.4;
// Bounds that keep the hints cheap at intake whatever the size of the database: trigrams of the
// title looked for, cases containing any of them looked at (the newest), and answered ones among
// those scored.
constexpr std::size_t k_similar_terms = 24;
constexpr std::size_t k_similar_looked_at = 500;
constexpr std::size_t k_similar_candidates = 50;
// Document frequencies of the title's trigrams: exact up to this many cases, estimated beyond.
constexpr std::int64_t k_similar_counted_exactly = 2000;
constexpr std::size_t k_suggest_from = 10;

constexpr std::size_t k_snippet_before = 10;  // display columns of context before the match
constexpr std::size_t k_snippet_width = 40;

// Code points of valid UTF-8 as byte ranges (the database holds checked UTF-8).
std::vector<std::string_view> code_points_of(std::string_view text) {
  std::vector<std::string_view> points;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    length = std::min(length, text.size() - i);
    points.push_back(text.substr(i, length));
    i += length;
  }
  return points;
}

bool is_space(std::string_view point) {
  return point == " " || point == "\t" || point == "\n" || point == "\r" || point == "\f" ||
         point == "\v" || point == "\u3000";
}

// Separators of words in a title: white space, ASCII punctuation, CJK punctuation (U+3000–303F),
// fullwidth punctuation and curly quotes.
bool is_separator(std::string_view point) {
  if (is_space(point)) {
    return true;
  }
  if (point.size() == 1) {
    const char c = point[0];
    return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  }
  static const std::array<std::string_view, 20> k_punctuation = {
      "\uff0c", "\uff0e", "\uff1a", "\uff1b", "\uff1f", "\uff01", "\uff08",
      "\uff09", "\u2018", "\u2019", "\u201c", "\u201d", "\u2014", "\u2026",
      "\u00b7", "\uff0f", "\uff5e", "\uff0d", "\uff3b", "\uff3d"};
  const auto lead = static_cast<unsigned char>(point[0]);
  const auto second = static_cast<unsigned char>(point[1]);
  const bool cjk_symbols = point.size() == 3 && lead == 0xE3 && second == 0x80;  // U+3000–303F
  return cjk_symbols ||
         std::find(k_punctuation.begin(), k_punctuation.end(), point) != k_punctuation.end();
}

std::string ascii_folded(std::string_view text) {
  std::string folded(text);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return folded;
}

std::size_t occurrences(const std::string& folded_text, const std::string& folded_term) {
  std::size_t count = 0;
  for (std::size_t at = folded_text.find(folded_term); at != std::string::npos;
       at = folded_text.find(folded_term, at + folded_term.size())) {
    ++count;
  }
  return count;
}

// Every event's text as it stands after corrections: voided events are left out (so the index
// follows a correction), and so is the intake's, which repeats the title.
std::string notes_of(const std::vector<Event>& events) {
  std::vector<int> voided;
  for (const Event& event : events) {
    if (event.action == Action::correct) {
      const std::optional<Correction> correction = parse_correction(event.detail);
      if (correction && correction->kind == CorrectionKind::void_) {
        voided.push_back(correction->event);
      }
    }
  }
  std::string notes;
  for (const Event& event : events) {
    if (event.action != Action::intake && !event.text.empty() &&
        std::find(voided.begin(), voided.end(), event.case_seq) == voided.end()) {
      notes += (notes.empty() ? "" : " ") + event.text;
    }
  }
  return notes;
}

// A matched case's texts, case-folded once, with what BM25 needs of them.
struct Scored {
  SearchRow row;
  std::string notes;
  std::array<std::string, 4> folded;
  double length = 0;  // weighted length in code points
  double score = 0;
};

std::array<std::string_view, 4> fields_of(const Scored& scored) {
  return {scored.row.title, scored.row.answer, scored.row.body, scored.notes};
}

Scored prepared(SearchRow row) {
  Scored scored;
  scored.notes = notes_of(row.events);
  scored.row = std::move(row);
  const auto fields = fields_of(scored);
  for (std::size_t f = 0; f < fields.size(); ++f) {
    scored.folded[f] = ascii_folded(fields[f]);
    scored.length += k_field_weight[f] * static_cast<double>(code_points_of(fields[f]).size());
  }
  return scored;
}

double weighted_frequency(const Scored& scored, const std::string& folded_term) {
  double frequency = 0;
  for (std::size_t f = 0; f < scored.folded.size(); ++f) {
    frequency +=
        k_field_weight[f] * static_cast<double>(occurrences(scored.folded[f], folded_term));
  }
  return frequency;
}

// Scores every case by BM25 over `terms` (case-folded); document frequencies from the whole
// database (`containing`: how many cases contain a term), lengths against the mean of the matched
// cases. Then best first, ties newest first.
void rank(Store& store,
          const std::vector<std::string>& terms,
          const std::function<std::int64_t(const std::string&)>& containing,
          std::vector<Scored>& cases) {
  if (cases.empty()) {
    return;
  }
  const auto total = static_cast<double>(case_total(store));
  double mean_length = 0;
  for (const Scored& scored : cases) {
    mean_length += scored.length;
  }
  mean_length = std::max(1.0, mean_length / static_cast<double>(cases.size()));
  for (const std::string& term : terms) {
    const auto frequency_in_database = static_cast<double>(containing(term));
    const double idf =
        std::log(1.0 + (total - frequency_in_database + 0.5) / (frequency_in_database + 0.5));
    for (Scored& scored : cases) {
      const double frequency = weighted_frequency(scored, term);
      const double norm = k_bm25_k1 * (1.0 - k_bm25_b + k_bm25_b * scored.length / mean_length);
      scored.score += idf * frequency * (k_bm25_k1 + 1.0) / (frequency + norm);
    }
  }
  std::stable_sort(cases.begin(), cases.end(), [](const Scored& a, const Scored& b) {
    if (a.score != b.score) {
      return a.score > b.score;
    }
    if (a.row.received_at != b.row.received_at) {
      return a.row.received_at > b.row.received_at;
    }
    return a.row.id > b.row.id;
  });
}

std::size_t terms_present(const Scored& scored, const std::vector<std::string>& folded_terms) {
  return static_cast<std::size_t>(
      std::count_if(folded_terms.begin(), folded_terms.end(), [&](const std::string& term) {
        return std::any_of(scored.folded.begin(), scored.folded.end(),
                           [&](const std::string& text) { return text.find(term) != text.npos; });
      }));
}

std::vector<std::string> folded_all(const std::vector<std::string>& terms) {
  std::vector<std::string> folded;
  for (const std::string& term : terms) {
    folded.push_back(ascii_folded(term));
  }
  return folded;
}

// One line of `text` around its first match: some context before, cut to a width.
std::string snippet_of(std::string_view text, std::size_t match_at) {
  std::string flat(text);
  std::replace_if(
      flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  const std::vector<std::string_view> points = code_points_of(flat);
  std::size_t first = 0;  // index of the code point holding match_at
  for (std::size_t offset = 0; first < points.size(); ++first) {
    if (offset + points[first].size() > match_at) {
      break;
    }
    offset += points[first].size();
  }
  std::size_t start = first;
  for (std::size_t width = 0; start > 0;) {
    const std::size_t w = display_width(points[start - 1]);
    if (width + w > k_snippet_before) {
      break;
    }
    width += w;
    --start;
  }
  std::string snippet = start > 0 ? "…" : "";
  std::size_t width = display_width(snippet);
  std::size_t end = start;
  for (; end < points.size(); ++end) {
    const std::size_t w = display_width(points[end]);
    if (width + w + 1 > k_snippet_width) {
      break;
    }
    snippet += points[end];
    width += w;
  }
  return end < points.size() ? snippet + "…" : snippet;
}

void set_snippet(SearchHit& hit,
                 const Scored& scored,
                 const std::vector<std::string>& folded_terms) {
  const auto fields = fields_of(scored);
  std::size_t best = 0;
  double best_weight = 0;
  for (std::size_t f = 1; f < fields.size(); ++f) {
    double weight = 0;
    for (const std::string& term : folded_terms) {
      weight += k_field_weight[f] * static_cast<double>(occurrences(scored.folded[f], term));
    }
    if (weight > best_weight) {
      best = f;
      best_weight = weight;
    }
  }
  if (best == 0 && !fields[1].empty()) {
    best = 1;
  } else if (best == 0 && !fields[2].empty()) {
    best = 2;
  }
  std::size_t match_at = std::string::npos;
  for (const std::string& term : folded_terms) {
    match_at = std::min(match_at, scored.folded[best].find(term));
  }
  hit.field = static_cast<SearchField>(best);
  hit.snippet = snippet_of(fields[best], match_at == std::string::npos ? 0 : match_at);
}

// The terms of a title for similarity: the character trigrams of each word, distinct, in order.
// Shorter words are left out: the trigram index cannot find them without reading every row.
std::vector<std::string> title_terms(std::string_view title) {
  std::vector<std::string> terms;
  const auto add = [&](std::string term) {
    if (terms.size() < k_similar_terms &&
        std::find(terms.begin(), terms.end(), term) == terms.end()) {
      terms.push_back(std::move(term));
    }
  };
  std::vector<std::string_view> word;
  const auto flush = [&] {
    for (std::size_t i = 0; i + 3 <= word.size(); ++i) {
      add(std::string(word[i]) + std::string(word[i + 1]) + std::string(word[i + 2]));
    }
    word.clear();
  };
  for (const std::string_view point : code_points_of(title)) {
    if (is_separator(point)) {
      flush();
    } else {
      word.push_back(point);
    }
  }
  flush();
  return terms;
}

std::string first_line(std::string_view text) {
  return std::string(text.substr(0, text.find('\n')));
}

}  // namespace

std::string_view to_string(SearchField field) {
  switch (field) {
    case SearchField::title:
      return "title";
    case SearchField::answer:
      return "answer";
    case SearchField::body:
      return "body";
    case SearchField::notes:
      return "notes";
  }
  return "title";
}

std::vector<std::string> search_terms(std::string_view text) {
  std::vector<std::string> terms;
  std::string term;
  const auto flush = [&] {
    if (!term.empty() && std::find(terms.begin(), terms.end(), term) == terms.end()) {
      terms.push_back(term);
    }
    term.clear();
  };
  for (const std::string_view point : code_points_of(text)) {
    if (is_space(point)) {
      flush();
    } else {
      term += point;
    }
  }
  flush();
  if (terms.empty()) {
    throw UsageError(MessageId::search_no_terms);
  }
  return terms;
}

SearchResult search_cases(Store& store, const SearchQuery& query) {
  SearchResult result;
  result.terms = search_terms(query.text);
  const std::vector<std::string> folded_terms = folded_all(result.terms);
  SearchFilters filters;
  filters.type = query.type;
  filters.unit = query.unit;
  filters.state = query.state;
  filters.since = query.since;
  // A database that another tool wrote to stays searchable.
  store.update_search_index();
  store.read([&] {
    if (query.unit) {
      get_unit(store, *query.unit);  // a misspelt unit is an error with a hint, as in `list`
    }
    std::vector<Scored> cases;
    for (SearchRow& row : matching_cases(store, folded_terms, filters)) {
      Scored scored = prepared(std::move(row));
      // The database's matching may fold more than ASCII letters; the rule is checked here.
      if (terms_present(scored, folded_terms) == folded_terms.size()) {
        cases.push_back(std::move(scored));
      }
    }
    rank(
        store, folded_terms, [&](const std::string& term) { return cases_containing(store, term); },
        cases);
    for (std::size_t i = 0; i < cases.size() && i < query.limit; ++i) {
      const Scored& scored = cases[i];
      SearchHit hit{scored.row.id,   scored.row.state,   scored.row.type,
                    scored.row.unit, scored.row.title,   scored.row.received_at,
                    scored.score,    SearchField::title, ""};
      set_snippet(hit, scored, folded_terms);
      result.hits.push_back(std::move(hit));
    }
  });
  return result;
}

std::vector<TextSpan> matched_spans(std::string_view text, const std::vector<std::string>& terms) {
  const std::string folded = ascii_folded(text);
  const std::vector<std::string> folded_terms = folded_all(terms);
  std::vector<TextSpan> spans;
  std::size_t at = 0;
  while (at < folded.size()) {
    TextSpan next{std::string::npos, std::string::npos};
    for (const std::string& term : folded_terms) {
      const std::size_t found = folded.find(term, at);
      if (found < next.begin || (found == next.begin && found + term.size() > next.end)) {
        next = {found, found + term.size()};
      }
    }
    if (next.begin == std::string::npos) {
      break;
    }
    spans.push_back(next);
    at = next.end;
  }
  return spans;
}

std::vector<SimilarCase> similar_answered(Store& store,
                                          std::string_view title,
                                          std::string_view except_id,
                                          std::size_t limit) {
  const std::vector<std::string> terms = title_terms(title);
  if (terms.empty()) {
    return {};
  }
  const std::vector<std::string> folded_terms = folded_all(terms);
  std::vector<SimilarCase> similar;
  store.update_search_index();
  store.read([&] {
    std::vector<Scored> cases;
    for (SearchRow& row : answered_containing_any(store, folded_terms, std::string(except_id),
                                                  k_similar_looked_at, k_similar_candidates)) {
      Scored scored = prepared(std::move(row));
      const auto share = static_cast<double>(terms_present(scored, folded_terms)) /
                         static_cast<double>(terms.size());
      if (share >= k_similar_share) {
        cases.push_back(std::move(scored));
      }
    }
    rank(
        store, folded_terms,
        [&](const std::string& term) {
          return cases_containing_about(store, term, k_similar_counted_exactly);
        },
        cases);
    for (std::size_t i = 0; i < cases.size() && i < limit; ++i) {
      const SearchRow& row = cases[i].row;
      similar.push_back(
          {row.id, row.title, row.answer_unit, first_line(row.answer), cases[i].score});
    }
  });
  return similar;
}

std::optional<SuggestedUnit> suggest_unit(Store& store,
                                          std::string_view title,
                                          std::string_view except_id) {
  const std::vector<SimilarCase> similar =
      similar_answered(store, title, except_id, k_suggest_from);
  std::vector<SuggestedUnit> units;  // in the order of each unit's best case
  for (const SimilarCase& kase : similar) {
    auto found = std::find_if(units.begin(), units.end(),
                              [&](const SuggestedUnit& u) { return u.unit == kase.unit; });
    if (found == units.end()) {
      units.push_back({kase.unit, 1, similar.size()});
    } else {
      ++found->cases;
    }
  }
  if (units.empty()) {
    return std::nullopt;
  }
  return *std::max_element(
      units.begin(), units.end(),
      [](const SuggestedUnit& a, const SuggestedUnit& b) { return a.cases < b.cases; });
}

}  // namespace ent110
