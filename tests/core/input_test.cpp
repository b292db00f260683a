// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <sstream>
#include <string>
#include <vector>

using namespace ent110;

TEST_CASE("invalid_utf8_offset: well-formed UTF-8 passes, every ill-formed class is found",
          "[core][input]") {
  for (const char* good : {"", "plain", "中文标题", "emoji \xF0\x9F\x98\x80", "\xEF\xBF\xBF",
                           "\xF4\x8F\xBF\xBF", "tab\tnew\nline"}) {
    INFO(good);
    CHECK_FALSE(invalid_utf8_offset(good).has_value());
  }
  const std::pair<std::string_view, std::size_t> bad[] = {
      {"ab\xFF", 2},                // never a UTF-8 byte
      {"\x80", 0},                  // lone continuation byte
      {"x\xC0\xAF", 1},             // overlong '/'
      {"\xE0\x80\xAF", 0},          // overlong, three bytes
      {"\xED\xA0\x80", 0},          // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},      // above U+10FFFF
      {"\xE4\xB8", 0},              // truncated at the end
      {"ok\xE4\xB8x", 2},           // truncated before ASCII
      {"\xF0\x9F\x98\x80\xC3", 4},  // truncated after a good character
  };
  for (const auto& [text, offset] : bad) {
    INFO(text);
    CHECK(invalid_utf8_offset(text) == offset);
  }
}

TEST_CASE("require_utf8_argument: refuses naming the field and byte, exit 2", "[core][input]") {
  try {
    require_utf8_argument("ab\xFF", "--title");
    FAIL("accepted");
  } catch (const UsageError& error) {
    CHECK(error.exit_code() == ExitCode::usage);
    CHECK(std::string(error.what()) == "--title is not valid UTF-8 (byte 2); give text in UTF-8");
  }
}

TEST_CASE("require_utf8_file: refuses naming the file, line and byte, exit 5", "[core][input]") {
  try {
    require_utf8_file("one\ntwo\nth\xC0\xAF", "cases.csv");
    FAIL("accepted");
  } catch (const BadInput& error) {
    CHECK(error.exit_code() == ExitCode::bad_input);
    CHECK(std::string(error.what()) ==
          "cases.csv:3: not valid UTF-8 (byte 10); save the file as UTF-8");
  }
}

TEST_CASE("Utf8FileCheck: the verdict of require_utf8_file, however the file is cut",
          "[core][input]") {
  // Characters of 2, 3 and 4 bytes, and each ill-formed class, cut at every position.
  const std::vector<std::string> files = {
      "ab\n\xC3\xA9\n\xE4\xB8\xAD\xF0\x9F\x98\x80\n",
      "\xE4\xB8\xAD\n\n\xE4\xB8",           // ends inside a character
      "\xE4\xB8\xAD\n\xE4\x41\xAD\nz",      // a lead byte without its continuation
      "x\n\xF0\x9F\x98\x80\xC0\xAF\n",      // an overlong form
      "\n\n\xED\xA0\x80\xE4\xB8\xAD",       // a surrogate
      "\xF4\x90\x80\x80",                   // above U+10FFFF
      "\xE4\xB8\xAD\n\xFF\n\xE4\xB8\xAD"};  // a byte that starts nothing
  const auto verdict = [](const std::function<void()>& check) -> std::string {
    try {
      check();
      return "UTF-8";
    } catch (const BadInput& error) {
      return error.what();
    }
  };
  for (const std::string& file : files) {
    const std::string whole = verdict([&] { require_utf8_file(file, "f.ndjson"); });
    for (std::size_t piece = 1; piece <= file.size(); ++piece) {
      for (std::size_t first = 0; first <= file.size(); ++first) {
        Utf8FileCheck check("f.ndjson");
        const std::string cut = verdict([&] {
          check.add(std::string_view(file).substr(0, first));
          for (std::size_t at = first; at < file.size(); at += piece) {
            check.add(std::string_view(file).substr(at, piece));
          }
          check.finish();
        });
        INFO(piece << " " << first);
        CHECK(cut == whole);
      }
    }
  }
}

TEST_CASE("read_bounded: reads up to the cap and refuses more", "[core][input]") {
  std::istringstream small("12345");
  CHECK(read_bounded(small, 5, "small") == "12345");
  std::istringstream large(std::string(200000, 'x'));
  CHECK_THROWS_AS(read_bounded(large, 199999, "large"), BadInput);
  std::istringstream exact(std::string(200000, 'x'));
  CHECK(read_bounded(exact, 200000, "exact").size() == 200000);
}

TEST_CASE("escape_controls: C0, DEL, C1 and invalid bytes become visible escapes",
          "[core][input]") {
  CHECK(escape_controls("a\x1b]0;pwned\x07z") == "a\\x1b]0;pwned\\x07z");
  CHECK(escape_controls("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(escape_controls("a\nb\tc\rd", true) == "a\nb\tc\\rd");
  CHECK(escape_controls("\x7f\xC2\x9B"
                        "2J") == "\\x7f\\u009b2J");
  CHECK(escape_controls("bad\xFF中") == "bad\\xff中");
}

TEST_CASE("excerpt_for_message: long values are cut by code point, with an ellipsis",
          "[core][input]") {
  CHECK(excerpt_for_message("short") == "short");
  std::string chinese;
  for (int i = 0; i < 200; ++i) {
    chinese += "中";
  }
  const std::string cut = excerpt_for_message(chinese);
  CHECK(cut.size() == k_max_quoted_chars * 3 + std::string("…").size());
  CHECK(cut.ends_with("…"));
  CHECK(excerpt_for_message(std::string(120000, 'x')).size() ==
        k_max_quoted_chars + std::string("…").size());
}

TEST_CASE("Error: [regression] issue 11: a quoted value is escaped and shortened",
          "[core][input]") {
  const BadInput error(MessageId::cannot_read_file, {std::string(5000, 'a') + "\n"});
  const std::string what = error.what();
  CHECK(what.find('\n') == std::string::npos);
  CHECK(what.size() < 300);
}
