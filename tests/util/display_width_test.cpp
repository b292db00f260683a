// SPDX-License-Identifier: MIT
#include <ent110/util/display_width.hpp>
#include <ent110/util/spellcheck.hpp>
#include <ent110/util/table.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

TEST_CASE("display_width: CJK ideographs and fullwidth punctuation take two columns", "[util]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("FGW") == 3);
  CHECK(display_width("发改委") == 6);
  CHECK(display_width("市发改委（FGW）") == 15);
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute accent
  CHECK(display_width("\x1b[31m已超期\x1b[0m") == 6);
}

TEST_CASE("truncate_to_width: never splits a character and marks the cut", "[util]") {
  CHECK(truncate_to_width("市发展和改革委员会", 7) == "市发展…");
  CHECK(display_width(truncate_to_width("市发展和改革委员会", 7)) <= 7);
  CHECK(truncate_to_width("short", 10) == "short");
}

TEST_CASE("Table: Chinese and Latin cells line up by display width", "[util]") {
  Table table({{"code"}, {"名称"}, {"n", Table::Align::right}});
  table.add_row({"FGW", "市发展和改革委员会", "3"});
  table.add_row({"GSX", "光山县", "12"});
  const std::string text = table.render();
  CHECK(text ==
        "code  名称                 n\n"
        "----  ------------------  --\n"
        "FGW   市发展和改革委员会   3\n"
        "GSX   光山县              12\n");
}

TEST_CASE("Table: shrinkable columns are cut to fit the width", "[util]") {
  Table table({{"id"}, {"title", Table::Align::left, true}});
  table.add_row({"2025-000001", "关于企业用地手续办理进度缓慢的问题反映"});
  const std::string text = table.render(30);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    CHECK(display_width(text.substr(start, end - start)) <= 30);
    start = end + 1;
  }
  CHECK(text.find("…") != std::string::npos);
}

TEST_CASE("closest_match: suggests near misses only", "[util]") {
  CHECK(closest_match("FWG", {"FGW", "GSX"}) == "FGW");
  CHECK(closest_match("fgw", {"FGW", "GSX"}) == "FGW");
  CHECK_FALSE(closest_match("ZZZZZZ", {"FGW", "GSX"}).has_value());
}
