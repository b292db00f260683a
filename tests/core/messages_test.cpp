// SPDX-License-Identifier: MIT
#include <ent110/core/messages.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
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

TEST_CASE("render: English messages with counts get their plurals right, Chinese needs none",
          "[core][messages]") {
  CHECK(tr(Lang::en, MessageId::triage_referred_summary, {"1"}) ==
        "referred 1 case to the inspection office");
  CHECK(tr(Lang::en, MessageId::triage_referred_summary, {"2"}) ==
        "referred 2 cases to the inspection office");
  CHECK(tr(Lang::en, MessageId::case_list_count, {"1"}) == "1 case");
  CHECK(tr(Lang::en, MessageId::case_list_count, {"0"}) == "0 cases");
  CHECK(tr(Lang::en, MessageId::verify_ok, {"1", "1"}) ==
        "database intact; 1 event, hash chain unbroken; 1 case matches its events");
  CHECK(tr(Lang::en, MessageId::verify_ok, {"2", "3"}) ==
        "database intact; 2 events, hash chain unbroken; 3 cases match their events");
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

TEST_CASE("render: Chinese errors name enum words in Chinese, English keeps the spelling typed",
          "[core][messages]") {
  CHECK(tr(Lang::zh, MessageId::case_refused_state_one,
           {"2025-000001", "answered", "forward", "received"}) ==
        "问题“2025-000001”当前为“已答复”；forward 须在“已受理”状态进行");
  CHECK(tr(Lang::en, MessageId::case_refused_state_one,
           {"2025-000001", "answered", "forward", "received"}) ==
        "case '2025-000001' is 'answered'; forward needs 'received'");
  // A list of states is named item by item.
  CHECK(tr(Lang::zh, MessageId::case_refused_state,
           {"2025-000001", "evaluated", "reply", "'forwarded', 'returned'"}) ==
        "问题“2025-000001”当前为“已评价”；reply 须在以下状态之一进行：“已转办”、“已退回”");
  CHECK(tr(Lang::zh, MessageId::case_refused_type,
           {"2025-000001", "consult", "review", "coordinate"}) ==
        "问题“2025-000001”是咨询类问题；review 只适用于协调解决类问题");
  CHECK(tr(Lang::zh, MessageId::access_needs_role,
           {"li", "FGW", "unit", "assess policy", "office"}) ==
        "用户“li”（单位“FGW”，角色“承办单位人员”）不能执行 assess "
        "policy；只有办公室人员可以");
  CHECK(tr(Lang::zh, MessageId::assess_finding_not_supervised, {"FGW", "department"})
            .starts_with("“FGW”是市直部门；"));
  CHECK(tr(Lang::zh, MessageId::case_inspection_not_overdue,
           {"2025-000001", "2025-10-09", "due-today"})
            .find("状态为“今日到期”") != std::string::npos);
  // A word the catalogue does not name is shown as given.
  CHECK(tr(Lang::zh, MessageId::case_refused_state_one, {"1", "unheard-of", "x", "received"}) ==
        "问题“1”当前为“unheard-of”；x 须在“已受理”状态进行");
}

TEST_CASE("expand_words: an '@' outside a placeholder is text", "[core][messages]") {
  std::vector<std::string> args{"a b"};
  CHECK(expand_words("“{0}”不合规；请用“@”", args, Lang::zh) == "“{0}”不合规；请用“@”");
  CHECK(args[0] == "a b");
}

TEST_CASE("catalogue: every enum-word placeholder names a domain of the catalogue",
          "[core][messages]") {
  std::vector<std::string> names;
#define ENT110_MESSAGE(id, en, zh) names.emplace_back(#id);
#include <ent110/core/messages/all.def>
#undef ENT110_MESSAGE
  for (const MessageId id : k_every_message) {
    const std::string_view zh = message_template(id, Lang::zh);
    for (std::size_t at = zh.find("@"); at != std::string_view::npos; at = zh.find("@", at + 1)) {
      const std::size_t close = zh.find('}', at);
      if (zh.rfind('{', at) == std::string_view::npos || close == std::string_view::npos ||
          !std::isdigit(static_cast<unsigned char>(zh[at - 1]))) {
        continue;
      }
      const std::string prefix = std::string(zh.substr(at + 1, close - at - 1)) + "_";
      INFO(zh);
      CHECK(std::any_of(names.begin(), names.end(),
                        [&](const std::string& name) { return name.starts_with(prefix); }));
    }
  }
}
