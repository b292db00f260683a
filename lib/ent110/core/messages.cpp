// SPDX-License-Identifier: MIT
#include <ent110/core/messages.hpp>

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace ent110 {
namespace {

struct CatalogueEntry {
  std::string_view en;
  std::string_view zh;
};

constexpr std::array k_catalogue = {
#define ENT110_MESSAGE(id, en, zh) CatalogueEntry{en, zh},
#include <ent110/core/messages/all.def>
#undef ENT110_MESSAGE
};

// The entries by name, so that a template can name an enum word's entry by its domain.
constexpr std::array k_names = {
#define ENT110_MESSAGE(id, en, zh) std::string_view{#id},
#include <ent110/core/messages/all.def>
#undef ENT110_MESSAGE
};

std::optional<MessageId> find_message(std::string_view name) {
  const auto found = std::find(k_names.begin(), k_names.end(), name);
  if (found == k_names.end()) {
    return std::nullopt;
  }
  return static_cast<MessageId>(found - k_names.begin());
}

// The name in `lang` of enum word `word` ("escalate-inspection") of `domain`, if the catalogue
// has one.
std::optional<std::string> word_name(std::string_view domain, std::string_view word, Lang lang) {
  std::string name = std::string(domain) + "_" + std::string(word);
  std::replace(name.begin(), name.end(), '-', '_');
  std::replace(name.begin(), name.end(), ' ', '_');
  if (const std::optional<MessageId> id = find_message(name)) {
    return std::string(message_template(*id, lang));
  }
  return std::nullopt;
}

// `arg` named in `lang`: one word, or a list "'a', 'b'" item by item; nullopt when any item is
// not a word of `domain`.
std::optional<std::string> named_words(std::string_view domain, std::string_view arg, Lang lang) {
  if (arg.empty() || arg.front() != '\'') {
    return word_name(domain, arg, lang);
  }
  std::string out;
  for (std::size_t pos = 0; pos < arg.size();) {
    const std::size_t open = arg.find('\'', pos);
    const std::size_t close = open == std::string_view::npos ? open : arg.find('\'', open + 1);
    if (close == std::string_view::npos) {
      break;
    }
    const std::optional<std::string> name =
        word_name(domain, arg.substr(open + 1, close - open - 1), lang);
    if (!name) {
      return std::nullopt;
    }
    out += (out.empty() ? "" : tr(lang, MessageId::report_list_separator)) + "“" + *name + "”";
    pos = close + 1;
  }
  return out;
}

}  // namespace

std::string_view message_template(MessageId id, Lang lang) {
  const CatalogueEntry& entry = k_catalogue.at(static_cast<std::size_t>(id));
  return lang == Lang::zh ? entry.zh : entry.en;
}

std::string expand_plurals(std::string_view text, const std::vector<std::string>& args) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find('{', pos);
    if (open == std::string_view::npos) {
      break;
    }
    if (open + 1 < text.size() && text[open + 1] == '{') {  // fmt's escaped brace
      out.append(text.substr(pos, open + 2 - pos));
      pos = open + 2;
      continue;
    }
    const std::size_t close = text.find('}', open);
    const std::string_view inside = close == std::string_view::npos
                                        ? std::string_view()
                                        : text.substr(open + 1, close - open - 1);
    const std::size_t bar = inside.find('|');
    const std::size_t second = bar == std::string_view::npos ? bar : inside.find('|', bar + 1);
    if (second == std::string_view::npos) {
      out.append(text.substr(pos, open + 1 - pos));
      pos = open + 1;
      continue;
    }
    const std::string index(inside.substr(0, bar));
    const std::size_t n = static_cast<std::size_t>(std::stoul(index));
    const bool one = n < args.size() && (args[n] == "1" || args[n] == "-1");
    out.append(text.substr(pos, open - pos));
    out += "{" + index + "} ";
    out.append(one ? inside.substr(bar + 1, second - bar - 1) : inside.substr(second + 1));
    pos = close + 1;
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

std::string expand_words(std::string_view text, std::vector<std::string>& args, Lang lang) {
  std::string out;
  std::size_t pos = 0;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', pos)) {
    const std::size_t open = text.rfind('{', at);
    const std::size_t close = text.find('}', at);
    const bool placeholder = open != std::string_view::npos && open >= pos &&
                             close != std::string_view::npos && open + 1 < at &&
                             std::all_of(text.begin() + static_cast<std::ptrdiff_t>(open + 1),
                                         text.begin() + static_cast<std::ptrdiff_t>(at),
                                         [](char c) { return c >= '0' && c <= '9'; });
    if (!placeholder) {
      out.append(text.substr(pos, at + 1 - pos));
      pos = at + 1;
      continue;
    }
    const std::string index(text.substr(open + 1, at - open - 1));
    const std::size_t n = static_cast<std::size_t>(std::stoul(index));
    if (lang == Lang::zh && n < args.size()) {
      if (std::optional<std::string> name =
              named_words(text.substr(at + 1, close - at - 1), args[n], lang)) {
        args[n] = std::move(*name);
      }
    }
    out.append(text.substr(pos, open - pos));
    out += "{" + index + "}";
    pos = close + 1;
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

std::string render(const Message& message, Lang lang) {
  std::vector<std::string> args = message.args;
  const std::string text =
      expand_words(expand_plurals(message_template(message.id, lang), args), args, lang);
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string& arg : args) {
    store.push_back(arg);
  }
  return fmt::vformat(text, store);
}

std::string tr(Lang lang, MessageId id, std::vector<std::string> args) {
  return render(Message{id, std::move(args)}, lang);
}

std::optional<Lang> parse_lang(std::string_view text) {
  std::string lower(text.substr(0, 2));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "zh") {
    return Lang::zh;
  }
  if (lower == "en") {
    return Lang::en;
  }
  return std::nullopt;
}

}  // namespace ent110
