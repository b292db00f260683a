// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/config/config.hpp>
#include <ent110/core/error.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

namespace {
std::string error_of(const std::string& toml) {
  try {
    parse_config(toml, "c.toml");
  } catch (const BadInput& error) {
    return error.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("parse_config: an empty file gives the documented defaults", "[config]") {
  const LoadedConfig loaded = parse_config("", "c.toml");
  CHECK(loaded.config.time_zone == "Asia/Shanghai");
  CHECK(loaded.config.busy_timeout_ms == 5000);
  CHECK(loaded.config.file_mode == 0600);
  CHECK(loaded.config.office_unit == "OFFICE");
  CHECK(loaded.config.review_days == 1);
  CHECK(loaded.config.resubmit_days == 2);
  CHECK(loaded.origins.at("database.path").file.empty());
}

TEST_CASE("parse_config: values are read and their origin is recorded", "[config]") {
  const LoadedConfig loaded = parse_config(
      "[database]\nbusy_timeout_ms = 250\nfile_mode = \"0640\"\n\n[general]\nlanguage = \"zh\"\n"
      "[report]\nrecipients = [\"市长\"]\n",
      "c.toml");
  CHECK(loaded.config.busy_timeout_ms == 250);
  CHECK(loaded.config.file_mode == 0640);
  CHECK(loaded.config.language == "zh");
  CHECK(loaded.config.report_recipients == std::vector<std::string>{"市长"});
  CHECK(loaded.origins.at("database.busy_timeout_ms").file == "c.toml");
  CHECK(loaded.origins.at("database.busy_timeout_ms").line == 2);
}

TEST_CASE("parse_config: unknown keys are errors naming file:line:col", "[config]") {
  CHECK(error_of("[database]\npth = \"x\"\n") ==
        "c.toml:2:1: unknown key 'database.pth'; known keys are listed by 'ent110 config'");
  CHECK(error_of("[nonsense]\n").find("c.toml:1:2: unknown key 'nonsense'") == 0);
  CHECK(error_of("top = 1\n").find("c.toml:1:") == 0);
}

TEST_CASE("parse_config: wrong types and values are errors naming file:line:col", "[config]") {
  CHECK(error_of("[database]\nbusy_timeout_ms = \"5s\"\n")
            .find("c.toml:2:19: 'database.busy_timeout_ms' must be an integer") == 0);
  CHECK(error_of("[database]\nbusy_timeout_ms = -1\n").find("c.toml:2:") == 0);
  CHECK(error_of("[general]\ntime_zone = \"Mars/Base\"\n").find("c.toml:2:13:") == 0);
  CHECK(error_of("[general]\nlanguage = \"fr\"\n").find("use \"zh\", \"en\"") != std::string::npos);
  CHECK(error_of("[database]\nfile_mode = \"rw\"\n").find("octal") != std::string::npos);
  CHECK(error_of("[report]\nrecipients = [1, 2]\n").find("an array of strings") !=
        std::string::npos);
  CHECK(error_of("[clocks]\nreview_days = 0\n").find("from 1 to 250") != std::string::npos);
}

TEST_CASE(
    "parse_config: [regression] issue 11: numbers out of their range are refused, not wrapped",
    "[config][regression]") {
  CHECK(error_of("[clocks]\nreview_days = 4294967296\n") ==
        "c.toml:2:15: 'clocks.review_days' = 4294967296 is out of range; use a whole number from 1 "
        "to 250");
  CHECK(error_of("[database]\nbusy_timeout_ms = 4294967296\n").find("from 0 to 600000") !=
        std::string::npos);
  CHECK(error_of("[database]\nbusy_timeout_ms = -1\n").find("from 0 to 600000") !=
        std::string::npos);
  for (const char* weight : {"nan", "inf", "-inf", "-1", "1001"}) {
    INFO(weight);
    CHECK(error_of(std::string("[assessment]\nweight_policy = ") + weight + "\n")
              .find("use a number from 0 to 1000") != std::string::npos);
  }
  CHECK(error_of("[assessment]\ncommend_top = 1001\n").find("from 0 to 1000") != std::string::npos);
  CHECK(parse_config("[clocks]\nreview_days = 250\n", "c.toml").config.review_days == 250);
  CHECK(parse_config("[assessment]\nweight_policy = 12.5\n", "c.toml").config.weight_policy ==
        12.5);
}

TEST_CASE(
    "parse_config: [regression] issue 11: a file that is not UTF-8 is refused naming its line",
    "[config][regression]") {
  try {
    parse_config("[report]\ntitle = \"ab\xff\"\n", "c.toml");
    FAIL("accepted");
  } catch (const BadInput& error) {
    CHECK(std::string(error.what()) ==
          "c.toml:2: not valid UTF-8 (byte 20); save the file as UTF-8");
  }
}

TEST_CASE("parse_config: TOML syntax errors carry the parser's position", "[config]") {
  CHECK(error_of("[database\n").find("c.toml:1:") == 0);
}

TEST_CASE("load_config: a missing explicit file is bad input", "[config]") {
  CHECK_THROWS_AS(load_config("/nonexistent/ent110.toml"), BadInput);
}

TEST_CASE("load_config: examples/config.toml documents every key with its default", "[config]") {
  const LoadedConfig example = load_config(test::source_dir() / "examples" / "config.toml");
  const std::vector<ConfigEntry> from_file = describe_config(example);
  const std::vector<ConfigEntry> defaults = describe_config(default_config());
  REQUIRE(from_file.size() == defaults.size());
  for (std::size_t i = 0; i < defaults.size(); ++i) {
    INFO(defaults[i].key);
    CHECK(from_file[i].value == defaults[i].value);
    CHECK_FALSE(from_file[i].origin.file.empty());
  }
}

TEST_CASE("parse_config: the unrated follow-up window must not be empty", "[config]") {
  CHECK(parse_config("", "c.toml").config.unrated_within_days == 20);
  CHECK(error_of("[triage]\nunrated_after_days = 5\nunrated_within_days = 5\n") ==
        "c.toml:3: triage.unrated_within_days (5) must be greater than "
        "triage.unrated_after_days (5), or no unrated answer is ever listed");
  CHECK(error_of("[triage]\nunrated_after_days = 30\n").find("c.toml:2: ") == 0);
  CHECK(error_of("[triage]\nunrated_after_days = 5\nunrated_within_days = 6\n") == "no error");
}

TEST_CASE("parse_config: toml++'s aborts and undefined behaviour are syntax errors here",
          "[config]") {
  // libFuzzer's findings (tests/fuzz/findings): toml++ asserted on these table headers, and its
  // Unicode tables reached "unreachable" (UBSan reports it) on a line that starts with "§", "ѷ"
  // or "。".
  for (const std::string& text :
       {std::string("[=unit]]\n"), std::string("[[`olid]]\n"), std::string("[\0\0]\n", 6),
        std::string("ѷ#g"), std::string("§ = 1\n"), std::string("。\n")}) {
    CAPTURE(text);
    CHECK(error_of(text).find("c.toml:1:") == 0);
  }
}
