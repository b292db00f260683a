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

std::string render(const Message& message, Lang lang) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string& arg : message.args) {
    store.push_back(arg);
  }
  return fmt::vformat(expand_plurals(message_template(message.id, lang), message.args), store);
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
