// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/cases/labels.hpp>
#include <ent110/search/search.hpp>
#include <ent110/util/display_width.hpp>

#include <cmath>
#include <ostream>

namespace ent110::cli {
namespace {

struct SearchOptions {
  std::vector<std::string> words;
  std::string type;
  std::string unit;
  std::string state;
  std::string since;
  std::size_t limit = 20;
};

// Columns a title may take before it is cut, so that highlighting never has to be cut through.
constexpr std::size_t k_search_title_width = 30;

std::string search_highlighted(Session& s,
                               std::string_view text,
                               const std::vector<std::string>& terms) {
  std::string out;
  std::size_t at = 0;
  for (const TextSpan& span : matched_spans(text, terms)) {
    out += text.substr(at, span.begin - at);
    out += paint(s, Colour::bold, text.substr(span.begin, span.end - span.begin));
    at = span.end;
  }
  return out + std::string(text.substr(at));
}

std::string search_field_label(Session& s, SearchField field) {
  switch (field) {
    case SearchField::title:
      return s.tr(MessageId::search_field_title);
    case SearchField::answer:
      return s.tr(MessageId::search_field_answer);
    case SearchField::body:
      return s.tr(MessageId::search_field_body);
    case SearchField::notes:
      return s.tr(MessageId::search_field_notes);
  }
  return {};
}

int run_search(const SearchOptions& options, Session& s) {
  SearchQuery query;
  for (const std::string& word : options.words) {
    query.text += (query.text.empty() ? "" : " ") + word;
  }
  query.type = options.type.empty() ? std::nullopt : parse_case_type(options.type);
  query.state = options.state.empty() ? std::nullopt : parse_state(options.state);
  if (!options.unit.empty()) {
    query.unit = options.unit;
  }
  if (!options.since.empty()) {
    query.since = s.zone().start_of(parse_date(options.since));
  }
  query.limit = options.limit;
  const SearchResult result = search_cases(s.store(), query);
  if (s.json()) {
    nlohmann::json hits = nlohmann::json::array();
    for (const SearchHit& hit : result.hits) {
      hits.push_back({{"id", hit.id},
                      {"state", to_string(hit.state)},
                      {"type", to_string(hit.type)},
                      {"unit", hit.unit.empty() ? nlohmann::json() : nlohmann::json(hit.unit)},
                      {"title", hit.title},
                      {"score", std::round(hit.score * 10000) / 10000},
                      {"field", to_string(hit.field)},
                      {"snippet", hit.snippet}});
    }
    emit_json(s, hits);
    return 0;
  }
  if (result.hits.empty()) {
    s.out() << s.tr(MessageId::search_none, {query.text}) << '\n';
    return 0;
  }
  Table table({{s.tr(MessageId::case_label_id)},
               {s.tr(MessageId::case_label_state)},
               {s.tr(MessageId::case_col_unit)},
               {s.tr(MessageId::case_label_title)},
               {s.tr(MessageId::search_col_match)}});
  for (const SearchHit& hit : result.hits) {
    table.add_row(
        {hit.id, label(s.lang(), hit.state), hit.unit,
         search_highlighted(s, truncate_to_width(hit.title, k_search_title_width), result.terms),
         search_field_label(s, hit.field) + ": " +
             search_highlighted(s, hit.snippet, result.terms)});
  }
  // Not cut to the terminal: every cell is bounded already, and a cut could split a highlight.
  s.out() << table.render();
  s.out() << s.tr(MessageId::search_count, {std::to_string(result.hits.size())}) << '\n';
  return 0;
}

}  // namespace

void add_search(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<SearchOptions>();
  CLI::App* cmd = app.add_subcommand("search", tr(lang, MessageId::search_cmd));
  cmd->add_option("text", options->words, tr(lang, MessageId::search_opt_text))
      ->required()
      ->type_name("TEXT");
  cmd->add_option("--type", options->type, tr(lang, MessageId::case_opt_type_filter))
      ->check(one_of(case_type_names()));
  cmd->add_option("--unit", options->unit, tr(lang, MessageId::case_opt_unit_filter))
      ->type_name("UNIT");
  cmd->add_option("--state", options->state, tr(lang, MessageId::case_opt_state))
      ->check(one_of(state_names()));
  cmd->add_option("--since", options->since, tr(lang, MessageId::search_opt_since))
      ->type_name("DATE");
  cmd->add_option("--limit", options->limit, tr(lang, MessageId::search_opt_limit))
      ->check(CLI::Range(1, 1000))
      ->type_name("N");
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_search(*options, s); });
}

}  // namespace ent110::cli
