// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

/// The two languages every user-facing text exists in.
enum class Lang { en, zh };

/// Identifies one entry of the message catalogue (lib/ent110/core/messages/*.def).
enum class MessageId {
#define ENT110_MESSAGE(id, en, zh) id,
#include <ent110/core/messages/all.def>
#undef ENT110_MESSAGE
};

/// A catalogue entry with its arguments, rendered late so `cli/` can choose the language.
struct Message {
  MessageId id;
  std::vector<std::string> args;
};

/// The template of `id` in `lang`; placeholders are `{0}`, `{1}`, … (fmt syntax),
/// `{N|one|other}` for a count with its noun (see expand_plurals), and `{N@domain}` for an enum
/// word (see expand_words).
std::string_view message_template(MessageId id, Lang lang);

/// `text` with each `{N|one|other}` replaced by `{N} one` when argument N is "1" or "-1", else by
/// `{N} other`: "{0|case|cases}" reads "1 case", "2 cases", "0 cases". Chinese templates need no
/// plural and write "{0} 件". Other placeholders are left for fmt.
std::string expand_plurals(std::string_view text, const std::vector<std::string>& args);

/// `text` with each `{N@domain}` replaced by `{N}`, and argument N by its name in `lang` when it
/// is an enum word: the catalogue entry `<domain>_<word>` ("{1@label_state}" with "answered"
/// reads "已答复"). A list "'a', 'b'" is named item by item. An argument that names no entry, and
/// every argument in English, keeps its spelling, the one typed on the command line.
std::string expand_words(std::string_view text, std::vector<std::string>& args, Lang lang);

/// Renders `message` in `lang`, substituting its arguments (expand_plurals and expand_words,
/// then fmt).
std::string render(const Message& message, Lang lang);

/// Shorthand for render(Message{id, args}, lang).
std::string tr(Lang lang, MessageId id, std::vector<std::string> args = {});

/// Parses "zh…"/"en…" (case-insensitive, as in a locale name); nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view text);

}  // namespace ent110
