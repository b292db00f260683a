// SPDX-License-Identifier: MIT
#include <ent110/report/document.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

TEST_CASE("format_rate: no denominator shows a dash, never 0% or 100%", "[report][rate]") {
  CHECK(format_rate({0, 0}) == "—");
  CHECK_FALSE(rate_value({0, 0}).has_value());
}

TEST_CASE("format_rate: shows the percentage to one decimal with its counts", "[report][rate]") {
  CHECK(format_rate({7, 8}) == "87.5% (7/8)");
  CHECK(format_rate({2, 3}) == "66.7% (2/3)");
  CHECK(format_rate({1, 3}) == "33.3% (1/3)");
  CHECK(format_rate({1, 8}) == "12.5% (1/8)");
  CHECK(rate_value({1, 4}) == Approx(0.25));
}

TEST_CASE("format_rate: all late and all on time are 0% and 100% exactly", "[report][rate]") {
  CHECK(format_rate({0, 5}) == "0.0% (0/5)");
  CHECK(format_rate({5, 5}) == "100.0% (5/5)");
  CHECK(format_rate({1, 1}) == "100.0% (1/1)");
}

TEST_CASE("format_rate: rounding never reaches 100% or 0% when it is not so", "[report][rate]") {
  CHECK(format_rate({1999, 2000}) == "99.9% (1999/2000)");
  CHECK(format_rate({9999999, 10000000}) == "99.9% (9999999/10000000)");
  CHECK(format_rate({1, 2000}) == "0.1% (1/2000)");
  CHECK(format_rate({1, 10000000}) == "0.1% (1/10000000)");
  CHECK(format_rate({1995, 2000}) == "99.8% (1995/2000)");
}

TEST_CASE("format_rate_change: percentage points, signed, dash without a denominator",
          "[report][rate]") {
  CHECK(format_rate_change(Lang::en, {9, 10}, {8, 10}) == "+10.0 pp");
  CHECK(format_rate_change(Lang::en, {1, 2}, {3, 4}) == "-25.0 pp");
  CHECK(format_rate_change(Lang::en, {1, 2}, {2, 4}) == "±0.0 pp");
  CHECK(format_rate_change(Lang::zh, {2, 3}, {1, 3}) == "+33.3个百分点");
  CHECK(format_rate_change(Lang::en, {0, 0}, {1, 2}) == "—");
  CHECK(format_rate_change(Lang::en, {1, 2}, {0, 0}) == "—");
}

TEST_CASE("format_value: text, counts and rates", "[report]") {
  CHECK(format_value(std::string("市发改委")) == "市发改委");
  CHECK(format_value(std::int64_t{42}) == "42");
  CHECK(format_value(Rate{3, 4}) == "75.0% (3/4)");
  CHECK(format_value(Score{85.25}) == "85.2");
  CHECK(format_value(Score{100}) == "100.0");
}

TEST_CASE("format_score: one decimal, a dash when there is nothing to score", "[report]") {
  CHECK(format_score(Score{}) == "—");
  CHECK(format_score(Score{0}) == "0.0");
  CHECK(format_score(Score{66.66}) == "66.7");
}

TEST_CASE("parse_report_format: the five spellings and nothing else", "[report]") {
  for (const std::string& name : report_format_names()) {
    const auto format = parse_report_format(name);
    REQUIRE(format.has_value());
    CHECK(to_string(*format) == name);
  }
  CHECK(report_format_names().size() == 5);
  CHECK_FALSE(parse_report_format("pdf").has_value());
  CHECK_FALSE(parse_report_format("").has_value());
}
