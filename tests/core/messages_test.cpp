// SPDX-License-Identifier: MIT
#include <ent110/core/messages.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace ent110;

namespace {

constexpr MessageId k_every_message[] = {
#define ENT110_MESSAGE(id, en, zh) MessageId::id,
#include <ent110/core/messages/all.def>
#undef ENT110_MESSAGE
};

}  // namespace

TEST_CASE("expand_plurals: a count takes the singular for 1 and the plural otherwise",
          "[core][messages]") {
  CHECK(expand_plurals("{0|case|cases}", {"1"}) == "{0} case");
  CHECK(expand_plurals("{0|case|cases}", {"2"}) == "{0} cases");
  CHECK(expand_plurals("{0|case|cases}", {"0"}) == "{0} cases");
  CHECK(expand_plurals("{0|case|cases}", {"-1"}) == "{0} case");
  CHECK(expand_plurals("{1|row refers|rows refer} to '{0}'", {"x", "1"}) ==
        "{1} row refers to '{0}'");
}

TEST_CASE("expand_plurals: other placeholders and escaped braces are left for fmt",
          "[core][messages]") {
  CHECK(expand_plurals("{0}: {{literal}} {1}", {"a", "b"}) == "{0}: {{literal}} {1}");
  CHECK(expand_plurals("共 {0} 件", {"1"}) == "共 {0} 件");
}

TEST_CASE("render: English messages with counts get their plurals right; Chinese needs none",
          "[core][messages]") {
  CHECK(tr(Lang::en, MessageId::triage_referred_summary, {"1"}) ==
        "referred 1 case to the inspection office");
  CHECK(tr(Lang::en, MessageId::triage_referred_summary, {"2"}) ==
        "referred 2 cases to the inspection office");
  CHECK(tr(Lang::en, MessageId::case_list_count, {"1"}) == "1 case");
  CHECK(tr(Lang::en, MessageId::case_list_count, {"0"}) == "0 cases");
  CHECK(tr(Lang::en, MessageId::verify_ok, {"1"}) ==
        "database intact; 1 event, hash chain unbroken");
  CHECK(tr(Lang::en, MessageId::backup_done, {"b.db", "1", "6"}) ==
        "backed up to b.db (1 byte, schema version 6)");
  CHECK(tr(Lang::zh, MessageId::case_list_count, {"1"}) == "共 1 件");
}

TEST_CASE("catalogue: every English plural selector names an argument the Chinese text uses",
          "[core][messages]") {
  // A selector is "{N|one|other}"; the count must be an argument of the message in both languages.
  for (const MessageId id : k_every_message) {
    const std::string_view en = message_template(id, Lang::en);
    for (std::size_t open = en.find('{'); open != std::string_view::npos;
         open = en.find('{', open + 1)) {
      const std::size_t close = en.find('}', open);
      const std::string_view inside = en.substr(open + 1, close - open - 1);
      const std::size_t bar = inside.find('|');
      if (bar == std::string_view::npos) {
        continue;
      }
      INFO(en);
      CHECK(std::count(inside.begin(), inside.end(), '|') == 2);
      const std::string placeholder = "{" + std::string(inside.substr(0, bar)) + "}";
      CHECK(message_template(id, Lang::zh).find(placeholder) != std::string_view::npos);
    }
  }
}
