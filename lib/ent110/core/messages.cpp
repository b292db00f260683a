// SPDX-License-Identifier: MIT
#include <ent110/core/messages.hpp>

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

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

std::string render(const Message& message, Lang lang) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string& arg : message.args) {
    store.push_back(arg);
  }
  return fmt::vformat(message_template(message.id, lang), store);
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
