// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/util/csv.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

TEST_CASE("parse_csv: BOM, quotes, embedded commas and blank lines", "[util][csv]") {
  const auto rows =
      parse_csv("\xEF\xBB\xBFname,code\r\n\"甲, 公司\",1\n\n\"say \"\"hi\"\"\",2\n", "e.csv");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == std::vector<std::string>{"name", "code"});
  CHECK(rows[1].fields == std::vector<std::string>{"甲, 公司", "1"});
  CHECK(rows[2].fields == std::vector<std::string>{"say \"hi\"", "2"});
  CHECK(rows[2].row == 4);
}

TEST_CASE("parse_csv: a stray quote is an error naming file and row", "[util][csv]") {
  try {
    parse_csv("a,b\n1,\"2\n", "e.csv");
    FAIL("accepted");
  } catch (const BadInput& error) {
    CHECK(std::string(error.what()).find("e.csv:2") == 0);
  }
}

TEST_CASE("csv_quote: quotes only when needed", "[util][csv]") {
  CHECK(csv_quote("plain") == "plain");
  CHECK(csv_quote("a,b") == "\"a,b\"");
  CHECK(csv_quote("say \"x\"") == "\"say \"\"x\"\"\"");
}
